//! Every edit variant undoes exactly: apply, apply the inverse (the state before), apply the
//! inverse of the inverse (the state after). Cascades restore everything they took.
mod support;

use baton_core::*;
use support::*;

fn touched(applied: &Applied, kind: EntityKind, id: &str) -> bool {
    applied.touched.contains(&EntityRef::new(kind, id))
}

#[test]
fn workspace_info_and_personas() {
    let mut f = fixture();
    let info = WorkspaceInfo {
        name: " Acme Bank 2027 ".into(),
        description: "Retail".into(),
    };
    let a = assert_round_trip(&mut f.ws, &Edit::SetWorkspaceInfo { info });
    assert!(touched(&a, EntityKind::Workspace, ""));
    let p = Persona {
        id: new_id(),
        name: "Business owner".into(),
        role: "SME".into(),
        description: String::new(),
        position: 0,
        goals: String::new(),
        frustrations: String::new(),
    };
    let a = assert_round_trip(&mut f.ws, &Edit::CreatePersona { persona: p.clone() });
    assert!(
        touched(&a, EntityKind::Persona, &f.persona),
        "the shifted sibling is touched"
    );
    let renamed = Persona {
        name: "Owner".into(),
        ..f.ws.personas[&p.id].clone()
    };
    assert_round_trip(&mut f.ws, &Edit::UpdatePersona { persona: renamed });
    assert_round_trip(
        &mut f.ws,
        &Edit::MovePersona {
            id: p.id.clone(),
            position: 1,
        },
    );
    let a = assert_round_trip(
        &mut f.ws,
        &Edit::DeletePersona {
            id: f.persona.clone(),
        },
    );
    assert!(
        touched(&a, EntityKind::Journey, &f.journey),
        "the journey loses its persona"
    );
    assert_eq!(f.ws.journeys[&f.journey].persona_id, None);
    assert_dense_positions(&f.ws);
}

#[test]
fn journeys() {
    let mut f = fixture();
    assert_round_trip(
        &mut f.ws,
        &Edit::CreateJourney {
            journey: journey("Close an account", 1),
        },
    );
    let mut j = f.ws.journeys[&f.journey].clone();
    j.description = "From the call to the new card".into();
    assert_round_trip(&mut f.ws, &Edit::UpdateJourney { journey: j });
    assert_round_trip(
        &mut f.ws,
        &Edit::MoveJourney {
            id: f.journey.clone(),
            position: 1,
        },
    );
    let copy = duplicate_as_future(&f.ws, &f.journey).unwrap();
    assert_round_trip(&mut f.ws, &copy);
}

#[test]
fn stages_lanes_and_steps() {
    let mut f = fixture();
    let j = f.journey.clone();
    assert_round_trip(
        &mut f.ws,
        &Edit::CreateStage {
            stage: stage(&j, "Notice", 0),
        },
    );
    let st = Stage {
        name: "Phone call".into(),
        ..f.ws.stages[&f.stages[0]].clone()
    };
    assert_round_trip(&mut f.ws, &Edit::UpdateStage { stage: st });
    let a = assert_round_trip(
        &mut f.ws,
        &Edit::MoveStage {
            id: f.stages[0].clone(),
            position: 2,
        },
    );
    // The new stage sits at 0, so stages[0] moves from 1 to 2 past stages[1] only.
    assert!(touched(&a, EntityKind::Stage, &f.stages[1]));
    assert!(!touched(&a, EntityKind::Stage, &f.stages[2]));
    assert_round_trip(
        &mut f.ws,
        &Edit::CreateLane {
            lane: lane(&j, "Fraud", LaneKind::Actor, 2),
        },
    );
    let mut ln = f.ws.lanes[&f.lanes[2]].clone();
    ln.work = Some(Work::Manual);
    ln.visibility = Some(Visibility::Backstage);
    assert_round_trip(&mut f.ws, &Edit::UpdateLane { lane: ln });
    assert_round_trip(
        &mut f.ws,
        &Edit::MoveLane {
            id: f.lanes[3].clone(),
            position: 0,
        },
    );
    let s = step(&j, &f.stages[0], &f.lanes[1], "Agent apologises", 0);
    let a = assert_round_trip(&mut f.ws, &Edit::CreateStep { step: s });
    assert!(
        touched(&a, EntityKind::Step, &f.steps[1]) && touched(&a, EntityKind::Step, &f.steps[2])
    );
    let mut s = f.ws.steps[&f.steps[3]].clone();
    s.resolution = true;
    s.notes = "Card blocked while the customer waits".into();
    assert_round_trip(&mut f.ws, &Edit::UpdateStep { step: s });
    let within_cell = Edit::MoveStep {
        id: f.steps[1].clone(),
        stage_id: f.stages[0].clone(),
        lane_id: f.lanes[1].clone(),
        position: 1,
    };
    assert_round_trip(&mut f.ws, &within_cell);
    let across = Edit::MoveStep {
        id: f.steps[2].clone(),
        stage_id: f.stages[2].clone(),
        lane_id: f.lanes[0].clone(),
        position: 0,
    };
    assert_round_trip(&mut f.ws, &across);
    assert_round_trip(
        &mut f.ws,
        &Edit::DeleteStep {
            id: f.steps[5].clone(),
        },
    );
    assert_dense_positions(&f.ws);
}

