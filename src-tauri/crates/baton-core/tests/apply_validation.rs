//! Every validation rule of `Workspace::apply`: the typed error names the kind, entity and field,
//! and the workspace is left exactly as it was.
mod support;

use baton_core::*;
use support::*;

/// Apply an edit that must fail; check the error and that nothing changed.
fn rejects(
    f: &mut Fixture,
    edit: Edit,
    kind: EditErrorKind,
    entity: EntityKind,
    field: &str,
) -> EditError {
    let before = f.ws.clone();
    let error =
        f.ws.apply(&edit)
            .expect_err("the edit should have been refused");
    assert_eq!(f.ws, before, "a refused edit changed the workspace");
    assert_eq!(
        (error.kind, error.entity, error.field.as_deref()),
        (kind, entity, Some(field)),
        "unexpected error {error:?}"
    );
    assert!(!error.message.is_empty());
    error
}

fn existing_step(f: &Fixture, index: usize) -> Step {
    f.ws.steps[&f.steps[index]].clone()
}

fn new_step_in(f: &Fixture, stage: usize, lane: usize) -> Step {
    let position = f.ws.steps_of_cell(&f.stages[stage], &f.lanes[lane]).len() as u32;
    step(
        &f.journey,
        &f.stages[stage],
        &f.lanes[lane],
        "New card",
        position,
    )
}

#[test]
fn titles_are_trimmed_and_one_to_two_hundred_characters() {
    let mut f = fixture();
    let mut s = new_step_in(&f, 2, 0);
    s.title = "   ".into();
    rejects(
        &mut f,
        Edit::CreateStep { step: s.clone() },
        EditErrorKind::Empty,
        EntityKind::Step,
        "title",
    );
    s.title = "x".repeat(201);
    rejects(
        &mut f,
        Edit::CreateStep { step: s.clone() },
        EditErrorKind::TooLong,
        EntityKind::Step,
        "title",
    );
    // Characters, not bytes: 200 two-byte characters plus surrounding blanks are fine.
    s.title = format!("  {}  ", "é".repeat(200));
    f.ws.apply(&Edit::CreateStep { step: s.clone() }).unwrap();
    assert_eq!(f.ws.steps[&s.id].title, "é".repeat(200));
}

#[test]
fn every_required_name_refuses_blank_text() {
    let mut f = fixture();
    let j = f.journey.clone();
    let mut p = Persona {
        id: new_id(),
        name: " ".into(),
        role: String::new(),
        description: String::new(),
        position: 1,
        goals: String::new(),
        frustrations: String::new(),
    };
    rejects(
        &mut f,
        Edit::CreatePersona { persona: p.clone() },
        EditErrorKind::Empty,
        EntityKind::Persona,
        "name",
    );
    p.name = "y".repeat(201);
    rejects(
        &mut f,
        Edit::CreatePersona { persona: p },
        EditErrorKind::TooLong,
        EntityKind::Persona,
        "name",
    );
    rejects(
        &mut f,
        Edit::CreateJourney {
            journey: journey("", 2),
        },
        EditErrorKind::Empty,
        EntityKind::Journey,
        "name",
    );
    rejects(
        &mut f,
        Edit::CreateStage {
            stage: stage(&j, "\t", 3),
        },
        EditErrorKind::Empty,
        EntityKind::Stage,
        "name",
    );
    rejects(
        &mut f,
        Edit::CreateLane {
            lane: lane(&j, "", LaneKind::Notes, 4),
        },
        EditErrorKind::Empty,
        EntityKind::Lane,
        "name",
    );
    let mut metric = f.ws.metrics[&f.csat].clone();
    metric.name = " ".into();
    rejects(
        &mut f,
        Edit::UpdateMetric { metric },
        EditErrorKind::Empty,
        EntityKind::Metric,
        "name",
    );
    rejects(
        &mut f,
        Edit::CreatePhase {
            phase: phase("", 3),
        },
        EditErrorKind::Empty,
        EntityKind::Phase,
        "name",
    );
    let i = initiative(&f.phases[1], " ", 0);
    rejects(
        &mut f,
        Edit::CreateInitiative { initiative: i },
        EditErrorKind::Empty,
        EntityKind::Initiative,
        "title",
    );
    let rename = Edit::RenameSnapshot {
        id: f.snapshot.clone(),
        name: "".into(),
    };
    rejects(
        &mut f,
        rename,
        EditErrorKind::Empty,
        EntityKind::Snapshot,
        "name",
    );
    let add = Edit::AddChecklistItem {
        handoff_id: f.handoffs[0].clone(),
        item: item("  "),
        position: 0,
    };
    rejects(
        &mut f,
        add,
        EditErrorKind::Empty,
        EntityKind::ChecklistItem,
        "text",
    );
    let info = WorkspaceInfo {
        name: "".into(),
        description: String::new(),
    };
    let error = rejects(
        &mut f,
        Edit::SetWorkspaceInfo { info },
        EditErrorKind::Empty,
        EntityKind::Workspace,
        "name",
    );
    assert_eq!(error.id.as_deref(), Some(""));
}

