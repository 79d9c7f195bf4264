//! How the store makes and writes files (issue 10): new files appear whole or not at all and
//! never replace a file made meanwhile; temp files of dead Batons are removed, live ones kept; a
//! file replaced at its path is never written; a read-only folder is a typed error.

mod common;

use std::fs::{self, File};
use std::path::{Path, PathBuf};

use baton_core::Edit;
use baton_store::temp_files::{self, TempFile};
use baton_store::{Document, ErrorKind, NewDocument};
use common::*;

/// The names in `dir`, sorted.
fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn journal_of(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push("-journal");
    PathBuf::from(name)
}

/// Whether a journal beside `path` still has to be played back (it starts with SQLite's magic).
fn hot_journal(path: &Path) -> bool {
    const MAGIC: [u8; 8] = [0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7];
    fs::read(journal_of(path)).is_ok_and(|bytes| bytes.starts_with(&MAGIC))
}

fn add_persona(
    doc: &mut Document,
    name: &str,
) -> Result<baton_store::EditOutcome, baton_store::StoreError> {
    let position = u32::try_from(doc.workspace().personas.len()).unwrap();
    doc.apply(Edit::CreatePersona {
        persona: persona(name, position),
    })
}

#[test]
fn a_new_file_is_built_beside_its_target_and_appears_only_when_placed() {
    let dir = tempfile::tempdir().unwrap();
    let path = file_in(&dir, "acme.baton");
    let mut building = NewDocument::create(&path, "Acme").unwrap();
    assert!(!path.exists(), "nothing at the target while it is built");
    add_persona(building.document_mut(), "Owner").unwrap();
    let temp = building.temp_path().to_owned();
    assert!(temp.exists());
    assert!(
        temp.file_name()
            .unwrap()
            .to_string_lossy()
            .starts_with(".acme.baton.baton-temp-"),
        "{}",
        temp.display()
    );
    let mut doc = building.place(false).unwrap();
    assert_eq!(doc.path(), path.as_path());
    assert!(!temp.exists());
    // The document goes on at the target: its lock and its writes are there.
    add_persona(&mut doc, "Second").unwrap();
    assert_eq!(
        Document::open(&path).unwrap_err().kind(),
        ErrorKind::AlreadyOpen
    );
    doc.close().unwrap();
    assert_eq!(names_in(dir.path()), ["acme.baton"]);
    assert_eq!(Document::open(&path).unwrap().workspace().personas.len(), 2);
}

#[test]
fn placing_never_replaces_a_file_made_meanwhile() {
    let dir = tempfile::tempdir().unwrap();
    let path = file_in(&dir, "acme.baton");
    let building = NewDocument::create(&path, "Acme").unwrap();
    fs::write(&path, b"made by someone else meanwhile").unwrap();
    let error = building.place(false).unwrap_err();
    assert_eq!(error.kind(), ErrorKind::FileExists);
    assert!(error.to_string().contains("acme.baton exists"), "{error}");
    assert!(!error.to_string().contains("baton-temp"), "{error}");
    assert_eq!(bytes(&path), b"made by someone else meanwhile");
    assert_eq!(names_in(dir.path()), ["acme.baton"], "no temp file left");
}

#[test]
fn placing_with_replace_swaps_the_file_in_one_step_unless_it_is_open() {
    let dir = tempfile::tempdir().unwrap();
    let path = file_in(&dir, "acme.baton");
    fs::write(&path, b"old content").unwrap();
    let doc = NewDocument::create(&path, "Acme")
        .unwrap()
        .place(true)
        .unwrap();
    assert_eq!(doc.info().name, "Acme");

    // Open in this Baton: refused, and the open file is left alone.
    let before = bytes(&path);
    let error = NewDocument::create(&path, "Other")
        .unwrap()
        .place(true)
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::AlreadyOpen);
    assert_eq!(bytes(&path), before);
    doc.close().unwrap();
    assert_eq!(names_in(dir.path()), ["acme.baton"]);
}

#[test]
fn an_unplaced_new_file_leaves_nothing_behind() {
    let dir = tempfile::tempdir().unwrap();
    let path = file_in(&dir, "acme.baton");
    let mut building = NewDocument::create(&path, "Acme").unwrap();
    add_persona(building.document_mut(), "Owner").unwrap();
    drop(building);
    assert_eq!(names_in(dir.path()), Vec::<String>::new());
}

#[test]
fn stale_temp_files_and_their_journals_are_removed_but_live_ones_kept() {
    let dir = tempfile::tempdir().unwrap();
    let path = file_in(&dir, "acme.baton");
    let live = TempFile::create(&path).unwrap();
    let dead = dir.path().join(".acme.baton.baton-temp-dead");
    fs::write(&dead, b"left by a killed Baton").unwrap();
    fs::write(journal_of(&dead), b"its journal").unwrap();
    fs::write(
        dir.path().join(".acme.baton.baton-temp-gone-journal"),
        b"orphan",
    )
    .unwrap();
    fs::write(
        dir.path().join(".other.baton.baton-temp-x"),
        b"another target's",
    )
    .unwrap();
    fs::write(dir.path().join(".acme.baton.my-notes"), b"not a temp file").unwrap();

    assert_eq!(temp_files::remove_stale(&path), 3);
    let live_name = live
        .path()
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    let mut expected = vec![
        ".acme.baton.my-notes".to_owned(),
        live_name,
        ".other.baton.baton-temp-x".to_owned(),
    ];
    expected.sort();
    assert_eq!(names_in(dir.path()), expected);
    // Dropped unplaced, the live one goes too.
    drop(live);
    assert_eq!(temp_files::remove_stale(&path), 0);
    assert_eq!(names_in(dir.path()).len(), 2);
}