#[test]
fn handoffs_and_checklists() {
    let mut f = fixture();
    let h = handoff(&f.journey, &f.steps[3], &f.steps[5]);
    assert_round_trip(&mut f.ws, &Edit::ConnectHandoff { handoff: h });
    let mut h = f.ws.handoffs[&f.handoffs[0]].clone();
    h.mode = HandoffMode::Assisted;
    h.checklist.reverse();
    assert_round_trip(&mut f.ws, &Edit::UpdateHandoff { handoff: h.clone() });
    let a = assert_round_trip(
        &mut f.ws,
        &Edit::AddChecklistItem {
            handoff_id: h.id.clone(),
            item: item("Photo id"),
            position: 1,
        },
    );
    assert!(touched(&a, EntityKind::Handoff, &h.id));
    let first = h.checklist[1].clone();
    let done = ChecklistItem {
        done: true,
        text: " Card number ".into(),
        ..first.clone()
    };
    assert_round_trip(
        &mut f.ws,
        &Edit::UpdateChecklistItem {
            handoff_id: h.id.clone(),
            item: done,
        },
    );
    assert_round_trip(
        &mut f.ws,
        &Edit::MoveChecklistItem {
            handoff_id: h.id.clone(),
            item_id: first.id.clone(),
            position: 1,
        },
    );
    assert_round_trip(
        &mut f.ws,
        &Edit::RemoveChecklistItem {
            handoff_id: h.id.clone(),
            item_id: first.id,
        },
    );
    let a = assert_round_trip(&mut f.ws, &Edit::DisconnectHandoff { id: h.id.clone() });
    for (kind, id) in [
        (EntityKind::Score, &f.score),
        (EntityKind::Response, &f.responses[2]),
        (EntityKind::Initiative, &f.initiative),
    ] {
        assert!(touched(&a, kind, id), "{kind:?} not touched");
    }
}

#[test]
fn metrics_targets_responses_and_scores() {
    let mut f = fixture();
    let m = Metric {
        id: new_id(),
        name: "Effort to report".into(),
        kind: MetricKind::Custom,
        scale_min: 1.0,
        scale_max: 10.0,
        direction: Direction::LowerIsBetter,
        position: 1,
    };
    assert_round_trip(&mut f.ws, &Edit::CreateMetric { metric: m });
    let wider = Metric {
        scale_max: 6.0,
        ..f.ws.metrics[&f.csat].clone()
    };
    assert_round_trip(&mut f.ws, &Edit::UpdateMetric { metric: wider });
    assert_round_trip(
        &mut f.ws,
        &Edit::MoveMetric {
            id: f.csat.clone(),
            position: 2,
        },
    );
    assert_round_trip(
        &mut f.ws,
        &Edit::CreateTarget {
            target: target(subject_handoff(&f.handoffs[0]), &f.nps, 20.0),
        },
    );
    let t = Target {
        value: 75.0,
        ..f.ws.targets[&f.target].clone()
    };
    assert_round_trip(&mut f.ws, &Edit::UpdateTarget { target: t });
    assert_round_trip(
        &mut f.ws,
        &Edit::DeleteTarget {
            id: f.target.clone(),
        },
    );
    let rs = vec![
        response(subject_step(&f.steps[1]), &f.nps, 9.0),
        response(subject_step(&f.steps[1]), &f.nps, 0.0),
    ];
    assert_round_trip(&mut f.ws, &Edit::AddResponses { responses: rs });
    assert_round_trip(
        &mut f.ws,
        &Edit::RemoveResponses {
            ids: vec![f.responses[3].clone(), f.responses[0].clone()],
        },
    );
    assert_round_trip(
        &mut f.ws,
        &Edit::CreateScore {
            score: score(subject_step(&f.steps[0]), &f.csat, 72.0),
        },
    );
    let s = Score {
        sample_size: 12,
        source: "Vendor X".into(),
        ..f.ws.scores[&f.score].clone()
    };
    assert_round_trip(&mut f.ws, &Edit::UpdateScore { score: s });
    assert_round_trip(
        &mut f.ws,
        &Edit::DeleteScore {
            id: f.score.clone(),
        },
    );
    let a = assert_round_trip(&mut f.ws, &Edit::DeleteMetric { id: f.csat.clone() });
    assert!(
        touched(&a, EntityKind::Response, &f.responses[1])
            && touched(&a, EntityKind::Initiative, &f.initiative)
    );
}

