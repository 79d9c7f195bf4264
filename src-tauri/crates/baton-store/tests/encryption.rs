//! Client files protected by a passphrase: round trips, a wrong or missing passphrase, no
//! plaintext on disk (file and journal), copies that stay encrypted, and plain files unchanged.

mod common;

use std::path::Path;

use baton_core::Edit;
use baton_store::{check_file_with_passphrase, Document, ErrorKind, Passphrase};
use common::*;

/// A client's text that must never reach the disk in clear.
const VERBATIM: &str = "Mrs Okonkwo-Lindqvist said account 4471-0099 was frozen twice";
const PLAIN_MAGIC: &[u8] = b"SQLite format 3\0";

fn pass(text: &str) -> Passphrase {
    Passphrase::new(text).unwrap()
}

fn contains(haystack: &[u8], needle: &str) -> bool {
    haystack
        .windows(needle.len())
        .any(|window| window == needle.as_bytes())
}

fn assert_no_plaintext(path: &Path) {
    let bytes = std::fs::read(path).unwrap();
    assert!(
        !bytes.starts_with(PLAIN_MAGIC),
        "{} is plain",
        path.display()
    );
    for text in [VERBATIM, "Okonkwo", "Acme Bank", "CREATE TABLE"] {
        assert!(!contains(&bytes, text), "{text:?} in {}", path.display());
    }
}

/// The file's bytes: equal bytes (stronger than equal hashes) is what "untouched" means.
fn file_bytes(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap()
}

fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// An encrypted file holding the verbatim in a persona's description and a snapshot.
fn encrypted_client(dir: &tempfile::TempDir) -> std::path::PathBuf {
    let path = file_in(dir, "client.baton");
    let mut doc = Document::create_encrypted(&path, "Acme Bank", pass("correct horse")).unwrap();
    let mut persona = persona("Okonkwo", 0);
    persona.description = VERBATIM.into();
    doc.apply(Edit::CreatePersona { persona }).unwrap();
    let (journey, _) = small_journey("Card blocked", 0);
    doc.apply(journey).unwrap();
    doc.close().unwrap();
    path
}

fn persona_descriptions(doc: &Document) -> Vec<String> {
    doc.workspace()
        .personas
        .values()
        .map(|p| p.description.clone())
        .collect()
}

#[test]
fn an_encrypted_file_round_trips_with_its_passphrase_and_holds_no_plaintext() {
    let dir = tempfile::tempdir().unwrap();
    let path = encrypted_client(&dir);
    assert_no_plaintext(&path);
    let mut doc = Document::open_with_passphrase(&path, pass("correct horse")).unwrap();
    assert!(doc.is_encrypted());
    assert_eq!(persona_descriptions(&doc), vec![VERBATIM.to_string()]);
    assert_eq!(doc.workspace().info.name, "Acme Bank");
    assert!(doc.can_undo());
    doc.undo().unwrap();
    doc.redo().unwrap();
    assert!(doc.integrity_problems().unwrap().is_empty());
    doc.close().unwrap();
    assert_no_plaintext(&path);
    let report = check_file_with_passphrase(&path, Some(&pass("correct horse"))).unwrap();
    assert!(report.problems.is_empty(), "{:?}", report.problems);
}

#[test]
fn a_wrong_passphrase_is_typed_and_leaves_the_file_byte_identical() {
    let dir = tempfile::tempdir().unwrap();
    let path = encrypted_client(&dir);
    let before = file_bytes(&path);
    let error = Document::open_with_passphrase(&path, pass("correct horse!")).unwrap_err();
    assert_eq!(error.kind(), ErrorKind::WrongPassphrase, "{error}");
    assert!(error.to_string().contains("does not open"), "{error}");
    assert_eq!(file_bytes(&path), before);
    let error = check_file_with_passphrase(&path, Some(&pass("nope"))).unwrap_err();
    assert_eq!(error.kind(), ErrorKind::WrongPassphrase, "{error}");
    assert_eq!(file_bytes(&path), before);
    assert_eq!(names_in(dir.path()), vec!["client.baton".to_string()]);
    // The right one still opens it afterwards.
    Document::open_with_passphrase(&path, pass("correct horse"))
        .unwrap()
        .close()
        .unwrap();
}

#[test]
fn an_encrypted_file_opened_without_a_passphrase_asks_for_one() {
    let dir = tempfile::tempdir().unwrap();
    let path = encrypted_client(&dir);
    let before = file_bytes(&path);
    let error = Document::open(&path).unwrap_err();
    assert_eq!(error.kind(), ErrorKind::PassphraseRequired, "{error}");
    assert!(error.to_string().contains("passphrase"), "{error}");
    let error = baton_store::check_file(&path).unwrap_err();
    assert_eq!(error.kind(), ErrorKind::PassphraseRequired, "{error}");
    assert_eq!(file_bytes(&path), before);
}

