//! Loads the whole workspace from the file at open: one ordered scan per table.

use std::collections::BTreeMap;

use baton_core::*;
use rusqlite::types::{FromSql, FromSqlError, Type, ValueRef};
use rusqlite::{Connection, Row};

use super::{Cell, RowError};

/// How loading treats a row it cannot read.
struct Loader<'p> {
    /// `None`: the first bad row fails the load (opening a file). `Some`: bad rows are noted
    /// here and left out, so `baton check` can list every one.
    problems: Option<&'p mut Vec<RowError>>,
}

impl Loader<'_> {
    /// Scans one table in id order into a map. Rows come sorted, so the map is built in bulk.
    fn table<T>(
        &mut self,
        conn: &Connection,
        table: &'static str,
        sql: &str,
        mut map_row: impl FnMut(&Row<'_>, &Cell<'_>) -> Result<T, RowError>,
    ) -> Result<BTreeMap<Id, T>, RowError> {
        let mut statement = conn.prepare_cached(sql)?;
        let mut rows = statement.query([])?;
        let mut items = Vec::new();
        while let Some(row) = rows.next()? {
            let read = row_id(row, table).and_then(|id| {
                let value = map_row(row, &Cell { table, id: &id })?;
                Ok((id, value))
            });
            match read {
                Ok(item) => items.push(item),
                Err(error) => self.note(error)?,
            }
        }
        Ok(items.into_iter().collect())
    }

    /// A bad row fails the load, or is noted; an SQL failure (a damaged page...) always fails.
    fn note(&mut self, error: RowError) -> Result<(), RowError> {
        match (&mut self.problems, error) {
            (_, error @ RowError::Sql(_)) | (None, error) => Err(error),
            (Some(problems), error) => {
                problems.push(error);
                Ok(())
            }
        }
    }
}

/// The id of a row (column 0): text, or the row is reported by what it holds instead.
fn row_id(row: &Row<'_>, table: &'static str) -> Result<String, RowError> {
    match row.get_ref(0)? {
        ValueRef::Text(bytes) => String::from_utf8(bytes.to_vec()).map_err(|_| RowError::Bad {
            table,
            id: String::from_utf8_lossy(bytes).into_owned(),
            column: "id",
            detail: "its id is not valid UTF-8 text".into(),
        }),
        other => Err(RowError::Bad {
            table,
            id: format!("({})", what_it_holds(other.data_type())),
            column: "id",
            detail: format!(
                "its id holds {} instead of text",
                what_it_holds(other.data_type())
            ),
        }),
    }
}

/// SQLite's storage class in words.
fn what_it_holds(kind: Type) -> &'static str {
    match kind {
        Type::Null => "nothing (NULL)",
        Type::Integer => "a whole number",
        Type::Real => "a decimal number",
        Type::Text => "text",
        Type::Blob => "binary data",
    }
}

/// What a column read as `T` must hold, in words.
fn expected_kind<T>() -> &'static str {
    let name = std::any::type_name::<T>();
    if name.contains("String") {
        "text"
    } else if name.contains("f64") {
        "a number"
    } else if name.contains("bool") {
        "true or false (1 or 0)"
    } else if name.contains("i64") || name.contains("u32") || name.contains("i32") {
        "a whole number"
    } else {
        "another kind of value"
    }
}

