//! Upgrading a file written at schema version 1: backed up first, then migrated in place.

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
    assert_eq!(SCHEMA_VERSION, 2);
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
    assert_eq!(header_u32(&path, 60), 2);
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
