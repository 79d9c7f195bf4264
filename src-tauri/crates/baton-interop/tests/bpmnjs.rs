//! The BPMN export opened by bpmn-js, the modeler people use (bpmn.io, Camunda): every journey
//! of the demo and a 1,000-step journey are exported, then `scripts/bpmnjs/open.mjs` imports
//! each file into bpmn-js in Debian's Chromium (playwright-core; `scripts/deps.sh` installs
//! both from Debian and npm when missing). Each file must import without a warning, and bpmn-js
//! must make and draw exactly the participant, lanes, tasks and flows the journey has.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use baton_core::layout::{layout, LayoutStyle};
use baton_core::model::*;
use baton_core::synthetic::{synthetic_model, SyntheticSpec};
use baton_core::templates::demo_edit;
use baton_interop::bpmn::export;

/// What the journey should become in bpmn-js: its customer and actor lanes, their steps, and
/// the sequence flows (handoffs between exported steps, then the order within each lane).
struct Expected {
    lanes: usize,
    tasks: usize,
    flows: usize,
}

fn expected(model: &JourneyModel) -> Expected {
    let lanes: Vec<&Lane> = model
        .lanes
        .iter()
        .filter(|l| matches!(l.kind, LaneKind::Customer | LaneKind::Actor))
        .collect();
    let lane_ids: HashSet<&str> = lanes.iter().map(|l| l.id.as_str()).collect();
    let steps: HashSet<&str> = model
        .steps
        .iter()
        .filter(|s| lane_ids.contains(s.lane_id.as_str()))
        .map(|s| s.id.as_str())
        .collect();
    let handoffs = model
        .handoffs
        .iter()
        .filter(|h| {
            steps.contains(h.from_step_id.as_str()) && steps.contains(h.to_step_id.as_str())
        })
        .count();
    let within: usize = lanes
        .iter()
        .map(|l| {
            let n = model.steps.iter().filter(|s| s.lane_id == l.id).count();
            n.saturating_sub(1)
        })
        .sum();
    Expected {
        lanes: lanes.len(),
        tasks: steps.len(),
        flows: handoffs + within,
    }
}

fn script() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../scripts/bpmnjs/open.mjs")
}

/// Runs the script on `files`: one JSON object per file, in order.
fn open_in_bpmnjs(files: &[PathBuf]) -> Vec<serde_json::Value> {
    let script = script();
    let modules = script.with_file_name("node_modules");
    assert!(
        modules.join("bpmn-js").is_dir() && modules.join("playwright-core").is_dir(),
        "bpmn-js and playwright-core are not installed in {}: run `bash scripts/deps.sh` (it runs `npm ci` there)",
        modules.display()
    );
    let out = Command::new("node")
        .arg(&script)
        .args(files)
        .output()
        .expect("node runs (scripts/deps.sh installs it with the UI's tools)");
    assert!(
        out.status.success(),
        "open.mjs failed: {}\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    let lines: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|line| serde_json::from_str(line).expect("one JSON object per line"))
        .collect();
    assert_eq!(lines.len(), files.len(), "one report per file");
    lines
}

fn number(report: &serde_json::Value, key: &str) -> usize {
    report[key]
        .as_u64()
        .unwrap_or_else(|| panic!("{key} in {report}")) as usize
}

fn check(name: &str, report: &serde_json::Value, want: &Expected) {
    assert_eq!(
        report["warnings"].as_array().map(Vec::len),
        Some(0),
        "{name}: bpmn-js warned: {}",
        report["warnings"]
    );
    assert_eq!(number(report, "participants"), 1, "{name}");
    assert_eq!(number(report, "lanes"), want.lanes, "{name}: lanes");
    assert_eq!(number(report, "tasks"), want.tasks, "{name}: tasks");
    assert_eq!(
        number(report, "sequence_flows"),
        want.flows,
        "{name}: flows"
    );
    // Every element has its shape or edge on the page: the diagram was drawn, not only read.
    assert_eq!(
        number(report, "shapes_drawn"),
        1 + want.lanes + want.tasks,
        "{name}: shapes drawn"
    );
    assert_eq!(
        number(report, "connections_drawn"),
        want.flows,
        "{name}: connections drawn"
    );
}

fn write(dir: &Path, name: &str, model: &JourneyModel) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(
        &path,
        export(model, &layout(model, &LayoutStyle::default())),
    )
    .expect("write");
    path
}

#[test]
fn the_demo_and_a_thousand_step_journey_open_in_bpmn_js_without_warnings_and_are_drawn() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut ws = Workspace::new_file("Demo");
    ws.apply(&demo_edit(&ws)).expect("the demo applies");
    let mut models: Vec<(String, JourneyModel)> = ws
        .journeys_in_order()
        .iter()
        .map(|j| (j.name.clone(), ws.journey_model(&j.id).expect("model")))
        .collect();
    assert!(!models.is_empty(), "the demo has journeys");
    let big = synthetic_model(&SyntheticSpec {
        stages: 20,
        lanes: 12,
        steps: 1_000,
        handoffs: 300,
        responses: 0,
        seed: 16,
    });
    assert_eq!(big.steps.len(), 1_000);
    models.push(("1,000 steps".to_owned(), big));

    let files: Vec<PathBuf> = models
        .iter()
        .enumerate()
        .map(|(i, (_, model))| write(dir.path(), &format!("journey-{i}.bpmn"), model))
        .collect();
    let reports = open_in_bpmnjs(&files);
    for ((name, model), report) in models.iter().zip(&reports) {
        let want = expected(model);
        assert!(want.tasks > 0 && want.lanes > 0, "{name}: nothing to draw");
        check(name, report, &want);
    }
}
