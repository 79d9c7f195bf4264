//! `check_file`: is a file a sound Baton file, all the way down? It never writes: the file is
//! opened read-only (and `query_only`), nothing is migrated, and every problem found is listed,
//! not only the first, each naming the table and row (or the history entry) in plain words.
//!
//! What is checked: SQLite's `integrity_check`; the schema objects against those Baton's
//! migrations create for the file's version (a planted trigger or view, a dropped index);
//! `foreign_key_check`; the `meta` table (undo cursor and revision); the history (seq 1..n,
//! cursor within it, times, every edit and inverse parsed); every row read back into the
//! model; the model re-validated by creating it again through the same rules as an edit, and
//! the positions of every ordered list; and, when all that holds, the history replayed against
//! the content (each inverse must be its edit's exact undo).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use baton_core::{Edit, Workspace};
use rusqlite::types::ValueRef;
use rusqlite::{Connection, OpenFlags};
use serde::Serialize;

use crate::encryption::{self, Passphrase};
use crate::error::StoreError;
use crate::expected_schema;
use crate::file_check;
use crate::history::StoredEntry;
use crate::history_check;
use crate::replay::{self, Content, Faults};
use crate::rows::{self, RowError};
use crate::schema::{self, APPLICATION_ID, SCHEMA_VERSION};

/// Which check found a problem.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CheckArea {
    /// SQLite's `integrity_check` (damaged pages, a corrupt index...).
    Integrity,
    /// Tables, indexes, triggers and views other than Baton's.
    Schema,
    /// A row naming a row of another table that does not exist.
    ForeignKey,
    /// The `meta` table (undo cursor, revision).
    Meta,
    /// The history table.
    History,
    /// A row that cannot be read as what it stands for.
    Rows,
    /// The content, re-validated through the rules of an edit.
    Model,
}

/// One problem: where, and what is wrong, in words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CheckProblem {
    pub area: CheckArea,
    /// "table step, row 0190…, column title", "history entry 4", "trigger \"wipe\"".
    pub place: String,
    pub message: String,
}

/// What `check_file` found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CheckReport {
    pub path: PathBuf,
    pub application_id: u32,
    pub schema_version: u32,
    pub supported_schema_version: u32,
    /// Every problem, in the order of the checks; empty when the file is sound.
    pub problems: Vec<CheckProblem>,
}

impl CheckReport {
    pub fn is_ok(&self) -> bool {
        self.problems.is_empty()
    }

    fn add(&mut self, area: CheckArea, place: impl Into<String>, message: impl Into<String>) {
        self.problems.push(CheckProblem {
            area,
            place: place.into(),
            message: message.into(),
        });
    }
}

/// Checks the file at `path` without changing it. A file that is not a Baton file at all
/// (missing, empty, truncated, another application's, a newer Baton's) is an error, as opening
/// it would be; a Baton file with problems gives a report listing them.
pub fn check_file(path: &Path) -> Result<CheckReport, StoreError> {
    check_file_with_passphrase(path, None)
}

/// [`check_file`] for a file that may be encrypted: `passphrase` opens it (a plain file is
/// checked as it is). Without one, an encrypted file is `PassphraseRequired`.
pub fn check_file_with_passphrase(
    path: &Path,
    passphrase: Option<&Passphrase>,
) -> Result<CheckReport, StoreError> {
    let (header, passphrase) = match passphrase {
        None => (Some(file_check::inspect(path)?), None),
        Some(passphrase) => match file_check::inspect_with_passphrase(path)? {
            file_check::Inspected::Plain(header) => (Some(header), None),
            file_check::Inspected::Encrypted => (None, Some(passphrase)),
        },
    };
    // A read-only connection cannot play an interrupted commit's journal back; SQLite would
    // then call the file read-only, which is not what is wrong.
    let journal = file_check::journal_path(path);
    if std::fs::metadata(&journal).is_ok_and(|meta| meta.len() > 0) {
        return Err(StoreError::Damaged {
            path: path.to_owned(),
            detail: format!(
                "a commit was interrupted ({} is beside it): open the file in Baton once, which \
                 rolls that commit back, then check it again",
                journal.display()
            ),
        });
    }
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags)
        .map_err(|error| schema::classify_open_error(path, error))?;
    if let Some(passphrase) = passphrase {
        encryption::apply_key(&conn, path, passphrase)?;
    }
    let opened = |error| schema::classify_open_error(path, error);
    conn.busy_timeout(std::time::Duration::ZERO)
        .map_err(opened)?;
    conn.pragma_update(None, "query_only", "ON")
        .map_err(opened)?;
    // One read transaction: every check sees the same state.
    conn.execute_batch("BEGIN").map_err(opened)?;
    let keyed = |result: Result<u32, StoreError>| {
        result.map_err(|error| encryption::wrong_key_is_wrong_passphrase(error, path))
    };
    let application_id = keyed(schema::application_id(&conn, path))?;
    let schema_version = match header {
        Some(header) => header.schema_version,
        // An encrypted file's header is read only now, through SQLCipher.
        None => encrypted_header(
            path,
            application_id,
            keyed(schema::schema_version(&conn, path))?,
        )?,
    };
    let mut report = CheckReport {
        path: path.to_owned(),
        application_id,
        schema_version,
        supported_schema_version: SCHEMA_VERSION,
        problems: Vec::new(),
    };
    if !check_integrity(&conn, &mut report) {
        // SQLite cannot read the file through: the other checks would only repeat that.
        return Ok(report);
    }
    check_schema(&conn, &mut report);
    check_foreign_keys(&conn, &mut report);
    let cursor = check_meta(&conn, &mut report);
    let history = check_history(&conn, cursor, &mut report);
    let workspace = check_rows(&conn, &mut report);
    if let Some(workspace) = workspace {
        let model_sound = check_model(&workspace, &mut report);
        if let (true, Some((entries, cursor))) = (model_sound, history) {
            if let Err(fault) = history_check::verify(&workspace, &entries, cursor) {
                report.add(
                    CheckArea::History,
                    format!("history entry {}", fault.seq()),
                    format!("{}: {}", part_name(&fault), fault.message),
                );
            }
        }
    }
    let _ = conn.execute_batch("ROLLBACK");
    Ok(report)
}

