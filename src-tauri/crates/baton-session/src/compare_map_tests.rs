//! The difference map on hand-made pairs: the bank template's journey as A, and B made from it
//! by removing, adding and moving items.

use std::collections::HashSet;

use baton_core::analysis::AnalysisOptions;
use baton_core::compare::compare;
use baton_core::Step;

use super::*;
use crate::documents::testing::bank_document;

/// The bank journey's model (A), as the session reads it.
fn bank_model() -> JourneyModel {
    let (_dir, doc, journey) = bank_document();
    doc.workspace().journey_map(&journey).unwrap()
}

fn diff(a: &JourneyModel, b: &JourneyModel) -> DiffMap {
    let comparison = compare(a, b, &Default::default(), &AnalysisOptions::default());
    diff_map(a, b, &comparison)
}

/// `model` without step `id` and the handoffs that touch it.
fn without_step(model: &JourneyModel, id: &str) -> JourneyModel {
    let mut out = model.clone();
    out.steps.retain(|s| s.id != id);
    out.handoffs
        .retain(|h| h.from_step_id != id && h.to_step_id != id);
    out
}

fn mark_of<'m>(map: &'m DiffMap, id: &str) -> &'m DiffMark {
    map.marks.iter().find(|m| m.id == id).unwrap()
}

/// A step of `model` that is in a cell with another stage and lane to move it to.
fn a_card(model: &JourneyModel) -> &Step {
    &model.steps[model.steps.len() / 2]
}

fn ids_are_unique(map: &DiffMap) {
    let m = &map.model;
    let all: Vec<&str> = m
        .stages
        .iter()
        .map(|s| s.id.as_str())
        .chain(m.lanes.iter().map(|l| l.id.as_str()))
        .chain(m.steps.iter().map(|s| s.id.as_str()))
        .chain(m.handoffs.iter().map(|h| h.id.as_str()))
        .collect();
    let unique: HashSet<&str> = all.iter().copied().collect();
    assert_eq!(unique.len(), all.len(), "an id is used twice on the map");
}

#[test]
fn a_removed_card_is_a_ghost_in_its_old_cell_with_its_handoffs() {
    let a = bank_model();
    let gone = a_card(&a).clone();
    let touching = a
        .handoffs
        .iter()
        .filter(|h| h.from_step_id == gone.id || h.to_step_id == gone.id)
        .count();
    assert!(touching > 0, "the test needs a card with handoffs");
    let b = without_step(&a, &gone.id);
    let map = diff(&a, &b);

    let ghost = map
        .model
        .steps
        .iter()
        .find(|s| s.title == gone.title && s.id != gone.id)
        .expect("the removed card is on the map");
    assert_eq!(
        (&ghost.stage_id, &ghost.lane_id),
        (&gone.stage_id, &gone.lane_id)
    );
    assert_eq!(mark_of(&map, &ghost.id).status, DiffStatus::Removed);
    assert_eq!(mark_of(&map, &ghost.id).kind, ItemKind::Step);
    assert!(map.layout.cards.iter().any(|c| c.step_id == ghost.id));
    // Its handoffs are ghosts too, joined to the ghost card.
    let ghost_handoffs: Vec<_> = map
        .model
        .handoffs
        .iter()
        .filter(|h| h.from_step_id == ghost.id || h.to_step_id == ghost.id)
        .collect();
    assert_eq!(ghost_handoffs.len(), touching);
    for h in ghost_handoffs {
        assert_eq!(mark_of(&map, &h.id).status, DiffStatus::Removed);
    }
    assert_eq!(map.model.steps.len(), a.steps.len());
    ids_are_unique(&map);
}

#[test]
fn a_removed_lane_is_a_ghost_row_where_it_was_with_its_cards() {
    let a = bank_model();
    let at = 1;
    let lane = a.lanes[at].clone();
    let mut b = a.clone();
    b.lanes.remove(at);
    let steps: Vec<Id> = a
        .steps
        .iter()
        .filter(|s| s.lane_id == lane.id)
        .map(|s| s.id.clone())
        .collect();
    for id in &steps {
        b = without_step(&b, id);
    }
    let map = diff(&a, &b);

    let row = &map.model.lanes[at];
    assert_eq!(row.name, lane.name);
    assert_ne!(row.id, lane.id);
    assert_eq!(mark_of(&map, &row.id).status, DiffStatus::Removed);
    assert_eq!(map.layout.lanes[at].lane_id, row.id);
    let in_ghost_row = map
        .model
        .steps
        .iter()
        .filter(|s| s.lane_id == row.id)
        .count();
    assert_eq!(in_ghost_row, steps.len());
    // The lanes B kept keep their order around it.
    let kept: Vec<&str> = map
        .model
        .lanes
        .iter()
        .filter(|l| l.id != row.id)
        .map(|l| l.id.as_str())
        .collect();
    let b_lanes: Vec<&str> = b.lanes.iter().map(|l| l.id.as_str()).collect();
    assert_eq!(kept, b_lanes);
    ids_are_unique(&map);
}

