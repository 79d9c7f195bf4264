//! A small, realistic client file for the apply tests: the bank's lost-card journey.
#![allow(dead_code)]

use baton_core::*;
use chrono::{NaiveDate, TimeZone, Utc};

/// Ids of the fixture's entities, for tests to refer to.
pub struct Fixture {
    pub ws: Workspace,
    pub persona: Id,
    pub journey: Id,
    pub stages: Vec<Id>,
    /// customer, agent (actor, in house), cards team (actor, offshore), emotion
    pub lanes: Vec<Id>,
    /// call (customer, stage 0), verify (agent, stage 0), answer (agent, stage 0, pos 1),
    /// block (cards, stage 1), verify again (cards, stage 1, pos 1), feeling (emotion, stage 1)
    pub steps: Vec<Id>,
    /// agent verify -> cards block (blind, with a checklist), customer call -> agent verify
    pub handoffs: Vec<Id>,
    pub csat: Id,
    pub nps: Id,
    pub phases: Vec<Id>,
    pub initiative: Id,
    pub target: Id,
    pub responses: Vec<Id>,
    pub score: Id,
    pub snapshot: Id,
}

pub fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

pub fn apply(ws: &mut Workspace, edit: Edit) -> Applied {
    ws.apply(&edit)
        .unwrap_or_else(|e| panic!("{edit:?} failed: {e:?}"))
}

pub fn stage(journey: &str, name: &str, position: u32) -> Stage {
    Stage {
        id: new_id(),
        journey_id: journey.into(),
        name: name.into(),
        description: String::new(),
        position,
        origin_id: None,
    }
}

pub fn lane(journey: &str, name: &str, kind: LaneKind, position: u32) -> Lane {
    Lane {
        id: new_id(),
        journey_id: journey.into(),
        name: name.into(),
        kind,
        position,
        department: None,
        sourcing: None,
        work: None,
        visibility: None,
        origin_id: None,
    }
}

pub fn step(journey: &str, stage: &str, lane: &str, title: &str, position: u32) -> Step {
    Step {
        id: new_id(),
        journey_id: journey.into(),
        stage_id: stage.into(),
        lane_id: lane.into(),
        position,
        title: title.into(),
        notes: String::new(),
        touchpoint: None,
        verification: false,
        resolution: false,
        emotion: None,
        origin_id: None,
    }
}

pub fn handoff(journey: &str, from: &str, to: &str) -> Handoff {
    Handoff {
        id: new_id(),
        journey_id: journey.into(),
        from_step_id: from.into(),
        to_step_id: to.into(),
        mode: HandoffMode::Assisted,
        context: ContextTransfer::Full,
        customer_repeats: false,
        reverify: false,
        wait_minutes: 0,
        sensitive: false,
        secure_channel: false,
        checklist: vec![],
        note: String::new(),
        origin_id: None,
    }
}

pub fn item(text: &str) -> ChecklistItem {
    ChecklistItem {
        id: new_id(),
        text: text.into(),
        done: false,
    }
}

pub fn subject_step(id: &str) -> Subject {
    Subject {
        kind: SubjectKind::Step,
        id: id.into(),
    }
}

pub fn subject_handoff(id: &str) -> Subject {
    Subject {
        kind: SubjectKind::Handoff,
        id: id.into(),
    }
}

pub fn response(subject: Subject, metric: &str, value: f64) -> SurveyResponse {
    SurveyResponse {
        id: new_id(),
        subject,
        metric_id: metric.into(),
        value,
        date: date(2026, 10, 1),
        respondent: Some("r-1".into()),
        comment: Some("They made me repeat everything".into()),
    }
}

pub fn score(subject: Subject, metric: &str, value: f64) -> Score {
    Score {
        id: new_id(),
        subject,
        metric_id: metric.into(),
        value,
        sample_size: 40,
        period_start: date(2026, 9, 1),
        period_end: date(2026, 9, 30),
        source: "Q3 survey".into(),
    }
}

pub fn target(subject: Subject, metric: &str, value: f64) -> Target {
    Target {
        id: new_id(),
        subject,
        metric_id: metric.into(),
        value,
    }
}

pub fn phase(name: &str, position: u32) -> Phase {
    Phase {
        id: new_id(),
        name: name.into(),
        goal: String::new(),
        start: None,
        end: None,
        position,
    }
}

pub fn initiative(phase: &str, title: &str, position: u32) -> Initiative {
    Initiative {
        id: new_id(),
        phase_id: phase.into(),
        position,
        title: title.into(),
        description: String::new(),
        owner: "Ops lead".into(),
        status: InitiativeStatus::Proposed,
        impact: 4,
        effort: 2,
        started: None,
        due: None,
        step_ids: vec![],
        handoff_ids: vec![],
        suggestion_keys: vec![],
        expected_effect: None,
    }
}

