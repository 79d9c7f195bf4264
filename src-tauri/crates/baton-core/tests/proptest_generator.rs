//! The random valid-edit generator reaches every kind of edit, so the property tests exercise
//! all of `apply`, not a corner of it.

use std::collections::BTreeSet;

use baton_core::testing::{valid_edit, Picker};
use baton_core::*;

/// The `op` names of an edit and of everything nested in it.
fn ops(edit: &Edit, out: &mut BTreeSet<String>) {
    let json = serde_json::to_value(edit).unwrap();
    out.insert(json["op"].as_str().unwrap().to_owned());
    if let Edit::Batch { edits, .. } = edit {
        edits.iter().for_each(|e| ops(e, out));
    }
}

#[test]
fn the_generator_reaches_every_edit_variant() {
    let mut seen = BTreeSet::new();
    let mut applied = 0;
    for run in 0u32..20 {
        let mut ws = Workspace::new_file("Coverage");
        for step in 0u32..150 {
            let seeds = [
                run.wrapping_mul(7919) ^ step,
                step.wrapping_mul(104_729),
                run + step,
            ];
            let edit = valid_edit(&ws, &mut Picker::new(&seeds));
            let inverse = ws.apply(&edit).unwrap().inverse;
            ops(&edit, &mut seen);
            ops(&inverse, &mut seen);
            applied += 1;
        }
    }
    assert_eq!(applied, 3000);
    // Every variant of the enum, by its serialised name.
    let all = [
        "set_workspace_info",
        "create_persona",
        "update_persona",
        "delete_persona",
        "move_persona",
        "create_journey",
        "update_journey",
        "delete_journey",
        "move_journey",
        "create_stage",
        "update_stage",
        "delete_stage",
        "move_stage",
        "create_lane",
        "update_lane",
        "delete_lane",
        "move_lane",
        "set_lane_kind",
        "create_step",
        "update_step",
        "delete_step",
        "move_step",
        "connect_handoff",
        "update_handoff",
        "disconnect_handoff",
        "add_checklist_item",
        "update_checklist_item",
        "remove_checklist_item",
        "move_checklist_item",
        "create_metric",
        "update_metric",
        "delete_metric",
        "move_metric",
        "create_target",
        "update_target",
        "delete_target",
        "add_responses",
        "remove_responses",
        "create_score",
        "update_score",
        "delete_score",
        "create_phase",
        "update_phase",
        "delete_phase",
        "move_phase",
        "create_initiative",
        "update_initiative",
        "delete_initiative",
        "move_initiative",
        "create_snapshot",
        "rename_snapshot",
        "delete_snapshot",
        "batch",
    ];
    let missing: Vec<&str> = all
        .iter()
        .copied()
        .filter(|op| !seen.contains(*op))
        .collect();
    assert!(missing.is_empty(), "never generated: {missing:?}");
}
