//! `baton history`, `baton undo`, `baton redo`: the history lives in the file, so undo and redo
//! work across invocations.

use baton_tests::Sandbox;

fn journeys(sandbox: &Sandbox, file: &str) -> usize {
    let info = sandbox.run(&["info", file, "--json"]).ok().json();
    info["journeys"].as_array().unwrap().len()
}

fn history(sandbox: &Sandbox, file: &str) -> Vec<serde_json::Value> {
    let json = sandbox.run(&["history", file, "--json"]).ok().json();
    json.as_array().unwrap().clone()
}

#[test]
fn undo_and_redo_work_across_invocations() {
    let sandbox = Sandbox::new();
    sandbox
        .run(&["new", "c.baton", "--template", "bank_lost_card"])
        .ok();
    assert_eq!(journeys(&sandbox, "c.baton"), 1);
    let entries = history(&sandbox, "c.baton");
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0]["seq"], 1);
    assert_eq!(entries[0]["undone"], false);
    let label = entries[0]["label"].as_str().unwrap().to_owned();
    assert!(label.contains("Bank"), "{label}");

    let run = sandbox.run(&["undo", "c.baton"]);
    let said = run.ok().stdout.clone();
    assert!(said.contains("Undid #1") && said.contains(&label), "{said}");
    assert!(said.contains("0 to undo, 1 to redo"), "{said}");
    assert_eq!(journeys(&sandbox, "c.baton"), 0);
    assert_eq!(history(&sandbox, "c.baton")[0]["undone"], true);

    let said = sandbox.run(&["redo", "c.baton"]).ok().stdout.clone();
    assert!(said.contains("Redid #1") && said.contains(&label), "{said}");
    assert_eq!(journeys(&sandbox, "c.baton"), 1);
    assert_eq!(history(&sandbox, "c.baton")[0]["undone"], false);
}

#[test]
fn nothing_to_undo_or_redo_is_exit_1_with_one_line() {
    let sandbox = Sandbox::new();
    sandbox.run(&["new", "c.baton"]).ok();
    let line = sandbox.run(&["undo", "c.baton"]).error_line().to_owned();
    assert!(
        line.contains("c.baton") && line.contains("nothing to undo"),
        "{line}"
    );
    let line = sandbox.run(&["redo", "c.baton"]).error_line().to_owned();
    assert!(
        line.contains("c.baton") && line.contains("nothing to redo"),
        "{line}"
    );

    sandbox
        .run(&["new", "t.baton", "--template", "invoice_payment"])
        .ok();
    sandbox.run(&["redo", "t.baton"]).error_line();
    sandbox.run(&["undo", "t.baton"]).ok();
    sandbox.run(&["undo", "t.baton"]).error_line();
}

#[test]
fn the_history_of_an_imported_file_can_be_undone_there() {
    let sandbox = Sandbox::new();
    sandbox.run(&["demo", "demo.baton"]).ok();
    sandbox
        .run(&["export-json", "demo.baton", "-o", "demo.json"])
        .ok();
    sandbox
        .run(&["import-json", "demo.json", "copy.baton"])
        .ok();
    assert_eq!(
        history(&sandbox, "copy.baton"),
        history(&sandbox, "demo.baton")
    );
    sandbox.run(&["undo", "copy.baton"]).ok();
    assert_eq!(journeys(&sandbox, "copy.baton"), 0);
    assert_eq!(
        journeys(&sandbox, "demo.baton"),
        4,
        "the original is separate"
    );
}

#[test]
fn history_text_lists_seq_time_label_and_undone_marker() {
    let sandbox = Sandbox::new();
    sandbox.run(&["new", "c.baton"]).ok();
    let text = sandbox.run(&["history", "c.baton"]).ok().stdout.clone();
    assert!(text.contains("no edits"), "{text}");

    sandbox
        .run(&["new", "t.baton", "--template", "sales_to_cs_onboarding"])
        .ok();
    sandbox.run(&["undo", "t.baton"]).ok();
    let entries = history(&sandbox, "t.baton");
    let at = entries[0]["at"].as_str().unwrap();
    let text = sandbox.run(&["history", "t.baton"]).ok().stdout.clone();
    let line = text.lines().next().unwrap();
    assert!(line.starts_with("1  "), "{line}");
    assert!(line.contains(&at[..10]), "the date {at} in {line}");
    assert!(
        line.contains(entries[0]["label"].as_str().unwrap()),
        "{line}"
    );
    assert!(line.ends_with("(undone)"), "{line}");
}
