//! After an edit the screen needs the journey's view again, and for a big journey the whole
//! view is megabytes (10,000 cards: ~7 MB of JSON to write, send and parse), far over the
//! 50 ms an edit may take to show. The screen already holds the previous view, so the app keeps
//! the last view it sent for each open document and answers with only what changed: lists keyed
//! by id become upserts, removals and (only when it changed) the new order; the small parts
//! (journey, stages, lanes, the layout's frame) are sent whole.

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};
use specta::Type;

use baton_core::layout::{CardBox, EmotionCurve, HandoffPath, LaneRow, LayoutStyle, StageColumn};
use baton_core::{Handoff, Id, Journey, Lane, Stage, Step};

use crate::views::JourneyView;

/// A list keyed by id, changed: replace or add `upserts`, drop `removed`; when `order` is given
/// the list is exactly those ids in that order (sent only when ids were added or reordered).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct ListPatch<T> {
    pub upserts: Vec<T>,
    pub removed: Vec<Id>,
    pub order: Option<Vec<Id>>,
}

/// What changed in a journey's view since the view the screen holds (`base`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct JourneyViewPatch {
    /// The view this patch applies to.
    pub base: u32,
    pub journey: Journey,
    pub stages: Vec<Stage>,
    pub lanes: Vec<Lane>,
    pub steps: ListPatch<Step>,
    pub handoffs: ListPatch<Handoff>,
    pub width: f32,
    pub height: f32,
    pub style: LayoutStyle,
    pub stage_columns: Vec<StageColumn>,
    pub lane_rows: Vec<LaneRow>,
    pub emotion_curves: Vec<EmotionCurve>,
    pub cards: ListPatch<CardBox>,
    pub handoff_paths: ListPatch<HandoffPath>,
    pub revision: u32,
    pub can_undo: bool,
    pub can_redo: bool,
}

/// The answer to "my view is `token`, what is it now?".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ViewUpdate {
    /// The whole view (the first one, another journey or style, or a token the app no longer
    /// holds).
    Full { token: u32, view: JourneyView },
    /// What changed since the view the screen holds.
    Patch { token: u32, patch: JourneyViewPatch },
}

/// The last view sent for one open document, and under which token.
pub struct SentView {
    journey_id: Id,
    presentation: bool,
    token: u32,
    view: JourneyView,
}

/// Remembers the last view sent, to answer the next request with a patch.
#[derive(Default)]
pub struct ViewCache {
    sent: Option<SentView>,
    next_token: u32,
}

impl ViewCache {
    /// `fresh` is the view now; `held` the token of the view the screen holds, if any.
    pub fn update(
        &mut self,
        journey_id: &str,
        presentation: bool,
        held: Option<u32>,
        fresh: JourneyView,
    ) -> ViewUpdate {
        self.next_token = self.next_token.wrapping_add(1);
        let token = self.next_token;
        let base = self.sent.as_ref().filter(|s| {
            Some(s.token) == held && s.journey_id == journey_id && s.presentation == presentation
        });
        let answer = match base {
            Some(sent) => ViewUpdate::Patch {
                token,
                patch: patch(sent.token, &sent.view, &fresh),
            },
            None => ViewUpdate::Full {
                token,
                view: fresh.clone(),
            },
        };
        self.sent = Some(SentView {
            journey_id: journey_id.to_owned(),
            presentation,
            token,
            view: fresh,
        });
        answer
    }
}

fn patch(base: u32, old: &JourneyView, new: &JourneyView) -> JourneyViewPatch {
    JourneyViewPatch {
        base,
        journey: new.model.journey.clone(),
        stages: new.model.stages.clone(),
        lanes: new.model.lanes.clone(),
        steps: diff(&old.model.steps, &new.model.steps, |s| &s.id),
        handoffs: diff(&old.model.handoffs, &new.model.handoffs, |h| &h.id),
        width: new.layout.width,
        height: new.layout.height,
        style: new.layout.style.clone(),
        stage_columns: new.layout.stages.clone(),
        lane_rows: new.layout.lanes.clone(),
        emotion_curves: new.layout.emotion_curves.clone(),
        cards: diff(&old.layout.cards, &new.layout.cards, |c| &c.step_id),
        handoff_paths: diff(&old.layout.handoffs, &new.layout.handoffs, |h| {
            &h.handoff_id
        }),
        revision: new.revision,
        can_undo: new.can_undo,
        can_redo: new.can_redo,
    }
}

