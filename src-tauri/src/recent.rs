//! The recent-files list: an app preference (not client data), kept as JSON in the app's config
//! directory. It is also the allow-list for `open_recent`: a path the UI sends is accepted only
//! if it is on this list, so JavaScript can never name an arbitrary file.

use std::fs;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use specta::Type;

use baton_session::error::{AppError, AppResult};

/// How many files the list remembers.
const KEEP: usize = 12;

/// One entry as stored on disk.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct StoredEntry {
    path: PathBuf,
    name: String,
    last_opened: DateTime<Utc>,
    /// Whether the file asks for a passphrase (lists written before encryption say nothing).
    #[serde(default)]
    encrypted: bool,
}

/// One entry as the start screen shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct RecentFile {
    pub path: String,
    pub name: String,
    pub last_opened: DateTime<Utc>,
    /// False when the file has been moved or deleted since.
    pub exists: bool,
    /// The file is protected by a passphrase (a lock is shown; the passphrase is never kept).
    pub encrypted: bool,
}

pub struct RecentList {
    file: PathBuf,
}

impl RecentList {
    pub fn new(config_dir: &Path) -> Self {
        Self {
            file: config_dir.join("recent.json"),
        }
    }

    /// The list, most recent first. A missing or unreadable list is an empty one: losing the
    /// recent list must never stop the app from starting.
    fn load(&self) -> Vec<StoredEntry> {
        fs::read(&self.file)
            .ok()
            .and_then(|bytes| serde_json::from_slice(&bytes).ok())
            .unwrap_or_default()
    }

    fn save(&self, entries: &[StoredEntry]) -> AppResult<()> {
        if let Some(dir) = self.file.parent() {
            fs::create_dir_all(dir).map_err(|e| AppError::io("create", dir, &e))?;
        }
        let json = serde_json::to_vec_pretty(entries)
            .map_err(|e| AppError::internal(format!("Could not encode the recent list: {e}")))?;
        // Written aside then renamed, so a crash never leaves half a list.
        let tmp = self.file.with_extension("json.tmp");
        fs::write(&tmp, json).map_err(|e| AppError::io("write", &tmp, &e))?;
        fs::rename(&tmp, &self.file).map_err(|e| AppError::io("write", &self.file, &e))
    }

    pub fn list(&self) -> Vec<RecentFile> {
        self.load()
            .into_iter()
            .map(|e| RecentFile {
                exists: e.path.is_file(),
                path: e.path.display().to_string(),
                name: e.name,
                last_opened: e.last_opened,
                encrypted: e.encrypted,
            })
            .collect()
    }

    /// Puts `path` at the top of the list (once), saying whether it is `encrypted`.
    pub fn record(&self, path: &Path, name: &str, encrypted: bool) -> AppResult<()> {
        let mut entries = self.load();
        entries.retain(|e| e.path != path);
        entries.insert(
            0,
            StoredEntry {
                path: path.to_path_buf(),
                name: name.to_owned(),
                last_opened: Utc::now(),
                encrypted,
            },
        );
        entries.truncate(KEEP);
        self.save(&entries)
    }

    /// The stored path equal to `path`, if the list has it.
    pub fn find(&self, path: &str) -> Option<PathBuf> {
        self.load()
            .into_iter()
            .map(|e| e.path)
            .find(|p| p.as_os_str() == path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_most_recent_first_without_duplicates() {
        let dir = tempfile::tempdir().unwrap();
        let list = RecentList::new(dir.path());
        let a = dir.path().join("a.baton");
        let b = dir.path().join("b.baton");
        fs::write(&a, b"x").unwrap();
        list.record(&a, "a", false).unwrap();
        list.record(&b, "b", false).unwrap();
        list.record(&a, "a", false).unwrap();
        let entries = list.list();
        let names: Vec<_> = entries.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["a", "b"]);
        assert!(entries[0].exists);
        assert!(!entries[1].exists, "b.baton was never written");
    }

    #[test]
    fn keeps_at_most_twelve() {
        let dir = tempfile::tempdir().unwrap();
        let list = RecentList::new(dir.path());
        for i in 0..20 {
            list.record(
                &dir.path().join(format!("{i}.baton")),
                &i.to_string(),
                false,
            )
            .unwrap();
        }
        let entries = list.list();
        assert_eq!(entries.len(), KEEP);
        assert_eq!(entries[0].name, "19");
    }

    #[test]
    fn only_listed_paths_are_found() {
        let dir = tempfile::tempdir().unwrap();
        let list = RecentList::new(dir.path());
        let a = dir.path().join("a.baton");
        list.record(&a, "a", false).unwrap();
        assert_eq!(list.find(&a.display().to_string()), Some(a));
        assert_eq!(list.find("/etc/passwd"), None);
    }

    #[test]
    fn remembers_which_files_are_encrypted_and_reads_old_lists() {
        let dir = tempfile::tempdir().unwrap();
        // A list written before encryption existed has no `encrypted` field.
        fs::write(
            dir.path().join("recent.json"),
            br#"[{"path":"/x/old.baton","name":"old","last_opened":"2026-01-02T10:00:00Z"}]"#,
        )
        .unwrap();
        let list = RecentList::new(dir.path());
        assert!(!list.list()[0].encrypted);
        list.record(&dir.path().join("a.baton"), "a", true).unwrap();
        let entries = list.list();
        assert_eq!(entries[0].name, "a");
        assert!(entries[0].encrypted);
        assert!(!entries[1].encrypted);
    }

    #[test]
    fn a_damaged_list_reads_as_empty() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("recent.json"), b"{not json").unwrap();
        let list = RecentList::new(dir.path());
        assert!(list.list().is_empty());
        list.record(&dir.path().join("a.baton"), "a", false)
            .unwrap();
        assert_eq!(list.list().len(), 1);
    }
}
