//! The previews waiting for the user's choice (commit or cancel), kept under their tokens.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard};

use baton_core::Id;
use baton_interop::survey::ImportPlan;

use crate::error::{AppError, AppResult};

/// A previewed import waiting for the user's choice. The file's bytes are kept so a commit
/// after the document changed re-plans against the document as it then is.
#[derive(Debug, Clone)]
pub(super) struct PendingImport {
    pub doc: String,
    pub journey_id: Id,
    pub bytes: Arc<Vec<u8>>,
    pub plan: ImportPlan,
    pub revision: u32,
}

/// The previews waiting for a commit or a cancel, by token. One per open file: a new preview
/// replaces the file's older one, so abandoned previews never pile up.
#[derive(Clone, Default)]
pub struct PendingImports {
    by_token: Arc<Mutex<HashMap<String, PendingImport>>>,
}

impl PendingImports {
    fn map(&self) -> AppResult<MutexGuard<'_, HashMap<String, PendingImport>>> {
        self.by_token
            .lock()
            .map_err(|_| AppError::internal("The pending imports are unusable after a crash"))
    }

    pub(super) fn insert(&self, token: String, pending: PendingImport) -> AppResult<()> {
        let mut map = self.map()?;
        map.retain(|_, p| p.doc != pending.doc);
        map.insert(token, pending);
        Ok(())
    }

    /// Takes the preview `token` of `doc` out of the list; a token of another file is unknown.
    pub(super) fn take(&self, doc: &str, token: &str) -> AppResult<PendingImport> {
        let mut map = self.map()?;
        match map.get(token) {
            Some(p) if p.doc == doc => map
                .remove(token)
                .ok_or_else(|| AppError::not_found(format!("Import {token}"))),
            _ => Err(AppError::not_found(format!(
                "The import preview {token} (it was committed, cancelled or replaced)"
            ))),
        }
    }

    /// Forgets the preview `token`; forgetting an unknown one is not an error.
    pub fn cancel(&self, doc: &str, token: &str) -> AppResult<()> {
        let mut map = self.map()?;
        if map.get(token).is_some_and(|p| p.doc == doc) {
            map.remove(token);
        }
        Ok(())
    }

    /// Forgets every preview of `doc` (the file is being closed).
    pub fn forget_doc(&self, doc: &str) -> AppResult<()> {
        self.map()?.retain(|_, p| p.doc != doc);
        Ok(())
    }

    pub fn len(&self) -> AppResult<usize> {
        Ok(self.map()?.len())
    }

    pub fn is_empty(&self) -> AppResult<bool> {
        Ok(self.len()? == 0)
    }
}