fn part_name(fault: &history_check::HistoryFault) -> &'static str {
    match fault.part {
        history_check::Part::Edit => "its edit",
        history_check::Part::Inverse => "its inverse",
    }
}

/// `PRAGMA integrity_check`. False when SQLite could not even run it through.
fn check_integrity(conn: &Connection, report: &mut CheckReport) -> bool {
    let lines = conn
        .prepare("PRAGMA integrity_check")
        .and_then(|mut statement| {
            statement
                .query_map([], |row| row.get::<_, String>(0))?
                .collect::<Result<Vec<_>, _>>()
        });
    match lines {
        Ok(lines) => {
            for line in lines.into_iter().filter(|line| line != "ok") {
                report.add(CheckArea::Integrity, "the database", line);
            }
            true
        }
        Err(error) => {
            report.add(
                CheckArea::Integrity,
                "the database",
                format!("SQLite cannot read the file through: {error}"),
            );
            false
        }
    }
}

fn check_schema(conn: &Connection, report: &mut CheckReport) {
    let found = match expected_schema::objects_of(conn) {
        Ok(found) => found,
        Err(error) => {
            report.add(
                CheckArea::Schema,
                "sqlite_schema",
                format!("cannot be read: {error}"),
            );
            return;
        }
    };
    let version = report.schema_version;
    let difference = expected_schema::compare(&found, version);
    if let Some(actual) = difference.matches_version {
        report.add(
            CheckArea::Schema,
            "user_version",
            format!(
                "the schema version says {version} but the tables and indexes are those of \
                 version {actual}"
            ),
        );
        return;
    }
    for object in &difference.foreign {
        report.add(
            CheckArea::Schema,
            object.describe(),
            "is not created by Baton (it would run inside Baton's edits); remove it",
        );
    }
    for object in &difference.missing {
        report.add(
            CheckArea::Schema,
            object.describe(),
            "is missing, or its definition was changed",
        );
    }
}

/// `PRAGMA foreign_key_check`, then each broken reference named by row and column (Baton's
/// tables are WITHOUT ROWID, so the pragma itself cannot name the row).
fn check_foreign_keys(conn: &Connection, report: &mut CheckReport) {
    let broken = conn
        .prepare("PRAGMA foreign_key_check")
        .and_then(|mut statement| {
            let rows = statement.query_map([], |row| {
                Ok((
                    row.get::<_, String>(0)?,
                    row.get::<_, String>(2)?,
                    row.get::<_, i64>(3)?,
                ))
            })?;
            rows.collect::<Result<Vec<_>, _>>()
        });
    let broken = match broken {
        Ok(broken) => broken,
        Err(error) => {
            report.add(
                CheckArea::ForeignKey,
                "the database",
                format!("cannot be checked: {error}"),
            );
            return;
        }
    };
    // One look-up per (table, foreign key), however many rows break it.
    let mut groups: BTreeMap<(String, i64), String> = BTreeMap::new();
    for (table, parent, key) in broken {
        groups.entry((table, key)).or_insert(parent);
    }
    for ((table, key), parent) in groups {
        match dangling_rows(conn, &table, key, &parent) {
            Ok((column, rows)) => {
                for (id, value) in rows {
                    report.add(
                        CheckArea::ForeignKey,
                        format!("table {table}, row {id}, column {column}"),
                        format!("names {value:?}, which is no row of table {parent}"),
                    );
                }
            }
            Err(error) => report.add(
                CheckArea::ForeignKey,
                format!("table {table}"),
                format!("has rows naming no row of table {parent} ({error})"),
            ),
        }
    }
}

