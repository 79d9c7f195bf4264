//! `baton snapshot`, `baton snapshots` and `baton diff` on real files through the real binary:
//! a snapshot is one edit that one `baton undo` removes; the list as text and JSON; the diff of
//! a snapshot against the journey changed since (JSON checked against the core's `compare` of
//! the same models, text naming each difference), of a journey against its future-state copy
//! (paired by origin), names that match nothing or several things, and user text escaped.

use baton_core::analysis::AnalysisOptions;
use baton_core::compare::compare;
use baton_core::{Edit, HandoffMode};
use baton_tests::{bank, Sandbox};
use serde_json::Value;

const JOURNEY: &str = "Report a lost card";

fn snapshot(sandbox: &Sandbox, name: &str) -> Value {
    sandbox
        .run(&[
            "snapshot",
            "bank.baton",
            "--journey",
            JOURNEY,
            "--name",
            name,
            "--json",
        ])
        .ok()
        .json()
}

/// The first blind handoff of the bank journey made assisted, and a card without handoffs
/// deleted: two edits made in this process, as the app would. Returns the card's title.
fn change_the_journey(sandbox: &Sandbox) -> String {
    sandbox.with_document("bank.baton", |doc| {
        let ws = doc.workspace();
        let mut blind = ws
            .handoffs
            .values()
            .find(|h| h.mode == HandoffMode::Blind)
            .expect("the bank journey has a blind handoff")
            .clone();
        let lone = ws
            .steps
            .values()
            .find(|s| {
                !ws.handoffs
                    .values()
                    .any(|h| h.from_step_id == s.id || h.to_step_id == s.id)
                    && s.emotion.is_none()
            })
            .expect("a card without handoffs")
            .clone();
        blind.mode = HandoffMode::Assisted;
        doc.apply(Edit::UpdateHandoff { handoff: blind }).unwrap();
        doc.apply(Edit::DeleteStep {
            id: lone.id.clone(),
        })
        .unwrap();
        lone.title
    })
}

#[test]
fn a_snapshot_is_one_edit_listed_as_text_and_json() {
    let sandbox = bank();
    let taken = snapshot(&sandbox, "Baseline, November");
    assert_eq!(taken["format"], "baton-snapshot");
    assert_eq!(taken["version"], 1);
    assert_eq!(taken["snapshot"]["name"], "Baseline, November");
    assert_eq!(taken["snapshot"]["journey_name"], JOURNEY);
    let id = taken["snapshot"]["id"].as_str().expect("an id").to_owned();

    let ws = sandbox.workspace("bank.baton");
    let frozen = &ws.snapshots[&id];
    let journey = ws.journeys.values().find(|j| j.name == JOURNEY).unwrap();
    assert_eq!(frozen.model, ws.journey_model(&journey.id).unwrap());

    let listed = sandbox
        .run(&["snapshots", "bank.baton", "--json"])
        .ok()
        .json();
    assert_eq!(listed["format"], "baton-snapshots");
    assert_eq!(listed["version"], 1);
    assert_eq!(listed["snapshots"].as_array().unwrap().len(), 1);
    assert_eq!(listed["snapshots"][0]["id"], id.as_str());
    assert_eq!(listed["snapshots"][0]["journey_id"], journey.id.as_str());
    let text = sandbox
        .run(&["snapshots", "bank.baton"])
        .ok()
        .stdout
        .clone();
    assert!(
        text.contains("“Baseline, November”  of “Report a lost card”"),
        "{text}"
    );

    sandbox.run(&["undo", "bank.baton"]).ok();
    assert!(sandbox.workspace("bank.baton").snapshots.is_empty());
    let text = sandbox
        .run(&["snapshots", "bank.baton"])
        .ok()
        .stdout
        .clone();
    assert!(text.ends_with("no snapshots\n"), "{text}");
}

#[test]
fn a_snapshot_without_a_name_is_named_by_the_date_and_bad_names_are_refused() {
    let sandbox = bank();
    let taken = sandbox
        .run(&["snapshot", "bank.baton", "--journey", JOURNEY, "--json"])
        .ok()
        .json();
    // Named by the date it was taken: YYYY-MM-DD, the day of its `created_at`.
    let name = taken["snapshot"]["name"].as_str().unwrap();
    let created = taken["snapshot"]["created_at"].as_str().unwrap();
    assert_eq!(name.len(), 10, "{name}");
    assert!(created.starts_with(name), "{name} vs {created}");

    let before = sandbox.sha256("bank.baton");
    let error = sandbox
        .run(&[
            "snapshot",
            "bank.baton",
            "--journey",
            JOURNEY,
            "--name",
            "  ",
        ])
        .error_line()
        .to_owned();
    assert!(error.contains("name cannot be empty"), "{error}");
    let error = sandbox
        .run(&["snapshot", "bank.baton", "--journey", "Nope", "--name", "x"])
        .error_line()
        .to_owned();
    assert!(error.contains("no journey is called \"Nope\""), "{error}");
    assert_eq!(sandbox.sha256("bank.baton"), before);
}

