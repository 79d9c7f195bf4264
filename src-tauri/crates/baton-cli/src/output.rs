//! Printing: human-readable text by default, pretty JSON for `--json`.
//!
//! A closed pipe (`baton history f.baton | head -1`) is not an error: the reader has what it
//! wanted, so the write is dropped silently.

use std::io::{self, Write};

use serde::Serialize;

use crate::error::CliError;

/// Writes `text` to stdout as is.
pub fn text(text: &str) -> Result<(), CliError> {
    let mut stdout = io::stdout().lock();
    let written = stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush());
    match written {
        Err(error) if error.kind() != io::ErrorKind::BrokenPipe => {
            Err(CliError::new(format!("cannot write to stdout: {error}")))
        }
        _ => Ok(()),
    }
}

/// Writes `value` to stdout as pretty JSON and a newline.
pub fn json<T: Serialize + ?Sized>(value: &T) -> Result<(), CliError> {
    let mut rendered = serde_json::to_string_pretty(value)
        .map_err(|error| CliError::new(format!("cannot render JSON: {error}")))?;
    rendered.push('\n');
    text(&rendered)
}

/// "1 step", "3 steps".
pub fn count(n: usize, singular: &str, plural: &str) -> String {
    if n == 1 {
        format!("1 {singular}")
    } else {
        format!("{n} {plural}")
    }
}

/// Writes `text` to stderr as is: notes that accompany a result or an error (rejected rows...).
/// A failure to write there has nowhere to be reported, so it is dropped.
pub fn notes(text: &str) {
    let mut stderr = io::stderr().lock();
    let _ = stderr
        .write_all(text.as_bytes())
        .and_then(|()| stderr.flush());
}
