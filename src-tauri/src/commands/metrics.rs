//! The measure screens: a step's or handoff's target, entered scores and responses per metric
//! (the inspector lists them, each deletable), and what deleting a metric or a persona would
//! take with it, asked BEFORE the delete so the screen can say it. The changes themselves are
//! plain edits (`edit`): one each, undone in one step.

use baton_core::measures::{self, JourneyName, MetricEntries, MetricUses};
use baton_core::{Subject, SubjectKind};
use baton_session::error::{AppError, AppResult};
use tauri::State;

use super::with_document;
use crate::state::AppState;

/// Every metric of the file with the subject's target, entered scores and newest responses.
#[tauri::command]
#[specta::specta]
pub async fn subject_entries(
    state: State<'_, AppState>,
    doc: String,
    subject: Subject,
) -> AppResult<Vec<MetricEntries>> {
    with_document(&state, &doc, move |d| {
        let ws = d.workspace();
        let exists = match subject.kind {
            SubjectKind::Step => ws.steps.contains_key(&subject.id),
            SubjectKind::Handoff => ws.handoffs.contains_key(&subject.id),
        };
        if !exists {
            return Err(AppError::not_found(format!(
                "The card or handoff {}",
                subject.id
            )));
        }
        Ok(measures::subject_entries(ws, &subject))
    })
    .await
}

/// How many targets, scores, responses and expected effects deleting the metric removes.
#[tauri::command]
#[specta::specta]
pub async fn metric_uses(
    state: State<'_, AppState>,
    doc: String,
    metric_id: String,
) -> AppResult<MetricUses> {
    with_document(&state, &doc, move |d| {
        measures::metric_uses(d.workspace(), &metric_id)
            .ok_or_else(|| AppError::not_found(format!("The metric {metric_id}")))
    })
    .await
}

/// The journeys deleting the persona unlinks.
#[tauri::command]
#[specta::specta]
pub async fn persona_uses(
    state: State<'_, AppState>,
    doc: String,
    persona_id: String,
) -> AppResult<Vec<JourneyName>> {
    with_document(&state, &doc, move |d| {
        measures::persona_uses(d.workspace(), &persona_id)
            .ok_or_else(|| AppError::not_found(format!("The persona {persona_id}")))
    })
    .await
}
