//! Saved survey mappings: save, rename (or replace), delete, each one edit whose inverse puts
//! the list back exactly; names unique case-insensitively; the mapping text a JSON object
//! within its size limit.

use baton_core::apply::MAX_MAPPING_BYTES;
use baton_core::*;

fn saved(name: &str, position: u32) -> SavedMapping {
    SavedMapping {
        id: new_id(),
        name: name.to_owned(),
        mapping: r#"{"version":1,"header":["Q1"]}"#.to_owned(),
        position,
    }
}

fn names(ws: &Workspace) -> Vec<&str> {
    ws.saved_mappings_in_order()
        .iter()
        .map(|m| m.name.as_str())
        .collect()
}

#[test]
fn save_rename_and_delete_are_one_edit_each_and_undo_puts_the_list_back() {
    let mut ws = Workspace::new_file("Bank");
    let ivr = saved("  Post-call IVR survey ", 0);
    let web = saved("Web survey", 0);
    ws.apply(&Edit::CreateSavedMapping { saved: ivr.clone() })
        .unwrap();
    // Saved at the front: the list shifts.
    let applied = ws
        .apply(&Edit::CreateSavedMapping { saved: web.clone() })
        .unwrap();
    assert_eq!(
        names(&ws),
        ["Web survey", "Post-call IVR survey"],
        "names are trimmed"
    );
    assert_eq!(
        applied.inverse,
        Edit::DeleteSavedMapping { id: web.id.clone() }
    );
    assert!(applied
        .touched
        .contains(&EntityRef::new(EntityKind::SavedMapping, ivr.id.as_str())));

    let before_rename = ws.clone();
    let renamed = SavedMapping {
        name: "Post-call IVR (v2)".into(),
        mapping: r#"{"version":1,"header":["Q2"]}"#.into(),
        ..ws.saved_mappings[&ivr.id].clone()
    };
    let applied = ws
        .apply(&Edit::UpdateSavedMapping { saved: renamed })
        .unwrap();
    assert_eq!(names(&ws), ["Web survey", "Post-call IVR (v2)"]);
    ws.apply(&applied.inverse).unwrap();
    assert_eq!(ws, before_rename);

    let before_delete = ws.clone();
    let applied = ws
        .apply(&Edit::DeleteSavedMapping { id: web.id.clone() })
        .unwrap();
    assert_eq!(names(&ws), ["Post-call IVR survey"]);
    assert_eq!(ws.saved_mappings[&ivr.id].position, 0, "the gap is closed");
    ws.apply(&applied.inverse).unwrap();
    assert_eq!(ws, before_delete, "undo restores the mapping in its place");
}

#[test]
fn names_are_unique_and_the_text_must_be_a_json_object_within_the_limit() {
    let mut ws = Workspace::new_file("Bank");
    let first = saved("IVR", 0);
    ws.apply(&Edit::CreateSavedMapping {
        saved: first.clone(),
    })
    .unwrap();
    let before = ws.clone();
    let refused = |ws: &mut Workspace, edit: Edit| {
        let error = ws.apply(&edit).expect_err("refused");
        (error.kind, error.field)
    };
    assert_eq!(
        refused(
            &mut ws,
            Edit::CreateSavedMapping {
                saved: saved("ivr", 1)
            }
        ),
        (EditErrorKind::Duplicate, Some("name".into()))
    );
    assert_eq!(
        refused(
            &mut ws,
            Edit::CreateSavedMapping {
                saved: saved("   ", 1)
            }
        ),
        (EditErrorKind::Empty, Some("name".into()))
    );
    for text in ["[1, 2]", "not json", ""] {
        let bad = SavedMapping {
            mapping: text.into(),
            ..saved("Other", 1)
        };
        assert_eq!(
            refused(&mut ws, Edit::CreateSavedMapping { saved: bad }),
            (EditErrorKind::NotAllowed, Some("mapping".into())),
            "{text:?}"
        );
    }
    let long = SavedMapping {
        mapping: format!(r#"{{"x":"{}"}}"#, "a".repeat(MAX_MAPPING_BYTES)),
        ..saved("Long", 1)
    };
    assert_eq!(
        refused(&mut ws, Edit::CreateSavedMapping { saved: long }),
        (EditErrorKind::TooLong, Some("mapping".into()))
    );
    assert_eq!(
        refused(
            &mut ws,
            Edit::CreateSavedMapping {
                saved: saved("Far", 5)
            }
        ),
        (EditErrorKind::OutOfRange, Some("position".into()))
    );
    // Renaming to its own name in another case is no duplicate; moving by update is refused.
    let same = SavedMapping {
        name: "ivr".into(),
        ..first.clone()
    };
    ws.apply(&Edit::UpdateSavedMapping { saved: same }).unwrap();
    let moved = SavedMapping {
        position: 1,
        ..ws.saved_mappings[&first.id].clone()
    };
    assert_eq!(
        refused(&mut ws, Edit::UpdateSavedMapping { saved: moved }),
        (EditErrorKind::PlacementChanged, Some("position".into()))
    );
    ws.apply(&Edit::UpdateSavedMapping {
        saved: first.clone(),
    })
    .unwrap();
    assert_eq!(
        ws, before,
        "every refused edit left the workspace as it was"
    );
}
