//! Measured progress (seed 003: progress is measured, not declared). For an initiative with an
//! expected effect (metric M, subject X, value V) and a start date S, with readings as the
//! insights compute them (entered scores, and responses scored per period):
//! - baseline B: the latest reading of X on M whose period ends before S;
//! - current C: the latest reading of X on M whose period starts on or after S (a period that
//!   straddles S is neither: it mixes before and after);
//! - progress = (C - B) / (V - B) as a percentage, unclamped (the bar is clamped to 0..100);
//! - state, the first that applies: `not_measurable` (no expected effect, or one on no subject
//!   or an unknown metric), `not_started` (no S, or S after today), `no_baseline`,
//!   `awaiting_data` (no reading since S), `already_met` (B already meets V), `achieved` (C meets
//!   V), `improving` (> 0), `no_change` (= 0), `worse` (< 0). "Meets" follows the metric's
//!   direction: at or above V when higher is better, at or below when lower is.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::id_map::{self, IdMap};
use crate::model::{Direction, Id, Initiative, Metric, Score, Subject, SurveyResponse, Workspace};
use crate::scores::{gap, latest_from, period_of, score_range, Granularity, ScorePoint};

/// Where an initiative stands against its expected effect (see the module notes).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Type,
)]
#[serde(rename_all = "snake_case")]
pub enum ProgressState {
    /// No expected effect (or one without a subject, or on a metric that no longer exists).
    NotMeasurable,
    /// No start date, or it is after today.
    NotStarted,
    /// No reading whose period ends before the start.
    NoBaseline,
    /// No reading whose period starts on or after the start.
    AwaitingData,
    /// The baseline already meets the expected value.
    AlreadyMet,
    /// The current reading meets the expected value.
    Achieved,
    /// Moving toward the expected value (progress > 0).
    Improving,
    /// Progress exactly 0.
    NoChange,
    /// Moving away from it (progress < 0).
    Worse,
}

impl ProgressState {
    /// Words for a reader ("awaiting data").
    pub fn label(self) -> &'static str {
        match self {
            ProgressState::NotMeasurable => "not measurable",
            ProgressState::NotStarted => "not started",
            ProgressState::NoBaseline => "no baseline",
            ProgressState::AwaitingData => "awaiting data",
            ProgressState::AlreadyMet => "already met",
            ProgressState::Achieved => "achieved",
            ProgressState::Improving => "improving",
            ProgressState::NoChange => "no change",
            ProgressState::Worse => "worse",
        }
    }
}

/// An initiative's measured progress toward its expected effect.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct Progress {
    pub state: ProgressState,
    /// The expected effect's metric, when it exists.
    pub metric_id: Option<Id>,
    /// Its name ("CES"), for the bar's words ("CES 3.1 -> 4.2 of 5.0").
    pub metric_name: Option<String>,
    pub direction: Option<Direction>,
    /// The range the metric's score can take (CSAT 0..100, NPS -100..100, else the scale).
    pub score_min: Option<f64>,
    pub score_max: Option<f64>,
    /// V, the value the subject should reach.
    pub expected: Option<f64>,
    /// B, with its period, sample size and origin.
    pub baseline: Option<ScorePoint>,
    /// C, with its period, sample size and origin.
    pub current: Option<ScorePoint>,
    /// (C - B) / (V - B) x 100, unclamped; `None` unless B and C exist and V differs from B.
    pub percent: Option<f64>,
    /// `percent` clamped to 0..100, for the bar.
    pub bar: Option<f64>,
}

impl Progress {
    fn unmeasured(state: ProgressState) -> Self {
        Progress {
            state,
            metric_id: None,
            metric_name: None,
            direction: None,
            score_min: None,
            score_max: None,
            expected: None,
            baseline: None,
            current: None,
            percent: None,
            bar: None,
        }
    }
}

/// The responses and entered scores of the (subject, metric) pairs that expected effects name,
/// gathered in one pass over each list. Looked up by subject id alone (one hash of one id per
/// response: 50,000 responses are looked up one by one), the kind and metric compared after.
pub(super) struct EffectReadings<'w> {
    by_subject: IdMap<&'w str, Vec<PairReadings<'w>>>,
}

/// A pair's subject and metric id, and its responses and entered scores, in id order.
struct PairReadings<'w> {
    subject: &'w Subject,
    metric_id: &'w str,
    responses: Vec<&'w SurveyResponse>,
    scores: Vec<&'w Score>,
}

impl<'w> EffectReadings<'w> {
    pub fn gather(ws: &'w Workspace, initiatives: impl Iterator<Item = &'w Initiative>) -> Self {
        let mut by_subject: IdMap<&str, Vec<PairReadings>> = id_map::with_capacity(0);
        for initiative in initiatives {
            let Some(effect) = &initiative.expected_effect else {
                continue;
            };
            let Some(subject) = &effect.subject else {
                continue;
            };
            let pairs = by_subject.entry(subject.id.as_str()).or_default();
            if !pairs
                .iter()
                .any(|p| p.subject == subject && p.metric_id == effect.metric_id)
            {
                pairs.push(PairReadings {
                    subject,
                    metric_id: &effect.metric_id,
                    responses: Vec::new(),
                    scores: Vec::new(),
                });
            }
        }
        if !by_subject.is_empty() {
            for response in ws.responses.values() {
                if let Some(pair) =
                    Self::pair_mut(&mut by_subject, &response.subject, &response.metric_id)
                {
                    pair.responses.push(response);
                }
            }
            for score in ws.scores.values() {
                if let Some(pair) =
                    Self::pair_mut(&mut by_subject, &score.subject, &score.metric_id)
                {
                    pair.scores.push(score);
                }
            }
        }
        EffectReadings { by_subject }
    }

