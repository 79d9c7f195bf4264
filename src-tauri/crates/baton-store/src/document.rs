//! An open client file: the whole workspace in memory, the SQLite connection holding the file's
//! lock, and the history. Every change is one transaction that writes the rows it touched and
//! one history entry; memory and file never disagree after a call returns.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use baton_core::{Edit, EntityKind, EntityRef, Id, Workspace};
use chrono::Utc;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::encryption::{self, Passphrase};
use crate::error::StoreError;
use crate::file_check;
use crate::file_identity::FileIdentity;
use crate::history::{self, HistoryState};
use crate::lock::FileLock;
use crate::new_document::NewDocument;
use crate::registry::Registration;
use crate::rows::{self, RowError};
use crate::schema::{self, APPLICATION_ID, SCHEMA_VERSION};
use crate::temp_files::{self, TempFile};
use crate::writing;

mod bulk_responses;
mod protection;
pub use bulk_responses::ResponseSource;

/// What an apply, undo or redo produced, for the UI.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct EditOutcome {
    /// Bumped by every change of the file's content (apply, undo, redo).
    pub revision: u32,
    pub can_undo: bool,
    pub can_redo: bool,
    /// The rows the change wrote or deleted.
    pub touched: Vec<EntityRef>,
    /// The change in the history's words ("create step", a batch's own label): of the edit
    /// applied, or of the one undone or redone (the screen says what it undid).
    pub label: String,
}

/// How a change enters the history.
enum Record<'a> {
    /// A new edit: appended after the cursor (dropping the redo tail).
    Append { edit: &'a Edit, edit_json: String },
    /// An undo or redo: only the cursor moves.
    MoveCursor { cursor: u32 },
}

pub struct Document {
    // Field order matters: the connection closes first, then the file lock is released, then
    // the in-process registration.
    conn: Connection,
    lock: FileLock,
    registration: Registration,
    path: PathBuf,
    /// The file opened (device and inode), to notice another file moved onto `path`.
    identity: FileIdentity,
    workspace: Workspace,
    history: HistoryState,
    /// An encrypted file's passphrase (zeroed when the document is dropped); `None` for a plain
    /// file.
    passphrase: Option<Passphrase>,
}

impl std::fmt::Debug for Document {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Document")
            .field("path", &self.path)
            .field("history", &self.history)
            .finish_non_exhaustive()
    }
}

impl Document {
    /// Creates a new client file at `path` holding a fresh workspace named `name`. Refuses a
    /// path that exists. The file is built beside `path` and moved there once complete.
    pub fn create(path: impl AsRef<Path>, name: &str) -> Result<Self, StoreError> {
        let path = path.as_ref();
        refuse_existing(path)?;
        NewDocument::create(path, name)?.place(false)
    }

    /// [`Document::create`], the file encrypted with `passphrase` from its first byte.
    pub fn create_encrypted(
        path: impl AsRef<Path>,
        name: &str,
        passphrase: Passphrase,
    ) -> Result<Self, StoreError> {
        let path = path.as_ref();
        refuse_existing(path)?;
        NewDocument::create_encrypted(path, name, passphrase)?.place(false)
    }

    /// A document on a file just built (see [`NewDocument`]).
    pub(crate) fn from_parts(
        conn: Connection,
        lock: FileLock,
        registration: Registration,
        path: PathBuf,
        identity: FileIdentity,
        workspace: Workspace,
        history: HistoryState,
    ) -> Self {
        Document {
            conn,
            lock,
            registration,
            path,
            identity,
            workspace,
            history,
            passphrase: None,
        }
    }

    /// Moves the document's file (a new one, in a temp file) to `target`: see
    /// [`NewDocument::place`]. The lock moves with the file: it is held on the file itself.
    pub(crate) fn relocate(&mut self, target: &Path, replace: bool) -> Result<(), StoreError> {
        self.check_not_replaced()?;
        if replace {
            refuse_if_open(target)?;
        }
        // SQLite names the journal after the path it opened: the connection on the temp path
        // closes before the move, and a new one opens at the target.
        let placeholder = Connection::open_in_memory().map_err(|error| self.db_error(error))?;
        std::mem::replace(&mut self.conn, placeholder)
            .close()
            .map_err(|(_, error)| self.db_error(error))?;
        let _ = std::fs::remove_file(file_check::journal_path(&self.path));
        temp_files::move_into_place(&self.path, target, replace)?;
        self.registration = Registration::claim(target)?;
        self.path = target.to_owned();
        self.conn = schema::open_keyed(target, self.passphrase.as_ref())?;
        schema::configure_and_lock(&self.conn, target)?;
        Ok(())
    }