impl Cell<'_> {
    /// Column `index` as a `T`; a value of the wrong kind (text in a number column, binary data
    /// in a text column, NULL where a value is required) names the table, row and column.
    fn get<T: FromSql>(
        &self,
        row: &Row<'_>,
        index: usize,
        column: &'static str,
    ) -> Result<T, RowError> {
        let value = row.get_ref(index)?;
        T::column_result(value).map_err(|error| {
            let found = what_it_holds(value.data_type());
            let detail = match error {
                FromSqlError::InvalidType => {
                    format!(
                        "it holds {found} where {} is expected",
                        expected_kind::<T>()
                    )
                }
                FromSqlError::OutOfRange(number) => format!("{number} is out of range"),
                other => format!("it holds {found} that cannot be read: {other}"),
            };
            self.bad(column, detail)
        })
    }

    /// The text of column `index`, borrowed from the row.
    fn text<'r>(
        &self,
        row: &'r Row<'_>,
        index: usize,
        column: &'static str,
    ) -> Result<&'r str, RowError> {
        match row.get_ref(index)? {
            ValueRef::Text(bytes) => std::str::from_utf8(bytes)
                .map_err(|_| self.bad(column, "its text is not valid UTF-8")),
            other => Err(self.bad(
                column,
                format!(
                    "it holds {}, where text is expected",
                    what_it_holds(other.data_type())
                ),
            )),
        }
    }

    /// As `text`, NULL being `None`.
    fn optional_text<'r>(
        &self,
        row: &'r Row<'_>,
        index: usize,
        column: &'static str,
    ) -> Result<Option<&'r str>, RowError> {
        match row.get_ref(index)? {
            ValueRef::Null => Ok(None),
            _ => self.text(row, index, column).map(Some),
        }
    }
}

/// The subject of a target, response or score: columns 1 (kind) and 2 (id).
fn subject(row: &Row<'_>, cell: &Cell<'_>) -> Result<Subject, RowError> {
    Ok(Subject {
        kind: cell.enum_value("subject_kind", cell.text(row, 1, "subject_kind")?)?,
        id: cell.get(row, 2, "subject_id")?,
    })
}

/// Loads the whole workspace; the first row that cannot be read fails it.
pub fn load_workspace(conn: &Connection) -> Result<Workspace, RowError> {
    load(conn, &mut Loader { problems: None })
}

/// Loads every row that can be read, and the problems of those that cannot (for `check`). An
/// SQL failure still fails the whole.
pub fn load_workspace_leniently(conn: &Connection) -> Result<(Workspace, Vec<RowError>), RowError> {
    let mut problems = Vec::new();
    let workspace = load(
        conn,
        &mut Loader {
            problems: Some(&mut problems),
        },
    )?;
    Ok((workspace, problems))
}

/// The one row of `workspace_info`: missing, it is reported in words (not as SQLite's "query
/// returned no rows").
fn load_info(conn: &Connection, loader: &mut Loader<'_>) -> Result<WorkspaceInfo, RowError> {
    let info = loader.table(
        conn,
        "workspace_info",
        "SELECT CAST(singleton AS TEXT), name, description FROM workspace_info ORDER BY singleton",
        |row, cell| {
            Ok(WorkspaceInfo {
                name: cell.get(row, 1, "name")?,
                description: cell.get(row, 2, "description")?,
            })
        },
    )?;
    let mut rows = info.into_values();
    match rows.next() {
        Some(info) => Ok(info),
        None => {
            loader.note(RowError::Bad {
                table: "workspace_info",
                id: "1".into(),
                column: "name",
                detail: "the row holding the client's name is missing".into(),
            })?;
            Ok(WorkspaceInfo {
                name: String::new(),
                description: String::new(),
            })
        }
    }
}

/// Whether `table` has `column`: files before schema version 3 lack the origin columns and the
/// personas' goals and frustrations (`check` reads an older file without upgrading it).
fn has_column(conn: &Connection, table: &str, column: &str) -> Result<bool, RowError> {
    let count: i64 = conn
        .prepare_cached("SELECT count(*) FROM pragma_table_info(?1) WHERE name = ?2")?
        .query_row([table, column], |row| row.get(0))?;
    Ok(count > 0)
}

