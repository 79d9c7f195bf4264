//! What the Plan view shows: the improvement plan's phases in order, each with its initiatives
//! in order, whole (the inspector edits an initiative by sending it back changed), and the
//! file's undo state. Served on its own (`OpenDocument::plan_screen`) and, while the Plan view is
//! on screen, with every edit's answer (`EditAnswer.plan`), so the board never lags an edit.

use serde::{Deserialize, Serialize};
use specta::Type;

use baton_store::PlanPhase;

use crate::documents::OpenDocument;
use crate::error::AppResult;

/// The plan as the Plan view draws it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct PlanScreen {
    /// Phases by position, each with its initiatives by position.
    pub phases: Vec<PlanPhase>,
    pub revision: u32,
    pub can_undo: bool,
    pub can_redo: bool,
}

impl OpenDocument {
    /// The plan as the file holds it now.
    pub fn plan_screen(&self) -> AppResult<PlanScreen> {
        let state = self.state();
        Ok(PlanScreen {
            phases: self.store().plan(),
            revision: state.revision,
            can_undo: state.can_undo,
            can_redo: state.can_redo,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::documents::testing::bank_document;
    use crate::edit_answer::{Change, OnScreen};
    use baton_core::Edit;

    fn titles(screen: &PlanScreen) -> Vec<Vec<String>> {
        screen
            .phases
            .iter()
            .map(|p| p.initiatives.iter().map(|i| i.title.clone()).collect())
            .collect()
    }

    /// The bank template's initiatives come by phase (seed 003's three phases), in order.
    #[test]
    fn the_bank_plan_comes_phase_by_phase() {
        let (_dir, doc, _journey) = bank_document();
        let screen = doc.plan_screen().unwrap();
        assert_eq!(screen.phases.len(), 3);
        let total: usize = screen.phases.iter().map(|p| p.initiatives.len()).sum();
        assert!(total > 0, "the template fills the plan");
        for phase in &screen.phases {
            let positions: Vec<u32> = phase.initiatives.iter().map(|i| i.position).collect();
            assert_eq!(positions, (0..positions.len() as u32).collect::<Vec<_>>());
            assert!(phase
                .initiatives
                .iter()
                .all(|i| i.phase_id == phase.phase.id));
        }
        assert_eq!(screen.revision, doc.revision());
    }

    /// Moving an initiative to the third phase, asked with the plan on screen, is answered with
    /// the plan after it; its undo with the plan before it.
    #[test]
    fn an_edit_with_the_plan_on_screen_brings_the_plan_back() {
        let (_dir, mut doc, journey) = bank_document();
        let before = doc.plan_screen().unwrap();
        let first = before.phases[0].initiatives[0].clone();
        let third = before.phases[2].phase.id.clone();
        let screen = OnScreen {
            journey_id: journey,
            presentation: false,
            held: None,
            plan: true,
        };
        let moved = Edit::MoveInitiative {
            id: first.id.clone(),
            phase_id: third.clone(),
            position: 0,
        };
        let answer = doc.change(Change::Edit(moved), Some(&screen)).unwrap();
        let after = answer.plan.expect("the plan is on screen");
        assert_eq!(after.phases[2].initiatives[0].id, first.id);
        assert_eq!(after.phases[2].initiatives[0].phase_id, third);
        assert!(after.phases[0].initiatives.iter().all(|i| i.id != first.id));
        assert!(after.can_undo);
        let undone = doc.change(Change::Undo, Some(&screen)).unwrap();
        assert_eq!(titles(&undone.plan.unwrap()), titles(&before));
        let without = OnScreen {
            plan: false,
            ..screen
        };
        assert!(doc
            .change(Change::Redo, Some(&without))
            .unwrap()
            .plan
            .is_none());
    }
}
