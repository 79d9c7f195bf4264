//! JSON export and import: lossless, deterministic, validated.

mod common;

use baton_core::Edit;
use baton_store::{Document, ErrorKind};
use common::*;
use serde_json::Value;

fn rich_export(dir: &tempfile::TempDir) -> (Document, String) {
    let mut doc = Document::create(file_in(dir, "source.baton"), "Acme").unwrap();
    fill_rich(&mut doc);
    let json = doc.export_json().unwrap();
    (doc, json)
}

#[test]
fn export_import_export_is_byte_identical() {
    let dir = tempfile::tempdir().unwrap();
    let (source, json) = rich_export(&dir);
    let imported = Document::import_json(&json, file_in(&dir, "copy.baton")).unwrap();
    assert_eq!(imported.workspace(), source.workspace());
    assert_eq!(imported.export_json().unwrap(), json);
    // The same file exported twice gives the same bytes.
    assert_eq!(source.export_json().unwrap(), json);
}

#[test]
fn the_export_is_a_baton_document_with_everything_in_it() {
    let dir = tempfile::tempdir().unwrap();
    let (source, json) = rich_export(&dir);
    let value: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["format"], "baton");
    assert_eq!(value["version"], 1);
    let ws = source.workspace();
    for (section, count) in [
        ("personas", ws.personas.len()),
        ("steps", ws.steps.len()),
        ("handoffs", ws.handoffs.len()),
        ("responses", ws.responses.len()),
        ("snapshots", ws.snapshots.len()),
        ("initiatives", ws.initiatives.len()),
    ] {
        assert_eq!(value[section].as_array().unwrap().len(), count, "{section}");
        assert!(count > 0, "{section} is exercised");
    }
    let history = source.history().unwrap();
    assert_eq!(
        value["history"]["entries"].as_array().unwrap().len(),
        history.len()
    );
    let cursor = history.iter().filter(|e| !e.undone).count();
    assert_eq!(value["history"]["cursor"], cursor);
}

#[test]
fn an_imported_file_keeps_its_history_for_undo_and_redo() {
    let dir = tempfile::tempdir().unwrap();
    let (mut source, json) = rich_export(&dir);
    let path = file_in(&dir, "imported.baton");
    let mut imported = Document::import_json(&json, &path).unwrap();
    assert!(imported.can_redo() && imported.can_undo());
    imported.redo().unwrap();
    source.redo().unwrap();
    assert_eq!(imported.workspace(), source.workspace());
    while imported.can_undo() {
        imported.undo().unwrap();
        source.undo().unwrap();
        assert_eq!(imported.workspace(), source.workspace());
    }
}

#[test]
fn import_refuses_an_existing_path() {
    let dir = tempfile::tempdir().unwrap();
    let (_source, json) = rich_export(&dir);
    let error = Document::import_json(&json, file_in(&dir, "source.baton")).unwrap_err();
    assert_eq!(error.kind(), ErrorKind::FileExists);
}

/// Imports `json`, expects `kind` at `field`, and checks no file was left behind.
fn assert_import_fails(json: &str, kind: ErrorKind, field: Option<&str>) {
    let dir = tempfile::tempdir().unwrap();
    let path = file_in(&dir, "bad.baton");
    let error = Document::import_json(json, &path).unwrap_err();
    assert_eq!(error.kind(), kind, "{error}");
    assert_eq!(error.to_ipc().field.as_deref(), field, "{error}");
    assert!(!path.exists(), "a failed import leaves no file");
}

fn edited(json: &str, change: impl FnOnce(&mut Value)) -> String {
    let mut value: Value = serde_json::from_str(json).unwrap();
    change(&mut value);
    serde_json::to_string(&value).unwrap()
}

