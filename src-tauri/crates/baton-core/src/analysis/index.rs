//! The journey's entities gathered once, with the journey order of its steps. Everything the
//! other parts look up per handoff or per step is resolved here to a place (an index into
//! `steps`, `lanes` or `handoffs`), so they compare integers rather than 36-byte ids.

use std::collections::BTreeSet;

use crate::model::{Handoff, Lane, LaneKind, Stage, Step};

use super::source::Source;
use super::Reverification;
use crate::id_map::{self, IdMap};

/// A party owning touchpoints: `(key, display name)`; lanes of one department share the key.
pub(super) type Party = (String, String);

/// What the analysis reads of every step, kept together by place: the passes over the whole
/// journey read these few bytes instead of each `Step`, scattered in memory.
#[derive(Clone, Copy)]
pub(super) struct StepFacts {
    pub touchpoint: bool,
    pub verification: bool,
    pub resolution: bool,
    /// The place of its stage in `stages`; `None` when not one of the journey's.
    pub stage: Option<usize>,
    /// The place of its lane in `lanes`; `None` when not one of the journey's.
    lane: Option<usize>,
}

/// One journey's steps (in journey order), stages, lanes and handoffs (by id).
pub(super) struct JourneyIndex<'a> {
    /// By stage position, lane position, position in the cell, then id (ties only arise in
    /// inconsistent data). Steps whose stage or lane is missing come last.
    pub steps: Vec<&'a Step>,
    /// The facts of each step, by place.
    pub facts: Vec<StepFacts>,
    /// Step id to its place in `steps`.
    pub step_place: IdMap<&'a str, usize>,
    /// By position, then id.
    pub stages: Vec<&'a Stage>,
    /// The journey's lanes, by id.
    lanes: Vec<&'a Lane>,
    /// The party of each lane, by lane place (`None` off actor lanes).
    lane_party: Vec<Option<Party>>,
    /// Each lane's department, trimmed and lower-cased, by lane place (`None` when blank).
    lane_department: Vec<Option<String>>,
    /// By id.
    pub handoffs: Vec<&'a Handoff>,
    /// The places of each handoff's sending and receiving steps (`None`: not in the journey).
    pub handoff_ends: Vec<(Option<usize>, Option<usize>)>,
}

impl<'a> JourneyIndex<'a> {
    pub fn build(source: &Source<'a>) -> Self {
        let mut stages: Vec<&Stage> = source.stages.clone();
        stages.sort_by(|a, b| a.position.cmp(&b.position).then(a.id.cmp(&b.id)));
        let lanes: Vec<&Lane> = source.lanes.clone();
        let mut lane_place: IdMap<&str, usize> = id_map::with_capacity(lanes.len());
        lane_place.extend(lanes.iter().enumerate().map(|(i, l)| (l.id.as_str(), i)));
        let mut stage_place: IdMap<&str, usize> = id_map::with_capacity(stages.len());
        stage_place.extend(stages.iter().enumerate().map(|(i, s)| (s.id.as_str(), i)));

        // Steps in the source's order, each read once, in memory order: the id map is filled
        // now with indices into `unsorted`, and they are turned into places after the sort.
        let unsorted = &source.steps;
        let mut step_place: IdMap<&str, usize> = id_map::with_capacity(unsorted.len());
        let mut keyed: Vec<((u32, u32, u32), StepFacts, usize)> = unsorted
            .iter()
            .enumerate()
            .map(|(index, s)| {
                step_place.insert(s.id.as_str(), index);
                let stage = stage_place.get(s.stage_id.as_str()).copied();
                let lane = lane_place.get(s.lane_id.as_str()).copied();
                let facts = StepFacts {
                    touchpoint: s.touchpoint.is_some(),
                    verification: s.verification,
                    resolution: s.resolution,
                    stage,
                    lane,
                };
                let stage_position = stage.map_or(u32::MAX, |st| stages[st].position);
                let lane_position = lane.map_or(u32::MAX, |l| lanes[l].position);
                ((stage_position, lane_position, s.position), facts, index)
            })
            .collect();
        // Ties (only in inconsistent data) are broken by id, whatever order the source has.
        keyed.sort_by(|(x, _, i), (y, _, j)| {
            x.cmp(y).then_with(|| unsorted[*i].id.cmp(&unsorted[*j].id))
        });
        let steps: Vec<&Step> = keyed.iter().map(|&(_, _, index)| unsorted[index]).collect();
        let facts = keyed.iter().map(|(_, facts, _)| *facts).collect();
        let mut place_of_index = vec![0usize; unsorted.len()];
        for (place, &(_, _, index)) in keyed.iter().enumerate() {
            place_of_index[index] = place;
        }
        for place in step_place.values_mut() {
            *place = place_of_index[*place];
        }
        let handoffs: Vec<&Handoff> = source.handoffs.clone();
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
        let lane_department = lanes
            .iter()
            .map(|lane| department(lane).map(str::to_lowercase))
            .collect();
        Self {
            steps,
            facts,
            step_place,
            stages,
            lanes,
            lane_party,
            lane_department,
            handoffs,
            handoff_ends,
        }
    }

