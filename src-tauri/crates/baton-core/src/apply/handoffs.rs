//! Handoffs and their checklists. A checklist lives inside its handoff's row, so every checklist
//! edit touches the handoff.

use std::collections::BTreeSet;

use crate::edit::Edit;
use crate::error::{EditError, EditErrorKind};
use crate::model::*;

use super::checks::*;

fn valid_item(item: &ChecklistItem) -> Result<ChecklistItem, EditError> {
    let text = required_name(EntityKind::ChecklistItem, &item.id, "text", &item.text)?;
    Ok(ChecklistItem {
        text,
        ..item.clone()
    })
}

fn item_id_ok(item_id: &str, taken: bool) -> Result<(), EditError> {
    fresh_id(EntityKind::ChecklistItem, item_id, taken)
}

impl Workspace {
    fn valid_handoff(&self, h: &Handoff) -> Result<Handoff, EditError> {
        let entity = EntityKind::Handoff;
        valid_origin(entity, &h.id, h.origin_id.as_deref())?;
        if !self.journeys.contains_key(&h.journey_id) {
            return Err(dangling(
                entity,
                &h.id,
                "journey_id",
                EntityKind::Journey,
                &h.journey_id,
            ));
        }
        let from = self.steps.get(&h.from_step_id).ok_or_else(|| {
            dangling(
                entity,
                &h.id,
                "from_step_id",
                EntityKind::Step,
                &h.from_step_id,
            )
        })?;
        let to = self.steps.get(&h.to_step_id).ok_or_else(|| {
            dangling(entity, &h.id, "to_step_id", EntityKind::Step, &h.to_step_id)
        })?;
        if from.id == to.id {
            return Err(not_allowed(
                entity,
                &h.id,
                "to_step_id",
                "A step cannot hand off to itself",
            ));
        }
        for (field, step) in [("from_step_id", from), ("to_step_id", to)] {
            if step.journey_id != h.journey_id {
                return Err(fail(
                    EditErrorKind::CrossJourney,
                    entity,
                    &h.id,
                    field,
                    format!("The step \"{}\" belongs to another journey", step.title),
                ));
            }
        }
        if from.lane_id == to.lane_id {
            return Err(not_allowed(
                entity,
                &h.id,
                "to_step_id",
                "A handoff passes responsibility to another lane, not within one lane",
            ));
        }
        if h.wait_minutes > MAX_WAIT_MINUTES {
            return Err(out_of_range(
                entity,
                &h.id,
                "wait_minutes",
                format!("A wait is at most {MAX_WAIT_MINUTES} minutes (one year)"),
            ));
        }
        long_text(entity, &h.id, "note", &h.note)?;
        let mut seen = BTreeSet::new();
        let mut checklist = Vec::with_capacity(h.checklist.len());
        for item in &h.checklist {
            item_id_ok(&item.id, !seen.insert(item.id.as_str()))?;
            checklist.push(valid_item(item)?);
        }
        Ok(Handoff {
            checklist,
            ..h.clone()
        })
    }

    pub(super) fn connect_handoff(
        &mut self,
        h: &Handoff,
        t: &mut Touched,
    ) -> Result<Edit, EditError> {
        fresh_id(
            EntityKind::Handoff,
            &h.id,
            self.handoffs.contains_key(&h.id),
        )?;
        let handoff = self.valid_handoff(h)?;
        touch(t, EntityKind::Handoff, &h.id);
        self.handoffs.insert(h.id.clone(), handoff);
        Ok(Edit::DisconnectHandoff { id: h.id.clone() })
    }

    pub(super) fn update_handoff(
        &mut self,
        h: &Handoff,
        t: &mut Touched,
    ) -> Result<Edit, EditError> {
        let entity = EntityKind::Handoff;
        let current = self
            .handoffs
            .get(&h.id)
            .ok_or_else(|| missing(entity, &h.id))?;
        same_placement(
            entity,
            &h.id,
            "journey_id",
            &current.journey_id,
            &h.journey_id,
        )?;
        same_origin(
            entity,
            &h.id,
            current.origin_id.as_deref(),
            h.origin_id.as_deref(),
        )?;
        let handoff = self.valid_handoff(h)?;
        touch(t, entity, &h.id);
        let old = self.handoffs.insert(h.id.clone(), handoff);
        Ok(Edit::UpdateHandoff {
            handoff: old.ok_or_else(|| missing(entity, &h.id))?,
        })
    }

