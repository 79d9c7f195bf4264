//! What happens when a write fails (disk full, an I/O error, a folder that refuses the journal):
//! the transaction is rolled back before the call returns, the rollback's own result is checked,
//! and the failure becomes a typed error in plain words.

use std::path::Path;

use rusqlite::{Connection, ErrorCode};

use crate::error::StoreError;
use crate::file_check;

/// Runs `body` in one write transaction, rolled back (checked) if anything fails.
pub fn in_transaction(
    conn: &Connection,
    path: &Path,
    body: impl FnOnce() -> rusqlite::Result<()>,
) -> Result<(), StoreError> {
    conn.execute_batch("BEGIN IMMEDIATE")
        .map_err(|error| write_failed(path, error, Ok(())))?;
    match body().and_then(|()| conn.execute_batch("COMMIT")) {
        Ok(()) => Ok(()),
        Err(error) => {
            let rolled_back = roll_back(conn, path);
            Err(write_failed(path, error, rolled_back))
        }
    }
}

/// Rolls back the open transaction after a failed write, and makes sure the file is back as it
/// was: no journal left to play back. On failure, says why.
pub fn roll_back(conn: &Connection, path: &Path) -> Result<(), String> {
    // SQLite rolls back by itself after some errors (a full disk, an I/O error): then there is no
    // transaction left to roll back.
    if !conn.is_autocommit() {
        conn.execute_batch("ROLLBACK")
            .map_err(|error| error.to_string())?;
    }
    // After an I/O error SQLite may leave the journal hot, to be played back at the next read;
    // read now, so the file is restored while this process still holds it, not at the next open.
    conn.query_row("SELECT count(*) FROM sqlite_schema", [], |_| Ok(()))
        .map_err(|error| error.to_string())?;
    if file_check::has_hot_journal(path) {
        return Err("the journal beside the file still has to be played back".into());
    }
    Ok(())
}

/// [`write_failed`] for a write whose failure is already a store error (a database error is
/// classified as SQLite's own; any other error is kept as it is when the rollback went well).
pub fn store_write_failed(
    path: &Path,
    error: StoreError,
    rolled_back: Result<(), String>,
) -> StoreError {
    match (error, rolled_back) {
        (StoreError::Database { source, .. }, rolled_back) => {
            write_failed(path, source, rolled_back)
        }
        (error, Ok(())) => error,
        (error, Err(rollback)) => StoreError::RollbackFailed {
            path: path.to_owned(),
            detail: error.to_string(),
            rollback,
        },
    }
}

/// The typed error for a write that failed with `error`, given how its rollback went.
pub fn write_failed(
    path: &Path,
    error: rusqlite::Error,
    rolled_back: Result<(), String>,
) -> StoreError {
    if let Err(rollback) = rolled_back {
        return StoreError::RollbackFailed {
            path: path.to_owned(),
            detail: error.to_string(),
            rollback,
        };
    }
    let (code, extended_code) = match &error {
        rusqlite::Error::SqliteFailure(failure, _) => (Some(failure.code), failure.extended_code),
        _ => (None, 0),
    };
    // SQLite could not create the journal beside the file: the folder refuses new files.
    if extended_code == rusqlite::ffi::SQLITE_READONLY_DIRECTORY {
        return StoreError::FolderReadOnly {
            path: path.to_owned(),
        };
    }
    match code {
        Some(ErrorCode::DiskFull) => StoreError::DiskFull {
            path: path.to_owned(),
        },
        // The file opened, so what SQLite could not open is the journal it creates beside it.
        Some(ErrorCode::CannotOpen) => StoreError::FolderReadOnly {
            path: path.to_owned(),
        },
        Some(ErrorCode::ReadOnly) | Some(ErrorCode::PermissionDenied) => StoreError::ReadOnly {
            path: path.to_owned(),
        },
        Some(ErrorCode::DatabaseBusy) | Some(ErrorCode::DatabaseLocked) => StoreError::Locked {
            path: path.to_owned(),
        },
        Some(ErrorCode::SystemIoFailure) => StoreError::WriteFailed {
            path: path.to_owned(),
            detail: error.to_string(),
        },
        _ => StoreError::database(path, error),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorKind;

    /// SQLite's journal magic: a journal starting with it still has to be played back.
    const JOURNAL_MAGIC: [u8; 8] = [0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7];

    #[test]
    fn a_journal_left_to_play_back_is_a_failed_rollback() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("held.db");
        let conn = Connection::open(&path).unwrap();
        conn.pragma_update(None, "locking_mode", "EXCLUSIVE")
            .unwrap();
        conn.execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
            .unwrap();
        assert_eq!(roll_back(&conn, &path), Ok(()));
        // A connection holding the file exclusively never looks at the journal again: one still
        // to be played back must be noticed, not reported as a rollback done.
        let mut journal = JOURNAL_MAGIC.to_vec();
        journal.resize(512, 0);
        std::fs::write(file_check::journal_path(&path), journal).unwrap();
        let rolled_back = roll_back(&conn, &path);
        assert!(rolled_back.is_err(), "{rolled_back:?}");
        let error = write_failed(
            &path,
            rusqlite::Error::SqliteFailure(
                rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_IOERR),
                None,
            ),
            rolled_back,
        );
        assert_eq!(error.kind(), ErrorKind::RollbackFailed);
        assert!(error.to_string().contains("open it again"), "{error}");
    }
}