/// The column of foreign key `key` of `table`, and the rows (id, value) whose value names no
/// row of `parent`.
type Dangling = (String, Vec<(String, String)>);

fn dangling_rows(
    conn: &Connection,
    table: &str,
    key: i64,
    parent: &str,
) -> rusqlite::Result<Dangling> {
    let (column, parent_column): (String, Option<String>) = conn.query_row(
        "SELECT \"from\", \"to\" FROM pragma_foreign_key_list(?1) WHERE id = ?2",
        rusqlite::params![table, key],
        |row| Ok((row.get(0)?, row.get(1)?)),
    )?;
    let parent_column = parent_column.unwrap_or_else(|| "id".into());
    let sql = format!(
        "SELECT CAST(id AS TEXT), CAST({c} AS TEXT) FROM {t} WHERE {c} IS NOT NULL \
         AND {c} NOT IN (SELECT {pc} FROM {p}) ORDER BY id",
        c = quoted(&column),
        t = quoted(table),
        pc = quoted(&parent_column),
        p = quoted(parent),
    );
    let mut statement = conn.prepare(&sql)?;
    let rows = statement
        .query_map([], |row| {
            Ok((
                row.get::<_, Option<String>>(0)?.unwrap_or_default(),
                row.get::<_, Option<String>>(1)?.unwrap_or_default(),
            ))
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok((column, rows))
}

/// An SQL identifier in double quotes (names come from the file).
fn quoted(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

/// The undo cursor and revision in `meta`: both there, both counts. Returns the cursor.
fn check_meta(conn: &Connection, report: &mut CheckReport) -> Option<u32> {
    let mut cursor = None;
    for key in ["undo_cursor", "revision"] {
        let value = conn.query_row("SELECT value FROM meta WHERE key = ?1", [key], |row| {
            Ok(match row.get_ref(0)? {
                ValueRef::Text(bytes) => Some(String::from_utf8_lossy(bytes).into_owned()),
                ValueRef::Integer(number) => Some(number.to_string()),
                _ => None,
            })
        });
        let place = format!("table meta, row {key}");
        match value {
            Err(rusqlite::Error::QueryReturnedNoRows) => report.add(
                CheckArea::Meta,
                place,
                "is missing (Baton keeps the undo position and the revision there)",
            ),
            Err(error) => report.add(CheckArea::Meta, place, format!("cannot be read: {error}")),
            Ok(Some(text)) => match text.parse::<u32>() {
                Ok(number) if key == "undo_cursor" => cursor = Some(number),
                Ok(_) => {}
                Err(_) => report.add(CheckArea::Meta, place, format!("is {text:?}, not a count")),
            },
            Ok(None) => report.add(CheckArea::Meta, place, "is not a count"),
        }
    }
    cursor
}

/// The history rows: seq 1..n, the cursor within them, times, edits and inverses that parse.
/// Returns the entries and cursor when all of it holds.
fn check_history(
    conn: &Connection,
    cursor: Option<u32>,
    report: &mut CheckReport,
) -> Option<(Vec<StoredEntry>, u32)> {
    let rows = conn
        .prepare("SELECT seq, at, label, edit, inverse FROM history ORDER BY seq")
        .and_then(|mut statement| {
            statement
                .query_map([], |row| {
                    // An edit or inverse may be a BLOB of UTF-8 JSON (a large survey import
                    // streams it in); the time and label are always TEXT.
                    let text = |index| -> rusqlite::Result<Option<String>> {
                        Ok(match row.get_ref(index)? {
                            ValueRef::Text(bytes) => String::from_utf8(bytes.to_vec()).ok(),
                            ValueRef::Blob(bytes) if index >= 3 => {
                                String::from_utf8(bytes.to_vec()).ok()
                            }
                            _ => None,
                        })
                    };
                    Ok((
                        row.get::<_, i64>(0)?,
                        text(1)?,
                        text(2)?,
                        text(3)?,
                        text(4)?,
                    ))
                })?
                .collect::<Result<Vec<_>, _>>()
        });
    let rows = match rows {
        Ok(rows) => rows,
        Err(error) => {
            report.add(
                CheckArea::History,
                "table history",
                format!("cannot be read: {error}"),
            );
            return None;
        }
    };
    let problems_before = report.problems.len();
    let mut entries = Vec::with_capacity(rows.len());
    for (index, (seq, at, label, edit, inverse)) in rows.into_iter().enumerate() {
        let place = format!("history entry {seq}");
        let expected = index as i64 + 1;
        if seq != expected {
            report.add(
                CheckArea::History,
                place.clone(),
                format!("comes where entry {expected} should be: the entries must be numbered 1, 2, 3... without gaps"),
            );
        }
        let at_valid = at
            .as_deref()
            .is_some_and(|at| chrono::DateTime::parse_from_rfc3339(at).is_ok());
        if !at_valid {
            report.add(
                CheckArea::History,
                place.clone(),
                "its time is not an RFC 3339 time",
            );
        }
        if label.is_none() {
            report.add(CheckArea::History, place.clone(), "its label is not text");
        }
        let mut parse = |json: Option<String>, what: &str| -> Option<Edit> {
            match json.as_deref().map(serde_json::from_str::<Edit>) {
                Some(Ok(edit)) => Some(edit),
                Some(Err(error)) => {
                    report.add(
                        CheckArea::History,
                        place.clone(),
                        format!("its {what} is not a valid edit: {error}"),
                    );
                    None
                }
                None => {
                    report.add(
                        CheckArea::History,
                        place.clone(),
                        format!("its {what} is not text"),
                    );
                    None
                }
            }
        };
        let edit = parse(edit, "edit");
        let inverse = parse(inverse, "inverse");
        if let (Some(edit), Some(inverse), Ok(seq)) = (edit, inverse, u32::try_from(seq)) {
            entries.push(StoredEntry {
                seq,
                at: at.unwrap_or_default(),
                label: label.unwrap_or_default(),
                edit,
                inverse,
            });
        }
    }
    let cursor = cursor?;
    if cursor as usize > entries.len() {
        report.add(
            CheckArea::History,
            "table meta, row undo_cursor",
            format!(
                "is {cursor}, past the last history entry ({})",
                entries.len()
            ),
        );
    }
    (report.problems.len() == problems_before).then_some((entries, cursor))
}

/// Reads every row back into the model, listing those that cannot be read. `None` when SQLite
/// itself fails (a damaged page).
fn check_rows(conn: &Connection, report: &mut CheckReport) -> Option<Workspace> {
    match rows::load_workspace_leniently(conn) {
        Ok((workspace, problems)) => {
            for problem in problems {
                match problem {
                    RowError::Bad {
                        table,
                        id,
                        column,
                        detail,
                    } => report.add(
                        CheckArea::Rows,
                        format!("table {table}, row {id}, column {column}"),
                        detail,
                    ),
                    other => report.add(CheckArea::Rows, "a row", other.to_string()),
                }
            }
            Some(workspace)
        }
        Err(error) => {
            report.add(
                CheckArea::Rows,
                "the tables",
                format!("cannot be read: {error}"),
            );
            None
        }
    }
}

/// Creates the content again through the rules of an edit, listing every fault; and checks
/// the positions of every ordered list. True when all holds.
fn check_model(workspace: &Workspace, report: &mut CheckReport) -> bool {
    let before = report.problems.len();
    let content = Content::of_workspace(workspace);
    let (_, faults) = replay::replay(&content, Faults::All);
    let info_unreadable = report
        .problems
        .iter()
        .any(|problem| problem.area == CheckArea::Rows && problem.place.contains("workspace_info"));
    for fault in faults {
        if fault.section == "info" && info_unreadable {
            // Already reported: the row could not be read, so its stand-in is empty.
            continue;
        }
        let table = table_of_section(fault.section);
        let mut place = format!("table {table}");
        if let Some(id) = fault
            .index
            .and_then(|index| content.id_at(fault.section, index))
        {
            place.push_str(&format!(", row {id}"));
        }
        if let Some(field) = &fault.field {
            place.push_str(&format!(", column {field}"));
        }
        report.add(CheckArea::Model, place, fault.message);
    }
    for (place, message) in crate::positions_check::problems(workspace) {
        report.add(CheckArea::Model, place, message);
    }
    report.problems.len() == before
}

fn table_of_section(section: &str) -> &str {
    match section {
        "info" => "workspace_info",
        "personas" => "persona",
        "journeys" => "journey",
        "stages" => "stage",
        "lanes" => "lane",
        "steps" => "step",
        "handoffs" => "handoff",
        "metrics" => "metric",
        "targets" => "target",
        "responses" => "response",
        "scores" => "score",
        "phases" => "phase",
        "initiatives" => "initiative",
        "snapshots" => "snapshot",
        "saved_mappings" => "survey_mappings",
        other => other,
    }
}

/// The checks `file_check::inspect` makes on a plain header, made on an encrypted file's.
fn encrypted_header(path: &Path, application_id: u32, version: u32) -> Result<u32, StoreError> {
    if application_id != APPLICATION_ID {
        return Err(StoreError::NotBaton {
            path: path.to_owned(),
        });
    }
    if version > SCHEMA_VERSION {
        return Err(StoreError::NewerVersion {
            path: path.to_owned(),
            found: version,
            supported: SCHEMA_VERSION,
        });
    }
    Ok(version)
}
