//! The app's state: the open documents, keyed by a doc id the UI holds, and where the app keeps
//! its preferences and demo files.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use crate::recent::RecentList;
use baton_session::documents::OpenDocument;
use baton_session::error::{AppError, AppResult};
use baton_session::insights_patch::InsightsCache;
use baton_session::views::OpenedFile;

/// One open file, and the last insights sent for it. The insights have their own lock, and
/// their own reference count: they are computed on a copy of the file and compared with the
/// last ones sent while edits go on, and a file closed meanwhile is closed at once.
pub struct DocumentSlot {
    document: Mutex<OpenDocument>,
    insights: SharedInsights,
}

pub type SharedInsights = Arc<Mutex<InsightsCache>>;

pub type SharedDocument = Arc<DocumentSlot>;

#[derive(Clone)]
pub struct AppState {
    docs: Arc<Mutex<HashMap<String, SharedDocument>>>,
    recent: Arc<Mutex<RecentList>>,
    data_dir: PathBuf,
}

impl AppState {
    pub fn new(config_dir: &Path, data_dir: &Path) -> Self {
        Self {
            docs: Arc::default(),
            recent: Arc::new(Mutex::new(RecentList::new(config_dir))),
            data_dir: data_dir.to_path_buf(),
        }
    }

    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    fn docs(&self) -> AppResult<std::sync::MutexGuard<'_, HashMap<String, SharedDocument>>> {
        self.docs
            .lock()
            .map_err(|_| AppError::internal("The list of open files is unusable after a crash"))
    }

    /// The open document `doc`, or a typed not-found error.
    pub fn document(&self, doc: &str) -> AppResult<SharedDocument> {
        self.docs()?
            .get(doc)
            .cloned()
            .ok_or_else(|| AppError::not_found(format!("Open file {doc}")))
    }

    /// The doc id of the file at `path` if it is open already: opening it twice would make the
    /// app lock itself out.
    pub fn find_open(&self, path: &Path) -> AppResult<Option<OpenedFile>> {
        let docs = self.docs()?;
        for (id, shared) in docs.iter() {
            let doc = lock(shared)?;
            if same_file(doc.path(), path) {
                return Ok(Some(opened(id, &doc)));
            }
        }
        Ok(None)
    }

    /// Keeps `document` open under a fresh id and puts it on the recent list.
    pub fn insert(&self, document: OpenDocument) -> AppResult<OpenedFile> {
        let id = baton_core::new_id();
        let file = opened(&id, &document);
        self.with_recent(|r| r.record(document.path(), &file.name, file.encrypted))?;
        let slot = DocumentSlot {
            document: Mutex::new(document),
            insights: SharedInsights::default(),
        };
        self.docs()?.insert(id, Arc::new(slot));
        Ok(file)
    }

    /// What `doc` now is (after save-as moved it), recorded on the recent list.
    pub fn describe(&self, doc: &str, document: &OpenDocument) -> AppResult<OpenedFile> {
        let file = opened(doc, document);
        self.with_recent(|r| r.record(document.path(), &file.name, file.encrypted))?;
        Ok(file)
    }

    /// Closes `doc`; closing a file twice is not an error.
    /// Closing releases the file's lock; if a task still holds the document, the lock goes
    /// when that task ends.
    pub fn remove(&self, doc: &str) -> AppResult<()> {
        let Some(shared) = self.docs()?.remove(doc) else {
            return Ok(());
        };
        match Arc::try_unwrap(shared) {
            Ok(slot) => slot
                .document
                .into_inner()
                .map_err(|_| AppError::internal("This file is unusable after a crash"))?
                .close(),
            Err(_) => Ok(()),
        }
    }

    pub fn with_recent<T>(&self, f: impl FnOnce(&RecentList) -> AppResult<T>) -> AppResult<T> {
        let recent = self
            .recent
            .lock()
            .map_err(|_| AppError::internal("The recent list is unusable after a crash"))?;
        f(&recent)
    }
}

pub fn lock(shared: &SharedDocument) -> AppResult<std::sync::MutexGuard<'_, OpenDocument>> {
    shared
        .document
        .lock()
        .map_err(|_| AppError::internal("This file is unusable after a crash; reopen it"))
}

/// The last insights sent for the file.
pub fn insights_of(shared: &SharedDocument) -> SharedInsights {
    Arc::clone(&shared.insights)
}

/// A panic while insights were compared leaves nothing worth keeping: the cache starts again
/// empty and the next answer is sent whole.
pub fn lock_insights(insights: &SharedInsights) -> std::sync::MutexGuard<'_, InsightsCache> {
    match insights.lock() {
        Ok(cache) => cache,
        Err(poisoned) => {
            insights.clear_poison();
            let mut cache = poisoned.into_inner();
            *cache = InsightsCache::default();
            cache
        }
    }
}

fn opened(id: &str, doc: &OpenDocument) -> OpenedFile {
    OpenedFile {
        doc: id.to_owned(),
        path: doc.path().display().to_string(),
        name: doc.name(),
        encrypted: doc.is_encrypted(),
    }
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// App state keeping its files in a temp dir (gone with it), and where a file `a` goes.
    fn app_state() -> (tempfile::TempDir, AppState, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let state = AppState::new(&dir.path().join("config"), &dir.path().join("data"));
        let path = dir.path().join("a.baton");
        (dir, state, path)
    }

    #[test]
    fn opening_an_open_file_again_gives_its_doc_id() {
        let (_dir, state, path) = app_state();
        let first = state
            .insert(OpenDocument::create(&path, "").unwrap())
            .unwrap();
        let again = state.find_open(&path).unwrap().unwrap();
        assert_eq!(again.doc, first.doc);
        state
            .with_recent(|r| {
                assert_eq!(r.list()[0].name, "a");
                Ok(())
            })
            .unwrap();
    }

    #[test]
    fn closing_releases_the_file() {
        let (_dir, state, path) = app_state();
        let opened = state
            .insert(OpenDocument::create(&path, "").unwrap())
            .unwrap();
        assert!(
            OpenDocument::open(&path).is_err(),
            "open twice in one process"
        );
        state.remove(&opened.doc).unwrap();
        assert!(state.document(&opened.doc).is_err());
        OpenDocument::open(&path).unwrap();
    }

    #[test]
    fn insights_still_being_computed_do_not_keep_a_closed_file_locked() {
        let (_dir, state, path) = app_state();
        let opened = state
            .insert(OpenDocument::create(&path, "").unwrap())
            .unwrap();
        // What the insights command keeps while it analyses a copy of the file.
        let sent = insights_of(&state.document(&opened.doc).unwrap());
        state.remove(&opened.doc).unwrap();
        OpenDocument::open(&path).unwrap();
        drop(lock_insights(&sent));
    }
}
