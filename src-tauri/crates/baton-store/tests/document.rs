//! Create, open, apply, undo, redo, reopen, save as, snapshots and queries, on real files.

mod common;

use baton_core::*;
use baton_store::{Document, ErrorKind};
use common::*;

#[test]
fn a_new_file_holds_the_defaults_and_reopens_identical() {
    let dir = tempfile::tempdir().unwrap();
    let path = file_in(&dir, "acme.baton");
    let doc = Document::create(&path, "Acme Bank").unwrap();
    assert_eq!(doc.info().name, "Acme Bank");
    assert_eq!(doc.metrics().len(), 3, "CSAT, NPS and CES are built in");
    assert_eq!(doc.plan().len(), 3, "seed 003's three phases");
    assert!(!doc.can_undo() && !doc.can_redo());
    let created = doc.workspace().clone();
    doc.close().unwrap();

    let doc = Document::open(&path).unwrap();
    assert_eq!(doc.workspace(), &created);
    assert_eq!(doc.path(), path.as_path());
}

#[test]
fn create_refuses_an_existing_path_and_leaves_it_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = file_in(&dir, "notes.baton");
    std::fs::write(&path, b"my notes").unwrap();
    let error = Document::create(&path, "Acme").unwrap_err();
    assert_eq!(error.kind(), ErrorKind::FileExists);
    assert!(error.to_string().contains("notes.baton"), "{error}");
    assert_eq!(bytes(&path), b"my notes");
}

#[test]
fn create_in_a_missing_folder_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("no/such/folder/acme.baton");
    let error = Document::create(&path, "Acme").unwrap_err();
    assert_eq!(error.kind(), ErrorKind::DirectoryMissing);
    assert!(!path.exists());
}

#[test]
fn every_row_kind_survives_closing_and_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let path = file_in(&dir, "rich.baton");
    let mut doc = Document::create(&path, "Acme").unwrap();
    fill_rich(&mut doc);
    let before = doc.workspace().clone();
    let history = doc.history().unwrap();
    let (can_undo, can_redo, revision) = (doc.can_undo(), doc.can_redo(), doc.revision());
    assert!(!before.snapshots.is_empty() && !before.responses.is_empty());
    doc.close().unwrap();

    let doc = Document::open(&path).unwrap();
    assert_eq!(doc.workspace(), &before);
    assert_eq!(doc.history().unwrap(), history);
    assert_eq!(
        (doc.can_undo(), doc.can_redo(), doc.revision()),
        (can_undo, can_redo, revision)
    );
}

#[test]
fn undo_and_redo_walk_the_history_step_by_step_even_after_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let path = file_in(&dir, "walk.baton");
    let mut doc = Document::create(&path, "Acme").unwrap();
    let mut states = vec![doc.workspace().clone()];
    let (edit, journey_id) = small_journey("Lost card", 0);
    let edits = vec![
        Edit::CreatePersona {
            persona: persona("Owner", 0),
        },
        edit,
        Edit::CreatePersona {
            persona: persona("Retiree", 0),
        },
        Edit::DeleteJourney { id: journey_id },
    ];
    for edit in edits {
        doc.apply(edit).unwrap();
        states.push(doc.workspace().clone());
    }
    doc.close().unwrap();

    let mut doc = Document::open(&path).unwrap();
    for expected in states.iter().rev().skip(1) {
        doc.undo().unwrap();
        assert_eq!(doc.workspace(), expected);
    }
    assert!(!doc.can_undo());
    assert_eq!(doc.undo().unwrap_err().kind(), ErrorKind::NothingToUndo);
    doc.close().unwrap();

    // The empty file, reopened, still knows how to go forward again.
    let mut doc = Document::open(&path).unwrap();
    assert_eq!(doc.workspace(), &states[0]);
    for expected in states.iter().skip(1) {
        let outcome = doc.redo().unwrap();
        assert_eq!(doc.workspace(), expected);
        assert!(outcome.can_undo);
    }
    assert_eq!(doc.redo().unwrap_err().kind(), ErrorKind::NothingToRedo);
    doc.close().unwrap();
    let doc = Document::open(&path).unwrap();
    assert_eq!(doc.workspace(), states.last().unwrap());
}

