//! `draft_plan` on the bank template worked out by hand, coverage before and after it, drafting
//! twice, undo; and the validation of initiatives.

mod support;

use std::collections::BTreeMap;

use baton_core::plan::*;
use baton_core::templates::template_edit_on;
use baton_core::*;
use chrono::NaiveDate;
use support::*;

fn today() -> NaiveDate {
    date(2026, 12, 6)
}

fn bank() -> (Workspace, Id) {
    let mut ws = Workspace::new_file("Bank");
    let edit = template_edit_on("bank_lost_card", &ws, today()).expect("the template exists");
    apply(&mut ws, edit);
    let journey = ws.journeys.values().next().expect("one journey").id.clone();
    (ws, journey)
}

fn step_titled(ws: &Workspace, title: &str) -> Id {
    ws.steps
        .values()
        .find(|s| s.title == title)
        .unwrap_or_else(|| panic!("no step {title}"))
        .id
        .clone()
}

fn created(edit: &Edit) -> Vec<Initiative> {
    let Edit::Batch { edits, .. } = edit else {
        panic!("a batch: {edit:?}");
    };
    edits
        .iter()
        .map(|e| match e {
            Edit::CreateInitiative { initiative } => initiative.clone(),
            other => panic!("only initiatives: {other:?}"),
        })
        .collect()
}

/// `plan_view` with the analyses it reads computed now, as the CLI does.
fn planned(ws: &Workspace, filter: &PlanFilter, today: NaiveDate) -> PlanView {
    plan_view(ws, filter, today, &analyse_for_plan(ws, filter))
}

#[test]
fn the_bank_templates_draft_worked_out_by_hand() {
    let (mut ws, journey) = bank();
    // The template's own five initiatives address every suggestion but the missed targets:
    // eight touchpoints have a CSAT target, seven have last quarter's entered score (the new
    // card has none: it is addressed by the survey initiative), and all seven miss, as does
    // the dispute's NPS (-18 against 20).
    let before = planned(&ws, &PlanFilter::default(), today());
    let coverage = &before.coverage[0];
    let unaddressed: Vec<&str> = coverage
        .unaddressed_suggestions
        .iter()
        .map(|s| s.key.split(':').next().unwrap_or(""))
        .collect();
    assert_eq!(unaddressed, vec!["investigate_touchpoint"; 7]);
    assert_eq!(coverage.flagged_chains, 1);
    assert!(
        coverage.unaddressed_chains.is_empty(),
        "the senior-lane initiative links it"
    );

    let draft = draft_plan(&ws, &journey)
        .expect("drafts")
        .expect("something to add");
    let drafted = created(&draft);
    let phases: Vec<Id> = ws.phases_in_order().iter().map(|p| p.id.clone()).collect();
    let csat = metric_named(&ws, "CSAT");
    let nps = metric_named(&ws, "NPS");
    // Each: title, owner (the touchpoint lane's department), impact from the evidence
    // round(|gap| / range x 100) summed over every target the touchpoint misses, expected
    // value (the missed target).
    // - app 66 vs 80: 14 -> impact 2; the customer lane has no department;
    // - first agent 78 vs 85: 7 -> 1; cards 57 vs 80: 23 -> 3; fraud 41 vs 80: 39 -> 3;
    // - dispute CSAT 62 vs 85 (23) + NPS -18 vs 20 (38 of 200: 19) = 42 -> 4, twice;
    // - confirmation e-mail 81 vs 85: 4 -> 1.
    let app = step_titled(&ws, "Looks up the lost-card number in the app");
    let agent = step_titled(
        &ws,
        "Verifies identity: name, address, date of birth, security question",
    );
    let cards = step_titled(&ws, "Cards team verifies identity again");
    let fraud = step_titled(&ws, "Fraud team verifies identity a third time");
    let dispute = step_titled(&ws, "Reviews the unknown charge and opens a dispute");
    let email = step_titled(&ws, "Emails the dispute reference and card dispatch date");
    let expected = [
        (&app, &csat, "", 2, 80.0),
        (&agent, &csat, "Customer service", 1, 85.0),
        (&cards, &csat, "Card services", 3, 80.0),
        (&fraud, &csat, "Fraud and security", 3, 80.0),
        (&dispute, &csat, "Fraud and security", 4, 85.0),
        (&dispute, &nps, "Fraud and security", 4, 20.0),
        (&email, &csat, "IT", 1, 85.0),
    ];
    assert_eq!(drafted.len(), expected.len());
    let existing_in_third = ws.initiatives_of_phase(&phases[2]).len() as u32;
    for (n, (initiative, (step, metric, owner, impact, value))) in
        drafted.iter().zip(expected).enumerate()
    {
        assert_eq!(
            initiative.phase_id, phases[2],
            "investigations go to phase 3"
        );
        assert_eq!(initiative.position, existing_in_third + n as u32);
        assert_eq!(initiative.status, InitiativeStatus::Proposed);
        assert_eq!(initiative.effort, 2);
        assert_eq!(initiative.owner, owner, "{}", initiative.title);
        assert_eq!(initiative.impact, impact, "{}", initiative.title);
        assert_eq!(initiative.step_ids, vec![step.clone()]);
        assert!(initiative.handoff_ids.is_empty());
        assert_eq!(
            initiative.suggestion_keys,
            vec![format!("investigate_touchpoint:{step}:{metric}")]
        );
        let effect = initiative
            .expected_effect
            .clone()
            .expect("the missed target");
        assert_eq!(
            (effect.metric_id.as_str(), effect.subject, effect.value),
            (metric.as_str(), Some(subject_step(step)), value)
        );
        assert!(
            initiative.title.starts_with("Investigate \""),
            "{}",
            initiative.title
        );
    }

    // Applied: one edit; coverage is complete for the suggestions; drafting again adds nothing.
    let count_before = ws.initiatives.len();
    let undo = apply(&mut ws, draft).inverse;
    assert_eq!(ws.initiatives.len(), count_before + 7);
    let after = planned(&ws, &PlanFilter::default(), today());
    let coverage = &after.coverage[0];
    assert!(coverage.unaddressed_suggestions.is_empty());
    assert_eq!(coverage.addressed_suggestions.len(), 7 + 12);
    // The two automated handoffs from cards and from the dispute have friction (crossings,
    // wait) but no suggestion: they stay unaddressed, listed.
    assert_eq!(coverage.unaddressed_handoffs.len(), 2);
    assert_eq!(draft_plan(&ws, &journey), Ok(None));
    // One undo removes the whole draft.
    apply(&mut ws, undo);
    assert_eq!(ws.initiatives.len(), count_before);
}

