//! The previews waiting for the user's choice (commit or cancel), kept under their tokens: the
//! survey imports' and the BPMN imports', each in their own list.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard};

use baton_core::Id;
use baton_interop::bpmn::BpmnPlan;
use baton_interop::survey::ImportPlan;

use super::SurveyReading;
use crate::error::{AppError, AppResult};

/// A previewed survey import waiting for the user's choice. The file's bytes are kept so the
/// mapping step can read them again, and a commit after the document changed re-plans against
/// the document as it then is.
#[derive(Debug, Clone)]
pub struct PendingImport {
    pub(super) doc: String,
    pub(super) journey_id: Id,
    pub(super) file_name: String,
    pub(super) bytes: Arc<Vec<u8>>,
    /// How the file is read (mapping and sheet) for `plan`.
    pub(super) reading: SurveyReading,
    /// `None` while the reading cannot read the file (a column it names is missing).
    pub(super) plan: Option<ImportPlan>,
    pub(super) revision: u32,
}

/// A previewed BPMN import waiting for the user's choice (the customer lane, then import).
#[derive(Debug, Clone)]
pub struct PendingBpmn {
    pub(super) doc: String,
    pub(super) file_name: String,
    pub(super) bytes: Arc<Vec<u8>>,
    pub(super) plan: BpmnPlan,
}

/// What a waiting preview belongs to.
pub trait OfDocument {
    fn doc(&self) -> &str;
}

impl OfDocument for PendingImport {
    fn doc(&self) -> &str {
        &self.doc
    }
}

impl OfDocument for PendingBpmn {
    fn doc(&self) -> &str {
        &self.doc
    }
}

/// The previews waiting for a commit or a cancel, by token. One per open file: a new preview
/// replaces the file's older one, so abandoned previews never pile up.
#[derive(Clone)]
pub struct Pending<T> {
    by_token: Arc<Mutex<HashMap<String, T>>>,
}

impl<T> Default for Pending<T> {
    fn default() -> Self {
        Self {
            by_token: Arc::default(),
        }
    }
}

/// The survey import previews (managed by the app as one state).
pub type PendingImports = Pending<PendingImport>;
/// The BPMN import previews.
pub type PendingBpmnImports = Pending<PendingBpmn>;

impl<T: OfDocument> Pending<T> {
    fn map(&self) -> AppResult<MutexGuard<'_, HashMap<String, T>>> {
        self.by_token
            .lock()
            .map_err(|_| AppError::internal("The pending imports are unusable after a crash"))
    }

    pub(super) fn insert(&self, token: String, pending: T) -> AppResult<()> {
        let mut map = self.map()?;
        map.retain(|_, p| p.doc() != pending.doc());
        map.insert(token, pending);
        Ok(())
    }

    /// Takes the preview `token` of `doc` out of the list; a token of another file is unknown.
    pub(super) fn take(&self, doc: &str, token: &str) -> AppResult<T> {
        let mut map = self.map()?;
        match map.get(token) {
            Some(p) if p.doc() == doc => map
                .remove(token)
                .ok_or_else(|| AppError::not_found(format!("Import {token}"))),
            _ => Err(AppError::not_found(format!(
                "The import preview {token} (it was committed, cancelled or replaced)"
            ))),
        }
    }

    /// Puts back a preview taken with `take` (a commit refused, a new reading of the same file),
    /// without forgetting the file's others: there are none, `take` removed the only one.
    pub(super) fn put_back(&self, token: String, pending: T) -> AppResult<()> {
        self.map()?.insert(token, pending);
        Ok(())
    }

    /// Forgets the preview `token`; forgetting an unknown one is not an error.
    pub fn cancel(&self, doc: &str, token: &str) -> AppResult<()> {
        let mut map = self.map()?;
        if map.get(token).is_some_and(|p| p.doc() == doc) {
            map.remove(token);
        }
        Ok(())
    }

    /// Forgets every preview of `doc` (the file is being closed).
    pub fn forget_doc(&self, doc: &str) -> AppResult<()> {
        self.map()?.retain(|_, p| p.doc() != doc);
        Ok(())
    }

    pub fn len(&self) -> AppResult<usize> {
        Ok(self.map()?.len())
    }

    pub fn is_empty(&self) -> AppResult<bool> {
        Ok(self.len()? == 0)
    }
}
