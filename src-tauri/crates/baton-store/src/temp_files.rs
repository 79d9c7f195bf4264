//! Hidden temporary files beside a target, and the cleaning of the ones a killed Baton left.
//!
//! Every file Baton builds before moving it into place (a new file, a save-as copy, an export)
//! is `.<target name>.baton-temp-<uuid>` in the target's folder, so the move is a rename on one
//! file system. Its maker holds an advisory lock (`flock`, as [`crate::lock`] explains) on it for
//! its whole life, and an open document built in it keeps that lock after the move. A later
//! Baton creating or saving into the folder, or opening the target, removes that target's temp
//! files (and their SQLite journals) whose lock it can take: their maker is dead. A temp file a
//! live process holds is never touched.

use std::fs::{self, File, TryLockError};
use std::io::ErrorKind as IoErrorKind;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use crate::error::StoreError;
use crate::file_check;
use crate::file_identity::FileIdentity;
use crate::lock::FileLock;
use crate::registry::Registration;

/// What follows `.<target name>.` in every temp file's name.
const MARKER: &str = "baton-temp-";
/// Names older Batons used (`.NAME.new-PID`, `.NAME.saving-UUID`, `.NAME.writing-PID`). Their
/// makers took no lock while copying, so they are removed only once clearly abandoned.
const LEGACY_MARKERS: [&str; 3] = ["new-", "saving-", "writing-"];
const LEGACY_MIN_AGE: Duration = Duration::from_secs(10 * 60);
/// How many fresh names to try when another Baton's cleaning races the creation.
const CREATE_ATTEMPTS: u32 = 8;

/// A temp file beside a target, locked by this process. Dropped unplaced, it is removed.
#[derive(Debug)]
pub struct TempFile {
    path: PathBuf,
    file: Option<File>,
}

