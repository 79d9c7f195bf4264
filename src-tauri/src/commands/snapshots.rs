//! Snapshots: take one of the journey on screen, list them, open one read only on the map, and
//! restore one as a new journey. Renaming and deleting a snapshot are plain edits
//! (`RenameSnapshot`, `DeleteSnapshot`) sent through `edit`.

use baton_core::SnapshotInfo;
use baton_session::edit_answer::{Change, EditAnswer, OnScreen};
use baton_session::error::AppResult;
use baton_session::snapshots::SnapshotView;
use tauri::State;

use super::with_document;
use crate::state::AppState;

/// Takes a snapshot of `journey_id` as it is now, named `name` (the date and time when blank):
/// one undo step, answered like any edit.
#[tauri::command]
#[specta::specta]
pub async fn take_snapshot(
    state: State<'_, AppState>,
    doc: String,
    journey_id: String,
    name: String,
    screen: Option<OnScreen>,
) -> AppResult<EditAnswer> {
    with_document(&state, &doc, move |d| {
        let edit = d.snapshot_edit(&journey_id, &name, chrono::Utc::now())?;
        d.change(Change::Edit(edit), screen.as_ref())
    })
    .await
}

/// The snapshots of `journey_id`, oldest first.
#[tauri::command]
#[specta::specta]
pub async fn list_snapshots(
    state: State<'_, AppState>,
    doc: String,
    journey_id: String,
) -> AppResult<Vec<SnapshotInfo>> {
    with_document(&state, &doc, move |d| d.snapshots_of(&journey_id)).await
}

/// Opens a snapshot on the map, read only (laid out for presentation mode when `presentation`):
/// every change is refused until a journey view or the plan is asked for again.
#[tauri::command]
#[specta::specta]
pub async fn open_snapshot(
    state: State<'_, AppState>,
    doc: String,
    snapshot_id: String,
    presentation: bool,
) -> AppResult<SnapshotView> {
    with_document(&state, &doc, move |d| {
        d.snapshot_view(&snapshot_id, presentation)
    })
    .await
}

/// Restores a snapshot as a new journey: one undo step, answered like any edit.
#[tauri::command]
#[specta::specta]
pub async fn restore_snapshot(
    state: State<'_, AppState>,
    doc: String,
    snapshot_id: String,
    screen: Option<OnScreen>,
) -> AppResult<EditAnswer> {
    with_document(&state, &doc, move |d| {
        let edit = d.restore_edit(&snapshot_id)?;
        d.change(Change::Edit(edit), screen.as_ref())
    })
    .await
}
