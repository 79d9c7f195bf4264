//! The journey's entities gathered once, with the journey order of its steps. Everything the
//! other parts look up per handoff or per step is resolved here to a place (an index into
//! `steps`, `lanes` or `handoffs`), so they compare integers rather than 36-byte ids.

use std::collections::BTreeSet;

use crate::model::{Handoff, Lane, LaneKind, Stage, Step, Workspace};

use super::id_map::{self, IdMap};
use super::Reverification;

/// A party owning touchpoints: `(key, display name)`; lanes of one department share the key.
pub(super) type Party = (String, String);

/// One journey's steps (in journey order), stages, lanes and handoffs (by id).
pub(super) struct JourneyIndex<'a> {
    /// By stage position, lane position, position in the cell, then id (ties only arise in
    /// inconsistent data). Steps whose stage or lane is missing come last.
    pub steps: Vec<&'a Step>,
    /// Step id to its place in `steps`.
    pub step_place: IdMap<&'a str, usize>,
    /// By position, then id.
    pub stages: Vec<&'a Stage>,
    /// The journey's lanes, by id.
    lanes: Vec<&'a Lane>,
    /// The place in `lanes` of each step's lane, by step place.
    step_lane: Vec<Option<usize>>,
    /// The party of each lane, by lane place (`None` off actor lanes).
    lane_party: Vec<Option<Party>>,
    /// By id.
    pub handoffs: Vec<&'a Handoff>,
    /// The places of each handoff's sending and receiving steps (`None`: not in the journey).
    pub handoff_ends: Vec<(Option<usize>, Option<usize>)>,
}

impl<'a> JourneyIndex<'a> {
    pub fn build(ws: &'a Workspace, journey_id: &str) -> Self {
        let mut stages: Vec<&Stage> = ws
            .stages
            .values()
            .filter(|s| s.journey_id == journey_id)
            .collect();
        stages.sort_by(|a, b| a.position.cmp(&b.position).then(a.id.cmp(&b.id)));
        let lanes: Vec<&Lane> = ws
            .lanes
            .values()
            .filter(|l| l.journey_id == journey_id)
            .collect();
        let mut lane_place: IdMap<&str, usize> = id_map::with_capacity(lanes.len());
        lane_place.extend(lanes.iter().enumerate().map(|(i, l)| (l.id.as_str(), i)));
        let mut stage_position: IdMap<&str, u32> = id_map::with_capacity(stages.len());
        stage_position.extend(stages.iter().map(|s| (s.id.as_str(), s.position)));

        let mut keyed: Vec<((u32, u32, u32), Option<usize>, &Step)> = ws
            .steps
            .values()
            .filter(|s| s.journey_id == journey_id)
            .map(|s| {
                let stage = stage_position
                    .get(s.stage_id.as_str())
                    .copied()
                    .unwrap_or(u32::MAX);
                let lane = lane_place.get(s.lane_id.as_str()).copied();
                let lane_position = lane.map_or(u32::MAX, |l| lanes[l].position);
                ((stage, lane_position, s.position), lane, s)
            })
            .collect();
        // Ids are unique and the map iterates them in order, so a stable sort breaks ties by id.
        keyed.sort_by_key(|(key, _, _)| *key);
        let steps: Vec<&Step> = keyed.iter().map(|(_, _, s)| *s).collect();
        let step_lane = keyed.iter().map(|(_, lane, _)| *lane).collect();
        let mut step_place: IdMap<&str, usize> = id_map::with_capacity(steps.len());
        step_place.extend(steps.iter().enumerate().map(|(place, s)| (s.id.as_str(), place)));
        let handoffs: Vec<&Handoff> = ws
            .handoffs
            .values()
            .filter(|h| h.journey_id == journey_id)
            .collect();
        let handoff_ends = handoffs
            .iter()
            .map(|h| {
                (
                    step_place.get(h.from_step_id.as_str()).copied(),
                    step_place.get(h.to_step_id.as_str()).copied(),
                )
            })
            .collect();
        let lane_party = lanes.iter().map(|lane| party(lane)).collect();
        Self {
            steps,
            step_place,
            stages,
            lanes,
            step_lane,
            lane_party,
            handoffs,
            handoff_ends,
        }
    }

    /// The lane of the step at `place`.
    pub fn lane_at(&self, place: usize) -> Option<&'a Lane> {
        self.step_lane
            .get(place)
            .copied()
            .flatten()
            .map(|lane| self.lanes[lane])
    }

    pub fn is_touchpoint_at(&self, place: Option<usize>) -> bool {
        place.is_some_and(|p| self.steps[p].touchpoint.is_some())
    }

    /// The party owning the step at `place`: its actor lane, lanes of one department being one
    /// party. `None` off actor lanes.
    pub fn party_at(&self, place: usize) -> Option<&Party> {
        let lane = self.step_lane.get(place).copied().flatten()?;
        self.lane_party[lane].as_ref()
    }

    /// How many parties own a touchpoint.
    pub fn party_count(&self) -> usize {
        let mut owning = vec![false; self.lanes.len()];
        for (place, step) in self.steps.iter().enumerate() {
            if let (Some(_), Some(lane)) = (step.touchpoint, self.step_lane[place]) {
                owning[lane] = true;
            }
        }
        let keys: BTreeSet<&str> = self
            .lane_party
            .iter()
            .zip(owning)
            .filter(|(_, owns)| *owns)
            .filter_map(|(party, _)| party.as_ref().map(|(key, _)| key.as_str()))
            .collect();
        keys.len()
    }

    /// `“Title” (Lane)`, how reasons name a step.
    pub fn describe(&self, step_id: &str) -> String {
        match self.step_place.get(step_id) {
            Some(&place) => self.describe_at(place),
            None => format!("step {step_id}"),
        }
    }

    /// `describe` of the step at `place`.
    pub fn describe_at(&self, place: usize) -> String {
        let step = self.steps[place];
        match self.lane_at(place) {
            Some(lane) => format!("“{}” ({})", step.title.trim(), lane.name.trim()),
            None => format!("“{}”", step.title.trim()),
        }
    }
}

/// A lane's party; `None` off actor lanes.
fn party(lane: &Lane) -> Option<Party> {
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
/// `handoff_order` holds places in `journey.handoffs`.
pub(super) fn reverifications(
    journey: &JourneyIndex,
    handoff_order: &[usize],
) -> Vec<Reverification> {
    let mut verifications = journey.steps.iter().filter(|s| s.verification);
    let mut events = Vec::new();
    if let Some(first) = verifications.next() {
        events.extend(verifications.map(|s| Reverification::Step {
            step_id: s.id.clone(),
            first_verification_step_id: first.id.clone(),
        }));
    }
    for &h in handoff_order {
        let handoff = journey.handoffs[h];
        let lands_on_verification = journey.handoff_ends[h]
            .1
            .is_some_and(|to| journey.steps[to].verification);
        if handoff.reverify && !lands_on_verification {
            events.push(Reverification::Handoff {
                handoff_id: handoff.id.clone(),
            });
        }
    }
    events
}
