//! Dense positions (0..n-1) inside sibling groups: inserting opens a gap, removing closes it,
//! moving shifts only the siblings between the old and the new place.

use std::collections::BTreeMap;

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
positioned!(Journey, Journey, |_a, _b| true);
positioned!(Metric, Metric, |_a, _b| true);
positioned!(Phase, Phase, |_a, _b| true);
positioned!(Stage, Stage, |a, b| a.journey_id == b.journey_id);
positioned!(Lane, Lane, |a, b| a.journey_id == b.journey_id);
positioned!(Step, Step, |a, b| a.stage_id == b.stage_id
    && a.lane_id == b.lane_id);
positioned!(Initiative, Initiative, |a, b| a.phase_id == b.phase_id);

/// How many siblings `probe` would have, not counting itself.
pub(crate) fn sibling_count<T: Positioned>(map: &BTreeMap<Id, T>, probe: &T) -> u32 {
    let count = map
        .values()
        .filter(|other| other.id() != probe.id() && other.same_group(probe))
        .count();
    u32::try_from(count).unwrap_or(u32::MAX)
}

/// A new entity may go anywhere from the first place to just after the last sibling.
pub(crate) fn check_insert_at<T: Positioned>(
    map: &BTreeMap<Id, T>,
    item: &T,
) -> Result<(), EditError> {
    let count = sibling_count(map, item);
    if item.position() > count {
        return Err(out_of_range(
            T::KIND,
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
pub(crate) fn check_move_within<T: Positioned>(
    map: &BTreeMap<Id, T>,
    item: &T,
    to: u32,
) -> Result<(), EditError> {
    let count = sibling_count(map, item) + 1;
    if to >= count {
        return Err(out_of_range(
            T::KIND,
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
pub(crate) fn insert_at<T: Positioned>(map: &mut BTreeMap<Id, T>, item: T, touched: &mut Touched) {
    let at = item.position();
    for other in map.values_mut() {
        if other.same_group(&item) && other.position() >= at {
            other.set_position(other.position() + 1);
            touch(touched, T::KIND, other.id());
        }
    }
    touch(touched, T::KIND, item.id());
    map.insert(item.id().to_owned(), item);
}

/// Remove the entity and close the gap it leaves.
pub(crate) fn remove_closing<T: Positioned>(
    map: &mut BTreeMap<Id, T>,
    id: &str,
    touched: &mut Touched,
) -> Option<T> {
    let item = map.remove(id)?;
    let at = item.position();
    for other in map.values_mut() {
        if other.same_group(&item) && other.position() > at {
            other.set_position(other.position() - 1);
            touch(touched, T::KIND, other.id());
        }
    }
    touch(touched, T::KIND, id);
    Some(item)
}

/// The one body of every `Move*` edit that stays in its list: the entity must exist and `to`
/// must be a place in its list. Returns where it was, the position its inverse moves it back to.
pub(crate) fn move_within<T: Positioned>(
    map: &mut BTreeMap<Id, T>,
    id: &str,
    to: u32,
    touched: &mut Touched,
) -> Result<u32, EditError> {
    let current = map.get(id).ok_or_else(|| missing(T::KIND, id))?;
    check_move_within(map, current, to)?;
    Ok(reorder(map, id, to, touched).unwrap_or(to))
}

/// Move an entity to `to` within its own list; returns where it was.
pub(crate) fn reorder<T: Positioned>(
    map: &mut BTreeMap<Id, T>,
    id: &str,
    to: u32,
    touched: &mut Touched,
) -> Option<u32> {
    let probe = map.get(id)?.clone();
    let from = probe.position();
    for other in map.values_mut() {
        if other.id() == id || !other.same_group(&probe) {
            continue;
        }
        let at = other.position();
        if from < to && at > from && at <= to {
            other.set_position(at - 1);
            touch(touched, T::KIND, other.id());
        } else if to < from && at >= to && at < from {
            other.set_position(at + 1);
            touch(touched, T::KIND, other.id());
        }
    }
    if let Some(item) = map.get_mut(id) {
        item.set_position(to);
    }
    touch(touched, T::KIND, id);
    Some(from)
}

/// Move an entity into another list (`moved` carries its new group and position).
pub(crate) fn regroup<T: Positioned>(map: &mut BTreeMap<Id, T>, moved: T, touched: &mut Touched) {
    remove_closing(map, moved.id(), touched);
    insert_at(map, moved, touched);
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