    /// The lane of the step at `place`, with its place in `lanes`.
    pub fn lane_at(&self, place: usize) -> Option<(usize, &'a Lane)> {
        let lane = self.facts.get(place)?.lane?;
        Some((lane, self.lanes[lane]))
    }

    /// `department` of the lane at `lane` (a place in `lanes`), lower-cased.
    pub fn department_key(&self, lane: usize) -> Option<&str> {
        self.lane_department[lane].as_deref()
    }

    pub fn is_touchpoint_at(&self, place: Option<usize>) -> bool {
        place.is_some_and(|p| self.facts[p].touchpoint)
    }

    /// The party owning the step at `place`: its actor lane, lanes of one department being one
    /// party. `None` off actor lanes.
    pub fn party_at(&self, place: usize) -> Option<&Party> {
        let lane = self.facts.get(place)?.lane?;
        self.lane_party[lane].as_ref()
    }

    /// How many parties own a touchpoint.
    pub fn party_count(&self) -> usize {
        let mut owning = vec![false; self.lanes.len()];
        for facts in self.facts.iter().filter(|f| f.touchpoint) {
            if let Some(lane) = facts.lane {
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
    pub fn describe<'s>(&'s self, step_id: &'s str) -> StepName<'s> {
        match self.step_place.get(step_id) {
            Some(&place) => self.describe_at(place),
            None => StepName {
                title: None,
                lane: None,
                id: step_id,
            },
        }
    }

    /// `describe` of the step at `place`.
    pub fn describe_at(&self, place: usize) -> StepName<'_> {
        let step = self.steps[place];
        StepName {
            title: Some(step.title.trim()),
            lane: self.lane_at(place).map(|(_, lane)| lane.name.trim()),
            id: &step.id,
        }
    }
}

/// How a reason names a step, written straight into the reason (thousands of reasons per
/// analysis: no string of its own).
pub(super) struct StepName<'a> {
    /// `None` for a step not in the journey, named by id.
    title: Option<&'a str>,
    lane: Option<&'a str>,
    id: &'a str,
}

impl std::fmt::Display for StepName<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (self.title, self.lane) {
            (Some(title), Some(lane)) => write!(f, "“{title}” ({lane})"),
            (Some(title), None) => write!(f, "“{title}”"),
            (None, _) => write!(f, "step {}", self.id),
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
    let mut verifications = journey
        .facts
        .iter()
        .enumerate()
        .filter(|(_, f)| f.verification)
        .map(|(place, _)| journey.steps[place]);
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
            .is_some_and(|to| journey.facts[to].verification);
        if handoff.reverify && !lands_on_verification {
            events.push(Reverification::Handoff {
                handoff_id: handoff.id.clone(),
            });
        }
    }
    events
}
