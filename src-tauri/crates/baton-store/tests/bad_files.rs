//! Opening files that are not sound Baton files: each case has its own error kind, names the
//! path, and leaves the file byte-identical. Locking is checked with a real second process.

mod common;

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Stdio};

use baton_core::Edit;
use baton_store::{Document, ErrorKind, SCHEMA_VERSION};
use common::*;

/// Opens `path`, expects `kind`, and checks the file did not change.
/// The tests of this file run one at a time. A child process started by one test holds, from
/// its fork until its exec, a copy of every descriptor this process has open at that moment,
/// and so the whole-file lock of any document another test thread holds or just closed: that
/// test's next open of its own file then finds it `Locked` (seen in CI as a flaky failure).
fn one_at_a_time() -> std::sync::MutexGuard<'static, ()> {
    static SERIAL: std::sync::Mutex<()> = std::sync::Mutex::new(());
    SERIAL
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

fn assert_refused(path: &Path, kind: ErrorKind) {
    let before = std::fs::read(path).ok();
    let error = Document::open(path).unwrap_err();
    assert_eq!(error.kind(), kind, "{error}");
    let name = path.file_name().unwrap().to_string_lossy();
    assert!(
        error.to_string().contains(&*name),
        "the message names the file: {error}"
    );
    assert!(
        std::fs::read(path).ok() == before,
        "{} changed",
        path.display()
    );
    assert!(
        !Path::new(&format!("{}-journal", path.display())).exists(),
        "no journal left behind"
    );
}

fn real_file(dir: &tempfile::TempDir, name: &str) -> std::path::PathBuf {
    let path = file_in(dir, name);
    let mut doc = Document::create(&path, "Acme").unwrap();
    fill_rich(&mut doc);
    doc.close().unwrap();
    path
}

#[test]
fn an_empty_file_is_refused_not_turned_into_a_database() {
    let _serial = one_at_a_time();
    let dir = tempfile::tempdir().unwrap();
    let path = file_in(&dir, "empty.baton");
    std::fs::write(&path, b"").unwrap();
    assert_refused(&path, ErrorKind::EmptyFile);
    assert_eq!(std::fs::metadata(&path).unwrap().len(), 0);
}

#[test]
fn a_truncated_baton_file_is_refused() {
    let _serial = one_at_a_time();
    let dir = tempfile::tempdir().unwrap();
    let path = real_file(&dir, "cut.baton");
    let whole = bytes(&path);
    for keep in [whole.len() / 2, whole.len() - 1, 4096, 100] {
        std::fs::write(&path, &whole[..keep]).unwrap();
        assert_refused(&path, ErrorKind::Truncated);
    }
    // Cut inside the 100-byte header.
    std::fs::write(&path, &whole[..60]).unwrap();
    assert_refused(&path, ErrorKind::Truncated);
    std::fs::write(&path, &whole[..10]).unwrap();
    assert_refused(&path, ErrorKind::Truncated);
}

#[test]
fn random_bytes_are_refused() {
    let _serial = one_at_a_time();
    let dir = tempfile::tempdir().unwrap();
    let path = file_in(&dir, "noise.baton");
    // A fixed pseudo-random sequence (xorshift), 8 KiB.
    let mut state = 0x2545_F491_4F6C_DD1Du64;
    let noise: Vec<u8> = (0..8192)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state as u8
        })
        .collect();
    // A whole number of 4 KiB pages without SQLite's header is what an encrypted file looks
    // like (random bytes cannot be told from one): the user is asked for a passphrase.
    std::fs::write(&path, &noise).unwrap();
    assert_refused(&path, ErrorKind::PassphraseRequired);
    std::fs::write(&path, &noise[..8000]).unwrap();
    assert_refused(&path, ErrorKind::NotSqlite);
    std::fs::write(&path, b"hello, world").unwrap();
    assert_refused(&path, ErrorKind::NotSqlite);
}

