//! Typed store errors. Each names the file (or the JSON path) at fault in a sentence a user can
//! read, and has a [`ErrorKind`] the UI can branch on. [`IpcError`] is the form that crosses the
//! Tauri boundary; it carries edit validation errors too.

use std::path::{Path, PathBuf};

use baton_core::{EditError, EditErrorKind, EntityKind, Id};
use serde::{Deserialize, Serialize};
use specta::Type;

/// Every kind of failure the store (or a wrapped edit validation) can report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    // Files.
    FileNotFound,
    DirectoryMissing,
    FileExists,
    NotAFile,
    EmptyFile,
    NotSqlite,
    NotBaton,
    Truncated,
    Damaged,
    NewerVersion,
    ReadOnly,
    /// Open in another Baton (another process holds the lock).
    Locked,
    /// Already open in this Baton.
    AlreadyOpen,
    Io,
    Database,
    // History.
    NothingToUndo,
    NothingToRedo,
    HistoryDamaged,
    // JSON import.
    JsonSyntax,
    JsonFormat,
    JsonVersion,
    JsonContent,
    // Edit validation (mirrors `EditErrorKind`), and queries naming an unknown id.
    NotFound,
    AlreadyExists,
    InvalidId,
    Empty,
    TooLong,
    OutOfRange,
    NotAllowed,
    CrossJourney,
    PlacementChanged,
    Duplicate,
    // Writing.
    /// Another file was moved onto the open file's path.
    FileReplaced,
    /// The file's folder does not let Baton create files (its journal, a new file).
    FolderReadOnly,
    /// No space left (or the file size limit reached): the change was rolled back.
    DiskFull,
    /// Writing failed for another reason: the change was rolled back.
    WriteFailed,
    /// Writing failed and so did the rollback: the file must be reopened.
    RollbackFailed,
    /// The file holds a trigger, view, table or index Baton does not create (or lacks one).
    ForeignSchema,
    // Passphrases.
    /// The file is encrypted: ask for its passphrase.
    PassphraseRequired,
    /// The passphrase does not open the file (nothing was written to it).
    WrongPassphrase,
    /// A passphrase that cannot be used (empty, too long).
    PassphraseUnusable,
}

