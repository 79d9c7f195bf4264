//! Edits on a selection of cards, each one edit: copy and paste (within and across journeys),
//! duplicate, delete, and moving a card to its neighbouring position or cell.
mod support;

use baton_core::apply::{CardMove, Clipboard, PasteTarget, MAX_SELECTED_CARDS};
use baton_core::*;
use support::*;

/// Applies `edit` (it must be one batch), checks that its inverse restores the workspace
/// exactly, and leaves the edit applied.
fn one_undo_step(f: &mut Fixture, edit: &Edit) -> Applied {
    assert!(matches!(edit, Edit::Batch { .. }), "not one edit: {edit:?}");
    let before = f.ws.clone();
    let applied = apply(&mut f.ws, edit.clone());
    let mut undone = f.ws.clone();
    apply(&mut undone, applied.inverse.clone());
    assert_eq!(undone, before, "undo did not restore the workspace");
    applied
}

fn label(edit: &Edit) -> &str {
    match edit {
        Edit::Batch { label, .. } => label,
        _ => "",
    }
}

/// The titles of one cell, in order.
fn cell(f: &Fixture, stage: usize, lane: usize) -> Vec<String> {
    f.ws.steps_of_cell(&f.stages[stage], &f.lanes[lane])
        .iter()
        .map(|s| s.title.clone())
        .collect()
}

fn ids(f: &Fixture, which: &[usize]) -> Vec<Id> {
    which.iter().map(|&i| f.steps[i].clone()).collect()
}

fn target(journey: &str, stage: &str, lane: &str, position: Option<u32>) -> PasteTarget {
    PasteTarget {
        journey_id: journey.into(),
        stage_id: stage.into(),
        lane_id: lane.into(),
        position,
    }
}

#[test]
fn a_copy_keeps_the_cards_places_relative_to_the_block_and_the_handoffs_among_them() {
    let f = fixture();
    // verify (stage 0, agent) and block (stage 1, cards team), linked by the blind handoff;
    // the greeting handoff comes from a card not copied, so it stays behind.
    let clip = f.ws.copy_cards(&ids(&f, &[3, 1])).unwrap();
    let places: Vec<(u32, u32, &str)> = clip
        .cards
        .iter()
        .map(|c| (c.stage_offset, c.lane_offset, c.step.title.as_str()))
        .collect();
    assert_eq!(
        places,
        [
            (0, 0, "Agent verifies identity"),
            (1, 1, "Cards team blocks the card")
        ]
    );
    assert_eq!(clip.handoffs.len(), 1);
    let h = &clip.handoffs[0];
    assert_eq!((h.from, h.to), (0, 1));
    assert_eq!(h.handoff.mode, HandoffMode::Blind);
    assert_eq!(h.handoff.checklist.len(), 2);
}

#[test]
fn a_paste_in_the_same_journey_makes_new_cards_and_handoffs_in_one_edit() {
    let mut f = fixture();
    let clip = f.ws.copy_cards(&ids(&f, &[1, 3])).unwrap();
    let at = target(&f.journey, &f.stages[1], &f.lanes[1], None);
    let edit = f.ws.paste_cards(&clip, &at).unwrap();
    assert_eq!(label(&edit), "Paste 2 cards");
    let (steps, handoffs) = (f.ws.steps.len(), f.ws.handoffs.len());
    one_undo_step(&mut f, &edit);

    assert_eq!(f.ws.steps.len(), steps + 2);
    assert_eq!(f.ws.handoffs.len(), handoffs + 1);
    assert_eq!(cell(&f, 1, 1), ["Agent verifies identity"]);
    assert_eq!(cell(&f, 2, 2), ["Cards team blocks the card"]);
    let pasted_from = &f.ws.steps_of_cell(&f.stages[1], &f.lanes[1])[0].id;
    let pasted_to = &f.ws.steps_of_cell(&f.stages[2], &f.lanes[2])[0].id;
    let copy =
        f.ws.handoffs
            .values()
            .find(|h| &h.from_step_id == pasted_from)
            .expect("the handoff among the copied cards is pasted too");
    assert_eq!(&copy.to_step_id, pasted_to);
    assert!(copy.reverify && copy.customer_repeats);
    let original = &f.ws.handoffs[&f.handoffs[0]];
    assert_ne!(copy.id, original.id);
    assert!(copy
        .checklist
        .iter()
        .zip(&original.checklist)
        .all(|(a, b)| a.id != b.id && a.text == b.text));
}

