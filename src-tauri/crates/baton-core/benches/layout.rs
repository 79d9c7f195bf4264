//! `cargo bench -p baton-core --bench layout`: the map layout of synthetic journeys.
//! Target: the medium journey (10,000 steps, 3,000 handoffs) under 10 ms.

use baton_core::layout::{layout, LayoutStyle};
use baton_core::synthetic::{synthetic_model, SyntheticSpec};
use criterion::{black_box, criterion_group, criterion_main, Criterion};

fn layout_benches(c: &mut Criterion) {
    let style = LayoutStyle::default();
    let medium = synthetic_model(&SyntheticSpec::medium());
    c.bench_function("layout medium (10k steps, 3k handoffs)", |b| {
        b.iter(|| layout(black_box(&medium), black_box(&style)))
    });
    let large = synthetic_model(&SyntheticSpec::large());
    let mut group = c.benchmark_group("large");
    group.sample_size(10);
    group.bench_function("layout large (100k steps, 30k handoffs)", |b| {
        b.iter(|| layout(black_box(&large), black_box(&style)))
    });
    group.finish();
}

criterion_group!(benches, layout_benches);
criterion_main!(benches);
