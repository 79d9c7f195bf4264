//! What the Plan view shows: baton-core's `plan_view` of the file as of today (phases in order
//! with their initiatives, each with its quadrant, evidence, measured progress and overdue mark;
//! per-phase counts; each journey's coverage) and the file's undo state. Served on its own
//! (`OpenDocument::plan_screen`) and, while the Plan view is on screen, with every change's
//! answer (`EditAnswer.plan`), so the board never lags an edit. `draft_plan` previews a
//! journey's draft: the screen shows what it will add, then sends that edit back.

use std::collections::BTreeSet;

use chrono::{Local, NaiveDate};
use serde::{Deserialize, Serialize};
use specta::Type;

use baton_core::plan::{draft_plan_from, journeys_for_plan, plan_view, PlanFilter, PlanView};
use baton_core::scores::Granularity;
use baton_core::Edit;

use crate::documents::OpenDocument;
use crate::error::AppResult;

/// The plan as the Plan view draws it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct PlanScreen {
    /// The plan as the filter shows it (`hidden_count` says how many it hides).
    pub plan: PlanView,
    /// The filter it was made with.
    pub filter: PlanFilter,
    /// Every owner named in the plan (trimmed, each once, sorted case-insensitively), whatever
    /// the filter: the owner filter's choices. `has_unowned` adds "no owner" to them.
    pub owners: Vec<String>,
    pub has_unowned: bool,
    pub revision: u32,
    pub can_undo: bool,
    pub can_redo: bool,
}

impl OpenDocument {
    /// The plan as the file holds it now, filtered, judged as of today (the machine's date).
    pub fn plan_screen(&mut self, filter: &PlanFilter) -> AppResult<PlanScreen> {
        self.plan_screen_on(filter, Local::now().date_naive())
    }

    /// The plan, filtered, judged as of `today` (overdue marks, progress not yet started).
    /// The journeys' analyses are those held since the last change that could alter them.
    pub fn plan_screen_on(
        &mut self,
        filter: &PlanFilter,
        today: NaiveDate,
    ) -> AppResult<PlanScreen> {
        // The plan on screen: a snapshot shown before is gone.
        self.set_snapshot_on_screen(None);
        let state = self.state();
        let (ws, held) = self.workspace_and_analyses();
        let journeys = journeys_for_plan(ws, filter.journey_id.as_deref());
        let analyses = held.with(ws, journeys, filter.granularity);
        let (owners, has_unowned) = owners(ws);
        Ok(PlanScreen {
            plan: plan_view(ws, filter, today, analyses),
            filter: filter.clone(),
            owners,
            has_unowned,
            revision: state.revision,
            can_undo: state.can_undo,
            can_redo: state.can_redo,
        })
    }

    /// The draft plan of `journey_id`: one `Edit::Batch` of proposed initiatives for what the
    /// plan does not address yet, or none when everything is addressed. Nothing is applied: the
    /// screen shows it, then sends it as an edit. Reads the journey's held analysis.
    pub fn draft_plan(&mut self, journey_id: &str) -> AppResult<Option<Edit>> {
        let (ws, held) = self.workspace_and_analyses();
        let analyses = held.with(ws, [journey_id], Granularity::default());
        Ok(draft_plan_from(ws, journey_id, analyses)?)
    }
}