#[test]
fn import_names_what_is_wrong_and_where() {
    let dir = tempfile::tempdir().unwrap();
    let (_source, json) = rich_export(&dir);

    assert_import_fails("{\"format\": ", ErrorKind::JsonSyntax, None);
    assert_import_fails(
        &edited(&json, |v| v["format"] = "trello".into()),
        ErrorKind::JsonFormat,
        Some("$.format"),
    );
    assert_import_fails(
        &edited(&json, |v| v["version"] = 99.into()),
        ErrorKind::JsonVersion,
        Some("$.version"),
    );
    assert_import_fails(
        &edited(&json, |v| v["steps"][0]["title"] = "   ".into()),
        ErrorKind::JsonContent,
        Some("$.steps[0].title"),
    );
    assert_import_fails(
        &edited(&json, |v| {
            v["handoffs"][0].as_object_mut().unwrap().remove("mode");
        }),
        ErrorKind::JsonContent,
        Some("$.handoffs[0]"),
    );
    assert_import_fails(
        &edited(&json, |v| v["steps"][1]["lane_id"] = "no-such-lane".into()),
        ErrorKind::JsonContent,
        Some("$.steps[1].lane_id"),
    );
    assert_import_fails(
        &edited(&json, |v| v["history"]["cursor"] = 1000.into()),
        ErrorKind::JsonContent,
        Some("$.history.cursor"),
    );
    assert_import_fails(
        &edited(&json, |v| v["personas"] = Value::Null),
        ErrorKind::JsonContent,
        Some("$.personas"),
    );
}

#[test]
fn an_import_is_checked_like_edits_are() {
    // A dangling persona reference is refused by the core's own validation.
    let dir = tempfile::tempdir().unwrap();
    let mut doc = Document::create(file_in(&dir, "s.baton"), "Acme").unwrap();
    let (edit, _) = small_journey("Lost card", 0);
    doc.apply(edit).unwrap();
    let json = doc.export_json().unwrap();
    let error = Document::import_json(
        &edited(&json, |v| v["journeys"][0]["persona_id"] = "ghost".into()),
        file_in(&dir, "t.baton"),
    )
    .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::JsonContent);
    assert!(error.to_string().contains("$.journeys[0]"), "{error}");
    // And an untouched export imports.
    let imported = Document::import_json(&json, file_in(&dir, "u.baton")).unwrap();
    assert_eq!(imported.workspace(), doc.workspace());
    drop(imported);
    doc.apply(Edit::CreatePersona {
        persona: persona("After", 0),
    })
    .unwrap();
}

/// The export of `fill_rich`: eleven entries, the cursor at 9 (entries 10 and 11 undone).
fn tampered(json: &str, change: impl FnOnce(&mut Vec<Value>)) -> String {
    edited(json, |v| {
        let entries = v["history"]["entries"].as_array_mut().unwrap();
        change(entries);
    })
}

#[test]
fn the_rich_export_has_the_history_these_tests_tamper_with() {
    let dir = tempfile::tempdir().unwrap();
    let (_source, json) = rich_export(&dir);
    let value: Value = serde_json::from_str(&json).unwrap();
    let entries = value["history"]["entries"].as_array().unwrap();
    assert_eq!(entries.len(), 11);
    assert_eq!(value["history"]["cursor"], 9);
    let op = |index: usize, part: &str| entries[index][part]["op"].as_str().unwrap().to_owned();
    assert_eq!(op(3, "inverse"), "batch", "the emotion curve's undo");
    assert_eq!(op(4, "inverse"), "delete_target");
    assert_eq!(op(6, "inverse"), "delete_score");
    assert_eq!(op(8, "edit"), "create_snapshot");
    assert_eq!(op(9, "inverse"), "delete_persona", "in the redo tail");
}

#[test]
fn an_entry_holding_another_entrys_inverse_is_refused_with_its_path() {
    let dir = tempfile::tempdir().unwrap();
    let (_source, json) = rich_export(&dir);
    let swapped = tampered(&json, |entries| {
        entries[4]["inverse"] = entries[6]["inverse"].clone();
    });
    assert_import_fails(
        &swapped,
        ErrorKind::JsonContent,
        Some("$.history.entries[4].inverse"),
    );
}

