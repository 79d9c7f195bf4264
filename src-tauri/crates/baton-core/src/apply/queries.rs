//! Read-only views of the workspace in the orders the store, the UI and the exports need.

use std::collections::{BTreeMap, HashSet};

use crate::model::*;

use super::positions::in_order;
use crate::id_map::IdMap;

/// The order of a journey's steps in its model (`journey_model`, `journey_map`): by stage,
/// then lane, each by its place in the lists given, then by position in the cell.
pub struct StepOrder<'a> {
    stage_rank: IdMap<&'a str, usize>,
    lane_rank: IdMap<&'a str, usize>,
}

/// A step's place in [`StepOrder`]: stage, lane, position in the cell.
pub type StepKey = (Option<usize>, Option<usize>, u32);

impl<'a> StepOrder<'a> {
    pub fn new(stages: &'a [Stage], lanes: &'a [Lane]) -> Self {
        StepOrder {
            stage_rank: stages
                .iter()
                .zip(0..)
                .map(|(s, i)| (s.id.as_str(), i))
                .collect(),
            lane_rank: lanes
                .iter()
                .zip(0..)
                .map(|(l, i)| (l.id.as_str(), i))
                .collect(),
        }
    }

    pub fn key(&self, step: &Step) -> StepKey {
        (
            self.stage_rank.get(step.stage_id.as_str()).copied(),
            self.lane_rank.get(step.lane_id.as_str()).copied(),
            step.position,
        )
    }
}

impl Workspace {
    pub fn personas_in_order(&self) -> Vec<&Persona> {
        in_order(self.personas.values())
    }

    pub fn journeys_in_order(&self) -> Vec<&Journey> {
        in_order(self.journeys.values())
    }

    pub fn metrics_in_order(&self) -> Vec<&Metric> {
        in_order(self.metrics.values())
    }

    pub fn phases_in_order(&self) -> Vec<&Phase> {
        in_order(self.phases.values())
    }

    /// The initiatives of one phase, by position.
    pub fn initiatives_of_phase(&self, phase_id: &str) -> Vec<&Initiative> {
        in_order(self.initiatives.values().filter(|i| i.phase_id == phase_id))
    }

    /// The initiatives of the whole plan: phase by phase, each by position.
    pub fn initiatives_in_order(&self) -> Vec<&Initiative> {
        self.phases_in_order()
            .into_iter()
            .flat_map(|phase| self.initiatives_of_phase(&phase.id))
            .collect()
    }

    pub fn stages_of(&self, journey_id: &str) -> Vec<&Stage> {
        in_order(self.stages.values().filter(|s| s.journey_id == journey_id))
    }

    pub fn lanes_of(&self, journey_id: &str) -> Vec<&Lane> {
        in_order(self.lanes.values().filter(|l| l.journey_id == journey_id))
    }

    /// The steps of one cell, by position.
    pub fn steps_of_cell(&self, stage_id: &str, lane_id: &str) -> Vec<&Step> {
        // The step table's cell index keeps them in this order (position, then id).
        self.steps.in_cell(stage_id, lane_id).collect()
    }

    /// Snapshots without their frozen models: of one journey when given, oldest first.
    pub fn snapshot_infos(&self, journey_id: Option<&str>) -> Vec<SnapshotInfo> {
        let mut infos: Vec<SnapshotInfo> = self
            .snapshots
            .values()
            .filter(|s| journey_id.is_none_or(|j| s.journey_id == j))
            .map(|s| SnapshotInfo {
                id: s.id.clone(),
                journey_id: s.journey_id.clone(),
                name: s.name.clone(),
                created_at: s.created_at,
            })
            .collect();
        infos.sort_by(|a, b| {
            a.created_at
                .cmp(&b.created_at)
                .then_with(|| a.id.cmp(&b.id))
        });
        infos
    }

    /// Everything of one journey, sorted as `JourneyModel` documents.
    pub fn journey_model(&self, journey_id: &str) -> Option<JourneyModel> {
        let mut model = self.journey_map(journey_id)?;
        let step_ids: HashSet<&str> = model.steps.iter().map(|s| s.id.as_str()).collect();
        let handoff_ids: HashSet<&str> = model.handoffs.iter().map(|h| h.id.as_str()).collect();
        let about = |subject: &Subject| match subject.kind {
            SubjectKind::Step => step_ids.contains(subject.id.as_str()),
            SubjectKind::Handoff => handoff_ids.contains(subject.id.as_str()),
        };
        model.targets = about_journey(&self.targets, |x| &x.subject, &about);
        model.responses = about_journey(&self.responses, |x| &x.subject, &about);
        model.scores = about_journey(&self.scores, |x| &x.subject, &about);
        Some(model)
    }

    /// The map of one journey: journey, stages, lanes, steps and handoffs sorted as in
    /// `journey_model`, with the satisfaction lists (targets, responses, scores) left empty.
    /// What drawing needs, without copying tens of thousands of survey responses.
    pub fn journey_map(&self, journey_id: &str) -> Option<JourneyModel> {
        let journey = self.journeys.get(journey_id)?.clone();
        let stages: Vec<Stage> = self.stages_of(journey_id).into_iter().cloned().collect();
        let lanes: Vec<Lane> = self.lanes_of(journey_id).into_iter().cloned().collect();
        let mut steps: Vec<Step> = self
            .steps
            .values()
            .filter(|s| s.journey_id == journey_id)
            .cloned()
            .collect();
        let order = StepOrder::new(&stages, &lanes);
        // Cached: one rank lookup per step, not per comparison.
        steps.sort_by_cached_key(|s| order.key(s));
        // BTreeMap order is id order, which is what the model documents for these lists.
        let handoffs: Vec<Handoff> = self
            .handoffs
            .values()
            .filter(|h| h.journey_id == journey_id)
            .cloned()
            .collect();
        Some(JourneyModel {
            journey,
            stages,
            lanes,
            steps,
            handoffs,
            targets: Vec::new(),
            responses: Vec::new(),
            scores: Vec::new(),
        })
    }
}

/// The rows of `all` (in id order) whose subject `about` accepts.
fn about_journey<T: Clone>(
    all: &BTreeMap<Id, T>,
    subject: fn(&T) -> &Subject,
    about: &impl Fn(&Subject) -> bool,
) -> Vec<T> {
    all.values()
        .filter(|x| about(subject(x)))
        .cloned()
        .collect()
}
