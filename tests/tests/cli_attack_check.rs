//! Issue 10's attacks on `check`, on files with foreign code and on imported histories, through
//! the real `baton` binary: each file is damaged by hand through rusqlite (as any SQLite tool
//! could), and where the promise is "unchanged" the file's sha256 is compared before and after.

use baton_tests::Sandbox;
use serde_json::Value;

/// A demo file with a history of three entries, the last one undone: the demo, then two
/// survey imports (one undone).
fn demo_with_history(sandbox: &Sandbox, name: &str) {
    sandbox.run(&["demo", name]).ok();
    let export = sandbox.run(&["export-json", name]).ok().json();
    let step = export["steps"][0]["id"].as_str().unwrap().to_owned();
    for (survey, day) in [("first.csv", 10), ("second.csv", 11)] {
        let csv = format!(
            "target,metric,value,date,respondent\n\
             {step},CSAT,4,2026-10-{day},R1\n\
             {step},CSAT,2,2026-10-{day},R2\n"
        );
        sandbox.write(survey, csv.as_bytes());
        sandbox.run(&["import-responses", name, survey]).ok();
    }
    sandbox.run(&["undo", name]).ok();
}

/// Runs `sql` on a file of the sandbox, foreign keys off, as a hand edit would.
fn hand_edit(sandbox: &Sandbox, name: &str, sql: &str) {
    let conn = rusqlite::Connection::open(sandbox.path(name)).unwrap();
    conn.pragma_update(None, "foreign_keys", "OFF").unwrap();
    conn.execute_batch(sql).unwrap();
    conn.close().unwrap();
}

fn first_id(sandbox: &Sandbox, name: &str, sql: &str) -> String {
    let conn = rusqlite::Connection::open(sandbox.path(name)).unwrap();
    conn.query_row(sql, [], |row| row.get(0)).unwrap()
}

/// `baton check NAME` fails (exit 1, one `error:` line), leaves the file's sha256 as it was,
/// and its report holds a line with every one of `says`. Returns stdout.
#[track_caller]
fn check_finds(sandbox: &Sandbox, name: &str, says: &[&[&str]]) -> String {
    let before = sandbox.sha256(name);
    let run = sandbox.run(&["check", name]);
    let line = run.error_line();
    assert!(line.contains(name) && line.contains("problem"), "{line}");
    for parts in says {
        assert!(
            run.stdout
                .lines()
                .any(|line| parts.iter().all(|part| line.contains(part))),
            "no line with {parts:?} in:\n{}",
            run.stdout
        );
    }
    assert_eq!(sandbox.sha256(name), before, "check changed {name}");
    assert!(!sandbox.path(&format!("{name}-journal")).exists());
    run.stdout.clone()
}

#[test]
fn an_imported_history_whose_inverse_disagrees_with_its_edit_is_refused() {
    let sandbox = Sandbox::new();
    demo_with_history(&sandbox, "demo.baton");
    let export = sandbox
        .run(&["export-json", "demo.baton"])
        .ok()
        .stdout
        .clone();
    let mut value: Value = serde_json::from_str(&export).unwrap();
    assert_eq!(value["history"]["cursor"], 2);
    let undo_of_first_import = &value["history"]["entries"][1]["inverse"]["edits"][0];
    assert_eq!(undo_of_first_import["op"], "remove_responses");
    let ids_undone = undo_of_first_import["ids"].as_array().unwrap().clone();

    // The second import's undo swapped in for the first's.
    let mut swapped = value.clone();
    swapped["history"]["entries"][1]["inverse"] = value["history"]["entries"][2]["inverse"].clone();
    // The first import's undo aimed at a response of the demo: undo would delete it.
    let demo_response = value["responses"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].clone())
        .find(|id| !ids_undone.contains(id))
        .expect("the demo holds responses of its own");
    value["history"]["entries"][1]["inverse"]["edits"][0]["ids"][0] = demo_response;

    for (json, name) in [(swapped, "swapped.json"), (value, "aimed.json")] {
        sandbox.write(
            name,
            serde_json::to_string_pretty(&json).unwrap().as_bytes(),
        );
        let run = sandbox.run(&["import-json", name, "copy.baton"]);
        let line = run.error_line();
        assert!(
            line.contains("$.history.entries[1].inverse"),
            "{name}: {line}"
        );
        assert!(!sandbox.path("copy.baton").exists(), "{name}: nothing made");
    }
}