#[test]
fn a_plain_file_stays_an_ordinary_sqlite_file_and_opens_with_or_without_a_passphrase() {
    let dir = tempfile::tempdir().unwrap();
    let path = file_in(&dir, "plain.baton");
    let mut doc = Document::create(&path, "Acme Bank").unwrap();
    assert!(!doc.is_encrypted());
    let mut persona = persona("Okonkwo", 0);
    persona.description = VERBATIM.into();
    doc.apply(Edit::CreatePersona { persona }).unwrap();
    doc.close().unwrap();
    let bytes = std::fs::read(&path).unwrap();
    assert!(bytes.starts_with(PLAIN_MAGIC));
    assert!(contains(&bytes, VERBATIM));
    // Read by a connection that is given no key, as any SQLite tool would.
    let conn = rusqlite::Connection::open(&path).unwrap();
    let description: String = conn
        .query_row("SELECT description FROM persona", [], |row| row.get(0))
        .unwrap();
    assert_eq!(description, VERBATIM);
    drop(conn);
    let doc = Document::open_with_passphrase(&path, pass("unused")).unwrap();
    assert!(!doc.is_encrypted());
    doc.close().unwrap();
    assert!(std::fs::read(&path).unwrap().starts_with(PLAIN_MAGIC));
}

#[test]
fn set_change_and_remove_a_passphrase() {
    let dir = tempfile::tempdir().unwrap();
    let path = file_in(&dir, "client.baton");
    let mut doc = Document::create(&path, "Acme Bank").unwrap();
    let mut persona = persona("Okonkwo", 0);
    persona.description = VERBATIM.into();
    doc.apply(Edit::CreatePersona { persona }).unwrap();
    doc.set_passphrase(pass("first")).unwrap();
    assert!(doc.is_encrypted());
    assert_no_plaintext(&path);
    // The document goes on writing to the encrypted file.
    doc.apply(Edit::CreatePersona {
        persona: common::persona("Second", 1),
    })
    .unwrap();
    doc.close().unwrap();
    assert_no_plaintext(&path);

    let mut doc = Document::open_with_passphrase(&path, pass("first")).unwrap();
    assert_eq!(doc.workspace().personas.len(), 2);
    let error = doc
        .change_passphrase(&pass("not it"), pass("second"))
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::WrongPassphrase);
    doc.change_passphrase(&pass("first"), pass("second"))
        .unwrap();
    doc.close().unwrap();
    assert_eq!(
        Document::open_with_passphrase(&path, pass("first"))
            .unwrap_err()
            .kind(),
        ErrorKind::WrongPassphrase
    );
    let mut doc = Document::open_with_passphrase(&path, pass("second")).unwrap();
    assert_eq!(doc.history().unwrap().len(), 2, "the history moves along");
    doc.remove_passphrase(&pass("second")).unwrap();
    assert!(!doc.is_encrypted());
    doc.close().unwrap();
    let bytes = std::fs::read(&path).unwrap();
    assert!(bytes.starts_with(PLAIN_MAGIC));
    assert!(contains(&bytes, VERBATIM));
    let doc = Document::open(&path).unwrap();
    assert_eq!(doc.workspace().personas.len(), 2);
    assert!(doc.integrity_problems().unwrap().is_empty());
    doc.close().unwrap();
    // Nothing left beside the file.
    assert_eq!(names_in(dir.path()), vec!["client.baton".to_string()]);
}

#[test]
fn save_as_and_json_import_of_an_encrypted_file_stay_encrypted() {
    let dir = tempfile::tempdir().unwrap();
    let path = encrypted_client(&dir);
    let mut doc = Document::open_with_passphrase(&path, pass("correct horse")).unwrap();
    let copy = file_in(&dir, "copy.baton");
    doc.save_as(&copy).unwrap();
    doc.apply(Edit::CreatePersona {
        persona: persona("After save-as", 1),
    })
    .unwrap();
    let json = doc.export_json().unwrap();
    assert!(
        json.contains(VERBATIM),
        "the export is plain text by nature"
    );
    doc.close().unwrap();
    assert_no_plaintext(&copy);
    let doc = Document::open_with_passphrase(&copy, pass("correct horse")).unwrap();
    assert_eq!(doc.workspace().personas.len(), 2);
    doc.close().unwrap();

    let imported = file_in(&dir, "imported.baton");
    Document::import_json_encrypted(&json, &imported, pass("import pass"))
        .unwrap()
        .close()
        .unwrap();
    assert_no_plaintext(&imported);
    let doc = Document::open_with_passphrase(&imported, pass("import pass")).unwrap();
    assert_eq!(persona_descriptions(&doc).len(), 2);
    doc.close().unwrap();
}

