//! The insights of one journey: its analysis and its satisfaction readings. Kept out of
//! `journey_view` so that analysing a big journey never slows an edit's round trip: the UI asks
//! for insights after the view, and only the latest request matters to it.

use baton_core::insights::MetricScores;
use baton_core::Subject;
use tauri::State;

use super::{blocking, with_document};
use crate::documents;
use crate::error::AppResult;
use crate::state::AppState;
use crate::views::JourneyInsights;

#[tauri::command]
#[specta::specta]
pub async fn journey_insights(
    state: State<'_, AppState>,
    doc: String,
    journey_id: String,
) -> AppResult<JourneyInsights> {
    // The file stays locked only while it is copied, so an edit made meanwhile need not wait
    // for the analysis.
    let (ws, revision) = with_document(&state, &doc, |d| Ok(d.snapshot())).await?;
    blocking(move || documents::journey_insights(&ws, &journey_id, revision)).await
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
