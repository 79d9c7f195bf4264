//! Reading a file for the screens: everything is derived in Rust, the UI only draws it.

use tauri::State;

use super::with_document;
use crate::state::AppState;
use baton_session::error::AppResult;
use baton_session::view_patch::ViewUpdate;
use baton_session::views::WorkspaceView;

/// One journey with its layout (`presentation` lays it out for a projector), as a patch on the
/// view the screen holds (`held`: the token it came with), or whole: after an edit, a big
/// journey's whole view would be megabytes.
#[tauri::command]
#[specta::specta]
pub async fn journey_view_update(
    state: State<'_, AppState>,
    doc: String,
    journey_id: String,
    presentation: bool,
    held: Option<u32>,
) -> AppResult<ViewUpdate> {
    with_document(&state, &doc, move |d| {
        d.journey_view_update(&journey_id, presentation, held)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn workspace_view(state: State<'_, AppState>, doc: String) -> AppResult<WorkspaceView> {
    with_document(&state, &doc, |d| d.workspace_view()).await
}
