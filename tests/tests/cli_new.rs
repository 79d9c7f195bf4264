//! `baton new` and `baton demo`: new files, templates, names, and never overwriting by accident.

use baton_core::templates::template_list;
use baton_core::Workspace;
use baton_tests::Sandbox;

/// The journey count and step count `info --json` reports for `file`.
fn counts(sandbox: &Sandbox, file: &str) -> (usize, u64) {
    let info = sandbox.run(&["info", file, "--json"]).ok().json();
    let journeys = info["journeys"].as_array().unwrap();
    let steps = journeys.iter().map(|j| j["steps"].as_u64().unwrap()).sum();
    (journeys.len(), steps)
}

#[test]
fn new_without_template_makes_an_empty_file_named_after_it() {
    let sandbox = Sandbox::new();
    let run = sandbox.run(&["new", "acme-bank.baton"]);
    assert!(run.ok().stdout.contains("acme-bank.baton"));
    let info = sandbox
        .run(&["info", "acme-bank.baton", "--json"])
        .ok()
        .json();
    assert_eq!(info["name"], "acme-bank");
    assert_eq!(info["journeys"].as_array().unwrap().len(), 0);
    assert_eq!(info["history"]["entries"], 0);
    // The file starts with the built-ins every file has.
    let metrics: Vec<&str> = info["metrics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["kind"].as_str().unwrap())
        .collect();
    assert_eq!(metrics, ["csat", "nps", "ces"]);
    assert_eq!(info["phases"].as_array().unwrap().len(), 3);
}

#[test]
fn new_with_each_template_holds_what_the_core_template_builds() {
    let sandbox = Sandbox::new();
    for template in template_list() {
        let file = format!("{}.baton", template.key);
        let run = sandbox.run(&[
            "new",
            &file,
            "--template",
            &template.key,
            "--name",
            "  Acme  ",
        ]);
        run.ok();
        // Built from the same core function on a fresh workspace: same shape, fresh ids.
        let mut expected = Workspace::new_file("x");
        let edit = baton_core::templates::template_edit(&template.key, &expected).unwrap();
        expected.apply(&edit).unwrap();
        let info = sandbox.run(&["info", &file, "--json"]).ok().json();
        assert_eq!(info["name"], "Acme", "the name is trimmed");
        let journey = &info["journeys"][0];
        assert_eq!(journey["steps"], expected.steps.len() as u64, "{file}");
        assert_eq!(journey["handoffs"], expected.handoffs.len() as u64);
        assert_eq!(journey["stages"], expected.stages.len() as u64);
        assert_eq!(journey["lanes"], expected.lanes.len() as u64);
        assert!(journey["persona"].is_string());
        // A template is one edit: one history entry, one undo step.
        assert_eq!(info["history"]["entries"], 1);
        let planned: usize = info["phases"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["initiatives"].as_array().unwrap().len())
            .sum();
        assert_eq!(planned, expected.initiatives.len());
    }
}

#[test]
fn an_existing_file_is_never_overwritten_without_force() {
    let sandbox = Sandbox::new();
    sandbox
        .run(&["new", "client.baton", "--template", "invoice_payment"])
        .ok();
    let before = sandbox.read("client.baton");

    let refused = sandbox.run(&["new", "client.baton"]);
    let line = refused.error_line();
    assert!(
        line.contains("client.baton") && line.contains("--force"),
        "{line}"
    );
    let refused_demo = sandbox.run(&["demo", "client.baton"]);
    refused_demo.error_line();
    assert_eq!(sandbox.read("client.baton"), before, "untouched");
    assert_eq!(counts(&sandbox, "client.baton").0, 1);

    sandbox.run(&["new", "client.baton", "--force"]).ok();
    assert_eq!(
        counts(&sandbox, "client.baton").0,
        0,
        "replaced by an empty file"
    );
    sandbox.run(&["demo", "client.baton", "--force"]).ok();
    assert_eq!(counts(&sandbox, "client.baton").0, 4);
    // Nothing is left behind from building the replacement.
    let names: Vec<String> = std::fs::read_dir(sandbox.dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["client.baton"]);
}

#[test]
fn force_replaces_a_file_that_is_not_a_baton_file() {
    let sandbox = Sandbox::new();
    sandbox.write("notes.baton", b"some text the user wants gone");
    sandbox.run(&["new", "notes.baton"]).error_line();
    sandbox.run(&["new", "notes.baton", "--force"]).ok();
    sandbox.run(&["check", "notes.baton"]).ok();
}

#[test]
fn an_unknown_template_is_refused_before_any_file_is_made() {
    let sandbox = Sandbox::new();
    let run = sandbox.run(&["new", "x.baton", "--template", "bank"]);
    let line = run.error_line();
    assert!(
        line.contains("x.baton") && line.contains("\"bank\""),
        "{line}"
    );
    assert!(
        line.contains("bank_lost_card"),
        "names the known keys: {line}"
    );
    assert!(!sandbox.path("x.baton").exists());
}

#[test]
fn a_missing_folder_or_an_empty_name_is_one_clear_error() {
    let sandbox = Sandbox::new();
    let line = sandbox
        .run(&["new", "no/such/folder/x.baton"])
        .error_line()
        .to_owned();
    assert!(line.contains("no/such/folder/x.baton"), "{line}");
    let line = sandbox
        .run(&["new", "x.baton", "--name", "   "])
        .error_line()
        .to_owned();
    assert!(line.contains("x.baton") && line.contains("name"), "{line}");
    assert!(!sandbox.path("x.baton").exists());
}

#[test]
fn demo_holds_all_four_templates_in_one_undo_step() {
    let sandbox = Sandbox::new();
    let run = sandbox.run(&["demo", "demo.baton"]);
    assert!(run.ok().stdout.contains("4 journeys"));
    let info = sandbox.run(&["info", "demo.baton", "--json"]).ok().json();
    assert_eq!(info["name"], "Baton demo");
    let names: Vec<&str> = info["journeys"]
        .as_array()
        .unwrap()
        .iter()
        .map(|j| j["name"].as_str().unwrap())
        .collect();
    assert_eq!(names.len(), 4);
    assert!(names.contains(&"Report a lost card"));
    assert_eq!(info["personas"].as_array().unwrap().len(), 4);
    assert_eq!(info["history"]["entries"], 1);
    sandbox.run(&["undo", "demo.baton"]).ok();
    assert_eq!(counts(&sandbox, "demo.baton"), (0, 0));
}