#[test]
fn long_texts_stop_at_ten_thousand_characters() {
    let mut f = fixture();
    let mut s = existing_step(&f, 0);
    s.notes = "n".repeat(10_000);
    f.ws.apply(&Edit::UpdateStep { step: s.clone() }).unwrap();
    s.notes = "n".repeat(10_001);
    rejects(
        &mut f,
        Edit::UpdateStep { step: s },
        EditErrorKind::TooLong,
        EntityKind::Step,
        "notes",
    );
    let mut h = f.ws.handoffs[&f.handoffs[0]].clone();
    h.note = "n".repeat(10_001);
    rejects(
        &mut f,
        Edit::UpdateHandoff { handoff: h },
        EditErrorKind::TooLong,
        EntityKind::Handoff,
        "note",
    );
    let mut p = f.ws.phases[&f.phases[0]].clone();
    p.goal = "g".repeat(10_001);
    rejects(
        &mut f,
        Edit::UpdatePhase { phase: p },
        EditErrorKind::TooLong,
        EntityKind::Phase,
        "goal",
    );
    let mut r = response(subject_step(&f.steps[0]), &f.csat, 3.0);
    r.comment = Some("c".repeat(10_001));
    rejects(
        &mut f,
        Edit::AddResponses { responses: vec![r] },
        EditErrorKind::TooLong,
        EntityKind::Response,
        "comment",
    );
    let mut i = f.ws.initiatives[&f.initiative].clone();
    i.description = "d".repeat(10_001);
    rejects(
        &mut f,
        Edit::UpdateInitiative { initiative: i },
        EditErrorKind::TooLong,
        EntityKind::Initiative,
        "description",
    );
}

#[test]
fn created_ids_must_be_new_uuids() {
    let mut f = fixture();
    let mut s = new_step_in(&f, 2, 0);
    s.id = "step-1".into();
    let error = rejects(
        &mut f,
        Edit::CreateStep { step: s.clone() },
        EditErrorKind::InvalidId,
        EntityKind::Step,
        "id",
    );
    assert_eq!(error.id.as_deref(), Some("step-1"));
    s.id = f.steps[0].clone();
    rejects(
        &mut f,
        Edit::CreateStep { step: s },
        EditErrorKind::AlreadyExists,
        EntityKind::Step,
        "id",
    );
    let mut t = target(subject_step(&f.steps[0]), &f.csat, 90.0);
    t.id = f.target.clone();
    rejects(
        &mut f,
        Edit::CreateTarget { target: t },
        EditErrorKind::AlreadyExists,
        EntityKind::Target,
        "id",
    );
    let bad_item = ChecklistItem {
        id: "nope".into(),
        text: "Card".into(),
        done: false,
    };
    let add = Edit::AddChecklistItem {
        handoff_id: f.handoffs[0].clone(),
        item: bad_item,
        position: 0,
    };
    rejects(
        &mut f,
        add,
        EditErrorKind::InvalidId,
        EntityKind::ChecklistItem,
        "id",
    );
}

