//! Deleting a step that an initiative links, in a real file: the initiative loses the step, the
//! handoff that went with it and the suggestion key naming that handoff, on disk; one undo,
//! after reopening, puts all three back.

mod common;

use baton_core::*;
use baton_store::Document;
use common::*;

#[test]
fn a_deleted_step_leaves_the_initiatives_on_disk_and_undo_brings_it_back() {
    let dir = tempfile::tempdir().unwrap();
    let path = file_in(&dir, "plan.baton");
    let mut doc = Document::create(&path, "Acme Bank").unwrap();
    fill_rich(&mut doc);
    let before = doc.workspace().initiatives.clone();
    let initiative = before
        .values()
        .find(|i| !i.step_ids.is_empty() && !i.suggestion_keys.is_empty())
        .expect("fill_rich links an initiative")
        .clone();
    let step_id = initiative.step_ids[0].clone();
    let handoff_id = initiative.handoff_ids[0].clone();
    doc.apply(Edit::DeleteStep {
        id: step_id.clone(),
    })
    .unwrap();
    doc.close().unwrap();

    let mut doc = Document::open(&path).unwrap();
    let now = doc.workspace().initiatives[&initiative.id].clone();
    assert!(!now.step_ids.contains(&step_id));
    assert!(!now.handoff_ids.contains(&handoff_id));
    assert!(
        !now.suggestion_keys.iter().any(|k| k.contains(&handoff_id)),
        "{:?}",
        now.suggestion_keys
    );
    doc.undo().unwrap();
    doc.close().unwrap();

    let doc = Document::open(&path).unwrap();
    assert_eq!(doc.workspace().initiatives, before);
    doc.close().unwrap();
}