/// A journey whose blind, contextless handoff re-verifies a customer who must repeat herself,
/// with sensitive data on an open route: every handoff rule fires.
#[test]
fn handoff_rules_draft_their_phase_effort_owner_and_effect() {
    let mut ws = Workspace::new_file("Handoffs");
    let j = journey("Claim", 0);
    let jid = j.id.clone();
    apply(&mut ws, Edit::CreateJourney { journey: j });
    let st = stage(&jid, "Call", 0);
    let stid = st.id.clone();
    apply(&mut ws, Edit::CreateStage { stage: st });
    let mut sales = lane(&jid, "Sales", LaneKind::Actor, 0);
    sales.department = Some("Sales".into());
    let mut claims = lane(&jid, "Claims", LaneKind::Actor, 1);
    claims.department = Some("Claims".into());
    let (sl, cl) = (sales.id.clone(), claims.id.clone());
    apply(&mut ws, Edit::CreateLane { lane: sales });
    apply(&mut ws, Edit::CreateLane { lane: claims });
    let mut first = step(&jid, &stid, &sl, "Takes the call", 0);
    first.touchpoint = Some(Channel::Phone);
    first.verification = true;
    let mut second = step(&jid, &stid, &cl, "Handles the claim", 0);
    second.touchpoint = Some(Channel::Phone);
    let (a, b) = (first.id.clone(), second.id.clone());
    apply(&mut ws, Edit::CreateStep { step: first });
    apply(&mut ws, Edit::CreateStep { step: second });
    let mut h = handoff(&jid, &a, &b);
    h.mode = HandoffMode::Blind;
    h.context = ContextTransfer::None;
    h.customer_repeats = true;
    h.reverify = true;
    h.sensitive = true;
    let hid = h.id.clone();
    apply(&mut ws, Edit::ConnectHandoff { handoff: h });
    let csat = metric_named(&ws, "CSAT");
    apply(
        &mut ws,
        Edit::CreateTarget {
            target: target(subject_step(&b), &csat, 80.0),
        },
    );
    let draft = draft_plan(&ws, &jid).expect("drafts").expect("adds");
    let drafted = created(&draft);
    let phases: Vec<Id> = ws.phases_in_order().iter().map(|p| p.id.clone()).collect();
    let by_rule: BTreeMap<String, &Initiative> = drafted
        .iter()
        .map(|i| {
            (
                i.suggestion_keys[0]
                    .split(':')
                    .next()
                    .unwrap_or("")
                    .to_owned(),
                i,
            )
        })
        .collect();
    // Friction: blind 25 + none 20 + reverify 15 + repeats 15 + department 5 + open sensitive
    // route 10 = 90: every handoff initiative has impact 5.
    let effect = Some(ExpectedEffect {
        metric_id: csat.clone(),
        subject: Some(subject_step(&b)),
        value: 80.0,
    });
    for (rule, phase, effort, owner) in [
        ("send_notes", 0, 1, "Sales"),
        ("secure_route", 0, 2, "Sales"),
        ("blind_to_assisted", 1, 2, "Sales"),
        ("carry_verification", 1, 3, "Claims"),
    ] {
        let i = by_rule
            .get(rule)
            .unwrap_or_else(|| panic!("{rule} drafted: {by_rule:?}"));
        assert_eq!(i.phase_id, phases[phase], "{rule}");
        assert_eq!((i.effort, i.impact), (effort, 5), "{rule}");
        assert_eq!(i.owner, owner, "{rule}");
        assert_eq!(i.handoff_ids, vec![hid.clone()], "{rule}");
        assert_eq!(i.expected_effect, effect, "{rule}");
    }
    // The two unscored touchpoints become one initiative in phase 1, effort 1, no owner.
    let measure = by_rule["measure_touchpoint"];
    assert_eq!(measure.title, "Measure the 2 unscored touchpoints");
    assert_eq!(measure.suggestion_keys.len(), 2);
    assert_eq!(
        (
            measure.phase_id.as_str(),
            measure.effort,
            measure.owner.as_str()
        ),
        (phases[0].as_str(), 1, "")
    );
    // Two parties own touchpoints in one stage: concentrate them, phase 2, effort 4, no owner.
    let concentrate = by_rule["concentrate_touchpoints"];
    assert_eq!(
        (
            concentrate.phase_id.as_str(),
            concentrate.effort,
            concentrate.owner.as_str()
        ),
        (phases[1].as_str(), 4, "")
    );
    assert_eq!(concentrate.title, "Concentrate the touchpoints of Call");
    assert_eq!(drafted.len(), 6);
    // Applied, it is valid and complete.
    apply(&mut ws, draft);
    assert_eq!(draft_plan(&ws, &jid), Ok(None));
}