#[test]
fn phases_and_initiatives() {
    let mut f = fixture();
    assert_round_trip(
        &mut f.ws,
        &Edit::CreatePhase {
            phase: phase("Quick wins", 0),
        },
    );
    let mut p = f.ws.phases[&f.phases[1]].clone();
    p.start = Some(date(2027, 1, 1));
    p.end = Some(date(2027, 6, 30));
    assert_round_trip(&mut f.ws, &Edit::UpdatePhase { phase: p });
    assert_round_trip(
        &mut f.ws,
        &Edit::MovePhase {
            id: f.phases[2].clone(),
            position: 0,
        },
    );
    let i = initiative(&f.phases[0], "Secure e-mail for card numbers", 1);
    assert_round_trip(&mut f.ws, &Edit::CreateInitiative { initiative: i });
    let mut i = f.ws.initiatives[&f.initiative].clone();
    i.status = InitiativeStatus::InProgress;
    i.started = Some(date(2026, 11, 2));
    i.suggestion_keys = vec![format!("measure_touchpoint:{}", i.step_ids[0])];
    assert_round_trip(&mut f.ws, &Edit::UpdateInitiative { initiative: i });
    assert_round_trip(
        &mut f.ws,
        &Edit::MoveInitiative {
            id: f.initiative.clone(),
            phase_id: f.phases[0].clone(),
            position: 1,
        },
    );
    let a = assert_round_trip(
        &mut f.ws,
        &Edit::MoveInitiative {
            id: f.initiative.clone(),
            phase_id: f.phases[1].clone(),
            position: 0,
        },
    );
    assert!(touched(&a, EntityKind::Initiative, &f.initiative));
    // Phases are now [2, 0, 1]; phase 0 holds "Train agents" and the new initiative.
    let train = f.ws.initiatives_of_phase(&f.phases[0])[0].id.clone();
    let a = assert_round_trip(&mut f.ws, &Edit::DeleteInitiative { id: train });
    assert_eq!(f.ws.initiatives_of_phase(&f.phases[0])[0].position, 0);
    assert_eq!(
        a.touched.len(),
        2,
        "the deleted one and its shifted sibling"
    );
    let a = assert_round_trip(
        &mut f.ws,
        &Edit::DeletePhase {
            id: f.phases[0].clone(),
        },
    );
    assert!(
        touched(&a, EntityKind::Phase, &f.phases[1]),
        "the next phase shifts"
    );
    assert!(f.ws.initiatives_of_phase(&f.phases[0]).is_empty());
    let a = assert_round_trip(
        &mut f.ws,
        &Edit::DeletePhase {
            id: f.phases[1].clone(),
        },
    );
    assert!(touched(&a, EntityKind::Initiative, &f.initiative));
    assert!(!f.ws.initiatives.contains_key(&f.initiative));
}

