//! Latest scores of the journey's subjects, and the satisfaction change across each handoff.
//!
//! The drop across a handoff is computed per metric scored (latest score) on both its sending
//! and its receiving step: both normalised to 0..1 by the metric's score range with 1 best
//! (direction respected), drop = sending - receiving. DOMAIN.md's "receiving minus sending" is
//! the change; a drop is that change turned round, so that a fall in satisfaction is a
//! positive drop. The drop friction counts is the largest positive one (ties: the first metric
//! by position, then id).
//!
//! Readings are kept in flat tables with one slot per step and metric (`place * metrics + m`),
//! built in one pass over the workspace's responses, scores and targets.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::model::{Metric, Score, Subject, SubjectKind};
use crate::scores::{
    latest_with_periods, normalise, period_of, standing, Granularity, Period, Reading, ScorePoint,
};

use super::index::JourneyIndex;
use super::source::Source;
use super::{SatisfactionChange, TouchpointStanding};
use crate::id_map::{self, IdMap};

/// No reading in this slot.
const EMPTY: u32 = u32::MAX;

/// Latest score and target per step and metric, metrics by position then id.
pub(super) struct LatestScores<'a> {
    metrics: Vec<&'a Metric>,
    /// Slot (step place x metric place) -> index into `points`, or `EMPTY`.
    latest: Vec<u32>,
    points: Vec<ScorePoint>,
    /// Slot -> target value.
    targets: Vec<Option<f64>>,
}

impl<'a> LatestScores<'a> {
    pub fn build(
        source: &Source<'a>,
        journey: &JourneyIndex<'a>,
        granularity: Granularity,
    ) -> Self {
        let mut metrics: Vec<&Metric> = source.metrics.values().collect();
        metrics.sort_by(|a, b| a.position.cmp(&b.position).then(a.id.cmp(&b.id)));
        let mut metric_place: IdMap<&str, usize> = id_map::with_capacity(metrics.len());
        metric_place.extend(metrics.iter().enumerate().map(|(i, m)| (m.id.as_str(), i)));
        let slots = journey.steps.len() * metrics.len();
        // The slot of a reading about one of the journey's steps on a known metric.
        let slot_of = |subject: &Subject, metric_id: &str| {
            if subject.kind != SubjectKind::Step {
                return None;
            }
            let place = journey.step_place.get(subject.id.as_str())?;
            let m = metric_place.get(metric_id)?;
            Some(place * metrics.len() + m)
        };

        // Responses and scores grouped by slot, each group in the source's (id) order, as
        // `series_from` expects them: a counting sort of (slot, reading) pairs.
        // Responses are read once, in the map's (memory) order; what scoring needs of them
        // (day and value) is copied out so that scoring never goes back to them.
        let mut responses: Vec<(usize, Reading)> = Vec::with_capacity(source.responses.len());
        responses.extend(
            source
                .responses
                .iter()
                .filter_map(|r| Some((slot_of(&r.subject, &r.metric_id)?, Reading::of(r)))),
        );
        let entered: Vec<(usize, &Score)> = source
            .scores
            .iter()
            .filter_map(|&s| Some((slot_of(&s.subject, &s.metric_id)?, s)))
            .collect();
        let responses = group_by_slot(slots, &responses);
        let entered = group_by_slot(slots, &entered);

        let mut latest = vec![EMPTY; slots];
        let mut points = Vec::new();
        // Thousands of subjects share a few dozen periods: make each one once.
        let mut periods: BTreeMap<NaiveDate, Period> = BTreeMap::new();
        let mut period_of_day = |day: NaiveDate| {
            periods
                .entry(day)
                .or_insert_with(|| period_of(day, granularity))
                .clone()
        };
        for (slot, latest_slot) in latest.iter_mut().enumerate() {
            let (responses, entered) = (responses.group(slot), entered.group(slot));
            if responses.is_empty() && entered.is_empty() {
                continue;
            }
            let metric = metrics[slot % metrics.len()];
            if let Some(point) =
                latest_with_periods(metric, responses, entered, granularity, &mut period_of_day)
            {
                *latest_slot = u32::try_from(points.len()).unwrap_or(EMPTY);
                points.push(point);
            }
        }
        let mut targets = vec![None; slots];
        for target in &source.targets {
            if let Some(slot) = slot_of(&target.subject, &target.metric_id) {
                targets[slot] = Some(target.value);
            }
        }
        Self {
            metrics,
            latest,
            points,
            targets,
        }
    }

