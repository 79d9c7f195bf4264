//! Every template applies cleanly to a new file through `Workspace::apply` and has the shape
//! its description promises.

use std::collections::BTreeSet;

use chrono::NaiveDate;

use super::*;
use crate::model::*;

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 20).unwrap()
}

/// A new file with template `key` applied.
fn with_template(key: &str) -> Workspace {
    let mut ws = Workspace::new_file("Client");
    let edit = template_edit_on(key, &ws, day()).unwrap();
    ws.apply(&edit)
        .unwrap_or_else(|e| panic!("{key} does not apply: {e:?}"));
    ws
}

fn only_journey(ws: &Workspace) -> &Journey {
    assert_eq!(ws.journeys.len(), 1);
    ws.journeys.values().next().unwrap()
}

fn lane_of<'a>(ws: &'a Workspace, step_id: &str) -> &'a Lane {
    &ws.lanes[&ws.steps[step_id].lane_id]
}

fn stage_position(ws: &Workspace, step_id: &str) -> u32 {
    ws.stages[&ws.steps[step_id].stage_id].position
}

fn metric_of_kind(ws: &Workspace, kind: MetricKind) -> Id {
    ws.metrics
        .values()
        .find(|m| m.kind == kind)
        .unwrap()
        .id
        .clone()
}

#[test]
fn every_listed_template_applies_to_a_new_file_as_one_edit() {
    let list = template_list();
    assert_eq!(list.len(), 4);
    let keys: BTreeSet<&str> = list.iter().map(|t| t.key.as_str()).collect();
    assert_eq!(keys.len(), 4, "keys are unique");
    for info in &list {
        let ws = with_template(&info.key);
        let journey = only_journey(&ws);
        let persona = journey.persona_id.as_ref().expect("told for a persona");
        assert!(ws.personas.contains_key(persona));
        assert_eq!(journey.state, JourneyState::Current);
        assert!(!info.name.is_empty() && !info.description.is_empty());
    }
}

#[test]
fn undoing_a_template_restores_the_file_exactly() {
    for info in template_list() {
        let mut ws = Workspace::new_file("Client");
        let before = ws.clone();
        let edit = template_edit_on(&info.key, &ws, day()).unwrap();
        assert!(
            matches!(edit, Edit::Batch { .. }),
            "one batch, one undo step"
        );
        let applied = ws.apply(&edit).unwrap();
        assert_ne!(ws, before);
        ws.apply(&applied.inverse).unwrap();
        assert_eq!(ws, before, "{}", info.key);
    }
}

