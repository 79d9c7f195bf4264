//! Read-only views of an open document, in the orders the UI shows them, and the snapshot
//! operations (which go through edits, so they are undoable like any other change).

use baton_core::{
    Edit, EntityKind, Initiative, Journey, JourneyModel, Metric, Persona, Phase, Snapshot,
    SnapshotInfo, WorkspaceInfo,
};
use chrono::Utc;
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::document::{Document, EditOutcome};
use crate::error::StoreError;

/// A phase of the improvement plan with its initiatives, by position.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct PlanPhase {
    pub phase: Phase,
    pub initiatives: Vec<Initiative>,
}

/// Sorts by position, ties broken by id, so the order is stable whatever the file holds.
fn by_position<'a, T>(
    items: impl Iterator<Item = &'a T>,
    key: impl Fn(&T) -> (u32, &str),
) -> Vec<&'a T>
where
    T: 'a,
{
    let mut items: Vec<&T> = items.collect();
    items.sort_by(|a, b| key(a).cmp(&key(b)));
    items
}

impl Document {
    pub fn info(&self) -> &WorkspaceInfo {
        &self.workspace().info
    }

    pub fn journeys(&self) -> Vec<&Journey> {
        by_position(self.workspace().journeys.values(), |j| (j.position, &j.id))
    }

    pub fn personas(&self) -> Vec<&Persona> {
        by_position(self.workspace().personas.values(), |p| (p.position, &p.id))
    }

    pub fn metrics(&self) -> Vec<&Metric> {
        by_position(self.workspace().metrics.values(), |m| (m.position, &m.id))
    }

    /// Everything of one journey, in journey order.
    pub fn journey_model(&self, journey_id: &str) -> Result<JourneyModel, StoreError> {
        self.workspace()
            .journey_model(journey_id)
            .ok_or_else(|| Document::not_found(EntityKind::Journey, journey_id))
    }

    /// One journey's map, without its satisfaction data (see `Workspace::journey_map`).
    pub fn journey_map(&self, journey_id: &str) -> Result<JourneyModel, StoreError> {
        self.workspace()
            .journey_map(journey_id)
            .ok_or_else(|| Document::not_found(EntityKind::Journey, journey_id))
    }

    /// The improvement plan: phases by position, each with its initiatives by position.
    pub fn plan(&self) -> Vec<PlanPhase> {
        let workspace = self.workspace();
        by_position(workspace.phases.values(), |p| (p.position, &p.id))
            .into_iter()
            .map(|phase| PlanPhase {
                phase: phase.clone(),
                initiatives: by_position(
                    workspace
                        .initiatives
                        .values()
                        .filter(|initiative| initiative.phase_id == phase.id),
                    |i| (i.position, &i.id),
                )
                .into_iter()
                .cloned()
                .collect(),
            })
            .collect()
    }

    /// Freezes the journey as it is now under `name`. Undoable. Returns the snapshot's id.
    pub fn create_snapshot(
        &mut self,
        journey_id: &str,
        name: &str,
    ) -> Result<(String, EditOutcome), StoreError> {
        let model = self.journey_model(journey_id)?;
        let snapshot = Snapshot {
            id: baton_core::new_id(),
            journey_id: journey_id.to_owned(),
            name: name.to_owned(),
            created_at: Utc::now(),
            model,
        };
        let id = snapshot.id.clone();
        let outcome = self.apply(Edit::CreateSnapshot { snapshot })?;
        Ok((id, outcome))
    }

    /// Every snapshot, oldest first.
    pub fn snapshots(&self) -> Vec<SnapshotInfo> {
        let mut list: Vec<SnapshotInfo> = self
            .workspace()
            .snapshots
            .values()
            .map(|snapshot| SnapshotInfo {
                id: snapshot.id.clone(),
                journey_id: snapshot.journey_id.clone(),
                name: snapshot.name.clone(),
                created_at: snapshot.created_at,
            })
            .collect();
        list.sort_by(|a, b| (a.created_at, &a.id).cmp(&(b.created_at, &b.id)));
        list
    }

    pub fn snapshot(&self, id: &str) -> Result<&Snapshot, StoreError> {
        self.workspace()
            .snapshots
            .get(id)
            .ok_or_else(|| Document::not_found(EntityKind::Snapshot, id))
    }

    pub fn rename_snapshot(&mut self, id: &str, name: &str) -> Result<EditOutcome, StoreError> {
        self.apply(Edit::RenameSnapshot {
            id: id.to_owned(),
            name: name.to_owned(),
        })
    }

    pub fn delete_snapshot(&mut self, id: &str) -> Result<EditOutcome, StoreError> {
        self.apply(Edit::DeleteSnapshot { id: id.to_owned() })
    }
}
