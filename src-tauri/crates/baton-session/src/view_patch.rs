//! After an edit the screen needs the journey's view again, and for a big journey the whole
//! view is megabytes (10,000 cards: ~7 MB of JSON to write, send and parse), far over the
//! 50 ms an edit may take to show. The screen already holds the previous view, so the app keeps
//! the last view it sent for each open document and answers with only what changed: lists keyed
//! by id become upserts, removals and insertions; the small parts (journey, stages, lanes, the
//! layout's frame) are sent whole. After an edit inside the map, the kept map itself is patched
//! from the rows the edit touched (`map_rows.rs`) rather than built again.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};
use specta::Type;

use baton_core::id_map::IdMap;
use baton_core::layout::text::WrappedTitle;
use baton_core::layout::{
    layout_parts_reusing, CardBox, EmotionCurve, HandoffPath, LaneRow, Layout, LayoutStyle,
    MapParts, StageColumn,
};
use baton_core::{EntityRef, Handoff, Id, Journey, Lane, Stage, Step, Workspace};

use crate::list_patch::{diff, ListPatch};
use crate::map_rows::{merge_handoffs, merge_steps, ChangedRows};
use crate::views::JourneyView;

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
    #[specta(type = baton_core::layout::TsNumber)]
    pub width: f32,
    #[specta(type = baton_core::layout::TsNumber)]
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

/// The document's state a view carries besides the journey.
#[derive(Debug, Clone, Copy)]
pub struct DocState {
    pub revision: u32,
    pub can_undo: bool,
    pub can_redo: bool,
}

/// The layout style of the map or of presentation mode (larger type for a projector).
pub fn style_for(presentation: bool) -> LayoutStyle {
    if presentation {
        LayoutStyle::presentation()
    } else {
        LayoutStyle::default()
    }
}

/// Remembers the last view sent, to answer the next request with a patch, and the rows changed
/// since, to patch it without rebuilding the map.
#[derive(Default)]
pub struct ViewCache {
    sent: Option<SentView>,
    next_token: u32,
    changed: ChangedRows,
}

impl ViewCache {
    /// Notes the rows a change (an edit, undo or redo) wrote or deleted.
    pub fn note(&mut self, touched: &[EntityRef]) {
        self.changed.note(touched);
    }

    /// Something may have changed without a list of rows: the next view rebuilds the map.
    pub fn note_unknown_change(&mut self) {
        self.changed.rebuild = true;
    }

    /// Whether the screen's view (`held`) is the last one sent, of this journey and style.
    fn holds(&self, journey_id: &str, presentation: bool, held: Option<u32>) -> bool {
        self.sent.as_ref().is_some_and(|s| {
            Some(s.token) == held && s.journey_id == journey_id && s.presentation == presentation
        })
    }

    fn next_token(&mut self) -> u32 {
        self.next_token = self.next_token.wrapping_add(1);
        self.next_token
    }

    /// The view the screen holds (`held`) patched from the rows changed since it was sent:
    /// the changed steps and handoffs are merged into the kept map, which is laid out again.
    /// `None` when the screen holds another view or a change needs the map rebuilt: then the
    /// caller builds the view whole and calls [`ViewCache::update`].
    pub fn update_from_rows(
        &mut self,
        ws: &Workspace,
        journey_id: &str,
        presentation: bool,
        held: Option<u32>,
        state: DocState,
    ) -> Option<ViewUpdate> {
        if self.changed.rebuild || !self.holds(journey_id, presentation, held) {
            return None;
        }
        let token = self.next_token();
        let changed = std::mem::take(&mut self.changed);
        let sent = self.sent.as_mut()?;
        let model = &mut sent.view.model;
        let steps = merge_steps(
            &mut model.steps,
            &changed.steps,
            ws,
            journey_id,
            &model.stages,
            &model.lanes,
        );
        let handoffs = merge_handoffs(&mut model.handoffs, &changed.handoffs, ws, journey_id);
        let parts = MapParts {
            stages: &model.stages,
            lanes: &model.lanes,
            steps: &model.steps,
            handoffs: &model.handoffs,
        };
        let fresh = layout_keeping_titles(parts, presentation, &sent.view.layout, &changed.steps);
        let before = std::mem::replace(&mut sent.view.layout, fresh);
        let now = &sent.view.layout;
        let patch = JourneyViewPatch {
            base: sent.token,
            journey: model.journey.clone(),
            stages: model.stages.clone(),
            lanes: model.lanes.clone(),
            steps,
            handoffs,
            width: now.width,
            height: now.height,
            style: now.style.clone(),
            stage_columns: now.stages.clone(),
            lane_rows: now.lanes.clone(),
            emotion_curves: now.emotion_curves.clone(),
            cards: diff(&before.cards, &now.cards, |c| &c.step_id),
            handoff_paths: diff(&before.handoffs, &now.handoffs, |h| &h.handoff_id),
            revision: state.revision,
            can_undo: state.can_undo,
            can_redo: state.can_redo,
        };
        sent.token = token;
        sent.view.revision = state.revision;
        sent.view.can_undo = state.can_undo;
        sent.view.can_redo = state.can_redo;
        Some(ViewUpdate::Patch { token, patch })
    }