#[test]
fn references_must_exist() {
    let mut f = fixture();
    let ghost = new_id();
    rejects(
        &mut f,
        Edit::CreateStage {
            stage: stage(&ghost, "Call", 0),
        },
        EditErrorKind::NotFound,
        EntityKind::Stage,
        "journey_id",
    );
    let mut s = new_step_in(&f, 0, 0);
    s.stage_id = ghost.clone();
    rejects(
        &mut f,
        Edit::CreateStep { step: s.clone() },
        EditErrorKind::NotFound,
        EntityKind::Step,
        "stage_id",
    );
    s.stage_id = f.stages[0].clone();
    s.lane_id = ghost.clone();
    rejects(
        &mut f,
        Edit::CreateStep { step: s },
        EditErrorKind::NotFound,
        EntityKind::Step,
        "lane_id",
    );
    let h = handoff(&f.journey, &ghost, &f.steps[1]);
    rejects(
        &mut f,
        Edit::ConnectHandoff { handoff: h },
        EditErrorKind::NotFound,
        EntityKind::Handoff,
        "from_step_id",
    );
    let mut j = journey("Copy", 2);
    j.persona_id = Some(ghost.clone());
    rejects(
        &mut f,
        Edit::CreateJourney { journey: j.clone() },
        EditErrorKind::NotFound,
        EntityKind::Journey,
        "persona_id",
    );
    j.persona_id = None;
    j.origin_id = Some(ghost.clone());
    rejects(
        &mut f,
        Edit::CreateJourney { journey: j },
        EditErrorKind::NotFound,
        EntityKind::Journey,
        "origin_id",
    );
    let snapshot = Snapshot {
        journey_id: ghost.clone(),
        id: new_id(),
        ..f.ws.snapshots[&f.snapshot].clone()
    };
    rejects(
        &mut f,
        Edit::CreateSnapshot { snapshot },
        EditErrorKind::NotFound,
        EntityKind::Snapshot,
        "journey_id",
    );
    let missing =
        f.ws.apply(&Edit::DeleteStep { id: ghost.clone() })
            .unwrap_err();
    assert_eq!(
        (missing.kind, missing.entity),
        (EditErrorKind::NotFound, EntityKind::Step)
    );
}

#[test]
fn targets_responses_and_scores_need_their_subject_and_metric() {
    let mut f = fixture();
    let ghost = new_id();
    let t = target(subject_step(&ghost), &f.csat, 80.0);
    rejects(
        &mut f,
        Edit::CreateTarget { target: t },
        EditErrorKind::NotFound,
        EntityKind::Target,
        "subject",
    );
    let t = target(subject_step(&f.steps[0]), &ghost, 80.0);
    rejects(
        &mut f,
        Edit::CreateTarget { target: t },
        EditErrorKind::NotFound,
        EntityKind::Target,
        "metric_id",
    );
    let r = response(subject_handoff(&ghost), &f.csat, 4.0);
    rejects(
        &mut f,
        Edit::AddResponses { responses: vec![r] },
        EditErrorKind::NotFound,
        EntityKind::Response,
        "subject",
    );
    let r = response(subject_step(&f.steps[0]), &ghost, 4.0);
    rejects(
        &mut f,
        Edit::AddResponses { responses: vec![r] },
        EditErrorKind::NotFound,
        EntityKind::Response,
        "metric_id",
    );
    let s = score(subject_step(&ghost), &f.csat, 50.0);
    rejects(
        &mut f,
        Edit::CreateScore { score: s },
        EditErrorKind::NotFound,
        EntityKind::Score,
        "subject",
    );
    let s = score(subject_step(&f.steps[0]), &ghost, 50.0);
    rejects(
        &mut f,
        Edit::CreateScore { score: s },
        EditErrorKind::NotFound,
        EntityKind::Score,
        "metric_id",
    );
}