/// Each outcome names its change in the history's words, so the screen can say what an undo
/// or redo did, even after reopening: an edit by its operation, a batch by its own label.
#[test]
fn outcomes_name_the_change_applied_undone_or_redone() {
    let dir = tempfile::tempdir().unwrap();
    let path = file_in(&dir, "labels.baton");
    let mut doc = Document::create(&path, "Acme").unwrap();
    let (journey, _) = small_journey("Lost card", 0);
    let owner = Edit::CreatePersona {
        persona: persona("Owner", 0),
    };
    assert_eq!(doc.apply(owner).unwrap().label, "create persona");
    assert_eq!(doc.apply(journey).unwrap().label, "Add journey Lost card");
    doc.close().unwrap();

    let mut doc = Document::open(&path).unwrap();
    assert_eq!(doc.undo().unwrap().label, "Add journey Lost card");
    assert_eq!(doc.undo().unwrap().label, "create persona");
    assert_eq!(doc.redo().unwrap().label, "create persona");
    assert_eq!(doc.redo().unwrap().label, "Add journey Lost card");
}

#[test]
fn a_new_edit_after_undo_drops_the_redo_tail() {
    let dir = tempfile::tempdir().unwrap();
    let path = file_in(&dir, "tail.baton");
    let mut doc = Document::create(&path, "Acme").unwrap();
    for (i, name) in ["A", "B", "C"].into_iter().enumerate() {
        doc.apply(Edit::CreatePersona {
            persona: persona(name, i as u32),
        })
        .unwrap();
    }
    doc.undo().unwrap();
    doc.undo().unwrap();
    assert!(doc.can_redo());
    let outcome = doc
        .apply(Edit::CreatePersona {
            persona: persona("D", 1),
        })
        .unwrap();
    assert!(!outcome.can_redo && outcome.can_undo);
    let history = doc.history().unwrap();
    assert_eq!(
        history.iter().map(|e| e.seq).collect::<Vec<_>>(),
        vec![1, 2]
    );
    assert!(history.iter().all(|e| !e.undone));
    let names: Vec<_> = doc.personas().iter().map(|p| p.name.clone()).collect();
    assert_eq!(names, vec!["A", "D"]);
    doc.close().unwrap();
    let doc = Document::open(&path).unwrap();
    assert!(!doc.can_redo());
    assert_eq!(doc.history().unwrap().len(), 2);
}

#[test]
fn history_lists_labels_times_and_what_is_undone() {
    let dir = tempfile::tempdir().unwrap();
    let mut doc = Document::create(file_in(&dir, "h.baton"), "Acme").unwrap();
    let before = chrono::Utc::now();
    doc.apply(Edit::CreatePersona {
        persona: persona("A", 0),
    })
    .unwrap();
    let (edit, _) = small_journey("Lost card", 0);
    doc.apply(edit).unwrap();
    doc.undo().unwrap();
    let history = doc.history().unwrap();
    assert_eq!(history.len(), 2);
    assert_eq!(history[0].label, "create persona");
    assert_eq!(history[1].label, "Add journey Lost card");
    assert!(!history[0].undone && history[1].undone);
    assert!(history[0].at >= before - chrono::Duration::seconds(1));
    assert!(history[0].at <= history[1].at);
}

#[test]
fn an_invalid_edit_changes_nothing_and_says_which_field() {
    let dir = tempfile::tempdir().unwrap();
    let path = file_in(&dir, "invalid.baton");
    let mut doc = Document::create(&path, "Acme").unwrap();
    doc.apply(Edit::CreatePersona {
        persona: persona("A", 0),
    })
    .unwrap();
    let before = doc.workspace().clone();
    let revision = doc.revision();
    let error = doc
        .apply(Edit::CreatePersona {
            persona: persona("   ", 1),
        })
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Empty);
    let ipc = error.to_ipc();
    assert_eq!(ipc.kind, ErrorKind::Empty);
    assert_eq!(ipc.field.as_deref(), Some("name"));
    assert_eq!(doc.workspace(), &before);
    assert_eq!(doc.revision(), revision);
    assert_eq!(doc.history().unwrap().len(), 1);
    doc.close().unwrap();
    assert_eq!(Document::open(&path).unwrap().workspace(), &before);
}

