//! Usage: clap's exit code 2 for bad command lines, 0 for help, and the list of subcommands.

use baton_tests::Sandbox;

#[test]
fn bad_usage_exits_with_2() {
    let sandbox = Sandbox::new();
    let cases: [&[&str]; 8] = [
        &[],
        &["frobnicate"],
        &["new"],
        &["info"],
        &["import-json", "only-one-arg.json"],
        &["export-json", "c.baton", "--force"],
        &["info", "c.baton", "--no-such-flag"],
        &["templates", "extra"],
    ];
    for args in cases {
        let run = sandbox.run(args);
        let stderr = run.usage_error();
        assert!(stderr.contains("Usage"), "{args:?}: {stderr}");
    }
    assert_eq!(
        std::fs::read_dir(sandbox.dir()).unwrap().count(),
        0,
        "no file made"
    );
}

#[test]
fn help_lists_every_subcommand_and_exits_0() {
    let sandbox = Sandbox::new();
    let help = sandbox.run(&["--help"]).ok().stdout.clone();
    for command in [
        "new",
        "demo",
        "info",
        "check",
        "export-json",
        "import-json",
        "history",
        "undo",
        "redo",
        "templates",
    ] {
        assert!(
            help.lines().any(|l| l.trim_start().starts_with(command)),
            "{command} in {help}"
        );
    }
    let version = sandbox.run(&["--version"]).ok().stdout.clone();
    assert!(version.starts_with("baton "), "{version}");
}

#[test]
fn templates_text_shows_each_key_and_name() {
    let sandbox = Sandbox::new();
    let text = sandbox.run(&["templates"]).ok().stdout.clone();
    for template in baton_core::templates::template_list() {
        assert!(text.contains(&template.key) && text.contains(&template.name));
    }
}