#[test]
fn snapshots() {
    let mut f = fixture();
    let mut snap = f.ws.snapshots[&f.snapshot].clone();
    snap.id = new_id();
    snap.name = "After the fix".into();
    assert_round_trip(&mut f.ws, &Edit::CreateSnapshot { snapshot: snap });
    assert_round_trip(
        &mut f.ws,
        &Edit::RenameSnapshot {
            id: f.snapshot.clone(),
            name: "Baseline".into(),
        },
    );
    assert_round_trip(
        &mut f.ws,
        &Edit::DeleteSnapshot {
            id: f.snapshot.clone(),
        },
    );
}

#[test]
fn batches_undo_in_reverse_order() {
    let mut f = fixture();
    let st = stage(&f.journey, "Replace card", 3);
    let s = step(
        &f.journey,
        &st.id,
        &f.lanes[0],
        "Customer receives a new card",
        0,
    );
    let batch = Edit::Batch {
        label: "Add the last stage".into(),
        edits: vec![
            Edit::CreateStage { stage: st.clone() },
            Edit::CreateStep { step: s.clone() },
            Edit::ConnectHandoff {
                handoff: handoff(&f.journey, &f.steps[4], &s.id),
            },
            Edit::MoveStage {
                id: st.id.clone(),
                position: 0,
            },
            Edit::Batch {
                label: "nested".into(),
                edits: vec![Edit::DeleteStep {
                    id: f.steps[0].clone(),
                }],
            },
        ],
    };
    let a = assert_round_trip(&mut f.ws, &batch);
    match a.inverse {
        Edit::Batch { label, edits } => {
            assert_eq!(label, "Add the last stage");
            assert_eq!(edits.len(), 5);
            assert!(matches!(edits.last(), Some(Edit::DeleteStage { .. })));
        }
        other => panic!("expected a batch, got {other:?}"),
    }
}

#[test]
fn deleting_a_stage_takes_its_steps_and_everything_about_them() {
    let mut f = fixture();
    let before = f.ws.clone();
    let a = apply(
        &mut f.ws,
        Edit::DeleteStage {
            id: f.stages[1].clone(),
        },
    );
    for id in [&f.steps[3], &f.steps[4], &f.steps[5]] {
        assert!(!f.ws.steps.contains_key(id));
    }
    assert!(!f.ws.handoffs.contains_key(&f.handoffs[0]));
    assert!(
        f.ws.handoffs.contains_key(&f.handoffs[1]),
        "a handoff between other steps stays"
    );
    assert!(!f.ws.targets.contains_key(&f.target));
    assert!(!f.ws.scores.contains_key(&f.score));
    assert!(
        !f.ws.responses.contains_key(&f.responses[0])
            && !f.ws.responses.contains_key(&f.responses[2])
    );
    assert!(
        f.ws.responses.contains_key(&f.responses[3]),
        "responses about other steps stay"
    );
    let fix = &f.ws.initiatives[&f.initiative];
    assert_eq!(fix.step_ids, vec![f.steps[0].clone()]);
    assert!(fix.handoff_ids.is_empty());
    assert_eq!(
        fix.expected_effect.as_ref().map(|e| e.subject.clone()),
        Some(None)
    );
    assert_eq!(f.ws.stages[&f.stages[2]].position, 1);
    assert_dense_positions(&f.ws);
    apply(&mut f.ws, a.inverse);
    assert_eq!(f.ws, before);
}

#[test]
fn deleting_a_lane_or_a_journey_restores_identically() {
    let mut f = fixture();
    assert_round_trip(
        &mut f.ws,
        &Edit::DeleteLane {
            id: f.lanes[1].clone(),
        },
    );
    let future = duplicate_as_future(&f.ws, &f.journey).unwrap();
    apply(&mut f.ws, future);
    let copy_id = f.ws.journeys_in_order()[2].id.clone();
    let a = assert_round_trip(
        &mut f.ws,
        &Edit::DeleteJourney {
            id: f.journey.clone(),
        },
    );
    assert!(touched(&a, EntityKind::Snapshot, &f.snapshot));
    assert!(
        touched(&a, EntityKind::Journey, &copy_id),
        "the copy forgets its origin"
    );
    assert_eq!(f.ws.journeys[&copy_id].origin_id, None);
    assert!(f.ws.snapshots.is_empty());
    assert!(f.ws.responses.is_empty() && f.ws.scores.is_empty());
    assert!(f.ws.initiatives[&f.initiative].step_ids.is_empty());
    assert_dense_positions(&f.ws);
}

