//! `compare` of two versions of a 10,000-step journey (SyntheticSpec::medium: 3,000 handoffs,
//! 50,000 responses) with 500 differences: 150 cards renamed, 100 moved to another stage, 100
//! handoffs made assisted or blind, 75 cards removed (with their handoffs), 75 added.
//! Budget (issue 15): under 50 ms. Measured whole (both analyses included), with the journey
//! now's analysis held (what the app holds; the snapshot is analysed) and with both held (what
//! `compare_analysed` adds).

use baton_core::analysis::{analyze_model, AnalysisOptions};
use baton_core::compare::{compare, compare_analysed, Version};
use baton_core::synthetic::{synthetic_journey, SyntheticSpec};
use baton_core::{new_id, HandoffMode, JourneyModel, Workspace};
use criterion::{black_box, criterion_group, criterion_main, Criterion};

fn versions() -> (Workspace, JourneyModel, JourneyModel) {
    let mut ws = Workspace::new_file("Bench");
    let edit = synthetic_journey(&ws, &SyntheticSpec::medium());
    ws.apply(&edit).expect("the synthetic journey is valid");
    let journey = ws.journeys.keys().next().expect("one journey").clone();
    let a = ws.journey_model(&journey).expect("the journey exists");
    let mut b = a.clone();
    let stages: Vec<String> = b.stages.iter().map(|s| s.id.clone()).collect();
    let n = b.steps.len();
    for i in 0..150 {
        b.steps[i * 61 % n].title.push_str(" (revised)");
    }
    for i in 0..100 {
        let step = &mut b.steps[(i * 97 + 13) % n];
        let next = stages
            .iter()
            .position(|s| *s == step.stage_id)
            .map_or(0, |p| (p + 1) % stages.len());
        step.stage_id = stages[next].clone();
    }
    for handoff in b.handoffs.iter_mut().step_by(29).take(100) {
        handoff.mode = match handoff.mode {
            HandoffMode::Blind => HandoffMode::Assisted,
            _ => HandoffMode::Blind,
        };
    }
    let removed: Vec<String> = (0..75)
        .map(|i| b.steps[(i * 131 + 7) % n].id.clone())
        .collect();
    b.steps.retain(|s| !removed.contains(&s.id));
    b.handoffs
        .retain(|h| !removed.contains(&h.from_step_id) && !removed.contains(&h.to_step_id));
    for i in 0..75 {
        let mut added = b.steps[i * 53 % b.steps.len()].clone();
        added.id = new_id();
        added.title = format!("New card {i}");
        added.position += 1_000;
        b.steps.push(added);
    }
    (ws, a, b)
}

fn comparison(c: &mut Criterion) {
    let (ws, a, b) = versions();
    let options = AnalysisOptions::default();
    let result = compare(&a, &b, &ws.metrics, &options);
    eprintln!(
        "{} steps against {}: {} added, {} removed, {} changed, {} moved",
        a.steps.len(),
        b.steps.len(),
        result.counts.added,
        result.counts.removed,
        result.counts.changed,
        result.counts.moved
    );
    c.bench_function(
        "compare two 10,000-step versions (analyses included)",
        |bench| bench.iter(|| compare(black_box(&a), black_box(&b), &ws.metrics, &options)),
    );
    let (a_analysis, b_analysis) = (
        analyze_model(&a, &ws.metrics, &options),
        analyze_model(&b, &ws.metrics, &options),
    );
    c.bench_function(
        "compare two 10,000-step versions (the journey now's analysis held)",
        |bench| {
            bench.iter(|| {
                let a_analysis = analyze_model(black_box(&a), &ws.metrics, &options);
                compare_analysed(
                    Version {
                        model: &a,
                        analysis: &a_analysis,
                    },
                    Version {
                        model: black_box(&b),
                        analysis: &b_analysis,
                    },
                    &ws.metrics,
                )
            })
        },
    );
    c.bench_function(
        "compare two 10,000-step versions (analyses held)",
        |bench| {
            bench.iter(|| {
                compare_analysed(
                    Version {
                        model: black_box(&a),
                        analysis: &a_analysis,
                    },
                    Version {
                        model: black_box(&b),
                        analysis: &b_analysis,
                    },
                    &ws.metrics,
                )
            })
        },
    );
}

criterion_group!(benches, comparison);
criterion_main!(benches);
