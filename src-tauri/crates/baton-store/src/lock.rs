//! The lock that keeps a file to one Baton at a time, across processes.
//!
//! SQLite's own locks (held for the connection's life with `locking_mode=EXCLUSIVE`) are POSIX
//! record locks: the kernel drops them all as soon as the process closes *any* descriptor of
//! the file, which any innocent read of the file elsewhere in the process does. So the document
//! also holds an advisory whole-file lock (`flock` on Unix, `LockFileEx` on Windows) on a
//! descriptor of its own, which belongs to that descriptor alone and lasts until it is closed.

use std::fs::{File, TryLockError};
use std::path::Path;

use crate::error::StoreError;
use crate::file_identity::FileIdentity;

#[derive(Debug)]
pub struct FileLock {
    file: File,
}

impl FileLock {
    /// Takes the lock on `path` without waiting; a file held by another Baton is `Locked`.
    pub fn acquire(path: &Path) -> Result<Self, StoreError> {
        let file = File::open(path).map_err(|error| match error.kind() {
            std::io::ErrorKind::NotFound => StoreError::FileNotFound {
                path: path.to_owned(),
            },
            _ => StoreError::io(path, error),
        })?;
        match file.try_lock() {
            Ok(()) => Ok(FileLock { file }),
            Err(TryLockError::WouldBlock) => Err(StoreError::Locked {
                path: path.to_owned(),
            }),
            Err(TryLockError::Error(error)) => Err(StoreError::io(path, error)),
        }
    }

    /// A lock already taken on `file` (a temp file's, handed to the document built in it).
    pub(crate) fn from_locked(file: File) -> Self {
        FileLock { file }
    }

    /// The identity of the locked file: the file the document holds, wherever its path now
    /// points.
    pub fn identity(&self) -> std::io::Result<FileIdentity> {
        FileIdentity::of_file(&self.file)
    }

    /// Whether another process holds `path`'s lock right now (so it must not be replaced).
    pub fn is_held_elsewhere(path: &Path) -> bool {
        matches!(FileLock::acquire(path), Err(StoreError::Locked { .. }))
    }
}