#[test]
fn diff_of_a_snapshot_and_the_journey_now_is_the_cores_comparison() {
    let sandbox = bank();
    snapshot(&sandbox, "Baseline");
    let removed_title = change_the_journey(&sandbox);
    let before = sandbox.sha256("bank.baton");

    let out = sandbox
        .run(&["diff", "bank.baton", "Baseline", JOURNEY, "--json"])
        .ok()
        .json();
    assert_eq!(out["format"], "baton-diff");
    assert_eq!(out["version"], 1);
    assert_eq!(out["a"]["kind"], "snapshot");
    assert_eq!(out["a"]["name"], "Baseline");
    assert_eq!(out["b"]["kind"], "journey");
    assert_eq!(out["b"]["name"], JOURNEY);
    let ws = sandbox.workspace("bank.baton");
    let frozen = ws.snapshots.values().next().unwrap();
    let now = ws.journey_model(&frozen.journey_id).unwrap();
    let core = compare(
        &frozen.model,
        &now,
        &ws.metrics,
        &AnalysisOptions::default(),
    );
    let core: Value = serde_json::from_str(&serde_json::to_string(&core).unwrap()).unwrap();
    assert_eq!(out["comparison"], core);
    let comparison = &out["comparison"];
    assert_eq!(comparison["pairing"], "by_id");
    assert_eq!(comparison["counts"]["removed"], 1);
    assert_eq!(comparison["counts"]["changed"], 1);
    let blind = comparison["figures"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["key"] == "blind_handoffs")
        .unwrap();
    assert_eq!(blind["difference"], -1.0);
    // Blind is worth 25 friction points: the handoff made assisted lost exactly those.
    let frictions = comparison["handoffs"].as_array().unwrap();
    let changed: Vec<&Value> = frictions.iter().filter(|h| h["difference"] != 0).collect();
    assert_eq!(changed.len(), 1, "{frictions:#?}");
    assert_eq!(changed[0]["difference"], -25);

    let text = sandbox
        .run(&["diff", "bank.baton", "baseline", JOURNEY])
        .ok()
        .stdout
        .clone();
    assert!(
        text.starts_with("A: snapshot “Baseline” of “Report a lost card”"),
        "{text}"
    );
    assert!(
        text.contains("Changes: 0 added, 1 removed, 1 changed, 0 moved"),
        "{text}"
    );
    assert!(text.contains("mode “blind” → “assisted”"), "{text}");
    assert!(
        text.contains(&format!("  - removed step “{removed_title}”")),
        "{text}"
    );
    assert!(text.contains("(-25)"), "{text}");
    assert_eq!(sandbox.sha256("bank.baton"), before, "diff changes nothing");
}

#[test]
fn diff_of_a_journey_and_its_future_state_pairs_by_origin() {
    let sandbox = bank();
    sandbox.with_document("bank.baton", |doc| {
        let journey = doc.workspace().journeys.values().next().unwrap().id.clone();
        let copy = baton_core::duplicate_as_future(doc.workspace(), &journey).unwrap();
        doc.apply(copy).unwrap();
    });
    let out = sandbox
        .run(&[
            "diff",
            "bank.baton",
            JOURNEY,
            "Report a lost card (future)",
            "--json",
        ])
        .ok()
        .json();
    let comparison = &out["comparison"];
    assert_eq!(comparison["pairing"], "by_origin");
    assert_eq!(comparison["changes"], Value::Array(vec![]));
    assert_eq!(comparison["notes"], Value::Array(vec![]));
    assert!(!comparison["handoffs"].as_array().unwrap().is_empty());
}

#[test]
fn diff_names_what_it_cannot_find_or_tell_apart_and_escapes_user_text() {
    let sandbox = bank();
    let error = sandbox
        .run(&["diff", "bank.baton", "Nothing", JOURNEY])
        .error_line()
        .to_owned();
    assert!(
        error.contains("no snapshot or journey is called \"Nothing\""),
        "{error}"
    );
    // A snapshot named like the journey: the name alone is ambiguous, ids are offered.
    let taken = snapshot(&sandbox, JOURNEY);
    let error = sandbox
        .run(&["diff", "bank.baton", JOURNEY, JOURNEY])
        .error_line()
        .to_owned();
    assert!(error.contains("2 things are called"), "{error}");
    let id = taken["snapshot"]["id"].as_str().unwrap();
    assert!(error.contains(&format!("snapshot {id}")), "{error}");
    // By id it works; a hostile name is shown escaped.
    let hostile = "Base\u{1b}[31mline\nerror: x";
    snapshot(&sandbox, hostile);
    let text = sandbox
        .run(&["diff", "bank.baton", id, hostile])
        .ok()
        .stdout
        .clone();
    assert!(text.contains("Base\\e[31mline\\nerror: x"), "{text}");
    assert!(!text.contains('\u{1b}'));
}
