//! The improvement plan: phases and their initiatives.

use std::collections::BTreeSet;

use crate::edit::Edit;
use crate::error::{EditError, EditErrorKind};
use crate::model::*;
use crate::scores::score_range;

use super::checks::*;
use super::positions::{
    check_insert_at, check_move_within, insert_at, move_within, regroup, remove_closing, reorder,
    sibling_count,
};

/// No id listed twice in one list of links.
fn unique_links(initiative_id: &str, field: &str, ids: &[Id]) -> Result<(), EditError> {
    let mut seen = BTreeSet::new();
    match ids.iter().find(|id| !seen.insert(id.as_str())) {
        Some(id) => Err(fail(
            EditErrorKind::Duplicate,
            EntityKind::Initiative,
            initiative_id,
            field,
            format!("{id} is listed twice"),
        )),
        None => Ok(()),
    }
}

impl Workspace {
    fn valid_phase(&self, p: &Phase) -> Result<Phase, EditError> {
        let entity = EntityKind::Phase;
        let name = required_name(entity, &p.id, "name", &p.name)?;
        long_text(entity, &p.id, "goal", &p.goal)?;
        if let (Some(start), Some(end)) = (p.start, p.end) {
            if start > end {
                return Err(out_of_range(
                    entity,
                    &p.id,
                    "end",
                    format!("The phase ends ({end}) before it starts ({start})"),
                ));
            }
        }
        Ok(Phase { name, ..p.clone() })
    }

    pub(super) fn create_phase(&mut self, p: &Phase, t: &mut Touched) -> Result<Edit, EditError> {
        fresh_id(EntityKind::Phase, &p.id, self.phases.contains_key(&p.id))?;
        let phase = self.valid_phase(p)?;
        check_insert_at(&self.phases, &phase)?;
        insert_at(&mut self.phases, phase, t);
        Ok(Edit::DeletePhase { id: p.id.clone() })
    }

    pub(super) fn update_phase(&mut self, p: &Phase, t: &mut Touched) -> Result<Edit, EditError> {
        let entity = EntityKind::Phase;
        let current = self
            .phases
            .get(&p.id)
            .ok_or_else(|| missing(entity, &p.id))?;
        same_placement(entity, &p.id, "position", &current.position, &p.position)?;
        let phase = self.valid_phase(p)?;
        touch(t, entity, &p.id);
        let old = self.phases.insert(p.id.clone(), phase);
        Ok(Edit::UpdatePhase {
            phase: old.ok_or_else(|| missing(entity, &p.id))?,
        })
    }

    pub(super) fn move_phase(
        &mut self,
        id: &str,
        to: u32,
        t: &mut Touched,
    ) -> Result<Edit, EditError> {
        let from = move_within(&mut self.phases, id, to, t)?;
        Ok(Edit::MovePhase {
            id: id.to_owned(),
            position: from,
        })
    }

    fn valid_initiative(&self, i: &Initiative, restoring: bool) -> Result<Initiative, EditError> {
        let entity = EntityKind::Initiative;
        let id = i.id.as_str();
        if !self.phases.contains_key(&i.phase_id) {
            return Err(dangling(
                entity,
                id,
                "phase_id",
                EntityKind::Phase,
                &i.phase_id,
            ));
        }
        let title = required_name(entity, id, "title", &i.title)?;
        long_text(entity, id, "description", &i.description)?;
        let owner = short_text(entity, id, "owner", &i.owner)?;
        for (field, rating) in [("impact", i.impact), ("effort", i.effort)] {
            if !RATING_RANGE.contains(&rating) {
                return Err(out_of_range(
                    entity,
                    id,
                    field,
                    format!("The {field} is rated 1 to 5, not {rating}"),
                ));
            }
        }
        if let Some(step_id) = i.step_ids.iter().find(|s| !self.steps.contains_key(*s)) {
            return Err(dangling(entity, id, "step_ids", EntityKind::Step, step_id));
        }
        if let Some(handoff_id) = i
            .handoff_ids
            .iter()
            .find(|h| !self.handoffs.contains_key(*h))
        {
            return Err(dangling(
                entity,
                id,
                "handoff_ids",
                EntityKind::Handoff,
                handoff_id,
            ));
        }
        unique_links(id, "step_ids", &i.step_ids)?;
        unique_links(id, "handoff_ids", &i.handoff_ids)?;
        if let (Some(started), Some(due)) = (i.started, i.due) {
            if due < started {
                return Err(out_of_range(
                    entity,
                    id,
                    "due",
                    format!("The initiative is due ({due}) before it starts ({started})"),
                ));
            }
        }
        for key in &i.suggestion_keys {
            short_text(entity, id, "suggestion_keys", key)?;
            self.check_suggestion_key(id, key)?;
        }
        unique_links(id, "suggestion_keys", &i.suggestion_keys)?;
        if let Some(effect) = &i.expected_effect {
            let metric =
                self.check_metric_ref(entity, id, "expected_effect.metric_id", &effect.metric_id)?;
            if let Some(subject) = &effect.subject {
                self.check_subject(entity, id, "expected_effect.subject", subject)?;
            }
            finite(entity, id, "expected_effect.value", effect.value)?;
            let (low, high) = score_range(metric);
            if !restoring && !(low..=high).contains(&effect.value) {
                return Err(out_of_range(
                    entity,
                    id,
                    "expected_effect.value",
                    format!(
                        "{} scores lie between {low} and {high}, so the initiative cannot expect {}",
                        metric.name, effect.value
                    ),
                ));
            }
        }
        Ok(Initiative {
            title,
            owner,
            ..i.clone()
        })
    }

