//! `Document::add_responses_and_close`: many survey responses as one edit, streamed. The result
//! must be the very file `apply` would make: the same rows, one history entry holding the same
//! edit and inverse, undone and redone as any other; an invalid response writes nothing.
mod common;

use baton_core::{Edit, SubjectKind, SurveyResponse};
use baton_store::{Document, ErrorKind};
use common::*;

/// A file with a journey, and responses for its first step (`count` of them, on CSAT).
fn file_and_responses(
    dir: &tempfile::TempDir,
    count: u32,
) -> (std::path::PathBuf, Vec<SurveyResponse>) {
    let path = file_in(dir, "bulk.baton");
    let mut doc = Document::create(&path, "Bulk").unwrap();
    fill_rich(&mut doc);
    let ws = doc.workspace();
    let step = ws.steps.keys().next().unwrap().clone();
    let csat = metric_named(ws, "CSAT");
    let responses = (0..count)
        .map(|n| {
            let mut r = response(subject(SubjectKind::Step, &step), &csat, 4.0, n % 28 + 1);
            r.respondent = Some(format!("r{n}"));
            r.comment = (n % 2 == 0).then(|| format!("\"quoted\" \u{e9}\n{n}"));
            r
        })
        .collect();
    doc.close().unwrap();
    (path, responses)
}

fn history_edits(path: &std::path::Path) -> Vec<serde_json::Value> {
    let doc = Document::open(path).unwrap();
    let export: serde_json::Value = serde_json::from_str(&doc.export_json().unwrap()).unwrap();
    doc.close().unwrap();
    export["history"]["entries"]
        .as_array()
        .or_else(|| export["history"].as_array())
        .expect("the export's history entries")
        .clone()
}

#[test]
fn the_rows_and_the_history_entry_are_those_apply_writes() {
    let dir = tempfile::tempdir().unwrap();
    let (path, responses) = file_and_responses(&dir, 10_000);
    let doc = Document::open(&path).unwrap();
    let history = doc.history().unwrap();
    let applied = history.iter().filter(|entry| !entry.undone).count();
    assert!(applied < history.len(), "the file has a redo tail");
    let before = doc.workspace().clone();
    let seq = doc
        .add_responses_and_close("Import 10000 survey responses from s.csv", &responses)
        .unwrap();
    // Appended after the cursor, the redo tail dropped, as `apply` does.
    assert_eq!(seq as usize, applied + 1);
    assert_eq!(history_edits(&path).len(), applied + 1);

    let batch = Edit::Batch {
        label: "Import 10000 survey responses from s.csv".into(),
        edits: vec![Edit::AddResponses {
            responses: responses.clone(),
        }],
    };
    let inverse = Edit::Batch {
        label: "Import 10000 survey responses from s.csv".into(),
        edits: vec![Edit::RemoveResponses {
            ids: responses.iter().map(|r| r.id.clone()).collect(),
        }],
    };
    let entries = history_edits(&path);
    let last = entries.last().unwrap();
    assert_eq!(last["edit"], serde_json::to_value(&batch).unwrap());
    assert_eq!(last["inverse"], serde_json::to_value(&inverse).unwrap());
    assert_eq!(last["label"], "Import 10000 survey responses from s.csv");

    let mut doc = Document::open(&path).unwrap();
    let mut expected = before.clone();
    expected.apply(&batch).unwrap();
    assert_eq!(doc.workspace(), &expected);
    let history = doc.history().unwrap();
    assert_eq!(history.last().unwrap().seq, seq);
    assert!(doc.integrity_problems().unwrap().is_empty());
    doc.undo().unwrap();
    assert_eq!(doc.workspace(), &before);
    doc.redo().unwrap();
    assert_eq!(doc.workspace(), &expected);
    doc.close().unwrap();
    // And the file reopens as it was left.
    let doc = Document::open(&path).unwrap();
    assert_eq!(doc.workspace(), &expected);
}

#[test]
fn an_invalid_response_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (path, mut responses) = file_and_responses(&dir, 9_000);
    // Off the CSAT scale, late in the list (in the third chunk checked).
    responses[8_500].value = 9.0;
    let before = bytes(&path);
    let error = Document::open(&path)
        .unwrap()
        .add_responses_and_close("Import", &responses)
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::OutOfRange, "{error}");
    assert_eq!(bytes(&path), before);

    // An id the file holds already: refused by the table, rolled back.
    responses[8_500].value = 4.0;
    let doc = Document::open(&path).unwrap();
    let mut first = responses[..1].to_vec();
    doc.add_responses_and_close("One", &first).unwrap();
    let after_one = bytes(&path);
    first.push(responses[1].clone());
    first.swap(0, 1);
    let error = Document::open(&path)
        .unwrap()
        .add_responses_and_close("Again", &first)
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Database, "{error}");
    assert_eq!(bytes(&path), after_one);

    let none: Vec<SurveyResponse> = Vec::new();
    let error = Document::open(&path)
        .unwrap()
        .add_responses_and_close("Nothing", &none)
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Empty, "{error}");
    assert_eq!(bytes(&path), after_one);
}
