//! The Compare view's one map of the differences (UI.md "The comparison view"): B's journey with
//! A's removed items put back as ghosts where they were, laid out by the core layout like any
//! journey, and a mark on each item that differs (added, removed, changed, moved), pointing at
//! its line in the comparison's list of changes, with a trail from each moved card's old cell.
//!
//! The ghosts are copies of A's items under ids no item of B has: a removed stage or lane is
//! put after its nearest predecessor in A that B kept (first when none), a removed card in the
//! cell of its old stage and lane (B's paired ones, or their ghosts) at its old position, a
//! removed handoff between its old cards (B's paired ones, or their ghosts).

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};
use specta::Type;

use baton_core::compare::{paired_indexes, ChangeStatus, Comparison, ItemKind, PairedIndexes};
use baton_core::layout::{layout, Layout, Point};
use baton_core::{Id, JourneyModel};

use crate::view_patch::style_for;
use crate::views::MapModel;

/// A comparison with its map: what the Compare view paints after one call.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct CompareAnswer {
    /// The comparison, its paired handoffs' friction and touchpoints' readings only where
    /// they differ between A and B.
    pub comparison: Comparison,
    pub map: DiffMap,
}

/// B's journey and A's removed items (ghosts), laid out, with the differences marked.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct DiffMap {
    pub model: MapModel,
    pub layout: Layout,
    /// One per item that differs, in the order of `Comparison::changes`.
    pub marks: Vec<DiffMark>,
    /// One per moved card: from the middle of the cell it was in to the middle of its card.
    pub trails: Vec<Trail>,
}

/// How an item on the difference map differs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum DiffStatus {
    /// In B only: outlined.
    Added,
    /// In A only: a ghost.
    Removed,
    /// In both, with fields that differ (whether or not it also moved).
    Changed,
    /// In both, only its stage or lane differs.
    Moved,
}

/// One marked item: its id on the difference map and its line in `Comparison::changes`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct DiffMark {
    pub kind: ItemKind,
    pub id: Id,
    pub status: DiffStatus,
    pub change: u32,
}

/// A moved card's trail.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct Trail {
    pub step_id: Id,
    pub from: Point,
    pub to: Point,
}

/// The difference map of A (before) and B (after), whose comparison is `comparison`.
pub fn diff_map(a: &JourneyModel, b: &JourneyModel, comparison: &Comparison) -> DiffMap {
    let pairs = paired_indexes(a, b);
    let places = Places::new(a, b, &pairs);
    let union = places.union(a, b, &pairs);
    let layout = layout(&union, &style_for(false));
    DiffMap {
        marks: marks(comparison, &places),
        trails: trails(a, comparison, &places, &layout),
        model: union.into(),
        layout,
    }
}

/// Where each of A's items is on the map, by A's id: its pair's id in B, or its ghost's.
struct Places {
    stages: HashMap<Id, Id>,
    lanes: HashMap<Id, Id>,
    steps: HashMap<Id, Id>,
    /// A's items that B does not have, by kind and A's id: their ghosts' ids.
    ghosts: HashMap<(ItemKind, Id), Id>,
}