impl From<EditErrorKind> for ErrorKind {
    fn from(kind: EditErrorKind) -> Self {
        match kind {
            EditErrorKind::NotFound => ErrorKind::NotFound,
            EditErrorKind::AlreadyExists => ErrorKind::AlreadyExists,
            EditErrorKind::InvalidId => ErrorKind::InvalidId,
            EditErrorKind::Empty => ErrorKind::Empty,
            EditErrorKind::TooLong => ErrorKind::TooLong,
            EditErrorKind::OutOfRange => ErrorKind::OutOfRange,
            EditErrorKind::NotAllowed => ErrorKind::NotAllowed,
            EditErrorKind::CrossJourney => ErrorKind::CrossJourney,
            EditErrorKind::PlacementChanged => ErrorKind::PlacementChanged,
            EditErrorKind::Duplicate => ErrorKind::Duplicate,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{} does not exist", .path.display())]
    FileNotFound { path: PathBuf },
    #[error("the folder of {} does not exist", .path.display())]
    DirectoryMissing { path: PathBuf },
    #[error("{} exists already; choose another name", .path.display())]
    FileExists { path: PathBuf },
    #[error("{} is not a file", .path.display())]
    NotAFile { path: PathBuf },
    #[error("{} is empty (0 bytes), not a Baton file", .path.display())]
    EmptyFile { path: PathBuf },
    #[error("{} is not a Baton file (it is not an SQLite database)", .path.display())]
    NotSqlite { path: PathBuf },
    #[error("{} is a database of another application, not a Baton file", .path.display())]
    NotBaton { path: PathBuf },
    #[error("{} is truncated: it has {actual_bytes} bytes, its header promises {expected_bytes}", .path.display())]
    Truncated {
        path: PathBuf,
        expected_bytes: u64,
        actual_bytes: u64,
    },
    #[error("{} is damaged: {detail}", .path.display())]
    Damaged { path: PathBuf, detail: String },
    #[error("{} was written by a newer Baton (file version {found}; this Baton reads up to version {supported}): update Baton to open it", .path.display())]
    NewerVersion {
        path: PathBuf,
        found: u32,
        supported: u32,
    },
    #[error("{} is read-only: Baton needs to write to it (save a copy elsewhere, or change its permissions)", .path.display())]
    ReadOnly { path: PathBuf },
    #[error("{} is open in another Baton: close it there first", .path.display())]
    Locked { path: PathBuf },
    #[error("{} is already open in this Baton", .path.display())]
    AlreadyOpen { path: PathBuf },
    #[error("cannot access {}: {source}", .path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("database error in {}: {source}", .path.display())]
    Database {
        path: PathBuf,
        source: rusqlite::Error,
    },
    #[error("nothing to undo")]
    NothingToUndo,
    #[error("nothing to redo")]
    NothingToRedo,
    #[error("the history of {} is damaged at entry {seq}: {detail}", .path.display())]
    HistoryDamaged {
        path: PathBuf,
        seq: u32,
        detail: String,
    },
    #[error("{entity:?} {id} does not exist")]
    NotFound { entity: EntityKind, id: Id },
    #[error("{0}")]
    Edit(#[from] EditError),
    #[error("not valid JSON (line {line}, column {column}): {detail}")]
    JsonSyntax {
        line: usize,
        column: usize,
        detail: String,
    },
    #[error("not a Baton export: {json_path} is {found}, expected \"baton\"")]
    JsonFormat { json_path: String, found: String },
    #[error("Baton export version {found} at {json_path} is not supported (this Baton reads version {supported})")]
    JsonVersion {
        json_path: String,
        found: String,
        supported: u32,
    },
    #[error("invalid content at {json_path}: {detail}")]
    JsonContent { json_path: String, detail: String },
    #[error("{} was replaced by another file while open in Baton: nothing was written to it; close it and open it again", .path.display())]
    FileReplaced { path: PathBuf },
    #[error("the folder of {} is read-only: Baton needs to create files beside it (its journal, a new file); change the folder's permissions or choose another folder", .path.display())]
    FolderReadOnly { path: PathBuf },
    #[error("no space left to write {} (the disk is full or a size limit is reached): the change was undone and the file is as it was; free some space and try again", .path.display())]
    DiskFull { path: PathBuf },
    #[error("could not write {} ({detail}): the change was undone and the file is as it was", .path.display())]
    WriteFailed { path: PathBuf, detail: String },
    #[error("could not write {} ({detail}), and undoing the half-written change failed too ({rollback}): close the file and open it again, which completes the undo", .path.display())]
    RollbackFailed {
        path: PathBuf,
        detail: String,
        rollback: String,
    },
    #[error("{} was changed outside Baton and is refused: {detail} (such objects would run inside Baton's edits)", .path.display())]
    ForeignSchema { path: PathBuf, detail: String },
    #[error("{} is protected by a passphrase: give its passphrase to open it", .path.display())]
    PassphraseRequired { path: PathBuf },
    #[error("the passphrase does not open {}: check it and try again (the file is unchanged)", .path.display())]
    WrongPassphrase { path: PathBuf },
    #[error("this passphrase cannot be used: {detail}")]
    PassphraseUnusable { detail: String },
}

impl StoreError {
    pub fn kind(&self) -> ErrorKind {
        match self {
            StoreError::FileNotFound { .. } => ErrorKind::FileNotFound,
            StoreError::DirectoryMissing { .. } => ErrorKind::DirectoryMissing,
            StoreError::FileExists { .. } => ErrorKind::FileExists,
            StoreError::NotAFile { .. } => ErrorKind::NotAFile,
            StoreError::EmptyFile { .. } => ErrorKind::EmptyFile,
            StoreError::NotSqlite { .. } => ErrorKind::NotSqlite,
            StoreError::NotBaton { .. } => ErrorKind::NotBaton,
            StoreError::Truncated { .. } => ErrorKind::Truncated,
            StoreError::Damaged { .. } => ErrorKind::Damaged,
            StoreError::NewerVersion { .. } => ErrorKind::NewerVersion,
            StoreError::ReadOnly { .. } => ErrorKind::ReadOnly,
            StoreError::Locked { .. } => ErrorKind::Locked,
            StoreError::AlreadyOpen { .. } => ErrorKind::AlreadyOpen,
            StoreError::Io { .. } => ErrorKind::Io,
            StoreError::Database { .. } => ErrorKind::Database,
            StoreError::NothingToUndo => ErrorKind::NothingToUndo,
            StoreError::NothingToRedo => ErrorKind::NothingToRedo,
            StoreError::HistoryDamaged { .. } => ErrorKind::HistoryDamaged,
            StoreError::NotFound { .. } => ErrorKind::NotFound,
            StoreError::Edit(error) => error.kind.into(),
            StoreError::JsonSyntax { .. } => ErrorKind::JsonSyntax,
            StoreError::JsonFormat { .. } => ErrorKind::JsonFormat,
            StoreError::JsonVersion { .. } => ErrorKind::JsonVersion,
            StoreError::JsonContent { .. } => ErrorKind::JsonContent,
            StoreError::FileReplaced { .. } => ErrorKind::FileReplaced,
            StoreError::FolderReadOnly { .. } => ErrorKind::FolderReadOnly,
            StoreError::DiskFull { .. } => ErrorKind::DiskFull,
            StoreError::WriteFailed { .. } => ErrorKind::WriteFailed,
            StoreError::RollbackFailed { .. } => ErrorKind::RollbackFailed,
            StoreError::ForeignSchema { .. } => ErrorKind::ForeignSchema,
            StoreError::PassphraseRequired { .. } => ErrorKind::PassphraseRequired,
            StoreError::WrongPassphrase { .. } => ErrorKind::WrongPassphrase,
            StoreError::PassphraseUnusable { .. } => ErrorKind::PassphraseUnusable,
        }
    }

    /// The field at fault, when there is one: an edit's field, or a JSON path.
    pub fn field(&self) -> Option<String> {
        match self {
            StoreError::Edit(error) => error.field.clone(),
            StoreError::JsonFormat { json_path, .. }
            | StoreError::JsonVersion { json_path, .. }
            | StoreError::JsonContent { json_path, .. } => Some(json_path.clone()),
            _ => None,
        }
    }

    /// The IPC form: kind, message and field.
    pub fn to_ipc(&self) -> IpcError {
        IpcError {
            kind: self.kind(),
            message: self.to_string(),
            field: self.field(),
        }
    }

    pub(crate) fn io(path: &Path, source: std::io::Error) -> Self {
        StoreError::Io {
            path: path.to_owned(),
            source,
        }
    }

    /// The file the error names, if any.
    fn path_mut(&mut self) -> Option<&mut PathBuf> {
        match self {
            StoreError::FileNotFound { path }
            | StoreError::DirectoryMissing { path }
            | StoreError::FileExists { path }
            | StoreError::NotAFile { path }
            | StoreError::EmptyFile { path }
            | StoreError::NotSqlite { path }
            | StoreError::NotBaton { path }
            | StoreError::Truncated { path, .. }
            | StoreError::Damaged { path, .. }
            | StoreError::NewerVersion { path, .. }
            | StoreError::ReadOnly { path }
            | StoreError::Locked { path }
            | StoreError::AlreadyOpen { path }
            | StoreError::Io { path, .. }
            | StoreError::Database { path, .. }
            | StoreError::HistoryDamaged { path, .. }
            | StoreError::FileReplaced { path }
            | StoreError::FolderReadOnly { path }
            | StoreError::DiskFull { path }
            | StoreError::WriteFailed { path, .. }
            | StoreError::RollbackFailed { path, .. }
            | StoreError::PassphraseRequired { path }
            | StoreError::WrongPassphrase { path } => Some(path),
            _ => None,
        }
    }

    /// The same error, naming `shown` where it named `actual` (a new file's hidden temp file is
    /// reported as the file the user asked for).
    pub(crate) fn shown_at(mut self, actual: &Path, shown: &Path) -> Self {
        if let Some(path) = self.path_mut() {
            if path == actual {
                *path = shown.to_owned();
            }
        }
        self
    }

    pub(crate) fn database(path: &Path, source: rusqlite::Error) -> Self {
        StoreError::Database {
            path: path.to_owned(),
            source,
        }
    }
}

/// What crosses the IPC boundary: never a bare string.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct IpcError {
    pub kind: ErrorKind,
    pub message: String,
    pub field: Option<String>,
}

impl From<StoreError> for IpcError {
    fn from(error: StoreError) -> Self {
        error.to_ipc()
    }
}

impl From<EditError> for IpcError {
    fn from(error: EditError) -> Self {
        IpcError {
            kind: error.kind.into(),
            message: error.message.clone(),
            field: error.field,
        }
    }
}
