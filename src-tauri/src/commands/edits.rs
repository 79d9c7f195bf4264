//! Changing a file: one `Edit` per user action, undo and redo, and fresh ids. Each change is
//! one call, answered with what the screen shows after it (`baton_session::edit_answer`).

use baton_core::Edit;
use baton_session::edit_answer::{Change, EditAnswer, OnScreen};
use baton_session::error::{AppError, AppResult, ShellErrorKind};
use tauri::State;

use super::with_document;
use crate::state::AppState;

/// The most ids one call hands out (a paste of a large selection stays well below it).
const MAX_IDS: u32 = 10_000;

#[tauri::command]
#[specta::specta]
pub async fn edit(
    state: State<'_, AppState>,
    doc: String,
    edit: Edit,
    screen: Option<OnScreen>,
) -> AppResult<EditAnswer> {
    change(&state, &doc, Change::Edit(edit), screen).await
}

#[tauri::command]
#[specta::specta]
pub async fn undo(
    state: State<'_, AppState>,
    doc: String,
    screen: Option<OnScreen>,
) -> AppResult<EditAnswer> {
    change(&state, &doc, Change::Undo, screen).await
}

#[tauri::command]
#[specta::specta]
pub async fn redo(
    state: State<'_, AppState>,
    doc: String,
    screen: Option<OnScreen>,
) -> AppResult<EditAnswer> {
    change(&state, &doc, Change::Redo, screen).await
}

/// One blocking task, one lock: the change and the view the screen shows after it.
async fn change(
    state: &AppState,
    doc: &str,
    change: Change,
    screen: Option<OnScreen>,
) -> AppResult<EditAnswer> {
    with_document(state, doc, move |d| d.change(change, screen.as_ref())).await
}

/// Fresh UUID v7 ids for entities the UI is about to create: ids are made in Rust only.
#[tauri::command]
#[specta::specta]
pub fn new_ids(count: u32) -> AppResult<Vec<String>> {
    make_ids(count)
}

fn make_ids(count: u32) -> AppResult<Vec<String>> {
    if count > MAX_IDS {
        let mut e = AppError::new(
            ShellErrorKind::InvalidRequest,
            format!("At most {MAX_IDS} ids at a time, not {count}"),
        );
        e.field = Some("count".into());
        return Err(e);
    }
    Ok((0..count).map(|_| baton_core::new_id()).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_distinct_time_ordered_uuid_v7() {
        let ids = make_ids(50).unwrap();
        assert_eq!(ids.len(), 50);
        for id in &ids {
            let uuid = uuid::Uuid::parse_str(id).unwrap();
            assert_eq!(uuid.get_version_num(), 7);
        }
        let mut sorted = ids.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted.len(), 50, "ids repeat");
    }

    #[test]
    fn too_many_ids_is_a_typed_error() {
        let e = make_ids(MAX_IDS + 1).unwrap_err();
        assert_eq!(e.kind, ShellErrorKind::InvalidRequest.into());
        assert_eq!(e.field.as_deref(), Some("count"));
    }
}
