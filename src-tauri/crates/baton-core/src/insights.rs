//! The satisfaction side of the insights screen (issue 4, "In the app"). Pure.
//!
//! For one journey, every step and handoff that has a score, a survey response or a target gets,
//! per metric: its latest score, its target, the gap, a status, the series over time (for a small
//! chart) and the verbatims (response comments). The formulas are `scores.rs`'s, never repeated
//! here: this module only groups a journey's readings once and shapes them for the screen.
//!
//! Status of a subject on a metric (`ScoreStatus`):
//! - `meets`: latest score at or better than the target (gap >= 0);
//! - `near`: worse than the target by at most `NEAR_SHARE` (5 %) of the metric's score range,
//!   bounds included: CSAT (0..100) within 5 points, NPS (-100..100) within 10 points, CES on
//!   1..7 within 0.3. Close enough that one more survey wave can tip it either way;
//! - `misses`: worse than that;
//! - `no_target`: a latest score, no target to compare it with;
//! - `no_score`: a target, nothing measured yet.
//!
//! Order: steps in journey order (stage, lane, position), then handoffs by id (the model's
//! order); a subject's metrics by metric position, then id. Verbatims newest first (same day:
//! the larger response id, i.e. the later one, first), at most `MAX_VERBATIMS` per subject and
//! metric; `verbatim_count` tells how many there are in all.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::model::{
    Direction, Id, JourneyModel, Metric, MetricKind, Score, Subject, SubjectKind, SurveyResponse,
    Target, Workspace,
};
use crate::scores::{score_range, series_from, standing, Granularity, ScorePoint};

/// How far below its target (as a share of the metric's score range) a score is still `near`.
pub const NEAR_SHARE: f64 = 0.05;

/// The most verbatims kept per subject and metric (the newest).
pub const MAX_VERBATIMS: usize = 50;

/// Where a subject stands against its target on one metric (see the module notes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum ScoreStatus {
    Meets,
    Near,
    Misses,
    NoTarget,
    NoScore,
}

/// The satisfaction readings of one journey, for the insights screen.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct JourneyScores {
    pub journey_id: Id,
    /// The period width scores were computed from responses at.
    pub granularity: Granularity,
    /// Steps in journey order, then handoffs by id; only those with a reading or a target.
    pub subjects: Vec<SubjectScores>,
}

/// One step or handoff and its metrics.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct SubjectScores {
    pub subject: Subject,
    /// By metric position, then id.
    pub metrics: Vec<MetricScores>,
}

/// One subject on one metric.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct MetricScores {
    pub metric_id: Id,
    pub metric_name: String,
    pub metric_kind: MetricKind,
    pub direction: Direction,
    /// The range the score can take (CSAT 0..100, NPS -100..100, else the response scale), so a
    /// chart can draw every metric on its own honest scale.
    pub score_min: f64,
    pub score_max: f64,
    /// The last point of `series`.
    pub latest: Option<ScorePoint>,
    pub target: Option<f64>,
    /// Latest minus target, positive is better; `None` unless both exist.
    pub gap: Option<f64>,
    /// The gap as a share of the score range (-1..1).
    pub normalised_gap: Option<f64>,
    pub status: ScoreStatus,
    /// Oldest first: scores per period computed from responses, and scores entered directly.
    pub series: Vec<ScorePoint>,
    /// Response comments, newest first, at most `MAX_VERBATIMS`.
    pub verbatims: Vec<Verbatim>,
    /// How many responses have a comment (may exceed `verbatims.len()`).
    pub verbatim_count: u32,
}

/// One response comment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct Verbatim {
    pub response_id: Id,
    pub date: NaiveDate,
    pub respondent: Option<String>,
    /// The answer, on the metric's response scale.
    pub value: f64,
    /// Trimmed, never empty.
    pub comment: String,
}

/// The status from a gap and its normalised value (see the module notes).
pub fn status_of(has_score: bool, target: Option<f64>, normalised_gap: Option<f64>) -> ScoreStatus {
    match (has_score, target, normalised_gap) {
        (false, _, _) => ScoreStatus::NoScore,
        (true, None, _) => ScoreStatus::NoTarget,
        // A target and a score always give a gap, except on a metric with an empty range: its
        // scores cannot be compared, so the target is as good as missing.
        (true, Some(_), None) => ScoreStatus::NoTarget,
        (true, Some(_), Some(gap)) if gap >= 0.0 => ScoreStatus::Meets,
        // The tolerance keeps a gap of exactly 5 % "near" despite binary fractions (75 - 80).
        (true, Some(_), Some(gap)) if gap >= -NEAR_SHARE - 1e-9 => ScoreStatus::Near,
        (true, Some(_), Some(_)) => ScoreStatus::Misses,
    }
}

/// The readings of everything in `model` that `metrics` knows, per subject and metric.
pub fn journey_scores(
    model: &JourneyModel,
    metrics: &BTreeMap<Id, Metric>,
    granularity: Granularity,
) -> JourneyScores {
    let readings = Readings::group(model);
    let steps = model.steps.iter().map(|s| Subject {
        kind: SubjectKind::Step,
        id: s.id.clone(),
    });
    let handoffs = model.handoffs.iter().map(|h| Subject {
        kind: SubjectKind::Handoff,
        id: h.id.clone(),
    });
    let subjects = steps
        .chain(handoffs)
        .filter_map(|subject| {
            let scored = readings.of(&subject, metrics, granularity);
            (!scored.is_empty()).then_some(SubjectScores {
                subject,
                metrics: scored,
            })
        })
        .collect();
    JourneyScores {
        journey_id: model.journey.id.clone(),
        granularity,
        subjects,
    }
}