#[test]
fn a_paste_into_another_journey_fits_the_cards_to_the_lanes_they_land_on() {
    let mut f = fixture();
    let other = f.ws.journeys_in_order()[1].id.clone();
    let stages = [stage(&other, "Apply", 0), stage(&other, "Sign", 1)];
    let lanes = [
        lane(&other, "Worries", LaneKind::Pains, 0),
        lane(&other, "Branch", LaneKind::Actor, 1),
    ];
    for s in &stages {
        apply(&mut f.ws, Edit::CreateStage { stage: s.clone() });
    }
    for l in &lanes {
        apply(&mut f.ws, Edit::CreateLane { lane: l.clone() });
    }
    // call (customer, touchpoint) and verify (agent, touchpoint + verification), one handoff.
    let clip = f.ws.copy_cards(&ids(&f, &[0, 1])).unwrap();
    let edit =
        f.ws.paste_cards(&clip, &target(&other, &stages[0].id, &lanes[0].id, None))
            .unwrap();
    one_undo_step(&mut f, &edit);

    let on_pains = f.ws.steps_of_cell(&stages[0].id, &lanes[0].id);
    assert_eq!(on_pains.len(), 1);
    assert_eq!(on_pains[0].title, "Calls the bank");
    assert_eq!(
        on_pains[0].touchpoint, None,
        "a pains lane has no touchpoints"
    );
    assert_eq!(on_pains[0].journey_id, other);
    let on_actor = f.ws.steps_of_cell(&stages[0].id, &lanes[1].id);
    assert_eq!(on_actor[0].touchpoint, Some(Channel::Phone));
    assert!(on_actor[0].verification);
    let handoff =
        f.ws.handoffs
            .values()
            .find(|h| h.journey_id == other)
            .expect("pasted handoff");
    assert_eq!(
        (&handoff.from_step_id, &handoff.to_step_id),
        (&on_pains[0].id, &on_actor[0].id)
    );
}

#[test]
fn a_paste_goes_at_the_chosen_position_of_its_cell() {
    let mut f = fixture();
    let clip = f.ws.copy_cards(&ids(&f, &[2])).unwrap();
    let at = target(&f.journey, &f.stages[0], &f.lanes[1], Some(0));
    let edit = f.ws.paste_cards(&clip, &at).unwrap();
    one_undo_step(&mut f, &edit);
    assert_eq!(
        cell(&f, 0, 1),
        [
            "Agent takes the report",
            "Agent verifies identity",
            "Agent takes the report"
        ]
    );
    // A position past the end is the end.
    let at = target(&f.journey, &f.stages[0], &f.lanes[1], Some(99));
    let edit = f.ws.paste_cards(&clip, &at).unwrap();
    apply(&mut f.ws, edit);
    assert_eq!(cell(&f, 0, 1).len(), 4);
}

#[test]
fn a_paste_that_would_run_off_the_grid_is_refused_with_the_reason() {
    let f = fixture();
    let clip = f.ws.copy_cards(&ids(&f, &[1, 3])).unwrap();
    // The block spans two stages; from the last stage it would need a fourth.
    let at = target(&f.journey, &f.stages[2], &f.lanes[0], None);
    let e = f.ws.paste_cards(&clip, &at).unwrap_err();
    assert_eq!(
        (e.kind, e.field.as_deref()),
        (EditErrorKind::OutOfRange, Some("stage_id"))
    );
    assert!(e.message.contains("2 stages and 2 lanes"), "{}", e.message);
    let at = target(&f.journey, &f.stages[0], &f.lanes[3], None);
    let e = f.ws.paste_cards(&clip, &at).unwrap_err();
    assert_eq!(e.field.as_deref(), Some("lane_id"));
    let elsewhere = target(&f.journey, &new_id(), &f.lanes[0], None);
    assert_eq!(
        f.ws.paste_cards(&clip, &elsewhere).unwrap_err().kind,
        EditErrorKind::NotFound
    );
}