pub fn journey(name: &str, position: u32) -> Journey {
    Journey {
        id: new_id(),
        name: name.into(),
        description: String::new(),
        persona_id: None,
        state: JourneyState::Current,
        origin_id: None,
        position,
    }
}

/// The metric of a new file with this name.
pub fn metric_named(ws: &Workspace, name: &str) -> Id {
    ws.metrics
        .values()
        .find(|m| m.name == name)
        .unwrap()
        .id
        .clone()
}

/// Builds the fixture through the same edits a user would make.
pub fn fixture() -> Fixture {
    let mut ws = Workspace::new_file("Acme Bank");
    let csat = metric_named(&ws, "CSAT");
    let nps = metric_named(&ws, "NPS");
    let phases: Vec<Id> = ws.phases_in_order().iter().map(|p| p.id.clone()).collect();

    let persona = Persona {
        id: new_id(),
        name: "Card holder".into(),
        role: "Retail customer".into(),
        description: String::new(),
        position: 0,
        goals: String::new(),
        frustrations: String::new(),
    };
    apply(
        &mut ws,
        Edit::CreatePersona {
            persona: persona.clone(),
        },
    );
    let mut lost_card = journey("Report a lost card", 0);
    lost_card.persona_id = Some(persona.id.clone());
    let j = lost_card.id.clone();
    apply(&mut ws, Edit::CreateJourney { journey: lost_card });
    apply(
        &mut ws,
        Edit::CreateJourney {
            journey: journey("Open an account", 1),
        },
    );

    let stages = vec![
        stage(&j, "Call", 0),
        stage(&j, "Block", 1),
        stage(&j, "Follow up", 2),
    ];
    let mut agent = lane(&j, "Agent", LaneKind::Actor, 1);
    agent.department = Some("Contact centre".into());
    agent.sourcing = Some(Sourcing::InHouse);
    let mut cards = lane(&j, "Cards team", LaneKind::Actor, 2);
    cards.department = Some("Cards".into());
    cards.sourcing = Some(Sourcing::Offshore);
    let lanes = vec![
        lane(&j, "Customer", LaneKind::Customer, 0),
        agent,
        cards,
        lane(&j, "Feeling", LaneKind::Emotion, 3),
    ];
    for s in &stages {
        apply(&mut ws, Edit::CreateStage { stage: s.clone() });
    }
    for l in &lanes {
        apply(&mut ws, Edit::CreateLane { lane: l.clone() });
    }
    let (s0, s1) = (&stages[0].id, &stages[1].id);
    let mut call = step(&j, s0, &lanes[0].id, "Calls the bank", 0);
    call.touchpoint = Some(Channel::Phone);
    let mut verify = step(&j, s0, &lanes[1].id, "Agent verifies identity", 0);
    verify.verification = true;
    verify.touchpoint = Some(Channel::Phone);
    let answer = step(&j, s0, &lanes[1].id, "Agent takes the report", 1);
    let mut block = step(&j, s1, &lanes[2].id, "Cards team blocks the card", 0);
    block.touchpoint = Some(Channel::Phone);
    let mut verify_again = step(&j, s1, &lanes[2].id, "Verifies again", 1);
    verify_again.verification = true;
    let mut feeling = step(&j, s1, &lanes[3].id, "Anxious", 0);
    feeling.emotion = Some(-2);
    let steps = vec![call, verify, answer, block, verify_again, feeling];
    let step_ids: Vec<Id> = steps.iter().map(|s| s.id.clone()).collect();
    for s in steps {
        apply(&mut ws, Edit::CreateStep { step: s });
    }
    let mut blind = handoff(&j, &step_ids[1], &step_ids[3]);
    blind.mode = HandoffMode::Blind;
    blind.context = ContextTransfer::None;
    blind.reverify = true;
    blind.customer_repeats = true;
    blind.wait_minutes = 12;
    blind.checklist = vec![item("Card number"), item("Last transactions")];
    let greet = handoff(&j, &step_ids[0], &step_ids[1]);
    let handoffs = vec![blind.id.clone(), greet.id.clone()];
    apply(&mut ws, Edit::ConnectHandoff { handoff: blind });
    apply(&mut ws, Edit::ConnectHandoff { handoff: greet });

    let t = target(subject_step(&step_ids[3]), &csat, 80.0);
    let target_id = t.id.clone();
    apply(&mut ws, Edit::CreateTarget { target: t });
    let rs = vec![
        response(subject_step(&step_ids[3]), &csat, 2.0),
        response(subject_step(&step_ids[3]), &csat, 4.0),
        response(subject_handoff(&handoffs[0]), &nps, 3.0),
        response(subject_step(&step_ids[0]), &csat, 5.0),
    ];
    let response_ids = rs.iter().map(|r| r.id.clone()).collect();
    apply(&mut ws, Edit::AddResponses { responses: rs });
    let sc = score(subject_handoff(&handoffs[0]), &nps, -20.0);
    let score_id = sc.id.clone();
    apply(&mut ws, Edit::CreateScore { score: sc });

    let mut fix = initiative(&phases[0], "Warm transfer to the cards team", 0);
    fix.step_ids = vec![step_ids[3].clone(), step_ids[0].clone()];
    fix.handoff_ids = vec![handoffs[0].clone()];
    fix.expected_effect = Some(ExpectedEffect {
        metric_id: csat.clone(),
        subject: Some(subject_step(&step_ids[3])),
        value: 85.0,
    });
    let initiative_id = fix.id.clone();
    apply(&mut ws, Edit::CreateInitiative { initiative: fix });
    apply(
        &mut ws,
        Edit::CreateInitiative {
            initiative: initiative(&phases[0], "Train agents", 1),
        },
    );

    let model = ws.journey_model(&j).unwrap();
    let snapshot = Snapshot {
        id: new_id(),
        journey_id: j.clone(),
        name: "Baseline, November".into(),
        created_at: Utc.with_ymd_and_hms(2026, 11, 1, 9, 0, 0).unwrap(),
        model,
    };
    let snapshot_id = snapshot.id.clone();
    apply(&mut ws, Edit::CreateSnapshot { snapshot });

    Fixture {
        ws,
        persona: persona.id,
        journey: j,
        stages: stages.into_iter().map(|s| s.id).collect(),
        lanes: lanes.into_iter().map(|l| l.id).collect(),
        steps: step_ids,
        handoffs,
        csat,
        nps,
        phases,
        initiative: initiative_id,
        target: target_id,
        responses: response_ids,
        score: score_id,
        snapshot: snapshot_id,
    }
}

