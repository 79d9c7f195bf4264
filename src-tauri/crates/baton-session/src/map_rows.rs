//! Keeping a journey's map lists up to date from the rows each change wrote, instead of
//! rebuilding them: on a 10,000-step journey, filtering, cloning and sorting every step after
//! each edit took about 8 ms of the 50 an edit may take to show (see `benches/view_update.rs`).

use std::cmp::Ordering;
use std::collections::{BTreeMap, HashSet};

use baton_core::apply::StepOrder;
use baton_core::{EntityKind, EntityRef, Handoff, Id, Lane, Stage, Step, Workspace};

use crate::list_patch::{Inserted, ListPatch};

/// What changed in the file since the last view was sent, as far as the map can tell.
#[derive(Debug, Default)]
pub struct ChangedRows {
    pub steps: HashSet<Id>,
    pub handoffs: HashSet<Id>,
    /// A journey, stage or lane changed (the steps' order may have changed anywhere), or too
    /// many rows did: the map is rebuilt. (A checklist change touches its handoff's row.)
    pub rebuild: bool,
}

/// Past this many changed rows, rebuilding the map is as quick as merging them in.
const MERGE_LIMIT: usize = 2_000;

impl ChangedRows {
    /// Notes the rows one change wrote or deleted.
    pub fn note(&mut self, touched: &[EntityRef]) {
        if self.rebuild {
            return;
        }
        for row in touched {
            match row.kind {
                EntityKind::Step => {
                    self.steps.insert(row.id.clone());
                }
                EntityKind::Handoff => {
                    self.handoffs.insert(row.id.clone());
                }
                EntityKind::Journey | EntityKind::Stage | EntityKind::Lane => self.rebuild = true,
                // Not drawn on the map: satisfaction data, people, the plan, the history.
                _ => {}
            }
        }
        if self.steps.len() + self.handoffs.len() > MERGE_LIMIT {
            self.rebuild = true;
        }
        if self.rebuild {
            self.steps.clear();
            self.handoffs.clear();
        }
    }
}

/// Brings `steps` (the journey's, in the model's order: stage, lane, position in the cell) up to
/// date with the rows in `changed`, and says how: each changed step goes out of the list and,
/// if it still belongs to the journey, back in at its place.
pub fn merge_steps(
    steps: &mut Vec<Step>,
    changed: &HashSet<Id>,
    ws: &Workspace,
    journey_id: &str,
    stages: &[Stage],
    lanes: &[Lane],
) -> ListPatch<Step> {
    let order = StepOrder::new(stages, lanes);
    let current = still_in_journey(changed, &ws.steps, journey_id, |s| &s.journey_id);
    merge(
        steps,
        changed,
        current,
        |s| &s.id,
        |a, b| order.key(a).cmp(&order.key(b)),
    )
}

/// [`merge_steps`] for the journey's handoffs, which are in id order.
pub fn merge_handoffs(
    handoffs: &mut Vec<Handoff>,
    changed: &HashSet<Id>,
    ws: &Workspace,
    journey_id: &str,
) -> ListPatch<Handoff> {
    let current = still_in_journey(changed, &ws.handoffs, journey_id, |h| &h.journey_id);
    merge(
        handoffs,
        changed,
        current,
        |h| &h.id,
        |a, b| a.id.cmp(&b.id),
    )
}

/// The `changed` rows of `all` that exist and belong to the journey, as they are now.
fn still_in_journey<T: Clone>(
    changed: &HashSet<Id>,
    all: &BTreeMap<Id, T>,
    journey_id: &str,
    journey_of: fn(&T) -> &Id,
) -> Vec<T> {
    changed
        .iter()
        .filter_map(|id| all.get(id))
        .filter(|x| journey_of(x) == journey_id)
        .cloned()
        .collect()
}

/// Takes the `changed` items out of `list` (sorted by `order`) and merges `current` (their
/// versions now, for those that still exist) back in, in one pass over the list.
fn merge<T: Clone>(
    list: &mut Vec<T>,
    changed: &HashSet<Id>,
    mut current: Vec<T>,
    id: fn(&T) -> &Id,
    order: impl Fn(&T, &T) -> Ordering,
) -> ListPatch<T> {
    let mut removed = Vec::new();
    if changed.is_empty() {
        return ListPatch {
            upserts: Vec::new(),
            removed,
            inserted: Vec::new(),
        };
    }
    list.retain(|x| {
        let gone = changed.contains(id(x));
        if gone {
            removed.push(id(x).clone());
        }
        !gone
    });
    current.sort_by(&order);
    let places: Vec<usize> = current
        .iter()
        .map(|x| list.partition_point(|y| order(y, x) == Ordering::Less))
        .collect();
    let old = std::mem::take(list);
    let mut out = Vec::with_capacity(old.len() + current.len());
    let mut rest = old.into_iter();
    let mut taken = 0;
    let mut inserted = Vec::with_capacity(current.len());
    for (item, place) in current.into_iter().zip(places) {
        out.extend(rest.by_ref().take(place - taken));
        taken = place;
        inserted.push(Inserted {
            index: u32::try_from(out.len()).unwrap_or(u32::MAX),
            item: item.clone(),
        });
        out.push(item);
    }
    out.extend(rest);
    *list = out;
    ListPatch {
        upserts: Vec::new(),
        removed,
        inserted,
    }
}
