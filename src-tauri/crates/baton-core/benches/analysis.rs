//! Analysis of a 10,000-step journey (SyntheticSpec::medium: 3,000 handoffs, 50,000 responses).
//! Budget: under 20 ms.

use baton_core::analysis::analyze;
use baton_core::synthetic::{synthetic_journey, SyntheticSpec};
use baton_core::Workspace;
use criterion::{black_box, criterion_group, criterion_main, Criterion};

fn medium_workspace() -> (Workspace, String) {
    let mut ws = Workspace::new_file("Bench");
    let edit = synthetic_journey(&ws, &SyntheticSpec::medium());
    ws.apply(&edit).expect("the synthetic journey is valid");
    let journey = ws.journeys.keys().next().expect("one journey").clone();
    (ws, journey)
}

fn analysis(c: &mut Criterion) {
    let (ws, journey) = medium_workspace();
    let result = analyze(&ws, &journey).expect("journey exists");
    eprintln!(
        "medium journey: {} steps, {} handoffs, {} responses, {} suggestions",
        result.summary.steps,
        result.summary.handoffs,
        ws.responses.len(),
        result.suggestions.len()
    );
    c.bench_function("analyze 10,000-step journey", |b| {
        b.iter(|| analyze(black_box(&ws), black_box(&journey)))
    });
}

criterion_group!(benches, analysis);
criterion_main!(benches);