#[test]
fn a_failed_write_rolls_back_the_file_and_memory() {
    let dir = tempfile::tempdir().unwrap();
    let path = file_in(&dir, "refusing.baton");
    let mut doc = Document::create(&path, "Acme").unwrap();
    // A trigger makes SQLite refuse one particular row, as a full disk or I/O error would. It
    // is planted through the open document: opening refuses a file holding a foreign trigger.
    baton_store::testing::execute_batch(
        &doc,
        "CREATE TEMP TRIGGER refuse BEFORE INSERT ON main.persona WHEN NEW.name = 'Boom'
         BEGIN SELECT RAISE(ABORT, 'refused by test'); END;",
    )
    .unwrap();
    doc.apply(Edit::CreatePersona {
        persona: persona("Fine", 0),
    })
    .unwrap();
    let before = doc.workspace().clone();
    let (edit, _) = small_journey("Kept apart", 0);
    let batch = Edit::Batch {
        label: "Journey and a refused persona".into(),
        edits: vec![
            edit,
            Edit::CreatePersona {
                persona: persona("Boom", 1),
            },
        ],
    };
    let error = doc.apply(batch).unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Database);
    assert_eq!(doc.workspace(), &before, "memory is put back");
    assert_eq!(doc.history().unwrap().len(), 1);
    // The document still works, and the file agrees with memory.
    doc.apply(Edit::CreatePersona {
        persona: persona("After", 1),
    })
    .unwrap();
    let expected = doc.workspace().clone();
    doc.close().unwrap();
    assert_eq!(Document::open(&path).unwrap().workspace(), &expected);
}

#[test]
fn save_as_copies_everything_and_continues_at_the_new_path() {
    let dir = tempfile::tempdir().unwrap();
    let old = file_in(&dir, "old.baton");
    let new = file_in(&dir, "new.baton");
    let mut doc = Document::create(&old, "Acme").unwrap();
    fill_rich(&mut doc);
    let at_save = doc.workspace().clone();
    doc.save_as(&new).unwrap();
    assert_eq!(doc.path(), new.as_path());
    doc.apply(Edit::CreatePersona {
        persona: persona("Only in the new file", 0),
    })
    .unwrap();
    doc.undo().unwrap();
    doc.redo().unwrap();
    let latest = doc.workspace().clone();

    // The lock moved: the old file opens while the new one is held.
    let old_doc = Document::open(&old).unwrap();
    assert_eq!(old_doc.workspace(), &at_save);
    assert_eq!(
        Document::open(&new).unwrap_err().kind(),
        ErrorKind::AlreadyOpen
    );
    drop(doc);
    let new_doc = Document::open(&new).unwrap();
    assert_eq!(new_doc.workspace(), &latest);
    assert!(new_doc.integrity_problems().unwrap().is_empty());
}

