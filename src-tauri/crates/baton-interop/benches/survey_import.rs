//! Planning (and applying in memory) a 100,000-row survey CSV against a 10,000-step workspace.
//! Budget for the whole import: under 3 s.

use baton_core::synthetic::{synthetic_journey, SyntheticSpec};
use baton_core::{Edit, Workspace};
use baton_interop::survey::{plan_import, ImportOptions};
use criterion::{black_box, criterion_group, criterion_main, BatchSize, Criterion};

const ROWS: usize = 100_000;

/// Half the rows name their step by id, half by path `journey / stage / lane / title`.
fn workspace_and_csv() -> (Workspace, Vec<u8>) {
    let mut ws = Workspace::new_file("Bench");
    let spec = SyntheticSpec {
        responses: 0,
        ..SyntheticSpec::medium()
    };
    let edit = synthetic_journey(&ws, &spec);
    ws.apply(&edit).expect("the synthetic journey is valid");
    let mut targets = Vec::new();
    for step in ws.steps.values() {
        let (Some(journey), Some(stage), Some(lane)) = (
            ws.journeys.get(&step.journey_id),
            ws.stages.get(&step.stage_id),
            ws.lanes.get(&step.lane_id),
        ) else {
            continue;
        };
        targets.push(step.id.clone());
        targets.push(format!(
            "{} / {} / {} / {}",
            journey.name, stage.name, lane.name, step.title
        ));
    }
    let mut csv = String::from("target,metric,value,date,respondent,comment\n");
    for row in 0..ROWS {
        let target = &targets[row % targets.len()];
        let value = row % 5 + 1;
        let day = row % 28 + 1;
        csv.push_str(&format!(
            "\"{target}\",CSAT,{value},2026-11-{day:02},r{row},\"Verbatim number {row}\"\n"
        ));
    }
    (ws, csv.into_bytes())
}

fn survey_import(c: &mut Criterion) {
    let (ws, csv) = workspace_and_csv();
    let options = ImportOptions::default();
    let plan = plan_import(&ws, &csv, &options).expect("the CSV reads");
    eprintln!(
        "{} rows: {} accepted, {} rejected",
        plan.rows,
        plan.accepted.len(),
        plan.rejected.len()
    );
    let mut group = c.benchmark_group("survey import");
    group.sample_size(10);
    group.bench_function("plan 100,000 rows", |b| {
        b.iter(|| plan_import(black_box(&ws), black_box(&csv), &options))
    });
    group.bench_function("plan and apply 100,000 rows", |b| {
        b.iter_batched(
            || ws.clone(),
            |mut ws| {
                let plan = plan_import(&ws, &csv, &options).expect("the CSV reads");
                ws.apply(&Edit::AddResponses {
                    responses: plan.accepted,
                })
                .expect("the plan applies")
            },
            BatchSize::LargeInput,
        )
    });
    group.finish();
}

criterion_group!(benches, survey_import);
criterion_main!(benches);
