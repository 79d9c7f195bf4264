//! The step table's per-cell index (what makes creating a step cost its cell, not every step)
//! always equals the index built afresh from the steps: after random valid edits, after their
//! undos (inverses), after a batch refused midway (rolled back), and when a workspace is cloned.

use std::collections::BTreeMap;

use baton_core::testing::{valid_edit, Picker};
use baton_core::*;
use proptest::collection::vec;
use proptest::prelude::*;

/// The index is fresh, and every cell it lists reads exactly as a scan of all the steps does.
fn index_agrees_with_a_scan(ws: &Workspace, after: &str) -> Result<(), TestCaseError> {
    prop_assert!(ws.steps.index_is_fresh(), "stale index after {after}");
    let mut scanned: BTreeMap<(&str, &str), Vec<&Step>> = BTreeMap::new();
    for step in ws.steps.values() {
        scanned
            .entry((step.stage_id.as_str(), step.lane_id.as_str()))
            .or_default()
            .push(step);
    }
    for ((stage, lane), mut steps) in scanned {
        steps.sort_by(|a, b| a.position.cmp(&b.position).then_with(|| a.id.cmp(&b.id)));
        let indexed = ws.steps_of_cell(stage, lane);
        prop_assert_eq!(indexed, steps, "cell {} x {} after {}", stage, lane, after);
        prop_assert_eq!(
            ws.steps.cell_len(stage, lane),
            ws.steps_of_cell(stage, lane).len()
        );
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn the_cell_index_equals_a_fresh_scan_after_edits_and_undos(
        seeds in vec(vec(any::<u32>(), 1..12), 1..80),
    ) {
        let mut ws = Workspace::new_file("Index");
        let mut inverses = vec![];
        for seed in &seeds {
            let edit = valid_edit(&ws, &mut Picker::new(seed));
            let applied = ws
                .apply(&edit)
                .map_err(|e| TestCaseError::fail(format!("valid edit refused: {e:?}")))?;
            index_agrees_with_a_scan(&ws, &format!("{edit:?}"))?;
            // A batch refused at its end is rolled back through the inverses of its edits.
            let before = ws.clone();
            let doomed = Edit::Batch {
                label: "doomed".into(),
                edits: vec![
                    valid_edit(&ws, &mut Picker::new(seed)),
                    Edit::DeleteStep { id: new_id() },
                ],
            };
            prop_assert!(ws.apply(&doomed).is_err());
            prop_assert!(ws == before);
            index_agrees_with_a_scan(&ws, "a rolled-back batch")?;
            inverses.push(applied.inverse);
        }
        for inverse in inverses.iter().rev() {
            ws.apply(inverse)
                .map_err(|e| TestCaseError::fail(format!("undo refused: {e:?}")))?;
            index_agrees_with_a_scan(&ws, &format!("undo {inverse:?}"))?;
        }
        prop_assert!(ws.steps.is_empty(), "undoing everything left steps");
    }
}

/// Replacing a step under its id (what an update does) moves it in the index when its cell or
/// position changed, and a table rebuilt from its steps has the same index.
#[test]
fn insert_replaces_and_remove_empties_the_cell() {
    let step = |id: &str, stage: &str, lane: &str, position: u32| Step {
        id: id.into(),
        journey_id: "j".into(),
        stage_id: stage.into(),
        lane_id: lane.into(),
        position,
        title: id.into(),
        notes: String::new(),
        touchpoint: None,
        verification: false,
        resolution: false,
        emotion: None,
        origin_id: None,
    };
    let mut table = StepTable::default();
    table.insert("a".into(), step("a", "s1", "l1", 0));
    table.insert("b".into(), step("b", "s1", "l1", 1));
    assert_eq!(table.cell_len("s1", "l1"), 2);
    let old = table.insert("a".into(), step("a", "s2", "l1", 0));
    assert_eq!(old.map(|s| s.stage_id), Some("s1".to_owned()));
    assert_eq!(table.cell_len("s1", "l1"), 1);
    assert_eq!(table.cell_len("s2", "l1"), 1);
    assert!(table.index_is_fresh());
    assert!(table.remove("b").is_some());
    assert_eq!(table.cell_len("s1", "l1"), 0);
    assert!(table.index_is_fresh());
    let rebuilt: StepTable = table.clone().into_iter().collect();
    assert_eq!(rebuilt, table);
    assert!(rebuilt.index_is_fresh());
    let ids: Vec<&str> = rebuilt.in_cell("s2", "l1").map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["a"]);
}