#[test]
fn drafting_needs_the_journey_and_a_phase() {
    let (mut ws, _) = bank();
    let err = draft_plan(&ws, "nope").expect_err("no such journey");
    assert_eq!(
        (err.kind, err.entity),
        (EditErrorKind::NotFound, EntityKind::Journey)
    );
    let journey = ws.journeys.keys().next().cloned().expect("a journey");
    for id in ws.phases.keys().cloned().collect::<Vec<_>>() {
        apply(&mut ws, Edit::DeletePhase { id });
    }
    let err = draft_plan(&ws, &journey).expect_err("no phase");
    assert_eq!(
        (err.kind, err.entity),
        (EditErrorKind::NotFound, EntityKind::Phase)
    );
}

/// Drafting from a held analysis drafts what analysing anew drafts; without the journey's
/// analysis among those held, the journey counts as not found.
#[test]
fn a_draft_from_the_held_analysis_equals_a_fresh_one() {
    let (ws, journey) = bank();
    let described = |edit: &Edit| -> Vec<(String, String, u8, u8, String)> {
        created(edit)
            .into_iter()
            .map(|i| (i.phase_id, i.title, i.impact, i.effort, i.owner))
            .collect()
    };
    let fresh = draft_plan(&ws, &journey).expect("drafts").expect("adds");
    let held = analyse_for_plan(&ws, &PlanFilter::default());
    let from_held = draft_plan_from(&ws, &journey, &held)
        .expect("drafts")
        .expect("adds");
    assert_eq!(described(&from_held), described(&fresh));
    let err = draft_plan_from(&ws, &journey, &JourneyAnalyses::new()).expect_err("not held");
    assert_eq!(
        (err.kind, err.entity),
        (EditErrorKind::NotFound, EntityKind::Journey)
    );
}
