//! `baton redo FILE`: redo the last undone edit.

use std::path::PathBuf;

use crate::error::CliError;
use crate::output;

/// Redo the last undone edit of a client file.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The .baton file.
    file: PathBuf,
}

pub fn run(args: Args) -> Result<(), CliError> {
    let mut document = super::open(&args.file)?;
    let redoing = super::history(&document)?
        .into_iter()
        .find(|entry| entry.undone);
    document
        .redo()
        .map_err(|error| CliError::store(&args.file, error))?;
    let after = super::history(&document)?;
    super::close(document)?;
    output::announce(output::text(&format!(
        "Redid {} in {} ({})\n",
        super::undo::describe(redoing.as_ref()),
        output::path(&args.file),
        super::undo::remaining(&after),
    )))
}
