//! 100,000 steps in one cell (issue 10, item 14: 80,000 took 192 s to import, 10,000 took 1 s,
//! because creating a step scanned every step). Budget: each run under 5 s.
//!
//! - `Workspace::apply`: 100,000 `CreateStep` edits, one at a time, each at the end of the cell;
//! - `Document::apply`: the same creations as one batch, written to a new file;
//! - `Document::import_json`: the export of that file imported into a new file (what
//!   `baton import-json` does after reading its input).
//!
//! Run with `cargo bench -p baton-store --bench one_cell`.

use std::time::Duration;

use baton_core::synthetic::{one_cell, OneCell};
use baton_core::*;
use baton_store::Document;
use criterion::{criterion_group, criterion_main, BatchSize, Criterion};

const STEPS: u32 = 100_000;

fn bench_one_cell(c: &mut Criterion) {
    let OneCell { map, steps } = one_cell(STEPS);
    let mut with_map = Workspace::new_file("Bench");
    for edit in &map {
        with_map.apply(edit).expect("the map applies");
    }
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut group = c.benchmark_group("100,000 steps in one cell");
    group.sample_size(10);
    group.warm_up_time(Duration::from_secs(1));
    group.measurement_time(Duration::from_secs(20));

    group.bench_function("Workspace::apply, one CreateStep at a time", |b| {
        b.iter_batched(
            || with_map.clone(),
            |mut ws| {
                for edit in &steps {
                    ws.apply(edit).expect("a valid step");
                }
                ws
            },
            BatchSize::PerIteration,
        )
    });

    let mut all = map.clone();
    all.extend(steps.iter().cloned());
    let batch = Edit::Batch {
        label: "One cell".into(),
        edits: all,
    };
    let mut run = 0;
    let mut next_path = || {
        run += 1;
        dir.path().join(format!("run-{run}.baton"))
    };
    group.bench_function("Document::apply, one batch, to a new file", |b| {
        b.iter_batched(
            || Document::create(next_path(), "Bench").expect("a new file"),
            |mut doc| {
                doc.apply(batch.clone()).expect("the batch applies");
                doc
            },
            BatchSize::PerIteration,
        )
    });

    let json = {
        let mut doc = Document::create(next_path(), "Bench").expect("a new file");
        doc.apply(batch.clone()).expect("the batch applies");
        doc.export_json().expect("an export")
    };
    group.bench_function("Document::import_json, into a new file", |b| {
        b.iter_batched(
            &mut next_path,
            |path| Document::import_json(&json, path).expect("the export imports"),
            BatchSize::PerIteration,
        )
    });
    group.finish();
}

criterion_group!(benches, bench_one_cell);
criterion_main!(benches);
