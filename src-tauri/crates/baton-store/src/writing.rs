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
