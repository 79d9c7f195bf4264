//! The schema objects (tables, indexes, triggers, views) a file of each schema version must hold,
//! and the comparison of a file's own with them.
//!
//! A trigger, view, table or index planted in a file would run inside Baton's next edit (a
//! trigger on `history` can delete every step). So a file is opened only when its
//! `sqlite_schema` holds exactly what Baton's migrations create for its version: the expected
//! objects are made once per version by running the migrations in an in-memory database.

use std::collections::BTreeSet;
use std::sync::OnceLock;

use rusqlite::Connection;

use crate::schema::{self, SCHEMA_VERSION};

/// One row of `sqlite_schema`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct SchemaObject {
    /// `table`, `index`, `trigger` or `view`.
    pub kind: String,
    pub name: String,
    /// The table it belongs to (its own name for a table).
    pub table: String,
    /// The statement that created it; `None` for SQLite's automatic indexes.
    pub sql: Option<String>,
}

impl SchemaObject {
    /// "trigger wipe (on table history)", for messages.
    pub fn describe(&self) -> String {
        if self.kind == "table" || self.table == self.name {
            format!("{} {:?}", self.kind, self.name)
        } else {
            format!("{} {:?} (on table {:?})", self.kind, self.name, self.table)
        }
    }
}

/// How a file's schema differs from what its version must hold.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SchemaDifference {
    /// Objects Baton does not create for this version, or whose definition was changed.
    pub foreign: Vec<SchemaObject>,
    /// Objects Baton creates that the file lacks (or holds with another definition).
    pub missing: Vec<SchemaObject>,
    /// Another schema version whose objects the file holds exactly (its `user_version` lies).
    pub matches_version: Option<u32>,
}

impl SchemaDifference {
    pub fn is_empty(&self) -> bool {
        self.foreign.is_empty() && self.missing.is_empty()
    }

    /// One line per difference, in plain words.
    pub fn lines(&self) -> Vec<String> {
        let foreign = self
            .foreign
            .iter()
            .map(|object| format!("it holds {} that Baton does not create", object.describe()));
        let missing = self
            .missing
            .iter()
            .map(|object| format!("{} is missing or was changed", object.describe()));
        foreign.chain(missing).collect()
    }

    /// The whole difference in one sentence (for an error).
    pub fn summary(&self) -> String {
        let lines = self.lines();
        const SHOWN: usize = 5;
        let mut text = lines
            .iter()
            .take(SHOWN)
            .cloned()
            .collect::<Vec<_>>()
            .join("; ");
        if lines.len() > SHOWN {
            text.push_str(&format!("; and {} more", lines.len() - SHOWN));
        }
        text
    }
}

/// Every object of `sqlite_schema`, sorted, but for the statistics tables SQLite's `ANALYZE`
/// makes (`sqlite_stat1`, `sqlite_stat4`): a user who ran it in an SQLite tool has planted no
/// code, only hints for the query planner, and SQLite itself creates and reads them.
pub fn objects_of(conn: &Connection) -> rusqlite::Result<Vec<SchemaObject>> {
    let mut statement = conn.prepare(
        "SELECT type, name, tbl_name, sql FROM sqlite_schema \
         WHERE name NOT IN ('sqlite_stat1', 'sqlite_stat4') ORDER BY type, name",
    )?;
    let rows = statement.query_map([], |row| {
        Ok(SchemaObject {
            kind: row.get(0)?,
            name: row.get(1)?,
            table: row.get(2)?,
            sql: row.get(3)?,
        })
    })?;
    rows.collect()
}

/// The objects a file at schema `version` holds (`None` for a version this Baton does not
/// know). Built once per version by running the migrations in memory.
pub fn expected(version: u32) -> Option<&'static [SchemaObject]> {
    static EXPECTED: OnceLock<Vec<Vec<SchemaObject>>> = OnceLock::new();
    let all = EXPECTED.get_or_init(|| {
        (1..=SCHEMA_VERSION)
            // The migrations are embedded and tested: building them in memory cannot fail
            // unless SQLite itself is broken, and then an empty list refuses every file.
            .map(|version| build(version).unwrap_or_default())
            .collect()
    });
    let index = usize::try_from(version).ok()?.checked_sub(1)?;
    all.get(index).map(Vec::as_slice)
}

fn build(version: u32) -> rusqlite::Result<Vec<SchemaObject>> {
    let conn = Connection::open_in_memory()?;
    schema::run_migrations(&conn, 0, version)?;
    objects_of(&conn)
}

/// Compares `found` with what schema `version` must hold.
pub fn compare(found: &[SchemaObject], version: u32) -> SchemaDifference {
    let expected_objects: BTreeSet<&SchemaObject> =
        expected(version).unwrap_or_default().iter().collect();
    let found_objects: BTreeSet<&SchemaObject> = found.iter().collect();
    let foreign: Vec<SchemaObject> = found_objects
        .difference(&expected_objects)
        .map(|object| (*object).clone())
        .collect();
    let missing: Vec<SchemaObject> = expected_objects
        .difference(&found_objects)
        .map(|object| (*object).clone())
        .collect();
    let matches_version = if foreign.is_empty() && missing.is_empty() {
        None
    } else {
        (1..=SCHEMA_VERSION).find(|&other| {
            other != version
                && expected(other)
                    .is_some_and(|objects| objects.iter().collect::<BTreeSet<_>>() == found_objects)
        })
    };
    SchemaDifference {
        foreign,
        missing,
        matches_version,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_version_has_its_own_objects() {
        let v1 = expected(1).unwrap();
        let v2 = expected(2).unwrap();
        assert!(v1.iter().any(|o| o.kind == "table" && o.name == "history"));
        assert!(!v1.iter().any(|o| o.name == "journey_by_persona"));
        assert!(v2
            .iter()
            .any(|o| o.kind == "index" && o.name == "journey_by_persona"));
        assert!(expected(0).is_none());
        assert!(expected(SCHEMA_VERSION + 1).is_none());
    }

    #[test]
    fn a_planted_trigger_is_foreign_and_a_dropped_index_missing() {
        let conn = Connection::open_in_memory().unwrap();
        schema::run_migrations(&conn, 0, 2).unwrap();
        assert!(compare(&objects_of(&conn).unwrap(), 2).is_empty());
        conn.execute_batch(
            "CREATE TRIGGER wipe AFTER INSERT ON history BEGIN DELETE FROM step; END;
             DROP INDEX step_by_lane;",
        )
        .unwrap();
        let difference = compare(&objects_of(&conn).unwrap(), 2);
        assert_eq!(difference.foreign.len(), 1);
        assert_eq!(difference.foreign[0].name, "wipe");
        assert_eq!(difference.missing.len(), 1);
        assert_eq!(difference.missing[0].name, "step_by_lane");
        assert_eq!(difference.matches_version, None);
        assert!(difference.summary().contains("trigger \"wipe\""));
    }

    #[test]
    fn a_version_2_schema_under_version_1_is_recognised() {
        let conn = Connection::open_in_memory().unwrap();
        schema::run_migrations(&conn, 0, 2).unwrap();
        let difference = compare(&objects_of(&conn).unwrap(), 1);
        assert_eq!(difference.matches_version, Some(2));
        assert!(difference.missing.is_empty());
    }
}
