//! The history of edits, in the file: entries `1..=cursor` are applied, the rest are the redo
//! tail. The cursor and a revision counter (bumped by every apply, undo and redo) live in `meta`.

use baton_core::Edit;
use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::rows::time_text;

const CURSOR_KEY: &str = "undo_cursor";
const REVISION_KEY: &str = "revision";

/// One entry of the history, for the UI's history list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct HistoryEntry {
    pub seq: u32,
    pub at: DateTime<Utc>,
    pub label: String,
    /// Undone and not redone yet: the next redo re-applies the first such entry.
    pub undone: bool,
}

/// One stored entry, whole (for JSON export and import).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredEntry {
    pub seq: u32,
    pub at: String,
    pub label: String,
    pub edit: Edit,
    pub inverse: Edit,
}

/// Where the history stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct HistoryState {
    /// The number of applied entries: the seq of the entry the next undo reverts.
    pub cursor: u32,
    /// The highest seq stored.
    pub len: u32,
    /// Bumped by every change of the file's content.
    pub revision: u32,
}

fn read_meta(conn: &Connection, key: &str) -> rusqlite::Result<Option<String>> {
    conn.prepare_cached("SELECT value FROM meta WHERE key = ?1")?
        .query_row([key], |row| row.get(0))
        .optional()
}

fn write_meta(conn: &Connection, key: &str, value: &str) -> rusqlite::Result<()> {
    conn.prepare_cached("INSERT OR REPLACE INTO meta (key, value) VALUES (?1, ?2)")?
        .execute([key, value])?;
    Ok(())
}

/// Reads the cursor, the length and the revision. A file without them (fresh, or damaged) reads
/// as an empty history. `Err(detail)` when a value is not a number.
pub fn read_state(conn: &Connection) -> Result<Result<HistoryState, String>, rusqlite::Error> {
    let parse = |key: &str, text: Option<String>| -> Result<u32, String> {
        match text {
            None => Ok(0),
            Some(text) => text
                .parse::<u32>()
                .map_err(|_| format!("meta {key} is {text:?}, not a count")),
        }
    };
    let cursor = read_meta(conn, CURSOR_KEY)?;
    let revision = read_meta(conn, REVISION_KEY)?;
    let len: i64 = conn
        .prepare_cached("SELECT COALESCE(MAX(seq), 0) FROM history")?
        .query_row([], |row| row.get(0))?;
    Ok((|| {
        let cursor = parse(CURSOR_KEY, cursor)?;
        let revision = parse(REVISION_KEY, revision)?;
        let len = u32::try_from(len).map_err(|_| format!("history seq {len} is out of range"))?;
        if cursor > len {
            return Err(format!(
                "the undo cursor ({cursor}) is past the last entry ({len})"
            ));
        }
        Ok(HistoryState {
            cursor,
            len,
            revision,
        })
    })())
}

pub fn write_state(conn: &Connection, state: &HistoryState) -> rusqlite::Result<()> {
    write_meta(conn, CURSOR_KEY, &state.cursor.to_string())?;
    write_meta(conn, REVISION_KEY, &state.revision.to_string())
}

/// Appends an entry after the cursor, dropping the redo tail.
pub fn append(
    conn: &Connection,
    cursor: u32,
    at: &DateTime<Utc>,
    label: &str,
    edit_json: &str,
    inverse_json: &str,
) -> rusqlite::Result<u32> {
    conn.prepare_cached("DELETE FROM history WHERE seq > ?1")?
        .execute([cursor])?;
    let seq = cursor + 1;
    conn.prepare_cached(
        "INSERT INTO history (seq, at, label, edit, inverse) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![seq, time_text(at), label, edit_json, inverse_json])?;
    Ok(seq)
}

/// History entry `seq`'s edit (or its inverse) as JSON, and its label (what an undo or redo of
/// it tells the user).
pub fn stored_edit(
    conn: &Connection,
    seq: u32,
    inverse: bool,
) -> rusqlite::Result<Option<(String, String)>> {
    let sql = if inverse {
        "SELECT inverse, label FROM history WHERE seq = ?1"
    } else {
        "SELECT edit, label FROM history WHERE seq = ?1"
    };
    conn.prepare_cached(sql)?
        .query_row([seq], |row| Ok((json_column(row, 0)?, row.get(1)?)))
        .optional()
}

/// An edit's JSON: TEXT, or a BLOB holding UTF-8 text (as `Document::add_responses_and_close`
/// streams a large one).
fn json_column(row: &rusqlite::Row<'_>, at: usize) -> rusqlite::Result<String> {
    match row.get_ref(at)? {
        rusqlite::types::ValueRef::Blob(bytes) => {
            String::from_utf8(bytes.to_vec()).map_err(|error| {
                rusqlite::Error::FromSqlConversionFailure(
                    at,
                    rusqlite::types::Type::Blob,
                    error.into(),
                )
            })
        }
        _ => row.get(at),
    }
}

/// One history row as stored: the edits still as JSON text.
pub struct RawEntry {
    pub seq: u32,
    pub at: String,
    pub label: String,
    pub edit: String,
    pub inverse: String,
}

/// Every entry, oldest first.
pub fn raw_entries(conn: &Connection) -> rusqlite::Result<Vec<RawEntry>> {
    let mut statement =
        conn.prepare_cached("SELECT seq, at, label, edit, inverse FROM history ORDER BY seq")?;
    let rows = statement.query_map([], |row| {
        Ok(RawEntry {
            seq: row.get(0)?,
            at: row.get(1)?,
            label: row.get(2)?,
            edit: json_column(row, 3)?,
            inverse: json_column(row, 4)?,
        })
    })?;
    rows.collect()
}

/// Every entry as the UI lists it, oldest first.
pub fn entries(
    conn: &Connection,
    cursor: u32,
) -> rusqlite::Result<Vec<(u32, String, String, bool)>> {
    let mut statement = conn.prepare_cached("SELECT seq, at, label FROM history ORDER BY seq")?;
    let rows = statement.query_map([], |row| {
        let seq: u32 = row.get(0)?;
        Ok((seq, row.get(1)?, row.get(2)?, seq > cursor))
    })?;
    rows.collect()
}

/// A short label for the history list: a batch's own label, otherwise the operation in words
/// ("create step"), read from the edit's JSON, whose first key is always its tag `op`.
pub fn label_of(edit: &Edit, edit_json: &str) -> String {
    if let Edit::Batch { label, .. } = edit {
        return label.clone();
    }
    edit_json
        .strip_prefix("{\"op\":\"")
        .and_then(|rest| rest.split('"').next())
        .map(|op| op.replace('_', " "))
        .unwrap_or_default()
}
