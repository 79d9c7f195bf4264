//! One module per subcommand: its `Args` (clap) and its `run`.

pub mod check;
pub mod demo;
pub mod export_json;
pub mod history;
pub mod import_json;
pub mod info;
pub mod new;
pub mod redo;
pub mod templates;
pub mod undo;

use std::path::Path;

use baton_store::Document;

use crate::error::CliError;

/// Opens an existing client file, as the app does (an older file is backed up and upgraded).
pub(crate) fn open(path: &Path) -> Result<Document, CliError> {
    Document::open(path).map_err(|error| CliError::store(path, error))
}

/// Closes `document`, so a failure to release the file is reported rather than lost.
pub(crate) fn close(document: Document) -> Result<(), CliError> {
    let path = document.path().to_owned();
    document
        .close()
        .map_err(|error| CliError::store(&path, error))
}

/// The document's history, oldest first.
pub(crate) fn history(document: &Document) -> Result<Vec<baton_store::HistoryEntry>, CliError> {
    document
        .history()
        .map_err(|error| CliError::store(document.path(), error))
}
