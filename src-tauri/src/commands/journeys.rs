//! Journey-level actions computed in the core rather than assembled by the UI.

use tauri::State;

use super::with_document;
use crate::state::AppState;
use baton_session::documents::OpenDocument;
use baton_session::error::AppResult;
use baton_store::EditOutcome;

/// Copies the journey `journey_id` into a new future-state journey (stages, lanes, cards,
/// handoffs and targets under new ids) as one edit: one undo step removes the whole copy.
#[tauri::command]
#[specta::specta]
pub async fn duplicate_journey_as_future(
    state: State<'_, AppState>,
    doc: String,
    journey_id: String,
) -> AppResult<EditOutcome> {
    with_document(&state, &doc, move |d| duplicate_as_future(d, &journey_id)).await
}

fn duplicate_as_future(document: &mut OpenDocument, journey_id: &str) -> AppResult<EditOutcome> {
    let edit = baton_core::duplicate_as_future(document.workspace(), journey_id)?;
    document.apply(edit)
}

#[cfg(test)]
mod tests {
    use super::*;
    use baton_core::JourneyState;

    #[test]
    fn the_future_copy_is_one_undo_step_and_keeps_the_map() {
        let dir = tempfile::tempdir().unwrap();
        let mut doc =
            OpenDocument::create_from_template(&dir.path().join("Bank.baton"), "bank_lost_card")
                .unwrap();
        let source = doc.workspace_view().unwrap().journeys[0].clone();
        let outcome = duplicate_as_future(&mut doc, &source.id).unwrap();
        assert!(outcome.can_undo);

        let journeys = doc.workspace_view().unwrap().journeys;
        assert_eq!(journeys.len(), 2);
        let copy = journeys.iter().find(|j| j.id != source.id).unwrap();
        assert_eq!(copy.state, JourneyState::Future);
        assert_eq!(copy.origin_id.as_deref(), Some(source.id.as_str()));
        assert_eq!(copy.name, format!("{} (future)", source.name));
        assert!(
            outcome
                .touched
                .iter()
                .any(|t| t.kind == baton_core::EntityKind::Journey && t.id == copy.id),
            "the UI selects the copy from the touched rows"
        );
        let original = doc.journey_view(&source.id, false).unwrap().model;
        let future = doc.journey_view(&copy.id, false).unwrap().model;
        assert_eq!(future.stages.len(), original.stages.len());
        assert_eq!(future.steps.len(), original.steps.len());
        assert_eq!(future.handoffs.len(), original.handoffs.len());
        assert!(future
            .steps
            .iter()
            .all(|s| original.steps.iter().all(|o| o.id != s.id)));

        doc.undo().unwrap();
        assert_eq!(doc.workspace_view().unwrap().journeys.len(), 1);
    }

    #[test]
    fn an_unknown_journey_is_a_typed_not_found_and_changes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let mut doc = OpenDocument::create(&dir.path().join("a.baton"), "A").unwrap();
        let revision = doc.revision();
        let e = duplicate_as_future(&mut doc, "nope").unwrap_err();
        assert_eq!(
            e.kind,
            baton_session::error::AppErrorKind::Store(baton_store::ErrorKind::NotFound)
        );
        assert_eq!(doc.revision(), revision);
    }
}
