//! Snapshots: named, frozen copies of a journey's model.

use crate::edit::Edit;
use crate::error::EditError;
use crate::model::*;

use super::checks::*;

impl Workspace {
    pub(super) fn create_snapshot(
        &mut self,
        s: &Snapshot,
        t: &mut Touched,
    ) -> Result<Edit, EditError> {
        let entity = EntityKind::Snapshot;
        fresh_id(entity, &s.id, self.snapshots.contains_key(&s.id))?;
        if !self.journeys.contains_key(&s.journey_id) {
            return Err(dangling(
                entity,
                &s.id,
                "journey_id",
                EntityKind::Journey,
                &s.journey_id,
            ));
        }
        if s.model.journey.id != s.journey_id {
            return Err(not_allowed(
                entity,
                &s.id,
                "model",
                "The frozen model is of another journey than the snapshot names",
            ));
        }
        let name = required_name(entity, &s.id, "name", &s.name)?;
        touch(t, entity, &s.id);
        self.snapshots
            .insert(s.id.clone(), Snapshot { name, ..s.clone() });
        Ok(Edit::DeleteSnapshot { id: s.id.clone() })
    }

    pub(super) fn rename_snapshot(
        &mut self,
        id: &str,
        name: &str,
        t: &mut Touched,
    ) -> Result<Edit, EditError> {
        let entity = EntityKind::Snapshot;
        let name = required_name(entity, id, "name", name)?;
        let snapshot = self
            .snapshots
            .get_mut(id)
            .ok_or_else(|| missing(entity, id))?;
        let old = std::mem::replace(&mut snapshot.name, name);
        touch(t, entity, id);
        Ok(Edit::RenameSnapshot {
            id: id.to_owned(),
            name: old,
        })
    }

    pub(super) fn delete_snapshot(&mut self, id: &str, t: &mut Touched) -> Result<Edit, EditError> {
        let snapshot = self
            .snapshots
            .remove(id)
            .ok_or_else(|| missing(EntityKind::Snapshot, id))?;
        touch(t, EntityKind::Snapshot, id);
        Ok(Edit::CreateSnapshot { snapshot })
    }
}

/// The edit that freezes `journey_id` as it is now (its scores and targets included) under
/// `name`, taken at `now`: one `CreateSnapshot`, one undo step.
pub fn take_snapshot(
    ws: &Workspace,
    journey_id: &str,
    name: &str,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<Edit, EditError> {
    let model = ws
        .journey_model(journey_id)
        .ok_or_else(|| missing(EntityKind::Journey, journey_id))?;
    let id = new_id();
    let name = required_name(EntityKind::Snapshot, &id, "name", name)?;
    Ok(Edit::CreateSnapshot {
        snapshot: Snapshot {
            id,
            journey_id: journey_id.to_owned(),
            name,
            created_at: now,
            model,
        },
    })
}
