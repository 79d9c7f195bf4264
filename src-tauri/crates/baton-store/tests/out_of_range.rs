//! A file an older Baton wrote (or a hand edit) with a target or score outside its metric's
//! range: it opens, its undo and redo bring the value back as it was, a new edit cannot write
//! one, and `check_file` names each such row.

mod common;

use std::path::Path;

use baton_core::{Edit, EditErrorKind, Target};
use baton_store::{check_file, CheckArea, Document, StoreError};
use common::*;

/// A rich file whose CSAT target reads 140 and whose CSAT score reads -12, as SQL wrote them.
fn older_file(path: &Path) -> (String, String) {
    let mut doc = Document::create(path, "Acme").unwrap();
    fill_rich(&mut doc);
    let ws = doc.workspace();
    let target = ws.targets.values().next().unwrap().id.clone();
    let score = ws.scores.values().next().unwrap().id.clone();
    doc.close().unwrap();
    let raw = rusqlite::Connection::open(path).unwrap();
    raw.execute_batch(&format!(
        "UPDATE target SET value = 140 WHERE id = '{target}';
         UPDATE score SET value = -12 WHERE id = '{score}';"
    ))
    .unwrap();
    raw.close().unwrap();
    (target, score)
}

#[test]
fn an_out_of_range_target_opens_undoes_and_redoes_as_it_was_and_is_not_written_anew() {
    let dir = tempfile::tempdir().unwrap();
    let path = file_in(&dir, "older.baton");
    let (target, _) = older_file(&path);
    let mut doc = Document::open(&path).unwrap();
    let held = doc.workspace().targets[&target].clone();
    assert_eq!(held.value, 140.0);
    // Deleting its step takes the target along; undo brings it back, redo takes it again.
    let before = doc.workspace().clone();
    doc.apply(Edit::DeleteStep {
        id: held.subject.id.clone(),
    })
    .unwrap();
    assert!(!doc.workspace().targets.contains_key(&target));
    doc.undo().unwrap();
    assert_eq!(*doc.workspace(), before);
    doc.redo().unwrap();
    doc.undo().unwrap();
    assert_eq!(doc.workspace().targets[&target].value, 140.0);
    // A new edit may not write an out-of-range value, even the one held.
    let refused = doc
        .apply(Edit::UpdateTarget {
            target: Target {
                value: 150.0,
                ..held
            },
        })
        .unwrap_err();
    let StoreError::Edit(error) = refused else {
        panic!("{refused:?}")
    };
    assert_eq!(error.kind, EditErrorKind::OutOfRange);
    assert_eq!(error.field.as_deref(), Some("value"));
    doc.close().unwrap();
    // Reopened, all is as it was.
    let doc = Document::open(&path).unwrap();
    assert_eq!(doc.workspace().targets[&target].value, 140.0);
    doc.close().unwrap();
}

#[test]
fn check_names_each_out_of_range_row_and_finds_the_history_sound() {
    let dir = tempfile::tempdir().unwrap();
    let path = file_in(&dir, "older.baton");
    let (target, score) = older_file(&path);
    // An undo and redo in the history over the out-of-range target.
    let mut doc = Document::open(&path).unwrap();
    let step = doc.workspace().targets[&target].subject.id.clone();
    doc.apply(Edit::DeleteStep { id: step }).unwrap();
    doc.undo().unwrap();
    doc.close().unwrap();
    let report = check_file(&path).unwrap();
    let lines: Vec<String> = report
        .problems
        .iter()
        .map(|p| format!("{:?} {}: {}", p.area, p.place, p.message))
        .collect();
    assert_eq!(lines.len(), 2, "{lines:#?}");
    let names = |table: &str, id: &str, value: &str| {
        lines.iter().any(|line| {
            line.starts_with(&format!(
                "{:?} table {table}, row {id}, column value:",
                CheckArea::Model
            )) && line.contains("0 to 100")
                && line.ends_with(&format!("not {value}"))
        })
    };
    assert!(names("target", &target, "140"), "{lines:#?}");
    assert!(names("score", &score, "-12"), "{lines:#?}");
}

#[test]
fn a_file_whose_history_wrote_the_value_imports_as_it_is_and_check_names_only_the_value() {
    // As an older Baton wrote it, history and all: a rich file's export with its CSAT target's
    // 80 made 140 wherever it shows.
    let dir = tempfile::tempdir().unwrap();
    let mut doc = Document::create(file_in(&dir, "sound.baton"), "Acme").unwrap();
    fill_rich(&mut doc);
    let target = doc.workspace().targets.values().next().unwrap().id.clone();
    let json = doc.export_json().unwrap();
    doc.close().unwrap();
    // The row and its create, and the same in the snapshot's frozen model and its create.
    assert_eq!(json.matches("\"value\": 80.0").count(), 4);
    let older = json.replace("\"value\": 80.0", "\"value\": 140.0");
    let path = file_in(&dir, "older.baton");
    let mut imported = Document::import_json(&older, &path).unwrap();
    assert_eq!(imported.workspace().targets[&target].value, 140.0);
    // Its whole history undoes and redoes.
    while imported.can_undo() {
        imported.undo().unwrap();
    }
    assert!(imported.workspace().targets.is_empty());
    while imported.can_redo() {
        imported.redo().unwrap();
    }
    assert_eq!(imported.workspace().targets[&target].value, 140.0);
    imported.close().unwrap();
    let report = check_file(&path).unwrap();
    let places: Vec<&str> = report.problems.iter().map(|p| p.place.as_str()).collect();
    assert_eq!(
        places,
        [format!("table target, row {target}, column value")],
        "{:#?}",
        report.problems
    );
}