impl TempFile {
    /// Creates an empty, locked temp file beside `target` (first removing the target's stale
    /// ones).
    pub fn create(target: &Path) -> Result<TempFile, StoreError> {
        file_check::check_parent_exists(target)?;
        remove_stale(target);
        for _ in 0..CREATE_ATTEMPTS {
            let path = temp_path(target);
            let file = File::options()
                .read(true)
                .write(true)
                .create_new(true)
                .open(&path)
                .map_err(|error| creation_error(target, error))?;
            match file.try_lock() {
                Ok(()) => {}
                // Another Baton's cleaning took it between our creation and our lock.
                Err(TryLockError::WouldBlock) => continue,
                Err(TryLockError::Error(error)) => {
                    let _ = fs::remove_file(&path);
                    return Err(StoreError::io(&path, error));
                }
            }
            // Cleaning may also have removed it before we locked it: then the name is gone.
            if FileIdentity::of_file(&file).ok() == FileIdentity::of_path(&path).ok() {
                return Ok(TempFile {
                    path,
                    file: Some(file),
                });
            }
        }
        Err(StoreError::io(
            target,
            std::io::Error::other("could not create a temporary file beside it"),
        ))
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The temp file's identity (device and inode).
    pub(crate) fn identity(&mut self) -> std::io::Result<FileIdentity> {
        FileIdentity::of_file(self.file())
    }

    /// The open, locked file (to write to it).
    pub fn file(&mut self) -> &mut File {
        self.file
            .as_mut()
            .unwrap_or_else(|| unreachable!("a TempFile holds its file until consumed"))
    }

    /// Moves the finished file to `target`: replacing a file there when `replace`, else failing
    /// with `FileExists` if one is there (even one made meanwhile). The file is flushed first.
    pub fn place(mut self, target: &Path, replace: bool) -> Result<(), StoreError> {
        self.file()
            .sync_all()
            .map_err(|error| StoreError::io(&self.path, error))?;
        move_into_place(&self.path, target, replace)?;
        // Placed: nothing is left to remove, and the lock goes with the file.
        self.file = None;
        Ok(())
    }

    /// Like [`TempFile::place`], and the lock goes to the document that will open `target`.
    pub(crate) fn place_keeping_lock(
        mut self,
        target: &Path,
        replace: bool,
    ) -> Result<FileLock, StoreError> {
        self.file()
            .sync_all()
            .map_err(|error| StoreError::io(&self.path, error))?;
        move_into_place(&self.path, target, replace)?;
        Ok(self.into_lock())
    }

    /// Gives the file's lock to an open document built in it; the caller now owns the file.
    pub(crate) fn into_lock(mut self) -> FileLock {
        let file = self
            .file
            .take()
            .unwrap_or_else(|| unreachable!("a TempFile holds its file until consumed"));
        FileLock::from_locked(file)
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        if let Some(file) = self.file.take() {
            drop(file);
            remove_with_journal(&self.path);
        }
    }
}

/// Moves `from` to `to` in one step. With `replace`, an atomic rename over whatever is at `to`;
/// without, a hard link that fails if `to` exists (then `from` is removed), so a file created
/// at `to` meanwhile is never replaced. The folder is synced so the move survives a crash.
pub(crate) fn move_into_place(from: &Path, to: &Path, replace: bool) -> Result<(), StoreError> {
    if replace {
        fs::rename(from, to).map_err(|error| StoreError::io(to, error))?;
    } else {
        match fs::hard_link(from, to) {
            Ok(()) => {
                let _ = fs::remove_file(from);
            }
            Err(error) if error.kind() == IoErrorKind::AlreadyExists => {
                return Err(StoreError::FileExists {
                    path: to.to_owned(),
                })
            }
            // A file system without hard links (FAT, some network shares): check, then rename.
            // Only there can a file created in the instant between the two be replaced.
            Err(_) if fs::symlink_metadata(to).is_err() => {
                fs::rename(from, to).map_err(|error| StoreError::io(to, error))?;
            }
            Err(_) => {
                return Err(StoreError::FileExists {
                    path: to.to_owned(),
                })
            }
        }
    }
    sync_parent(to);
    Ok(())
}

/// Removes `target`'s temp files (and journals) left by Batons that died; returns how many
/// files were removed. Best effort: a file that cannot be removed stays for a later run.
pub fn remove_stale(target: &Path) -> usize {
    let (Some(folder), Some(name)) = (folder_of(target), target.file_name()) else {
        return 0;
    };
    let prefix = format!(".{}.", name.to_string_lossy());
    let Ok(entries) = fs::read_dir(&folder) else {
        return 0;
    };
    let mut removed = 0;
    for entry in entries.flatten() {
        let file_name = entry.file_name().to_string_lossy().into_owned();
        let Some(rest) = file_name.strip_prefix(&prefix) else {
            continue;
        };
        let path = entry.path();
        // A temp file this process is building is live; even opening it here to test its lock
        // would, on closing, drop the POSIX locks SQLite holds on it (see `crate::lock`).
        if Registration::is_open(&path) {
            continue;
        }
        if let Some(main) = rest.strip_suffix("-journal") {
            // A journal whose temp file is gone is an orphan (a live maker keeps its file).
            let main_path = folder.join(format!("{prefix}{main}"));
            if is_temp_name(main) && fs::symlink_metadata(&main_path).is_err() {
                removed += usize::from(fs::remove_file(&path).is_ok());
            }
            continue;
        }
        let stale = if rest.starts_with(MARKER) {
            true
        } else if is_legacy_name(rest) {
            is_older_than(&path, LEGACY_MIN_AGE)
        } else {
            false
        };
        if stale {
            removed += remove_if_unlocked(&path);
        }
    }
    removed
}

/// A fresh temp name beside `target`.
fn temp_path(target: &Path) -> PathBuf {
    let name = target
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default();
    target.with_file_name(format!(".{name}.{MARKER}{}", uuid::Uuid::now_v7().simple()))
}

fn is_temp_name(rest: &str) -> bool {
    rest.starts_with(MARKER) || is_legacy_name(rest)
}

fn is_legacy_name(rest: &str) -> bool {
    LEGACY_MARKERS.iter().any(|marker| {
        rest.strip_prefix(marker).is_some_and(|tail| {
            !tail.is_empty() && tail.chars().all(|c| c.is_ascii_hexdigit() || c == '-')
        })
    })
}

fn is_older_than(path: &Path, age: Duration) -> bool {
    fs::metadata(path)
        .and_then(|metadata| metadata.modified())
        .ok()
        .and_then(|modified| SystemTime::now().duration_since(modified).ok())
        .is_some_and(|elapsed| elapsed >= age)
}

/// Removes a temp file (and its journal) if no live process holds its lock; returns how many
/// files were removed.
fn remove_if_unlocked(path: &Path) -> usize {
    let Ok(file) = File::open(path) else {
        return 0;
    };
    if file.try_lock().is_err() {
        return 0;
    }
    // Removed while locked, so its maker cannot be mid-way through claiming it.
    usize::from(fs::remove_file(path).is_ok())
        + usize::from(fs::remove_file(file_check::journal_path(path)).is_ok())
}

fn remove_with_journal(path: &Path) {
    let _ = fs::remove_file(path);
    let _ = fs::remove_file(file_check::journal_path(path));
}

fn creation_error(target: &Path, error: std::io::Error) -> StoreError {
    match error.kind() {
        IoErrorKind::PermissionDenied | IoErrorKind::ReadOnlyFilesystem => {
            StoreError::FolderReadOnly {
                path: target.to_owned(),
            }
        }
        IoErrorKind::NotFound => StoreError::DirectoryMissing {
            path: target.to_owned(),
        },
        IoErrorKind::StorageFull | IoErrorKind::QuotaExceeded | IoErrorKind::FileTooLarge => {
            StoreError::DiskFull {
                path: target.to_owned(),
            }
        }
        _ => StoreError::io(target, error),
    }
}

/// The folder holding `path` ("." for a bare name).
fn folder_of(path: &Path) -> Option<PathBuf> {
    match path.parent() {
        Some(parent) if parent.as_os_str().is_empty() => Some(PathBuf::from(".")),
        Some(parent) => Some(parent.to_owned()),
        None => None,
    }
}

/// Makes a rename durable: the directory entry is flushed too. Best effort: not every file
/// system can sync a directory.
pub(crate) fn sync_parent(path: &Path) {
    if let Some(folder) = folder_of(path) {
        if let Ok(dir) = File::open(folder) {
            let _ = dir.sync_all();
        }
    }
}
