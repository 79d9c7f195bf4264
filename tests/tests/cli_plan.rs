//! `baton plan` and `baton draft-plan` on real files through the real binary: the bank template's
//! plan as text and JSON (the JSON checked against the core's `plan_view` of the same file),
//! its draft added as one edit that one `baton undo` removes, a dry run that leaves the file's
//! bytes unchanged, errors, and user text escaped (fields are at most 200 characters, as many
//! as `output::shown` keeps, so its shortening is a safety net not reachable from here).

use baton_core::plan::{analyse_for_plan, plan_view, PlanFilter};
use baton_core::Edit;
use baton_tests::bank;
use serde_json::Value;

const TODAY: &str = "2026-12-06";

fn titles(plan: &Value) -> Vec<Vec<String>> {
    plan["phases"]
        .as_array()
        .expect("phases")
        .iter()
        .map(|phase| {
            phase["initiatives"]
                .as_array()
                .expect("initiatives")
                .iter()
                .map(|i| i["initiative"]["title"].as_str().unwrap_or("").to_owned())
                .collect()
        })
        .collect()
}

#[test]
fn the_bank_plan_as_json_is_the_cores_plan_view() {
    let sandbox = bank();
    let out = sandbox
        .run(&["plan", "bank.baton", "--today", TODAY, "--json"])
        .ok()
        .json();
    assert_eq!(out["format"], "baton-plan");
    assert_eq!(out["version"], 1);
    assert_eq!(out["by"], "phase");
    let ws = sandbox.workspace("bank.baton");
    let today = serde_json::from_str(&format!("\"{TODAY}\"")).expect("a date");
    let filter = PlanFilter::default();
    let core = plan_view(&ws, &filter, today, &analyse_for_plan(&ws, &filter));
    let core: Value = serde_json::from_str(&serde_json::to_string(&core).unwrap()).unwrap();
    assert_eq!(out["plan"], core);
    assert_eq!(
        titles(&out["plan"]),
        vec![
            vec![
                "Pass the verified-caller flag on internal transfers",
                "Send fraud referrals through the case system, not email"
            ],
            vec![
                "Assisted transfers to cards and fraud",
                "Flag calls after the second transfer to a senior lane"
            ],
            vec!["Survey every lost-card touchpoint after the call"],
        ]
    );
    let first = &out["plan"]["phases"][0]["initiatives"][0];
    assert_eq!(first["quadrant"], "quick_win");
    assert_eq!(first["evidence"]["handoffs"].as_array().unwrap().len(), 2);
    let coverage = &out["plan"]["coverage"][0];
    assert_eq!(coverage["journey_name"], "Report a lost card");
    assert_eq!(
        coverage["unaddressed_suggestions"]
            .as_array()
            .unwrap()
            .len(),
        7
    );
}

#[test]
fn the_bank_plan_as_text_by_phase_priority_and_owner() {
    let sandbox = bank();
    let by_phase = sandbox
        .run(&["plan", "bank.baton", "--today", TODAY])
        .ok()
        .stdout
        .clone();
    for expected in [
        "Phase 1: Baseline mapping and immediate fixes (0 proposed, 1 planned, 1 in progress",
        "  - “Pass the verified-caller flag on internal transfers”",
        "quick win (impact 5, effort 2), Head of Contact Centre, in progress, due ",
        "big bet (impact 4, effort 4), Workforce Management, proposed",
        "Coverage of “Report a lost card”: 12 of 19 suggestions addressed",
        "flagged chains: 1, 0 unaddressed",
        "worst handoff not linked: “Reviews the unknown charge and opens a dispute” → “Emails the dispute reference and card dispatch date” (friction 15)",
    ] {
        assert!(by_phase.contains(expected), "{expected:?} in:\n{by_phase}");
    }
    // By priority: the impact-5 quick win first, the money pits... none; big bets after quick wins.
    let by_priority = sandbox
        .run(&["plan", "bank.baton", "--today", TODAY, "--by", "priority"])
        .ok()
        .stdout
        .clone();
    let at = |text: &str, what: &str| {
        text.find(what)
            .unwrap_or_else(|| panic!("{what} in {text}"))
    };
    assert!(
        at(&by_priority, "Pass the verified-caller") < at(&by_priority, "Send fraud referrals")
    );
    assert!(at(&by_priority, "Survey every lost-card") < at(&by_priority, "Assisted transfers"));
    assert!(at(&by_priority, "Assisted transfers") < at(&by_priority, "Flag calls after"));
    let by_owner = sandbox
        .run(&["plan", "bank.baton", "--today", TODAY, "--by", "owner"])
        .ok()
        .stdout
        .clone();
    assert!(at(&by_owner, "Contact Centre Operations\n") < at(&by_owner, "Customer Insight\n"));
    assert!(at(&by_owner, "Customer Insight\n") < at(&by_owner, "Workforce Management\n"));
}