#[test]
fn another_applications_sqlite_file_is_refused() {
    let _serial = one_at_a_time();
    let dir = tempfile::tempdir().unwrap();
    let path = file_in(&dir, "other.db");
    let raw = rusqlite::Connection::open(&path).unwrap();
    raw.execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1); PRAGMA user_version = 1;")
        .unwrap();
    raw.close().unwrap();
    assert_refused(&path, ErrorKind::NotBaton);
}

#[test]
fn a_file_from_a_newer_baton_is_refused() {
    let _serial = one_at_a_time();
    let dir = tempfile::tempdir().unwrap();
    let path = real_file(&dir, "future.baton");
    let raw = rusqlite::Connection::open(&path).unwrap();
    raw.pragma_update(None, "user_version", SCHEMA_VERSION + 1)
        .unwrap();
    raw.close().unwrap();
    let before = bytes(&path);
    let error = Document::open(&path).unwrap_err();
    assert_eq!(error.kind(), ErrorKind::NewerVersion);
    assert!(error.to_string().contains("newer Baton"), "{error}");
    assert!(bytes(&path) == before, "the file changed");
}

#[test]
fn a_damaged_page_is_reported_as_damage() {
    let _serial = one_at_a_time();
    let dir = tempfile::tempdir().unwrap();
    let path = real_file(&dir, "damaged.baton");
    let mut content = bytes(&path);
    // Overwrite everything after the first page with noise: the schema page survives, the
    // tables do not.
    for (i, byte) in content.iter_mut().enumerate().skip(4096) {
        *byte = (i * 31 % 251) as u8;
    }
    std::fs::write(&path, &content).unwrap();
    assert_refused(&path, ErrorKind::Damaged);
}

#[test]
fn a_read_only_file_is_refused() {
    let _serial = one_at_a_time();
    let dir = tempfile::tempdir().unwrap();
    let path = real_file(&dir, "readonly.baton");
    let mut permissions = std::fs::metadata(&path).unwrap().permissions();
    permissions.set_readonly(true);
    std::fs::set_permissions(&path, permissions).unwrap();
    assert_refused(&path, ErrorKind::ReadOnly);
}

#[test]
fn a_path_in_a_missing_folder_or_a_missing_file_or_a_folder_is_refused() {
    let _serial = one_at_a_time();
    let dir = tempfile::tempdir().unwrap();
    let error = Document::open(dir.path().join("gone/acme.baton")).unwrap_err();
    assert_eq!(error.kind(), ErrorKind::DirectoryMissing);
    let error = Document::open(dir.path().join("acme.baton")).unwrap_err();
    assert_eq!(error.kind(), ErrorKind::FileNotFound);
    let folder = dir.path().join("folder.baton");
    std::fs::create_dir(&folder).unwrap();
    assert_eq!(
        Document::open(&folder).unwrap_err().kind(),
        ErrorKind::NotAFile
    );
}

#[test]
fn a_file_open_in_this_process_is_not_opened_twice() {
    let _serial = one_at_a_time();
    let dir = tempfile::tempdir().unwrap();
    let path = real_file(&dir, "twice.baton");
    let mut first = Document::open(&path).unwrap();
    let error = Document::open(&path).unwrap_err();
    assert_eq!(error.kind(), ErrorKind::AlreadyOpen);
    // The first document keeps its lock and keeps working.
    first
        .apply(Edit::CreatePersona {
            persona: persona("Still mine", 0),
        })
        .unwrap();
    first.close().unwrap();
    assert!(Document::open(&path).is_ok());
}

const CHILD_OPEN: &str = "BATON_TEST_CHILD_OPEN";
const CHILD_HOLD: &str = "BATON_TEST_CHILD_HOLD";

/// Runs one test of this binary in a new process with `env` set.
fn child(test: &str, env: (&str, &Path)) -> Command {
    let mut command = Command::new(std::env::current_exe().unwrap());
    command
        .args([test, "--exact", "--nocapture", "--test-threads=1"])
        .env(env.0, env.1)
        .stdout(Stdio::piped());
    command
}

