//! `plan_view` of 1,000 initiatives over the 10,000-step journey (SyntheticSpec::medium: 3,000
//! handoffs, 50,000 responses). Budget: under 20 ms. Each initiative links two steps and a
//! handoff, names a suggestion and expects an effect on a step that has responses, started in
//! the middle of the responses' dates, so evidence, coverage and measured progress all work.

use baton_core::plan::{plan_view, PlanFilter, ProgressState};
use baton_core::synthetic::{synthetic_journey, SyntheticSpec};
use baton_core::*;
use criterion::{black_box, criterion_group, criterion_main, Criterion};

const INITIATIVES: usize = 1_000;

fn planned_workspace() -> Workspace {
    let mut ws = Workspace::new_file("Bench");
    let edit = synthetic_journey(&ws, &SyntheticSpec::medium());
    ws.apply(&edit).expect("the synthetic journey is valid");
    let phases: Vec<Id> = ws.phases_in_order().iter().map(|p| p.id.clone()).collect();
    let steps: Vec<Id> = ws.steps.keys().cloned().collect();
    let handoffs: Vec<Id> = ws.handoffs.keys().cloned().collect();
    // Subjects with responses, and the middle of the responses' dates.
    let answered: Vec<(Subject, Id)> = ws
        .responses
        .values()
        .filter(|r| r.subject.kind == SubjectKind::Step)
        .map(|r| (r.subject.clone(), r.metric_id.clone()))
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    let mut dates: Vec<chrono::NaiveDate> = ws.responses.values().map(|r| r.date).collect();
    dates.sort();
    let middle = dates[dates.len() / 2];
    let mut edits = Vec::new();
    for n in 0..INITIATIVES {
        let phase = &phases[n % phases.len()];
        let (subject, metric_id) = answered[n * 7 % answered.len()].clone();
        let metric = &ws.metrics[&metric_id];
        let (_, high) = baton_core::scores::score_range(metric);
        let handoff = handoffs[n * 3 % handoffs.len()].clone();
        let mut linked_steps = vec![steps[n * 11 % steps.len()].clone()];
        if linked_steps[0] != subject.id {
            linked_steps.push(subject.id.clone());
        }
        edits.push(Edit::CreateInitiative {
            initiative: Initiative {
                id: new_id(),
                phase_id: phase.clone(),
                position: u32::try_from(n / phases.len()).expect("small"),
                title: format!("Initiative {n}"),
                description: String::new(),
                owner: format!("Owner {}", n % 12),
                status: InitiativeStatus::InProgress,
                impact: u8::try_from(n % 5 + 1).expect("1..5"),
                effort: u8::try_from(n * 3 % 5 + 1).expect("1..5"),
                started: Some(middle),
                due: Some(middle + chrono::Days::new(90)),
                step_ids: linked_steps,
                handoff_ids: vec![handoff.clone()],
                suggestion_keys: vec![format!("send_notes:{handoff}")],
                expected_effect: Some(ExpectedEffect {
                    metric_id,
                    subject: Some(subject),
                    value: high,
                }),
            },
        });
    }
    ws.apply(&Edit::Batch {
        label: "Plan".into(),
        edits,
    })
    .expect("the initiatives are valid");
    ws
}

fn plan(c: &mut Criterion) {
    let ws = planned_workspace();
    let today = chrono::NaiveDate::from_ymd_opt(2030, 1, 1).expect("a date");
    let filter = PlanFilter::default();
    let view = plan_view(&ws, &filter, today);
    let measured = view
        .initiatives()
        .filter(|v| {
            !matches!(
                v.progress.state,
                ProgressState::NoBaseline | ProgressState::AwaitingData
            )
        })
        .count();
    eprintln!(
        "plan: {} initiatives over {} steps, {} handoffs, {} responses; {} measured",
        view.initiative_count,
        ws.steps.len(),
        ws.handoffs.len(),
        ws.responses.len(),
        measured
    );
    c.bench_function("plan_view 1,000 initiatives, 10,000-step journey", |b| {
        b.iter(|| plan_view(black_box(&ws), black_box(&filter), today))
    });
}

criterion_group!(benches, plan);
criterion_main!(benches);
