//! Writing new files without ever leaving a half-made one, and never replacing an existing file
//! unless the user said `--force`. Every file is built in the store's hidden temp file beside
//! its target (`baton_store::temp_files`: a later run removes the ones a killed Baton left) and
//! moved into place in one step once complete.

use std::fs;
use std::io::Write;
use std::path::Path;

use baton_store::temp_files::TempFile;
use baton_store::{Document, NewDocument};

use crate::error::CliError;

/// Makes a new client file at `target`: `make` starts a new document for the target it is
/// given, `fill` adds its content. The file is built beside `target` and moved there only when
/// complete: without `force` an existing `target` (even one made meanwhile) is refused and left
/// alone; with `force` it is replaced in one step (refused when the target is open in a Baton).
/// If anything fails, or the process is killed, nothing is left at `target`.
pub fn new_document(
    target: &Path,
    force: bool,
    make: impl FnOnce(&Path) -> Result<NewDocument, CliError>,
    fill: impl FnOnce(&mut Document) -> Result<(), CliError>,
) -> Result<Document, CliError> {
    // An early refusal, before any work; the move into place checks again, atomically.
    if !force && fs::symlink_metadata(target).is_ok() {
        return Err(CliError::exists(target));
    }
    let mut building = make(target)?;
    // The user named `target`; the temp file is an implementation detail.
    let temp_path = building.temp_path().to_owned();
    fill(building.document_mut()).map_err(|error| error.with_path_shown_as(&temp_path, target))?;
    building
        .place(force)
        .map_err(|error| CliError::store(target, error))
}

/// Writes `text` to a new file `target`: built beside it and moved there once complete;
/// refused if `target` exists, unless `force` (then replaced in one step).
pub fn write_text(target: &Path, force: bool, text: &str) -> Result<(), CliError> {
    write_bytes(target, force, text.as_bytes())
}

/// [`write_text`] for any bytes.
pub fn write_bytes(target: &Path, force: bool, bytes: &[u8]) -> Result<(), CliError> {
    if !force && fs::symlink_metadata(target).is_ok() {
        return Err(CliError::exists(target));
    }
    let mut temporary = TempFile::create(target).map_err(|error| CliError::store(target, error))?;
    let temp_path = temporary.path().to_owned();
    temporary
        .file()
        .write_all(bytes)
        .map_err(|error| CliError::io(target, "write", &error))?;
    temporary
        .place(target, force)
        .map_err(|error| CliError::store(target, error).with_path_shown_as(&temp_path, target))
}

/// Whether `a` and `b` name the same existing file.
pub fn same_file(a: &Path, b: &Path) -> bool {
    match (fs::canonicalize(a), fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}
