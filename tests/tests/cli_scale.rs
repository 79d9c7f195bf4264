//! Issue 10, item 14: 80,000 steps in one cell took 192 s to import (10,000: 1 s), because
//! creating a step scanned every step to keep the cell's positions dense. `baton import-json`
//! of a file with 40,000 steps in one cell must now take seconds, and the file it makes must
//! hold every step at its place.
//!
//! What is measured is the CPU time of the `baton` process, not the wall time: the scan was CPU
//! work, while the wall time of writing a file swings with the disk (on a machine shared with
//! other builds, a few seconds of writes took minutes).

use std::time::Duration;

use baton_core::synthetic::one_cell;
use baton_store::Document;
use baton_tests::Sandbox;

const STEPS: u32 = 40_000;
/// Linear work takes about a second of CPU in a debug build; the scan took minutes of it.
const BUDGET: Duration = Duration::from_secs(20);

/// The CPU time (user and system) of this process's children that have ended so far.
fn children_cpu() -> Duration {
    // SAFETY: getrusage only writes the struct it is given.
    let usage = unsafe {
        let mut usage: libc::rusage = std::mem::zeroed();
        assert_eq!(libc::getrusage(libc::RUSAGE_CHILDREN, &mut usage), 0);
        usage
    };
    let time = |t: libc::timeval| {
        Duration::from_secs(t.tv_sec as u64) + Duration::from_micros(t.tv_usec as u64)
    };
    time(usage.ru_utime) + time(usage.ru_stime)
}

/// The export of a file with one journey whose only cell holds `STEPS` steps, its history
/// emptied (a file imported from another tool has none).
fn one_cell_export(sandbox: &Sandbox) -> String {
    let mut doc = Document::create(sandbox.path("source.baton"), "Scale").unwrap();
    doc.apply(one_cell(STEPS).into_batch()).unwrap();
    let mut export: serde_json::Value = serde_json::from_str(&doc.export_json().unwrap()).unwrap();
    doc.close().unwrap();
    export["history"] = serde_json::json!({ "cursor": 0, "entries": [] });
    export.to_string()
}

#[test]
fn importing_40000_steps_into_one_cell_takes_seconds() {
    let sandbox = Sandbox::new();
    let json = one_cell_export(&sandbox);
    sandbox.write("big.json", json.as_bytes());
    // Built (or found fresh) before measuring, so cargo's CPU time is not counted.
    baton_tests::baton_exe();
    let before = children_cpu();
    sandbox.run(&["import-json", "big.json", "big.baton"]).ok();
    let took = children_cpu() - before;
    assert!(
        took < BUDGET,
        "importing {STEPS} steps into one cell took {took:?} of CPU"
    );
    let ws = sandbox.workspace("big.baton");
    assert_eq!(ws.steps.len(), STEPS as usize);
    let cell = ws.steps.values().next().unwrap();
    let positions: Vec<u32> = ws
        .steps_of_cell(&cell.stage_id, &cell.lane_id)
        .iter()
        .map(|s| s.position)
        .collect();
    assert_eq!(positions, (0..STEPS).collect::<Vec<_>>());
    // Each step kept the place the file gave it.
    let exported: serde_json::Value = serde_json::from_str(&json).unwrap();
    for step in exported["steps"].as_array().unwrap() {
        let id = step["id"].as_str().unwrap();
        assert_eq!(
            Some(u64::from(ws.steps[id].position)),
            step["position"].as_u64()
        );
    }
}