#[test]
fn a_removed_stage_is_a_ghost_column_after_its_kept_predecessor() {
    let a = bank_model();
    let last = a.stages.len() - 1;
    let stage = a.stages[last].clone();
    let mut b = a.clone();
    b.stages.remove(last);
    for id in a
        .steps
        .iter()
        .filter(|s| s.stage_id == stage.id)
        .map(|s| s.id.clone())
    {
        b = without_step(&b, &id);
    }
    let map = diff(&a, &b);
    let column = map.model.stages.last().unwrap();
    assert_eq!(column.name, stage.name);
    assert_eq!(mark_of(&map, &column.id).status, DiffStatus::Removed);
    assert_eq!(map.layout.stages.last().unwrap().stage_id, column.id);
}

#[test]
fn a_moved_card_has_a_trail_from_the_middle_of_its_old_cell() {
    let a = bank_model();
    let card = a_card(&a).clone();
    let other_lane = a
        .lanes
        .iter()
        .find(|l| l.id != card.lane_id)
        .unwrap()
        .id
        .clone();
    let mut b = a.clone();
    if let Some(s) = b.steps.iter_mut().find(|s| s.id == card.id) {
        s.lane_id = other_lane;
    }
    let map = diff(&a, &b);

    assert_eq!(mark_of(&map, &card.id).status, DiffStatus::Moved);
    assert_eq!(map.trails.len(), 1);
    let trail = &map.trails[0];
    assert_eq!(trail.step_id, card.id);
    let column = map
        .layout
        .stages
        .iter()
        .find(|c| c.stage_id == card.stage_id)
        .unwrap();
    let row = map
        .layout
        .lanes
        .iter()
        .find(|r| r.lane_id == card.lane_id)
        .unwrap();
    assert_eq!(trail.from.x, column.x + column.width / 2.0);
    assert_eq!(trail.from.y, row.y + row.height / 2.0);
    let now = map
        .layout
        .cards
        .iter()
        .find(|c| c.step_id == card.id)
        .unwrap();
    assert_eq!(trail.to.x, now.x + now.w / 2.0);
    assert_eq!(trail.to.y, now.y + now.h / 2.0);
    // Moved, not copied: the card is on the map once.
    assert_eq!(map.model.steps.len(), a.steps.len());
}

#[test]
fn an_added_card_is_marked_added_and_a_renamed_one_changed() {
    let a = bank_model();
    let mut b = a.clone();
    let mut added = a_card(&a).clone();
    added.id = "added-card".into();
    added.title = "A new card".into();
    b.steps.push(added);
    let renamed = b.steps[0].id.clone();
    b.steps[0].title = "Renamed".into();
    let map = diff(&a, &b);

    let mark = mark_of(&map, "added-card");
    assert_eq!(
        (mark.kind, mark.status),
        (ItemKind::Step, DiffStatus::Added)
    );
    assert_eq!(mark_of(&map, &renamed).status, DiffStatus::Changed);
    assert_eq!(map.marks.len(), 2);
    assert!(map.trails.is_empty());
    // Each mark names its line in the list of changes.
    let comparison = compare(&a, &b, &Default::default(), &AnalysisOptions::default());
    for m in &map.marks {
        let change = &comparison.changes[m.change as usize];
        assert_eq!(change.b_id.as_deref(), Some(m.id.as_str()));
    }
}

#[test]
fn a_ghost_never_takes_an_id_b_has() {
    let a = bank_model();
    let gone = a_card(&a).clone();
    let mut b = without_step(&a, &gone.id);
    // B holds the id a naive ghost would get, and the next one.
    for id in [format!("ghost:{}", gone.id), format!("~ghost:{}", gone.id)] {
        let mut s = b.steps[0].clone();
        s.id = id;
        b.steps.push(s);
    }
    let map = diff(&a, &b);
    let removed: Vec<&DiffMark> = map
        .marks
        .iter()
        .filter(|m| m.kind == ItemKind::Step && m.status == DiffStatus::Removed)
        .collect();
    assert_eq!(removed.len(), 1);
    assert_eq!(removed[0].id, format!("~~ghost:{}", gone.id));
    ids_are_unique(&map);
}

#[test]
fn the_same_version_twice_has_no_marks_and_no_ghosts() {
    let a = bank_model();
    let map = diff(&a, &a);
    assert!(map.marks.is_empty() && map.trails.is_empty());
    assert_eq!(map.model.steps, a.steps);
    assert_eq!(
        map.layout.cards.len(),
        layout(&a, &style_for(false)).cards.len()
    );
}
