//! The insights of one journey: its analysis and its satisfaction readings. Kept out of
//! `journey_view` so that analysing a big journey never slows an edit's round trip: the UI asks
//! for insights after the view, and only the latest request matters to it.

use baton_core::insights::MetricScores;
use baton_core::Subject;
use tauri::State;

use super::with_document;
use crate::background::run_in_background;
use crate::state::{insights_of, lock_insights, AppState};
use baton_session::documents;
use baton_session::error::AppResult;
use baton_session::insights_patch::InsightsUpdate;

/// The journey's insights, as a patch on those the screen holds (`held`: the token they came
/// with), or whole.
#[tauri::command]
#[specta::specta]
pub async fn journey_insights(
    state: State<'_, AppState>,
    doc: String,
    journey_id: String,
    held: Option<u32>,
) -> AppResult<InsightsUpdate> {
    let sent = insights_of(&state.document(&doc)?);
    // The file stays locked only while it is copied, so an edit made meanwhile need not wait
    // for the analysis, which runs at a low priority.
    let (ws, revision) = with_document(&state, &doc, |d| Ok(d.snapshot())).await?;
    run_in_background(move || {
        let fresh = documents::journey_insights(&ws, &journey_id, revision)?;
        Ok(lock_insights(&sent).update(held, fresh))
    })
    .await
}

/// One step's or handoff's scores whole (history and verbatims), for the inspector: the
/// journey's insights carry only each item's latest reading.
#[tauri::command]
#[specta::specta]
pub async fn subject_scores(
    state: State<'_, AppState>,
    doc: String,
    subject: Subject,
) -> AppResult<Vec<MetricScores>> {
    with_document(&state, &doc, move |d| d.subject_scores(&subject)).await
}
