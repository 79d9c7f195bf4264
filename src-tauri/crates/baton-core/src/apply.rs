//! `Workspace::apply`: validate an edit against the current model, compute its inverse from the
//! state before, apply it, and report every row it touched.
//!
//! Each primitive edit validates everything first and only then mutates, so a failing edit
//! leaves the workspace as it was. A `Batch` applies its edits in order and, when one fails,
//! undoes the ones already applied with their inverses (never a copy of the whole workspace).
//! Cascading deletes are assembled from infallible row operations whose inverses are recorded,
//! so their inverse is a `Batch` of creates and updates that restores the exact prior state.

mod cards;
mod cascade;
mod checks;
mod future;
mod handoffs;
mod lane_kind;
mod map;
mod measures;
mod people;
mod plan;
mod positions;
mod queries;
mod saved_mappings;
mod snapshots;
mod suggestion_keys;

pub use cards::{
    CardMove, Clipboard, ClipboardCard, ClipboardHandoff, PasteTarget, MAX_SELECTED_CARDS,
};
pub use checks::{MAX_LONG_TEXT_CHARS, MAX_NAME_CHARS, MAX_WAIT_MINUTES};
pub use future::{duplicate_as_future, restore_snapshot};
pub use queries::{StepKey, StepOrder};
pub use saved_mappings::MAX_MAPPING_BYTES;
pub use snapshots::take_snapshot;

use crate::edit::{Applied, Edit};
use crate::error::EditError;
use crate::model::Workspace;

use checks::Touched;

impl Workspace {
    /// Validate `edit`, apply it, and return its inverse and the rows it touched. On error the
    /// workspace is unchanged.
    pub fn apply(&mut self, edit: &Edit) -> Result<Applied, EditError> {
        self.apply_as(edit, Touched::new())
    }

    /// As `apply`, for an edit that brings back an earlier state of this file: an undo, a redo
    /// (the history's own edits and inverses), or putting memory back after a failed write.
    /// Every rule holds except the ranges of measured values (a target's, a typed score's, a
    /// survey response's or an initiative's expected score), which older Baton files did not
    /// always keep: a value such a file holds comes back as it was, never refused half-way
    /// through an undo. `baton check` names those values; a new edit cannot write one.
    pub fn restore(&mut self, edit: &Edit) -> Result<Applied, EditError> {
        self.apply_as(edit, Touched::restoring())
    }

    fn apply_as(&mut self, edit: &Edit, mut touched: Touched) -> Result<Applied, EditError> {
        let inverse = self.apply_edit(edit, &mut touched)?;
        Ok(Applied {
            inverse,
            touched: touched.rows,
        })
    }

