//! `check_file`: every problem of a file damaged behind Baton's back is listed, in words naming
//! the table and row, and the file is never changed.

mod common;

use std::path::{Path, PathBuf};

use baton_store::{check_file, CheckArea, CheckReport, Document, ErrorKind};
use common::*;

fn sound_file(dir: &tempfile::TempDir, name: &str) -> PathBuf {
    let path = file_in(dir, name);
    let mut doc = Document::create(&path, "Acme").unwrap();
    fill_rich(&mut doc);
    doc.close().unwrap();
    path
}

/// Runs `sql` on the file with foreign keys off (as SQLite's own shell has them).
fn damage(path: &Path, sql: &str) {
    let raw = rusqlite::Connection::open(path).unwrap();
    raw.pragma_update(None, "foreign_keys", "OFF").unwrap();
    raw.execute_batch(sql).unwrap();
    raw.close().unwrap();
}

/// Checks the file, asserting it is left byte for byte as it was.
fn checked(path: &Path) -> CheckReport {
    let before = bytes(path);
    let report = check_file(path).unwrap();
    assert!(bytes(path) == before, "check changed {}", path.display());
    let journal = format!("{}-journal", path.display());
    assert!(!Path::new(&journal).exists(), "no journal left");
    report
}

/// The problems of `area`, each as "place: message".
fn problems(report: &CheckReport, area: CheckArea) -> Vec<String> {
    report
        .problems
        .iter()
        .filter(|problem| problem.area == area)
        .map(|problem| format!("{}: {}", problem.place, problem.message))
        .collect()
}

#[track_caller]
fn assert_listed(report: &CheckReport, area: CheckArea, says: &[&str]) {
    let found = problems(report, area);
    assert!(
        found
            .iter()
            .any(|line| says.iter().all(|part| line.contains(part))),
        "no {area:?} problem saying {says:?} in {:#?}",
        report.problems
    );
}

fn first_id(path: &Path, table: &str) -> String {
    let raw = rusqlite::Connection::open(path).unwrap();
    raw.query_row(&format!("SELECT MIN(id) FROM {table}"), [], |row| {
        row.get(0)
    })
    .unwrap()
}

#[test]
fn a_sound_file_has_no_problem_and_is_not_changed() {
    let dir = tempfile::tempdir().unwrap();
    let path = sound_file(&dir, "sound.baton");
    let report = checked(&path);
    assert!(report.is_ok(), "{:#?}", report.problems);
    assert_eq!(report.schema_version, baton_store::SCHEMA_VERSION);
    assert_eq!(report.application_id, baton_store::APPLICATION_ID);
}

#[test]
fn an_older_file_is_checked_against_its_own_version_and_not_upgraded() {
    let dir = tempfile::tempdir().unwrap();
    let path = file_in(&dir, "old.baton");
    baton_store::testing::create_at_version(&path, "Acme", 1).unwrap();
    let report = checked(&path);
    assert!(report.is_ok(), "{:#?}", report.problems);
    assert_eq!(report.schema_version, 1);
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        1,
        "no backup"
    );
}

#[test]
fn a_broken_reference_is_named_by_table_row_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let path = sound_file(&dir, "fk.baton");
    let step = first_id(&path, "step");
    damage(
        &path,
        &format!("UPDATE step SET stage_id = 'ghost-stage' WHERE id = '{step}';"),
    );
    let report = checked(&path);
    assert_listed(
        &report,
        CheckArea::ForeignKey,
        &[
            "table step",
            &step,
            "column stage_id",
            "ghost-stage",
            "table stage",
        ],
    );
    assert_listed(&report, CheckArea::Model, &["table step", &step]);
}

