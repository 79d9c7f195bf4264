//! The Tauri commands, one file per area. Each finds what it needs in the app state, calls one
//! function off the UI thread and returns plain data or an `AppError`.

pub mod bpmn;
pub mod cards;
pub mod compare;
pub mod edits;
pub mod export;
pub mod files;
pub mod insights;
pub mod journeys;
pub mod metrics;
pub mod plan;
pub mod protection;
pub mod snapshots;
pub mod survey;
pub mod views;

use crate::state::{lock, AppState};
use baton_session::documents::OpenDocument;
use baton_session::error::{AppError, AppResult};

/// Runs `work` on the blocking pool: SQLite and dialogs must never stall the UI thread.
pub(crate) async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> AppResult<T> + Send + 'static,
) -> AppResult<T> {
    tauri::async_runtime::spawn_blocking(work)
        .await
        .map_err(|e| AppError::internal(format!("A background task failed: {e}")))?
}

/// Runs `work` on the open document `doc`, on the blocking pool.
pub(crate) async fn with_document<T: Send + 'static>(
    state: &AppState,
    doc: &str,
    work: impl FnOnce(&mut OpenDocument) -> AppResult<T> + Send + 'static,
) -> AppResult<T> {
    let shared = state.document(doc)?;
    blocking(move || {
        let mut document = lock(&shared)?;
        work(&mut document)
    })
    .await
}
