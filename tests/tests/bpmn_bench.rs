//! Side by side with bpmn-js (issue 16, `make bench`): the 10,000-step and the 1,000-step
//! generated journeys, each in a client file, opened in the release app (from the click on the
//! recent file to the first painted frame of the map, as `app_bench.rs` times it), and the same
//! journeys exported to BPMN by `baton export-bpmn` and opened in bpmn-js in Debian's Chromium
//! (`scripts/bpmnjs/open.mjs`: import + first render, in the page). Both are timed in this one
//! run and the ratio printed. Not a timed test: it asserts only that each side opened the
//! whole journey.

// Shared with the e2e suite, which uses more of it.
#[allow(dead_code)]
#[path = "e2e_support/mod.rs"]
mod e2e_support;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use baton_core::synthetic::{synthetic_journey, SyntheticSpec};
use baton_store::Document;
use e2e_support::webdriver::Session;
use e2e_support::{dialogs, launch};
use serde_json::{json, Value};

const RUNS: usize = 5;
/// The goal: Baton at least ten times faster than bpmn-js at 10,000 steps.
const GOAL_RATIO: f64 = 10.0;

/// A client file with one generated journey of `spec`; returns the journey's id.
fn build_file(path: &Path, spec: &SyntheticSpec) -> String {
    let mut doc = Document::create(path, "Bench client").expect("create");
    let edit = synthetic_journey(doc.workspace(), spec);
    doc.apply(edit).expect("the journey applies");
    assert_eq!(doc.workspace().steps.len(), spec.steps as usize);
    let id = doc
        .workspace()
        .journeys
        .keys()
        .next()
        .expect("a journey")
        .clone();
    doc.close().expect("close");
    id
}

fn export_bpmn(file: &Path, journey: &str, out: &Path) {
    let run = Command::new(baton_tests::baton_exe())
        .arg("export-bpmn")
        .arg(file)
        .args(["--journey", journey, "-o"])
        .arg(out)
        .output()
        .expect("baton runs");
    assert!(
        run.status.success(),
        "export-bpmn failed: {}",
        String::from_utf8_lossy(&run.stderr)
    );
}

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(f64::total_cmp);
    xs[xs.len() / 2]
}

/// Clicks the recent file and waits for the map's first painted frame; returns ms.
fn open_from_recent(s: &Session) -> f64 {
    let ms = s.exec_async(
        "const done = arguments[arguments.length - 1];
         const painted = () => new Promise(r => requestAnimationFrame(r));
         const t0 = performance.now();
         document.querySelector('[data-testid=\"recent-file\"]').click();
         const poll = () => document.querySelector('[data-testid=\"map-svg\"]')
           ? painted().then(() => done(performance.now() - t0))
           : requestAnimationFrame(poll);
         poll();",
        json!([]),
    );
    ms.as_f64().unwrap_or_else(|| panic!("no open time: {ms}"))
}

/// Baton's open -> first paint of `file`, `RUNS` times (the first open, through the dialog,
/// puts it on the recent list and is not counted).
fn baton_opens(s: &Session, file: &Path) -> Vec<f64> {
    s.click_testid("btn-open-file");
    dialogs::answer_open("Open client file", file);
    s.wait_until("the map", Duration::from_secs(120), |s| {
        s.try_find("[data-testid=\"map-svg\"]").is_some()
    });
    let opens = (0..RUNS)
        .map(|_| {
            s.click_testid("btn-close-file");
            s.testid("recent-file");
            open_from_recent(s)
        })
        .collect();
    s.click_testid("btn-close-file");
    s.testid("start-screen");
    opens
}

/// bpmn-js's import + first render of each file, `RUNS` times each, with the elements it made.
fn bpmnjs_opens(files: &[PathBuf]) -> Vec<Value> {
    let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../scripts/bpmnjs/open.mjs");
    let out = Command::new("node")
        .arg(&script)
        .args(["--runs", &RUNS.to_string()])
        .args(files)
        .output()
        .expect("node runs");
    assert!(
        out.status.success(),
        "open.mjs failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect()
}

#[test]
fn baton_and_bpmn_js_open_the_same_journeys() {
    let dir = tempfile::tempdir().expect("temp dir");
    let sizes = [
        ("10,000 steps", SyntheticSpec::medium()),
        (
            "1,000 steps",
            SyntheticSpec {
                stages: 20,
                lanes: 12,
                steps: 1_000,
                handoffs: 300,
                responses: 5_000,
                seed: 16,
            },
        ),
    ];
    let mut files = Vec::new();
    let mut bpmn = Vec::new();
    for (i, (_, spec)) in sizes.iter().enumerate() {
        let file = dir.path().join(format!("Journey {i}.baton"));
        let journey = build_file(&file, spec);
        let out = dir.path().join(format!("journey-{i}.bpmn"));
        export_bpmn(&file, &journey, &out);
        files.push(file);
        bpmn.push(out);
    }

    let s = launch();
    let baton: Vec<f64> = files.iter().map(|f| median(baton_opens(&s, f))).collect();
    let reports = bpmnjs_opens(&bpmn);
    assert_eq!(reports.len(), sizes.len());

    println!("\nSide by side, open -> first paint (median of {RUNS} runs each, one run of both):");
    println!(
        "{:<14} {:>12} {:>16} {:>8}   (bpmn-js: elements made)",
        "journey", "Baton", "bpmn-js", "ratio"
    );
    for (((name, _), baton_ms), report) in sizes.iter().zip(&baton).zip(&reports) {
        let warnings = report["warnings"].as_array().map_or(0, Vec::len);
        assert_eq!(
            warnings, 0,
            "{name}: bpmn-js warned: {}",
            report["warnings"]
        );
        assert!(
            report["tasks"].as_u64().unwrap_or(0) > 0,
            "{name}: no task drawn"
        );
        let runs: Vec<f64> = report["runs"]
            .as_array()
            .map(|r| {
                r.iter()
                    .filter_map(|x| x["first_render_ms"].as_f64())
                    .collect()
            })
            .unwrap_or_default();
        let imports: Vec<f64> = report["runs"]
            .as_array()
            .map(|r| r.iter().filter_map(|x| x["import_ms"].as_f64()).collect())
            .unwrap_or_default();
        let js = median(runs);
        let ratio = js / baton_ms;
        println!(
            "{name:<14} {baton_ms:>9.1} ms {js:>13.1} ms {ratio:>7.1}x   (import alone {:.1} ms; {} lanes, {} tasks, {} flows)",
            median(imports),
            report["lanes"],
            report["tasks"],
            report["sequence_flows"],
        );
    }
    let ratio = reports[0]["runs"]
        .as_array()
        .map(|r| {
            median(
                r.iter()
                    .filter_map(|x| x["first_render_ms"].as_f64())
                    .collect(),
            )
        })
        .unwrap_or(0.0)
        / baton[0];
    let verdict = if ratio >= GOAL_RATIO {
        "meets"
    } else {
        "MISSES"
    };
    println!("At 10,000 steps Baton is {ratio:.1}x faster: {verdict} the goal of {GOAL_RATIO}x.");
}
