//! What the Plan view shows: baton-core's `plan_view` of the file as of today (phases in order
//! with their initiatives, each with its quadrant, evidence, measured progress and overdue mark;
//! per-phase counts; each journey's coverage) and the file's undo state. Served on its own
//! (`OpenDocument::plan_screen`) and, while the Plan view is on screen, with every change's
//! answer (`EditAnswer.plan`), so the board never lags an edit. `draft_plan` previews a
//! journey's draft: the screen shows what it will add, then sends that edit back.

use chrono::{Local, NaiveDate};
use serde::{Deserialize, Serialize};
use specta::Type;

use baton_core::plan::{draft_plan, plan_view, PlanFilter, PlanView};
use baton_core::Edit;

use crate::documents::OpenDocument;
use crate::error::AppResult;

/// The plan as the Plan view draws it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct PlanScreen {
    pub plan: PlanView,
    pub revision: u32,
    pub can_undo: bool,
    pub can_redo: bool,
}

impl OpenDocument {
    /// The whole plan as the file holds it now, judged as of today (the machine's date).
    pub fn plan_screen(&self) -> AppResult<PlanScreen> {
        self.plan_screen_on(Local::now().date_naive())
    }

    /// The whole plan, judged as of `today` (overdue marks, progress not yet started).
    pub fn plan_screen_on(&self, today: NaiveDate) -> AppResult<PlanScreen> {
        let state = self.state();
        Ok(PlanScreen {
            plan: plan_view(self.workspace(), &PlanFilter::default(), today),
            revision: state.revision,
            can_undo: state.can_undo,
            can_redo: state.can_redo,
        })
    }

    /// The draft plan of `journey_id`: one `Edit::Batch` of proposed initiatives for what the
    /// plan does not address yet, or none when everything is addressed. Nothing is applied: the
    /// screen shows it, then sends it as an edit.
    pub fn draft_plan(&self, journey_id: &str) -> AppResult<Option<Edit>> {
        Ok(draft_plan(self.workspace(), journey_id)?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::documents::testing::bank_document;
    use crate::edit_answer::{Change, OnScreen};

    fn titles(screen: &PlanScreen) -> Vec<Vec<String>> {
        screen
            .plan
            .phases
            .iter()
            .map(|p| {
                p.initiatives
                    .iter()
                    .map(|i| i.initiative.title.clone())
                    .collect()
            })
            .collect()
    }

    /// The bank template's initiatives come by phase (seed 003's three phases), in order.
    #[test]
    fn the_bank_plan_comes_phase_by_phase() {
        let (_dir, doc, _journey) = bank_document();
        let screen = doc.plan_screen().unwrap();
        assert_eq!(screen.plan.phases.len(), 3);
        assert!(
            screen.plan.initiative_count > 0,
            "the template fills the plan"
        );
        for phase in &screen.plan.phases {
            let positions: Vec<u32> = phase
                .initiatives
                .iter()
                .map(|i| i.initiative.position)
                .collect();
            assert_eq!(positions, (0..positions.len() as u32).collect::<Vec<_>>());
            assert!(phase
                .initiatives
                .iter()
                .all(|i| i.initiative.phase_id == phase.phase.id));
        }
        assert_eq!(screen.revision, doc.revision());
        assert_eq!(screen.plan.coverage.len(), 1, "one journey, one coverage");
    }

    /// Moving an initiative to the third phase, asked with the plan on screen, is answered with
    /// the plan after it; its undo with the plan before it.
    #[test]
    fn an_edit_with_the_plan_on_screen_brings_the_plan_back() {
        let (_dir, mut doc, journey) = bank_document();
        let before = doc.plan_screen().unwrap();
        let first = before.plan.phases[0].initiatives[0].initiative.clone();
        let third = before.plan.phases[2].phase.id.clone();
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
        let now_first = &after.plan.phases[2].initiatives[0].initiative;
        assert_eq!((&now_first.id, &now_first.phase_id), (&first.id, &third));
        assert!(after.plan.phases[0]
            .initiatives
            .iter()
            .all(|i| i.initiative.id != first.id));
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

    /// The draft of the bank journey adds initiatives as one edit; once applied, a second draft
    /// has nothing to add; one undo takes the whole draft away.
    #[test]
    fn a_draft_is_previewed_applied_as_one_edit_and_then_empty() {
        let (_dir, mut doc, journey) = bank_document();
        let before = doc.plan_screen().unwrap().plan.initiative_count;
        let draft = doc
            .draft_plan(&journey)
            .unwrap()
            .expect("the bank journey has suggestions");
        assert_eq!(
            doc.plan_screen().unwrap().plan.initiative_count,
            before,
            "a preview changes nothing"
        );
        doc.apply(draft).unwrap();
        let drafted = doc.plan_screen().unwrap().plan.initiative_count;
        assert!(drafted > before);
        assert!(
            doc.draft_plan(&journey).unwrap().is_none(),
            "everything is addressed"
        );
        doc.undo().unwrap();
        assert_eq!(doc.plan_screen().unwrap().plan.initiative_count, before);
        let e = doc.draft_plan("no-such-journey").unwrap_err();
        assert_eq!(
            e.kind,
            crate::error::AppErrorKind::Store(baton_store::ErrorKind::NotFound)
        );
    }
}
