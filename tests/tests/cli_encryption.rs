//! Encrypted client files from the command line: `protect`, `unprotect`, `rekey`, and every
//! command that opens a file, given the passphrase by `--passphrase-file` or `BATON_PASSPHRASE`;
//! a passphrase on the command line itself is refused.

use std::process::{Command, Stdio};

use baton_tests::{baton_exe, Sandbox};

const PLAIN_MAGIC: &[u8] = b"SQLite format 3\0";
const CALLS_PATH: &str = "Report a lost card / Call / Maya / Calls the lost-card line";

fn contains(haystack: &[u8], needle: &str) -> bool {
    haystack
        .windows(needle.len())
        .any(|window| window == needle.as_bytes())
}

/// A protected copy of the lost-card template, its passphrase in `pass.txt` (with the newline
/// an editor adds).
fn protected_bank(sandbox: &Sandbox) {
    sandbox
        .run(&["new", "bank.baton", "--template", "bank_lost_card"])
        .ok();
    sandbox.write("pass.txt", b"tr0ub4dor & 3\n");
    let said = sandbox
        .run(&["protect", "bank.baton", "--passphrase-file", "pass.txt"])
        .ok()
        .stdout
        .clone();
    assert!(said.contains("Protected bank.baton"), "{said}");
    let bytes = sandbox.read("bank.baton");
    assert!(!bytes.starts_with(PLAIN_MAGIC));
    assert!(!contains(&bytes, "lost card") && !contains(&bytes, "Maya"));
}

/// Runs baton with `env` set (and stdin not a terminal).
fn run_with_env(sandbox: &Sandbox, args: &[&str], env: &[(&str, &str)]) -> (i32, String, String) {
    let mut command = Command::new(baton_exe());
    command
        .args(args)
        .current_dir(sandbox.dir())
        .stdin(Stdio::null())
        .env_remove("BATON_PASSPHRASE")
        .env_remove("BATON_NEW_PASSPHRASE");
    for (key, value) in env {
        command.env(key, value);
    }
    let output = command.output().unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn every_command_round_trips_on_an_encrypted_file() {
    let sandbox = Sandbox::new();
    protected_bank(&sandbox);
    let with = |args: &[&str]| {
        let mut all: Vec<&str> = args.to_vec();
        all.extend(["--passphrase-file", "pass.txt"]);
        sandbox.run(&all)
    };
    let info = with(&["info", "bank.baton", "--json"]).ok().json();
    assert_eq!(info["journeys"].as_array().unwrap().len(), 1);
    let check = with(&["check", "bank.baton", "--json"]).ok().json();
    assert_eq!(check["ok"], true, "{check}");
    let history = with(&["history", "bank.baton", "--json"]).ok().json();
    assert_eq!(history.as_array().unwrap().len(), 1);
    with(&["analyze", "bank.baton"]).ok();
    sandbox.write(
        "survey.csv",
        format!("Target,Metric,Value,Date\n{CALLS_PATH},CSAT,4,2026-10-01\n").as_bytes(),
    );
    let said = with(&["import-responses", "bank.baton", "survey.csv"])
        .ok()
        .stdout
        .clone();
    assert!(said.contains("Imported 1 survey response"), "{said}");
    with(&["undo", "bank.baton"]).ok();
    with(&["redo", "bank.baton"]).ok();
    // The export is plain text: it says so on stderr, and still succeeds.
    let export = with(&["export-json", "bank.baton", "-o", "bank.json"]);
    assert_eq!(export.code, Some(0), "{export:#?}");
    assert!(export.stderr.contains("plain text"), "{export:#?}");
    assert!(contains(&sandbox.read("bank.json"), "Maya"));
    with(&["import-json", "bank.json", "copy.baton"]).ok();
    let bytes = sandbox.read("bank.baton");
    assert!(!bytes.starts_with(PLAIN_MAGIC) && !contains(&bytes, "Maya"));

    // Without the passphrase, every command says the file needs one.
    for command in ["info", "check", "history", "undo", "export-json"] {
        let (code, _, stderr) = run_with_env(&sandbox, &[command, "bank.baton"], &[]);
        assert_eq!(code, 1, "{command}: {stderr}");
        assert!(
            stderr.contains("passphrase") && stderr.contains("BATON_PASSPHRASE"),
            "{command}: {stderr}"
        );
    }
}

#[test]
fn the_environment_gives_the_passphrase_and_a_wrong_one_changes_nothing() {
    let sandbox = Sandbox::new();
    protected_bank(&sandbox);
    let before = sandbox.read("bank.baton");
    let (code, stdout, stderr) = run_with_env(
        &sandbox,
        &["info", "bank.baton", "--json"],
        &[("BATON_PASSPHRASE", "tr0ub4dor & 3")],
    );
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("Report a lost card"), "{stdout}");
    let (code, _, stderr) = run_with_env(
        &sandbox,
        &["undo", "bank.baton"],
        &[("BATON_PASSPHRASE", "tr0ub4dor & 4")],
    );
    assert_eq!(code, 1);
    assert!(stderr.contains("passphrase does not open"), "{stderr}");
    assert_eq!(sandbox.read("bank.baton"), before);
}