    pub(super) fn create_initiative(
        &mut self,
        i: &Initiative,
        t: &mut Touched,
    ) -> Result<Edit, EditError> {
        fresh_id(
            EntityKind::Initiative,
            &i.id,
            self.initiatives.contains_key(&i.id),
        )?;
        let initiative = self.valid_initiative(i, t.restoring)?;
        check_insert_at(&self.initiatives, &initiative)?;
        insert_at(&mut self.initiatives, initiative, t);
        Ok(Edit::DeleteInitiative { id: i.id.clone() })
    }

    pub(super) fn update_initiative(
        &mut self,
        i: &Initiative,
        t: &mut Touched,
    ) -> Result<Edit, EditError> {
        let entity = EntityKind::Initiative;
        let current = self
            .initiatives
            .get(&i.id)
            .ok_or_else(|| missing(entity, &i.id))?;
        same_placement(entity, &i.id, "phase_id", &current.phase_id, &i.phase_id)?;
        same_placement(entity, &i.id, "position", &current.position, &i.position)?;
        let initiative = self.valid_initiative(i, t.restoring)?;
        Ok(Edit::UpdateInitiative {
            initiative: self.replace_initiative(initiative, t),
        })
    }

    /// Store an initiative already known to be valid; returns the one it replaces.
    pub(super) fn replace_initiative(
        &mut self,
        initiative: Initiative,
        t: &mut Touched,
    ) -> Initiative {
        touch(t, EntityKind::Initiative, &initiative.id);
        let id = initiative.id.clone();
        self.initiatives
            .insert(id, initiative.clone())
            .unwrap_or(initiative)
    }

    pub(super) fn delete_initiative(
        &mut self,
        id: &str,
        t: &mut Touched,
    ) -> Result<Edit, EditError> {
        let initiative = remove_closing(&mut self.initiatives, id, t)
            .ok_or_else(|| missing(EntityKind::Initiative, id))?;
        Ok(Edit::CreateInitiative { initiative })
    }

    pub(super) fn move_initiative(
        &mut self,
        id: &str,
        phase_id: &str,
        to: u32,
        t: &mut Touched,
    ) -> Result<Edit, EditError> {
        let entity = EntityKind::Initiative;
        let current = self
            .initiatives
            .get(id)
            .ok_or_else(|| missing(entity, id))?;
        let inverse = Edit::MoveInitiative {
            id: id.to_owned(),
            phase_id: current.phase_id.clone(),
            position: current.position,
        };
        if current.phase_id == phase_id {
            check_move_within(&self.initiatives, current, to)?;
            reorder(&mut self.initiatives, id, to, t);
            return Ok(inverse);
        }
        if !self.phases.contains_key(phase_id) {
            return Err(dangling(
                entity,
                id,
                "phase_id",
                EntityKind::Phase,
                phase_id,
            ));
        }
        let moved = Initiative {
            phase_id: phase_id.to_owned(),
            position: to,
            ..current.clone()
        };
        if to > sibling_count(&self.initiatives, &moved) {
            return Err(out_of_range(
                entity,
                id,
                "position",
                format!("Position {to} is past the end of the phase"),
            ));
        }
        regroup(&mut self.initiatives, moved, t);
        Ok(inverse)
    }
}