/// `journey_scores` of a journey of the workspace; `None` when the journey does not exist.
pub fn journey_scores_in(
    ws: &Workspace,
    journey_id: &str,
    granularity: Granularity,
) -> Option<JourneyScores> {
    let model = ws.journey_model(journey_id)?;
    Some(journey_scores(&model, &ws.metrics, granularity))
}

/// The scores of one step or handoff of the workspace, whole: what the inspector shows of the
/// selected item (the journey's insights carry only each subject's latest reading).
pub fn subject_scores(
    ws: &Workspace,
    subject: &Subject,
    granularity: Granularity,
) -> Vec<MetricScores> {
    let readings = Readings::of_lists(
        ws.responses.values().filter(|r| &r.subject == subject),
        ws.scores.values().filter(|s| &s.subject == subject),
        ws.targets.values().filter(|t| &t.subject == subject),
    );
    readings.of(subject, &ws.metrics, granularity)
}

impl JourneyScores {
    /// Each subject's latest reading, standing and counts, without its series and verbatims:
    /// on a 10,000-step journey those are most of a 21.5 MB answer, and only the inspector
    /// shows them, for one subject at a time (`subject_scores`).
    pub fn summary(mut self) -> Self {
        for subject in &mut self.subjects {
            for metric in &mut subject.metrics {
                metric.series = Vec::new();
                metric.verbatims = Vec::new();
            }
        }
        self
    }
}

/// A journey's responses, entered scores and targets grouped by subject, then metric id: one
/// pass over each list, so a journey with many responses is not scanned once per subject.
#[derive(Default)]
struct Readings<'a> {
    by_subject: BTreeMap<&'a Subject, BTreeMap<&'a str, Group<'a>>>,
}

#[derive(Default)]
struct Group<'a> {
    responses: Vec<&'a SurveyResponse>,
    entered: Vec<&'a Score>,
    target: Option<f64>,
}

impl<'a> Readings<'a> {
    fn group(model: &'a JourneyModel) -> Self {
        Self::of_lists(&model.responses, &model.scores, &model.targets)
    }

    fn of_lists(
        responses: impl IntoIterator<Item = &'a SurveyResponse>,
        scores: impl IntoIterator<Item = &'a Score>,
        targets: impl IntoIterator<Item = &'a Target>,
    ) -> Self {
        let mut readings = Readings::default();
        for r in responses {
            readings.entry(&r.subject, &r.metric_id).responses.push(r);
        }
        for s in scores {
            readings.entry(&s.subject, &s.metric_id).entered.push(s);
        }
        for t in targets {
            readings.entry(&t.subject, &t.metric_id).target = Some(t.value);
        }
        readings
    }

    fn entry(&mut self, subject: &'a Subject, metric_id: &'a str) -> &mut Group<'a> {
        self.by_subject
            .entry(subject)
            .or_default()
            .entry(metric_id)
            .or_default()
    }

    fn of(
        &self,
        subject: &Subject,
        metrics: &BTreeMap<Id, Metric>,
        granularity: Granularity,
    ) -> Vec<MetricScores> {
        let Some(groups) = self.by_subject.get(subject) else {
            return Vec::new();
        };
        let mut known: Vec<(&Metric, &Group)> = groups
            .iter()
            .filter_map(|(id, group)| Some((metrics.get(*id)?, group)))
            .collect();
        known.sort_by(|(a, _), (b, _)| a.position.cmp(&b.position).then(a.id.cmp(&b.id)));
        known
            .into_iter()
            .map(|(metric, group)| metric_scores(metric, subject, group, granularity))
            .collect()
    }
}

fn metric_scores(
    metric: &Metric,
    subject: &Subject,
    group: &Group,
    granularity: Granularity,
) -> MetricScores {
    let series = series_from(metric, &group.responses, &group.entered, granularity);
    let latest = series.last().cloned();
    let standing = standing(metric, subject, latest.clone(), group.target);
    let (score_min, score_max) = score_range(metric);
    let (verbatims, verbatim_count) = verbatims(&group.responses);
    MetricScores {
        metric_id: metric.id.clone(),
        metric_name: metric.name.clone(),
        metric_kind: metric.kind,
        direction: metric.direction,
        score_min,
        score_max,
        status: status_of(latest.is_some(), group.target, standing.normalised_gap),
        latest,
        target: group.target,
        gap: standing.gap,
        normalised_gap: standing.normalised_gap,
        series,
        verbatims,
        verbatim_count,
    }
}

/// The newest `MAX_VERBATIMS` comments and how many there are in all.
fn verbatims(responses: &[&SurveyResponse]) -> (Vec<Verbatim>, u32) {
    let mut all: Vec<Verbatim> = responses
        .iter()
        .filter_map(|r| {
            let comment = r.comment.as_deref()?.trim();
            (!comment.is_empty()).then(|| Verbatim {
                response_id: r.id.clone(),
                date: r.date,
                respondent: r.respondent.clone(),
                value: r.value,
                comment: comment.to_owned(),
            })
        })
        .collect();
    let count = u32::try_from(all.len()).unwrap_or(u32::MAX);
    all.sort_by(|a, b| {
        b.date
            .cmp(&a.date)
            .then_with(|| b.response_id.cmp(&a.response_id))
    });
    all.truncate(MAX_VERBATIMS);
    (all, count)
}

#[cfg(test)]
mod tests;
