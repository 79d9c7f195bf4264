//! Setting, changing and removing an open file's passphrase. The file is never rewritten in
//! place: a whole new file is exported beside it (a locked temp file, see
//! [`crate::temp_files`]), flushed, and renamed over it in one step, so a kill at any moment
//! leaves the old file (with its old passphrase, or plain) or the new one, never a mix.

use std::path::Path;

use rusqlite::Connection;

use super::Document;
use crate::encryption::{self, Passphrase};
use crate::error::StoreError;
use crate::file_check;
use crate::schema;
use crate::temp_files::TempFile;

impl Document {
    /// Whether the file is encrypted with a passphrase.
    pub fn is_encrypted(&self) -> bool {
        self.passphrase.is_some()
    }

    /// The passphrase of a document built encrypted (see [`crate::NewDocument`]).
    pub(crate) fn with_passphrase(mut self, passphrase: Option<Passphrase>) -> Self {
        self.passphrase = passphrase;
        self
    }

    /// Encrypts the file with `passphrase` (a plain file becomes encrypted; an encrypted one,
    /// opened with its passphrase already, takes the new one).
    pub fn set_passphrase(&mut self, passphrase: Passphrase) -> Result<(), StoreError> {
        self.rewrite(Some(passphrase))
    }

    /// Replaces the passphrase, once `current` is shown to be the file's (`WrongPassphrase`
    /// otherwise, nothing changed).
    pub fn change_passphrase(
        &mut self,
        current: &Passphrase,
        new: Passphrase,
    ) -> Result<(), StoreError> {
        self.check_passphrase(current)?;
        self.rewrite(Some(new))
    }

    /// Makes the file plain again, once `current` is shown to be the file's passphrase.
    pub fn remove_passphrase(&mut self, current: &Passphrase) -> Result<(), StoreError> {
        self.check_passphrase(current)?;
        self.rewrite(None)
    }

    fn check_passphrase(&self, given: &Passphrase) -> Result<(), StoreError> {
        match &self.passphrase {
            Some(held) if held.matches(given) => Ok(()),
            _ => Err(StoreError::WrongPassphrase {
                path: self.path.clone(),
            }),
        }
    }

    /// Replaces the file by a copy encrypted with `passphrase` (plain without one).
    fn rewrite(&mut self, passphrase: Option<Passphrase>) -> Result<(), StoreError> {
        self.check_not_replaced()?;
        let path = self.path.clone();
        let temporary = TempFile::create(&path)?;
        encryption::export_to(&self.conn, temporary.path(), passphrase.as_ref())
            .map_err(|error| error.shown_at(temporary.path(), &path))?;
        // The connection closes before the move, so it cannot touch the journal name the new
        // file will use; the file lock (our own descriptor) is held throughout.
        let placeholder = Connection::open_in_memory().map_err(|error| self.db_error(error))?;
        std::mem::replace(&mut self.conn, placeholder)
            .close()
            .map_err(|(_, error)| self.db_error(error))?;
        let _ = std::fs::remove_file(file_check::journal_path(&path));
        match temporary.place_keeping_lock(&path, true) {
            Ok(lock) => {
                self.lock = lock;
                self.identity = self
                    .lock
                    .identity()
                    .map_err(|error| StoreError::io(&path, error))?;
                self.passphrase = passphrase;
            }
            Err(error) => {
                // Not moved: the old file is still there; take it up again.
                self.conn = reopen(&path, self.passphrase.as_ref())?;
                return Err(error);
            }
        }
        self.conn = reopen(&path, self.passphrase.as_ref())?;
        Ok(())
    }
}

fn reopen(path: &Path, passphrase: Option<&Passphrase>) -> Result<Connection, StoreError> {
    let conn = schema::open_keyed(path, passphrase)?;
    schema::configure_and_lock(&conn, path)?;
    Ok(conn)
}
