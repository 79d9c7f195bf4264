//! Where the CLI gets an encrypted file's passphrase: `--passphrase-file PATH`, else the
//! `BATON_PASSPHRASE` environment variable, else a prompt on the terminal (no echo). A new
//! passphrase (`rekey`) comes from `--new-passphrase-file` / `BATON_NEW_PASSPHRASE` / a prompt
//! asked twice. Never from the command line itself: it would show in every process list.
//!
//! A passphrase file is read up to a size limit, must be UTF-8, and loses one trailing line
//! break (as editors add). Every copy read is zeroed when dropped.

use std::io::{IsTerminal, Read};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use baton_store::Passphrase;
use zeroize::Zeroizing;

use crate::error::CliError;
use crate::output;

pub const ENV: &str = "BATON_PASSPHRASE";
pub const NEW_ENV: &str = "BATON_NEW_PASSPHRASE";

/// The files named on the command line, set once by `main`.
#[derive(Debug, Default)]
pub struct Sources {
    pub file: Option<PathBuf>,
    pub new_file: Option<PathBuf>,
}

static SOURCES: OnceLock<Sources> = OnceLock::new();

pub fn configure(sources: Sources) {
    let _ = SOURCES.set(sources);
}

fn sources() -> &'static Sources {
    SOURCES.get_or_init(Sources::default)
}

/// Which passphrase is wanted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wanted {
    /// The passphrase that opens the file (or, for `protect`, the one to protect it with).
    Current,
    /// The one `rekey` changes to.
    New,
}

/// The passphrase for `file`; `confirm` asks twice at a prompt (a passphrase being chosen).
pub fn get(file: &Path, wanted: Wanted, confirm: bool) -> Result<Passphrase, CliError> {
    let (path, env, flag) = match wanted {
        Wanted::Current => (sources().file.as_deref(), ENV, "--passphrase-file"),
        Wanted::New => (
            sources().new_file.as_deref(),
            NEW_ENV,
            "--new-passphrase-file",
        ),
    };
    if let Some(path) = path {
        return from_file(path);
    }
    if let Some(value) = std::env::var_os(env) {
        let text = Zeroizing::new(value.into_string().map_err(|_| {
            CliError::new(format!(
                "{env} is not valid UTF-8: it cannot be a passphrase"
            ))
        })?);
        return checked(text.as_str(), env);
    }
    if std::io::stdin().is_terminal() && std::io::stderr().is_terminal() {
        return prompt(file, wanted, confirm);
    }
    Err(CliError::new(format!(
        "{}: {} is needed: give it with {flag} PATH or the {env} environment variable \
         (never on the command line)",
        output::path(file),
        match wanted {
            Wanted::Current => "a passphrase",
            Wanted::New => "the new passphrase",
        }
    )))
}

fn checked(text: &str, source: &str) -> Result<Passphrase, CliError> {
    Passphrase::new(text).map_err(|error| CliError::new(format!("{source}: {error}")))
}

fn from_file(path: &Path) -> Result<Passphrase, CliError> {
    let file = std::fs::File::open(path).map_err(|error| CliError::io(path, "read", &error))?;
    let limit = Passphrase::MAX_BYTES + 2;
    let mut bytes = Zeroizing::new(Vec::with_capacity(limit + 1));
    file.take(limit as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|error| CliError::io(path, "read", &error))?;
    let shown = output::path(path);
    if bytes.len() > limit {
        return Err(CliError::new(format!(
            "{shown}: a passphrase file holds at most {} bytes",
            Passphrase::MAX_BYTES
        )));
    }
    let text = std::str::from_utf8(&bytes)
        .map_err(|_| CliError::new(format!("{shown}: the passphrase is not valid UTF-8")))?;
    let text = text
        .strip_suffix("\r\n")
        .or_else(|| text.strip_suffix('\n'))
        .unwrap_or(text);
    checked(text, &shown)
}

fn prompt(file: &Path, wanted: Wanted, confirm: bool) -> Result<Passphrase, CliError> {
    let what = match wanted {
        Wanted::Current => "Passphrase",
        Wanted::New => "New passphrase",
    };
    let ask = |label: &str| {
        rpassword::prompt_password(format!("{label} for {}: ", output::path(file)))
            .map(Zeroizing::new)
            .map_err(|error| CliError::new(format!("cannot read the passphrase: {error}")))
    };
    let first = ask(what)?;
    if confirm {
        let again = ask(&format!("{what} again"))?;
        if *first != *again {
            return Err(CliError::new(
                "the two passphrases differ: nothing was changed",
            ));
        }
    }
    checked(first.as_str(), "the passphrase")
}