    fn apply_edit(&mut self, edit: &Edit, t: &mut Touched) -> Result<Edit, EditError> {
        match edit {
            Edit::SetWorkspaceInfo { info } => self.set_info(info, t),

            Edit::CreatePersona { persona } => self.create_persona(persona, t),
            Edit::UpdatePersona { persona } => self.update_persona(persona, t),
            Edit::DeletePersona { id } => self.delete_persona(id, t),
            Edit::MovePersona { id, position } => self.move_persona(id, *position, t),

            Edit::CreateJourney { journey } => self.create_journey(journey, t),
            Edit::UpdateJourney { journey } => self.update_journey(journey, t),
            Edit::DeleteJourney { id } => self.delete_journey(id, t),
            Edit::MoveJourney { id, position } => self.move_journey(id, *position, t),

            Edit::CreateStage { stage } => self.create_stage(stage, t),
            Edit::UpdateStage { stage } => self.update_stage(stage, t),
            Edit::DeleteStage { id } => self.delete_stage(id, t),
            Edit::MoveStage { id, position } => self.move_stage(id, *position, t),

            Edit::CreateLane { lane } => self.create_lane(lane, t),
            Edit::UpdateLane { lane } => self.update_lane(lane, t),
            Edit::DeleteLane { id } => self.delete_lane(id, t),
            Edit::MoveLane { id, position } => self.move_lane(id, *position, t),
            Edit::SetLaneKind { id, kind } => self.set_lane_kind(id, *kind, t),

            Edit::CreateStep { step } => self.create_step(step, t),
            Edit::UpdateStep { step } => self.update_step(step, t),
            Edit::DeleteStep { id } => self.delete_step(id, t),
            Edit::MoveStep {
                id,
                stage_id,
                lane_id,
                position,
            } => self.move_step(id, stage_id, lane_id, *position, t),

            Edit::ConnectHandoff { handoff } => self.connect_handoff(handoff, t),
            Edit::UpdateHandoff { handoff } => self.update_handoff(handoff, t),
            Edit::DisconnectHandoff { id } => self.disconnect_handoff(id, t),
            Edit::AddChecklistItem {
                handoff_id,
                item,
                position,
            } => self.add_checklist_item(handoff_id, item, *position, t),
            Edit::UpdateChecklistItem { handoff_id, item } => {
                self.update_checklist_item(handoff_id, item, t)
            }
            Edit::RemoveChecklistItem {
                handoff_id,
                item_id,
            } => self.remove_checklist_item(handoff_id, item_id, t),
            Edit::MoveChecklistItem {
                handoff_id,
                item_id,
                position,
            } => self.move_checklist_item(handoff_id, item_id, *position, t),

            Edit::CreateMetric { metric } => self.create_metric(metric, t),
            Edit::UpdateMetric { metric } => self.update_metric(metric, t),
            Edit::DeleteMetric { id } => self.delete_metric(id, t),
            Edit::MoveMetric { id, position } => self.move_metric(id, *position, t),

            Edit::CreateTarget { target } => self.create_target(target, t),
            Edit::UpdateTarget { target } => self.update_target(target, t),
            Edit::DeleteTarget { id } => self.delete_target(id, t),

            Edit::AddResponses { responses } => self.add_responses(responses, t),
            Edit::RemoveResponses { ids } => self.remove_responses(ids, t),

            Edit::CreateScore { score } => self.create_score(score, t),
            Edit::UpdateScore { score } => self.update_score(score, t),
            Edit::DeleteScore { id } => self.delete_score(id, t),

            Edit::CreatePhase { phase } => self.create_phase(phase, t),
            Edit::UpdatePhase { phase } => self.update_phase(phase, t),
            Edit::DeletePhase { id } => self.delete_phase(id, t),
            Edit::MovePhase { id, position } => self.move_phase(id, *position, t),

            Edit::CreateInitiative { initiative } => self.create_initiative(initiative, t),
            Edit::UpdateInitiative { initiative } => self.update_initiative(initiative, t),
            Edit::DeleteInitiative { id } => self.delete_initiative(id, t),
            Edit::MoveInitiative {
                id,
                phase_id,
                position,
            } => self.move_initiative(id, phase_id, *position, t),

            Edit::CreateSnapshot { snapshot } => self.create_snapshot(snapshot, t),
            Edit::RenameSnapshot { id, name } => self.rename_snapshot(id, name, t),
            Edit::DeleteSnapshot { id } => self.delete_snapshot(id, t),
            Edit::CreateSavedMapping { saved } => self.create_saved_mapping(saved, t),
            Edit::UpdateSavedMapping { saved } => self.update_saved_mapping(saved, t),
            Edit::DeleteSavedMapping { id } => self.delete_saved_mapping(id, t),

            Edit::Batch { label, edits } => self.apply_batch(label, edits, t),
        }
    }

    /// All or nothing: on failure, the edits already applied are undone in reverse order.
    fn apply_batch(
        &mut self,
        label: &str,
        edits: &[Edit],
        t: &mut Touched,
    ) -> Result<Edit, EditError> {
        let mut inverses = Vec::with_capacity(edits.len());
        for edit in edits {
            match self.apply_edit(edit, t) {
                Ok(inverse) => inverses.push(inverse),
                Err(error) => {
                    self.roll_back(inverses);
                    return Err(error);
                }
            }
        }
        inverses.reverse();
        Ok(Edit::Batch {
            label: label.to_owned(),
            edits: inverses,
        })
    }

    fn roll_back(&mut self, inverses: Vec<Edit>) {
        let mut ignored = Touched::restoring();
        for inverse in inverses.into_iter().rev() {
            // An inverse is computed from the state it restores, so it always applies; failing
            // here would be a bug in this module, which the property tests look for.
            let restored = self.apply_edit(&inverse, &mut ignored);
            debug_assert!(
                restored.is_ok(),
                "inverse failed during roll back: {restored:?}"
            );
        }
    }
}
