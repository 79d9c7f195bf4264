//! A list keyed by id, and what changed in it: the part of a view patch that carries the long
//! lists (steps, handoffs, cards, handoff paths, insights' findings). Both `view_patch.rs` and
//! `map_rows.rs` build on it; it depends on neither.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use specta::Type;

use baton_core::Id;

/// A list keyed by id, changed: drop `removed`, replace the items `upserts` name, then put each
/// of `inserted` at its index (ascending, indices in the new list). An item that moved is
/// removed and inserted again, so a patch stays small whatever the edit did to the order
/// (undoing a deletion on a 10,000-card map used to resend every id).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct ListPatch<T> {
    pub upserts: Vec<T>,
    pub removed: Vec<Id>,
    pub inserted: Vec<Inserted<T>>,
}

/// An item new to a list (or moved within it) and its index in the new list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct Inserted<T> {
    pub index: u32,
    pub item: T,
}

/// The change from `old` to `new`, both lists of unique ids. An edit changes a few items in
/// place, or inserts, removes or moves a few: the common prefix and suffix (same ids at the
/// same places) are compared pairwise, and only the part between them is matched by id. There,
/// the longest run of kept items still in their old order stays put; the other kept items
/// moved, and go out as a removal and an insertion.
pub fn diff<T: PartialEq + Clone>(old: &[T], new: &[T], id: fn(&T) -> &Id) -> ListPatch<T> {
    let same_id = |(a, b): &(&T, &T)| id(a) == id(b);
    let prefix = old.iter().zip(new).take_while(same_id).count();
    let suffix = old[prefix..]
        .iter()
        .rev()
        .zip(new[prefix..].iter().rev())
        .take_while(same_id)
        .count();
    let (old_mid, new_mid) = (
        &old[prefix..old.len() - suffix],
        &new[prefix..new.len() - suffix],
    );
    let aligned = old[..prefix].iter().zip(&new[..prefix]).chain(
        old[old.len() - suffix..]
            .iter()
            .zip(&new[new.len() - suffix..]),
    );
    let mut upserts: Vec<T> = aligned
        .filter(|(a, b)| a != b)
        .map(|(_, b)| b.clone())
        .collect();

    // The middle: for each new item, where it was among the old ones (if anywhere).
    let old_at: HashMap<&Id, usize> = old_mid
        .iter()
        .enumerate()
        .map(|(i, x)| (id(x), i))
        .collect();
    let was_at: Vec<Option<usize>> = new_mid.iter().map(|x| old_at.get(id(x)).copied()).collect();
    let stays = in_order_longest(&was_at);
    let mut removed: Vec<Id> = Vec::new();
    let mut inserted = Vec::new();
    let mut kept = vec![false; old_mid.len()];
    for (i, (item, at)) in new_mid.iter().zip(&was_at).enumerate() {
        match at {
            Some(at) if stays[i] => {
                kept[*at] = true;
                if old_mid[*at] != *item {
                    upserts.push(item.clone());
                }
            }
            _ => inserted.push(Inserted {
                index: u32::try_from(prefix + i).unwrap_or(u32::MAX),
                item: item.clone(),
            }),
        }
    }
    removed.extend(
        old_mid
            .iter()
            .zip(&kept)
            .filter(|(_, kept)| !**kept)
            .map(|(x, _)| id(x).clone()),
    );
    ListPatch {
        upserts,
        removed,
        inserted,
    }
}

/// Which entries of `positions` form a longest strictly increasing run (ignoring `None`s):
/// the kept items that need not move. Patience sorting, O(n log n).
fn in_order_longest(positions: &[Option<usize>]) -> Vec<bool> {
    // tails[k]: index into `positions` of the smallest tail of an increasing run of length k+1.
    let mut tails: Vec<usize> = Vec::new();
    let mut previous: Vec<Option<usize>> = vec![None; positions.len()];
    for (i, p) in positions.iter().enumerate() {
        let Some(p) = *p else { continue };
        let len = tails.partition_point(|&t| positions[t] < Some(p));
        if len > 0 {
            previous[i] = Some(tails[len - 1]);
        }
        if len == tails.len() {
            tails.push(i);
        } else {
            tails[len] = i;
        }
    }
    let mut stays = vec![false; positions.len()];
    let mut at = tails.last().copied();
    while let Some(i) = at {
        stays[i] = true;
        at = previous[i];
    }
    stays
}