#[test]
fn a_sound_export_with_an_undone_entry_imports_and_round_trips_byte_for_byte() {
    let sandbox = Sandbox::new();
    demo_with_history(&sandbox, "demo.baton");
    sandbox
        .run(&["export-json", "demo.baton", "-o", "first.json"])
        .ok();
    sandbox
        .run(&["import-json", "first.json", "copy.baton"])
        .ok();
    sandbox
        .run(&["export-json", "copy.baton", "-o", "second.json"])
        .ok();
    assert_eq!(sandbox.read("first.json"), sandbox.read("second.json"));
    sandbox.run(&["check", "copy.baton"]).ok();
    sandbox.run(&["redo", "copy.baton"]).ok();
    for _ in 0..3 {
        sandbox.run(&["undo", "copy.baton"]).ok();
    }
    sandbox.run(&["check", "copy.baton"]).ok();
}

#[test]
fn check_finds_a_broken_reference() {
    let sandbox = Sandbox::new();
    sandbox.run(&["demo", "fk.baton"]).ok();
    let step = first_id(&sandbox, "fk.baton", "SELECT MIN(id) FROM step");
    hand_edit(
        &sandbox,
        "fk.baton",
        &format!("UPDATE step SET lane_id = 'no-such-lane' WHERE id = '{step}';"),
    );
    check_finds(
        &sandbox,
        "fk.baton",
        &[&[
            "table step",
            &step,
            "column lane_id",
            "no-such-lane",
            "table lane",
        ]],
    );
}

#[test]
fn check_finds_a_handoff_to_its_own_step_and_an_off_scale_value() {
    let sandbox = Sandbox::new();
    sandbox.run(&["demo", "rules.baton"]).ok();
    let handoff = first_id(&sandbox, "rules.baton", "SELECT MIN(id) FROM handoff");
    let response = first_id(&sandbox, "rules.baton", "SELECT MIN(id) FROM response");
    hand_edit(
        &sandbox,
        "rules.baton",
        &format!(
            "UPDATE handoff SET to_step_id = from_step_id WHERE id = '{handoff}';
             UPDATE response SET value = 1000 WHERE id = '{response}';"
        ),
    );
    check_finds(
        &sandbox,
        "rules.baton",
        &[
            &["table handoff", &handoff, "itself"],
            &["table response", &response, "1000"],
        ],
    );
}

#[test]
fn check_finds_duplicate_positions() {
    let sandbox = Sandbox::new();
    sandbox.run(&["demo", "positions.baton"]).ok();
    hand_edit(&sandbox, "positions.baton", "UPDATE lane SET position = 1;");
    check_finds(
        &sandbox,
        "positions.baton",
        &[&["table lane", "the lanes of journey", "each used once"]],
    );
}

#[test]
fn check_finds_history_gaps_a_cursor_past_the_end_and_unparsable_entries() {
    let sandbox = Sandbox::new();
    demo_with_history(&sandbox, "history.baton");
    hand_edit(
        &sandbox,
        "history.baton",
        "DELETE FROM history WHERE seq = 2;
         UPDATE history SET inverse = '{\"op\": ' WHERE seq = 3;
         UPDATE meta SET value = '7' WHERE key = 'undo_cursor';",
    );
    check_finds(
        &sandbox,
        "history.baton",
        &[
            &["history entry 3", "without gaps"],
            &["history entry 3", "its inverse is not a valid edit"],
            &["undo_cursor", "7", "past the last"],
        ],
    );
}

