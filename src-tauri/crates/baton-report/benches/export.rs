//! Export benchmarks (release, `make bench`): the demo's plan as PDF (the first compile of the
//! process, then warm) and XLSX, the resident memory after 50 PDF exports against after the
//! first (Typst's memo cache is evicted after each), and the 10,000-step map as SVG and as PNG
//! at the largest scale a PNG may have (at 1x it is far over the limit).

use std::collections::BTreeMap;
use std::hint::black_box;

use std::time::Instant;

use baton_core::synthetic::{synthetic_model, SyntheticSpec};
use baton_core::templates::demo_edit_on;
use baton_core::Workspace;
use baton_report::plan::pdf::plan_pdf;
use baton_report::plan::xlsx::plan_xlsx;
use baton_report::plan::{PlanOptions, PlanReport};
use baton_report::png::MAX_PIXELS;
use baton_report::{map_svg_of, svg_to_png, MapOptions};
use criterion::{criterion_group, criterion_main, Criterion};

fn map(c: &mut Criterion) {
    let model = synthetic_model(&SyntheticSpec::medium());
    let options = MapOptions::default();
    let mut group = c.benchmark_group("map_10000_steps");
    group.sample_size(10);
    group.bench_function("svg", |b| {
        b.iter(|| black_box(map_svg_of(&model, &BTreeMap::new(), None, &options)))
    });
    let drawing = map_svg_of(&model, &BTreeMap::new(), None, &options);
    eprintln!(
        "map of 10,000 steps: {} x {} units, SVG {} bytes",
        drawing.width,
        drawing.height,
        drawing.svg.len()
    );
    // At 1x this map is far more pixels than a PNG may have (MAX_PIXELS, 16,384²: a 1 GB
    // canvas): it is drawn at the largest scale the limit allows, printed beside the figure.
    let pixels = f64::from(drawing.width) * f64::from(drawing.height);
    let scale = (MAX_PIXELS as f64 / pixels).sqrt().min(1.0) as f32 * 0.999;
    eprintln!(
        "map of 10,000 steps as PNG: at 1x {:.0} megapixels; drawn at scale {scale:.3} ({:.0} megapixels)",
        pixels / 1e6,
        pixels * f64::from(scale * scale) / 1e6
    );
    group.bench_function("png_largest_allowed", |b| {
        b.iter(|| black_box(svg_to_png(&drawing.svg, scale).expect("renders")))
    });
    group.finish();
}

/// Resident memory of this process in bytes (Linux), 0 where unknown.
fn resident_bytes() -> u64 {
    let statm = std::fs::read_to_string("/proc/self/statm").unwrap_or_default();
    let pages: u64 = statm
        .split_whitespace()
        .nth(1)
        .and_then(|p| p.parse().ok())
        .unwrap_or(0);
    pages * 4096
}

fn plan(c: &mut Criterion) {
    let today = chrono::NaiveDate::from_ymd_opt(2026, 3, 15).expect("a date");
    let mut ws = Workspace::new_file("Demo client");
    let demo = demo_edit_on(&ws, today);
    ws.apply(&demo).expect("the demo applies");
    let options = PlanOptions {
        date: Some(today),
        ..PlanOptions::default()
    };
    let report = PlanReport::build(&ws, &options).expect("the demo's plan");
    let start = Instant::now();
    plan_pdf(&report, &options).expect("a PDF");
    let first = start.elapsed();
    let after_first = resident_bytes();
    for _ in 0..49 {
        plan_pdf(&report, &options).expect("a PDF");
    }
    let after_fifty = resident_bytes();
    eprintln!(
        "plan PDF: first compile {:.1} ms; resident memory after 1 export {:.1} MB, after 50 {:.1} MB ({:+.1} %)",
        first.as_secs_f64() * 1000.0,
        after_first as f64 / 1e6,
        after_fifty as f64 / 1e6,
        (after_fifty as f64 / after_first.max(1) as f64 - 1.0) * 100.0
    );
    let mut group = c.benchmark_group("plan_demo");
    group.sample_size(20);
    group.bench_function("pdf_warm", |b| {
        b.iter(|| black_box(plan_pdf(&report, &options).expect("a PDF")))
    });
    group.bench_function("xlsx", |b| {
        b.iter(|| black_box(plan_xlsx(&report).expect("an XLSX")))
    });
    group.bench_function("gather_and_pdf", |b| {
        b.iter(|| {
            let report = PlanReport::build(&ws, &options).expect("the plan");
            black_box(plan_pdf(&report, &options).expect("a PDF"))
        })
    });
    group.finish();
}

criterion_group!(benches, plan, map);
criterion_main!(benches);