/// The reading the UI makes of a list patch (`applyList` in ui/src/lib/viewPatch.ts), to check
/// patches here.
#[cfg(test)]
pub(crate) fn apply_list_patch<T: Clone>(old: &[T], p: &ListPatch<T>, id: fn(&T) -> &Id) -> Vec<T> {
    let upserts: HashMap<&Id, &T> = p.upserts.iter().map(|x| (id(x), x)).collect();
    let mut out: Vec<T> = old
        .iter()
        .filter(|x| !p.removed.contains(id(x)))
        .map(|x| (*upserts.get(id(x)).unwrap_or(&x)).clone())
        .collect();
    for ins in &p.inserted {
        out.insert(ins.index as usize, ins.item.clone());
    }
    out
}
#[cfg(test)]
mod tests {
    use super::*;

    use super::apply_list_patch as apply;

    #[derive(Debug, Clone, PartialEq)]
    struct Item(Id, u32);

    fn item_id(i: &Item) -> &Id {
        &i.0
    }

    fn items(spec: &[(&str, u32)]) -> Vec<Item> {
        spec.iter()
            .map(|(i, v)| Item((*i).to_owned(), *v))
            .collect()
    }

    #[test]
    fn an_unchanged_list_is_an_empty_patch() {
        let a = items(&[("a", 1), ("b", 2)]);
        let p = diff(&a, &a, item_id);
        assert!(p.upserts.is_empty() && p.removed.is_empty() && p.inserted.is_empty());
    }

    #[test]
    fn changes_removals_insertions_and_moves_round_trip() {
        let old = items(&[("a", 1), ("b", 2), ("c", 3), ("d", 4)]);
        let cases = [
            items(&[("a", 1), ("b", 20), ("c", 3), ("d", 4)]),
            items(&[("a", 1), ("c", 3), ("d", 4)]),
            items(&[("a", 1), ("x", 9), ("b", 2), ("c", 3), ("d", 4)]),
            items(&[("d", 4), ("a", 1), ("b", 2), ("c", 3)]),
            items(&[("c", 30), ("y", 7)]),
            items(&[]),
            items(&[("b", 2), ("c", 3), ("d", 4)]),
            items(&[("a", 1), ("b", 2), ("c", 3), ("d", 4), ("e", 5)]),
            items(&[("a", 10), ("c", 3), ("b", 2), ("d", 40)]),
            items(&[("a", 1), ("b", 2), ("c", 3), ("d", 4)]),
        ];
        for new in cases {
            let p = diff(&old, &new, item_id);
            assert_eq!(apply(&old, &p, item_id), new, "{p:?}");
        }
        // A change in place is an upsert, a removal a removal, an insertion says where.
        let changed = diff(
            &old,
            &items(&[("a", 1), ("b", 20), ("c", 3), ("d", 4)]),
            item_id,
        );
        assert_eq!(changed.upserts, items(&[("b", 20)]));
        assert!(changed.removed.is_empty() && changed.inserted.is_empty());
        let removed = diff(&old, &items(&[("a", 1), ("c", 3), ("d", 4)]), item_id);
        assert_eq!(removed.removed, vec!["b".to_owned()]);
        assert!(removed.inserted.is_empty());
        let inserted = diff(
            &old,
            &items(&[("a", 1), ("x", 9), ("b", 2), ("c", 3), ("d", 4)]),
            item_id,
        );
        assert_eq!(
            inserted.inserted,
            vec![Inserted {
                index: 1,
                item: Item("x".into(), 9)
            }]
        );
        assert!(inserted.removed.is_empty());
    }

    /// Moving one item of a long list (a card dragged to another cell) sends that item alone,
    /// and undoing a deletion sends the one item back, not the list's whole order.
    #[test]
    fn a_move_or_a_restored_item_sends_only_that_item() {
        let old: Vec<Item> = (0..1000).map(|i| Item(format!("i{i}"), i)).collect();
        let mut moved = old.clone();
        let item = moved.remove(10);
        moved.insert(900, item.clone());
        let p = diff(&old, &moved, item_id);
        assert_eq!(p.removed, vec!["i10".to_owned()]);
        assert_eq!(p.inserted, vec![Inserted { index: 900, item }]);
        assert!(p.upserts.is_empty());
        assert_eq!(apply(&old, &p, item_id), moved);

        let mut without = old.clone();
        without.remove(500);
        let p = diff(&without, &old, item_id);
        assert_eq!(
            (p.removed.len(), p.inserted.len(), p.upserts.len()),
            (0, 1, 0)
        );
        assert_eq!(apply(&without, &p, item_id), old);
    }

    #[test]
    fn the_longest_in_order_run_stays() {
        let stays = in_order_longest(&[Some(3), None, Some(0), Some(1), Some(5), Some(2)]);
        assert_eq!(stays, vec![false, false, true, true, false, true]);
        assert_eq!(in_order_longest(&[]), Vec::<bool>::new());
    }
}