#[test]
fn initiatives_need_their_phase_links_and_expected_effect() {
    let mut f = fixture();
    let ghost = new_id();
    let base = initiative(&f.phases[1], "Flag long chains", 0);
    let with = |change: &dyn Fn(&mut Initiative)| {
        let mut i = base.clone();
        change(&mut i);
        Edit::CreateInitiative { initiative: i }
    };
    let e = with(&|i| i.phase_id = ghost.clone());
    rejects(
        &mut f,
        e,
        EditErrorKind::NotFound,
        EntityKind::Initiative,
        "phase_id",
    );
    let e = with(&|i| i.step_ids = vec![ghost.clone()]);
    rejects(
        &mut f,
        e,
        EditErrorKind::NotFound,
        EntityKind::Initiative,
        "step_ids",
    );
    let e = with(&|i| i.handoff_ids = vec![ghost.clone()]);
    rejects(
        &mut f,
        e,
        EditErrorKind::NotFound,
        EntityKind::Initiative,
        "handoff_ids",
    );
    let e = with(&|i| {
        i.expected_effect = Some(ExpectedEffect {
            metric_id: ghost.clone(),
            subject: None,
            value: 80.0,
        })
    });
    rejects(
        &mut f,
        e,
        EditErrorKind::NotFound,
        EntityKind::Initiative,
        "expected_effect.metric_id",
    );
    let csat = f.csat.clone();
    let e = with(&|i| {
        i.expected_effect = Some(ExpectedEffect {
            metric_id: csat.clone(),
            subject: Some(subject_handoff(&ghost)),
            value: 80.0,
        })
    });
    rejects(
        &mut f,
        e,
        EditErrorKind::NotFound,
        EntityKind::Initiative,
        "expected_effect.subject",
    );
    for (field, bad) in [("impact", 0u8), ("impact", 6), ("effort", 0), ("effort", 6)] {
        let e = with(&|i| {
            if field == "impact" {
                i.impact = bad
            } else {
                i.effort = bad
            }
        });
        rejects(
            &mut f,
            e,
            EditErrorKind::OutOfRange,
            EntityKind::Initiative,
            field,
        );
    }
}

#[test]
fn a_handoff_crosses_lanes_within_one_journey() {
    let mut f = fixture();
    let j = f.journey.clone();
    let h = handoff(&j, &f.steps[1], &f.steps[1]);
    rejects(
        &mut f,
        Edit::ConnectHandoff { handoff: h },
        EditErrorKind::NotAllowed,
        EntityKind::Handoff,
        "to_step_id",
    );
    // Steps 1 and 2 are both on the agent lane.
    let h = handoff(&j, &f.steps[1], &f.steps[2]);
    rejects(
        &mut f,
        Edit::ConnectHandoff { handoff: h },
        EditErrorKind::NotAllowed,
        EntityKind::Handoff,
        "to_step_id",
    );
    // A step of the other journey.
    let other = f.ws.journeys_in_order()[1].id.clone();
    let st = stage(&other, "Apply", 0);
    let ln = lane(&other, "Customer", LaneKind::Customer, 0);
    let foreign = step(&other, &st.id, &ln.id, "Fills the form", 0);
    apply(&mut f.ws, Edit::CreateStage { stage: st });
    apply(&mut f.ws, Edit::CreateLane { lane: ln });
    apply(
        &mut f.ws,
        Edit::CreateStep {
            step: foreign.clone(),
        },
    );
    let h = handoff(&j, &f.steps[1], &foreign.id);
    rejects(
        &mut f,
        Edit::ConnectHandoff { handoff: h },
        EditErrorKind::CrossJourney,
        EntityKind::Handoff,
        "to_step_id",
    );
    let mut h = f.ws.handoffs[&f.handoffs[0]].clone();
    h.wait_minutes = 525_601;
    rejects(
        &mut f,
        Edit::UpdateHandoff { handoff: h.clone() },
        EditErrorKind::OutOfRange,
        EntityKind::Handoff,
        "wait_minutes",
    );
    h.wait_minutes = 525_600;
    f.ws.apply(&Edit::UpdateHandoff { handoff: h }).unwrap();
}

#[test]
fn a_steps_stage_and_lane_belong_to_its_journey() {
    let mut f = fixture();
    let other = f.ws.journeys_in_order()[1].id.clone();
    let st = stage(&other, "Apply", 0);
    let ln = lane(&other, "Customer", LaneKind::Customer, 0);
    apply(&mut f.ws, Edit::CreateStage { stage: st.clone() });
    apply(&mut f.ws, Edit::CreateLane { lane: ln.clone() });
    let mut s = new_step_in(&f, 0, 0);
    s.stage_id = st.id.clone();
    s.position = 0;
    rejects(
        &mut f,
        Edit::CreateStep { step: s },
        EditErrorKind::CrossJourney,
        EntityKind::Step,
        "stage_id",
    );
    let mut s = new_step_in(&f, 0, 0);
    s.lane_id = ln.id.clone();
    s.position = 0;
    rejects(
        &mut f,
        Edit::CreateStep { step: s },
        EditErrorKind::CrossJourney,
        EntityKind::Step,
        "lane_id",
    );
    let move_away = Edit::MoveStep {
        id: f.steps[0].clone(),
        stage_id: st.id,
        lane_id: ln.id,
        position: 0,
    };
    rejects(
        &mut f,
        move_away,
        EditErrorKind::CrossJourney,
        EntityKind::Step,
        "stage_id",
    );
}

