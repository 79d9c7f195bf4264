//! Random valid edit sequences: each applies, touches exactly the rows it changes, keeps positions
//! dense; undoing all of them (inverses in reverse) gives back the initial state and redoing them
//! gives back the final state.

use baton_core::testing::{changed_rows, dense_positions, valid_edit, Picker};
use baton_core::*;
use proptest::collection::vec;
use proptest::prelude::*;

/// Apply `edits.len()` random valid edits to `ws`; returns the edits and their inverses.
fn run(ws: &mut Workspace, seeds: &[Vec<u32>]) -> Result<(Vec<Edit>, Vec<Edit>), TestCaseError> {
    let mut edits = vec![];
    let mut inverses = vec![];
    for seed in seeds {
        let edit = valid_edit(ws, &mut Picker::new(seed));
        let before = ws.clone();
        let applied = ws
            .apply(&edit)
            .map_err(|e| TestCaseError::fail(format!("valid edit refused: {e:?}\n{edit:?}")))?;
        let changed = changed_rows(&before, ws);
        let missed: Vec<_> = changed.difference(&applied.touched).collect();
        prop_assert!(
            missed.is_empty(),
            "changed but not touched: {missed:?}\n{edit:?}"
        );
        dense_positions(ws).map_err(|e| TestCaseError::fail(format!("{e}\nafter {edit:?}")))?;
        edits.push(edit);
        inverses.push(applied.inverse);
    }
    Ok((edits, inverses))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn undo_all_then_redo_all_is_exact(seeds in vec(vec(any::<u32>(), 1..12), 1..60)) {
        let mut ws = Workspace::new_file("Property");
        // Grow a map first so that later edits have something to work on.
        run(&mut ws, &seeds)?;
        let initial = ws.clone();
        let (edits, inverses) = run(&mut ws, &seeds)?;
        let last = ws.clone();
        for inverse in inverses.iter().rev() {
            ws.apply(inverse).map_err(|e| TestCaseError::fail(format!("undo refused: {e:?}\n{inverse:?}")))?;
        }
        prop_assert!(ws == initial, "undoing everything did not restore the initial state");
        for edit in &edits {
            ws.apply(edit).map_err(|e| TestCaseError::fail(format!("redo refused: {e:?}\n{edit:?}")))?;
        }
        prop_assert!(ws == last, "redoing everything did not give the final state");
    }

    #[test]
    fn an_edit_refused_midway_through_a_batch_changes_nothing(seeds in vec(vec(any::<u32>(), 1..12), 1..30)) {
        let mut ws = Workspace::new_file("Property");
        run(&mut ws, &seeds)?;
        let before = ws.clone();
        // Deleting a step that never existed is refused, so the batch fails after its other edits.
        let mut batch: Vec<Edit> = seeds
            .iter()
            .take(5)
            .map(|seed| valid_edit(&ws, &mut Picker::new(seed)))
            .collect();
        batch.push(Edit::DeleteStep { id: new_id() });
        let doomed = Edit::Batch { label: "doomed".into(), edits: batch };
        let refused = ws.apply(&doomed).is_err();
        prop_assert!(refused);
        prop_assert!(ws == before);
    }
}