#[test]
fn save_as_replaces_an_existing_file_whole() {
    let dir = tempfile::tempdir().unwrap();
    let target = file_in(&dir, "target.baton");
    std::fs::write(&target, vec![7u8; 10_000]).unwrap();
    let mut doc = Document::create(file_in(&dir, "source.baton"), "Acme").unwrap();
    doc.apply(Edit::CreatePersona {
        persona: persona("A", 0),
    })
    .unwrap();
    doc.save_as(&target).unwrap();
    let expected = doc.workspace().clone();
    drop(doc);
    assert_eq!(Document::open(&target).unwrap().workspace(), &expected);
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|name| name.contains("saving"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn snapshots_are_created_listed_read_and_deleted_through_undoable_edits() {
    let dir = tempfile::tempdir().unwrap();
    let path = file_in(&dir, "snap.baton");
    let mut doc = Document::create(&path, "Acme").unwrap();
    let (edit, journey_id) = small_journey("Lost card", 0);
    doc.apply(edit).unwrap();
    let frozen = doc.journey_model(&journey_id).unwrap();
    let (first, _) = doc.create_snapshot(&journey_id, "Baseline").unwrap();
    // Change the journey: the snapshot must not follow.
    let mut s = frozen.steps[0].clone();
    s.title = "Calls the bank, twice".into();
    doc.apply(Edit::UpdateStep { step: s }).unwrap();
    let (second, _) = doc.create_snapshot(&journey_id, "After the fix").unwrap();

    let list = doc.snapshots();
    assert_eq!(
        list.iter().map(|s| s.id.clone()).collect::<Vec<_>>(),
        vec![first.clone(), second.clone()]
    );
    assert_eq!(doc.snapshot(&first).unwrap().model, frozen);
    assert_eq!(
        doc.snapshot(&second).unwrap().model.steps[0].title,
        "Calls the bank, twice"
    );

    doc.rename_snapshot(&first, "Baseline, November").unwrap();
    doc.delete_snapshot(&second).unwrap();
    assert_eq!(
        doc.snapshot(&second).unwrap_err().kind(),
        ErrorKind::NotFound
    );
    doc.close().unwrap();

    let mut doc = Document::open(&path).unwrap();
    assert_eq!(doc.snapshots().len(), 1);
    assert_eq!(doc.snapshot(&first).unwrap().name, "Baseline, November");
    doc.undo().unwrap();
    assert_eq!(doc.snapshot(&second).unwrap().name, "After the fix");
    assert_eq!(
        doc.create_snapshot("no-such-journey", "x")
            .unwrap_err()
            .kind(),
        ErrorKind::NotFound
    );
}

#[test]
fn queries_return_things_in_their_order() {
    let dir = tempfile::tempdir().unwrap();
    let mut doc = Document::create(file_in(&dir, "q.baton"), "Acme").unwrap();
    let (first, first_id) = small_journey("First", 0);
    let (second, second_id) = small_journey("Second", 0);
    doc.apply(first).unwrap();
    // Inserted before the first one.
    doc.apply(second).unwrap();
    let order: Vec<_> = doc.journeys().iter().map(|j| j.id.clone()).collect();
    assert_eq!(order, vec![second_id.clone(), first_id]);
    let model = doc.journey_model(&second_id).unwrap();
    assert_eq!(
        model
            .stages
            .iter()
            .map(|s| s.name.as_str())
            .collect::<Vec<_>>(),
        vec!["Call", "Resolve"]
    );
    assert_eq!(
        doc.journey_model("nope").unwrap_err().kind(),
        ErrorKind::NotFound
    );
    let phases: Vec<_> = doc.plan().iter().map(|p| p.phase.position).collect();
    assert_eq!(phases, vec![0, 1, 2]);
    let metrics: Vec<_> = doc.metrics().iter().map(|m| m.position).collect();
    assert_eq!(metrics, vec![0, 1, 2]);
}

#[test]
fn outcomes_report_revision_and_touched_rows() {
    let dir = tempfile::tempdir().unwrap();
    let mut doc = Document::create(file_in(&dir, "o.baton"), "Acme").unwrap();
    let p = persona("A", 0);
    let outcome = doc
        .apply(Edit::CreatePersona { persona: p.clone() })
        .unwrap();
    assert_eq!(outcome.revision, 1);
    assert!(outcome
        .touched
        .contains(&EntityRef::new(EntityKind::Persona, p.id.clone())));
    let outcome = doc.undo().unwrap();
    assert_eq!(outcome.revision, 2);
    assert!(!outcome.can_undo && outcome.can_redo);
    let json = serde_json::to_value(&outcome).unwrap();
    assert_eq!(json["can_redo"], true);
}