    /// `fresh` is the view now, built whole; `held` the token of the view the screen holds, if
    /// any: the answer is a patch on it, or the whole view.
    pub fn update(
        &mut self,
        journey_id: &str,
        presentation: bool,
        held: Option<u32>,
        fresh: JourneyView,
    ) -> ViewUpdate {
        let token = self.next_token();
        self.changed = ChangedRows::default();
        let holds = self.holds(journey_id, presentation, held);
        let base = self.sent.as_ref().filter(|_| holds);
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

/// The map laid out again, its unchanged steps' titles taken as `before` wrapped them (the same
/// style: the screen holds a view of this style) rather than wrapped again.
fn layout_keeping_titles(
    parts: MapParts<'_>,
    presentation: bool,
    before: &Layout,
    changed_steps: &HashSet<Id>,
) -> Layout {
    let wrapped: IdMap<&str, &CardBox> = before
        .cards
        .iter()
        .map(|c| (c.step_id.as_str(), c))
        .collect();
    layout_parts_reusing(parts, &style_for(presentation), |step| {
        if changed_steps.contains(&step.id) {
            return None;
        }
        wrapped.get(step.id.as_str()).map(|card| WrappedTitle {
            lines: card.lines.clone(),
            clipped: card.clipped,
        })
    })
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
#[cfg(test)]
mod tests {
    use super::*;
    use crate::documents::testing::{apply_or_undo, bank_document};
    use baton_core::Edit;

    use crate::list_patch::apply_list_patch as apply;

    /// The view the screen holds with `patch` applied, read as the UI reads it.
    fn patched(held: &JourneyView, patch: JourneyViewPatch) -> JourneyView {
        let mut view = held.clone();
        view.model.journey = patch.journey;
        view.model.stages = patch.stages;
        view.model.lanes = patch.lanes;
        view.model.steps = apply(&held.model.steps, &patch.steps, |s| &s.id);
        view.model.handoffs = apply(&held.model.handoffs, &patch.handoffs, |h| &h.id);
        view.layout.width = patch.width;
        view.layout.height = patch.height;
        view.layout.style = patch.style;
        view.layout.stages = patch.stage_columns;
        view.layout.lanes = patch.lane_rows;
        view.layout.emotion_curves = patch.emotion_curves;
        view.layout.cards = apply(&held.layout.cards, &patch.cards, |c| &c.step_id);
        view.layout.handoffs = apply(&held.layout.handoffs, &patch.handoff_paths, |h| {
            &h.handoff_id
        });
        view.revision = patch.revision;
        view.can_undo = patch.can_undo;
        view.can_redo = patch.can_redo;
        view
    }

    /// Patching the view the screen holds gives exactly the fresh view, edit after edit, for
    /// a real file; another journey, style or an unknown token gets the whole view.
    #[test]
    fn patches_rebuild_the_fresh_view_of_a_real_file() {
        let (_dir, mut doc, journey) = bank_document();
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
            let rebuilt = patched(&held, patch);
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

    /// The screen's view patched edit after edit through the document (changed rows merged
    /// into the kept map, or the map rebuilt when stages change) equals the view built whole.
    #[test]
    fn row_patches_keep_the_screens_view_equal_to_a_fresh_one() {
        let (_dir, mut doc, journey) = bank_document();
        let ViewUpdate::Full { token, view } =
            doc.journey_view_update(&journey, false, None).unwrap()
        else {
            panic!("the first view is whole")
        };
        let (mut token, mut held) = (token, view);
        let steps = held.model.steps.clone();
        let (a, b, c) = (&steps[0], &steps[4], &steps[7]);
        let mut renamed = a.clone();
        renamed.title = "Renamed card".into();
        let mut created = b.clone();
        created.id = baton_core::new_id();
        created.title = "A new card".into();
        created.position = 0;
        let handoff = held.model.handoffs[0].clone();
        let mut blind = handoff.clone();
        blind.mode = baton_core::HandoffMode::Blind;
        let mut connected = handoff.clone();
        connected.id = baton_core::new_id();
        connected.from_step_id = created.id.clone();
        connected.to_step_id = c.id.clone();
        let stage = held.model.stages[2].id.clone();
        let edits: Vec<(&str, Option<Edit>)> = vec![
            ("rename", Some(Edit::UpdateStep { step: renamed })),
            ("create", Some(Edit::CreateStep { step: created })),
            ("connect", Some(Edit::ConnectHandoff { handoff: connected })),
            ("blind", Some(Edit::UpdateHandoff { handoff: blind })),
            (
                "move to another cell",
                Some(Edit::MoveStep {
                    id: b.id.clone(),
                    stage_id: c.stage_id.clone(),
                    lane_id: c.lane_id.clone(),
                    position: 0,
                }),
            ),
            ("delete", Some(Edit::DeleteStep { id: c.id.clone() })),
            ("undo", None),
            (
                "move a stage",
                Some(Edit::MoveStage {
                    id: stage,
                    position: 0,
                }),
            ),
            ("undo", None),
            ("undo", None),
        ];
        for (what, edit) in edits {
            apply_or_undo(&mut doc, edit);
            let ViewUpdate::Patch { token: next, patch } = doc
                .journey_view_update(&journey, false, Some(token))
                .unwrap()
            else {
                panic!("{what}: the screen holds the last view, a patch is due")
            };
            if what == "rename" {
                // Merged from the changed row, not found by comparing every step.
                assert_eq!(patch.steps.removed, vec![a.id.clone()]);
                assert_eq!(patch.steps.inserted.len(), 1);
            }
            let rebuilt = patched(&held, patch);
            let fresh = doc.journey_view(&journey, false).unwrap();
            assert_eq!(rebuilt, fresh, "{what}");
            (token, held) = (next, fresh);
        }
    }
}
