//! The journey's entities gathered once, with the journey order of its steps.

use std::collections::{BTreeMap, HashMap};

use crate::model::{Handoff, Lane, LaneKind, Stage, Step, Workspace};

use super::{HandoffAnalysis, Reverification};

/// One journey's steps (in journey order), stages, lanes and handoffs (by id).
pub(super) struct JourneyIndex<'a> {
    /// By stage position, lane position, position in the cell, then id (ties only arise in
    /// inconsistent data). Steps whose stage or lane is missing come last.
    pub steps: Vec<&'a Step>,
    /// Step id to its place in `steps`.
    pub step_place: HashMap<&'a str, usize>,
    /// By position, then id.
    pub stages: Vec<&'a Stage>,
    pub lanes: HashMap<&'a str, &'a Lane>,
    /// By id.
    pub handoffs: Vec<&'a Handoff>,
}

impl<'a> JourneyIndex<'a> {
    pub fn build(ws: &'a Workspace, journey_id: &str) -> Self {
        let mut stages: Vec<&Stage> = ws
            .stages
            .values()
            .filter(|s| s.journey_id == journey_id)
            .collect();
        stages.sort_by(|a, b| a.position.cmp(&b.position).then(a.id.cmp(&b.id)));
        let lanes: HashMap<&str, &Lane> = ws
            .lanes
            .values()
            .filter(|l| l.journey_id == journey_id)
            .map(|l| (l.id.as_str(), l))
            .collect();
        let stage_position: HashMap<&str, u32> =
            stages.iter().map(|s| (s.id.as_str(), s.position)).collect();

        let mut keyed: Vec<((u32, u32, u32), &Step)> = ws
            .steps
            .values()
            .filter(|s| s.journey_id == journey_id)
            .map(|s| {
                let stage = stage_position
                    .get(s.stage_id.as_str())
                    .copied()
                    .unwrap_or(u32::MAX);
                let lane = lanes
                    .get(s.lane_id.as_str())
                    .map_or(u32::MAX, |l| l.position);
                ((stage, lane, s.position), s)
            })
            .collect();
        // Ids are unique and the map iterates them in order, so a stable sort breaks ties by id.
        keyed.sort_by_key(|(key, _)| *key);
        let steps: Vec<&Step> = keyed.into_iter().map(|(_, s)| s).collect();
        let step_place = steps
            .iter()
            .enumerate()
            .map(|(place, s)| (s.id.as_str(), place))
            .collect();
        let handoffs = ws
            .handoffs
            .values()
            .filter(|h| h.journey_id == journey_id)
            .collect();
        Self {
            steps,
            step_place,
            stages,
            lanes,
            handoffs,
        }
    }

    pub fn step(&self, id: &str) -> Option<&'a Step> {
        self.step_place.get(id).map(|&place| self.steps[place])
    }

    /// A step's place in journey order; unknown steps come after every known one.
    pub fn place(&self, step_id: &str) -> usize {
        self.step_place.get(step_id).copied().unwrap_or(usize::MAX)
    }

    pub fn lane_of(&self, step_id: &str) -> Option<&'a Lane> {
        self.step(step_id)
            .and_then(|s| self.lanes.get(s.lane_id.as_str()).copied())
    }

    pub fn is_touchpoint(&self, step_id: &str) -> bool {
        self.step(step_id).is_some_and(|s| s.touchpoint.is_some())
    }

    /// The party owning a step: its actor lane, lanes of one department being one party.
    /// `(key, display name)`; `None` off actor lanes.
    pub fn party_of(&self, step: &Step) -> Option<(String, String)> {
        let lane = self.lanes.get(step.lane_id.as_str())?;
        if lane.kind != LaneKind::Actor {
            return None;
        }
        Some(match department(lane) {
            Some(department) => (
                format!("department:{}", department.to_lowercase()),
                department.to_owned(),
            ),
            None => (format!("lane:{}", lane.id), lane.name.clone()),
        })
    }

    /// Every party owning a touchpoint: key to display name.
    pub fn parties(&self) -> BTreeMap<String, String> {
        self.steps
            .iter()
            .filter(|s| s.touchpoint.is_some())
            .filter_map(|s| self.party_of(s))
            .collect()
    }

    /// `“Title” (Lane)`, how reasons name a step.
    pub fn describe(&self, step_id: &str) -> String {
        match self.step(step_id) {
            Some(step) => match self.lanes.get(step.lane_id.as_str()) {
                Some(lane) => format!("“{}” ({})", step.title.trim(), lane.name.trim()),
                None => format!("“{}”", step.title.trim()),
            },
            None => format!("step {step_id}"),
        }
    }
}

/// A lane's department, trimmed; `None` when unset or blank. Compared case-insensitively.
pub(super) fn department(lane: &Lane) -> Option<&str> {
    lane.department
        .as_deref()
        .map(str::trim)
        .filter(|d| !d.is_empty())
}

/// Every time the customer proves who they are after the first time: the verification steps
/// after the journey's first one (in journey order), then the handoffs marked `reverify` whose
/// receiving step is not a verification step (in handoff order), so no event counts twice.
pub(super) fn reverifications(
    journey: &JourneyIndex,
    handoffs: &[HandoffAnalysis],
) -> Vec<Reverification> {
    let mut verifications = journey.steps.iter().filter(|s| s.verification);
    let mut events = Vec::new();
    if let Some(first) = verifications.next() {
        events.extend(verifications.map(|s| Reverification::Step {
            step_id: s.id.clone(),
            first_verification_step_id: first.id.clone(),
        }));
    }
    let by_id: HashMap<&str, &Handoff> = journey
        .handoffs
        .iter()
        .map(|h| (h.id.as_str(), *h))
        .collect();
    for analysed in handoffs {
        let Some(handoff) = by_id.get(analysed.handoff_id.as_str()) else {
            continue;
        };
        let lands_on_verification = journey
            .step(&handoff.to_step_id)
            .is_some_and(|s| s.verification);
        if handoff.reverify && !lands_on_verification {
            events.push(Reverification::Handoff {
                handoff_id: handoff.id.clone(),
            });
        }
    }
    events
}
