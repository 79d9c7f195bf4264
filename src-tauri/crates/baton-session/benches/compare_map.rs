//! The Rust side of the Compare view's first paint on the 10,000-step journey against a snapshot
//! of it with about 500 differences (as `tests/app_bench.rs` makes them: 150 cards renamed, 100
//! moved to the next stage, 100 handoffs' mode changed, 75 cards deleted): the comparison with
//! its map of differences (`compare_with_map`, both analyses held as after the first call) and
//! its JSON as the IPC sends it, and the map alone (`diff_map`: ghosts, layout, marks, trails).

use baton_core::analysis::AnalysisOptions;
use baton_core::compare::compare;
use baton_core::synthetic::{compare_differences, synthetic_journey, SyntheticSpec};
use baton_core::take_snapshot;
use chrono::Utc;
use criterion::{black_box, criterion_group, criterion_main, Criterion};

use baton_session::compare_map::diff_map;
use baton_session::documents::OpenDocument;
use baton_session::snapshots::VersionRef;

fn compare_view(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("a temp dir");
    let mut doc = OpenDocument::create(&dir.path().join("bench.baton"), "Bench").expect("a file");
    let edit = synthetic_journey(doc.workspace(), &SyntheticSpec::medium());
    doc.apply(edit).expect("the synthetic journey applies");
    let journey = doc.workspace_view().expect("a view").journeys[0].id.clone();
    let snapshot =
        take_snapshot(doc.workspace(), &journey, "Before", Utc::now()).expect("a snapshot");
    let outcome = doc.apply(snapshot).expect("the snapshot applies");
    let snapshot = outcome
        .touched
        .iter()
        .find(|t| t.kind == baton_core::EntityKind::Snapshot)
        .expect("the snapshot's id")
        .id
        .clone();
    let model = doc
        .workspace()
        .journey_model(&journey)
        .expect("the journey");
    let edit = compare_differences(&model);
    doc.apply(edit).expect("the differences apply");

    let (a, b) = (
        VersionRef::Snapshot(snapshot.clone()),
        VersionRef::Journey(journey.clone()),
    );
    let answer = doc.compare_with_map(&a, &b).expect("a comparison");
    eprintln!(
        "{} changes, {} marks, {} trails, {} cards on the map",
        answer.comparison.changes.len(),
        answer.map.marks.len(),
        answer.map.trails.len(),
        answer.map.layout.cards.len()
    );
    let kb = |bytes: Vec<u8>| bytes.len() / 1024;
    eprintln!(
        "JSON KB: all {}, changes {}, figures {}, handoffs {}, touchpoints {}, map model {}, map layout {}, marks {}",
        kb(serde_json::to_vec(&answer).unwrap()),
        kb(serde_json::to_vec(&answer.comparison.changes).unwrap()),
        kb(serde_json::to_vec(&answer.comparison.figures).unwrap()),
        kb(serde_json::to_vec(&answer.comparison.handoffs).unwrap()),
        kb(serde_json::to_vec(&answer.comparison.touchpoints).unwrap()),
        kb(serde_json::to_vec(&answer.map.model).unwrap()),
        kb(serde_json::to_vec(&answer.map.layout).unwrap()),
        kb(serde_json::to_vec(&answer.map.marks).unwrap()),
    );

    let mut group = c.benchmark_group("Compare view, Rust side (10,000 steps, ~500 differences)");
    group.sample_size(20);
    group.bench_function("compare_with_map (analyses held) + JSON", |bench| {
        bench.iter(|| {
            let answer = doc.compare_with_map(&a, &b).expect("a comparison");
            black_box(serde_json::to_vec(&answer).expect("JSON"))
        })
    });
    let ws = doc.workspace();
    let (ma, mb) = (
        &ws.snapshots[&snapshot].model,
        ws.journey_model(&journey).expect("the journey"),
    );
    let comparison = compare(ma, &mb, &ws.metrics, &AnalysisOptions::default());
    group.bench_function("diff_map alone", |bench| {
        bench.iter(|| black_box(diff_map(ma, &mb, &comparison)))
    });
    group.finish();
}

criterion_group!(benches, compare_view);
criterion_main!(benches);
