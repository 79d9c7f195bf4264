//! Stages (columns), lanes (rows) and steps (cards in a cell). Deletes cascade: see cascade.rs.

use crate::edit::Edit;
use crate::error::{EditError, EditErrorKind};
use crate::model::*;

use super::checks::*;
use super::positions::{
    check_insert_at, check_move_within, insert_at, move_within, regroup, reorder, sibling_count,
};

/// Which field of `step` its lane kind forbids, if any, with the reason.
pub(crate) fn step_lane_conflict(
    step: &Step,
    kind: LaneKind,
) -> Option<(&'static str, &'static str)> {
    let acts = matches!(kind, LaneKind::Customer | LaneKind::Actor);
    if step.emotion.is_some() && kind != LaneKind::Emotion {
        return Some(("emotion", "Only steps on an emotion lane carry an emotion"));
    }
    if step.touchpoint.is_some() && !acts {
        return Some((
            "touchpoint",
            "Only steps on customer and actor lanes can be touchpoints",
        ));
    }
    if step.verification && !acts {
        return Some((
            "verification",
            "Only steps on customer and actor lanes can be verifications",
        ));
    }
    if step.resolution && !acts {
        return Some((
            "resolution",
            "Only steps on customer and actor lanes can be resolutions",
        ));
    }
    None
}

impl Workspace {
    fn check_journey_ref(
        &self,
        entity: EntityKind,
        id: &str,
        journey_id: &str,
    ) -> Result<(), EditError> {
        if self.journeys.contains_key(journey_id) {
            Ok(())
        } else {
            Err(dangling(
                entity,
                id,
                "journey_id",
                EntityKind::Journey,
                journey_id,
            ))
        }
    }

    fn valid_stage(&self, s: &Stage) -> Result<Stage, EditError> {
        let entity = EntityKind::Stage;
        self.check_journey_ref(entity, &s.id, &s.journey_id)?;
        let name = required_name(entity, &s.id, "name", &s.name)?;
        long_text(entity, &s.id, "description", &s.description)?;
        valid_origin(entity, &s.id, s.origin_id.as_deref())?;
        Ok(Stage { name, ..s.clone() })
    }

    pub(super) fn create_stage(&mut self, s: &Stage, t: &mut Touched) -> Result<Edit, EditError> {
        fresh_id(EntityKind::Stage, &s.id, self.stages.contains_key(&s.id))?;
        let stage = self.valid_stage(s)?;
        check_insert_at(&self.stages, &stage)?;
        insert_at(&mut self.stages, stage, t);
        Ok(Edit::DeleteStage { id: s.id.clone() })
    }

    pub(super) fn update_stage(&mut self, s: &Stage, t: &mut Touched) -> Result<Edit, EditError> {
        let entity = EntityKind::Stage;
        let current = self
            .stages
            .get(&s.id)
            .ok_or_else(|| missing(entity, &s.id))?;
        same_placement(
            entity,
            &s.id,
            "journey_id",
            &current.journey_id,
            &s.journey_id,
        )?;
        same_placement(entity, &s.id, "position", &current.position, &s.position)?;
        same_origin(
            entity,
            &s.id,
            current.origin_id.as_deref(),
            s.origin_id.as_deref(),
        )?;
        let stage = self.valid_stage(s)?;
        touch(t, entity, &s.id);
        let old = self.stages.insert(s.id.clone(), stage);
        Ok(Edit::UpdateStage {
            stage: old.ok_or_else(|| missing(entity, &s.id))?,
        })
    }

    pub(super) fn move_stage(
        &mut self,
        id: &str,
        to: u32,
        t: &mut Touched,
    ) -> Result<Edit, EditError> {
        let from = move_within(&mut self.stages, id, to, t)?;
        Ok(Edit::MoveStage {
            id: id.to_owned(),
            position: from,
        })
    }

