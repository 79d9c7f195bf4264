//! Dense positions (0..n-1) inside sibling groups: inserting opens a gap, removing closes it,
//! moving shifts only the siblings between the old and the new place.

use std::collections::BTreeMap;
use std::ops::RangeInclusive;

use crate::error::EditError;
use crate::model::*;

use super::checks::{missing, out_of_range, touch, Touched};

/// An entity ordered among its siblings.
pub(crate) trait Positioned: Clone {
    const KIND: EntityKind;
    fn id(&self) -> &str;
    fn position(&self) -> u32;
    fn set_position(&mut self, position: u32);
    /// Whether `other` is ordered in the same list as `self`.
    fn same_group(&self, other: &Self) -> bool;
}

macro_rules! positioned {
    ($ty:ty, $kind:ident, |$a:ident, $b:ident| $same:expr) => {
        impl Positioned for $ty {
            const KIND: EntityKind = EntityKind::$kind;
            fn id(&self) -> &str {
                &self.id
            }
            fn position(&self) -> u32 {
                self.position
            }
            fn set_position(&mut self, position: u32) {
                self.position = position;
            }
            fn same_group(&self, other: &Self) -> bool {
                let ($a, $b) = (self, other);
                $same
            }
        }
    };
}

positioned!(Persona, Persona, |_a, _b| true);
positioned!(SavedMapping, SavedMapping, |_a, _b| true);
positioned!(Journey, Journey, |_a, _b| true);
positioned!(Metric, Metric, |_a, _b| true);
positioned!(Phase, Phase, |_a, _b| true);
positioned!(Stage, Stage, |a, b| a.journey_id == b.journey_id);
positioned!(Lane, Lane, |a, b| a.journey_id == b.journey_id);
positioned!(Step, Step, |a, b| a.stage_id == b.stage_id
    && a.lane_id == b.lane_id);
positioned!(Initiative, Initiative, |a, b| a.phase_id == b.phase_id);

/// Where the entities of one kind live: a plain map, whose sibling groups are found by a scan
/// (personas, stages...: a few hundred at most), or the step table, whose per-cell index finds
/// a step's siblings without looking at the other cells.
pub(crate) trait PositionedList {
    type Item: Positioned;
    fn item(&self, id: &str) -> Option<&Self::Item>;
    /// How many entities share `probe`'s group, `probe` itself (by id) not counted.
    fn sibling_count(&self, probe: &Self::Item) -> usize;
    /// The ids and positions of the entities of `probe`'s group (not `probe` itself) whose
    /// position lies in `positions`.
    fn siblings_between(
        &self,
        probe: &Self::Item,
        positions: RangeInclusive<u32>,
    ) -> Vec<(Id, u32)>;
    fn set_position(&mut self, id: &str, position: u32);
    fn put(&mut self, item: Self::Item);
    fn take(&mut self, id: &str) -> Option<Self::Item>;
}

impl<T: Positioned> PositionedList for BTreeMap<Id, T> {
    type Item = T;

    fn item(&self, id: &str) -> Option<&T> {
        self.get(id)
    }

    fn sibling_count(&self, probe: &T) -> usize {
        self.values()
            .filter(|other| other.id() != probe.id() && other.same_group(probe))
            .count()
    }

    fn siblings_between(&self, probe: &T, positions: RangeInclusive<u32>) -> Vec<(Id, u32)> {
        self.values()
            .filter(|other| {
                other.id() != probe.id()
                    && other.same_group(probe)
                    && positions.contains(&other.position())
            })
            .map(|other| (other.id().to_owned(), other.position()))
            .collect()
    }

    fn set_position(&mut self, id: &str, position: u32) {
        if let Some(item) = self.get_mut(id) {
            item.set_position(position);
        }
    }

    fn put(&mut self, item: T) {
        self.insert(item.id().to_owned(), item);
    }

    fn take(&mut self, id: &str) -> Option<T> {
        self.remove(id)
    }
}

impl PositionedList for StepTable {
    type Item = Step;

    fn item(&self, id: &str) -> Option<&Step> {
        self.get(id)
    }

    fn sibling_count(&self, probe: &Step) -> usize {
        let in_cell = self.cell_len(&probe.stage_id, &probe.lane_id);
        let probe_in_cell = self
            .get(&probe.id)
            .is_some_and(|stored| stored.same_group(probe));
        in_cell - usize::from(probe_in_cell)
    }

    fn siblings_between(&self, probe: &Step, positions: RangeInclusive<u32>) -> Vec<(Id, u32)> {
        let mut found = self.in_cell_between(&probe.stage_id, &probe.lane_id, positions);
        found.retain(|(id, _)| *id != probe.id);
        found
    }