fn load(conn: &Connection, loader: &mut Loader<'_>) -> Result<Workspace, RowError> {
    let info = load_info(conn, loader)?;
    // Migration 003 adds all four origin columns and both persona columns in one transaction.
    let origin = if has_column(conn, "step", "origin_id")? {
        "origin_id"
    } else {
        "NULL"
    };
    let persona_texts = if has_column(conn, "persona", "goals")? {
        "goals, frustrations"
    } else {
        "'', ''"
    };

    let personas = loader.table(
        conn,
        "persona",
        &format!(
            "SELECT id, name, role, description, position, {persona_texts} FROM persona ORDER BY id"
        ),
        |row, cell| {
            Ok(Persona {
                id: cell.id.to_owned(),
                name: cell.get(row, 1, "name")?,
                role: cell.get(row, 2, "role")?,
                description: cell.get(row, 3, "description")?,
                goals: cell.get(row, 5, "goals")?,
                frustrations: cell.get(row, 6, "frustrations")?,
                position: cell.u32("position", cell.get(row, 4, "position")?)?,
            })
        },
    )?;

    let journeys = loader.table(
        conn,
        "journey",
        "SELECT id, name, description, persona_id, state, origin_id, position FROM journey ORDER BY id",
        |row, cell| {
            Ok(Journey {
                id: cell.id.to_owned(),
                name: cell.get(row, 1, "name")?,
                description: cell.get(row, 2, "description")?,
                persona_id: cell.get(row, 3, "persona_id")?,
                state: cell.enum_value("state", cell.text(row, 4, "state")?)?,
                origin_id: cell.get(row, 5, "origin_id")?,
                position: cell.u32("position", cell.get(row, 6, "position")?)?,
            })
        },
    )?;

    let stages = loader.table(
        conn,
        "stage",
        &format!(
            "SELECT id, journey_id, name, description, position, {origin} FROM stage ORDER BY id"
        ),
        |row, cell| {
            Ok(Stage {
                id: cell.id.to_owned(),
                journey_id: cell.get(row, 1, "journey_id")?,
                name: cell.get(row, 2, "name")?,
                description: cell.get(row, 3, "description")?,
                position: cell.u32("position", cell.get(row, 4, "position")?)?,
                origin_id: cell.get(row, 5, "origin_id")?,
            })
        },
    )?;

    let lanes = loader.table(
        conn,
        "lane",
        &format!(
            "SELECT id, journey_id, name, kind, position, department, sourcing, work, visibility, \
             {origin} FROM lane ORDER BY id"
        ),
        |row, cell| {
            Ok(Lane {
                id: cell.id.to_owned(),
                journey_id: cell.get(row, 1, "journey_id")?,
                name: cell.get(row, 2, "name")?,
                kind: cell.enum_value("kind", cell.text(row, 3, "kind")?)?,
                position: cell.u32("position", cell.get(row, 4, "position")?)?,
                department: cell.get(row, 5, "department")?,
                sourcing: cell
                    .optional_enum("sourcing", cell.optional_text(row, 6, "sourcing")?)?,
                work: cell.optional_enum("work", cell.optional_text(row, 7, "work")?)?,
                visibility: cell
                    .optional_enum("visibility", cell.optional_text(row, 8, "visibility")?)?,
                origin_id: cell.get(row, 9, "origin_id")?,
            })
        },
    )?;

    let steps = loader.table(
        conn,
        "step",
        &format!(
            "SELECT id, journey_id, stage_id, lane_id, position, title, notes, touchpoint, \
             verification, resolution, emotion, {origin} FROM step ORDER BY id"
        ),
        |row, cell| {
            Ok(Step {
                id: cell.id.to_owned(),
                journey_id: cell.get(row, 1, "journey_id")?,
                stage_id: cell.get(row, 2, "stage_id")?,
                lane_id: cell.get(row, 3, "lane_id")?,
                position: cell.u32("position", cell.get(row, 4, "position")?)?,
                title: cell.get(row, 5, "title")?,
                notes: cell.get(row, 6, "notes")?,
                touchpoint: cell
                    .optional_enum("touchpoint", cell.optional_text(row, 7, "touchpoint")?)?,
                verification: cell.get(row, 8, "verification")?,
                resolution: cell.get(row, 9, "resolution")?,
                emotion: row
                    .get::<_, Option<i64>>(10)?
                    .map(|value| cell.i8("emotion", value))
                    .transpose()?,
                origin_id: cell.get(row, 11, "origin_id")?,
            })
        },
    )?;

    let handoffs = loader.table(
        conn,
        "handoff",
        &format!(
            "SELECT id, journey_id, from_step_id, to_step_id, mode, context, customer_repeats, \
             reverify, wait_minutes, sensitive, secure_channel, checklist, note, {origin} \
             FROM handoff ORDER BY id"
        ),
        |row, cell| {
            let checklist: String = cell.get(row, 11, "checklist")?;
            Ok(Handoff {
                id: cell.id.to_owned(),
                journey_id: cell.get(row, 1, "journey_id")?,
                from_step_id: cell.get(row, 2, "from_step_id")?,
                to_step_id: cell.get(row, 3, "to_step_id")?,
                mode: cell.enum_value("mode", cell.text(row, 4, "mode")?)?,
                context: cell.enum_value("context", cell.text(row, 5, "context")?)?,
                customer_repeats: cell.get(row, 6, "customer_repeats")?,
                reverify: cell.get(row, 7, "reverify")?,
                wait_minutes: cell.u32("wait_minutes", cell.get(row, 8, "wait_minutes")?)?,
                sensitive: cell.get(row, 9, "sensitive")?,
                secure_channel: cell.get(row, 10, "secure_channel")?,
                checklist: cell.json("checklist", &checklist)?,
                note: cell.get(row, 12, "note")?,
                origin_id: cell.get(row, 13, "origin_id")?,
            })
        },
    )?;

    let metrics = loader.table(
        conn,
        "metric",
        "SELECT id, name, kind, scale_min, scale_max, direction, position FROM metric ORDER BY id",
        |row, cell| {
            Ok(Metric {
                id: cell.id.to_owned(),
                name: cell.get(row, 1, "name")?,
                kind: cell.enum_value("kind", cell.text(row, 2, "kind")?)?,
                scale_min: cell.get(row, 3, "scale_min")?,
                scale_max: cell.get(row, 4, "scale_max")?,
                direction: cell.enum_value("direction", cell.text(row, 5, "direction")?)?,
                position: cell.u32("position", cell.get(row, 6, "position")?)?,
            })
        },
    )?;

    let targets = loader.table(
        conn,
        "target",
        "SELECT id, subject_kind, subject_id, metric_id, value FROM target ORDER BY id",
        |row, cell| {
            Ok(Target {
                id: cell.id.to_owned(),
                subject: subject(row, cell)?,
                metric_id: cell.get(row, 3, "metric_id")?,
                value: cell.get(row, 4, "value")?,
            })
        },
    )?;

    let responses = loader.table(
        conn,
        "response",
        "SELECT id, subject_kind, subject_id, metric_id, value, date, respondent, comment \
         FROM response ORDER BY id",
        |row, cell| {
            Ok(SurveyResponse {
                id: cell.id.to_owned(),
                subject: subject(row, cell)?,
                metric_id: cell.get(row, 3, "metric_id")?,
                value: cell.get(row, 4, "value")?,
                date: cell.date("date", cell.text(row, 5, "date")?)?,
                respondent: cell.get(row, 6, "respondent")?,
                comment: cell.get(row, 7, "comment")?,
            })
        },
    )?;

    let scores = loader.table(
        conn,
        "score",
        "SELECT id, subject_kind, subject_id, metric_id, value, sample_size, period_start, \
         period_end, source FROM score ORDER BY id",
        |row, cell| {
            Ok(Score {
                id: cell.id.to_owned(),
                subject: subject(row, cell)?,
                metric_id: cell.get(row, 3, "metric_id")?,
                value: cell.get(row, 4, "value")?,
                sample_size: cell.u32("sample_size", cell.get(row, 5, "sample_size")?)?,
                period_start: cell.date("period_start", cell.text(row, 6, "period_start")?)?,
                period_end: cell.date("period_end", cell.text(row, 7, "period_end")?)?,
                source: cell.get(row, 8, "source")?,
            })
        },
    )?;

    let phases = loader.table(
        conn,
        "phase",
        "SELECT id, name, goal, start_date, end_date, position FROM phase ORDER BY id",
        |row, cell| {
            Ok(Phase {
                id: cell.id.to_owned(),
                name: cell.get(row, 1, "name")?,
                goal: cell.get(row, 2, "goal")?,
                start: cell
                    .optional_date("start_date", cell.optional_text(row, 3, "start_date")?)?,
                end: cell.optional_date("end_date", cell.optional_text(row, 4, "end_date")?)?,
                position: cell.u32("position", cell.get(row, 5, "position")?)?,
            })
        },
    )?;

    let initiatives = loader.table(
        conn,
        "initiative",
        "SELECT id, phase_id, position, title, description, owner, status, impact, effort, \
         started, due, step_ids, handoff_ids, suggestion_keys, expected_effect \
         FROM initiative ORDER BY id",
        |row, cell| {
            let expected_effect: Option<String> = cell.get(row, 14, "expected_effect")?;
            Ok(Initiative {
                id: cell.id.to_owned(),
                phase_id: cell.get(row, 1, "phase_id")?,
                position: cell.u32("position", cell.get(row, 2, "position")?)?,
                title: cell.get(row, 3, "title")?,
                description: cell.get(row, 4, "description")?,
                owner: cell.get(row, 5, "owner")?,
                status: cell.enum_value("status", cell.text(row, 6, "status")?)?,
                impact: cell.u8("impact", cell.get(row, 7, "impact")?)?,
                effort: cell.u8("effort", cell.get(row, 8, "effort")?)?,
                started: cell.optional_date("started", cell.optional_text(row, 9, "started")?)?,
                due: cell.optional_date("due", cell.optional_text(row, 10, "due")?)?,
                step_ids: cell.json("step_ids", cell.text(row, 11, "step_ids")?)?,
                handoff_ids: cell.json("handoff_ids", cell.text(row, 12, "handoff_ids")?)?,
                suggestion_keys: cell
                    .json("suggestion_keys", cell.text(row, 13, "suggestion_keys")?)?,
                expected_effect: expected_effect
                    .map(|text| cell.json("expected_effect", &text))
                    .transpose()?,
            })
        },
    )?;

    let snapshots = loader.table(
        conn,
        "snapshot",
        "SELECT id, journey_id, name, created_at, model FROM snapshot ORDER BY id",
        |row, cell| {
            Ok(Snapshot {
                id: cell.id.to_owned(),
                journey_id: cell.get(row, 1, "journey_id")?,
                name: cell.get(row, 2, "name")?,
                created_at: cell.time("created_at", cell.text(row, 3, "created_at")?)?,
                model: cell.json("model", cell.text(row, 4, "model")?)?,
            })
        },
    )?;

    // Migration 003 creates the saved mappings' table with the origin columns.
    let saved_mappings = if origin == "NULL" {
        Default::default()
    } else {
        loader.table(
            conn,
            "survey_mappings",
            "SELECT id, name, mapping, position FROM survey_mappings ORDER BY id",
            |row, cell| {
                Ok(SavedMapping {
                    id: cell.id.to_owned(),
                    name: cell.get(row, 1, "name")?,
                    mapping: cell.get(row, 2, "mapping")?,
                    position: cell.u32("position", cell.get(row, 3, "position")?)?,
                })
            },
        )?
    };

    Ok(Workspace {
        info,
        personas,
        journeys,
        stages,
        lanes,
        steps: steps.into(),
        handoffs,
        metrics,
        targets,
        responses,
        scores,
        phases,
        initiatives,
        snapshots,
        saved_mappings,
    })
}
