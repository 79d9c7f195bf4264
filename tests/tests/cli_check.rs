//! `baton check`, and what every subcommand does with a file that is not a sound Baton file:
//! exit 1, one `error:` line naming the file, and the file left as it was.

use baton_store::{Document, APPLICATION_ID, SCHEMA_VERSION};
use baton_tests::Sandbox;

/// Every subcommand that reads an existing client file, as arguments around `file`.
fn readers(file: &str) -> Vec<Vec<String>> {
    let owned = |args: &[&str]| args.iter().map(|a| a.to_string()).collect::<Vec<_>>();
    vec![
        owned(&["info", file]),
        owned(&["info", file, "--json"]),
        owned(&["check", file]),
        owned(&["check", file, "--json"]),
        owned(&["export-json", file]),
        owned(&["export-json", file, "-o", "out.json"]),
        owned(&["history", file]),
        owned(&["history", file, "--json"]),
        owned(&["undo", file]),
        owned(&["redo", file]),
    ]
}

#[track_caller]
fn every_reader_refuses(sandbox: &Sandbox, file: &str, reason: &str) {
    let before = sandbox.read(file);
    for args in readers(file) {
        let run = sandbox.run(&args);
        let line = run.error_line();
        assert!(line.contains(file), "{args:?} names the file: {line}");
        assert!(line.contains(reason), "{args:?} says {reason:?}: {line}");
        assert_eq!(run.stdout, "", "{args:?} prints nothing on stdout");
    }
    assert_eq!(sandbox.read(file), before, "{file} is untouched");
    assert!(!sandbox.path("out.json").exists());
}

#[test]
fn check_json_reports_a_sound_file() {
    let sandbox = Sandbox::new();
    sandbox.run(&["demo", "demo.baton"]).ok();
    let report = sandbox.run(&["check", "demo.baton", "--json"]).ok().json();
    assert_eq!(report["file"], "demo.baton");
    assert_eq!(report["ok"], true);
    assert_eq!(report["application_id"], APPLICATION_ID);
    assert_eq!(report["expected_application_id"], APPLICATION_ID);
    assert_eq!(report["schema_version"], SCHEMA_VERSION);
    assert_eq!(report["supported_schema_version"], SCHEMA_VERSION);
    assert_eq!(report["integrity_problems"], serde_json::json!([]));
    assert_eq!(report["problems"], serde_json::json!([]));

    let text = sandbox.run(&["check", "demo.baton"]).ok().stdout.clone();
    assert!(text.starts_with("demo.baton: ok"), "{text}");
    assert!(text.contains(&format!("{APPLICATION_ID:#010x}")), "{text}");
}

#[test]
fn check_reads_an_older_file_as_it_is_and_never_upgrades_it() {
    const {
        assert!(
            SCHEMA_VERSION >= 2,
            "this test needs an older schema to exist"
        )
    };
    let sandbox = Sandbox::new();
    let old = sandbox.path("old.baton");
    baton_store::testing::create_at_version(&old, "Old client", SCHEMA_VERSION - 1).unwrap();
    let before = sandbox.read("old.baton");
    for _ in 0..2 {
        let report = sandbox.run(&["check", "old.baton", "--json"]).ok().json();
        assert_eq!(report["ok"], true);
        assert_eq!(report["schema_version"], SCHEMA_VERSION - 1);
    }
    assert_eq!(
        sandbox.read("old.baton"),
        before,
        "check never changes the file"
    );
    assert!(
        !sandbox
            .path(&format!("old.baton.v{}.bak", SCHEMA_VERSION - 1))
            .exists(),
        "nor backs it up"
    );
    let text = sandbox.run(&["check", "old.baton"]).ok().stdout.clone();
    assert!(text.contains("older"), "{text}");
}

#[test]
fn random_bytes_are_refused_by_every_subcommand() {
    let sandbox = Sandbox::new();
    // Deterministic noise: not an SQLite header.
    let noise: Vec<u8> = (0u32..4096)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    sandbox.write("noise.baton", &noise[..4000]);
    every_reader_refuses(&sandbox, "noise.baton", "not a Baton file");
    // Whole 4 KiB pages without SQLite's header are what an encrypted file looks like (random
    // bytes cannot be told from one): every command asks for the passphrase instead.
    sandbox.write("pages.baton", &noise);
    every_reader_refuses(&sandbox, "pages.baton", "a passphrase is needed");
}

