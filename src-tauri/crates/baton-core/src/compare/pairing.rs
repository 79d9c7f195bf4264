//! Which item of A each item of B is. An item's pairing key is its `origin_id` when it has one,
//! else its id: two versions of one journey pair by id (a copied item keeps its origin in every
//! version), a current-state journey and its future-state copy pair by origin, in either
//! direction, and two future states of one journey pair through their common origin.

use crate::id_map::{self, IdMap};
use crate::model::{Handoff, Id, JourneyModel, Lane, Stage, Step};

use super::Pairing;

/// The pairs of one kind of item, by index into A's and B's lists.
#[derive(Debug, Default)]
pub(super) struct KindPairs {
    pub a_to_b: Vec<Option<usize>>,
    pub b_to_a: Vec<Option<usize>>,
}

impl KindPairs {
    /// Pairs B's items with A's by key; a key met twice in B pairs its first item only.
    fn build<T>(a: &[T], b: &[T], key: impl Fn(&T) -> (&Id, Option<&Id>)) -> (Self, bool) {
        let mut by_key: IdMap<&str, usize> = id_map::with_capacity(a.len());
        for (index, item) in a.iter().enumerate() {
            let (id, origin) = key(item);
            by_key.entry(origin.unwrap_or(id)).or_insert(index);
        }
        let mut pairs = KindPairs {
            a_to_b: vec![None; a.len()],
            b_to_a: vec![None; b.len()],
        };
        let mut through_origin = false;
        for (b_index, item) in b.iter().enumerate() {
            let (id, origin) = key(item);
            let Some(&a_index) = by_key.get(origin.unwrap_or(id).as_str()) else {
                continue;
            };
            if pairs.a_to_b[a_index].is_some() {
                continue;
            }
            pairs.a_to_b[a_index] = Some(b_index);
            pairs.b_to_a[b_index] = Some(a_index);
            let (a_id, _) = key(&a[a_index]);
            through_origin |= a_id != id;
        }
        (pairs, through_origin)
    }
}

/// The pairs of every kind.
#[derive(Debug)]
pub(super) struct Pairs {
    pub stages: KindPairs,
    pub lanes: KindPairs,
    pub steps: KindPairs,
    pub handoffs: KindPairs,
    through_origin: bool,
}

fn stage_key(s: &Stage) -> (&Id, Option<&Id>) {
    (&s.id, s.origin_id.as_ref())
}
fn lane_key(l: &Lane) -> (&Id, Option<&Id>) {
    (&l.id, l.origin_id.as_ref())
}
fn step_key(s: &Step) -> (&Id, Option<&Id>) {
    (&s.id, s.origin_id.as_ref())
}
fn handoff_key(h: &Handoff) -> (&Id, Option<&Id>) {
    (&h.id, h.origin_id.as_ref())
}

impl Pairs {
    pub fn build(a: &JourneyModel, b: &JourneyModel) -> Self {
        let (stages, s) = KindPairs::build(&a.stages, &b.stages, stage_key);
        let (lanes, l) = KindPairs::build(&a.lanes, &b.lanes, lane_key);
        let (steps, t) = KindPairs::build(&a.steps, &b.steps, step_key);
        let (handoffs, h) = KindPairs::build(&a.handoffs, &b.handoffs, handoff_key);
        Pairs {
            stages,
            lanes,
            steps,
            handoffs,
            through_origin: s || l || t || h,
        }
    }

    pub fn pairing(&self) -> Pairing {
        if self.through_origin {
            Pairing::ByOrigin
        } else {
            Pairing::ById
        }
    }

    /// Plain words on what the pairing could not do: a future-state copy made before Baton
    /// recorded origins (schema version 3) pairs by id only, so its items show as added and
    /// its original's as removed; two unrelated journeys share nothing.
    pub fn notes(&self, a: &JourneyModel, b: &JourneyModel) -> Vec<String> {
        let mut notes = Vec::new();
        let copy = if b.journey.origin_id.as_ref() == Some(&a.journey.id) {
            Some(b)
        } else if a.journey.origin_id.as_ref() == Some(&b.journey.id) {
            Some(a)
        } else {
            None
        };
        let related = copy.is_some() || a.journey.id == b.journey.id;
        if let Some(copy) = copy {
            if has_items(copy) && !has_origins(copy) {
                notes.push(format!(
                    "\"{}\" was copied before Baton recorded where each item came from: items \
                     are paired by id where possible, so its items show as added and those of \
                     the original as removed.",
                    copy.journey.name
                ));
            }
        }
        if !related && !self.through_origin {
            notes.push(format!(
                "\"{}\" and \"{}\" are different journeys, neither copied from the other: items \
                 are paired by id where possible.",
                a.journey.name, b.journey.name
            ));
        }
        notes
    }
}

fn has_items(model: &JourneyModel) -> bool {
    !(model.stages.is_empty() && model.lanes.is_empty() && model.steps.is_empty())
}

fn has_origins(model: &JourneyModel) -> bool {
    model.stages.iter().any(|s| s.origin_id.is_some())
        || model.lanes.iter().any(|l| l.origin_id.is_some())
        || model.steps.iter().any(|s| s.origin_id.is_some())
        || model.handoffs.iter().any(|h| h.origin_id.is_some())
}
