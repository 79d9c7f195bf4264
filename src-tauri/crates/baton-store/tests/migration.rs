//! Upgrading a file written at an older schema version: backed up first, then migrated in place.

mod common;

use baton_core::Edit;
use baton_store::{testing, Document, APPLICATION_ID, SCHEMA_VERSION};
use common::*;

fn header_u32(path: &std::path::Path, offset: usize) -> u32 {
    let bytes = bytes(path);
    u32::from_be_bytes(bytes[offset..offset + 4].try_into().unwrap())
}

fn index_names(path: &std::path::Path) -> Vec<String> {
    let raw = rusqlite::Connection::open(path).unwrap();
    let mut statement = raw
        .prepare(
            "SELECT name FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL ORDER BY name",
        )
        .unwrap();
    let names = statement
        .query_map([], |row| row.get(0))
        .unwrap()
        .collect::<Result<Vec<String>, _>>()
        .unwrap();
    names
}

#[test]
fn a_version_1_file_is_backed_up_then_upgraded() {
    let dir = tempfile::tempdir().unwrap();
    let path = file_in(&dir, "old.baton");
    testing::create_at_version(&path, "Acme 2025", 1).unwrap();
    assert_eq!(header_u32(&path, 60), 1, "user_version");
    assert_eq!(header_u32(&path, 68), APPLICATION_ID);
    assert!(index_names(&path).is_empty(), "version 1 has no indexes");
    let mut doc = Document::open(&path).unwrap();
    assert_eq!(doc.info().name, "Acme 2025");
    let as_it_was = doc.workspace().clone();
    doc.apply(Edit::CreatePersona {
        persona: persona("Owner", 0),
    })
    .unwrap();
    let expected = doc.workspace().clone();
    doc.close().unwrap();

    let backup = dir.path().join("old.baton.v1.bak");
    assert_eq!(
        header_u32(&backup, 60),
        1,
        "the backup is still at version 1"
    );
    assert!(index_names(&backup).is_empty());
    assert_eq!(header_u32(&path, 60), SCHEMA_VERSION);
    assert!(index_names(&path).contains(&"step_by_stage".to_owned()));
    assert_eq!(Document::open(&path).unwrap().workspace(), &expected);
    // The backup is a sound Baton file with the content as it was before the upgrade.
    let from_backup = Document::open(&backup).unwrap();
    assert_eq!(from_backup.workspace(), &as_it_was);
}

#[test]
fn an_existing_backup_is_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let path = file_in(&dir, "old.baton");
    testing::create_at_version(&path, "Acme", 1).unwrap();
    let taken = dir.path().join("old.baton.v1.bak");
    std::fs::write(&taken, b"an older backup").unwrap();
    Document::open(&path).unwrap();
    assert_eq!(bytes(&taken), b"an older backup");
    assert_eq!(header_u32(&dir.path().join("old.baton.v1.2.bak"), 60), 1);
}

#[test]
fn a_current_file_is_not_backed_up() {
    let dir = tempfile::tempdir().unwrap();
    let path = file_in(&dir, "new.baton");
    Document::create(&path, "Acme").unwrap().close().unwrap();
    Document::open(&path).unwrap().close().unwrap();
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|entry| entry.unwrap().file_name().into_string().unwrap())
        .collect();
    assert_eq!(names, vec!["new.baton".to_owned()]);
}

/// A file whose `user_version` says 1 but which holds version 2's indexes (the upgrade's own
/// work done behind its back).
fn version_1_with_version_2_schema(dir: &tempfile::TempDir) -> std::path::PathBuf {
    let path = file_in(dir, "liar.baton");
    testing::create_at_version(&path, "Acme", 2).unwrap();
    let raw = rusqlite::Connection::open(&path).unwrap();
    raw.pragma_update(None, "user_version", 1).unwrap();
    raw.close().unwrap();
    path
}

#[test]
fn a_file_that_says_version_1_but_holds_version_2_is_damaged_and_never_backed_up() {
    let dir = tempfile::tempdir().unwrap();
    let path = version_1_with_version_2_schema(&dir);
    let before = bytes(&path);
    for _attempt in 0..3 {
        let error = Document::open(&path).unwrap_err();
        assert_eq!(error.kind(), baton_store::ErrorKind::Damaged, "{error}");
        assert!(
            error.to_string().contains("says 1") && error.to_string().contains("version 2"),
            "{error}"
        );
        assert!(bytes(&path) == before, "the file changed");
    }
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|entry| entry.unwrap().file_name().into_string().unwrap())
        .collect();
    assert_eq!(
        names,
        vec!["liar.baton".to_owned()],
        "no backup, no journal"
    );
}

/// The column names of `table`.
fn columns(path: &std::path::Path, table: &str) -> Vec<String> {
    let raw = rusqlite::Connection::open(path).unwrap();
    let mut statement = raw
        .prepare("SELECT name FROM pragma_table_info(?1)")
        .unwrap();
    let names = statement
        .query_map([table], |row| row.get(0))
        .unwrap()
        .collect::<Result<Vec<String>, _>>()
        .unwrap();
    names
}

