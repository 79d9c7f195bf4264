//! Comparing two versions of a journey: snapshots, the journey now, its future-state copy.

use baton_session::compare_map::CompareAnswer;
use baton_session::error::AppResult;
use baton_session::snapshots::VersionRef;
use tauri::State;

use super::with_document;
use crate::state::AppState;

/// Everything that differs from version `a` (before) to version `b` (after), with the
/// analyses' figures side by side, and the map of the differences: one answer, so the Compare
/// view paints its figures, list and map after one call.
#[tauri::command]
#[specta::specta]
pub async fn compare_versions(
    state: State<'_, AppState>,
    doc: String,
    a: VersionRef,
    b: VersionRef,
) -> AppResult<CompareAnswer> {
    with_document(&state, &doc, move |d| d.compare_with_map(&a, &b)).await
}
