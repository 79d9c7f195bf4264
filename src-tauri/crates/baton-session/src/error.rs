//! The one error that crosses IPC: `{ kind, message, field }`. Its kind is one of baton-store's
//! kinds (file, history and edit-validation failures, from `baton_store::IpcError`) or one of the
//! few the shell adds (a path that did not come from a dialog, a dead background task). The UI
//! branches on `kind`, never on the message.

use serde::{Deserialize, Serialize};
use specta::Type;

use baton_core::EditError;
use baton_store::{ErrorKind, IpcError, StoreError};

/// Failures only the shell can have.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum ShellErrorKind {
    /// The path did not come from a dialog or the recent list.
    PathNotAllowed,
    /// A request the UI should never make (too many ids at once...).
    InvalidRequest,
    /// A fault inside Baton itself (a task that died, a poisoned lock).
    Internal,
    /// A chosen file is larger than Baton reads for this purpose.
    FileTooLarge,
    /// A survey CSV that cannot be read as a whole (empty, header lacking columns, bad CSV).
    CsvUnreadable,
    /// Some rows of an import were rejected and the user did not choose to skip them.
    RowsRejected,
    /// An import with no valid row left to add.
    NothingToImport,
    /// Export options that cannot be honoured (no journey chosen, a paper the format lacks, a
    /// bad date, a scale out of range); `field` names the option.
    ExportOptionsInvalid,
    /// A renderer (Typst, resvg, the XLSX writer) refused the export: Baton's fault, not the user's.
    ExportFailed,
    /// The file manager could not be asked to show an exported file.
    RevealFailed,
    /// A BPMN model that cannot be imported (not XML, not BPMN 2.0, a DTD, a missing
    /// reference, no task, an unknown customer lane).
    BpmnUnreadable,
    /// A snapshot is on screen: the file cannot be changed from it.
    ReadOnly,
}

/// The store's kinds and the shell's, as one set of snake_case strings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(untagged)]
pub enum AppErrorKind {
    Store(ErrorKind),
    Shell(ShellErrorKind),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type, thiserror::Error)]
#[error("{message}")]
pub struct AppError {
    pub kind: AppErrorKind,
    pub message: String,
    /// The field at fault, when the error is about one.
    pub field: Option<String>,
}

impl AppError {
    pub fn new(kind: impl Into<AppErrorKind>, message: impl Into<String>) -> Self {
        Self {
            kind: kind.into(),
            message: message.into(),
            field: None,
        }
    }

    pub fn not_found(what: impl std::fmt::Display) -> Self {
        Self::new(ErrorKind::NotFound, format!("{what} was not found"))
    }

    pub fn internal(message: impl Into<String>) -> Self {
        Self::new(ShellErrorKind::Internal, message)
    }

    pub fn io(action: &str, path: &std::path::Path, err: &std::io::Error) -> Self {
        Self::new(
            ErrorKind::Io,
            format!("Could not {action} {}: {err}", path.display()),
        )
    }
}

impl From<ErrorKind> for AppErrorKind {
    fn from(kind: ErrorKind) -> Self {
        AppErrorKind::Store(kind)
    }
}

impl From<ShellErrorKind> for AppErrorKind {
    fn from(kind: ShellErrorKind) -> Self {
        AppErrorKind::Shell(kind)
    }
}

impl From<IpcError> for AppError {
    fn from(e: IpcError) -> Self {
        Self {
            kind: e.kind.into(),
            message: e.message,
            field: e.field,
        }
    }
}

impl From<StoreError> for AppError {
    fn from(e: StoreError) -> Self {
        e.to_ipc().into()
    }
}

impl From<EditError> for AppError {
    fn from(e: EditError) -> Self {
        IpcError::from(e).into()
    }
}

pub type AppResult<T> = Result<T, AppError>;

#[cfg(test)]
mod tests {
    use super::*;
    use baton_core::{EditErrorKind, EntityKind};

    #[test]
    fn edit_errors_keep_their_kind_field_and_message() {
        let e = EditError::new(
            EditErrorKind::Empty,
            EntityKind::Step,
            Some("s1"),
            Some("title"),
            "A step needs a title",
        );
        let app: AppError = e.into();
        assert_eq!(app.kind, AppErrorKind::Store(ErrorKind::Empty));
        assert_eq!(app.field.as_deref(), Some("title"));
        assert_eq!(app.message, "A step needs a title");
    }

    #[test]
    fn kinds_of_both_origins_serialise_as_plain_strings() {
        let store = serde_json::to_value(AppError::not_found("Open file d1")).unwrap();
        assert_eq!(store["kind"], "not_found");
        assert_eq!(store["message"], "Open file d1 was not found");
        assert!(store["field"].is_null());
        let shell = serde_json::to_value(AppError::internal("boom")).unwrap();
        assert_eq!(shell["kind"], "internal");
        let back: AppError = serde_json::from_value(shell).unwrap();
        assert_eq!(back.kind, AppErrorKind::Shell(ShellErrorKind::Internal));
    }
}
