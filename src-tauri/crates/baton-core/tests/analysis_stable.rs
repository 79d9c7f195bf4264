//! The analysis of synthetic journeys must not change, byte for byte once serialised: the
//! golden files under `tests/golden/` were written by the analysis before it was optimised, so
//! any change of behaviour (an order, a tie-break, a number, a sentence) fails here.
//!
//! The small journey's golden files are the whole JSON. The medium journey's (10,000 steps)
//! would be 8 MB each, so its golden files hold a fingerprint of the same JSON instead: each
//! section, arrays cut into runs of 100 elements, with its length in bytes and its FNV-1a
//! digest. Any changed byte changes a line, and the line names where it is.
//!
//! Regenerate them only for an intended change of behaviour:
//! `BATON_UPDATE_GOLDEN=1 cargo test -p baton-core --test analysis_stable`.

use std::path::PathBuf;

use baton_core::analysis::{analyze_with, AnalysisOptions, FrictionWeights};
use baton_core::scores::Granularity;
use baton_core::synthetic::{synthetic_journey, SyntheticSpec};
use baton_core::*;
use chrono::NaiveDate;

/// A new file whose metric ids are fixed (a new file's are random), plus a custom metric where
/// lower is better, so the analysis output depends only on the synthetic spec.
fn workspace_with_fixed_metrics() -> Workspace {
    let mut ws = Workspace::new_file("Golden");
    let mut metrics: Vec<Metric> = ws.metrics.values().cloned().collect();
    metrics.sort_by_key(|m| m.position);
    ws.metrics.clear();
    for (n, mut metric) in metrics.into_iter().enumerate() {
        metric.id = format!("00000000-0000-7000-8000-00000000000{}", n + 1);
        ws.metrics.insert(metric.id.clone(), metric);
    }
    let effort = Metric {
        id: "00000000-0000-7000-8000-000000000009".to_owned(),
        name: "Minutes on hold".to_owned(),
        kind: MetricKind::Custom,
        scale_min: 0.0,
        scale_max: 60.0,
        direction: Direction::LowerIsBetter,
        position: 3,
    };
    ws.metrics.insert(effort.id.clone(), effort);
    ws
}

/// Entered scores (on the built-in and custom metrics) and targets on the custom metric, on
/// every seventh touchpoint, some in the same month as computed readings, so the latest-score
/// tie-breaks and the entered origin show up in the output.
fn entered_scores_and_targets(ws: &Workspace) -> Edit {
    let mut metrics: Vec<&Metric> = ws.metrics.values().collect();
    metrics.sort_by_key(|m| m.position);
    let touchpoints: Vec<&Step> = ws
        .steps
        .values()
        .filter(|s| s.touchpoint.is_some())
        .collect();
    let mut edits = Vec::new();
    for (n, step) in touchpoints.iter().enumerate().filter(|(n, _)| n % 7 == 0) {
        let metric = metrics[n % metrics.len()];
        let month = u32::try_from(n % 12).unwrap() + 1;
        let start = NaiveDate::from_ymd_opt(2025, month, 1).unwrap();
        let end = if n % 2 == 0 {
            NaiveDate::from_ymd_opt(2025, month, 28).unwrap()
        } else {
            start
        };
        let (low, high) = scores::score_range(metric);
        let value = low + (high - low) * ((n % 10) as f64 / 10.0);
        let subject = Subject {
            kind: SubjectKind::Step,
            id: step.id.clone(),
        };
        edits.push(Edit::CreateScore {
            score: Score {
                id: format!("00000000-0000-7000-9000-{n:012}"),
                subject: subject.clone(),
                metric_id: metric.id.clone(),
                value,
                sample_size: u32::try_from(n % 40).unwrap() + 1,
                period_start: start,
                period_end: end,
                source: format!("Vendor survey {n}"),
            },
        });
        if n % 3 == 0 {
            edits.push(Edit::CreateTarget {
                target: Target {
                    id: format!("00000000-0000-7000-a000-{n:012}"),
                    subject,
                    metric_id: "00000000-0000-7000-8000-000000000009".to_owned(),
                    value: 12.0,
                },
            });
        }
    }
    Edit::Batch {
        label: "Entered scores".to_owned(),
        edits,
    }
}

fn medium_workspace() -> (Workspace, Id) {
    let mut ws = workspace_with_fixed_metrics();
    let edit = synthetic_journey(&ws, &SyntheticSpec::medium());
    ws.apply(&edit).unwrap();
    let journey = ws.journeys.keys().next().unwrap().clone();
    // A second journey in the same file: the analysis of the first must ignore it.
    let other = synthetic_journey(
        &ws,
        &SyntheticSpec {
            seed: 7,
            ..SyntheticSpec::small()
        },
    );
    ws.apply(&other).unwrap();
    let scores = entered_scores_and_targets(&ws);
    ws.apply(&scores).unwrap();
    (ws, journey)
}