#[test]
fn every_template_has_the_map_figures_and_plan_of_a_realistic_engagement() {
    for info in template_list() {
        let ws = with_template(&info.key);
        let key = info.key.as_str();
        let kinds: BTreeSet<LaneKind> = ws.lanes.values().map(|l| l.kind).collect();
        for kind in [
            LaneKind::Customer,
            LaneKind::Actor,
            LaneKind::Emotion,
            LaneKind::Pains,
        ] {
            assert!(kinds.contains(&kind), "{key} has a {kind:?} lane");
        }
        for lane in ws.lanes.values().filter(|l| l.kind == LaneKind::Actor) {
            assert!(
                lane.department.is_some(),
                "{key}: {} has a department",
                lane.name
            );
            assert!(lane.sourcing.is_some() && lane.work.is_some() && lane.visibility.is_some());
        }
        assert!(ws.stages.len() >= 4, "{key} has stages");
        let emotion_points = ws.steps.values().filter(|s| s.emotion.is_some()).count();
        assert!(emotion_points >= 4, "{key} has an emotion curve");
        assert!(ws.steps.values().any(|s| s.touchpoint.is_some()));
        assert!(
            ws.steps.values().any(|s| s.resolution),
            "{key} ends somewhere"
        );
        assert!(ws.handoffs.len() >= 3, "{key} has handoffs");
        assert!(ws.handoffs.values().any(|h| !h.checklist.is_empty()));
        assert!(ws.handoffs.values().any(|h| h.wait_minutes > 0));
        assert!(ws.handoffs.values().any(|h| h.sensitive));

        // Figures on all three built-in metrics, for steps and for handoffs.
        for kind in [MetricKind::Csat, MetricKind::Nps, MetricKind::Ces] {
            let metric = metric_of_kind(&ws, kind);
            assert!(
                ws.targets.values().any(|t| t.metric_id == metric),
                "{key}: a {kind:?} target"
            );
            assert!(
                ws.scores.values().any(|s| s.metric_id == metric),
                "{key}: a {kind:?} score"
            );
        }
        for subject_kind in [SubjectKind::Step, SubjectKind::Handoff] {
            assert!(ws.scores.values().any(|s| s.subject.kind == subject_kind));
            assert!(ws.targets.values().any(|t| t.subject.kind == subject_kind));
        }
        for score in ws.scores.values() {
            assert!(score.period_start < score.period_end && score.period_end < day());
        }
        assert!(ws.responses.len() >= 3, "{key} has survey responses");
        assert!(ws.responses.values().any(|r| r.comment.is_some()));

        // A plan across the three default phases, linked to what it fixes.
        let phases_used: BTreeSet<&Id> = ws.initiatives.values().map(|i| &i.phase_id).collect();
        assert_eq!(phases_used.len(), 3, "{key} uses every default phase");
        for initiative in ws.initiatives.values() {
            assert!(
                !initiative.step_ids.is_empty() || !initiative.handoff_ids.is_empty(),
                "{key}: {} addresses something",
                initiative.title
            );
            assert!(initiative
                .step_ids
                .iter()
                .all(|id| ws.steps.contains_key(id)));
            assert!(initiative
                .handoff_ids
                .iter()
                .all(|id| ws.handoffs.contains_key(id)));
        }
        assert!(ws
            .initiatives
            .values()
            .any(|i| i.status == InitiativeStatus::InProgress && i.started.is_some()));
    }
}

#[test]
fn bank_lost_card_verifies_three_times_across_two_blind_transfers() {
    let ws = with_template("bank_lost_card");
    let mut verifications: Vec<&Step> = ws.steps.values().filter(|s| s.verification).collect();
    verifications.sort_by_key(|s| stage_position(&ws, &s.id));
    let verifying_lanes: Vec<&str> = verifications
        .iter()
        .map(|s| lane_of(&ws, &s.id).name.as_str())
        .collect();
    assert_eq!(
        verifying_lanes,
        ["Contact centre agent", "Cards team", "Fraud team"]
    );

    let mut blind: Vec<&Handoff> = ws
        .handoffs
        .values()
        .filter(|h| h.mode == HandoffMode::Blind)
        .collect();
    blind.sort_by_key(|h| stage_position(&ws, &h.from_step_id));
    let hops: Vec<(&str, &str)> = blind
        .iter()
        .map(|h| {
            (
                lane_of(&ws, &h.from_step_id).name.as_str(),
                lane_of(&ws, &h.to_step_id).name.as_str(),
            )
        })
        .collect();
    assert_eq!(
        hops,
        [
            ("Contact centre agent", "Cards team"),
            ("Cards team", "Fraud team")
        ]
    );
    for handoff in blind {
        assert!(handoff.reverify && handoff.customer_repeats);
        assert!(ws.steps[&handoff.to_step_id].verification);
        assert!(ws.steps[&handoff.to_step_id].touchpoint.is_some());
    }
}

#[test]
fn outsourced_order_processing_passes_work_from_the_engine_to_offshore_and_back() {
    let ws = with_template("outsourced_order_processing");
    let crosses = |from: (Work, Sourcing), to: (Work, Sourcing)| {
        ws.handoffs.values().any(|h| {
            let a = lane_of(&ws, &h.from_step_id);
            let b = lane_of(&ws, &h.to_step_id);
            (a.work, a.sourcing) == (Some(from.0), Some(from.1))
                && (b.work, b.sourcing) == (Some(to.0), Some(to.1))
        })
    };
    let engine = (Work::Automated, Sourcing::InHouse);
    let offshore = (Work::Manual, Sourcing::Offshore);
    assert!(
        crosses(engine, offshore),
        "the engine hands manual work offshore"
    );
    assert!(crosses(offshore, engine), "and takes it back");
    assert!(ws
        .lanes
        .values()
        .any(|l| l.sourcing == Some(Sourcing::Outsourced)));
}