    fn pair_mut<'m>(
        by_subject: &'m mut IdMap<&'w str, Vec<PairReadings<'w>>>,
        subject: &Subject,
        metric_id: &str,
    ) -> Option<&'m mut PairReadings<'w>> {
        by_subject
            .get_mut(subject.id.as_str())?
            .iter_mut()
            .find(|p| p.subject.kind == subject.kind && p.metric_id == metric_id)
    }

    fn of(&self, subject: &Subject, metric_id: &str) -> (&[&'w SurveyResponse], &[&'w Score]) {
        self.by_subject
            .get(subject.id.as_str())
            .and_then(|pairs| {
                pairs
                    .iter()
                    .find(|p| p.subject == subject && p.metric_id == metric_id)
            })
            .map_or((&[], &[]), |p| {
                (p.responses.as_slice(), p.scores.as_slice())
            })
    }
}

/// The measured progress of an initiative on `today`.
pub(super) fn progress_of<'w>(
    ws: &'w Workspace,
    readings: &EffectReadings<'w>,
    initiative: &'w Initiative,
    today: NaiveDate,
    granularity: Granularity,
) -> Progress {
    let Some(effect) = &initiative.expected_effect else {
        return Progress::unmeasured(ProgressState::NotMeasurable);
    };
    let (Some(metric), Some(subject)) = (ws.metrics.get(&effect.metric_id), &effect.subject) else {
        return Progress::unmeasured(ProgressState::NotMeasurable);
    };
    let (low, high) = score_range(metric);
    let mut progress = Progress {
        metric_id: Some(metric.id.clone()),
        metric_name: Some(metric.name.clone()),
        direction: Some(metric.direction),
        score_min: Some(low),
        score_max: Some(high),
        expected: Some(effect.value),
        ..Progress::unmeasured(ProgressState::NotStarted)
    };
    let Some(start) = initiative.started.filter(|s| *s <= today) else {
        return progress;
    };
    let (responses, entered) = readings.of(subject, &metric.id);
    let (baseline, current) = around(metric, responses, entered, start, granularity);
    measure(&mut progress, metric, effect.value, baseline, current);
    progress
}

/// B and C for a start `start`: the latest reading whose period ends before it, and the latest
/// whose period starts on or after it. Periods of one width tile the calendar, so a response's
/// period ends before `start` exactly when its day is before the first day of `start`'s period,
/// and starts on or after `start` exactly when its day is on or after the first period start
/// not before `start`. Each side is the latest point of its own readings (`latest_from`, the
/// last point of their series, which only labels that one), not a series built whole.
fn around(
    metric: &Metric,
    responses: &[&SurveyResponse],
    entered: &[&Score],
    start: NaiveDate,
    granularity: Granularity,
) -> (Option<ScorePoint>, Option<ScorePoint>) {
    let containing = period_of(start, granularity);
    let first_after = if containing.start == start {
        Some(start)
    } else {
        containing.end.succ_opt()
    };
    let (before, since): (Vec<&SurveyResponse>, Vec<&SurveyResponse>) = responses
        .iter()
        .copied()
        .filter(|r| r.date < containing.start || first_after.is_some_and(|f| r.date >= f))
        .partition(|r| r.date < containing.start);
    let entered_before: Vec<&Score> = entered
        .iter()
        .copied()
        .filter(|s| s.period_end < start)
        .collect();
    let entered_since: Vec<&Score> = entered
        .iter()
        .copied()
        .filter(|s| s.period_start >= start)
        .collect();
    (
        latest_from(metric, &before, &entered_before, granularity),
        latest_from(metric, &since, &entered_since, granularity),
    )
}

/// State and percentage from B, C and V.
fn measure(
    progress: &mut Progress,
    metric: &Metric,
    expected: f64,
    baseline: Option<ScorePoint>,
    current: Option<ScorePoint>,
) {
    let b = baseline.as_ref().map(|p| p.value);
    let c = current.as_ref().map(|p| p.value);
    progress.baseline = baseline;
    progress.current = current;
    let (Some(b), Some(c)) = (b, c) else {
        progress.state = if b.is_none() {
            ProgressState::NoBaseline
        } else {
            ProgressState::AwaitingData
        };
        return;
    };
    let percent = (expected != b).then(|| (c - b) / (expected - b) * 100.0);
    progress.percent = percent.filter(|p| p.is_finite());
    progress.bar = progress.percent.map(|p| p.clamp(0.0, 100.0));
    let meets = |value: f64| gap(metric, value, expected) >= 0.0;
    progress.state = if meets(b) {
        ProgressState::AlreadyMet
    } else if meets(c) {
        ProgressState::Achieved
    } else {
        match progress.percent {
            Some(p) if p > 0.0 => ProgressState::Improving,
            Some(p) if p < 0.0 => ProgressState::Worse,
            _ => ProgressState::NoChange,
        }
    };
}
