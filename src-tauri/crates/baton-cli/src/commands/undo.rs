//! `baton undo FILE`: undo the last edit (the history lives in the file, so this works across
//! sessions and with the app).

use std::path::PathBuf;

use baton_store::HistoryEntry;

use crate::error::CliError;
use crate::output;

/// Undo the last edit of a client file.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The .baton file.
    file: PathBuf,
}

pub fn run(args: Args) -> Result<(), CliError> {
    let mut document = super::open(&args.file)?;
    let undoing = super::history(&document)?
        .into_iter()
        .rfind(|entry| !entry.undone);
    document
        .undo()
        .map_err(|error| CliError::store(&args.file, error))?;
    let after = super::history(&document)?;
    super::close(document)?;
    output::announce(output::text(&format!(
        "Undid {} in {} ({})\n",
        describe(undoing.as_ref()),
        output::path(&args.file),
        remaining(&after),
    )))
}

/// `#3 "Add template: Invoice payment"`.
pub(super) fn describe(entry: Option<&HistoryEntry>) -> String {
    entry.map_or_else(
        || "the last edit".to_owned(),
        |entry| format!("#{} \"{}\"", entry.seq, output::shown(&entry.label)),
    )
}

/// "2 to undo, 1 to redo".
pub(super) fn remaining(history: &[HistoryEntry]) -> String {
    let undone = history.iter().filter(|entry| entry.undone).count();
    format!("{} to undo, {} to redo", history.len() - undone, undone)
}
