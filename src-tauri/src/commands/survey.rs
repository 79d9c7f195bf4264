//! Survey import (CSV or XLSX): a native file dialog and a preview, then the user's choice. The
//! logic is in `baton_session::imports`; these commands open the dialog, find the document and
//! run off the UI thread.

use tauri::{AppHandle, State};

use super::{blocking, with_document};
use crate::dialogs::pick_csv_path;
use crate::state::{lock, AppState};
use baton_session::error::AppResult;
use baton_session::imports::{self, ImportPreview, ImportResult, PendingImports, SurveyReading};

/// The dialog's title (the end-to-end suite finds the dialog by it).
const DIALOG_TITLE: &str = "Import survey responses";

/// Asks for a survey export (CSV or XLSX), reads it and plans its import into the journey `journey_id`.
/// Nothing is written: the plan waits under the preview's token. `None` when the user cancels.
#[tauri::command]
#[specta::specta]
pub async fn preview_responses_import(
    app: AppHandle,
    state: State<'_, AppState>,
    pending: State<'_, PendingImports>,
    doc: String,
    journey_id: String,
) -> AppResult<Option<ImportPreview>> {
    // An unknown file is refused before any dialog opens.
    let shared = state.document(&doc)?;
    let pending = pending.inner().clone();
    blocking(move || {
        let Some(path) = pick_csv_path(&app, DIALOG_TITLE)? else {
            return Ok(None);
        };
        let bytes = imports::read_survey_file(&path)?;
        let document = lock(&shared)?;
        let name = imports::file_name(&path);
        imports::preview(&pending, &document, &doc, &journey_id, &name, bytes).map(Some)
    })
    .await
}

/// Reads the previewed file again through the mapping step's `reading` (mapping, sheet):
/// the new preview, under the same token. Nothing is written.
#[tauri::command]
#[specta::specta]
pub async fn remap_responses_import(
    state: State<'_, AppState>,
    pending: State<'_, PendingImports>,
    doc: String,
    token: String,
    reading: SurveyReading,
) -> AppResult<ImportPreview> {
    let pending = pending.inner().clone();
    let id = doc.clone();
    with_document(&state, &doc, move |d| {
        imports::remap(&pending, d, &id, &token, reading)
    })
    .await
}

/// Imports the previewed rows as one edit (one undo step). While rows are rejected it is
/// refused unless `skip_invalid`, which imports the valid rows and skips the rejected ones.
/// `save_mapping`: the mapping read with is saved under that name in the same edit.
#[tauri::command]
#[specta::specta]
pub async fn commit_responses_import(
    state: State<'_, AppState>,
    pending: State<'_, PendingImports>,
    doc: String,
    token: String,
    skip_invalid: bool,
    save_mapping: Option<String>,
) -> AppResult<ImportResult> {
    let pending = pending.inner().clone();
    let id = doc.clone();
    with_document(&state, &doc, move |d| {
        imports::commit(
            &pending,
            d,
            &id,
            &token,
            skip_invalid,
            save_mapping.as_deref(),
        )
    })
    .await
}

/// Forgets a preview the user closed without importing.
#[tauri::command]
#[specta::specta]
pub async fn cancel_responses_import(
    pending: State<'_, PendingImports>,
    doc: String,
    token: String,
) -> AppResult<()> {
    pending.cancel(&doc, &token)
}