/// Not a test of its own: the body of the second process in the locking tests. It does nothing
/// unless the parent test set its variable.
#[test]
fn child_process_opens_the_file() {
    let Some(path) = std::env::var_os(CHILD_OPEN) else {
        return;
    };
    let outcome = match Document::open(&path) {
        Ok(_) => "opened".to_owned(),
        Err(error) => format!("{:?}", error.kind()),
    };
    println!("CHILD:{outcome}");
}

/// Not a test of its own: a second process that opens the file and holds it until its stdin
/// closes.
#[test]
fn child_process_holds_the_file() {
    let Some(path) = std::env::var_os(CHILD_HOLD) else {
        return;
    };
    let doc = Document::open(&path);
    println!("CHILD:{}", if doc.is_ok() { "holding" } else { "failed" });
    std::io::stdout().flush().unwrap();
    let mut line = String::new();
    let _ = std::io::stdin().read_line(&mut line);
    drop(doc);
}

fn child_line(output: &[u8]) -> String {
    String::from_utf8_lossy(output)
        .lines()
        .find_map(|line| {
            line.split_once("CHILD:")
                .map(|(_, rest)| rest.trim().to_owned())
        })
        .unwrap_or_default()
}

#[test]
fn a_file_open_here_is_refused_to_another_process() {
    let _serial = one_at_a_time();
    let dir = tempfile::tempdir().unwrap();
    let path = real_file(&dir, "shared.baton");
    let doc = Document::open(&path).unwrap();
    let before = bytes(&path);
    let output = child("child_process_opens_the_file", (CHILD_OPEN, &path))
        .output()
        .unwrap();
    assert_eq!(child_line(&output.stdout), "Locked");
    assert!(bytes(&path) == before, "the file changed");
    drop(doc);
    let output = child("child_process_opens_the_file", (CHILD_OPEN, &path))
        .output()
        .unwrap();
    assert_eq!(
        child_line(&output.stdout),
        "opened",
        "the lock goes with the document"
    );
}

#[test]
fn a_file_open_in_another_process_is_refused_here() {
    let _serial = one_at_a_time();
    let dir = tempfile::tempdir().unwrap();
    let path = real_file(&dir, "elsewhere.baton");
    let mut holder = child("child_process_holds_the_file", (CHILD_HOLD, &path))
        .stdin(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(holder.stdout.take().unwrap()).lines();
    let first = lines
        .find_map(|line| {
            line.ok()?
                .split_once("CHILD:")
                .map(|(_, rest)| rest.trim().to_owned())
        })
        .unwrap();
    assert_eq!(first, "holding");

    let before = bytes(&path);
    let error = Document::open(&path).unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Locked);
    assert!(
        error.to_string().contains("open in another Baton"),
        "{error}"
    );
    assert!(bytes(&path) == before, "the file changed");
    // Saving over a file another Baton holds is refused too.
    let mut other = Document::create(file_in(&dir, "mine.baton"), "Mine").unwrap();
    assert_eq!(other.save_as(&path).unwrap_err().kind(), ErrorKind::Locked);
    assert!(bytes(&path) == before, "the file changed");

    drop(holder.stdin.take());
    assert!(holder.wait().unwrap().success());
    assert!(Document::open(&path).is_ok());
}

/// A sound file, then `sql` run on it behind Baton's back.
fn tampered_file(dir: &tempfile::TempDir, name: &str, sql: &str) -> std::path::PathBuf {
    let path = real_file(dir, name);
    let raw = rusqlite::Connection::open(&path).unwrap();
    raw.execute_batch(sql).unwrap();
    raw.close().unwrap();
    path
}