/// Apply `edit`, undo it, redo it: the undo gives back the state before, and the inverse of the
/// inverse gives back the state after. Returns what the edit applied.
pub fn assert_round_trip(ws: &mut Workspace, edit: &Edit) -> Applied {
    let before = ws.clone();
    let applied = ws
        .apply(edit)
        .unwrap_or_else(|e| panic!("{edit:?} failed: {e:?}"));
    let after = ws.clone();
    let undone = ws
        .apply(&applied.inverse)
        .unwrap_or_else(|e| panic!("undo failed: {e:?}"));
    assert_eq!(
        *ws, before,
        "the inverse of {edit:?} did not restore the state before"
    );
    ws.apply(&undone.inverse)
        .unwrap_or_else(|e| panic!("redo failed: {e:?}"));
    assert_eq!(
        *ws, after,
        "the inverse of the inverse of {edit:?} did not give the state after"
    );
    applied
}

/// Check that every sibling group has dense positions 0..n-1.
pub fn assert_dense_positions(ws: &Workspace) {
    fn dense(mut positions: Vec<u32>, what: &str) {
        positions.sort_unstable();
        let expected: Vec<u32> = (0..positions.len() as u32).collect();
        assert_eq!(positions, expected, "positions of {what} are not dense");
    }
    dense(
        ws.personas.values().map(|p| p.position).collect(),
        "personas",
    );
    dense(
        ws.journeys.values().map(|p| p.position).collect(),
        "journeys",
    );
    dense(ws.metrics.values().map(|p| p.position).collect(), "metrics");
    dense(ws.phases.values().map(|p| p.position).collect(), "phases");
    for j in ws.journeys.keys() {
        dense(
            ws.stages
                .values()
                .filter(|s| &s.journey_id == j)
                .map(|s| s.position)
                .collect(),
            "stages",
        );
        dense(
            ws.lanes
                .values()
                .filter(|s| &s.journey_id == j)
                .map(|s| s.position)
                .collect(),
            "lanes",
        );
    }
    for s in ws.stages.keys() {
        for l in ws.lanes.keys() {
            dense(
                ws.steps
                    .values()
                    .filter(|x| &x.stage_id == s && &x.lane_id == l)
                    .map(|x| x.position)
                    .collect(),
                "steps of a cell",
            );
        }
    }
    for p in ws.phases.keys() {
        dense(
            ws.initiatives
                .values()
                .filter(|i| &i.phase_id == p)
                .map(|i| i.position)
                .collect(),
            "initiatives",
        );
    }
}