#[test]
fn a_clipboard_naming_a_card_it_does_not_hold_is_refused() {
    let f = fixture();
    let mut clip = f.ws.copy_cards(&ids(&f, &[1, 3])).unwrap();
    clip.handoffs[0].to = 7;
    let at = target(&f.journey, &f.stages[0], &f.lanes[1], None);
    let e = f.ws.paste_cards(&clip, &at).unwrap_err();
    assert_eq!(
        (e.kind, e.entity, e.field.as_deref()),
        (EditErrorKind::OutOfRange, EntityKind::Handoff, Some("to"))
    );
    let empty = Clipboard {
        cards: vec![],
        handoffs: vec![],
    };
    assert_eq!(
        f.ws.paste_cards(&empty, &at).unwrap_err().kind,
        EditErrorKind::Empty
    );
}

#[test]
fn duplicates_go_right_after_their_originals_with_the_handoffs_among_them() {
    let mut f = fixture();
    // call, verify and answer; the greeting (call -> verify) is among them.
    let edit = f.ws.duplicate_cards(&ids(&f, &[2, 0, 1])).unwrap();
    assert_eq!(label(&edit), "Duplicate 3 cards");
    let handoffs = f.ws.handoffs.len();
    one_undo_step(&mut f, &edit);
    assert_eq!(cell(&f, 0, 0), ["Calls the bank", "Calls the bank"]);
    assert_eq!(
        cell(&f, 0, 1),
        [
            "Agent verifies identity",
            "Agent verifies identity",
            "Agent takes the report",
            "Agent takes the report"
        ]
    );
    assert_eq!(f.ws.handoffs.len(), handoffs + 1);
    let call_copy = &f.ws.steps_of_cell(&f.stages[0], &f.lanes[0])[1].id;
    let verify_copy = &f.ws.steps_of_cell(&f.stages[0], &f.lanes[1])[1].id;
    assert!(f
        .ws
        .handoffs
        .values()
        .any(|h| &h.from_step_id == call_copy && &h.to_step_id == verify_copy));
}

#[test]
fn deleting_a_selection_is_one_edit_that_undo_restores_with_its_handoffs() {
    let mut f = fixture();
    let edit = f.ws.delete_cards(&ids(&f, &[1, 3, 1])).unwrap();
    assert_eq!(label(&edit), "Delete 2 cards");
    one_undo_step(&mut f, &edit);
    assert!(!f.ws.steps.contains_key(&f.steps[1]));
    assert!(!f.ws.steps.contains_key(&f.steps[3]));
    assert!(
        f.ws.handoffs.is_empty(),
        "both handoffs touched a deleted card"
    );
    assert_eq!(cell(&f, 0, 1), ["Agent takes the report"]);
}

#[test]
fn a_bad_selection_is_a_typed_error() {
    let mut f = fixture();
    let empty = f.ws.copy_cards(&[]).unwrap_err();
    assert_eq!(
        (empty.kind, empty.field.as_deref()),
        (EditErrorKind::Empty, Some("selection"))
    );
    let unknown = f.ws.delete_cards(&[new_id()]).unwrap_err();
    assert_eq!(unknown.kind, EditErrorKind::NotFound);
    let many = vec![f.steps[0].clone(); MAX_SELECTED_CARDS + 1];
    assert_eq!(
        f.ws.duplicate_cards(&many).unwrap_err().kind,
        EditErrorKind::TooLong
    );
    // A card of another journey in the same selection.
    let other = f.ws.journeys_in_order()[1].id.clone();
    let s = stage(&other, "Apply", 0);
    let l = lane(&other, "Customer", LaneKind::Customer, 0);
    let card = step(&other, &s.id, &l.id, "Fills the form", 0);
    apply(&mut f.ws, Edit::CreateStage { stage: s });
    apply(&mut f.ws, Edit::CreateLane { lane: l });
    apply(&mut f.ws, Edit::CreateStep { step: card.clone() });
    let mixed = f.ws.copy_cards(&[f.steps[0].clone(), card.id]).unwrap_err();
    assert_eq!(mixed.kind, EditErrorKind::CrossJourney);
}