#[test]
fn a_future_copy_has_new_ids_and_no_measurements() {
    let mut f = fixture();
    let copy = duplicate_as_future(&f.ws, &f.journey).unwrap();
    apply(&mut f.ws, copy);
    let future = f.ws.journeys_in_order()[2].clone();
    assert_eq!(future.name, "Report a lost card (future)");
    assert_eq!(future.state, JourneyState::Future);
    assert_eq!(future.origin_id.as_deref(), Some(f.journey.as_str()));
    let source = f.ws.journey_model(&f.journey).unwrap();
    let model = f.ws.journey_model(&future.id).unwrap();
    assert_eq!(model.stages.len(), source.stages.len());
    assert_eq!(model.lanes.len(), source.lanes.len());
    let titles = |m: &JourneyModel| m.steps.iter().map(|s| s.title.clone()).collect::<Vec<_>>();
    assert_eq!(titles(&model), titles(&source));
    assert_eq!(model.handoffs.len(), 2);
    assert_eq!(model.targets.len(), 1);
    assert!(model.responses.is_empty() && model.scores.is_empty());
    let old_items: Vec<&Id> = source
        .handoffs
        .iter()
        .flat_map(|h| h.checklist.iter().map(|i| &i.id))
        .collect();
    for h in &model.handoffs {
        assert!(!source.handoffs.iter().any(|s| s.id == h.id));
        assert!(h.checklist.iter().all(|i| !old_items.contains(&&i.id)));
    }
    assert!(duplicate_as_future(&f.ws, &new_id()).is_err());
}

#[test]
fn a_new_file_has_the_built_in_metrics_and_phases() {
    let ws = Workspace::new_file("Acme Bank");
    assert_eq!(ws.info.name, "Acme Bank");
    let metrics: Vec<(String, MetricKind, f64, f64)> = ws
        .metrics_in_order()
        .iter()
        .map(|m| (m.name.clone(), m.kind, m.scale_min, m.scale_max))
        .collect();
    assert_eq!(
        metrics,
        vec![
            ("CSAT".into(), MetricKind::Csat, 1.0, 5.0),
            ("NPS".into(), MetricKind::Nps, 0.0, 10.0),
            ("CES".into(), MetricKind::Ces, 1.0, 7.0)
        ]
    );
    assert!(ws
        .metrics
        .values()
        .all(|m| m.direction == Direction::HigherIsBetter));
    let phases: Vec<&str> = ws
        .phases_in_order()
        .iter()
        .map(|p| p.name.as_str())
        .collect();
    assert_eq!(
        phases,
        [
            "Baseline mapping and immediate fixes",
            "Deep-dive analysis and strategic overhaul",
            "Iteration and continuous engagement"
        ]
    );
    assert!(ws.phases.values().all(|p| !p.goal.is_empty()));
    assert_ne!(
        Workspace::new_file("A").metrics.keys().next(),
        ws.metrics.keys().next(),
        "fresh ids"
    );
}

#[test]
fn the_journey_model_is_in_journey_order() {
    let mut f = fixture();
    apply(
        &mut f.ws,
        Edit::MoveLane {
            id: f.lanes[0].clone(),
            position: 3,
        },
    );
    apply(
        &mut f.ws,
        Edit::MoveStage {
            id: f.stages[1].clone(),
            position: 0,
        },
    );
    let model = f.ws.journey_model(&f.journey).unwrap();
    let order: Vec<&str> = model.steps.iter().map(|s| s.id.as_str()).collect();
    // Stage "Block" first: cards (lane 1 now), then emotion; then stage "Call": agent, customer.
    let s = &f.steps;
    assert_eq!(
        order,
        [&s[3], &s[4], &s[5], &s[1], &s[2], &s[0]].map(|x| x.as_str())
    );
    assert!(model.handoffs.windows(2).all(|w| w[0].id < w[1].id));
    assert_eq!(model.responses.len(), 4);
    assert!(f.ws.journey_model(&new_id()).is_none());
    let infos = f.ws.snapshot_infos(Some(&f.journey));
    assert_eq!(infos.len(), 1);
    assert_eq!(infos[0].name, "Baseline, November");
}