impl Places {
    fn new(a: &JourneyModel, b: &JourneyModel, pairs: &PairedIndexes) -> Self {
        let mut taken: HashSet<&str> = b.stages.iter().map(|s| s.id.as_str()).collect();
        taken.extend(b.lanes.iter().map(|l| l.id.as_str()));
        taken.extend(b.steps.iter().map(|s| s.id.as_str()));
        taken.extend(b.handoffs.iter().map(|h| h.id.as_str()));
        let mut fresh_ids: HashSet<Id> = HashSet::new();
        let mut ghosts = HashMap::new();
        let mut place =
            |kind: ItemKind, a_ids: Vec<&Id>, paired: &[Option<usize>], b_ids: Vec<&Id>| {
                let mut out = HashMap::with_capacity(a_ids.len());
                for (a_id, p) in a_ids.into_iter().zip(paired) {
                    let on_map = match p.and_then(|bi| b_ids.get(bi)) {
                        Some(b_id) => (*b_id).clone(),
                        None => {
                            // "ghost:<A's id>", longer until neither B nor another ghost has it.
                            let mut id = format!("ghost:{a_id}");
                            while taken.contains(id.as_str()) || fresh_ids.contains(&id) {
                                id.insert(0, '~');
                            }
                            fresh_ids.insert(id.clone());
                            ghosts.insert((kind, a_id.clone()), id.clone());
                            id
                        }
                    };
                    out.insert(a_id.clone(), on_map);
                }
                out
            };
        let stages = place(
            ItemKind::Stage,
            a.stages.iter().map(|s| &s.id).collect(),
            &pairs.stages,
            b.stages.iter().map(|s| &s.id).collect(),
        );
        let lanes = place(
            ItemKind::Lane,
            a.lanes.iter().map(|l| &l.id).collect(),
            &pairs.lanes,
            b.lanes.iter().map(|l| &l.id).collect(),
        );
        let steps = place(
            ItemKind::Step,
            a.steps.iter().map(|s| &s.id).collect(),
            &pairs.steps,
            b.steps.iter().map(|s| &s.id).collect(),
        );
        // A handoff's place on the map is not looked up (nothing refers to a handoff): only its
        // ghost is kept.
        place(
            ItemKind::Handoff,
            a.handoffs.iter().map(|h| &h.id).collect(),
            &pairs.handoffs,
            b.handoffs.iter().map(|h| &h.id).collect(),
        );
        Places {
            stages,
            lanes,
            steps,
            ghosts,
        }
    }

    fn ghost(&self, kind: ItemKind, a_id: &Id) -> Option<&Id> {
        self.ghosts.get(&(kind, a_id.clone()))
    }

    /// B's model with A's removed items added as ghosts.
    fn union(&self, a: &JourneyModel, b: &JourneyModel, pairs: &PairedIndexes) -> JourneyModel {
        let journey_id = &b.journey.id;
        let on_map = |map: &HashMap<Id, Id>, id: &Id| map.get(id).cloned().unwrap_or_default();
        let mut stages = interleave(&b.stages, &a.stages, &pairs.stages, |s| {
            let mut s = s.clone();
            s.id = self.ghost(ItemKind::Stage, &s.id)?.clone();
            s.journey_id = journey_id.clone();
            Some(s)
        });
        for (s, position) in stages.iter_mut().zip(0u32..) {
            s.position = position;
        }
        let mut lanes = interleave(&b.lanes, &a.lanes, &pairs.lanes, |l| {
            let mut l = l.clone();
            l.id = self.ghost(ItemKind::Lane, &l.id)?.clone();
            l.journey_id = journey_id.clone();
            Some(l)
        });
        for (l, position) in lanes.iter_mut().zip(0u32..) {
            l.position = position;
        }
        let mut steps = b.steps.clone();
        for step in &a.steps {
            if let Some(ghost) = self.ghost(ItemKind::Step, &step.id) {
                let mut s = step.clone();
                s.id = ghost.clone();
                s.journey_id = journey_id.clone();
                s.stage_id = on_map(&self.stages, &step.stage_id);
                s.lane_id = on_map(&self.lanes, &step.lane_id);
                steps.push(s);
            }
        }
        let mut handoffs = b.handoffs.clone();
        for handoff in &a.handoffs {
            if let Some(ghost) = self.ghost(ItemKind::Handoff, &handoff.id) {
                let mut h = handoff.clone();
                h.id = ghost.clone();
                h.journey_id = journey_id.clone();
                h.from_step_id = on_map(&self.steps, &handoff.from_step_id);
                h.to_step_id = on_map(&self.steps, &handoff.to_step_id);
                handoffs.push(h);
            }
        }
        JourneyModel {
            journey: b.journey.clone(),
            stages,
            lanes,
            steps,
            handoffs,
            targets: Vec::new(),
            responses: Vec::new(),
            scores: Vec::new(),
        }
    }
}