#[test]
fn an_empty_file_is_refused_by_every_subcommand() {
    let sandbox = Sandbox::new();
    sandbox.write("empty.baton", b"");
    every_reader_refuses(&sandbox, "empty.baton", "empty");
}

#[test]
fn a_truncated_file_is_refused_by_every_subcommand() {
    let sandbox = Sandbox::new();
    sandbox.run(&["demo", "cut.baton"]).ok();
    let whole = sandbox.read("cut.baton");
    sandbox.write("cut.baton", &whole[..whole.len() / 2]);
    every_reader_refuses(&sandbox, "cut.baton", "truncated");
}

#[test]
fn another_applications_database_is_refused() {
    let sandbox = Sandbox::new();
    let conn = rusqlite::Connection::open(sandbox.path("other.baton")).unwrap();
    conn.execute_batch("CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('hello');")
        .unwrap();
    conn.close().unwrap();
    every_reader_refuses(&sandbox, "other.baton", "another application");
}

#[test]
fn a_missing_file_is_one_line_naming_it() {
    let sandbox = Sandbox::new();
    for args in readers("gone.baton") {
        let run = sandbox.run(&args);
        assert!(run.error_line().contains("gone.baton"), "{args:?}");
    }
    assert!(
        !sandbox.path("gone.baton").exists(),
        "never created by reading"
    );
}

#[test]
fn a_damaged_file_fails_the_check() {
    let sandbox = Sandbox::new();
    sandbox.run(&["demo", "damaged.baton"]).ok();
    let mut bytes = sandbox.read("damaged.baton");
    // Overwrite the middle pages (tables and indexes) but keep the header and the size.
    let page = 4096;
    let start = page * 3;
    let end = (bytes.len() - page).max(start + page);
    for (i, byte) in bytes[start..end].iter_mut().enumerate() {
        *byte = (i % 251) as u8;
    }
    sandbox.write("damaged.baton", &bytes);
    let run = sandbox.run(&["check", "damaged.baton"]);
    let line = run.error_line();
    assert!(line.contains("damaged.baton"), "{line}");
}

#[test]
fn a_file_open_in_another_baton_is_refused_and_never_replaced() {
    let sandbox = Sandbox::new();
    sandbox
        .run(&["new", "busy.baton", "--template", "invoice_payment"])
        .ok();
    let held = Document::open(sandbox.path("busy.baton")).unwrap();
    let line = sandbox.run(&["info", "busy.baton"]).error_line().to_owned();
    assert!(
        line.contains("busy.baton") && line.contains("open in another Baton"),
        "{line}"
    );
    let line = sandbox
        .run(&["new", "busy.baton", "--force"])
        .error_line()
        .to_owned();
    assert!(line.contains("busy.baton"), "{line}");
    drop(held);
    let info = sandbox.run(&["info", "busy.baton", "--json"]).ok().json();
    assert_eq!(
        info["journeys"].as_array().unwrap().len(),
        1,
        "still the original"
    );
}

#[test]
fn a_target_an_older_baton_left_outside_its_range_is_named_and_the_file_still_opens() {
    let sandbox = Sandbox::new();
    sandbox
        .run(&["new", "old.baton", "--template", "bank_lost_card"])
        .ok();
    let ws = sandbox.workspace("old.baton");
    let target = ws.targets.values().next().unwrap().id.clone();
    let conn = rusqlite::Connection::open(sandbox.path("old.baton")).unwrap();
    conn.execute("UPDATE target SET value = 140 WHERE id = ?1", [&target])
        .unwrap();
    drop(conn);
    let run = sandbox.run(&["check", "old.baton"]);
    assert!(
        run.error_line().contains("1 problem"),
        "{}",
        run.error_line()
    );
    let finding = format!("[model] table target, row {target}, column value: ");
    let line = run
        .stdout
        .lines()
        .find(|line| line.trim_start().starts_with(&finding))
        .unwrap_or_else(|| panic!("no finding for the target in {}", run.stdout));
    assert!(line.ends_with("not 140"), "{line}");
    // Every other command still reads the file as it is.
    let info = sandbox.run(&["info", "old.baton", "--json"]).ok().json();
    assert_eq!(info["file"], "old.baton");
}