#[test]
fn save_as_and_opening_clean_the_targets_stale_temp_files() {
    let dir = tempfile::tempdir().unwrap();
    let path = file_in(&dir, "acme.baton");
    let copy = file_in(&dir, "copy.baton");
    fs::write(dir.path().join(".copy.baton.baton-temp-1"), b"stale").unwrap();
    fs::write(dir.path().join(".acme.baton.baton-temp-2"), b"stale").unwrap();
    let mut doc = Document::create(&path, "Acme").unwrap();
    doc.save_as(&copy).unwrap();
    doc.close().unwrap();
    assert_eq!(names_in(dir.path()), ["acme.baton", "copy.baton"]);

    fs::write(dir.path().join(".acme.baton.baton-temp-3"), b"stale").unwrap();
    Document::open(&path).unwrap().close().unwrap();
    assert_eq!(names_in(dir.path()), ["acme.baton", "copy.baton"]);
}

/// Issue 10, attack 11: another file renamed onto an open file's path. Writing on would put
/// the journal beside the other file: every write is refused, the other file untouched.
#[test]
fn a_file_replaced_at_its_path_is_never_written() {
    let dir = tempfile::tempdir().unwrap();
    let path = file_in(&dir, "acme.baton");
    let mut doc = Document::create(&path, "Acme").unwrap();
    add_persona(&mut doc, "Owner").unwrap();
    add_persona(&mut doc, "Second").unwrap();
    doc.undo().unwrap();
    let other = file_in(&dir, "other.baton");
    Document::create(&other, "Other").unwrap().close().unwrap();
    fs::rename(&other, &path).unwrap();
    let before = bytes(&path);
    let workspace = doc.workspace().clone();

    let error = add_persona(&mut doc, "Third").unwrap_err();
    assert_eq!(error.kind(), ErrorKind::FileReplaced);
    assert!(
        error
            .to_string()
            .contains("acme.baton was replaced by another file"),
        "{error}"
    );
    assert_eq!(doc.undo().unwrap_err().kind(), ErrorKind::FileReplaced);
    assert_eq!(doc.redo().unwrap_err().kind(), ErrorKind::FileReplaced);
    assert_eq!(
        doc.save_as(file_in(&dir, "copy.baton")).unwrap_err().kind(),
        ErrorKind::FileReplaced
    );
    assert_eq!(doc.workspace(), &workspace, "memory unchanged");
    assert_eq!(bytes(&path), before, "the other file unchanged");
    // SQLite keeps its (emptied) journal while the document is open: never one to play back.
    assert!(!hot_journal(&path), "no hot journal beside the other file");
    doc.close().unwrap();
    assert_eq!(bytes(&path), before);
    assert!(
        !journal_of(&path).exists(),
        "no journal beside the other file"
    );
    assert_eq!(Document::open(&path).unwrap().info().name, "Other");
}

/// Makes a folder read-only even for root: `chattr +i` as root (root ignores permissions),
/// `chmod 555` otherwise. Undone on drop.
struct ReadOnlyFolder {
    path: PathBuf,
    immutable: bool,
}

impl ReadOnlyFolder {
    fn new(path: &Path) -> Self {
        // SAFETY: geteuid has no preconditions.
        let immutable = unsafe { libc::geteuid() } == 0;
        if immutable {
            let status = std::process::Command::new("chattr")
                .arg("+i")
                .arg(path)
                .status()
                .unwrap();
            assert!(status.success(), "chattr +i {}", path.display());
        } else {
            set_mode(path, 0o555);
        }
        ReadOnlyFolder {
            path: path.to_owned(),
            immutable,
        }
    }
}

impl Drop for ReadOnlyFolder {
    fn drop(&mut self) {
        if self.immutable {
            let _ = std::process::Command::new("chattr")
                .arg("-i")
                .arg(&self.path)
                .status();
        } else {
            set_mode(&self.path, 0o755);
        }
    }
}

fn set_mode(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(path, fs::Permissions::from_mode(mode)).unwrap();
}

/// Issue 10, attack 12: the file is writable but its folder is not, so SQLite cannot create
/// its journal: a typed error in plain words, the file unchanged.
#[test]
fn a_read_only_folder_is_a_typed_error() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("inside");
    fs::create_dir(&folder).unwrap();
    let path = folder.join("acme.baton");
    Document::create(&path, "Acme").unwrap().close().unwrap();
    let before = bytes(&path);
    let read_only = ReadOnlyFolder::new(&folder);

    let mut doc = Document::open(&path).unwrap();
    let error = add_persona(&mut doc, "Owner").unwrap_err();
    assert_eq!(error.kind(), ErrorKind::FolderReadOnly, "{error}");
    assert!(
        error.to_string().contains("the folder of") && error.to_string().contains("read-only"),
        "{error}"
    );
    assert!(doc.workspace().personas.is_empty(), "memory rolled back");
    doc.close().unwrap();
    let error = Document::create(folder.join("new.baton"), "New").unwrap_err();
    assert_eq!(error.kind(), ErrorKind::FolderReadOnly, "{error}");
    drop(read_only);
    assert_eq!(bytes(&path), before);
    assert_eq!(names_in(&folder), ["acme.baton"]);
}

#[test]
fn a_temp_file_is_locked_while_its_maker_lives() {
    let dir = tempfile::tempdir().unwrap();
    let path = file_in(&dir, "acme.baton");
    let temp = TempFile::create(&path).unwrap();
    let other = File::open(temp.path()).unwrap();
    assert!(other.try_lock().is_err(), "the maker holds the lock");
    drop(temp);
    assert!(!dir.path().join(".acme.baton").exists());
}