/// B's items with the ghosts of A's removed ones (`ghost_of` gives `None` for a kept item), each
/// put after its nearest predecessor in A that B kept, or first.
fn interleave<T: Clone>(
    b_items: &[T],
    a_items: &[T],
    paired: &[Option<usize>],
    ghost_of: impl Fn(&T) -> Option<T>,
) -> Vec<T> {
    // after[0]: before B's first item; after[i + 1]: after B's item i.
    let mut after: Vec<Vec<T>> = vec![Vec::new(); b_items.len() + 1];
    let mut slot = 0;
    for (item, p) in a_items.iter().zip(paired) {
        match p {
            Some(bi) => slot = (bi + 1).min(b_items.len()),
            None => after[slot].extend(ghost_of(item)),
        }
    }
    let mut slots = after.into_iter();
    let mut out: Vec<T> = slots.next().unwrap_or_default();
    for (item, ghosts) in b_items.iter().zip(slots) {
        out.push(item.clone());
        out.extend(ghosts);
    }
    out
}

/// A mark for each change, under its item's id on the map.
fn marks(comparison: &Comparison, places: &Places) -> Vec<DiffMark> {
    comparison
        .changes
        .iter()
        .zip(0u32..)
        .filter_map(|(change, index)| {
            let (id, status) = match change.status {
                ChangeStatus::Added => (change.b_id.clone()?, DiffStatus::Added),
                ChangeStatus::Removed => (
                    places.ghost(change.kind, change.a_id.as_ref()?)?.clone(),
                    DiffStatus::Removed,
                ),
                ChangeStatus::Kept if !change.fields.is_empty() => {
                    (change.b_id.clone()?, DiffStatus::Changed)
                }
                ChangeStatus::Kept => (change.b_id.clone()?, DiffStatus::Moved),
            };
            Some(DiffMark {
                kind: change.kind,
                id,
                status,
                change: index,
            })
        })
        .collect()
}

/// A trail for each moved card: from the middle of the cell of its stage and lane in A (as they
/// are on the map) to the middle of its card.
fn trails(
    a: &JourneyModel,
    comparison: &Comparison,
    places: &Places,
    layout: &Layout,
) -> Vec<Trail> {
    let moved: Vec<(&Id, &Id)> = comparison
        .changes
        .iter()
        .filter(|c| c.kind == ItemKind::Step && c.moved.is_some())
        .filter_map(|c| Some((c.a_id.as_ref()?, c.b_id.as_ref()?)))
        .collect();
    if moved.is_empty() {
        return Vec::new();
    }
    let a_steps: HashMap<&str, &baton_core::Step> =
        a.steps.iter().map(|s| (s.id.as_str(), s)).collect();
    let cards: HashMap<&str, &baton_core::layout::CardBox> = layout
        .cards
        .iter()
        .map(|c| (c.step_id.as_str(), c))
        .collect();
    moved
        .into_iter()
        .filter_map(|(a_id, b_id)| {
            let before = a_steps.get(a_id.as_str())?;
            let stage = places.stages.get(&before.stage_id)?;
            let lane = places.lanes.get(&before.lane_id)?;
            let column = layout.stages.iter().find(|c| &c.stage_id == stage)?;
            let row = layout.lanes.iter().find(|r| &r.lane_id == lane)?;
            let card = cards.get(b_id.as_str())?;
            Some(Trail {
                step_id: b_id.clone(),
                from: Point {
                    x: column.x + column.width / 2.0,
                    y: row.y + row.height / 2.0,
                },
                to: Point {
                    x: card.x + card.w / 2.0,
                    y: card.y + card.h / 2.0,
                },
            })
        })
        .collect()
}

#[cfg(test)]
#[path = "compare_map_tests.rs"]
mod tests;