/// A version-2 file holding a persona, a journey, its future-state copy (made before origins
/// were recorded) and a snapshot, its history and snapshot JSON without the fields version 3
/// added: it is backed up, gains the origin columns, the persona texts and the survey mappings
/// table, and reads as before with no origins, empty goals and frustrations; its history still
/// undoes.
#[test]
fn a_version_2_file_with_content_gains_origins_persona_texts_and_mappings() {
    const { assert!(SCHEMA_VERSION >= 3) };
    let dir = tempfile::tempdir().unwrap();
    let current = file_in(&dir, "current.baton");
    let mut doc = Document::create(&current, "Acme").unwrap();
    doc.apply(Edit::CreatePersona {
        persona: persona("Owner", 0),
    })
    .unwrap();
    let j = journey("Lost card", 0);
    let journey_id = j.id.clone();
    doc.apply(Edit::CreateJourney { journey: j }).unwrap();
    let stage = stage(&journey_id, "Call", 0);
    let lane = lane(&journey_id, "Agent", baton_core::LaneKind::Actor, 0);
    let step = step(&journey_id, &stage.id, &lane.id, "Answer", 0);
    doc.apply(Edit::CreateStage { stage }).unwrap();
    doc.apply(Edit::CreateLane { lane }).unwrap();
    doc.apply(Edit::CreateStep { step }).unwrap();
    // The future-state copy as Baton 2 made it: its items name no origin.
    let mut future = baton_core::duplicate_as_future(doc.workspace(), &journey_id).unwrap();
    if let Edit::Batch { edits, .. } = &mut future {
        for edit in edits {
            match edit {
                Edit::CreateStage { stage } => stage.origin_id = None,
                Edit::CreateLane { lane } => lane.origin_id = None,
                Edit::CreateStep { step } => step.origin_id = None,
                Edit::ConnectHandoff { handoff } => handoff.origin_id = None,
                _ => {}
            }
        }
    }
    doc.apply(future).unwrap();
    let model = doc.workspace().journey_model(&journey_id).unwrap();
    doc.apply(Edit::CreateSnapshot {
        snapshot: baton_core::Snapshot {
            id: baton_core::new_id(),
            journey_id: journey_id.clone(),
            name: "Baseline".into(),
            created_at: chrono::Utc::now(),
            model,
        },
    })
    .unwrap();
    doc.close().unwrap();

    let path = file_in(&dir, "old.baton");
    testing::copy_to_version(&current, &path, 2).unwrap();
    {
        // What Baton 2 wrote: no origins in its tables, no such fields in its JSON.
        let raw = rusqlite::Connection::open(&path).unwrap();
        raw.execute_batch(
            "UPDATE history SET edit = replace(replace(replace(edit, ',\"origin_id\":null', ''), \
             ',\"goals\":\"\"', ''), ',\"frustrations\":\"\"', ''), \
             inverse = replace(inverse, ',\"origin_id\":null', ''); \
             UPDATE snapshot SET model = replace(model, ',\"origin_id\":null', '');",
        )
        .unwrap();
        let stripped: String = raw
            .query_row("SELECT group_concat(edit) FROM history", [], |row| {
                row.get(0)
            })
            .unwrap();
        assert!(!stripped.contains("\"goals\""), "{stripped}");
        assert!(!stripped.contains("\"origin_id\":null"), "{stripped}");
    }
    assert!(!columns(&path, "step").contains(&"origin_id".to_owned()));

    let mut doc = Document::open(&path).unwrap();
    assert!(dir.path().join("old.baton.v2.bak").exists());
    let ws = doc.workspace().clone();
    let personas: Vec<_> = ws.personas.values().collect();
    assert_eq!(personas.len(), 1);
    assert_eq!(
        (
            personas[0].goals.as_str(),
            personas[0].frustrations.as_str()
        ),
        ("", "")
    );
    assert_eq!(ws.steps.len(), 2);
    assert!(ws.steps.values().all(|s| s.origin_id.is_none()));
    assert_eq!(ws.snapshots.len(), 1);
    // The history of version 2 still undoes and redoes: the snapshot, then the future copy.
    doc.undo().unwrap();
    doc.undo().unwrap();
    assert_eq!(doc.workspace().steps.len(), 1);
    doc.redo().unwrap();
    assert_eq!(doc.workspace().steps.len(), 2);
    doc.close().unwrap();

    for (table, column) in [
        ("stage", "origin_id"),
        ("lane", "origin_id"),
        ("step", "origin_id"),
        ("handoff", "origin_id"),
        ("persona", "goals"),
        ("persona", "frustrations"),
    ] {
        assert!(
            columns(&path, table).contains(&column.to_owned()),
            "{table}.{column}"
        );
    }
    assert_eq!(
        columns(&path, "survey_mappings"),
        vec!["id", "name", "mapping", "position"]
    );
    assert_eq!(header_u32(&path, 60), SCHEMA_VERSION);
}