/// The change from `old` to `new`, both lists of unique ids. An edit changes a few items in
/// place, or inserts, removes or moves a few: the common prefix and suffix (same ids at the
/// same places) are compared pairwise, and only the part between them is matched by id.
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

    let old_by_id: HashMap<&Id, &T> = old_mid.iter().map(|x| (id(x), x)).collect();
    let new_ids: HashSet<&Id> = new_mid.iter().map(id).collect();
    upserts.extend(
        new_mid
            .iter()
            .filter(|x| old_by_id.get(id(x)).is_none_or(|before| *before != *x))
            .cloned(),
    );
    let removed = old_mid
        .iter()
        .map(id)
        .filter(|i| !new_ids.contains(i))
        .cloned()
        .collect();
    let kept_in_old_order = old_mid.iter().map(id).filter(|i| new_ids.contains(i));
    let order = (!kept_in_old_order.eq(new_mid.iter().map(id)))
        .then(|| new.iter().map(id).cloned().collect());
    ListPatch {
        upserts,
        removed,
        order,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::documents::OpenDocument;
    use baton_core::Edit;

    /// The reading the UI makes of a patch (ui/src/lib/viewPatch.ts), to check patches here.
    fn apply<T: Clone>(old: &[T], p: &ListPatch<T>, id: fn(&T) -> &Id) -> Vec<T> {
        let upserts: HashMap<&Id, &T> = p.upserts.iter().map(|x| (id(x), x)).collect();
        match &p.order {
            Some(order) => {
                let old_by_id: HashMap<&Id, &T> = old.iter().map(|x| (id(x), x)).collect();
                order
                    .iter()
                    .map(|i| (*upserts.get(i).or(old_by_id.get(i)).unwrap()).clone())
                    .collect()
            }
            None => old
                .iter()
                .filter(|x| !p.removed.contains(id(x)))
                .map(|x| (*upserts.get(id(x)).unwrap_or(&x)).clone())
                .collect(),
        }
    }

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
        assert!(p.upserts.is_empty() && p.removed.is_empty() && p.order.is_none());
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
        // A change in place and a removal need no order; an insertion or a move does.
        let changed = diff(
            &old,
            &items(&[("a", 1), ("b", 20), ("c", 3), ("d", 4)]),
            item_id,
        );
        assert_eq!(changed.upserts, items(&[("b", 20)]));
        assert!(changed.order.is_none());
        let removed = diff(&old, &items(&[("a", 1), ("c", 3), ("d", 4)]), item_id);
        assert_eq!(
            (removed.removed, removed.order),
            (vec!["b".to_owned()], None)
        );
        let moved = diff(
            &old,
            &items(&[("b", 2), ("a", 1), ("c", 3), ("d", 4)]),
            item_id,
        );
        assert_eq!(moved.upserts, vec![]);
        assert!(moved.order.is_some());
    }

    fn journey_of(doc: &OpenDocument) -> Id {
        doc.workspace_view().unwrap().journeys[0].id.clone()
    }

    /// Patching the view the screen holds gives exactly the fresh view, edit after edit, for
    /// a real file; another journey, style or an unknown token gets the whole view.
    #[test]
    fn patches_rebuild_the_fresh_view_of_a_real_file() {
        let dir = tempfile::tempdir().unwrap();
        let mut doc =
            OpenDocument::create_from_template(&dir.path().join("Bank.baton"), "bank_lost_card")
                .unwrap();
        let journey = journey_of(&doc);
        let mut cache = ViewCache::default();
        let first = cache.update(
            &journey,
            false,
            None,
            doc.journey_view(&journey, false).unwrap(),
        );
        let ViewUpdate::Full { token, view } = first else {
            panic!("the first view is whole")
        };
        let (mut token, mut held) = (token, view);

        // Rename a card, then delete a stage (cascading its cards and handoffs), then undo.
        let mut renamed = held.model.steps[3].clone();
        renamed.title = "Renamed card".into();
        let stage = held.model.stages[1].id.clone();
        let edits = [
            Some(Edit::UpdateStep { step: renamed }),
            Some(Edit::DeleteStage { id: stage }),
            None, // undo
        ];
        for edit in edits {
            match edit {
                Some(edit) => doc.apply(edit).map(|_| ()).unwrap(),
                None => doc.undo().map(|_| ()).unwrap(),
            }
            let fresh = doc.journey_view(&journey, false).unwrap();
            let ViewUpdate::Patch { token: next, patch } =
                cache.update(&journey, false, Some(token), fresh.clone())
            else {
                panic!("the screen holds the last view: a patch is due")
            };
            assert_eq!(patch.base, token);
            assert!(patch.steps.upserts.len() < fresh.model.steps.len());
            let mut rebuilt = held.clone();
            rebuilt.model.journey = patch.journey;
            rebuilt.model.stages = patch.stages;
            rebuilt.model.lanes = patch.lanes;
            rebuilt.model.steps = apply(&held.model.steps, &patch.steps, |s| &s.id);
            rebuilt.model.handoffs = apply(&held.model.handoffs, &patch.handoffs, |h| &h.id);
            rebuilt.layout.width = patch.width;
            rebuilt.layout.height = patch.height;
            rebuilt.layout.style = patch.style;
            rebuilt.layout.stages = patch.stage_columns;
            rebuilt.layout.lanes = patch.lane_rows;
            rebuilt.layout.emotion_curves = patch.emotion_curves;
            rebuilt.layout.cards = apply(&held.layout.cards, &patch.cards, |c| &c.step_id);
            rebuilt.layout.handoffs = apply(&held.layout.handoffs, &patch.handoff_paths, |h| {
                &h.handoff_id
            });
            rebuilt.revision = patch.revision;
            rebuilt.can_undo = patch.can_undo;
            rebuilt.can_redo = patch.can_redo;
            assert_eq!(rebuilt, fresh);
            (token, held) = (next, fresh);
        }

        let fresh = doc.journey_view(&journey, true).unwrap();
        assert!(matches!(
            cache.update(&journey, true, Some(token), fresh.clone()),
            ViewUpdate::Full { .. }
        ));
        assert!(matches!(
            cache.update(&journey, true, Some(token.wrapping_add(100)), fresh),
            ViewUpdate::Full { .. }
        ));
    }
}