#[test]
fn the_journal_of_an_edit_in_progress_holds_no_plaintext() {
    let dir = tempfile::tempdir().unwrap();
    let path = encrypted_client(&dir);
    let doc = Document::open_with_passphrase(&path, pass("correct horse")).unwrap();
    // A transaction held open, large enough that SQLite writes pages to the file and their old
    // content to the journal before the commit.
    baton_store::testing::execute_batch(
        &doc,
        &format!(
            "PRAGMA cache_size = 2; BEGIN IMMEDIATE; \
             UPDATE persona SET description = '{VERBATIM} (edited)'; \
             UPDATE workspace_info SET name = name || ' {VERBATIM}';"
        ),
    )
    .unwrap();
    let many: String = (0..400)
        .map(|i| format!("UPDATE persona SET role = '{VERBATIM} {i}';"))
        .collect();
    baton_store::testing::execute_batch(&doc, &many).unwrap();
    let journal = dir.path().join("client.baton-journal");
    let journal_bytes = std::fs::read(&journal).unwrap();
    assert!(journal_bytes.len() > 512, "no journal written mid-edit");
    assert!(!contains(&journal_bytes, VERBATIM));
    assert!(!contains(&journal_bytes, "Acme Bank"));
    assert_no_plaintext(&path);
    baton_store::testing::execute_batch(&doc, "ROLLBACK").unwrap();
    doc.close().unwrap();
}

#[test]
fn random_bytes_of_an_encrypted_files_length_ask_for_a_passphrase_and_others_are_not_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    let mut state = 0x1234_5678u32;
    let random: Vec<u8> = (0..8192)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            state as u8
        })
        .collect();
    let whole_pages = file_in(&dir, "pages.baton");
    std::fs::write(&whole_pages, &random).unwrap();
    assert_eq!(
        Document::open(&whole_pages).unwrap_err().kind(),
        ErrorKind::PassphraseRequired
    );
    assert_eq!(
        Document::open_with_passphrase(&whole_pages, pass("any"))
            .unwrap_err()
            .kind(),
        ErrorKind::WrongPassphrase
    );
    assert_eq!(std::fs::read(&whole_pages).unwrap(), random);
    let odd = file_in(&dir, "odd.baton");
    std::fs::write(&odd, &random[..5000]).unwrap();
    assert_eq!(
        Document::open_with_passphrase(&odd, pass("any"))
            .unwrap_err()
            .kind(),
        ErrorKind::NotSqlite
    );
}

#[test]
fn an_empty_or_overlong_passphrase_is_refused_and_never_shown() {
    assert_eq!(
        Passphrase::new("").unwrap_err().kind(),
        ErrorKind::PassphraseUnusable
    );
    let long = "x".repeat(Passphrase::MAX_BYTES + 1);
    assert_eq!(
        Passphrase::new(long).unwrap_err().kind(),
        ErrorKind::PassphraseUnusable
    );
    let secret = pass("hunter2-secret");
    assert!(!format!("{secret:?}").contains("hunter2"));
    let dir = tempfile::tempdir().unwrap();
    let path = file_in(&dir, "c.baton");
    let doc = Document::create_encrypted(&path, "C", pass("hunter2-secret")).unwrap();
    assert!(!format!("{doc:?}").contains("hunter2"));
    doc.close().unwrap();
}

#[test]
fn the_backup_before_an_upgrade_of_an_encrypted_file_is_encrypted_too() {
    let dir = tempfile::tempdir().unwrap();
    let plain_v1 = file_in(&dir, "plain-v1.baton");
    baton_store::testing::create_at_version(&plain_v1, "Acme Bank", 1).unwrap();
    // An encrypted file at schema version 1, as an older Baton would have written it.
    let path = file_in(&dir, "old.baton");
    let conn = rusqlite::Connection::open(&plain_v1).unwrap();
    conn.execute(
        "ATTACH DATABASE ?1 AS old KEY 'old secret'",
        [path.to_str().unwrap()],
    )
    .unwrap();
    conn.query_row("SELECT sqlcipher_export('old')", [], |_| Ok(()))
        .unwrap();
    conn.execute_batch(&format!(
        "PRAGMA old.user_version = 1; PRAGMA old.application_id = {}; DETACH DATABASE old;",
        baton_store::APPLICATION_ID as i32
    ))
    .unwrap();
    drop(conn);
    assert_no_plaintext(&path);

    let doc = Document::open_with_passphrase(&path, pass("old secret")).unwrap();
    assert!(doc.is_encrypted());
    doc.close().unwrap();
    let backup = file_in(&dir, "old.baton.v1.bak");
    assert_no_plaintext(&backup);
    let report = check_file_with_passphrase(&backup, Some(&pass("old secret"))).unwrap();
    assert_eq!(report.schema_version, 1);
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    assert_eq!(
        check_file_with_passphrase(&backup, Some(&pass("other")))
            .unwrap_err()
            .kind(),
        ErrorKind::WrongPassphrase
    );
}