#[test]
fn draft_plan_dry_run_changes_nothing_then_one_edit_that_one_undo_removes() {
    let sandbox = bank();
    let before = sandbox.sha256("bank.baton");
    let dry = sandbox
        .run(&[
            "draft-plan",
            "bank.baton",
            "--journey",
            "report a LOST card",
            "--dry-run",
            "--json",
        ])
        .ok()
        .json();
    assert_eq!(dry["format"], "baton-draft-plan");
    assert_eq!(
        (dry["dry_run"].as_bool(), dry["applied"].as_bool()),
        (Some(true), Some(false))
    );
    assert_eq!(dry["initiatives"].as_array().unwrap().len(), 7);
    assert_eq!(
        sandbox.sha256("bank.baton"),
        before,
        "a dry run leaves the file as it was"
    );
    let text = sandbox
        .run(&[
            "draft-plan",
            "bank.baton",
            "--journey",
            "Report a lost card",
            "--dry-run",
        ])
        .ok()
        .stdout
        .clone();
    assert!(text.starts_with("Would add 7 initiatives"), "{text}");
    assert!(
        text.contains("impact 4, effort 2, Fraud and security, expects NPS 20"),
        "{text}"
    );
    assert_eq!(sandbox.sha256("bank.baton"), before);

    let history_before = sandbox
        .run(&["history", "bank.baton", "--json"])
        .ok()
        .json();
    let added = sandbox
        .run(&[
            "draft-plan",
            "bank.baton",
            "--journey",
            "Report a lost card",
        ])
        .ok()
        .stdout
        .clone();
    assert!(added.starts_with("Added 7 initiatives"), "{added}");
    let ws = sandbox.workspace("bank.baton");
    assert_eq!(ws.initiatives.len(), 12);
    let history_after = sandbox
        .run(&["history", "bank.baton", "--json"])
        .ok()
        .json();
    let entries = |h: &Value| h.as_array().map(Vec::len).unwrap_or(0);
    assert_eq!(
        entries(&history_after),
        entries(&history_before) + 1,
        "one edit"
    );
    // Everything addressed now: a second draft adds nothing.
    let again = sandbox
        .run(&[
            "draft-plan",
            "bank.baton",
            "--journey",
            "Report a lost card",
            "--json",
        ])
        .ok()
        .json();
    assert_eq!(again["initiatives"].as_array().unwrap().len(), 0);
    assert_eq!(again["applied"], false);
    let plan = sandbox.run(&["plan", "bank.baton", "--json"]).ok().json();
    assert_eq!(
        plan["plan"]["coverage"][0]["unaddressed_suggestions"],
        Value::Array(vec![])
    );
    // One undo removes the whole draft.
    sandbox.run(&["undo", "bank.baton"]).ok();
    assert_eq!(sandbox.workspace("bank.baton").initiatives.len(), 5);
}

#[test]
fn unknown_journeys_and_missing_arguments_are_refused() {
    let sandbox = bank();
    let line = sandbox
        .run(&["plan", "bank.baton", "--journey", "Nope"])
        .error_line()
        .to_owned();
    assert!(line.contains("no journey is called \"Nope\""), "{line}");
    let line = sandbox
        .run(&["draft-plan", "bank.baton", "--journey", "Nope"])
        .error_line()
        .to_owned();
    assert!(
        line.contains("Report a lost card"),
        "lists the journeys: {line}"
    );
    sandbox.run(&["draft-plan", "bank.baton"]).usage_error();
    sandbox
        .run(&["plan", "bank.baton", "--by", "mood"])
        .usage_error();
    sandbox
        .run(&["plan", "bank.baton", "--today", "tomorrow"])
        .usage_error();
    let line = sandbox
        .run(&["plan", "missing.baton"])
        .error_line()
        .to_owned();
    assert!(line.contains("missing.baton"), "{line}");
}

#[test]
fn user_text_in_the_plan_is_escaped() {
    let sandbox = bank();
    let evil = "Evil\u{1b}[31m\nline two".to_owned();
    sandbox.with_document("bank.baton", |document| {
        let mut initiative = document
            .workspace()
            .initiatives
            .values()
            .next()
            .unwrap()
            .clone();
        initiative.owner = "Owner\u{7}\u{1b}]0;pwned".into();
        initiative.title = evil.clone();
        document
            .apply(Edit::UpdateInitiative { initiative })
            .expect("an odd title is still a title");
    });
    for by in ["phase", "priority", "owner"] {
        let out = sandbox
            .run(&["plan", "bank.baton", "--by", by])
            .ok()
            .stdout
            .clone();
        assert!(!out.contains('\u{1b}') && !out.contains('\u{7}'), "{out}");
        assert!(!out.lines().any(|l| l.starts_with("line two")), "{out}");
        assert!(out.contains("Evil\\e[31m\\nline two"), "{out}");
    }
}