#[test]
fn a_handoff_to_its_own_step_and_an_off_scale_response_break_the_rules() {
    let dir = tempfile::tempdir().unwrap();
    let path = sound_file(&dir, "rules.baton");
    let handoff = first_id(&path, "handoff");
    let response = first_id(&path, "response");
    damage(
        &path,
        &format!(
            "UPDATE handoff SET to_step_id = from_step_id WHERE id = '{handoff}';
             UPDATE response SET value = 99 WHERE id = '{response}';"
        ),
    );
    let report = checked(&path);
    assert_listed(&report, CheckArea::Model, &["table handoff", &handoff]);
    assert_listed(&report, CheckArea::Model, &["table response", &response]);
}

#[test]
fn duplicate_positions_are_found() {
    let dir = tempfile::tempdir().unwrap();
    let path = sound_file(&dir, "positions.baton");
    damage(&path, "UPDATE stage SET position = 0;");
    let report = checked(&path);
    assert_listed(
        &report,
        CheckArea::Model,
        &["table stage", "the stages of journey", "each used once"],
    );
}

#[test]
fn history_gaps_a_cursor_past_the_end_and_unparsable_entries_are_found() {
    let dir = tempfile::tempdir().unwrap();
    let path = sound_file(&dir, "history.baton");
    damage(
        &path,
        "DELETE FROM history WHERE seq = 2;
         UPDATE history SET edit = '{not json' WHERE seq = 5;
         UPDATE history SET inverse = '{\"op\": \"no_such_edit\"}' WHERE seq = 6;
         UPDATE meta SET value = '99' WHERE key = 'undo_cursor';",
    );
    let report = checked(&path);
    assert_listed(
        &report,
        CheckArea::History,
        &["history entry 3", "without gaps"],
    );
    assert_listed(
        &report,
        CheckArea::History,
        &["history entry 5", "its edit is not a valid edit"],
    );
    assert_listed(
        &report,
        CheckArea::History,
        &["history entry 6", "its inverse is not a valid edit"],
    );
    assert_listed(
        &report,
        CheckArea::History,
        &["undo_cursor", "99", "past the last"],
    );
}

#[test]
fn an_emptied_meta_table_is_found() {
    let dir = tempfile::tempdir().unwrap();
    let path = sound_file(&dir, "meta.baton");
    damage(&path, "DELETE FROM meta;");
    let report = checked(&path);
    assert_listed(
        &report,
        CheckArea::Meta,
        &["table meta, row undo_cursor", "missing"],
    );
    assert_listed(
        &report,
        CheckArea::Meta,
        &["table meta, row revision", "missing"],
    );
}

#[test]
fn a_history_entry_whose_inverse_disagrees_with_its_edit_is_found() {
    let dir = tempfile::tempdir().unwrap();
    let path = sound_file(&dir, "inverse.baton");
    // Entry 5's undo (delete its target) swapped for entry 7's (delete its score).
    damage(
        &path,
        "UPDATE history SET inverse = (SELECT inverse FROM history WHERE seq = 7) WHERE seq = 5;",
    );
    let report = checked(&path);
    assert_listed(
        &report,
        CheckArea::History,
        &["history entry 5", "its inverse"],
    );
}

#[test]
fn foreign_schema_objects_and_unreadable_rows_are_found() {
    let dir = tempfile::tempdir().unwrap();
    let path = sound_file(&dir, "planted.baton");
    let step = first_id(&path, "step");
    damage(
        &path,
        &format!(
            "CREATE TRIGGER wipe AFTER INSERT ON history BEGIN DELETE FROM step; END;
             DROP INDEX step_by_lane;
             UPDATE step SET title = X'00FF' WHERE id = '{step}';
             UPDATE metric SET scale_max = 'high';
             DELETE FROM workspace_info;"
        ),
    );
    let report = checked(&path);
    assert_listed(
        &report,
        CheckArea::Schema,
        &["trigger \"wipe\"", "not created by Baton"],
    );
    assert_listed(
        &report,
        CheckArea::Schema,
        &["index \"step_by_lane\"", "missing"],
    );
    assert_listed(
        &report,
        CheckArea::Rows,
        &["table step", &step, "column title", "binary data"],
    );
    assert_listed(
        &report,
        CheckArea::Rows,
        &["table metric", "column scale_max", "text"],
    );
    assert_listed(
        &report,
        CheckArea::Rows,
        &["table workspace_info", "missing"],
    );
}