/// The owners named in `ws`'s plan, and whether an initiative has none.
fn owners(ws: &baton_core::Workspace) -> (Vec<String>, bool) {
    let mut has_unowned = false;
    let mut named: BTreeSet<(String, &str)> = BTreeSet::new();
    for initiative in ws.initiatives.values() {
        match initiative.owner.trim() {
            "" => has_unowned = true,
            owner => {
                named.insert((owner.to_lowercase(), owner));
            }
        }
    }
    let owners = named.into_iter().map(|(_, o)| o.to_owned()).collect();
    (owners, has_unowned)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::documents::testing::bank_document;
    use crate::edit_answer::{Change, OnScreen};
    use baton_core::plan::analyse_for_plan;
    use baton_core::{InitiativeStatus, SubjectKind};

    fn all() -> PlanFilter {
        PlanFilter::default()
    }

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
        let (_dir, mut doc, _journey) = bank_document();
        let screen = doc.plan_screen(&all()).unwrap();
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
        let before = doc.plan_screen(&all()).unwrap();
        let first = before.plan.phases[0].initiatives[0].initiative.clone();
        let third = before.plan.phases[2].phase.id.clone();
        let screen = OnScreen {
            journey_id: journey,
            presentation: false,
            held: None,
            plan: Some(all()),
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
            plan: None,
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
        let before = doc.plan_screen(&all()).unwrap().plan.initiative_count;
        let draft = doc
            .draft_plan(&journey)
            .unwrap()
            .expect("the bank journey has suggestions");
        assert_eq!(
            doc.plan_screen(&all()).unwrap().plan.initiative_count,
            before,
            "a preview changes nothing"
        );
        doc.apply(draft).unwrap();
        let drafted = doc.plan_screen(&all()).unwrap().plan.initiative_count;
        assert!(drafted > before);
        assert!(
            doc.draft_plan(&journey).unwrap().is_none(),
            "everything is addressed"
        );
        doc.undo().unwrap();
        assert_eq!(
            doc.plan_screen(&all()).unwrap().plan.initiative_count,
            before
        );
        let e = doc.draft_plan("no-such-journey").unwrap_err();
        assert_eq!(
            e.kind,
            crate::error::AppErrorKind::Store(baton_store::ErrorKind::NotFound)
        );
    }

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 6).unwrap()
    }

    /// The plan of the file as it is, with every analysis made anew.
    fn fresh(doc: &OpenDocument, filter: &PlanFilter) -> PlanView {
        let ws = doc.workspace();
        plan_view(ws, filter, today(), &analyse_for_plan(ws, filter))
    }

    fn made(doc: &mut OpenDocument) -> u64 {
        doc.workspace_and_analyses().1.made()
    }

    /// The plan's own edits (move, rate) reuse the journey's held analysis; an edit of the
    /// map renews it, and only for its journey; a metric's edit renews every one. After each,
    /// the plan equals the one made from fresh analyses.
    #[test]
    fn plan_edits_reuse_the_held_analysis_and_map_edits_renew_their_journey() {
        let (_dir, mut doc, journey) = bank_document();
        let shown = |doc: &mut OpenDocument| {
            let screen = doc.plan_screen_on(&all(), today()).unwrap();
            assert_eq!(screen.plan, fresh(doc, &all()));
            screen
        };
        let before = shown(&mut doc);
        assert_eq!(made(&mut doc), 1, "one journey, analysed once");
        let first = before.plan.phases[0].initiatives[0].initiative.clone();
        doc.apply(Edit::MoveInitiative {
            id: first.id.clone(),
            phase_id: before.plan.phases[2].phase.id.clone(),
            position: 0,
        })
        .unwrap();
        doc.apply(Edit::UpdateInitiative {
            initiative: baton_core::Initiative {
                impact: 1,
                status: InitiativeStatus::Dropped,
                ..doc.workspace().initiatives[&first.id].clone()
            },
        })
        .unwrap();
        shown(&mut doc);
        assert_eq!(made(&mut doc), 1, "the plan's edits reuse the analysis");

        // A handoff made assisted changes its friction, hence evidence and coverage.
        let handoff_id = first.handoff_ids[0].clone();
        let mut handoff = doc.workspace().handoffs[&handoff_id].clone();
        handoff.mode = baton_core::HandoffMode::Assisted;
        doc.apply(Edit::UpdateHandoff { handoff }).unwrap();
        let after = shown(&mut doc);
        assert_eq!(made(&mut doc), 2);
        assert_ne!(after.plan.coverage, before.plan.coverage);
        doc.undo().unwrap();
        shown(&mut doc);
        assert_eq!(made(&mut doc), 3);

        // A second journey: its edits renew its own analysis only.
        let other = baton_core::Journey {
            id: baton_core::new_id(),
            name: "Other".into(),
            description: String::new(),
            persona_id: None,
            state: baton_core::JourneyState::Current,
            position: 1,
            origin_id: None,
        };
        doc.apply(Edit::CreateJourney {
            journey: other.clone(),
        })
        .unwrap();
        let two = shown(&mut doc);
        assert_eq!(two.plan.coverage.len(), 2);
        assert_eq!(made(&mut doc), 4, "only the new journey is analysed");
        doc.apply(Edit::UpdateJourney {
            journey: baton_core::Journey {
                name: "Renamed".into(),
                ..other
            },
        })
        .unwrap();
        shown(&mut doc);
        assert_eq!(made(&mut doc), 5, "the bank journey's analysis is kept");

        // A metric is every journey's: both are analysed again.
        let mut csat = doc.workspace().metrics.values().next().unwrap().clone();
        csat.name = "Satisfaction".into();
        doc.apply(Edit::UpdateMetric { metric: csat }).unwrap();
        shown(&mut doc);
        assert_eq!(made(&mut doc), 7);
        assert_eq!(journey, two.plan.coverage[0].journey_id);
    }

    /// Responses imported on a touchpoint renew its journey's analysis (its scores changed);
    /// a refused edit trusts nothing held.
    #[test]
    fn responses_and_refused_edits_renew_the_analysis() {
        let (_dir, mut doc, _journey) = bank_document();
        doc.plan_screen_on(&all(), today()).unwrap();
        let step = doc
            .workspace()
            .steps
            .values()
            .find(|s| s.touchpoint.is_some())
            .unwrap()
            .id
            .clone();
        let metric = doc.workspace().metrics.keys().next().unwrap().clone();
        let response = baton_core::SurveyResponse {
            id: baton_core::new_id(),
            subject: baton_core::Subject {
                kind: SubjectKind::Step,
                id: step,
            },
            metric_id: metric,
            value: 1.0,
            date: today(),
            respondent: None,
            comment: None,
        };
        doc.apply(Edit::AddResponses {
            responses: vec![response],
        })
        .unwrap();
        let screen = doc.plan_screen_on(&all(), today()).unwrap();
        assert_eq!(screen.plan, fresh(&doc, &all()));
        assert_eq!(made(&mut doc), 2);
        assert!(doc
            .apply(Edit::DeleteInitiative {
                id: "no-such-initiative".into()
            })
            .is_err());
        doc.plan_screen_on(&all(), today()).unwrap();
        assert_eq!(
            made(&mut doc),
            3,
            "after a refused edit nothing held is trusted"
        );
    }

    /// A filtered screen says how many it hides and lists every owner for the filter's
    /// choices, whatever the filter; the answer to an edit carries the filter it was asked with.
    #[test]
    fn a_filtered_plan_counts_what_it_hides_and_keeps_every_owner() {
        let (_dir, mut doc, journey) = bank_document();
        let whole = doc.plan_screen_on(&all(), today()).unwrap();
        let owner = whole
            .owners
            .first()
            .cloned()
            .expect("the template names owners");
        let theirs = PlanFilter {
            owner: Some(owner.clone()),
            ..all()
        };
        let filtered = doc.plan_screen_on(&theirs, today()).unwrap();
        assert_eq!(filtered.plan, fresh(&doc, &theirs));
        assert!(filtered.plan.initiative_count >= 1);
        assert!(filtered
            .plan
            .initiatives()
            .all(|i| i.initiative.owner.trim() == owner));
        assert_eq!(
            filtered.plan.initiative_count + filtered.plan.hidden_count,
            whole.plan.initiative_count
        );
        assert!(filtered.plan.hidden_count > 0);
        assert_eq!(filtered.owners, whole.owners);
        assert_eq!(filtered.filter, theirs);
        let first = filtered
            .plan
            .initiatives()
            .next()
            .unwrap()
            .initiative
            .clone();
        let screen = OnScreen {
            journey_id: journey,
            presentation: false,
            held: None,
            plan: Some(theirs.clone()),
        };
        let answer = doc
            .change(
                Change::Edit(Edit::UpdateInitiative {
                    initiative: baton_core::Initiative {
                        title: "Renamed".into(),
                        ..first
                    },
                }),
                Some(&screen),
            )
            .unwrap()
            .plan
            .expect("the plan is on screen");
        assert_eq!(answer.filter, theirs);
        assert_eq!(answer.plan.hidden_count, filtered.plan.hidden_count);
        assert!(answer
            .plan
            .initiatives()
            .any(|i| i.initiative.title == "Renamed"));
    }
}