    fn valid_lane(&self, l: &Lane) -> Result<Lane, EditError> {
        let entity = EntityKind::Lane;
        self.check_journey_ref(entity, &l.id, &l.journey_id)?;
        let name = required_name(entity, &l.id, "name", &l.name)?;
        valid_origin(entity, &l.id, l.origin_id.as_deref())?;
        if l.kind != LaneKind::Actor {
            let actor_fields = [
                ("department", l.department.is_some()),
                ("sourcing", l.sourcing.is_some()),
                ("work", l.work.is_some()),
                ("visibility", l.visibility.is_some()),
            ];
            if let Some((field, _)) = actor_fields.iter().find(|(_, set)| *set) {
                return Err(not_allowed(
                    entity,
                    &l.id,
                    field,
                    format!("Only actor lanes have a {field}"),
                ));
            }
        }
        // An empty department is no department.
        let department = match &l.department {
            Some(text) => {
                Some(short_text(entity, &l.id, "department", text)?).filter(|d| !d.is_empty())
            }
            None => None,
        };
        Ok(Lane {
            name,
            department,
            ..l.clone()
        })
    }

    pub(super) fn create_lane(&mut self, l: &Lane, t: &mut Touched) -> Result<Edit, EditError> {
        fresh_id(EntityKind::Lane, &l.id, self.lanes.contains_key(&l.id))?;
        let lane = self.valid_lane(l)?;
        check_insert_at(&self.lanes, &lane)?;
        insert_at(&mut self.lanes, lane, t);
        Ok(Edit::DeleteLane { id: l.id.clone() })
    }

    pub(super) fn update_lane(&mut self, l: &Lane, t: &mut Touched) -> Result<Edit, EditError> {
        let entity = EntityKind::Lane;
        let current = self
            .lanes
            .get(&l.id)
            .ok_or_else(|| missing(entity, &l.id))?;
        same_placement(
            entity,
            &l.id,
            "journey_id",
            &current.journey_id,
            &l.journey_id,
        )?;
        same_placement(entity, &l.id, "position", &current.position, &l.position)?;
        same_origin(
            entity,
            &l.id,
            current.origin_id.as_deref(),
            l.origin_id.as_deref(),
        )?;
        let lane = self.valid_lane(l)?;
        if current.kind != lane.kind {
            let conflict = self
                .steps
                .values()
                .filter(|s| s.lane_id == l.id)
                .find_map(|s| step_lane_conflict(s, lane.kind).map(|c| (s, c)));
            if let Some((step, (field, _))) = conflict {
                return Err(not_allowed(
                    entity,
                    &l.id,
                    "kind",
                    format!(
                        "The lane cannot become a {:?} lane: its step \"{}\" has a {field} such a lane does not allow",
                        lane.kind, step.title
                    ),
                ));
            }
        }
        touch(t, entity, &l.id);
        let old = self.lanes.insert(l.id.clone(), lane);
        Ok(Edit::UpdateLane {
            lane: old.ok_or_else(|| missing(entity, &l.id))?,
        })
    }

    pub(super) fn move_lane(
        &mut self,
        id: &str,
        to: u32,
        t: &mut Touched,
    ) -> Result<Edit, EditError> {
        let from = move_within(&mut self.lanes, id, to, t)?;
        Ok(Edit::MoveLane {
            id: id.to_owned(),
            position: from,
        })
    }

    /// The stage and lane of a step must exist and belong to the step's journey; returns the lane kind.
    fn check_cell(
        &self,
        step_id: &str,
        journey_id: &str,
        stage_id: &str,
        lane_id: &str,
    ) -> Result<LaneKind, EditError> {
        let entity = EntityKind::Step;
        let stage = self
            .stages
            .get(stage_id)
            .ok_or_else(|| dangling(entity, step_id, "stage_id", EntityKind::Stage, stage_id))?;
        if stage.journey_id != journey_id {
            return Err(fail(
                EditErrorKind::CrossJourney,
                entity,
                step_id,
                "stage_id",
                format!("The stage \"{}\" belongs to another journey", stage.name),
            ));
        }
        let lane = self
            .lanes
            .get(lane_id)
            .ok_or_else(|| dangling(entity, step_id, "lane_id", EntityKind::Lane, lane_id))?;
        if lane.journey_id != journey_id {
            return Err(fail(
                EditErrorKind::CrossJourney,
                entity,
                step_id,
                "lane_id",
                format!("The lane \"{}\" belongs to another journey", lane.name),
            ));
        }
        Ok(lane.kind)
    }

