//! Helpers for tests only: files as an older Baton wrote them.

use std::path::Path;

use baton_core::Workspace;

use crate::document::Document;
use crate::error::StoreError;
use crate::history::{self, HistoryState};
use crate::rows;
use crate::schema;

/// Creates a Baton file at `path` with the schema at `version` (only migrations `1..=version`
/// applied), holding a fresh workspace named `name`, as that version of Baton would have.
pub fn create_at_version(path: &Path, name: &str, version: u32) -> Result<(), StoreError> {
    std::fs::File::options()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(|error| StoreError::io(path, error))?;
    let conn = schema::open_existing(path)?;
    schema::configure_and_lock(&conn, path)?;
    schema::migrate(&conn, path, 0, version)?;
    let workspace = Workspace::new_file(name);
    let sql_error = |error| StoreError::database(path, error);
    conn.execute_batch("BEGIN IMMEDIATE").map_err(sql_error)?;
    rows::write_all(&conn, &workspace).map_err(sql_error)?;
    history::write_state(&conn, &HistoryState::default()).map_err(sql_error)?;
    conn.execute_batch("COMMIT").map_err(sql_error)?;
    conn.close().map_err(|(_, error)| sql_error(error))
}

/// Runs `sql` on the open document's own connection: a test plants a temporary trigger this
/// way to make a write fail (a trigger in the file itself is refused at open).
pub fn execute_batch(document: &Document, sql: &str) -> rusqlite::Result<()> {
    document.connection().execute_batch(sql)
}

/// Creates a file at `target` with the schema at `version`, holding every row of `source` (a
/// file at the current version, closed): each table's rows copied with the columns that
/// `version` has, so the file is what that version of Baton would have written.
pub fn copy_to_version(source: &Path, target: &Path, version: u32) -> Result<(), StoreError> {
    std::fs::File::options()
        .write(true)
        .create_new(true)
        .open(target)
        .map_err(|error| StoreError::io(target, error))?;
    let conn = schema::open_existing(target)?;
    schema::migrate(&conn, target, 0, version)?;
    let sql_error = |error| StoreError::database(target, error);
    let source_text = source
        .to_str()
        .ok_or_else(|| StoreError::io(source, std::io::Error::other("not UTF-8")))?;
    conn.execute("ATTACH DATABASE ?1 AS source", [source_text])
        .map_err(sql_error)?;
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM main.sqlite_schema WHERE type = 'table' ORDER BY name")
        .and_then(|mut statement| {
            statement
                .query_map([], |row| row.get(0))?
                .collect::<Result<_, _>>()
        })
        .map_err(sql_error)?;
    conn.execute_batch("BEGIN IMMEDIATE").map_err(sql_error)?;
    for table in tables {
        let columns: Vec<String> = conn
            .prepare("SELECT name FROM pragma_table_info(?1, 'main')")
            .and_then(|mut statement| {
                statement
                    .query_map([&table], |row| row.get(0))?
                    .collect::<Result<_, _>>()
            })
            .map_err(sql_error)?;
        let columns = columns.join(", ");
        conn.execute_batch(&format!(
            "INSERT INTO main.\"{table}\" ({columns}) SELECT {columns} FROM source.\"{table}\""
        ))
        .map_err(sql_error)?;
    }
    conn.execute_batch("COMMIT; DETACH DATABASE source")
        .map_err(sql_error)?;
    conn.close().map_err(|(_, error)| sql_error(error))
}