#[test]
fn step_markers_fit_their_lane() {
    let mut f = fixture();
    let mut s = existing_step(&f, 5); // on the emotion lane
    s.emotion = Some(4);
    rejects(
        &mut f,
        Edit::UpdateStep { step: s.clone() },
        EditErrorKind::OutOfRange,
        EntityKind::Step,
        "emotion",
    );
    s.emotion = Some(-4);
    rejects(
        &mut f,
        Edit::UpdateStep { step: s.clone() },
        EditErrorKind::OutOfRange,
        EntityKind::Step,
        "emotion",
    );
    s.emotion = Some(3);
    f.ws.apply(&Edit::UpdateStep { step: s.clone() }).unwrap();
    for (field, mark) in [
        (
            "touchpoint",
            &(|s: &mut Step| s.touchpoint = Some(Channel::Chat)) as &dyn Fn(&mut Step),
        ),
        ("verification", &|s: &mut Step| s.verification = true),
        ("resolution", &|s: &mut Step| s.resolution = true),
    ] {
        let mut marked = s.clone();
        mark(&mut marked);
        rejects(
            &mut f,
            Edit::UpdateStep { step: marked },
            EditErrorKind::NotAllowed,
            EntityKind::Step,
            field,
        );
    }
    let mut agent_step = existing_step(&f, 1);
    agent_step.emotion = Some(1);
    rejects(
        &mut f,
        Edit::UpdateStep { step: agent_step },
        EditErrorKind::NotAllowed,
        EntityKind::Step,
        "emotion",
    );
    // Moving a touchpoint onto the emotion lane is refused the same way.
    let onto_emotion = Edit::MoveStep {
        id: f.steps[0].clone(),
        stage_id: f.stages[0].clone(),
        lane_id: f.lanes[3].clone(),
        position: 0,
    };
    rejects(
        &mut f,
        onto_emotion,
        EditErrorKind::NotAllowed,
        EntityKind::Step,
        "touchpoint",
    );
}

#[test]
fn actor_attributes_only_on_actor_lanes() {
    let mut f = fixture();
    let customer = f.ws.lanes[&f.lanes[0]].clone();
    for field in ["department", "sourcing", "work", "visibility"] {
        let mut l = customer.clone();
        match field {
            "department" => l.department = Some("Sales".into()),
            "sourcing" => l.sourcing = Some(Sourcing::Outsourced),
            "work" => l.work = Some(Work::Automated),
            _ => l.visibility = Some(Visibility::Backstage),
        }
        rejects(
            &mut f,
            Edit::UpdateLane { lane: l },
            EditErrorKind::NotAllowed,
            EntityKind::Lane,
            field,
        );
    }
}

#[test]
fn a_lane_kind_cannot_change_under_steps_it_would_break() {
    let mut f = fixture();
    let mut emotion = f.ws.lanes[&f.lanes[3]].clone();
    emotion.kind = LaneKind::Actor;
    rejects(
        &mut f,
        Edit::UpdateLane { lane: emotion },
        EditErrorKind::NotAllowed,
        EntityKind::Lane,
        "kind",
    );
    let mut agent = f.ws.lanes[&f.lanes[1]].clone();
    agent.kind = LaneKind::Thoughts;
    agent.department = None;
    agent.sourcing = None;
    rejects(
        &mut f,
        Edit::UpdateLane {
            lane: agent.clone(),
        },
        EditErrorKind::NotAllowed,
        EntityKind::Lane,
        "kind",
    );
    // Customer and actor lanes allow the same markers, so that change is fine.
    agent.kind = LaneKind::Customer;
    f.ws.apply(&Edit::UpdateLane { lane: agent }).unwrap();
}

