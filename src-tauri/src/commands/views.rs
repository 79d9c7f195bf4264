//! Reading a file for the screens: everything is derived in Rust, the UI only draws it.

use tauri::State;

use super::with_document;
use crate::error::AppResult;
use crate::state::AppState;
use crate::views::{JourneyView, WorkspaceView};

/// One journey with its layout; `presentation` lays it out for a projector.
#[tauri::command]
#[specta::specta]
pub async fn journey_view(
    state: State<'_, AppState>,
    doc: String,
    journey_id: String,
    presentation: bool,
) -> AppResult<JourneyView> {
    with_document(&state, &doc, move |d| {
        d.journey_view(&journey_id, presentation)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn workspace_view(state: State<'_, AppState>, doc: String) -> AppResult<WorkspaceView> {
    with_document(&state, &doc, |d| d.workspace_view()).await
}
