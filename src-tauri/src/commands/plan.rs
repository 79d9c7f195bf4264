//! The Plan view's reads: the improvement plan as the board, matrix and timeline draw it. Its
//! edits are ordinary `Edit`s (`edits::edit`), answered with the plan while it is on screen.

use baton_core::plan::PlanFilter;
use baton_core::Edit;
use tauri::State;

use super::with_document;
use crate::state::AppState;
use baton_session::error::AppResult;
use baton_session::plan::PlanScreen;
use baton_session::plan_links::PlanLinks;

/// The plan of the open file `doc` as `filter` shows it: phases in order, each with its
/// initiatives in order, and how many the filter hides.
#[tauri::command]
#[specta::specta]
pub async fn plan_screen(
    state: State<'_, AppState>,
    doc: String,
    filter: PlanFilter,
) -> AppResult<PlanScreen> {
    with_document(&state, &doc, move |d| d.plan_screen(&filter)).await
}

/// What "Draft plan" would add for `journey_id` (one `Edit::Batch` of proposed initiatives, or
/// none when the plan already addresses everything). Nothing is applied: the screen shows it,
/// then sends it as one edit (one undo step).
#[tauri::command]
#[specta::specta]
pub async fn draft_plan(
    state: State<'_, AppState>,
    doc: String,
    journey_id: String,
) -> AppResult<Option<Edit>> {
    with_document(&state, &doc, move |d| d.draft_plan(&journey_id)).await
}

/// The journey's cards and handoffs that non-dropped initiatives address, with those
/// initiatives: the map's markers and the inspector's list for the selection.
#[tauri::command]
#[specta::specta]
pub async fn plan_links(
    state: State<'_, AppState>,
    doc: String,
    journey_id: String,
) -> AppResult<PlanLinks> {
    with_document(&state, &doc, move |d| {
        baton_session::plan_links::plan_links(d.workspace(), &journey_id, d.revision())
    })
    .await
}
