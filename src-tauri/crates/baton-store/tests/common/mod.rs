//! Builders for the store's tests: valid entities, and a client file that uses every kind of row.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use baton_core::*;
use baton_store::Document;
use chrono::NaiveDate;

pub fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

pub fn file_in(dir: &tempfile::TempDir, name: &str) -> PathBuf {
    dir.path().join(name)
}

pub fn bytes(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap()
}

pub fn persona(name: &str, position: u32) -> Persona {
    Persona {
        id: new_id(),
        name: name.into(),
        role: "Cardholder".into(),
        description: String::new(),
        position,
        goals: String::new(),
        frustrations: String::new(),
    }
}

pub fn journey(name: &str, position: u32) -> Journey {
    Journey {
        id: new_id(),
        name: name.into(),
        description: "Told end to end".into(),
        persona_id: None,
        state: JourneyState::Current,
        origin_id: None,
        position,
    }
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

pub fn actor_lane(journey: &str, name: &str, position: u32) -> Lane {
    Lane {
        department: Some("Cards".into()),
        sourcing: Some(Sourcing::Offshore),
        work: Some(Work::Manual),
        visibility: Some(Visibility::Backstage),
        ..lane(journey, name, LaneKind::Actor, position)
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
        mode: HandoffMode::Blind,
        context: ContextTransfer::Partial,
        customer_repeats: true,
        reverify: true,
        wait_minutes: 12,
        sensitive: true,
        secure_channel: false,
        checklist: vec![ChecklistItem {
            id: new_id(),
            text: "Case notes attached".into(),
            done: true,
        }],
        note: "Cold transfer".into(),
        origin_id: None,
    }
}

pub fn subject(kind: SubjectKind, id: &str) -> Subject {
    Subject {
        kind,
        id: id.into(),
    }
}

pub fn response(subject: Subject, metric: &str, value: f64, day: u32) -> SurveyResponse {
    SurveyResponse {
        id: new_id(),
        subject,
        metric_id: metric.into(),
        value,
        date: date(2026, 10, day),
        respondent: Some(format!("r-{day}")),
        comment: Some("I had to repeat everything".into()),
    }
}

pub fn metric_named(ws: &Workspace, name: &str) -> Id {
    ws.metrics
        .values()
        .find(|m| m.name.contains(name))
        .unwrap_or_else(|| panic!("no metric {name}"))
        .id
        .clone()
}

/// A journey with two stages, a customer lane and an actor lane, two steps and a handoff, as
/// one batch. Returns the batch and the journey's id.
pub fn small_journey(name: &str, position: u32) -> (Edit, Id) {
    let j = journey(name, position);
    let s0 = stage(&j.id, "Call", 0);
    let s1 = stage(&j.id, "Resolve", 1);
    let customer = lane(&j.id, "Customer", LaneKind::Customer, 0);
    let agent = actor_lane(&j.id, "Cards team", 1);
    let call = Step {
        touchpoint: Some(Channel::Phone),
        ..step(&j.id, &s0.id, &customer.id, "Calls the bank", 0)
    };
    let block = Step {
        verification: true,
        resolution: true,
        ..step(&j.id, &s1.id, &agent.id, "Blocks the card", 0)
    };
    let h = handoff(&j.id, &call.id, &block.id);
    let id = j.id.clone();
    let edit = Edit::Batch {
        label: format!("Add journey {name}"),
        edits: vec![
            Edit::CreateJourney { journey: j },
            Edit::CreateStage { stage: s0 },
            Edit::CreateStage { stage: s1 },
            Edit::CreateLane { lane: customer },
            Edit::CreateLane { lane: agent },
            Edit::CreateStep { step: call },
            Edit::CreateStep { step: block },
            Edit::ConnectHandoff { handoff: h },
        ],
    };
    (edit, id)
}

/// Fills `doc` with every kind of row (and some history with an undone tail), through edits.
pub fn fill_rich(doc: &mut Document) -> Id {
    let p = persona("Small-business owner", 0);
    doc.apply(Edit::CreatePersona { persona: p.clone() })
        .unwrap();
    let (edit, journey_id) = small_journey("Report a lost card", 0);
    doc.apply(edit).unwrap();
    let mut journey = doc.workspace().journeys[&journey_id].clone();
    journey.persona_id = Some(p.id.clone());
    doc.apply(Edit::UpdateJourney { journey }).unwrap();

    let model = doc.journey_model(&journey_id).unwrap();
    let emotion = lane(&journey_id, "Feeling", LaneKind::Emotion, 2);
    let feeling = Step {
        emotion: Some(-2),
        ..step(&journey_id, &model.stages[1].id, &emotion.id, "Anxious", 0)
    };
    doc.apply(Edit::Batch {
        label: "Emotion curve".into(),
        edits: vec![
            Edit::CreateLane { lane: emotion },
            Edit::CreateStep { step: feeling },
        ],
    })
    .unwrap();

    let csat = metric_named(doc.workspace(), "CSAT");
    let call = model.steps[0].id.clone();
    let handoff_id = model.handoffs[0].id.clone();
    doc.apply(Edit::CreateTarget {
        target: Target {
            id: new_id(),
            subject: subject(SubjectKind::Step, &call),
            metric_id: csat.clone(),
            value: 80.0,
        },
    })
    .unwrap();
    doc.apply(Edit::AddResponses {
        responses: (1..=5)
            .map(|day| {
                response(
                    subject(SubjectKind::Step, &call),
                    &csat,
                    f64::from(day % 5 + 1),
                    day,
                )
            })
            .collect(),
    })
    .unwrap();
    doc.apply(Edit::CreateScore {
        score: Score {
            id: new_id(),
            subject: subject(SubjectKind::Handoff, &handoff_id),
            metric_id: csat.clone(),
            value: 61.5,
            sample_size: 40,
            period_start: date(2026, 9, 1),
            period_end: date(2026, 9, 30),
            source: "Q3 survey".into(),
        },
    })
    .unwrap();
    let phase_id = doc.plan()[0].phase.id.clone();
    doc.apply(Edit::CreateInitiative {
        initiative: Initiative {
            id: new_id(),
            phase_id,
            position: 0,
            title: "Warm transfer to cards".into(),
            description: "Brief the cards team before letting go".into(),
            owner: "Ops lead".into(),
            status: InitiativeStatus::Planned,
            impact: 4,
            effort: 2,
            started: Some(date(2026, 10, 1)),
            due: Some(date(2026, 12, 31)),
            step_ids: vec![call.clone()],
            handoff_ids: vec![handoff_id.clone()],
            suggestion_keys: vec![format!("blind_to_assisted:{handoff_id}")],
            expected_effect: Some(ExpectedEffect {
                metric_id: csat,
                subject: Some(subject(SubjectKind::Handoff, &handoff_id)),
                value: 75.25,
            }),
        },
    })
    .unwrap();
    doc.create_snapshot(&journey_id, "Baseline, November")
        .unwrap();
    // A redo tail: the last two edits undone.
    doc.apply(Edit::CreatePersona {
        persona: persona("Retiree", 1),
    })
    .unwrap();
    doc.apply(Edit::SetWorkspaceInfo {
        info: WorkspaceInfo {
            name: "Acme Bank".into(),
            description: "Lost cards, 2026".into(),
        },
    })
    .unwrap();
    doc.undo().unwrap();
    doc.undo().unwrap();
    journey_id
}
