//! Opening, creating, saving and closing client files. Paths come only from a native dialog
//! opened here in Rust, from the recent list, or from the app's own data directory (the demo).

use std::path::{Path, PathBuf};

use tauri::{AppHandle, State};

use super::{blocking, with_document};
use crate::dialogs::{pick_open_path, pick_save_path};
use crate::recent::RecentFile;
use crate::state::AppState;
use baton_core::templates::TemplateInfo;
use baton_session::documents::{template_infos, OpenDocument};
use baton_session::error::{AppError, AppErrorKind, AppResult, ShellErrorKind};
use baton_session::views::OpenedFile;
use baton_store::ErrorKind;

/// Opens the file at `path`, or hands back the doc id it already has when it is open.
/// An encrypted file answers `passphrase_required` naming the file in the error's `field`, and
/// goes on the recent list (marked encrypted) so `open_with_passphrase` accepts its path.
fn open_path(state: &AppState, path: &Path) -> AppResult<OpenedFile> {
    if let Some(open) = state.find_open(path)? {
        state.with_recent(|r| r.record(path, &open.name, open.encrypted))?;
        return Ok(open);
    }
    match OpenDocument::open(path) {
        Ok(document) => state.insert(document),
        Err(mut e) if e.kind == AppErrorKind::Store(ErrorKind::PassphraseRequired) => {
            let name = display_name(path);
            state.with_recent(|r| r.record(path, &name, true))?;
            e.field = Some(path.display().to_string());
            Err(e)
        }
        Err(e) => Err(e),
    }
}

#[cfg(test)]
pub(crate) fn open_path_for_tests(state: &AppState, path: &Path) -> AppResult<OpenedFile> {
    open_path(state, path)
}

/// The client's name as the file's name says it, for a file not yet opened.
fn display_name(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

/// Asks where to save, then creates an empty client file there for the client `name` (when
/// `name` is blank, named after the file: "ACME Bank.baton" is the client "ACME Bank").
/// `None` when the user cancels.
#[tauri::command]
#[specta::specta]
pub async fn create_file_dialog(
    app: AppHandle,
    state: State<'_, AppState>,
    name: String,
) -> AppResult<Option<OpenedFile>> {
    let state = state.inner().clone();
    blocking(move || {
        // The dialog proposes the client name just typed as the file name.
        let Some(path) = pick_save_path(&app, "New client file", &name)? else {
            return Ok(None);
        };
        state.insert(OpenDocument::create(&path, &name)?).map(Some)
    })
    .await
}

/// Asks for a file to open. `None` when the user cancels.
#[tauri::command]
#[specta::specta]
pub async fn open_file_dialog(
    app: AppHandle,
    state: State<'_, AppState>,
) -> AppResult<Option<OpenedFile>> {
    let state = state.inner().clone();
    blocking(move || match pick_open_path(&app, "Open client file")? {
        Some(path) => open_path(&state, &path).map(Some),
        None => Ok(None),
    })
    .await
}

/// Opens a file of the recent list; any other path is refused.
#[tauri::command]
#[specta::specta]
pub async fn open_recent(state: State<'_, AppState>, path: String) -> AppResult<OpenedFile> {
    let state = state.inner().clone();
    blocking(move || {
        let listed = state.with_recent(|r| Ok(r.find(&path)))?;
        let Some(path) = listed else {
            return Err(AppError::new(
                ShellErrorKind::PathNotAllowed,
                "Only files from the recent list or a file dialog can be opened",
            ));
        };
        open_path(&state, &path)
    })
    .await
}

/// Asks for a new location, writes a copy of `doc` there and goes on editing the copy (under
/// the same doc id). `None` when the user cancels.
#[tauri::command]
#[specta::specta]
pub async fn save_as_dialog(
    app: AppHandle,
    state: State<'_, AppState>,
    doc: String,
) -> AppResult<Option<OpenedFile>> {
    let name = with_document(&state, &doc, |d| Ok(d.name())).await?;
    let state = state.inner().clone();
    blocking(move || {
        let Some(path) = pick_save_path(&app, "Save client file as", &name)? else {
            return Ok(None);
        };
        let shared = state.document(&doc)?;
        let mut document = crate::state::lock(&shared)?;
        document.save_as(&path)?;
        state.describe(&doc, &document).map(Some)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn close_file(
    state: State<'_, AppState>,
    pending: State<'_, baton_session::imports::PendingImports>,
    bpmn: State<'_, baton_session::imports::PendingBpmnImports>,
    doc: String,
) -> AppResult<()> {
    // A survey preview left open holds the whole CSV in memory: it goes with its file.
    pending.forget_doc(&doc)?;
    bpmn.forget_doc(&doc)?;
    state.remove(&doc)
}

/// The recent files, most recent first, each saying whether it still exists.
#[tauri::command]
#[specta::specta]
pub async fn recent_files(state: State<'_, AppState>) -> AppResult<Vec<RecentFile>> {
    let state = state.inner().clone();
    blocking(move || state.with_recent(|r| Ok(r.list()))).await
}

/// Creates a fresh demo client file in the app's data directory and opens it.
#[tauri::command]
#[specta::specta]
pub async fn open_demo(state: State<'_, AppState>) -> AppResult<OpenedFile> {
    let state = state.inner().clone();
    blocking(move || {
        let path = unique_demo_path(state.data_dir())?;
        state.insert(OpenDocument::create_demo(&path)?)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn templates() -> AppResult<Vec<TemplateInfo>> {
    template_infos()
}

/// Asks where to save, then creates a client file holding the template `template_key`.
/// `None` when the user cancels.
#[tauri::command]
#[specta::specta]
pub async fn new_from_template(
    app: AppHandle,
    state: State<'_, AppState>,
    template_key: String,
) -> AppResult<Option<OpenedFile>> {
    let template = template_infos()?
        .into_iter()
        .find(|t| t.key == template_key)
        .ok_or_else(|| AppError::not_found(format!("Template {template_key}")))?;
    let state = state.inner().clone();
    blocking(move || {
        let Some(path) = pick_save_path(&app, "New client file from a template", &template.name)?
        else {
            return Ok(None);
        };
        state
            .insert(OpenDocument::create_from_template(&path, &template.key)?)
            .map(Some)
    })
    .await
}

/// `Demo.baton`, or `Demo 2.baton`, `Demo 3.baton`... whichever does not exist yet.
fn unique_demo_path(data_dir: &Path) -> AppResult<PathBuf> {
    std::fs::create_dir_all(data_dir).map_err(|e| AppError::io("create", data_dir, &e))?;
    let stem = "Demo";
    (1..10_000)
        .map(|n| match n {
            1 => data_dir.join(format!("{stem}.baton")),
            n => data_dir.join(format!("{stem} {n}.baton")),
        })
        .find(|p| !p.exists())
        .ok_or_else(|| {
            AppError::new(
                baton_store::ErrorKind::Io,
                "Too many demo files; delete some",
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demo_paths_never_overwrite() {
        let dir = tempfile::tempdir().unwrap();
        let first = unique_demo_path(dir.path()).unwrap();
        assert_eq!(first, dir.path().join("Demo.baton"));
        std::fs::write(&first, b"x").unwrap();
        let second = unique_demo_path(dir.path()).unwrap();
        assert_eq!(second, dir.path().join("Demo 2.baton"));
    }
}