fn moved(f: &Fixture, step: usize, direction: CardMove) -> Option<(usize, usize, u32)> {
    match f.ws.move_card(&f.steps[step], direction).unwrap()? {
        Edit::MoveStep {
            stage_id,
            lane_id,
            position,
            ..
        } => Some((
            f.stages.iter().position(|s| *s == stage_id).unwrap(),
            f.lanes.iter().position(|l| *l == lane_id).unwrap(),
            position,
        )),
        other => panic!("not a move: {other:?}"),
    }
}

#[test]
fn a_card_moves_to_its_neighbouring_position_then_cell() {
    let f = fixture();
    // answer: stage 0, agent lane, second in its cell.
    assert_eq!(moved(&f, 2, CardMove::Up), Some((0, 1, 0)));
    assert_eq!(
        moved(&f, 2, CardMove::Down),
        Some((0, 2, 0)),
        "last: first of the cell below"
    );
    assert_eq!(
        moved(&f, 1, CardMove::Up),
        Some((0, 0, 1)),
        "first: end of the cell above"
    );
    assert_eq!(
        moved(&f, 2, CardMove::Right),
        Some((1, 1, 0)),
        "position kept within the cell's length"
    );
    assert_eq!(moved(&f, 4, CardMove::Left), Some((0, 2, 0)));
    // The grid's edges: nothing to do.
    assert_eq!(moved(&f, 0, CardMove::Up), None);
    assert_eq!(moved(&f, 0, CardMove::Left), None);
    assert_eq!(moved(&f, 5, CardMove::Down), None);
    assert!(f.ws.move_card(&new_id(), CardMove::Up).is_err());
}

#[test]
fn a_card_moves_into_empty_cells_and_stops_at_the_last_stage() {
    let mut f = fixture();
    // verify again (stage 1, cards team, second): right into the empty last stage, first there.
    assert_eq!(moved(&f, 4, CardMove::Right), Some((2, 2, 0)));
    let edit =
        f.ws.move_card(&f.steps[3], CardMove::Right)
            .unwrap()
            .unwrap();
    f.ws.apply(&edit).unwrap();
    assert_eq!(cell(&f, 2, 2), ["Cards team blocks the card"]);
    // Now at the last stage: right is the grid's edge, left goes back.
    assert_eq!(moved(&f, 3, CardMove::Right), None);
    assert_eq!(moved(&f, 3, CardMove::Left), Some((1, 2, 0)));
    // Alone in its cell: up is the end of the (empty) cell above, down the first of the one below.
    assert_eq!(moved(&f, 3, CardMove::Up), Some((2, 1, 0)));
    assert_eq!(moved(&f, 3, CardMove::Down), Some((2, 3, 0)));
}

#[test]
fn a_move_the_rules_forbid_is_refused_when_applied() {
    let mut f = fixture();
    // verify hands off from the customer's call: it cannot join the customer lane.
    let edit = f.ws.move_card(&f.steps[1], CardMove::Up).unwrap().unwrap();
    let e = f.ws.apply(&edit).unwrap_err();
    assert_eq!(
        (e.kind, e.field.as_deref()),
        (EditErrorKind::NotAllowed, Some("lane_id"))
    );
    // answer has no handoff: one move, one undo step.
    let edit =
        f.ws.move_card(&f.steps[2], CardMove::Right)
            .unwrap()
            .unwrap();
    let before = f.ws.clone();
    let applied = apply(&mut f.ws, edit);
    assert_eq!(cell(&f, 1, 1), ["Agent takes the report"]);
    apply(&mut f.ws, applied.inverse);
    assert_eq!(f.ws, before);
}
