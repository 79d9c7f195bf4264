//! Changing a lane's kind: one edit that first clears, on the lane and its cards, what the new
//! kind does not allow, so the change is never refused for an attribute the user cannot see in
//! the new kind's inspector. Its inverse is a batch that restores the kind and every cleared value.

use crate::edit::Edit;
use crate::error::EditError;
use crate::model::*;

use super::checks::{missing, not_allowed, Touched};

/// The word for a lane kind in messages ("an emotion lane").
pub(crate) fn lane_kind_word(kind: LaneKind) -> &'static str {
    match kind {
        LaneKind::Customer => "customer",
        LaneKind::Actor => "actor",
        LaneKind::Emotion => "emotion",
        LaneKind::Thoughts => "thoughts",
        LaneKind::Pains => "pains",
        LaneKind::Opportunities => "opportunities",
        LaneKind::Channels => "channels",
        LaneKind::Notes => "notes",
    }
}

/// `step` as a lane of `kind` may hold it: an emotion only on an emotion lane; touchpoint,
/// verification and resolution only on customer and actor lanes. Everything else is kept.
pub(crate) fn fit_step_to_lane(step: &Step, kind: LaneKind) -> Step {
    let acts = matches!(kind, LaneKind::Customer | LaneKind::Actor);
    Step {
        emotion: step.emotion.filter(|_| kind == LaneKind::Emotion),
        touchpoint: step.touchpoint.filter(|_| acts),
        verification: step.verification && acts,
        resolution: step.resolution && acts,
        ..step.clone()
    }
}

/// `lane` as a lane of `kind`: only actor lanes have a department, sourcing, work and visibility.
fn lane_of_kind(lane: &Lane, kind: LaneKind) -> Lane {
    let actor = kind == LaneKind::Actor;
    Lane {
        kind,
        department: lane.department.clone().filter(|_| actor),
        sourcing: lane.sourcing.filter(|_| actor),
        work: lane.work.filter(|_| actor),
        visibility: lane.visibility.filter(|_| actor),
        ..lane.clone()
    }
}

impl Workspace {
    pub(super) fn set_lane_kind(
        &mut self,
        id: &str,
        kind: LaneKind,
        t: &mut Touched,
    ) -> Result<Edit, EditError> {
        let entity = EntityKind::Lane;
        let lane = self.lanes.get(id).ok_or_else(|| missing(entity, id))?;
        if lane.kind == kind {
            return Err(not_allowed(
                entity,
                id,
                "kind",
                format!("The lane is already a {} lane", lane_kind_word(kind)),
            ));
        }
        // The lane's cards, cell by cell (the step table indexes cells, not lanes).
        let mut edits: Vec<Edit> = self
            .stages_of(&lane.journey_id)
            .into_iter()
            .flat_map(|stage| self.steps.in_cell(&stage.id, id))
            .filter_map(|step| {
                let fitted = fit_step_to_lane(step, kind);
                (fitted != *step).then_some(Edit::UpdateStep { step: fitted })
            })
            .collect();
        // Cards first: the lane's own update checks its cards against the new kind.
        edits.push(Edit::UpdateLane {
            lane: lane_of_kind(lane, kind),
        });
        let label = format!("Make lane a {} lane", lane_kind_word(kind));
        self.apply_batch(&label, &edits, t)
    }
}