#[test]
fn sales_to_cs_onboarding_hands_the_client_from_sales_to_customer_success_with_a_checklist() {
    let ws = with_template("sales_to_cs_onboarding");
    let handover = ws
        .handoffs
        .values()
        .find(|h| {
            lane_of(&ws, &h.from_step_id).department.as_deref() == Some("Sales")
                && lane_of(&ws, &h.to_step_id).department.as_deref() == Some("Customer success")
        })
        .expect("a sales to customer success handoff");
    assert!(handover.checklist.len() >= 4);
    assert!(handover.checklist.iter().any(|item| !item.done));
    assert!(handover.checklist.iter().any(|item| item.done));
    assert!(ws.steps[&handover.to_step_id].touchpoint.is_some());
}

#[test]
fn invoice_payment_goes_from_the_budget_owner_to_finance() {
    let ws = with_template("invoice_payment");
    let approval = ws
        .handoffs
        .values()
        .find(|h| lane_of(&ws, &h.from_step_id).name == "Budget owner")
        .expect("the budget owner hands over");
    assert_eq!(
        lane_of(&ws, &approval.to_step_id).department.as_deref(),
        Some("Finance")
    );
    let resolution = ws.steps.values().find(|s| s.resolution).unwrap();
    assert_eq!(
        lane_of(&ws, &resolution.id).department.as_deref(),
        Some("Finance")
    );
}

#[test]
fn demo_adds_all_four_journeys_in_one_edit_with_contiguous_positions() {
    let mut ws = Workspace::new_file("Demo");
    let edit = demo_edit_on(&ws, day());
    ws.apply(&edit).unwrap();
    let mut journeys: Vec<u32> = ws.journeys.values().map(|j| j.position).collect();
    journeys.sort();
    assert_eq!(journeys, [0, 1, 2, 3]);
    let mut personas: Vec<u32> = ws.personas.values().map(|p| p.position).collect();
    personas.sort();
    assert_eq!(personas, [0, 1, 2, 3]);
    for phase in ws.phases.values() {
        let mut positions: Vec<u32> = ws
            .initiatives
            .values()
            .filter(|i| i.phase_id == phase.id)
            .map(|i| i.position)
            .collect();
        positions.sort();
        let expected: Vec<u32> = (0..positions.len() as u32).collect();
        assert_eq!(positions, expected, "phase {}", phase.name);
    }
}

#[test]
fn a_template_applies_again_on_top_of_itself_with_fresh_ids() {
    let mut ws = with_template("bank_lost_card");
    let steps_once = ws.steps.len();
    let edit = template_edit_on("bank_lost_card", &ws, day()).unwrap();
    ws.apply(&edit).unwrap();
    assert_eq!(ws.journeys.len(), 2);
    assert_eq!(ws.steps.len(), 2 * steps_once);
    let mut positions: Vec<u32> = ws.journeys.values().map(|j| j.position).collect();
    positions.sort();
    assert_eq!(positions, [0, 1]);
}

#[test]
fn a_deleted_built_in_metric_is_skipped_not_an_error() {
    let mut ws = Workspace::new_file("Client");
    let nps = metric_of_kind(&ws, MetricKind::Nps);
    ws.apply(&Edit::DeleteMetric { id: nps }).unwrap();
    for info in template_list() {
        let edit = template_edit_on(&info.key, &ws, day()).unwrap();
        ws.apply(&edit).unwrap();
    }
    assert!(ws
        .scores
        .values()
        .all(|s| ws.metrics.contains_key(&s.metric_id)));
    assert!(ws.initiatives.values().all(|i| i
        .expected_effect
        .as_ref()
        .is_none_or(|e| ws.metrics.contains_key(&e.metric_id))));
}

#[test]
fn an_unknown_key_is_a_typed_error_naming_it_and_the_known_ones() {
    let ws = Workspace::new_file("Client");
    let error = template_edit("bank", &ws).unwrap_err();
    let TemplateError::UnknownTemplate { key, known } = &error;
    assert_eq!(key, "bank");
    assert!(known.contains("bank_lost_card") && known.contains("invoice_payment"));
    assert!(error.to_string().contains("\"bank\""));
}