    fn valid_step(&self, s: &Step) -> Result<Step, EditError> {
        let entity = EntityKind::Step;
        self.check_journey_ref(entity, &s.id, &s.journey_id)?;
        let kind = self.check_cell(&s.id, &s.journey_id, &s.stage_id, &s.lane_id)?;
        let title = required_name(entity, &s.id, "title", &s.title)?;
        long_text(entity, &s.id, "notes", &s.notes)?;
        valid_origin(entity, &s.id, s.origin_id.as_deref())?;
        if let Some(emotion) = s.emotion {
            if !EMOTION_RANGE.contains(&emotion) {
                return Err(out_of_range(
                    entity,
                    &s.id,
                    "emotion",
                    format!("An emotion runs from -3 to 3, not {emotion}"),
                ));
            }
        }
        if let Some((field, reason)) = step_lane_conflict(s, kind) {
            return Err(not_allowed(entity, &s.id, field, reason));
        }
        Ok(Step { title, ..s.clone() })
    }

    pub(super) fn create_step(&mut self, s: &Step, t: &mut Touched) -> Result<Edit, EditError> {
        fresh_id(EntityKind::Step, &s.id, self.steps.contains_key(&s.id))?;
        let step = self.valid_step(s)?;
        check_insert_at(&self.steps, &step)?;
        insert_at(&mut self.steps, step, t);
        Ok(Edit::DeleteStep { id: s.id.clone() })
    }

    pub(super) fn update_step(&mut self, s: &Step, t: &mut Touched) -> Result<Edit, EditError> {
        let entity = EntityKind::Step;
        let current = self
            .steps
            .get(&s.id)
            .ok_or_else(|| missing(entity, &s.id))?;
        same_placement(
            entity,
            &s.id,
            "journey_id",
            &current.journey_id,
            &s.journey_id,
        )?;
        same_placement(entity, &s.id, "stage_id", &current.stage_id, &s.stage_id)?;
        same_placement(entity, &s.id, "lane_id", &current.lane_id, &s.lane_id)?;
        same_placement(entity, &s.id, "position", &current.position, &s.position)?;
        same_origin(
            entity,
            &s.id,
            current.origin_id.as_deref(),
            s.origin_id.as_deref(),
        )?;
        let step = self.valid_step(s)?;
        touch(t, entity, &s.id);
        let old = self.steps.insert(s.id.clone(), step);
        Ok(Edit::UpdateStep {
            step: old.ok_or_else(|| missing(entity, &s.id))?,
        })
    }

    pub(super) fn move_step(
        &mut self,
        id: &str,
        stage_id: &str,
        lane_id: &str,
        to: u32,
        t: &mut Touched,
    ) -> Result<Edit, EditError> {
        let entity = EntityKind::Step;
        let current = self.steps.get(id).ok_or_else(|| missing(entity, id))?;
        let inverse = Edit::MoveStep {
            id: id.to_owned(),
            stage_id: current.stage_id.clone(),
            lane_id: current.lane_id.clone(),
            position: current.position,
        };
        if current.stage_id == stage_id && current.lane_id == lane_id {
            check_move_within(&self.steps, current, to)?;
            reorder(&mut self.steps, id, to, t);
            return Ok(inverse);
        }
        let kind = self.check_cell(id, &current.journey_id, stage_id, lane_id)?;
        if let Some((field, reason)) = step_lane_conflict(current, kind) {
            return Err(not_allowed(entity, id, field, reason));
        }
        if lane_id != current.lane_id {
            self.check_handoffs_leave_lane(id, lane_id)?;
        }
        let moved = Step {
            stage_id: stage_id.to_owned(),
            lane_id: lane_id.to_owned(),
            position: to,
            ..current.clone()
        };
        if to > sibling_count(&self.steps, &moved) {
            return Err(out_of_range(
                entity,
                id,
                "position",
                format!("Position {to} is past the end of the cell"),
            ));
        }
        regroup(&mut self.steps, moved, t);
        Ok(inverse)
    }

    /// A handoff always crosses lanes: a step cannot move into the lane of a step it hands to or from.
    fn check_handoffs_leave_lane(&self, step_id: &str, lane_id: &str) -> Result<(), EditError> {
        for handoff in self.handoffs.values() {
            let other = if handoff.from_step_id == step_id {
                &handoff.to_step_id
            } else if handoff.to_step_id == step_id {
                &handoff.from_step_id
            } else {
                continue;
            };
            if self.steps.get(other).is_some_and(|s| s.lane_id == lane_id) {
                return Err(not_allowed(
                    EntityKind::Step,
                    step_id,
                    "lane_id",
                    "The step has a handoff with a step of that lane, and a handoff must cross lanes",
                ));
            }
        }
        Ok(())
    }
}
