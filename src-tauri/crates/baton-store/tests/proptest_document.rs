//! Random edit sequences through a real file: undo all and redo all restore the exact states,
//! and the history survives closing and reopening, whichever end of it the cursor is at.

use baton_core::testing::{valid_edit, Picker};
use baton_core::Workspace;
use baton_store::Document;
use proptest::collection::vec;
use proptest::prelude::*;

/// Undoes until nothing is left; returns how many steps that took.
fn undo_all(doc: &mut Document) -> usize {
    let mut steps = 0;
    while doc.can_undo() {
        doc.undo().unwrap();
        steps += 1;
    }
    steps
}

/// Redoes until nothing is left; returns how many steps that took.
fn redo_all(doc: &mut Document) -> usize {
    let mut steps = 0;
    while doc.can_redo() {
        doc.redo().unwrap();
        steps += 1;
    }
    steps
}

/// Applies `count` random valid edits through the document; returns (initial, final) states.
fn apply_random_edits(doc: &mut Document, seeds: &[u32], count: usize) -> (Workspace, Workspace) {
    let initial = doc.workspace().clone();
    let mut picker = Picker::new(seeds);
    for _ in 0..count {
        let edit = valid_edit(doc.workspace(), &mut picker);
        if let Err(error) = doc.apply(edit.clone()) {
            panic!("a valid edit was refused: {error}\n{edit:?}");
        }
    }
    (initial, doc.workspace().clone())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn undo_redo_and_reopen_restore_exact_states(
        seeds in vec(any::<u32>(), 1..200),
        count in 1usize..=40,
    ) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.baton");
        let mut doc = Document::create(&path, "x").unwrap();
        let (initial, last) = apply_random_edits(&mut doc, &seeds, count);

        prop_assert_eq!(undo_all(&mut doc), count, "one undo step per applied edit");
        prop_assert_eq!(doc.workspace(), &initial, "undo all in memory");
        prop_assert_eq!(redo_all(&mut doc), count, "one redo step per undone edit");
        prop_assert_eq!(doc.workspace(), &last, "redo all in memory");
        doc.close().unwrap();

        // Cursor at the end of the history: the file holds the final state.
        let mut doc = Document::open(&path).unwrap();
        prop_assert_eq!(doc.workspace(), &last, "reopened after redo all");
        prop_assert_eq!(undo_all(&mut doc), count, "the whole history came back");
        prop_assert_eq!(doc.workspace(), &initial, "undo all after reopening");
        doc.close().unwrap();

        // Cursor at the start: the file holds the initial state and still the whole redo tail.
        let mut doc = Document::open(&path).unwrap();
        prop_assert_eq!(doc.workspace(), &initial, "reopened after undo all");
        prop_assert_eq!(redo_all(&mut doc), count, "the whole redo tail came back");
        prop_assert_eq!(doc.workspace(), &last, "redo all after reopening");
        doc.close().unwrap();
    }
}
