//! Latest scores of the journey's subjects, and the satisfaction change across each handoff.
//!
//! The drop across a handoff is computed per metric scored (latest score) on both its sending
//! and its receiving step: both normalised to 0..1 by the metric's score range with 1 best
//! (direction respected), drop = sending - receiving. DOMAIN.md's "receiving minus sending" is
//! the change; a drop is that change turned round, so that a fall in satisfaction is a
//! positive drop. The drop friction counts is the largest positive one (ties: the first metric
//! by position, then id).

use std::collections::{BTreeMap, HashMap};

use crate::model::{Handoff, Metric, Score, Subject, SubjectKind, SurveyResponse, Workspace};
use crate::scores::{normalise, series_from, standing, Granularity, ScorePoint};

use super::index::JourneyIndex;
use super::{SatisfactionChange, TouchpointStanding};

/// Latest score and target per step and metric, metrics by position then id.
pub(super) struct LatestScores<'a> {
    metrics: Vec<&'a Metric>,
    /// step id -> metric place in `metrics` -> latest reading.
    latest: HashMap<&'a str, BTreeMap<usize, ScorePoint>>,
    /// step id -> metric place -> target value.
    targets: HashMap<&'a str, BTreeMap<usize, f64>>,
}

impl<'a> LatestScores<'a> {
    pub fn build(ws: &'a Workspace, journey: &JourneyIndex<'a>, granularity: Granularity) -> Self {
        let mut metrics: Vec<&Metric> = ws.metrics.values().collect();
        metrics.sort_by(|a, b| a.position.cmp(&b.position).then(a.id.cmp(&b.id)));
        let metric_place: HashMap<&str, usize> = metrics
            .iter()
            .enumerate()
            .map(|(i, m)| (m.id.as_str(), i))
            .collect();
        let of_journey_step = |subject: &Subject| {
            subject.kind == SubjectKind::Step
                && journey.step_place.contains_key(subject.id.as_str())
        };

        type Readings<'r> = (Vec<&'r SurveyResponse>, Vec<&'r Score>);
        let mut readings: HashMap<(&str, usize), Readings> = HashMap::new();
        for response in ws
            .responses
            .values()
            .filter(|r| of_journey_step(&r.subject))
        {
            if let Some(&m) = metric_place.get(response.metric_id.as_str()) {
                let slot = readings
                    .entry((response.subject.id.as_str(), m))
                    .or_default();
                slot.0.push(response);
            }
        }
        for score in ws.scores.values().filter(|s| of_journey_step(&s.subject)) {
            if let Some(&m) = metric_place.get(score.metric_id.as_str()) {
                let slot = readings.entry((score.subject.id.as_str(), m)).or_default();
                slot.1.push(score);
            }
        }
        let mut latest: HashMap<&str, BTreeMap<usize, ScorePoint>> = HashMap::new();
        for ((step, m), (responses, entered)) in readings {
            if let Some(point) = series_from(metrics[m], &responses, &entered, granularity).pop() {
                latest.entry(step).or_default().insert(m, point);
            }
        }
        let mut targets: HashMap<&str, BTreeMap<usize, f64>> = HashMap::new();
        for target in ws.targets.values().filter(|t| of_journey_step(&t.subject)) {
            if let Some(&m) = metric_place.get(target.metric_id.as_str()) {
                targets
                    .entry(target.subject.id.as_str())
                    .or_default()
                    .insert(m, target.value);
            }
        }
        Self {
            metrics,
            latest,
            targets,
        }
    }

    pub fn has_score(&self, step_id: &str) -> bool {
        self.latest.get(step_id).is_some_and(|m| !m.is_empty())
    }

    /// The change across a handoff on every metric scored on both of its steps.
    pub fn changes_across(&self, handoff: &Handoff) -> Vec<SatisfactionChange> {
        let (Some(sending), Some(receiving)) = (
            self.latest.get(handoff.from_step_id.as_str()),
            self.latest.get(handoff.to_step_id.as_str()),
        ) else {
            return Vec::new();
        };
        sending
            .iter()
            .filter_map(|(m, before)| {
                let after = receiving.get(m)?;
                let metric = self.metrics[*m];
                let sending_normalised = normalise(metric, before.value)?;
                let receiving_normalised = normalise(metric, after.value)?;
                Some(SatisfactionChange {
                    metric_id: metric.id.clone(),
                    sending: before.value,
                    receiving: after.value,
                    sending_normalised,
                    receiving_normalised,
                    drop: sending_normalised - receiving_normalised,
                })
            })
            .collect()
    }

    /// Each touchpoint, in journey order, with its standing on every metric it has a latest
    /// score or a target for.
    pub fn touchpoint_standings(&self, journey: &JourneyIndex) -> Vec<TouchpointStanding> {
        journey
            .steps
            .iter()
            .filter(|s| s.touchpoint.is_some())
            .map(|step| {
                let latest = self.latest.get(step.id.as_str());
                let targets = self.targets.get(step.id.as_str());
                let mut places: Vec<usize> = latest
                    .into_iter()
                    .flat_map(|m| m.keys().copied())
                    .chain(targets.into_iter().flat_map(|m| m.keys().copied()))
                    .collect();
                places.sort_unstable();
                places.dedup();
                let subject = Subject {
                    kind: SubjectKind::Step,
                    id: step.id.clone(),
                };
                TouchpointStanding {
                    step_id: step.id.clone(),
                    party: journey.party_of(step).map(|(_, name)| name),
                    standings: places
                        .into_iter()
                        .map(|m| {
                            standing(
                                self.metrics[m],
                                &subject,
                                latest.and_then(|l| l.get(&m)).cloned(),
                                targets.and_then(|t| t.get(&m)).copied(),
                            )
                        })
                        .collect(),
                }
            })
            .collect()
    }
}

/// The largest positive drop; `None` when no metric fell.
pub(super) fn largest_drop(changes: &[SatisfactionChange]) -> Option<SatisfactionChange> {
    let mut largest: Option<&SatisfactionChange> = None;
    for change in changes.iter().filter(|c| c.drop > 0.0) {
        if largest.is_none_or(|l| change.drop > l.drop) {
            largest = Some(change);
        }
    }
    largest.cloned()
}
