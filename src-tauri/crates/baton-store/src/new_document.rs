//! Making a new client file without ever leaving a half-made one: the file is built in a hidden
//! temp file beside the target (see [`crate::temp_files`]) and moved into place, in one step,
//! only once its content and history are written and committed. A kill at any moment leaves
//! nothing at the target (at most a temp file, which a later run removes).

use std::path::{Path, PathBuf};

use baton_core::Workspace;

use crate::document::Document;
use crate::encryption::Passphrase;
use crate::error::StoreError;
use crate::history::{self, HistoryState};
use crate::registry::Registration;
use crate::rows;
use crate::schema::{self, SCHEMA_VERSION};
use crate::temp_files::TempFile;
use crate::writing;

/// A new client file being made: an open document in a temp file beside its target. Change it
/// through [`NewDocument::document_mut`], then [`NewDocument::place`] it. Dropped unplaced, it
/// leaves nothing behind.
#[derive(Debug)]
pub struct NewDocument {
    document: Option<Document>,
    target: PathBuf,
}

impl NewDocument {
    /// A new file for `target` holding a fresh workspace named `name`.
    pub fn create(target: impl AsRef<Path>, name: &str) -> Result<Self, StoreError> {
        Self::create_with(target.as_ref(), Workspace::new_file(name), &[], 0, None)
    }

    /// [`NewDocument::create`], the file encrypted with `passphrase` from its first byte.
    pub fn create_encrypted(
        target: impl AsRef<Path>,
        name: &str,
        passphrase: Passphrase,
    ) -> Result<Self, StoreError> {
        Self::create_with(
            target.as_ref(),
            Workspace::new_file(name),
            &[],
            0,
            Some(passphrase),
        )
    }

    /// A new file for `target` holding `workspace` and `entries` of history with `cursor`
    /// applied.
    pub(crate) fn create_with(
        target: &Path,
        workspace: Workspace,
        entries: &[history::StoredEntry],
        cursor: u32,
        passphrase: Option<Passphrase>,
    ) -> Result<Self, StoreError> {
        let mut temp = TempFile::create(target)?;
        let temp_path = temp.path().to_owned();
        // On failure the connection closes here, before the temp file is removed (on drop).
        let (registration, conn, state) =
            initialise(&temp_path, &workspace, entries, cursor, passphrase.as_ref())
                .map_err(|error| error.shown_at(&temp_path, target))?;
        let identity = temp
            .identity()
            .map_err(|error| StoreError::io(target, error))?;
        let lock = temp.into_lock();
        let document = Document::from_parts(
            conn,
            lock,
            registration,
            temp_path,
            identity,
            workspace,
            state,
        )
        .with_passphrase(passphrase);
        Ok(NewDocument {
            document: Some(document),
            target: target.to_owned(),
        })
    }

    /// The file the new document will be placed at.
    pub fn target(&self) -> &Path {
        &self.target
    }

    pub fn document(&self) -> &Document {
        self.document
            .as_ref()
            .unwrap_or_else(|| unreachable!("a NewDocument holds its document until placed"))
    }

    /// The document, to apply edits before it is placed (their errors name the temp file: see
    /// [`NewDocument::temp_path`]).
    pub fn document_mut(&mut self) -> &mut Document {
        self.document
            .as_mut()
            .unwrap_or_else(|| unreachable!("a NewDocument holds its document until placed"))
    }

    /// Where the file is built until it is placed.
    pub fn temp_path(&self) -> &Path {
        self.document().path()
    }

    /// Moves the finished file to its target, where the document then continues. Without
    /// `replace`, a file at the target (even one made meanwhile) is never replaced:
    /// `FileExists`. With `replace`, a file there is replaced in one step, unless it is open in
    /// a Baton. On failure nothing is left beside the target.
    pub fn place(mut self, replace: bool) -> Result<Document, StoreError> {
        let mut document = self
            .document
            .take()
            .unwrap_or_else(|| unreachable!("a NewDocument holds its document until placed"));
        let temp_path = document.path().to_owned();
        match document.relocate(&self.target, replace) {
            Ok(()) => Ok(document),
            Err(error) => {
                drop(document);
                discard(&temp_path);
                Err(error.shown_at(&temp_path, &self.target))
            }
        }
    }
}

impl Drop for NewDocument {
    fn drop(&mut self) {
        if let Some(document) = self.document.take() {
            let temp_path = document.path().to_owned();
            drop(document);
            discard(&temp_path);
        }
    }
}

/// Removes an unplaced temp file and its journal.
fn discard(temp_path: &Path) {
    let _ = std::fs::remove_file(temp_path);
    let _ = std::fs::remove_file(crate::file_check::journal_path(temp_path));
}

/// Writes the schema, the workspace and the history into the empty temp file.
fn initialise(
    path: &Path,
    workspace: &Workspace,
    entries: &[history::StoredEntry],
    cursor: u32,
    passphrase: Option<&Passphrase>,
) -> Result<(Registration, rusqlite::Connection, HistoryState), StoreError> {
    let registration = Registration::claim(path)?;
    let conn = schema::open_keyed(path, passphrase)?;
    schema::configure_and_lock(&conn, path)?;
    schema::migrate(&conn, path, 0, SCHEMA_VERSION)?;
    let state = HistoryState {
        cursor,
        len: entries.last().map_or(0, |entry| entry.seq),
        revision: 0,
    };
    writing::in_transaction(&conn, path, || {
        rows::write_all(&conn, workspace)?;
        for entry in entries {
            conn.prepare_cached(
                "INSERT INTO history (seq, at, label, edit, inverse) VALUES (?1, ?2, ?3, ?4, ?5)",
            )?
            .execute(rusqlite::params![
                entry.seq,
                entry.at,
                entry.label,
                rows::json_text(&entry.edit)?,
                rows::json_text(&entry.inverse)?,
            ])?;
        }
        history::write_state(&conn, &state)
    })?;
    Ok((registration, conn, state))
}
