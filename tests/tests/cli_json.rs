//! `baton export-json` and `baton import-json`: lossless round trips through the CLI, and no
//! accidental overwrites.

use baton_tests::Sandbox;

#[test]
fn export_import_export_is_byte_identical() {
    let sandbox = Sandbox::new();
    sandbox.run(&["demo", "demo.baton"]).ok();
    // A history with an undone entry, so the cursor travels too.
    sandbox
        .run(&["new", "two.baton", "--template", "bank_lost_card"])
        .ok();
    sandbox.run(&["undo", "two.baton"]).ok();
    for file in ["demo.baton", "two.baton"] {
        let exported = sandbox.run(&["export-json", file]).ok().stdout.clone();
        sandbox.write("export.json", exported.as_bytes());
        sandbox
            .run(&["import-json", "export.json", "copy.baton", "--force"])
            .ok();
        let again = sandbox
            .run(&["export-json", "copy.baton"])
            .ok()
            .stdout
            .clone();
        assert_eq!(exported, again, "{file}");
        // What the copy holds is what the original holds.
        let original = sandbox.run(&["info", file, "--json"]).ok().json();
        let copy = sandbox.run(&["info", "copy.baton", "--json"]).ok().json();
        assert_eq!(original["journeys"], copy["journeys"]);
        assert_eq!(original["history"], copy["history"]);
    }
}

#[test]
fn export_to_a_file_writes_the_same_bytes_as_stdout() {
    let sandbox = Sandbox::new();
    sandbox
        .run(&["new", "c.baton", "--template", "sales_to_cs_onboarding"])
        .ok();
    let stdout = sandbox.run(&["export-json", "c.baton"]).ok().stdout.clone();
    let run = sandbox.run(&["export-json", "c.baton", "-o", "c.json"]);
    assert!(run.ok().stdout.contains("c.json"));
    assert_eq!(sandbox.read("c.json"), stdout.as_bytes());
    let json: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(json["format"], "baton");
    assert_eq!(json["info"]["name"], "c");
    assert_eq!(json["journeys"][0]["name"], "Get onboarded after signing");
}

#[test]
fn outputs_are_never_overwritten_without_force() {
    let sandbox = Sandbox::new();
    sandbox
        .run(&["new", "c.baton", "--template", "invoice_payment"])
        .ok();
    sandbox.write("taken.json", b"keep me");
    let line = sandbox
        .run(&["export-json", "c.baton", "-o", "taken.json"])
        .error_line()
        .to_owned();
    assert!(
        line.contains("taken.json") && line.contains("--force"),
        "{line}"
    );
    assert_eq!(sandbox.read("taken.json"), b"keep me");
    sandbox
        .run(&["export-json", "c.baton", "-o", "taken.json", "--force"])
        .ok();
    assert!(sandbox.read("taken.json").starts_with(b"{"));

    sandbox.run(&["new", "target.baton"]).ok();
    let before = sandbox.read("target.baton");
    let line = sandbox
        .run(&["import-json", "taken.json", "target.baton"])
        .error_line()
        .to_owned();
    assert!(
        line.contains("target.baton") && line.contains("--force"),
        "{line}"
    );
    assert_eq!(sandbox.read("target.baton"), before);
    sandbox
        .run(&["import-json", "taken.json", "target.baton", "--force"])
        .ok();
    let info = sandbox.run(&["info", "target.baton", "--json"]).ok().json();
    assert_eq!(info["journeys"][0]["name"], "Get an invoice paid");
}

#[test]
fn export_refuses_to_write_over_the_client_file_itself() {
    let sandbox = Sandbox::new();
    sandbox.run(&["new", "c.baton"]).ok();
    let before = sandbox.read("c.baton");
    let line = sandbox
        .run(&["export-json", "c.baton", "-o", "./c.baton", "--force"])
        .error_line()
        .to_owned();
    assert!(line.contains("c.baton"), "{line}");
    assert_eq!(sandbox.read("c.baton"), before);
}

#[test]
fn import_reads_stdin_when_given_a_dash() {
    let sandbox = Sandbox::new();
    sandbox
        .run(&[
            "new",
            "c.baton",
            "--template",
            "outsourced_order_processing",
        ])
        .ok();
    let exported = sandbox.run(&["export-json", "c.baton"]).ok().stdout.clone();
    sandbox
        .run_with_stdin(&["import-json", "-", "piped.baton"], exported.as_bytes())
        .ok();
    let again = sandbox
        .run(&["export-json", "piped.baton"])
        .ok()
        .stdout
        .clone();
    assert_eq!(exported, again);
}

#[test]
fn bad_json_is_one_line_naming_the_input_and_makes_no_file() {
    let sandbox = Sandbox::new();
    let cases: [(&str, &[u8], &str); 4] = [
        ("syntax.json", b"{ not json", "not valid JSON"),
        (
            "other.json",
            br#"{"format": "excel"}"#,
            "not a Baton export",
        ),
        ("empty.json", b"", "not valid JSON"),
        ("binary.json", &[0xff, 0xfe, 0x00, 0x01], "binary.json"),
    ];
    for (name, bytes, reason) in cases {
        sandbox.write(name, bytes);
        let run = sandbox.run(&["import-json", name, "out.baton"]);
        let line = run.error_line();
        assert!(line.contains(name), "{line}");
        assert!(line.contains(reason), "{reason:?} in {line}");
        assert!(!sandbox.path("out.baton").exists(), "{name}: no file left");
    }
    let line = sandbox
        .run(&["import-json", "missing.json", "out.baton"])
        .error_line()
        .to_owned();
    assert!(line.contains("missing.json"), "{line}");
}

#[test]
fn an_export_that_breaks_the_rules_is_refused_on_import() {
    let sandbox = Sandbox::new();
    sandbox
        .run(&["new", "c.baton", "--template", "bank_lost_card"])
        .ok();
    let exported = sandbox.run(&["export-json", "c.baton"]).ok().stdout.clone();
    let mut json: serde_json::Value = serde_json::from_str(&exported).unwrap();
    // A step whose title is empty: the core's validation refuses it, wherever it comes from.
    json["steps"][0]["title"] = serde_json::json!("   ");
    sandbox.write("edited.json", json.to_string().as_bytes());
    let run = sandbox.run(&["import-json", "edited.json", "out.baton"]);
    assert!(run.error_line().contains("edited.json"));
    assert!(!sandbox.path("out.baton").exists());
}