#[test]
fn a_file_holding_a_planted_trigger_view_table_or_index_is_refused_untouched() {
    let _serial = one_at_a_time();
    let dir = tempfile::tempdir().unwrap();
    let planted = [
        (
            "trigger.baton",
            "CREATE TRIGGER wipe AFTER INSERT ON history BEGIN DELETE FROM step; END;",
            "trigger \"wipe\"",
        ),
        (
            "view.baton",
            "CREATE VIEW everything AS SELECT * FROM step;",
            "view \"everything\"",
        ),
        (
            "table.baton",
            "CREATE TABLE notes (body TEXT);",
            "table \"notes\"",
        ),
        (
            "index.baton",
            "CREATE INDEX step_by_title ON step (title);",
            "index \"step_by_title\"",
        ),
    ];
    for (name, sql, named) in planted {
        let path = tampered_file(&dir, name, sql);
        assert_refused(&path, ErrorKind::ForeignSchema);
        let error = Document::open(&path).unwrap_err();
        assert!(error.to_string().contains(named), "{error}");
    }
}

#[test]
fn a_file_analysed_in_an_sqlite_tool_still_opens_and_checks_clean() {
    // `ANALYZE` (run by a curious user in the sqlite3 shell) adds `sqlite_stat1`: statistics for
    // the query planner, not code, so the file is still Baton's own.
    let _serial = one_at_a_time();
    let dir = tempfile::tempdir().unwrap();
    let path = tampered_file(&dir, "analysed.baton", "ANALYZE;");
    let raw = rusqlite::Connection::open(&path).unwrap();
    let stats: i64 = raw
        .query_row(
            "SELECT count(*) FROM sqlite_schema WHERE name = 'sqlite_stat1'",
            [],
            |row| row.get(0),
        )
        .unwrap();
    raw.close().unwrap();
    assert_eq!(stats, 1, "ANALYZE made no statistics table");
    let report = baton_store::check_file(&path).unwrap();
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    Document::open(&path).unwrap().close().unwrap();
}

#[test]
fn a_file_missing_one_of_batons_indexes_is_refused() {
    let _serial = one_at_a_time();
    let dir = tempfile::tempdir().unwrap();
    let path = tampered_file(&dir, "dropped.baton", "DROP INDEX step_by_lane;");
    assert_refused(&path, ErrorKind::ForeignSchema);
    let error = Document::open(&path).unwrap_err();
    assert!(error.to_string().contains("step_by_lane"), "{error}");
}

#[test]
fn an_older_file_with_a_planted_trigger_is_refused_before_any_backup() {
    let _serial = one_at_a_time();
    let dir = tempfile::tempdir().unwrap();
    let path = file_in(&dir, "old.baton");
    baton_store::testing::create_at_version(&path, "Acme", 1).unwrap();
    let raw = rusqlite::Connection::open(&path).unwrap();
    raw.execute_batch("CREATE TRIGGER wipe AFTER UPDATE ON meta BEGIN DELETE FROM persona; END;")
        .unwrap();
    raw.close().unwrap();
    assert_refused(&path, ErrorKind::ForeignSchema);
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|entry| entry.unwrap().file_name().into_string().unwrap())
        .collect();
    assert_eq!(names, vec!["old.baton".to_owned()], "no backup was written");
}

#[test]
fn unreadable_rows_are_typed_damage_naming_table_row_and_column() {
    let _serial = one_at_a_time();
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        (
            "no-info.baton",
            "DELETE FROM workspace_info;",
            "table workspace_info",
        ),
        (
            "text-position.baton",
            "UPDATE step SET position = 'first' WHERE id = (SELECT MIN(id) FROM step);",
            "column position: it holds text",
        ),
        (
            "blob-title.baton",
            "UPDATE step SET title = X'00FF10' WHERE id = (SELECT MIN(id) FROM step);",
            "column title: it holds binary data",
        ),
        (
            "text-scale.baton",
            "UPDATE metric SET scale_min = 'low';",
            "column scale_min: it holds text",
        ),
    ];
    for (name, sql, says) in cases {
        let path = tampered_file(&dir, name, sql);
        assert_refused(&path, ErrorKind::Damaged);
        let error = Document::open(&path).unwrap_err().to_string();
        assert!(error.contains(says), "{name}: {error}");
        assert!(
            !error.contains("Query returned no rows") && !error.contains("Invalid column type"),
            "{name}: {error}"
        );
    }
}