#[test]
fn every_problem_is_listed_not_only_the_first() {
    let dir = tempfile::tempdir().unwrap();
    let path = sound_file(&dir, "many.baton");
    let handoff = first_id(&path, "handoff");
    damage(
        &path,
        &format!(
            "CREATE VIEW peek AS SELECT * FROM step;
             UPDATE handoff SET to_step_id = from_step_id WHERE id = '{handoff}';
             UPDATE stage SET position = 0;
             DELETE FROM history WHERE seq = 1;
             DELETE FROM meta WHERE key = 'revision';"
        ),
    );
    let report = checked(&path);
    for area in [
        CheckArea::Schema,
        CheckArea::Model,
        CheckArea::History,
        CheckArea::Meta,
    ] {
        assert!(
            !problems(&report, area).is_empty(),
            "{area:?} missing from {:#?}",
            report.problems
        );
    }
}

#[test]
fn a_corrupt_index_is_found_by_the_integrity_check() {
    let dir = tempfile::tempdir().unwrap();
    let path = sound_file(&dir, "index.baton");
    corrupt_index(&path, "step_by_stage");
    let report = checked(&path);
    assert_listed(&report, CheckArea::Integrity, &["step_by_stage"]);
}

/// Changes one byte of a stage id inside the index's own page: the table and the index then
/// disagree, which only `integrity_check` sees.
fn corrupt_index(path: &Path, index: &str) {
    let (root, page_size, stage): (i64, i64, String) = {
        let raw = rusqlite::Connection::open(path).unwrap();
        let root = raw
            .query_row(
                "SELECT rootpage FROM sqlite_schema WHERE name = ?1",
                [index],
                |row| row.get(0),
            )
            .unwrap();
        let page_size = raw
            .pragma_query_value(None, "page_size", |row| row.get(0))
            .unwrap();
        let stage = raw
            .query_row("SELECT MIN(stage_id) FROM step", [], |row| row.get(0))
            .unwrap();
        (root, page_size, stage)
    };
    let mut content = bytes(path);
    let start = ((root - 1) * page_size) as usize;
    let page = &mut content[start..start + page_size as usize];
    let at = page
        .windows(stage.len())
        .position(|window| window == stage.as_bytes())
        .expect("the stage id is in the index page");
    let last = at + stage.len() - 1;
    page[last] = if page[last] == b'0' { b'1' } else { b'0' };
    std::fs::write(path, content).unwrap();
}

#[test]
fn what_is_not_a_baton_file_is_an_error_not_a_report() {
    let dir = tempfile::tempdir().unwrap();
    let empty = file_in(&dir, "empty.baton");
    std::fs::write(&empty, b"").unwrap();
    assert_eq!(check_file(&empty).unwrap_err().kind(), ErrorKind::EmptyFile);
    let missing = file_in(&dir, "missing.baton");
    assert_eq!(
        check_file(&missing).unwrap_err().kind(),
        ErrorKind::FileNotFound
    );
    assert!(!missing.exists());
}

#[test]
fn a_file_with_an_interrupted_commit_is_refused_in_words_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = sound_file(&dir, "hot.baton");
    let journal = file_in(&dir, "hot.baton-journal");
    std::fs::write(
        &journal,
        [0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7, 0, 0],
    )
    .unwrap();
    let before = bytes(&path);
    let error = check_file(&path).unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Damaged);
    assert!(error.to_string().contains("interrupted"), "{error}");
    assert!(bytes(&path) == before);
    assert!(
        journal.exists(),
        "the journal is left for Baton to play back"
    );
}