    /// Opens an existing client file for writing. The file is refused, untouched, when it is not
    /// a Baton file, is damaged or truncated, comes from a newer Baton, is read-only, or is open
    /// in another Baton. A file from an older Baton is backed up, then upgraded.
    /// An encrypted file is refused with `PassphraseRequired`: see
    /// [`Document::open_with_passphrase`].
    pub fn open(path: impl AsRef<Path>) -> Result<Self, StoreError> {
        Self::open_keyed(path.as_ref(), None)
    }

    /// Opens a client file protected by `passphrase` (`WrongPassphrase`, nothing written, when
    /// it does not open it). A plain file opens as it is, and stays plain.
    pub fn open_with_passphrase(
        path: impl AsRef<Path>,
        passphrase: Passphrase,
    ) -> Result<Self, StoreError> {
        Self::open_keyed(path.as_ref(), Some(passphrase))
    }

    fn open_keyed(path: &Path, passphrase: Option<Passphrase>) -> Result<Self, StoreError> {
        file_check::check_parent_exists(path)?;
        // Claimed before the header is read: see `registry`.
        let registration = Registration::claim(path)?;
        let lock = FileLock::acquire(path)?;
        temp_files::remove_stale(path);
        let passphrase = match passphrase {
            None => {
                file_check::inspect(path)?;
                None
            }
            Some(passphrase) => match file_check::inspect_with_passphrase(path)? {
                file_check::Inspected::Plain(_) => None,
                file_check::Inspected::Encrypted => Some(passphrase),
            },
        };
        let read_only = std::fs::metadata(path)
            .map_err(|error| StoreError::io(path, error))?
            .permissions()
            .readonly();
        if read_only {
            return Err(StoreError::ReadOnly {
                path: path.to_owned(),
            });
        }
        let conn = schema::open_keyed(path, passphrase.as_ref())?;
        schema::configure_and_lock(&conn, path)
            .and_then(|()| schema::application_id(&conn, path).map(|_| ()))
            .map_err(|error| match passphrase {
                Some(_) => encryption::wrong_key_is_wrong_passphrase(error, path),
                None => error,
            })?;
        let identity = lock
            .identity()
            .map_err(|error| StoreError::io(path, error))?;
        check_identity(path, identity)?;
        // The header was checked before; check again now that the lock is held and any
        // interrupted commit has been rolled back.
        if schema::application_id(&conn, path)? != APPLICATION_ID {
            return Err(StoreError::NotBaton {
                path: path.to_owned(),
            });
        }
        let version = schema::schema_version(&conn, path)?;
        if version > SCHEMA_VERSION {
            return Err(StoreError::NewerVersion {
                path: path.to_owned(),
                found: version,
                supported: SCHEMA_VERSION,
            });
        }
        // Before any backup or migration: a planted trigger would run inside them.
        schema::verify_objects(&conn, path, version)?;
        if version < SCHEMA_VERSION {
            schema::backup_before_upgrade(&conn, path, version, passphrase.as_ref())?;
            schema::migrate(&conn, path, version, SCHEMA_VERSION)?;
        }
        let workspace = load(&conn, path)?;
        let history = history::read_state(&conn)
            .map_err(|error| schema::classify_open_error(path, error))?
            .map_err(|detail| StoreError::Damaged {
                path: path.to_owned(),
                detail,
            })?;
        Ok(Document {
            conn,
            lock,
            registration,
            path: path.to_owned(),
            identity,
            workspace,
            history,
            passphrase,
        })
    }