#[test]
fn rekey_and_unprotect() {
    let sandbox = Sandbox::new();
    protected_bank(&sandbox);
    sandbox.write("new.txt", b"a brand new one\r\n");
    sandbox
        .run(&[
            "rekey",
            "bank.baton",
            "--passphrase-file",
            "pass.txt",
            "--new-passphrase-file",
            "new.txt",
        ])
        .ok();
    let line = sandbox
        .run(&["info", "bank.baton", "--passphrase-file", "pass.txt"])
        .error_line()
        .to_owned();
    assert!(line.contains("does not open"), "{line}");
    sandbox
        .run(&["info", "bank.baton", "--passphrase-file", "new.txt"])
        .ok();
    let line = sandbox
        .run(&["protect", "bank.baton", "--passphrase-file", "new.txt"])
        .error_line()
        .to_owned();
    assert!(line.contains("protected already"), "{line}");
    sandbox
        .run(&["unprotect", "bank.baton", "--passphrase-file", "new.txt"])
        .ok();
    assert!(sandbox.read("bank.baton").starts_with(PLAIN_MAGIC));
    sandbox.run(&["info", "bank.baton"]).ok();
    let line = sandbox
        .run(&["unprotect", "bank.baton", "--passphrase-file", "new.txt"])
        .error_line()
        .to_owned();
    assert!(line.contains("not protected"), "{line}");
}

#[test]
fn a_passphrase_on_the_command_line_is_refused() {
    let sandbox = Sandbox::new();
    sandbox.run(&["new", "c.baton"]).ok();
    let before = sandbox.read("c.baton");
    let stderr = sandbox
        .run(&["protect", "c.baton", "--passphrase", "visible-to-ps"])
        .usage_error()
        .to_owned();
    assert!(
        stderr.contains("never taken on the command line"),
        "{stderr}"
    );
    assert!(!stderr.contains("visible-to-ps"), "{stderr}");
    assert_eq!(sandbox.read("c.baton"), before);
}

#[test]
fn passphrase_files_have_a_size_limit_and_must_hold_a_passphrase() {
    let sandbox = Sandbox::new();
    sandbox.run(&["new", "c.baton"]).ok();
    sandbox.write("huge.txt", &vec![b'x'; 100_000]);
    let line = sandbox
        .run(&["protect", "c.baton", "--passphrase-file", "huge.txt"])
        .error_line()
        .to_owned();
    assert!(line.contains("at most 1024 bytes"), "{line}");
    sandbox.write("empty.txt", b"\n");
    let line = sandbox
        .run(&["protect", "c.baton", "--passphrase-file", "empty.txt"])
        .error_line()
        .to_owned();
    assert!(line.contains("empty"), "{line}");
    assert!(sandbox.read("c.baton").starts_with(PLAIN_MAGIC));
}
