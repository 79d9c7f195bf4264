//! One call per edit: an edit, an undo or a redo is answered with its outcome AND what the
//! screen must show after it (the journey's view as a patch on the one the screen holds, and
//! the sidebar's workspace view when the change wrote what it shows), all computed under the
//! document's one lock. The screen used to ask for the view in a second call, a second
//! blocking task and a second lock after every edit.

use serde::{Deserialize, Serialize};
use specta::Type;

use baton_core::plan::PlanFilter;
use baton_core::{Edit, EntityKind, Id};
use baton_store::EditOutcome;

use crate::documents::OpenDocument;
use crate::error::AppResult;
use crate::plan::PlanScreen;
use crate::view_patch::ViewUpdate;
use crate::views::WorkspaceView;

/// What the screen shows when it sends a change: the journey on screen, in which style, and
/// the token of the view it holds (none when it holds no view of that journey yet).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct OnScreen {
    pub journey_id: Id,
    pub presentation: bool,
    pub held: Option<u32>,
    /// The Plan view is on screen, with this filter: the answer carries the plan after the
    /// change. None when the map is on screen.
    pub plan: Option<PlanFilter>,
}

/// A change to the file, as the screen asks for it. Made once per call and moved straight into
/// `OpenDocument::change`, never stored: the size of an `Edit` variant costs nothing here.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    Edit(Edit),
    Undo,
    Redo,
}

/// What a change did and what the screen shows after it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct EditAnswer {
    pub outcome: EditOutcome,
    /// The journey on screen after the change, as a patch on the view the screen holds (or
    /// whole). None when no journey was on screen, or the change removed it.
    pub view: Option<ViewUpdate>,
    /// The sidebar's lists after the change, only when the change wrote what they show (most
    /// edits are inside the map and leave them alone).
    pub workspace: Option<WorkspaceView>,
    /// The plan after the change, when the Plan view is on screen (`OnScreen.plan`).
    pub plan: Option<PlanScreen>,
}

/// The kinds of rows the workspace view (sidebar, plan) shows.
const WORKSPACE_KINDS: [EntityKind; 5] = [
    EntityKind::Workspace,
    EntityKind::Journey,
    EntityKind::Persona,
    EntityKind::Metric,
    EntityKind::Phase,
];

/// Whether a change that wrote `outcome.touched` changed what the workspace view shows.
pub fn touches_workspace(outcome: &EditOutcome) -> bool {
    outcome
        .touched
        .iter()
        .any(|t| WORKSPACE_KINDS.contains(&t.kind))
}

impl OpenDocument {
    /// Makes `change` and answers with what the screen (`screen`: what it shows) needs next.
    /// A failed change is an error and leaves the view the screen holds valid.
    pub fn change(&mut self, change: Change, screen: Option<&OnScreen>) -> AppResult<EditAnswer> {
        let outcome = match change {
            Change::Edit(edit) => self.apply(edit)?,
            Change::Undo => self.undo()?,
            Change::Redo => self.redo()?,
        };
        let workspace = if touches_workspace(&outcome) {
            Some(self.workspace_view()?)
        } else {
            None
        };
        let view = match screen {
            Some(s) if self.workspace().journeys.contains_key(&s.journey_id) => {
                Some(self.journey_view_update(&s.journey_id, s.presentation, s.held)?)
            }
            _ => None,
        };
        let plan = match screen {
            Some(OnScreen {
                plan: Some(filter), ..
            }) => Some(self.plan_screen(filter)?),
            _ => None,
        };
        Ok(EditAnswer {
            outcome,
            view,
            workspace,
            plan,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::documents::testing::bank_document;
    use crate::view_patch::JourneyViewPatch;

    fn token(update: &ViewUpdate) -> u32 {
        match update {
            ViewUpdate::Full { token, .. } | ViewUpdate::Patch { token, .. } => *token,
        }
    }

    fn patch_of(answer: &EditAnswer) -> &JourneyViewPatch {
        match answer.view.as_ref() {
            Some(ViewUpdate::Patch { patch, .. }) => patch,
            other => panic!("the screen holds the last view: a patch is due, not {other:?}"),
        }
    }

    /// An edit inside the map is answered with its patch and no workspace view; its undo and
    /// redo too. Each answer's view is what a separate view request would have given.
    #[test]
    fn a_map_edit_its_undo_and_redo_come_back_with_their_patches() {
        let (_dir, mut doc, journey) = bank_document();
        let first = doc.journey_view_update(&journey, false, None).unwrap();
        let mut screen = OnScreen {
            journey_id: journey.clone(),
            presentation: false,
            held: Some(token(&first)),
            plan: None,
        };
        let mut step = doc.journey_view(&journey, false).unwrap().model.steps[2].clone();
        step.title = "Renamed in one call".into();
        let changes = [
            Change::Edit(Edit::UpdateStep { step }),
            Change::Undo,
            Change::Redo,
        ];
        for change in changes {
            let answer = doc.change(change, Some(&screen)).unwrap();
            assert!(
                answer.workspace.is_none(),
                "a card's change leaves the sidebar"
            );
            let patch = patch_of(&answer);
            assert_eq!(Some(patch.base), screen.held);
            assert_eq!(patch.revision, answer.outcome.revision);
            assert_eq!(patch.can_undo, answer.outcome.can_undo);
            assert_eq!(patch.can_redo, answer.outcome.can_redo);
            screen.held = answer.view.as_ref().map(token);
        }
        let after_redo = doc.journey_view(&journey, false).unwrap();
        assert!(after_redo
            .model
            .steps
            .iter()
            .any(|s| s.title == "Renamed in one call"));
    }

    /// Renaming the journey changes the sidebar: its workspace view comes with the answer.
    /// Deleting the journey on screen answers with no view, and the sidebar without it.
    #[test]
    fn a_journey_change_brings_the_sidebar_and_its_removal_no_view() {
        let (_dir, mut doc, journey) = bank_document();
        let screen = OnScreen {
            journey_id: journey.clone(),
            presentation: false,
            held: None,
            plan: None,
        };
        let mut renamed = doc.workspace().journeys[&journey].clone();
        renamed.name = "Renamed journey".into();
        let answer = doc
            .change(
                Change::Edit(Edit::UpdateJourney { journey: renamed }),
                Some(&screen),
            )
            .unwrap();
        let sidebar = answer.workspace.expect("the sidebar shows journey names");
        assert!(sidebar.journeys.iter().any(|j| j.name == "Renamed journey"));
        assert!(matches!(answer.view, Some(ViewUpdate::Full { .. })));

        let answer = doc
            .change(
                Change::Edit(Edit::DeleteJourney {
                    id: journey.clone(),
                }),
                Some(&screen),
            )
            .unwrap();
        assert!(answer.view.is_none(), "the journey on screen is gone");
        let sidebar = answer.workspace.expect("the sidebar lists journeys");
        assert!(sidebar.journeys.iter().all(|j| j.id != journey));
    }

    /// A refused edit is an error and changes nothing; with nothing on screen, no view is
    /// built.
    #[test]
    fn a_refused_edit_is_an_error_and_nothing_on_screen_builds_no_view() {
        let (_dir, mut doc, journey) = bank_document();
        let mut step = doc.journey_view(&journey, false).unwrap().model.steps[0].clone();
        let revision = doc.revision();
        step.title = String::new();
        assert!(doc
            .change(Change::Edit(Edit::UpdateStep { step }), None)
            .is_err());
        assert_eq!(doc.revision(), revision);
        let answer = doc.change(Change::Undo, None).unwrap();
        assert!(answer.view.is_none());
    }
}
