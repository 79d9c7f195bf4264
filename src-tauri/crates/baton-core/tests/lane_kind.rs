//! `Edit::SetLaneKind`: one edit that changes a lane's kind and clears what the new kind does not
//! allow, on the lane and on its cards; its inverse restores every cleared value.
mod support;

use baton_core::*;
use support::*;

/// Applies `edit`, then its inverse, and checks the workspace is back to what it was.
fn undo_restores(f: &mut Fixture, edit: &Edit) -> Applied {
    let before = f.ws.clone();
    let applied = apply(&mut f.ws, edit.clone());
    let mut undone = f.ws.clone();
    apply(&mut undone, applied.inverse.clone());
    assert_eq!(undone, before, "undo did not restore the workspace");
    applied
}

fn set_kind(lane: &str, kind: LaneKind) -> Edit {
    Edit::SetLaneKind {
        id: lane.to_owned(),
        kind,
    }
}

#[test]
fn an_actor_lane_made_customer_loses_its_actor_attributes_and_undo_restores_them() {
    let mut f = fixture();
    let agent = f.lanes[1].clone();
    assert_eq!(f.ws.lanes[&agent].sourcing, Some(Sourcing::InHouse));
    let applied = undo_restores(&mut f, &set_kind(&agent, LaneKind::Customer));

    let lane = &f.ws.lanes[&agent];
    assert_eq!(lane.kind, LaneKind::Customer);
    assert_eq!(
        (&lane.department, lane.sourcing, lane.work, lane.visibility),
        (&None, None, None, None)
    );
    assert_eq!(lane.name, "Agent");
    // A customer lane allows touchpoints and verifications: the cards keep theirs.
    let verify = &f.ws.steps[&f.steps[1]];
    assert!(verify.verification);
    assert_eq!(verify.touchpoint, Some(Channel::Phone));
    assert_eq!(
        applied.touched,
        [EntityRef::new(EntityKind::Lane, &agent)].into(),
        "only the lane changed"
    );
}

#[test]
fn a_lane_made_thoughts_clears_its_cards_markers_in_the_same_edit() {
    let mut f = fixture();
    let cards_team = f.lanes[2].clone();
    let (block, verify_again) = (f.steps[3].clone(), f.steps[4].clone());
    let handoffs_before = f.ws.handoffs.clone();
    let applied = undo_restores(&mut f, &set_kind(&cards_team, LaneKind::Thoughts));

    assert_eq!(f.ws.lanes[&cards_team].kind, LaneKind::Thoughts);
    assert_eq!(f.ws.lanes[&cards_team].sourcing, None);
    assert_eq!(f.ws.steps[&block].touchpoint, None);
    assert!(!f.ws.steps[&verify_again].verification);
    assert_eq!(f.ws.steps[&block].title, "Cards team blocks the card");
    assert_eq!(
        f.ws.handoffs, handoffs_before,
        "handoffs are not the lane's"
    );
    let expected = [
        EntityRef::new(EntityKind::Lane, &cards_team),
        EntityRef::new(EntityKind::Step, &block),
        EntityRef::new(EntityKind::Step, &verify_again),
    ];
    assert_eq!(applied.touched, expected.into());
    // The inverse is one batch: undoing the change is one step.
    assert!(matches!(applied.inverse, Edit::Batch { .. }));
}

#[test]
fn an_emotion_lane_made_actor_drops_the_emotions_and_redo_does_it_again() {
    let mut f = fixture();
    let feeling = f.lanes[3].clone();
    let edit = set_kind(&feeling, LaneKind::Actor);
    let applied = undo_restores(&mut f, &edit);
    let after = f.ws.clone();
    assert_eq!(f.ws.steps[&f.steps[5]].emotion, None);

    apply(&mut f.ws, applied.inverse);
    assert_eq!(f.ws.steps[&f.steps[5]].emotion, Some(-2));
    apply(&mut f.ws, edit);
    assert_eq!(f.ws, after, "redo gives the same state");
}

#[test]
fn the_same_kind_or_an_unknown_lane_is_refused_and_changes_nothing() {
    let mut f = fixture();
    let before = f.ws.clone();
    let same =
        f.ws.apply(&set_kind(&f.lanes[0], LaneKind::Customer))
            .unwrap_err();
    assert_eq!(
        (same.kind, same.field.as_deref()),
        (EditErrorKind::NotAllowed, Some("kind"))
    );
    assert_eq!(same.message, "The lane is already a customer lane");
    let unknown =
        f.ws.apply(&set_kind(&new_id(), LaneKind::Actor))
            .unwrap_err();
    assert_eq!(unknown.kind, EditErrorKind::NotFound);
    assert_eq!(f.ws, before);
}

#[test]
fn in_a_batch_that_fails_later_the_kind_change_is_rolled_back() {
    let mut f = fixture();
    let before = f.ws.clone();
    let batch = Edit::Batch {
        label: "Kind, then a bad rename".into(),
        edits: vec![
            set_kind(&f.lanes[2], LaneKind::Notes),
            Edit::DeleteStage { id: new_id() },
        ],
    };
    f.ws.apply(&batch).unwrap_err();
    assert_eq!(f.ws, before);
}

#[test]
fn the_edit_is_stored_as_set_lane_kind() {
    let edit = set_kind("l-1", LaneKind::Pains);
    let json = serde_json::to_string(&edit).unwrap();
    assert_eq!(json, r#"{"op":"set_lane_kind","id":"l-1","kind":"pains"}"#);
    assert_eq!(serde_json::from_str::<Edit>(&json).unwrap(), edit);
}
