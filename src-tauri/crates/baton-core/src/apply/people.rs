//! The file's own info, personas and journeys (their rows; deleting them cascades, see cascade.rs).

use crate::edit::Edit;
use crate::error::EditError;
use crate::model::*;

use super::checks::*;
use super::positions::{check_insert_at, insert_at, move_within};

impl Workspace {
    pub(super) fn set_info(
        &mut self,
        info: &WorkspaceInfo,
        t: &mut Touched,
    ) -> Result<Edit, EditError> {
        let entity = EntityKind::Workspace;
        let name = required_name(entity, "", "name", &info.name)?;
        long_text(entity, "", "description", &info.description)?;
        let new_info = WorkspaceInfo {
            name,
            description: info.description.clone(),
        };
        let old = std::mem::replace(&mut self.info, new_info);
        touch(t, entity, "");
        Ok(Edit::SetWorkspaceInfo { info: old })
    }

    fn valid_persona(&self, p: &Persona) -> Result<Persona, EditError> {
        let entity = EntityKind::Persona;
        let name = required_name(entity, &p.id, "name", &p.name)?;
        let role = short_text(entity, &p.id, "role", &p.role)?;
        long_text(entity, &p.id, "description", &p.description)?;
        long_text(entity, &p.id, "goals", &p.goals)?;
        long_text(entity, &p.id, "frustrations", &p.frustrations)?;
        Ok(Persona {
            name,
            role,
            ..p.clone()
        })
    }

    pub(super) fn create_persona(
        &mut self,
        p: &Persona,
        t: &mut Touched,
    ) -> Result<Edit, EditError> {
        fresh_id(
            EntityKind::Persona,
            &p.id,
            self.personas.contains_key(&p.id),
        )?;
        let persona = self.valid_persona(p)?;
        check_insert_at(&self.personas, &persona)?;
        insert_at(&mut self.personas, persona, t);
        Ok(Edit::DeletePersona { id: p.id.clone() })
    }

    pub(super) fn update_persona(
        &mut self,
        p: &Persona,
        t: &mut Touched,
    ) -> Result<Edit, EditError> {
        let entity = EntityKind::Persona;
        let current = self
            .personas
            .get(&p.id)
            .ok_or_else(|| missing(entity, &p.id))?;
        same_placement(entity, &p.id, "position", &current.position, &p.position)?;
        let persona = self.valid_persona(p)?;
        touch(t, entity, &p.id);
        let old = self.personas.insert(p.id.clone(), persona);
        Ok(Edit::UpdatePersona {
            persona: old.ok_or_else(|| missing(entity, &p.id))?,
        })
    }

    pub(super) fn move_persona(
        &mut self,
        id: &str,
        to: u32,
        t: &mut Touched,
    ) -> Result<Edit, EditError> {
        let from = move_within(&mut self.personas, id, to, t)?;
        Ok(Edit::MovePersona {
            id: id.to_owned(),
            position: from,
        })
    }

    fn valid_journey(&self, j: &Journey) -> Result<Journey, EditError> {
        let entity = EntityKind::Journey;
        let name = required_name(entity, &j.id, "name", &j.name)?;
        long_text(entity, &j.id, "description", &j.description)?;
        if let Some(persona_id) = &j.persona_id {
            if !self.personas.contains_key(persona_id) {
                return Err(dangling(
                    entity,
                    &j.id,
                    "persona_id",
                    EntityKind::Persona,
                    persona_id,
                ));
            }
        }
        if let Some(origin_id) = &j.origin_id {
            if origin_id == &j.id {
                return Err(not_allowed(
                    entity,
                    &j.id,
                    "origin_id",
                    "A journey cannot be copied from itself",
                ));
            }
            if !self.journeys.contains_key(origin_id) {
                return Err(dangling(entity, &j.id, "origin_id", entity, origin_id));
            }
        }
        Ok(Journey { name, ..j.clone() })
    }

    pub(super) fn create_journey(
        &mut self,
        j: &Journey,
        t: &mut Touched,
    ) -> Result<Edit, EditError> {
        fresh_id(
            EntityKind::Journey,
            &j.id,
            self.journeys.contains_key(&j.id),
        )?;
        let journey = self.valid_journey(j)?;
        check_insert_at(&self.journeys, &journey)?;
        insert_at(&mut self.journeys, journey, t);
        Ok(Edit::DeleteJourney { id: j.id.clone() })
    }

    pub(super) fn update_journey(
        &mut self,
        j: &Journey,
        t: &mut Touched,
    ) -> Result<Edit, EditError> {
        let entity = EntityKind::Journey;
        let current = self
            .journeys
            .get(&j.id)
            .ok_or_else(|| missing(entity, &j.id))?;
        same_placement(entity, &j.id, "position", &current.position, &j.position)?;
        let journey = self.valid_journey(j)?;
        Ok(Edit::UpdateJourney {
            journey: self.replace_journey(journey, t),
        })
    }

    /// Store a journey already known to be valid; returns the one it replaces.
    pub(super) fn replace_journey(&mut self, journey: Journey, t: &mut Touched) -> Journey {
        touch(t, EntityKind::Journey, &journey.id);
        let id = journey.id.clone();
        self.journeys.insert(id, journey.clone()).unwrap_or(journey)
    }

    pub(super) fn move_journey(
        &mut self,
        id: &str,
        to: u32,
        t: &mut Touched,
    ) -> Result<Edit, EditError> {
        let from = move_within(&mut self.journeys, id, to, t)?;
        Ok(Edit::MoveJourney {
            id: id.to_owned(),
            position: from,
        })
    }
}