    fn handoff_mut(&mut self, handoff_id: &str) -> Result<&mut Handoff, EditError> {
        self.handoffs
            .get_mut(handoff_id)
            .ok_or_else(|| missing(EntityKind::Handoff, handoff_id))
    }

    pub(super) fn add_checklist_item(
        &mut self,
        handoff_id: &str,
        item: &ChecklistItem,
        position: u32,
        t: &mut Touched,
    ) -> Result<Edit, EditError> {
        let handoff = self.handoff_mut(handoff_id)?;
        item_id_ok(&item.id, handoff.checklist.iter().any(|i| i.id == item.id))?;
        let item = valid_item(item)?;
        let at = position as usize;
        if at > handoff.checklist.len() {
            return Err(out_of_range(
                EntityKind::ChecklistItem,
                &item.id,
                "position",
                format!("Position {position} is past the end of the checklist"),
            ));
        }
        let item_id = item.id.clone();
        handoff.checklist.insert(at, item);
        touch(t, EntityKind::Handoff, handoff_id);
        Ok(Edit::RemoveChecklistItem {
            handoff_id: handoff_id.to_owned(),
            item_id,
        })
    }

    pub(super) fn update_checklist_item(
        &mut self,
        handoff_id: &str,
        item: &ChecklistItem,
        t: &mut Touched,
    ) -> Result<Edit, EditError> {
        let handoff = self.handoff_mut(handoff_id)?;
        let slot = handoff
            .checklist
            .iter_mut()
            .find(|i| i.id == item.id)
            .ok_or_else(|| missing(EntityKind::ChecklistItem, &item.id))?;
        let old = std::mem::replace(slot, valid_item(item)?);
        touch(t, EntityKind::Handoff, handoff_id);
        Ok(Edit::UpdateChecklistItem {
            handoff_id: handoff_id.to_owned(),
            item: old,
        })
    }

    pub(super) fn remove_checklist_item(
        &mut self,
        handoff_id: &str,
        item_id: &str,
        t: &mut Touched,
    ) -> Result<Edit, EditError> {
        let handoff = self.handoff_mut(handoff_id)?;
        let at = handoff
            .checklist
            .iter()
            .position(|i| i.id == item_id)
            .ok_or_else(|| missing(EntityKind::ChecklistItem, item_id))?;
        let item = handoff.checklist.remove(at);
        touch(t, EntityKind::Handoff, handoff_id);
        Ok(Edit::AddChecklistItem {
            handoff_id: handoff_id.to_owned(),
            item,
            position: u32::try_from(at).unwrap_or(u32::MAX),
        })
    }

    pub(super) fn move_checklist_item(
        &mut self,
        handoff_id: &str,
        item_id: &str,
        position: u32,
        t: &mut Touched,
    ) -> Result<Edit, EditError> {
        let handoff = self.handoff_mut(handoff_id)?;
        let from = handoff
            .checklist
            .iter()
            .position(|i| i.id == item_id)
            .ok_or_else(|| missing(EntityKind::ChecklistItem, item_id))?;
        let to = position as usize;
        if to >= handoff.checklist.len() {
            return Err(out_of_range(
                EntityKind::ChecklistItem,
                item_id,
                "position",
                format!("Position {position} is past the end of the checklist"),
            ));
        }
        let item = handoff.checklist.remove(from);
        handoff.checklist.insert(to, item);
        touch(t, EntityKind::Handoff, handoff_id);
        Ok(Edit::MoveChecklistItem {
            handoff_id: handoff_id.to_owned(),
            item_id: item_id.to_owned(),
            position: u32::try_from(from).unwrap_or(u32::MAX),
        })
    }
}