#[test]
fn numbers_stay_in_their_ranges() {
    let mut f = fixture();
    let subject = subject_step(&f.steps[0]);
    let r = response(subject.clone(), &f.csat, 6.0);
    rejects(
        &mut f,
        Edit::AddResponses { responses: vec![r] },
        EditErrorKind::OutOfRange,
        EntityKind::Response,
        "value",
    );
    let r = response(subject.clone(), &f.nps, -1.0);
    rejects(
        &mut f,
        Edit::AddResponses { responses: vec![r] },
        EditErrorKind::OutOfRange,
        EntityKind::Response,
        "value",
    );
    let mut s = score(subject.clone(), &f.csat, 70.0);
    s.sample_size = 0;
    rejects(
        &mut f,
        Edit::CreateScore { score: s.clone() },
        EditErrorKind::OutOfRange,
        EntityKind::Score,
        "sample_size",
    );
    s.sample_size = 1;
    s.period_start = date(2026, 10, 2);
    s.period_end = date(2026, 10, 1);
    rejects(
        &mut f,
        Edit::CreateScore { score: s },
        EditErrorKind::OutOfRange,
        EntityKind::Score,
        "period_end",
    );
    let mut p = phase("Later", 3);
    p.start = Some(date(2027, 2, 1));
    p.end = Some(date(2027, 1, 1));
    rejects(
        &mut f,
        Edit::CreatePhase { phase: p },
        EditErrorKind::OutOfRange,
        EntityKind::Phase,
        "end",
    );
    let mut m = f.ws.metrics[&f.csat].clone();
    m.scale_max = m.scale_min;
    rejects(
        &mut f,
        Edit::UpdateMetric { metric: m.clone() },
        EditErrorKind::OutOfRange,
        EntityKind::Metric,
        "scale_max",
    );
    // Shrinking a scale under existing responses would strand them.
    m.scale_max = 3.0;
    rejects(
        &mut f,
        Edit::UpdateMetric { metric: m },
        EditErrorKind::OutOfRange,
        EntityKind::Metric,
        "scale_max",
    );
    let t = target(subject, &f.csat, f64::NAN);
    rejects(
        &mut f,
        Edit::CreateTarget { target: t },
        EditErrorKind::OutOfRange,
        EntityKind::Target,
        "value",
    );
}

#[test]
fn one_target_per_subject_and_metric() {
    let mut f = fixture();
    let twin = target(subject_step(&f.steps[3]), &f.csat, 90.0);
    rejects(
        &mut f,
        Edit::CreateTarget { target: twin },
        EditErrorKind::Duplicate,
        EntityKind::Target,
        "metric_id",
    );
    // Another metric on the same step is a different target.
    let nps = target(subject_step(&f.steps[3]), &f.nps, 30.0);
    f.ws.apply(&Edit::CreateTarget {
        target: nps.clone(),
    })
    .unwrap();
    let mut moved = nps;
    moved.metric_id = f.csat.clone();
    rejects(
        &mut f,
        Edit::UpdateTarget { target: moved },
        EditErrorKind::Duplicate,
        EntityKind::Target,
        "metric_id",
    );
}

#[test]
fn responses_added_together_have_distinct_ids() {
    let mut f = fixture();
    let first = response(subject_step(&f.steps[0]), &f.csat, 4.0);
    let mut second = response(subject_step(&f.steps[0]), &f.csat, 5.0);
    second.id = first.id.clone();
    rejects(
        &mut f,
        Edit::AddResponses {
            responses: vec![first, second],
        },
        EditErrorKind::AlreadyExists,
        EntityKind::Response,
        "id",
    );
    let ids = vec![f.responses[0].clone(), f.responses[0].clone()];
    rejects(
        &mut f,
        Edit::RemoveResponses { ids },
        EditErrorKind::Duplicate,
        EntityKind::Response,
        "ids",
    );
}

