//! `baton protect FILE`, `baton unprotect FILE`, `baton rekey FILE`: set, remove or change the
//! passphrase of a client file. The passphrases come from `crate::passphrase` (a file, the
//! environment or a prompt; never the command line). The file is rewritten beside itself and
//! moved into place in one step (see the store), so it is never half protected.

use std::path::{Path, PathBuf};

use baton_store::{Document, ErrorKind, Passphrase};

use crate::error::CliError;
use crate::output;
use crate::passphrase::{self, Wanted};

/// Protect a client file with a passphrase (from --passphrase-file, BATON_PASSPHRASE or a
/// prompt). A forgotten passphrase cannot be recovered.
#[derive(Debug, clap::Args)]
pub struct ProtectArgs {
    /// The .baton file.
    file: PathBuf,
}

/// Remove the passphrase of a client file: it becomes a plain SQLite file again.
#[derive(Debug, clap::Args)]
pub struct UnprotectArgs {
    /// The .baton file.
    file: PathBuf,
}

/// Change the passphrase of a client file (the new one from --new-passphrase-file,
/// BATON_NEW_PASSPHRASE or a prompt).
#[derive(Debug, clap::Args)]
pub struct RekeyArgs {
    /// The .baton file.
    file: PathBuf,
}

pub fn run_protect(args: ProtectArgs) -> Result<(), CliError> {
    let file = &args.file;
    let mut document = match Document::open(file) {
        Err(error) if error.kind() == ErrorKind::PassphraseRequired => {
            return Err(CliError::new(format!(
                "{} is protected already; use `baton rekey` to change its passphrase",
                output::path(file)
            )))
        }
        opened => opened.map_err(|error| CliError::store(file, error))?,
    };
    let passphrase = passphrase::get(file, Wanted::Current, true)?;
    document
        .set_passphrase(passphrase)
        .map_err(|error| CliError::store(file, error))?;
    super::close(document)?;
    output::announce(output::text(&format!(
        "Protected {} with a passphrase (it cannot be recovered if forgotten)\n",
        output::path(file)
    )))
}

pub fn run_unprotect(args: UnprotectArgs) -> Result<(), CliError> {
    let file = &args.file;
    let (mut document, current) = open_protected(file)?;
    document
        .remove_passphrase(&current)
        .map_err(|error| CliError::store(file, error))?;
    super::close(document)?;
    output::announce(output::text(&format!(
        "Removed the passphrase of {}: it is a plain file now\n",
        output::path(file)
    )))
}

pub fn run_rekey(args: RekeyArgs) -> Result<(), CliError> {
    let file = &args.file;
    let (mut document, current) = open_protected(file)?;
    let new = passphrase::get(file, Wanted::New, true)?;
    document
        .change_passphrase(&current, new)
        .map_err(|error| CliError::store(file, error))?;
    super::close(document)?;
    output::announce(output::text(&format!(
        "Changed the passphrase of {}\n",
        output::path(file)
    )))
}

/// Opens an encrypted file with its passphrase, kept to prove it again; a plain file is refused.
fn open_protected(file: &Path) -> Result<(Document, Passphrase), CliError> {
    let current = passphrase::get(file, Wanted::Current, false)?;
    let document = Document::open_with_passphrase(file, current.duplicate())
        .map_err(|error| CliError::store(file, error))?;
    if !document.is_encrypted() {
        super::close(document)?;
        return Err(CliError::new(format!(
            "{} is not protected by a passphrase",
            output::path(file)
        )));
    }
    Ok((document, current))
}