    fn latest_at(&self, place: usize, m: usize) -> Option<&ScorePoint> {
        let index = self.latest[place * self.metrics.len() + m];
        (index != EMPTY).then(|| &self.points[index as usize])
    }

    /// Whether the step at `place` has a latest score on any metric.
    pub fn has_score(&self, place: usize) -> bool {
        (0..self.metrics.len()).any(|m| self.latest_at(place, m).is_some())
    }

    /// The change across a handoff between the steps at these places, on every metric scored
    /// on both of them.
    pub fn changes_across(
        &self,
        (from, to): (Option<usize>, Option<usize>),
    ) -> Vec<SatisfactionChange> {
        let (Some(from), Some(to)) = (from, to) else {
            return Vec::new();
        };
        (0..self.metrics.len())
            .filter_map(|m| {
                let before = self.latest_at(from, m)?;
                let after = self.latest_at(to, m)?;
                let metric = self.metrics[m];
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
    /// score or a target for. The last use of the scores: their readings move into the
    /// standings rather than being copied.
    pub fn into_touchpoint_standings(self, journey: &JourneyIndex) -> Vec<TouchpointStanding> {
        let metric_count = self.metrics.len();
        let mut points: Vec<Option<ScorePoint>> = self.points.into_iter().map(Some).collect();
        let mut take_latest = |place: usize, m: usize| {
            let index = self.latest[place * metric_count + m];
            if index == EMPTY {
                None
            } else {
                points[index as usize].take()
            }
        };
        journey
            .facts
            .iter()
            .enumerate()
            .filter(|(_, f)| f.touchpoint)
            .map(|(place, _)| {
                let step = journey.steps[place];
                let subject = Subject {
                    kind: SubjectKind::Step,
                    id: step.id.clone(),
                };
                let standings = (0..metric_count)
                    .filter_map(|m| {
                        let latest = take_latest(place, m);
                        let target = self.targets[place * metric_count + m];
                        (latest.is_some() || target.is_some())
                            .then(|| standing(self.metrics[m], &subject, latest, target))
                    })
                    .collect();
                TouchpointStanding {
                    step_id: step.id.clone(),
                    party: journey.party_at(place).map(|(_, name)| name.clone()),
                    standings,
                }
            })
            .collect()
    }
}

/// Readings grouped by slot: `items[starts[slot]..starts[slot + 1]]`.
struct Grouped<T> {
    starts: Vec<usize>,
    items: Vec<T>,
}

impl<T> Grouped<T> {
    fn group(&self, slot: usize) -> &[T] {
        &self.items[self.starts[slot]..self.starts[slot + 1]]
    }
}

/// A stable counting sort of `(slot, item)` pairs by slot.
fn group_by_slot<T: Copy>(slots: usize, pairs: &[(usize, T)]) -> Grouped<T> {
    let mut starts = vec![0usize; slots + 1];
    for (slot, _) in pairs {
        starts[slot + 1] += 1;
    }
    for slot in 0..slots {
        starts[slot + 1] += starts[slot];
    }
    let mut next = starts.clone();
    let mut items: Vec<Option<T>> = vec![None; pairs.len()];
    for &(slot, item) in pairs {
        items[next[slot]] = Some(item);
        next[slot] += 1;
    }
    Grouped {
        starts,
        items: items.into_iter().flatten().collect(),
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
