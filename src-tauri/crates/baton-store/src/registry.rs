//! The files open in this process. SQLite's locks are POSIX locks, which a process loses as soon
//! as it closes *any* descriptor of the file, so a second open of a file this process already
//! holds must be refused before anything (even reading its header) touches the file.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

use crate::error::StoreError;

fn open_files() -> &'static Mutex<HashSet<PathBuf>> {
    static OPEN: OnceLock<Mutex<HashSet<PathBuf>>> = OnceLock::new();
    OPEN.get_or_init(|| Mutex::new(HashSet::new()))
}

/// Held by a document while it is open; releases the file on drop.
#[derive(Debug)]
pub struct Registration {
    key: PathBuf,
}

impl Registration {
    /// Claims `path` (which must exist) for this process.
    pub fn claim(path: &Path) -> Result<Self, StoreError> {
        let key = std::fs::canonicalize(path).map_err(|error| StoreError::io(path, error))?;
        let mut open = open_files()
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if !open.insert(key.clone()) {
            return Err(StoreError::AlreadyOpen {
                path: path.to_owned(),
            });
        }
        Ok(Registration { key })
    }

    /// Whether `path` is open in this process.
    pub fn is_open(path: &Path) -> bool {
        let Ok(key) = std::fs::canonicalize(path) else {
            return false;
        };
        open_files()
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .contains(&key)
    }
}

impl Drop for Registration {
    fn drop(&mut self) {
        open_files()
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .remove(&self.key);
    }
}