#[test]
fn check_finds_an_emptied_meta_table() {
    let sandbox = Sandbox::new();
    sandbox.run(&["demo", "meta.baton"]).ok();
    hand_edit(&sandbox, "meta.baton", "DELETE FROM meta;");
    check_finds(
        &sandbox,
        "meta.baton",
        &[
            &["table meta, row undo_cursor", "missing"],
            &["table meta, row revision", "missing"],
        ],
    );
}

#[test]
fn check_lists_every_problem_and_says_so_in_json() {
    let sandbox = Sandbox::new();
    demo_with_history(&sandbox, "many.baton");
    let handoff = first_id(&sandbox, "many.baton", "SELECT MIN(id) FROM handoff");
    hand_edit(
        &sandbox,
        "many.baton",
        &format!(
            "CREATE TRIGGER wipe AFTER INSERT ON history BEGIN DELETE FROM step; END;
             UPDATE handoff SET to_step_id = from_step_id WHERE id = '{handoff}';
             UPDATE stage SET position = 0;
             UPDATE history SET edit = 'garbage' WHERE seq = 2;
             DELETE FROM meta WHERE key = 'revision';"
        ),
    );
    check_finds(
        &sandbox,
        "many.baton",
        &[
            &["[schema]", "trigger \"wipe\""],
            &["[model]", &handoff],
            &["[model]", "table stage"],
            &["[history]", "history entry 2"],
            &["[meta]", "revision"],
        ],
    );
    let before = sandbox.sha256("many.baton");
    let run = sandbox.run(&["check", "many.baton", "--json"]);
    run.error_line();
    let report = run.json();
    assert_eq!(report["ok"], false);
    let areas: Vec<&str> = report["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|problem| problem["area"].as_str().unwrap())
        .collect();
    for area in ["schema", "model", "history", "meta"] {
        assert!(areas.contains(&area), "{area} missing from {areas:?}");
    }
    assert_eq!(sandbox.sha256("many.baton"), before);
}

#[test]
fn a_planted_trigger_never_runs_and_every_command_refuses_the_file() {
    // The attack: a trigger on `history` deleting every step ran inside the next undo.
    let sandbox = Sandbox::new();
    demo_with_history(&sandbox, "planted.baton");
    hand_edit(
        &sandbox,
        "planted.baton",
        "CREATE TRIGGER wipe AFTER UPDATE ON meta BEGIN DELETE FROM step; END;
         CREATE VIEW peek AS SELECT title FROM step;",
    );
    let before = sandbox.sha256("planted.baton");
    for args in [
        vec!["undo", "planted.baton"],
        vec!["redo", "planted.baton"],
        vec!["info", "planted.baton"],
        vec!["export-json", "planted.baton"],
        vec!["history", "planted.baton"],
    ] {
        let run = sandbox.run(&args);
        let line = run.error_line();
        assert!(
            line.contains("planted.baton") && line.contains("trigger \"wipe\""),
            "{args:?}: {line}"
        );
    }
    assert_eq!(sandbox.sha256("planted.baton"), before, "untouched");
    let steps: i64 = {
        let conn = rusqlite::Connection::open(sandbox.path("planted.baton")).unwrap();
        conn.query_row("SELECT COUNT(*) FROM step", [], |row| row.get(0))
            .unwrap()
    };
    assert!(steps > 0, "the trigger never ran");
    check_finds(
        &sandbox,
        "planted.baton",
        &[
            &["[schema]", "trigger \"wipe\"", "not created by Baton"],
            &["[schema]", "view \"peek\""],
        ],
    );
}

#[test]
fn a_file_saying_version_1_with_a_version_2_schema_is_damaged_and_never_backed_up() {
    let sandbox = Sandbox::new();
    sandbox.run(&["demo", "liar.baton"]).ok();
    let conn = rusqlite::Connection::open(sandbox.path("liar.baton")).unwrap();
    conn.pragma_update(None, "user_version", 1).unwrap();
    conn.close().unwrap();
    let before = sandbox.sha256("liar.baton");
    for args in [
        vec!["info", "liar.baton"],
        vec!["undo", "liar.baton"],
        vec!["info", "liar.baton"],
        vec!["analyze", "liar.baton"],
    ] {
        let run = sandbox.run(&args);
        let line = run.error_line();
        assert!(
            line.contains("liar.baton is damaged") && line.contains("says 1"),
            "{args:?}: {line}"
        );
        assert!(!line.contains("already exists"), "{line}");
    }
    // The demo is made at the current version, whose tables the check names.
    let current = format!("version {}", baton_store::SCHEMA_VERSION);
    check_finds(
        &sandbox,
        "liar.baton",
        &[&["[schema]", "says 1", current.as_str()]],
    );
    assert_eq!(sandbox.sha256("liar.baton"), before);
    let names: Vec<String> = std::fs::read_dir(sandbox.dir())
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        names,
        vec!["liar.baton".to_owned()],
        "no backup, no journal"
    );
}