#[test]
fn updates_keep_placement() {
    let mut f = fixture();
    let mut s = existing_step(&f, 1);
    s.position = 1;
    rejects(
        &mut f,
        Edit::UpdateStep { step: s.clone() },
        EditErrorKind::PlacementChanged,
        EntityKind::Step,
        "position",
    );
    s.position = 0;
    s.lane_id = f.lanes[2].clone();
    rejects(
        &mut f,
        Edit::UpdateStep { step: s.clone() },
        EditErrorKind::PlacementChanged,
        EntityKind::Step,
        "lane_id",
    );
    s.lane_id = f.lanes[1].clone();
    s.stage_id = f.stages[2].clone();
    rejects(
        &mut f,
        Edit::UpdateStep { step: s },
        EditErrorKind::PlacementChanged,
        EntityKind::Step,
        "stage_id",
    );
    let mut st = f.ws.stages[&f.stages[0]].clone();
    st.journey_id = f.ws.journeys_in_order()[1].id.clone();
    rejects(
        &mut f,
        Edit::UpdateStage { stage: st },
        EditErrorKind::PlacementChanged,
        EntityKind::Stage,
        "journey_id",
    );
    let mut ln = f.ws.lanes[&f.lanes[0]].clone();
    ln.position = 2;
    rejects(
        &mut f,
        Edit::UpdateLane { lane: ln },
        EditErrorKind::PlacementChanged,
        EntityKind::Lane,
        "position",
    );
    let mut i = f.ws.initiatives[&f.initiative].clone();
    i.phase_id = f.phases[1].clone();
    rejects(
        &mut f,
        Edit::UpdateInitiative { initiative: i },
        EditErrorKind::PlacementChanged,
        EntityKind::Initiative,
        "phase_id",
    );
    let mut j = f.ws.journeys[&f.journey].clone();
    j.position = 1;
    rejects(
        &mut f,
        Edit::UpdateJourney { journey: j },
        EditErrorKind::PlacementChanged,
        EntityKind::Journey,
        "position",
    );
    let mut h = f.ws.handoffs[&f.handoffs[0]].clone();
    h.journey_id = f.ws.journeys_in_order()[1].id.clone();
    rejects(
        &mut f,
        Edit::UpdateHandoff { handoff: h },
        EditErrorKind::PlacementChanged,
        EntityKind::Handoff,
        "journey_id",
    );
}

#[test]
fn positions_past_the_end_are_refused() {
    let mut f = fixture();
    let mut s = new_step_in(&f, 0, 1); // the cell holds two steps
    s.position = 3;
    rejects(
        &mut f,
        Edit::CreateStep { step: s.clone() },
        EditErrorKind::OutOfRange,
        EntityKind::Step,
        "position",
    );
    s.position = 2;
    f.ws.apply(&Edit::CreateStep { step: s }).unwrap();
    let to_end = Edit::MoveStage {
        id: f.stages[0].clone(),
        position: 3,
    };
    rejects(
        &mut f,
        to_end,
        EditErrorKind::OutOfRange,
        EntityKind::Stage,
        "position",
    );
    let far = Edit::MoveChecklistItem {
        handoff_id: f.handoffs[0].clone(),
        item_id: f.ws.handoffs[&f.handoffs[0]].checklist[0].id.clone(),
        position: 2,
    };
    rejects(
        &mut f,
        far,
        EditErrorKind::OutOfRange,
        EntityKind::ChecklistItem,
        "position",
    );
    let far = Edit::AddChecklistItem {
        handoff_id: f.handoffs[0].clone(),
        item: item("Photo id"),
        position: 3,
    };
    rejects(
        &mut f,
        far,
        EditErrorKind::OutOfRange,
        EntityKind::ChecklistItem,
        "position",
    );
    let far = Edit::MoveInitiative {
        id: f.initiative.clone(),
        phase_id: f.phases[2].clone(),
        position: 1,
    };
    rejects(
        &mut f,
        far,
        EditErrorKind::OutOfRange,
        EntityKind::Initiative,
        "position",
    );
}

#[test]
fn a_step_cannot_move_into_the_lane_it_hands_off_to() {
    let mut f = fixture();
    // Step 1 (agent) hands off to step 3 (cards team).
    let into_cards = Edit::MoveStep {
        id: f.steps[1].clone(),
        stage_id: f.stages[0].clone(),
        lane_id: f.lanes[2].clone(),
        position: 0,
    };
    rejects(
        &mut f,
        into_cards,
        EditErrorKind::NotAllowed,
        EntityKind::Step,
        "lane_id",
    );
}

#[test]
fn a_failing_batch_leaves_nothing_behind() {
    let mut f = fixture();
    let fresh = new_step_in(&f, 2, 0);
    let mut broken = new_step_in(&f, 2, 1);
    broken.title = String::new();
    let batch = Edit::Batch {
        label: "Paste".into(),
        edits: vec![
            Edit::CreateStep { step: fresh },
            Edit::DeleteStage {
                id: f.stages[1].clone(),
            },
            Edit::MoveJourney {
                id: f.journey.clone(),
                position: 1,
            },
            Edit::CreateStep { step: broken },
        ],
    };
    rejects(
        &mut f,
        batch,
        EditErrorKind::Empty,
        EntityKind::Step,
        "title",
    );
}