fn golden_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name)
}

/// Compares with the golden file (or writes it when `BATON_UPDATE_GOLDEN` is set), naming the
/// first line that differs rather than printing megabytes.
fn assert_matches_golden(name: &str, actual: &str) {
    let path = golden_path(name);
    if std::env::var_os("BATON_UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap();
    if expected == actual {
        return;
    }
    let first_difference = expected
        .lines()
        .zip(actual.lines())
        .enumerate()
        .find(|(_, (e, a))| e != a);
    match first_difference {
        Some((line, (e, a))) => panic!(
            "{name}: line {} differs\n expected: {e}\n   actual: {a}",
            line + 1
        ),
        None => panic!(
            "{name}: {} lines expected, {} produced",
            expected.lines().count(),
            actual.lines().count()
        ),
    }
}

fn analysis_json(ws: &Workspace, journey: &str, options: &AnalysisOptions) -> String {
    let analysis = analyze_with(ws, journey, options).unwrap();
    let mut json = serde_json::to_string_pretty(&analysis).unwrap();
    json.push('\n');
    json
}

/// FNV-1a, 64 bits: a stable digest with no dependency (std's hasher may change between
/// Rust releases).
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &b| {
        (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// One line per section (`summary`, `hotspots.handoffs[200..300]`...): path, bytes, digest of
/// the compact JSON of that section.
fn fingerprint_lines(path: &str, value: &serde_json::Value, out: &mut String) {
    use std::fmt::Write;
    match value {
        serde_json::Value::Object(fields) if path.matches('.').count() < 1 => {
            for (key, field) in fields {
                let child = if path.is_empty() {
                    key.clone()
                } else {
                    format!("{path}.{key}")
                };
                fingerprint_lines(&child, field, out);
            }
        }
        serde_json::Value::Array(items) => {
            writeln!(out, "{path} {} elements", items.len()).unwrap();
            for (run, chunk) in items.chunks(100).enumerate() {
                let json = serde_json::to_string(chunk).unwrap();
                let start = run * 100;
                let end = start + chunk.len();
                writeln!(
                    out,
                    "{path}[{start}..{end}] {} bytes {:016x}",
                    json.len(),
                    fnv1a(json.as_bytes())
                )
                .unwrap();
            }
        }
        other => {
            let json = serde_json::to_string(other).unwrap();
            writeln!(
                out,
                "{path} {} bytes {:016x}",
                json.len(),
                fnv1a(json.as_bytes())
            )
            .unwrap();
        }
    }
}

fn analysis_fingerprint(ws: &Workspace, journey: &str, options: &AnalysisOptions) -> String {
    let analysis = analyze_with(ws, journey, options).unwrap();
    let mut out = String::new();
    fingerprint_lines("", &serde_json::to_value(&analysis).unwrap(), &mut out);
    // The whole JSON last, so that a failure names the section that changed first.
    let whole = serde_json::to_string(&analysis).unwrap();
    out.push_str(&format!(
        "whole {} bytes {:016x}\n",
        whole.len(),
        fnv1a(whole.as_bytes())
    ));
    out
}

/// The default options (monthly scores, DOMAIN.md's weights), and weekly scores with odd
/// weights (a low cap, no wait points, a large drop scale), on one workspace built once.
#[test]
fn medium_journey_analysis_is_unchanged() {
    let (ws, journey) = medium_workspace();
    assert_eq!(
        ws.steps
            .values()
            .filter(|s| s.journey_id == journey)
            .count(),
        10_000
    );
    assert_matches_golden(
        "medium_month_default.txt",
        &analysis_fingerprint(&ws, &journey, &AnalysisOptions::default()),
    );
    let odd = AnalysisOptions {
        weights: FrictionWeights {
            wait_minutes_per_point: 0,
            drop_scale: 55.5,
            cap: 60,
            per_crossing: 7,
            ..FrictionWeights::default()
        },
        granularity: Granularity::Week,
    };
    assert_matches_golden(
        "medium_week_odd_weights.txt",
        &analysis_fingerprint(&ws, &journey, &odd),
    );
}

/// The small journey at day and quarter granularity.
#[test]
fn small_journey_analysis_is_unchanged() {
    let mut ws = workspace_with_fixed_metrics();
    let edit = synthetic_journey(&ws, &SyntheticSpec::small());
    ws.apply(&edit).unwrap();
    let journey = ws.journeys.keys().next().unwrap().clone();
    let scores = entered_scores_and_targets(&ws);
    ws.apply(&scores).unwrap();
    for (granularity, name) in [
        (Granularity::Day, "small_day.json"),
        (Granularity::Quarter, "small_quarter.json"),
    ] {
        let options = AnalysisOptions {
            granularity,
            ..AnalysisOptions::default()
        };
        assert_matches_golden(name, &analysis_json(&ws, &journey, &options));
    }
}