    /// Closes the file, reporting a failure to close (dropping the document closes it too).
    pub fn close(self) -> Result<(), StoreError> {
        let Document {
            conn,
            lock,
            registration,
            path,
            ..
        } = self;
        let result = conn
            .close()
            .map_err(|(_, error)| StoreError::database(&path, error));
        // With the file held exclusively, SQLite empties its journal after a commit or a
        // playback rather than deleting it; an emptied one is removed while the lock is held.
        if result.is_ok() && !file_check::has_hot_journal(&path) {
            let _ = std::fs::remove_file(file_check::journal_path(&path));
        }
        drop(lock);
        drop(registration);
        result
    }

    /// The connection, for the store's test helpers.
    pub(crate) fn connection(&self) -> &Connection {
        &self.conn
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn workspace(&self) -> &Workspace {
        &self.workspace
    }

    pub fn revision(&self) -> u32 {
        self.history.revision
    }

    pub fn can_undo(&self) -> bool {
        self.history.cursor > 0
    }

    pub fn can_redo(&self) -> bool {
        self.history.cursor < self.history.len
    }

    /// Applies one edit: validated by the core, written with its history entry in one
    /// transaction. On a validation error nothing changes.
    pub fn apply(&mut self, edit: Edit) -> Result<EditOutcome, StoreError> {
        let edit_json = rows::json_text(&edit).map_err(|error| self.db_error(error))?;
        let label = history::label_of(&edit, &edit_json);
        let touched = self.commit_change(
            &edit,
            Record::Append {
                edit: &edit,
                edit_json,
            },
        )?;
        Ok(self.outcome(touched, label))
    }

    /// Reverts the last applied edit by applying its stored inverse.
    pub fn undo(&mut self) -> Result<EditOutcome, StoreError> {
        let seq = self.history.cursor;
        if seq == 0 {
            return Err(StoreError::NothingToUndo);
        }
        let (inverse, label) = self.stored_edit(seq, true)?;
        let touched = self.commit_change(&inverse, Record::MoveCursor { cursor: seq - 1 })?;
        Ok(self.outcome(touched, label))
    }

    /// Re-applies the first undone edit.
    pub fn redo(&mut self) -> Result<EditOutcome, StoreError> {
        let seq = self.history.cursor + 1;
        if seq > self.history.len {
            return Err(StoreError::NothingToRedo);
        }
        let (edit, label) = self.stored_edit(seq, false)?;
        let touched = self.commit_change(&edit, Record::MoveCursor { cursor: seq })?;
        Ok(self.outcome(touched, label))
    }

    /// The history, oldest first.
    pub fn history(&self) -> Result<Vec<history::HistoryEntry>, StoreError> {
        let raw = history::entries(&self.conn, self.history.cursor)
            .map_err(|error| self.db_error(error))?;
        raw.into_iter()
            .map(|(seq, at, label, undone)| {
                let at = chrono::DateTime::parse_from_rfc3339(&at)
                    .map_err(|error| self.history_damaged(seq, format!("time {at:?}: {error}")))?
                    .with_timezone(&Utc);
                Ok(history::HistoryEntry {
                    seq,
                    at,
                    label,
                    undone,
                })
            })
            .collect()
    }

    /// Copies the file to `path` through SQLite's backup API (atomically replacing a file there,
    /// unless another Baton holds it); the document then continues at `path`, and the lock moves
    /// with it.
    pub fn save_as(&mut self, path: impl AsRef<Path>) -> Result<(), StoreError> {
        let target = path.as_ref();
        file_check::check_parent_exists(target)?;
        if same_file(&self.path, target) {
            return Ok(());
        }
        self.check_not_replaced()?;
        refuse_if_open(target)?;
        let temporary = TempFile::create(target)?;
        self.copy_to(temporary.path())?;
        let lock = temporary.place_keeping_lock(target, true)?;
        let registration = Registration::claim(target)?;
        let conn = schema::open_keyed(target, self.passphrase.as_ref())?;
        schema::configure_and_lock(&conn, target)?;
        // The old connection closes, then the old lock goes, as they are replaced.
        self.conn = conn;
        self.lock = lock;
        self.registration = registration;
        self.path = target.to_owned();
        self.identity = self
            .lock
            .identity()
            .map_err(|error| StoreError::io(target, error))?;
        Ok(())
    }

    /// A consistent copy of the file at `destination` (which must not be open anywhere); an
    /// encrypted file's copy is encrypted with the same passphrase.
    fn copy_to(&self, destination: &Path) -> Result<(), StoreError> {
        if let Some(passphrase) = &self.passphrase {
            return encryption::export_to(&self.conn, destination, Some(passphrase));
        }
        let db_error = |error| StoreError::database(destination, error);
        let mut copy = Connection::open(destination).map_err(db_error)?;
        copy.pragma_update(None, "synchronous", "FULL")
            .map_err(db_error)?;
        {
            let backup = rusqlite::backup::Backup::new(&self.conn, &mut copy).map_err(db_error)?;
            backup
                .run_to_completion(256, std::time::Duration::ZERO, None)
                .map_err(db_error)?;
        }
        copy.close().map_err(|(_, error)| db_error(error))
    }

    /// `PRAGMA integrity_check`: the problems found, none when the file is sound.
    pub fn integrity_problems(&self) -> Result<Vec<String>, StoreError> {
        let mut statement = self
            .conn
            .prepare("PRAGMA integrity_check")
            .map_err(|error| self.db_error(error))?;
        let lines = statement
            .query_map([], |row| row.get::<_, String>(0))
            .and_then(|rows| rows.collect::<Result<Vec<_>, _>>())
            .map_err(|error| self.db_error(error))?;
        Ok(lines.into_iter().filter(|line| line != "ok").collect())
    }

    /// Every history entry whole, oldest first, and the cursor (for the JSON export).
    pub(crate) fn stored_history(&self) -> Result<(Vec<history::StoredEntry>, u32), StoreError> {
        let raw = history::raw_entries(&self.conn).map_err(|error| self.db_error(error))?;
        let entries = raw
            .into_iter()
            .map(|raw| {
                let seq = raw.seq;
                let parse = |text: &str| {
                    serde_json::from_str::<Edit>(text)
                        .map_err(|error| self.history_damaged(seq, error.to_string()))
                };
                Ok(history::StoredEntry {
                    seq,
                    edit: parse(&raw.edit)?,
                    inverse: parse(&raw.inverse)?,
                    at: raw.at,
                    label: raw.label,
                })
            })
            .collect::<Result<Vec<_>, StoreError>>()?;
        Ok((entries, self.history.cursor))
    }

    /// Applies `edit` in memory and writes it, with its history record, in one transaction.
    /// If any write fails, the transaction is rolled back and memory is put back as it was.
    fn commit_change(
        &mut self,
        edit: &Edit,
        record: Record<'_>,
    ) -> Result<BTreeSet<EntityRef>, StoreError> {
        self.check_not_replaced()?;
        self.conn
            .execute_batch("BEGIN IMMEDIATE")
            .map_err(|error| writing::write_failed(&self.path, error, Ok(())))?;
        // Undo and redo bring back what the file held (an older file's values included).
        let applying = match record {
            Record::Append { .. } => self.workspace.apply(edit),
            Record::MoveCursor { .. } => self.workspace.restore(edit),
        };
        let applied = match applying {
            Ok(applied) => applied,
            Err(error) => {
                let _ = self.conn.execute_batch("ROLLBACK");
                return Err(match record {
                    // A stored edit that no longer applies: the history is not what it was.
                    Record::MoveCursor { cursor } => {
                        // The entry at fault: the undone one (the cursor's) or the redone one.
                        self.history_damaged(cursor.max(self.history.cursor), error.to_string())
                    }
                    Record::Append { .. } => StoreError::Edit(error),
                });
            }
        };
        let mut next = self.history;
        next.revision = next.revision.wrapping_add(1);
        let written = (|| {
            rows::write_touched(&self.conn, &self.workspace, &applied.touched)?;
            match &record {
                Record::Append { edit, edit_json } => {
                    let inverse_json = rows::json_text(&applied.inverse)?;
                    let label = history::label_of(edit, edit_json);
                    let seq = history::append(
                        &self.conn,
                        next.cursor,
                        &Utc::now(),
                        &label,
                        edit_json,
                        &inverse_json,
                    )?;
                    next.cursor = seq;
                    next.len = seq;
                }
                Record::MoveCursor { cursor } => next.cursor = *cursor,
            }
            history::write_state(&self.conn, &next)?;
            self.conn.execute_batch("COMMIT")
        })();
        match written {
            Ok(()) => {
                self.history = next;
                // Committed to the file this document holds; if the path now names another
                // file, say so rather than let the caller believe the path holds the change.
                self.check_not_replaced()?;
                Ok(applied.touched)
            }
            Err(error) => {
                let rolled_back = writing::roll_back(&self.conn, &self.path);
                self.restore_memory(&applied.inverse);
                Err(writing::write_failed(&self.path, error, rolled_back))
            }
        }
    }

    /// Refuses to go on when the path no longer names the file this document opened.
    fn check_not_replaced(&self) -> Result<(), StoreError> {
        check_identity(&self.path, self.identity)
    }

    /// After a failed write: undo the in-memory change so memory matches the file again. Should
    /// the inverse not apply, the file (rolled back, so still right) is read again.
    fn restore_memory(&mut self, inverse: &Edit) {
        if self.workspace.restore(inverse).is_err() {
            if let Ok(workspace) = load(&self.conn, &self.path) {
                self.workspace = workspace;
            }
        }
    }

    /// History entry `seq`'s edit (or inverse) and its label (what an undo or redo says).
    fn stored_edit(&self, seq: u32, inverse: bool) -> Result<(Edit, String), StoreError> {
        let (text, label) = history::stored_edit(&self.conn, seq, inverse)
            .map_err(|error| self.db_error(error))?
            .ok_or_else(|| self.history_damaged(seq, "the entry is missing".into()))?;
        let edit = serde_json::from_str(&text)
            .map_err(|error| self.history_damaged(seq, error.to_string()))?;
        Ok((edit, label))
    }

    fn outcome(&self, touched: BTreeSet<EntityRef>, label: String) -> EditOutcome {
        EditOutcome {
            revision: self.history.revision,
            can_undo: self.can_undo(),
            can_redo: self.can_redo(),
            touched: touched.into_iter().collect(),
            label,
        }
    }

    fn db_error(&self, error: rusqlite::Error) -> StoreError {
        StoreError::database(&self.path, error)
    }

    fn history_damaged(&self, seq: u32, detail: String) -> StoreError {
        StoreError::HistoryDamaged {
            path: self.path.clone(),
            seq,
            detail,
        }
    }

    pub(crate) fn not_found(kind: EntityKind, id: &str) -> StoreError {
        StoreError::NotFound {
            entity: kind,
            id: Id::from(id),
        }
    }
}

fn load(conn: &Connection, path: &Path) -> Result<Workspace, StoreError> {
    rows::load_workspace(conn).map_err(|error| match error {
        RowError::Sql(error) => schema::classify_open_error(path, error),
        other => StoreError::Damaged {
            path: path.to_owned(),
            detail: other.to_string(),
        },
    })
}

/// A new file's early refusal of an existing path (the final, atomic check is the move's).
fn refuse_existing(path: &Path) -> Result<(), StoreError> {
    file_check::check_parent_exists(path)?;
    match std::fs::symlink_metadata(path) {
        Ok(_) => Err(StoreError::FileExists {
            path: path.to_owned(),
        }),
        Err(_) => Ok(()),
    }
}

/// A file open in a Baton (this one or another) is never replaced.
fn refuse_if_open(target: &Path) -> Result<(), StoreError> {
    if Registration::is_open(target) {
        return Err(StoreError::AlreadyOpen {
            path: target.to_owned(),
        });
    }
    if target.exists() && FileLock::is_held_elsewhere(target) {
        return Err(StoreError::Locked {
            path: target.to_owned(),
        });
    }
    Ok(())
}

/// Whether `path` still names the file whose identity is `expected`.
fn check_identity(path: &Path, expected: FileIdentity) -> Result<(), StoreError> {
    match FileIdentity::of_path(path) {
        Ok(identity) if identity == expected => Ok(()),
        _ => Err(StoreError::FileReplaced {
            path: path.to_owned(),
        }),
    }
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}
