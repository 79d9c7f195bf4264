//! The cost of one edit on a large client file: 10,000 steps, 2,000 handoffs, 50,000 responses.
//! Each measured iteration applies an edit and then its inverse, so the file stays the same.

use baton_core::*;
use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, Criterion};

const STAGES: usize = 20;
const LANES: usize = 10;
const STEPS_PER_CELL: usize = 50;

struct Big {
    ws: Workspace,
    steps: Vec<Id>,
    stages: Vec<Id>,
    lanes: Vec<Id>,
    journey: Id,
}

/// Built row by row (positions dense, every rule kept), then checked once through `apply`.
fn big_file() -> Big {
    let mut ws = Workspace::new_file("Bench");
    let csat = ws.metrics_in_order()[0].id.clone();
    let journey = Journey {
        id: new_id(),
        name: "Everything".into(),
        description: String::new(),
        persona_id: None,
        state: JourneyState::Current,
        origin_id: None,
        position: 0,
    };
    let j = journey.id.clone();
    ws.journeys.insert(j.clone(), journey);
    let stages: Vec<Id> = (0..STAGES)
        .map(|i| {
            let s = Stage {
                id: new_id(),
                journey_id: j.clone(),
                name: format!("Stage {i}"),
                description: String::new(),
                position: i as u32,
                origin_id: None,
            };
            let id = s.id.clone();
            ws.stages.insert(id.clone(), s);
            id
        })
        .collect();
    let lanes: Vec<Id> = (0..LANES)
        .map(|i| {
            let l = Lane {
                id: new_id(),
                journey_id: j.clone(),
                name: format!("Lane {i}"),
                kind: LaneKind::Actor,
                position: i as u32,
                department: None,
                sourcing: None,
                work: None,
                visibility: None,
                origin_id: None,
            };
            let id = l.id.clone();
            ws.lanes.insert(id.clone(), l);
            id
        })
        .collect();
    let mut steps = vec![];
    for stage in &stages {
        for lane in &lanes {
            for position in 0..STEPS_PER_CELL {
                let s = Step {
                    id: new_id(),
                    journey_id: j.clone(),
                    stage_id: stage.clone(),
                    lane_id: lane.clone(),
                    position: position as u32,
                    title: format!("Step {position}"),
                    notes: String::new(),
                    touchpoint: Some(Channel::Phone),
                    verification: false,
                    resolution: false,
                    emotion: None,
                    origin_id: None,
                };
                steps.push(s.id.clone());
                ws.steps.insert(s.id.clone(), s);
            }
        }
    }
    // Handoffs between neighbouring lanes of a stage.
    for i in 0..2_000 {
        let from = &steps[i * 5];
        let to = &steps[(i * 5 + STEPS_PER_CELL) % steps.len()];
        let h = Handoff {
            id: new_id(),
            journey_id: j.clone(),
            from_step_id: from.clone(),
            to_step_id: to.clone(),
            mode: HandoffMode::Blind,
            context: ContextTransfer::Partial,
            customer_repeats: false,
            reverify: false,
            wait_minutes: 5,
            sensitive: false,
            secure_channel: false,
            checklist: vec![],
            note: String::new(),
            origin_id: None,
        };
        ws.handoffs.insert(h.id.clone(), h);
    }
    let day = NaiveDate::from_ymd_opt(2026, 10, 1).unwrap();
    for i in 0..50_000 {
        let r = SurveyResponse {
            id: new_id(),
            subject: Subject {
                kind: SubjectKind::Step,
                id: steps[i % steps.len()].clone(),
            },
            metric_id: csat.clone(),
            value: (1 + i % 5) as f64,
            date: day,
            respondent: None,
            comment: None,
        };
        ws.responses.insert(r.id.clone(), r);
    }
    Big {
        ws,
        steps,
        stages,
        lanes,
        journey: j,
    }
}

fn round_trip(ws: &mut Workspace, edit: &Edit) {
    let applied = ws.apply(edit).unwrap();
    ws.apply(&applied.inverse).unwrap();
}

fn bench_apply(c: &mut Criterion) {
    let Big {
        mut ws,
        steps,
        stages,
        lanes,
        journey,
    } = big_file();
    let mut group = c.benchmark_group("apply (10k steps, 50k responses)");

    let mut renamed = ws.steps[&steps[1234]].clone();
    renamed.title = "Renamed".into();
    let update = Edit::UpdateStep { step: renamed };
    group.bench_function("update step + undo", |b| {
        b.iter(|| round_trip(&mut ws, &update))
    });

    let create = Edit::CreateStep {
        step: Step {
            id: new_id(),
            position: 0,
            title: "New".into(),
            ..ws.steps[&steps[0]].clone()
        },
    };
    group.bench_function("create step at the top of a cell + undo", |b| {
        b.iter(|| round_trip(&mut ws, &create))
    });

    let across = Edit::MoveStep {
        id: steps[7].clone(),
        stage_id: stages[3].clone(),
        lane_id: lanes[4].clone(),
        position: 10,
    };
    group.bench_function("move step to another cell + undo", |b| {
        b.iter(|| round_trip(&mut ws, &across))
    });

    let stage = Edit::MoveStage {
        id: stages[0].clone(),
        position: (STAGES - 1) as u32,
    };
    group.bench_function("move stage + undo", |b| {
        b.iter(|| round_trip(&mut ws, &stage))
    });

    let csat = ws.metrics_in_order()[0].id.clone();
    let answer = Edit::AddResponses {
        responses: vec![SurveyResponse {
            id: new_id(),
            subject: Subject {
                kind: SubjectKind::Step,
                id: steps[42].clone(),
            },
            metric_id: csat,
            value: 4.0,
            date: NaiveDate::from_ymd_opt(2026, 10, 2).unwrap(),
            respondent: None,
            comment: None,
        }],
    };
    group.bench_function("add one response + undo", |b| {
        b.iter(|| round_trip(&mut ws, &answer))
    });

    let delete = Edit::DeleteStep {
        id: steps[0].clone(),
    };
    group.bench_function("delete step (cascade over 50k responses) + undo", |b| {
        b.iter(|| round_trip(&mut ws, &delete))
    });

    group.bench_function("journey_model", |b| {
        b.iter(|| ws.journey_model(&journey).unwrap())
    });
    group.finish();
}

criterion_group!(benches, bench_apply);
criterion_main!(benches);
