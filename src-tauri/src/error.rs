//! The one error that crosses IPC: `{ kind, message, field }`. Every command returns it, so the
//! UI handles failures by kind, never by parsing strings.

use serde::{Deserialize, Serialize};
use specta::Type;

use baton_core::{EditError, EditErrorKind};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum AppErrorKind {
    /// A document, journey or other entity the call names does not exist.
    NotFound,
    /// The edit breaks a rule of the model (empty title, handoff within one lane...).
    Invalid,
    /// The file is not a Baton file, or is damaged.
    NotABatonFile,
    /// The file was written by a newer Baton.
    TooNew,
    /// Another Baton has the file open.
    Locked,
    /// Reading or writing the file failed.
    Io,
    /// The path did not come from a dialog or the recent list.
    PathNotAllowed,
    /// Nothing to undo or redo.
    NothingToDo,
    /// A part of Baton this build does not include yet.
    NotYetAvailable,
    /// A fault inside Baton itself (a task that died, a poisoned lock).
    Internal,
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
    pub fn new(kind: AppErrorKind, message: impl Into<String>) -> Self {
        Self {
            kind,
            message: message.into(),
            field: None,
        }
    }

    pub fn not_found(what: impl std::fmt::Display) -> Self {
        Self::new(AppErrorKind::NotFound, format!("{what} was not found"))
    }

    pub fn internal(message: impl Into<String>) -> Self {
        Self::new(AppErrorKind::Internal, message)
    }

    pub fn io(action: &str, path: &std::path::Path, err: &std::io::Error) -> Self {
        Self::new(
            AppErrorKind::Io,
            format!("Could not {action} {}: {err}", path.display()),
        )
    }

    pub fn not_yet_available(what: &str) -> Self {
        Self::new(
            AppErrorKind::NotYetAvailable,
            format!("{what} is not available in this build yet"),
        )
    }
}

impl From<EditError> for AppError {
    fn from(e: EditError) -> Self {
        let kind = match e.kind {
            EditErrorKind::NotFound => AppErrorKind::NotFound,
            _ => AppErrorKind::Invalid,
        };
        Self {
            kind,
            message: e.message,
            field: e.field,
        }
    }
}

impl From<tauri::Error> for AppError {
    fn from(e: tauri::Error) -> Self {
        Self::internal(format!("Baton's window layer failed: {e}"))
    }
}

pub type AppResult<T> = Result<T, AppError>;

#[cfg(test)]
mod tests {
    use super::*;
    use baton_core::EntityKind;

    #[test]
    fn edit_errors_keep_their_field_and_message() {
        let e = EditError::new(
            EditErrorKind::Empty,
            EntityKind::Step,
            Some("s1"),
            Some("title"),
            "A step needs a title",
        );
        let app: AppError = e.into();
        assert_eq!(app.kind, AppErrorKind::Invalid);
        assert_eq!(app.field.as_deref(), Some("title"));
        assert_eq!(app.message, "A step needs a title");
    }

    #[test]
    fn errors_serialise_as_kind_message_field() {
        let e = AppError::not_found("Document d1");
        let json = serde_json::to_value(&e).unwrap();
        assert_eq!(json["kind"], "not_found");
        assert_eq!(json["message"], "Document d1 was not found");
        assert!(json["field"].is_null());
    }
}
