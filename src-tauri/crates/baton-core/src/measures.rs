//! What the app's measure screens read, pure (issue 15, "Satisfaction in the app", "Personas"):
//! what deleting a metric or a persona would take with it, said BEFORE the delete (the delete
//! itself is `Edit::DeleteMetric` / `Edit::DeletePersona`, whose cascades are in
//! `apply/cascade.rs`), and one step's or handoff's target, entered scores and responses per
//! metric, each deletable by its id.

use serde::{Deserialize, Serialize};
use specta::Type;

use crate::model::{Id, Metric, Score, Subject, SurveyResponse, Target, Workspace};
use crate::scores::score_range;

/// The most responses listed per subject and metric (the newest); `response_count` says all.
pub const MAX_LISTED_RESPONSES: usize = 50;

/// What `DeleteMetric` removes or changes besides the metric itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct MetricUses {
    pub metric_id: Id,
    pub targets: u32,
    pub scores: u32,
    pub responses: u32,
    /// Initiatives whose expected effect names the metric (the effect is cleared).
    pub initiatives: u32,
}

impl MetricUses {
    /// Nothing but the metric goes.
    pub fn is_empty(&self) -> bool {
        self.targets + self.scores + self.responses + self.initiatives == 0
    }
}

/// What deleting the metric `id` would take with it; `None` when there is no such metric.
pub fn metric_uses(ws: &Workspace, id: &str) -> Option<MetricUses> {
    ws.metrics.get(id)?;
    let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    Some(MetricUses {
        metric_id: id.to_owned(),
        targets: count(ws.targets.values().filter(|t| t.metric_id == id).count()),
        scores: count(ws.scores.values().filter(|s| s.metric_id == id).count()),
        responses: count(ws.responses.values().filter(|r| r.metric_id == id).count()),
        initiatives: count(
            ws.initiatives
                .values()
                .filter(|i| {
                    i.expected_effect
                        .as_ref()
                        .is_some_and(|e| e.metric_id == id)
                })
                .count(),
        ),
    })
}

/// A journey named by id and name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct JourneyName {
    pub id: Id,
    pub name: String,
}

/// The journeys for the persona `id`, by position (deleting the persona unlinks them); `None`
/// when there is no such persona.
pub fn persona_uses(ws: &Workspace, id: &str) -> Option<Vec<JourneyName>> {
    ws.personas.get(id)?;
    let mut journeys: Vec<_> = ws
        .journeys
        .values()
        .filter(|j| j.persona_id.as_deref() == Some(id))
        .collect();
    journeys.sort_by_key(|j| (j.position, j.id.clone()));
    Some(
        journeys
            .into_iter()
            .map(|j| JourneyName {
                id: j.id.clone(),
                name: j.name.clone(),
            })
            .collect(),
    )
}

/// One subject's measures on one metric: what the inspector lists and lets the user change.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct MetricEntries {
    pub metric: Metric,
    /// The range a score (and so a target) of this metric can take (CSAT 0..100, NPS
    /// -100..100, else the response scale).
    pub score_min: f64,
    pub score_max: f64,
    pub target: Option<Target>,
    /// Entered scores, newest period first.
    pub scores: Vec<Score>,
    /// Responses, newest first, at most `MAX_LISTED_RESPONSES`.
    pub responses: Vec<SurveyResponse>,
    pub response_count: u32,
}

/// Every metric of the file (by position) with the subject's target, entered scores and
/// responses on it.
pub fn subject_entries(ws: &Workspace, subject: &Subject) -> Vec<MetricEntries> {
    let mut metrics: Vec<&Metric> = ws.metrics.values().collect();
    metrics.sort_by_key(|m| (m.position, m.id.clone()));
    metrics
        .into_iter()
        .map(|metric| {
            let on = |s: &Subject, m: &str| s == subject && m == metric.id;
            let mut scores: Vec<Score> = ws
                .scores
                .values()
                .filter(|s| on(&s.subject, &s.metric_id))
                .cloned()
                .collect();
            scores.sort_by(|a, b| {
                (b.period_end, b.period_start, &b.id).cmp(&(a.period_end, a.period_start, &a.id))
            });
            let mut responses: Vec<&SurveyResponse> = ws
                .responses
                .values()
                .filter(|r| on(&r.subject, &r.metric_id))
                .collect();
            let response_count = u32::try_from(responses.len()).unwrap_or(u32::MAX);
            // Ids are UUID v7: the larger id of one day is the later response.
            responses.sort_by(|a, b| (b.date, &b.id).cmp(&(a.date, &a.id)));
            let (score_min, score_max) = score_range(metric);
            MetricEntries {
                metric: metric.clone(),
                score_min,
                score_max,
                target: ws
                    .targets
                    .values()
                    .find(|t| on(&t.subject, &t.metric_id))
                    .cloned(),
                scores,
                responses: responses
                    .into_iter()
                    .take(MAX_LISTED_RESPONSES)
                    .cloned()
                    .collect(),
                response_count,
            }
        })
        .collect()
}