#[test]
fn an_inverse_aimed_at_another_row_is_refused_with_its_path() {
    // The emotion curve's undo deletes its step, then its lane. Aimed at another step, it still
    // applies (undo would delete an unrelated card under the entry's label): refused.
    let dir = tempfile::tempdir().unwrap();
    let (source, json) = rich_export(&dir);
    let value: Value = serde_json::from_str(&json).unwrap();
    let feeling = value["history"]["entries"][3]["inverse"]["edits"][0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let other_step = source
        .workspace()
        .steps
        .keys()
        .find(|id| **id != feeling)
        .unwrap()
        .clone();
    let aimed_elsewhere = tampered(&json, |entries| {
        assert_eq!(entries[3]["inverse"]["edits"][0]["op"], "delete_step");
        entries[3]["inverse"]["edits"][0]["id"] = other_step.into();
    });
    assert_import_fails(
        &aimed_elsewhere,
        ErrorKind::JsonContent,
        Some("$.history.entries[3].inverse"),
    );
    // A target id that names nothing: the undo cannot even apply.
    let dangling = tampered(&json, |entries| {
        entries[4]["inverse"]["id"] = "0190a1b2-0000-7000-8000-000000000000".into();
    });
    assert_import_fails(
        &dangling,
        ErrorKind::JsonContent,
        Some("$.history.entries[4].inverse"),
    );
}

#[test]
fn a_redo_tail_entry_whose_inverse_disagrees_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let (source, json) = rich_export(&dir);
    let first_persona = source.workspace().personas.keys().next().unwrap().clone();
    let wrong_undo = tampered(&json, |entries| {
        entries[9]["inverse"]["id"] = first_persona.into();
    });
    assert_import_fails(
        &wrong_undo,
        ErrorKind::JsonContent,
        Some("$.history.entries[9].inverse"),
    );
}

#[test]
fn an_edit_that_does_not_lead_to_the_content_is_refused() {
    // The snapshot's edit names it otherwise than the file holds it: undo then redo would
    // rename it. Its inverse (delete by id) is still the right one, so the edit is at fault.
    let dir = tempfile::tempdir().unwrap();
    let (_source, json) = rich_export(&dir);
    let renamed = tampered(&json, |entries| {
        entries[8]["edit"]["snapshot"]["name"] = "Not what the file holds".into();
    });
    assert_import_fails(
        &renamed,
        ErrorKind::JsonContent,
        Some("$.history.entries[8].edit"),
    );
}

#[test]
fn a_sound_demo_export_with_undone_entries_imports_and_round_trips() {
    let dir = tempfile::tempdir().unwrap();
    let mut demo = Document::create(file_in(&dir, "demo.baton"), "Demo").unwrap();
    let edit = baton_core::templates::demo_edit(demo.workspace());
    demo.apply(edit).unwrap();
    demo.apply(Edit::CreatePersona {
        persona: persona("Walk-in customer", 0),
    })
    .unwrap();
    let journey = demo.workspace().journeys.keys().next().unwrap().clone();
    demo.apply(Edit::DeleteJourney { id: journey }).unwrap();
    demo.undo().unwrap();
    let json = demo.export_json().unwrap();
    assert!(
        json.contains("\"cursor\": 2"),
        "an undone entry is exported"
    );
    let mut imported = Document::import_json(&json, file_in(&dir, "copy.baton")).unwrap();
    assert_eq!(imported.export_json().unwrap(), json);
    imported.redo().unwrap();
    demo.redo().unwrap();
    assert_eq!(imported.workspace(), demo.workspace());
    while imported.can_undo() {
        imported.undo().unwrap();
        demo.undo().unwrap();
        assert_eq!(imported.workspace(), demo.workspace());
    }
}