    fn set_position(&mut self, id: &str, position: u32) {
        StepTable::set_position(self, id, position);
    }

    fn put(&mut self, item: Step) {
        self.insert(item.id.clone(), item);
    }

    fn take(&mut self, id: &str) -> Option<Step> {
        self.remove(id)
    }
}

/// How many siblings `probe` would have, not counting itself.
pub(crate) fn sibling_count<L: PositionedList>(list: &L, probe: &L::Item) -> u32 {
    u32::try_from(list.sibling_count(probe)).unwrap_or(u32::MAX)
}

/// A new entity may go anywhere from the first place to just after the last sibling.
pub(crate) fn check_insert_at<L: PositionedList>(
    list: &L,
    item: &L::Item,
) -> Result<(), EditError> {
    let count = sibling_count(list, item);
    if item.position() > count {
        return Err(out_of_range(
            L::Item::KIND,
            item.id(),
            "position",
            format!(
                "Position {} is past the end: there are {count} places",
                item.position()
            ),
        ));
    }
    Ok(())
}

/// An entity moved within its own list goes to one of the places that exist.
pub(crate) fn check_move_within<L: PositionedList>(
    list: &L,
    item: &L::Item,
    to: u32,
) -> Result<(), EditError> {
    let count = sibling_count(list, item).saturating_add(1);
    if to >= count {
        return Err(out_of_range(
            L::Item::KIND,
            item.id(),
            "position",
            format!(
                "Position {to} is past the end: the last place is {}",
                count - 1
            ),
        ));
    }
    Ok(())
}

/// Insert `item` at its position, shifting the siblings at or after it.
pub(crate) fn insert_at<L: PositionedList>(list: &mut L, item: L::Item, touched: &mut Touched) {
    let kind = L::Item::KIND;
    for (id, position) in list.siblings_between(&item, item.position()..=u32::MAX) {
        list.set_position(&id, position + 1);
        touch(touched, kind, &id);
    }
    touch(touched, kind, item.id());
    list.put(item);
}

/// Remove the entity and close the gap it leaves.
pub(crate) fn remove_closing<L: PositionedList>(
    list: &mut L,
    id: &str,
    touched: &mut Touched,
) -> Option<L::Item> {
    let kind = L::Item::KIND;
    let item = list.take(id)?;
    if let Some(after) = item.position().checked_add(1) {
        for (other, position) in list.siblings_between(&item, after..=u32::MAX) {
            list.set_position(&other, position - 1);
            touch(touched, kind, &other);
        }
    }
    touch(touched, kind, id);
    Some(item)
}

/// The one body of every `Move*` edit that stays in its list: the entity must exist and `to`
/// must be a place in its list. Returns where it was, the position its inverse moves it back to.
pub(crate) fn move_within<L: PositionedList>(
    list: &mut L,
    id: &str,
    to: u32,
    touched: &mut Touched,
) -> Result<u32, EditError> {
    let current = list.item(id).ok_or_else(|| missing(L::Item::KIND, id))?;
    check_move_within(list, current, to)?;
    Ok(reorder(list, id, to, touched).unwrap_or(to))
}

/// Move an entity to `to` within its own list; returns where it was.
pub(crate) fn reorder<L: PositionedList>(
    list: &mut L,
    id: &str,
    to: u32,
    touched: &mut Touched,
) -> Option<u32> {
    let kind = L::Item::KIND;
    let probe = list.item(id)?.clone();
    let from = probe.position();
    if from < to {
        // Moving down: the siblings after the old place, up to the new one, move up.
        for (other, position) in list.siblings_between(&probe, from.saturating_add(1)..=to) {
            list.set_position(&other, position - 1);
            touch(touched, kind, &other);
        }
    } else if to < from {
        // Moving up: the siblings from the new place to just before the old one move down.
        for (other, position) in list.siblings_between(&probe, to..=from - 1) {
            list.set_position(&other, position + 1);
            touch(touched, kind, &other);
        }
    }
    list.set_position(id, to);
    touch(touched, kind, id);
    Some(from)
}

/// Move an entity into another list (`moved` carries its new group and position).
pub(crate) fn regroup<L: PositionedList>(list: &mut L, moved: L::Item, touched: &mut Touched) {
    remove_closing(list, moved.id(), touched);
    insert_at(list, moved, touched);
}

/// The entities of one list, in order.
pub(crate) fn in_order<'a, T: Positioned + 'a>(items: impl Iterator<Item = &'a T>) -> Vec<&'a T> {
    let mut list: Vec<&T> = items.collect();
    list.sort_by(|a, b| {
        a.position()
            .cmp(&b.position())
            .then_with(|| a.id().cmp(b.id()))
    });
    list
}
