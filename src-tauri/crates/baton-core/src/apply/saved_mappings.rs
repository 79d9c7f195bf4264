//! Saved survey column mappings: a name (unique, compared case-insensitively), the mapping as
//! JSON text (baton-interop's to read; here only its size and that it is a JSON object are
//! checked), and a place in the file's list.

use crate::edit::Edit;
use crate::error::{EditError, EditErrorKind};
use crate::model::*;

use super::checks::*;
use super::positions::{check_insert_at, insert_at, remove_closing};

/// The longest mapping text kept (bytes): a mapping with a hundred answer labels is a few KB.
pub const MAX_MAPPING_BYTES: usize = 64 * 1024;

impl Workspace {
    fn valid_saved_mapping(&self, m: &SavedMapping) -> Result<SavedMapping, EditError> {
        let entity = EntityKind::SavedMapping;
        let name = required_name(entity, &m.id, "name", &m.name)?;
        let lower = name.to_lowercase();
        if self
            .saved_mappings
            .values()
            .any(|other| other.id != m.id && other.name.to_lowercase() == lower)
        {
            return Err(fail(
                EditErrorKind::Duplicate,
                entity,
                &m.id,
                "name",
                format!("A saved mapping is already called “{name}”"),
            ));
        }
        if m.mapping.len() > MAX_MAPPING_BYTES {
            return Err(fail(
                EditErrorKind::TooLong,
                entity,
                &m.id,
                "mapping",
                format!("The saved mapping is longer than {MAX_MAPPING_BYTES} bytes"),
            ));
        }
        let is_object = serde_json::from_str::<serde_json::Value>(&m.mapping)
            .is_ok_and(|value| value.is_object());
        if !is_object {
            return Err(not_allowed(
                entity,
                &m.id,
                "mapping",
                "The saved mapping is not a JSON object",
            ));
        }
        Ok(SavedMapping { name, ..m.clone() })
    }

    pub(super) fn create_saved_mapping(
        &mut self,
        m: &SavedMapping,
        t: &mut Touched,
    ) -> Result<Edit, EditError> {
        let entity = EntityKind::SavedMapping;
        fresh_id(entity, &m.id, self.saved_mappings.contains_key(&m.id))?;
        let saved = self.valid_saved_mapping(m)?;
        check_insert_at(&self.saved_mappings, &saved)?;
        insert_at(&mut self.saved_mappings, saved, t);
        Ok(Edit::DeleteSavedMapping { id: m.id.clone() })
    }

    pub(super) fn update_saved_mapping(
        &mut self,
        m: &SavedMapping,
        t: &mut Touched,
    ) -> Result<Edit, EditError> {
        let entity = EntityKind::SavedMapping;
        let current = self
            .saved_mappings
            .get(&m.id)
            .ok_or_else(|| missing(entity, &m.id))?;
        same_placement(entity, &m.id, "position", &current.position, &m.position)?;
        let saved = self.valid_saved_mapping(m)?;
        touch(t, entity, &m.id);
        let old = self.saved_mappings.insert(m.id.clone(), saved);
        Ok(Edit::UpdateSavedMapping {
            saved: old.ok_or_else(|| missing(entity, &m.id))?,
        })
    }

    pub(super) fn delete_saved_mapping(
        &mut self,
        id: &str,
        t: &mut Touched,
    ) -> Result<Edit, EditError> {
        let saved = remove_closing(&mut self.saved_mappings, id, t)
            .ok_or_else(|| missing(EntityKind::SavedMapping, id))?;
        Ok(Edit::CreateSavedMapping { saved })
    }

    /// The saved mappings in their list's order.
    pub fn saved_mappings_in_order(&self) -> Vec<&SavedMapping> {
        super::positions::in_order(self.saved_mappings.values())
    }
}
