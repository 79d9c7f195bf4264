//! Card selections, built into edits by the core: copy (a clipboard value the page keeps and may
//! paste into any journey, of this file or another), and the edits for paste, duplicate, delete
//! and a move to the neighbouring place. Each `*_edit` answers ONE edit (one undo step) that the
//! page applies through `edit` like any other; none of them changes the file.

use baton_core::apply::{CardMove, Clipboard, PasteTarget};
use baton_core::{Edit, Id};
use baton_session::documents::OpenDocument;
use baton_session::error::AppResult;
use tauri::State;

use super::with_document;
use crate::state::AppState;

/// The selected cards (`step_ids`, one journey) and the handoffs among them.
#[tauri::command]
#[specta::specta]
pub async fn copy_cards(
    state: State<'_, AppState>,
    doc: String,
    step_ids: Vec<Id>,
) -> AppResult<Clipboard> {
    with_document(&state, &doc, move |d| copy(d, &step_ids)).await
}

/// The edit pasting `clipboard` with its top-left card in the cell `at`.
#[tauri::command]
#[specta::specta]
pub async fn paste_cards_edit(
    state: State<'_, AppState>,
    doc: String,
    clipboard: Clipboard,
    at: PasteTarget,
) -> AppResult<Edit> {
    with_document(&state, &doc, move |d| paste(d, &clipboard, &at)).await
}

/// The edit putting a copy of each selected card right after it, with the handoffs among them.
#[tauri::command]
#[specta::specta]
pub async fn duplicate_cards_edit(
    state: State<'_, AppState>,
    doc: String,
    step_ids: Vec<Id>,
) -> AppResult<Edit> {
    with_document(&state, &doc, move |d| duplicate(d, &step_ids)).await
}

/// The edit deleting the selected cards (their handoffs go with them).
#[tauri::command]
#[specta::specta]
pub async fn delete_cards_edit(
    state: State<'_, AppState>,
    doc: String,
    step_ids: Vec<Id>,
) -> AppResult<Edit> {
    with_document(&state, &doc, move |d| delete(d, &step_ids)).await
}

/// The edit moving a card one place up, down (within its cell, then to the next lane's cell),
/// left or right (the neighbouring stage); none at the grid's edge.
#[tauri::command]
#[specta::specta]
pub async fn move_card_edit(
    state: State<'_, AppState>,
    doc: String,
    step_id: Id,
    direction: CardMove,
) -> AppResult<Option<Edit>> {
    with_document(&state, &doc, move |d| {
        Ok(d.workspace().move_card(&step_id, direction)?)
    })
    .await
}

fn copy(d: &OpenDocument, ids: &[Id]) -> AppResult<Clipboard> {
    Ok(d.workspace().copy_cards(ids)?)
}

fn paste(d: &OpenDocument, clipboard: &Clipboard, at: &PasteTarget) -> AppResult<Edit> {
    Ok(d.workspace().paste_cards(clipboard, at)?)
}

fn duplicate(d: &OpenDocument, ids: &[Id]) -> AppResult<Edit> {
    Ok(d.workspace().duplicate_cards(ids)?)
}

fn delete(d: &OpenDocument, ids: &[Id]) -> AppResult<Edit> {
    Ok(d.workspace().delete_cards(ids)?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use baton_session::error::AppErrorKind;

    fn bank(dir: &tempfile::TempDir, name: &str) -> OpenDocument {
        OpenDocument::create_from_template(&dir.path().join(name), "bank_lost_card").unwrap()
    }

    /// The journey's first card that hands off to another card, and that card.
    fn linked_pair(doc: &OpenDocument) -> (Id, Id, Id) {
        let journey = doc.workspace_view().unwrap().journeys[0].id.clone();
        let model = doc.journey_view(&journey, false).unwrap().model;
        let h = &model.handoffs[0];
        (journey, h.from_step_id.clone(), h.to_step_id.clone())
    }

    #[test]
    fn copy_then_paste_into_another_file_is_one_undo_step_there() {
        let dir = tempfile::tempdir().unwrap();
        let source = bank(&dir, "a.baton");
        let mut target = bank(&dir, "b.baton");
        let (_, from, to) = linked_pair(&source);
        let clipboard = copy(&source, &[from, to]).unwrap();
        assert_eq!(clipboard.cards.len(), 2);
        assert_eq!(clipboard.handoffs.len(), 1);

        let (journey, _, _) = linked_pair(&target);
        let model = target.journey_view(&journey, false).unwrap().model;
        let at = PasteTarget {
            journey_id: journey.clone(),
            stage_id: model.stages[0].id.clone(),
            lane_id: model.lanes[0].id.clone(),
            position: None,
        };
        let (steps, handoffs) = (model.steps.len(), model.handoffs.len());
        let edit = paste(&target, &clipboard, &at).unwrap();
        let outcome = target.apply(edit).unwrap();
        assert!(outcome.can_undo);
        let after = target.journey_view(&journey, false).unwrap().model;
        assert_eq!(after.steps.len(), steps + 2);
        assert_eq!(after.handoffs.len(), handoffs + 1);

        target.undo().unwrap();
        let undone = target.journey_view(&journey, false).unwrap().model;
        assert_eq!(undone.steps.len(), steps);
        assert_eq!(undone.handoffs.len(), handoffs);
    }

    #[test]
    fn duplicate_and_delete_are_each_one_undo_step() {
        let dir = tempfile::tempdir().unwrap();
        let mut doc = bank(&dir, "a.baton");
        let (journey, from, to) = linked_pair(&doc);
        let count = |doc: &OpenDocument| {
            let m = doc.journey_view(&journey, false).unwrap().model;
            (m.steps.len(), m.handoffs.len())
        };
        let (steps, handoffs) = count(&doc);
        let selection = [from, to];
        doc.apply(duplicate(&doc, &selection).unwrap()).unwrap();
        assert_eq!(count(&doc), (steps + 2, handoffs + 1));
        doc.undo().unwrap();
        assert_eq!(count(&doc), (steps, handoffs));

        doc.apply(delete(&doc, &selection).unwrap()).unwrap();
        assert_eq!(count(&doc).0, steps - 2);
        doc.undo().unwrap();
        assert_eq!(count(&doc), (steps, handoffs));
    }

    #[test]
    fn a_bad_selection_is_a_typed_error_with_its_field() {
        let dir = tempfile::tempdir().unwrap();
        let doc = bank(&dir, "a.baton");
        let revision = doc.revision();
        let e = copy(&doc, &[]).unwrap_err();
        assert_eq!(e.kind, AppErrorKind::Store(baton_store::ErrorKind::Empty));
        assert_eq!(e.field.as_deref(), Some("selection"));
        let e = delete(&doc, &["nope".into()]).unwrap_err();
        assert_eq!(
            e.kind,
            AppErrorKind::Store(baton_store::ErrorKind::NotFound)
        );
        assert_eq!(doc.revision(), revision);
    }
}
