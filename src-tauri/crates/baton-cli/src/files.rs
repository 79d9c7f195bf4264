//! Writing new files without ever leaving a half-made one, and never replacing an existing file
//! unless the user said `--force`.

use std::fs::{self, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

use baton_store::Document;

use crate::error::CliError;

/// Makes a new client file at `target`: `make` creates a document at the path it is given,
/// `fill` adds its content. Without `force` an existing `target` is refused (and left alone);
/// with `force` the file is built beside it and then replaces it in one step (refused when the
/// target is open in a Baton). If anything fails, no new file is left behind.
pub fn new_document(
    target: &Path,
    force: bool,
    make: impl FnOnce(&Path) -> Result<Document, CliError>,
    fill: impl FnOnce(&mut Document) -> Result<(), CliError>,
) -> Result<Document, CliError> {
    if !force {
        let mut document = make(target)?;
        if let Err(error) = fill(&mut document) {
            drop(document);
            let _ = fs::remove_file(target);
            return Err(error);
        }
        return Ok(document);
    }
    let building = sibling(target, "new");
    let result = make(&building).and_then(|mut document| {
        fill(&mut document)?;
        document
            .save_as(target)
            .map_err(|error| CliError::store(target, error))?;
        Ok(document)
    });
    // After `save_as` the document lives at `target`; the building copy is closed either way.
    let _ = fs::remove_file(&building);
    // The user named `target`; the building copy is an implementation detail.
    result.map_err(|error| error.with_path_shown_as(&building, target))
}

/// Writes `text` to a new file `target` (refused if it exists, unless `force`, in which case it
/// is replaced atomically).
pub fn write_text(target: &Path, force: bool, text: &str) -> Result<(), CliError> {
    if !force {
        let mut file = OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(target)
            .map_err(|error| match error.kind() {
                std::io::ErrorKind::AlreadyExists => CliError::exists(target),
                _ => CliError::io(target, "create", &error),
            })?;
        let written = file
            .write_all(text.as_bytes())
            .and_then(|()| file.sync_all());
        if let Err(error) = written {
            drop(file);
            let _ = fs::remove_file(target);
            return Err(CliError::io(target, "write", &error));
        }
        return Ok(());
    }
    let temporary = sibling(target, "writing");
    let written = fs::File::create(&temporary)
        .and_then(|mut file| {
            file.write_all(text.as_bytes())?;
            file.sync_all()
        })
        .and_then(|()| fs::rename(&temporary, target));
    if let Err(error) = written {
        let _ = fs::remove_file(&temporary);
        return Err(CliError::io(target, "write", &error));
    }
    Ok(())
}

/// Whether `a` and `b` name the same existing file.
pub fn same_file(a: &Path, b: &Path) -> bool {
    match (fs::canonicalize(a), fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// A hidden name beside `target`, unique to this process.
fn sibling(target: &Path, purpose: &str) -> PathBuf {
    let name = target
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default();
    target.with_file_name(format!(".{name}.{purpose}-{}", std::process::id()))
}
