//! BPMN import: a native file dialog and a preview (lanes, steps, handoffs, assumptions), the
//! customer lane the user marks, then the journey created as one edit. The logic is in
//! `baton_session::imports`; these commands open the dialog and run off the UI thread.

use tauri::{AppHandle, State};

use super::{blocking, with_document};
use crate::dialogs::pick_bpmn_path;
use crate::state::AppState;
use baton_session::error::AppResult;
use baton_session::imports::{self, BpmnImported, BpmnPreview, PendingBpmnImports};

/// The dialog's title (the end-to-end suite finds the dialog by it).
const DIALOG_TITLE: &str = "Import a BPMN model";

/// Asks for a BPMN file, reads it and plans the journey it becomes. Nothing is written.
/// `None` when the user cancels.
#[tauri::command]
#[specta::specta]
pub async fn preview_bpmn_import(
    app: AppHandle,
    state: State<'_, AppState>,
    pending: State<'_, PendingBpmnImports>,
    doc: String,
) -> AppResult<Option<BpmnPreview>> {
    // An unknown file is refused before any dialog opens.
    state.document(&doc)?;
    let pending = pending.inner().clone();
    blocking(move || {
        let Some(path) = pick_bpmn_path(&app, DIALOG_TITLE)? else {
            return Ok(None);
        };
        let bytes = imports::read_bpmn_file(&path)?;
        let name = imports::file_name(&path);
        imports::preview_bpmn(&pending, &doc, &name, bytes).map(Some)
    })
    .await
}

/// Plans the previewed model again with `customer_lane` (a lane's name) as the customer's.
#[tauri::command]
#[specta::specta]
pub async fn replan_bpmn_import(
    pending: State<'_, PendingBpmnImports>,
    doc: String,
    token: String,
    customer_lane: Option<String>,
) -> AppResult<BpmnPreview> {
    let pending = pending.inner().clone();
    blocking(move || imports::replan_bpmn(&pending, &doc, &token, customer_lane)).await
}

/// Creates the previewed journey as one edit (one undo step).
#[tauri::command]
#[specta::specta]
pub async fn commit_bpmn_import(
    state: State<'_, AppState>,
    pending: State<'_, PendingBpmnImports>,
    doc: String,
    token: String,
) -> AppResult<BpmnImported> {
    let pending = pending.inner().clone();
    let id = doc.clone();
    with_document(&state, &doc, move |d| {
        imports::commit_bpmn(&pending, d, &id, &token)
    })
    .await
}

/// Forgets a preview the user closed without importing.
#[tauri::command]
#[specta::specta]
pub async fn cancel_bpmn_import(
    pending: State<'_, PendingBpmnImports>,
    doc: String,
    token: String,
) -> AppResult<()> {
    imports::cancel_bpmn(&pending, &doc, &token)
}
