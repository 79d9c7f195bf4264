//! The insights of one journey: its analysis and its satisfaction readings. Kept out of
//! `journey_view` so that analysing a big journey never slows an edit's round trip: the UI asks
//! for insights after the view, and only the latest request matters to it.

use tauri::State;

use super::with_document;
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
    with_document(&state, &doc, move |d| d.journey_insights(&journey_id)).await
}