#[test]
fn unreadable_rows_are_typed_errors_in_plain_words() {
    let sandbox = Sandbox::new();
    sandbox.run(&["demo", "base.baton"]).ok();
    let base = sandbox.read("base.baton");
    let step = first_id(&sandbox, "base.baton", "SELECT MIN(id) FROM step");
    let cases = [
        (
            "no-info.baton",
            "DELETE FROM workspace_info;".to_owned(),
            vec!["table workspace_info", "missing"],
        ),
        (
            "text-number.baton",
            format!("UPDATE step SET position = 'second' WHERE id = '{step}';"),
            vec!["table step", step.as_str(), "column position", "text"],
        ),
        (
            "blob-title.baton",
            format!("UPDATE step SET title = X'DEADBEEF' WHERE id = '{step}';"),
            vec!["table step", step.as_str(), "column title", "binary data"],
        ),
    ];
    for (name, sql, says) in cases {
        sandbox.write(name, &base);
        hand_edit(&sandbox, name, &sql);
        let before = sandbox.sha256(name);
        let run = sandbox.run(&["info", name]);
        let line = run.error_line();
        assert!(line.contains(&format!("{name} is damaged")), "{line}");
        for part in &says {
            assert!(line.contains(part), "{name}: {part:?} not in {line}");
        }
        assert!(
            !line.contains("Query returned no rows") && !line.contains("Invalid column type"),
            "{line}"
        );
        check_finds(&sandbox, name, &[&says]);
        assert_eq!(sandbox.sha256(name), before);
    }
}

#[test]
fn check_sees_a_corrupt_index() {
    let sandbox = Sandbox::new();
    sandbox.run(&["demo", "index.baton"]).ok();
    let (root, page_size, journey): (i64, i64, String) = {
        let conn = rusqlite::Connection::open(sandbox.path("index.baton")).unwrap();
        let root = conn
            .query_row(
                "SELECT rootpage FROM sqlite_schema WHERE name = 'stage_by_journey'",
                [],
                |row| row.get(0),
            )
            .unwrap();
        let page_size = conn
            .pragma_query_value(None, "page_size", |row| row.get(0))
            .unwrap();
        let journey = conn
            .query_row("SELECT MIN(journey_id) FROM stage", [], |row| row.get(0))
            .unwrap();
        (root, page_size, journey)
    };
    // One byte of a journey id changed inside the index's page: the table and its index disagree.
    let mut bytes = sandbox.read("index.baton");
    let start = ((root - 1) * page_size) as usize;
    let page = &mut bytes[start..start + page_size as usize];
    let at = page
        .windows(journey.len())
        .position(|window| window == journey.as_bytes())
        .expect("the journey id is in the index's page");
    let last = at + journey.len() - 1;
    page[last] = if page[last] == b'0' { b'1' } else { b'0' };
    sandbox.write("index.baton", &bytes);
    check_finds(
        &sandbox,
        "index.baton",
        &[&["[integrity]", "stage_by_journey"]],
    );
}
