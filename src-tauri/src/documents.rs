//! The one place the shell touches baton-store: an open client file and the calls the commands
//! make on it. Commands stay thin; this adapter maps store results and errors to IPC types.

use std::path::{Path, PathBuf};

use baton_core::Edit;

use crate::error::{AppError, AppResult};
use crate::views::{EditOutcome, JourneyView, TemplateInfo, WorkspaceView};

/// An open `.baton` file. Not `Sync`: the app state keeps each one behind its own mutex and
/// only touches it from blocking tasks, never from the UI thread.
pub struct OpenDocument {
    path: PathBuf,
}

fn store_missing() -> AppError {
    AppError::not_yet_available("Reading and writing client files (baton-store)")
}

impl OpenDocument {
    pub fn create(_path: &Path, _name: &str) -> AppResult<Self> {
        Err(store_missing())
    }

    pub fn open(_path: &Path) -> AppResult<Self> {
        Err(store_missing())
    }

    /// A new file at `path` holding the demo client.
    pub fn create_demo(_path: &Path) -> AppResult<Self> {
        Err(templates_missing())
    }

    /// A new file at `path` holding the journey template `key`.
    pub fn create_from_template(_path: &Path, _key: &str) -> AppResult<Self> {
        Err(templates_missing())
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn name(&self) -> String {
        display_name(&self.path)
    }

    pub fn apply(&mut self, _edit: Edit) -> AppResult<EditOutcome> {
        Err(store_missing())
    }

    pub fn undo(&mut self) -> AppResult<EditOutcome> {
        Err(store_missing())
    }

    pub fn redo(&mut self) -> AppResult<EditOutcome> {
        Err(store_missing())
    }

    pub fn save_as(&mut self, _path: &Path) -> AppResult<()> {
        Err(store_missing())
    }

    pub fn journey_view(&self, _journey_id: &str, _presentation: bool) -> AppResult<JourneyView> {
        Err(store_missing())
    }

    pub fn workspace_view(&self) -> AppResult<WorkspaceView> {
        Err(store_missing())
    }
}

/// The journey templates a file can start from.
pub fn template_infos() -> AppResult<Vec<TemplateInfo>> {
    Err(templates_missing())
}

fn templates_missing() -> AppError {
    AppError::not_yet_available("Journey templates (baton_core::templates)")
}

/// The file's name without its folder and `.baton` extension, as the UI shows it.
pub fn display_name(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}
