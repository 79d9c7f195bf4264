//! Loads the whole workspace from the file at open: one ordered scan per table.

use std::collections::BTreeMap;

use baton_core::*;
use rusqlite::types::ValueRef;
use rusqlite::{Connection, Row};

use super::{Cell, RowError};

/// Scans one table in id order into a map. Rows come sorted, so the map is built in bulk.
fn load_table<T>(
    conn: &Connection,
    table: &'static str,
    sql: &str,
    mut map_row: impl FnMut(&Row<'_>, &Cell<'_>) -> Result<T, RowError>,
) -> Result<BTreeMap<Id, T>, RowError> {
    let mut statement = conn.prepare_cached(sql)?;
    let mut rows = statement.query([])?;
    let mut items = Vec::new();
    while let Some(row) = rows.next()? {
        let id: String = row.get(0)?;
        let value = map_row(row, &Cell { table, id: &id })?;
        items.push((id, value));
    }
    Ok(items.into_iter().collect())
}

/// The text of column `index`, borrowed from the row. A value that is not text fails with the
/// error `row.get::<_, String>` gives.
fn text<'r>(row: &'r Row<'_>, index: usize) -> Result<&'r str, RowError> {
    match row.get_ref(index)?.as_str() {
        Ok(text) => Ok(text),
        Err(error) => Err(match row.get::<_, String>(index) {
            Err(error) => RowError::Sql(error),
            Ok(_) => RowError::Conversion(error),
        }),
    }
}

/// As `text`, NULL being `None` (as `row.get::<_, Option<String>>`).
fn optional_text<'r>(row: &'r Row<'_>, index: usize) -> Result<Option<&'r str>, RowError> {
    match row.get_ref(index)? {
        ValueRef::Null => Ok(None),
        _ => text(row, index).map(Some),
    }
}

fn subject(
    row: &Row<'_>,
    cell: &Cell<'_>,
    kind_column: usize,
    id_column: usize,
) -> Result<Subject, RowError> {
    Ok(Subject {
        kind: cell.enum_value("subject_kind", text(row, kind_column)?)?,
        id: row.get(id_column)?,
    })
}

pub fn load_workspace(conn: &Connection) -> Result<Workspace, RowError> {
    let info = conn
        .prepare_cached("SELECT name, description FROM workspace_info WHERE singleton = 1")?
        .query_row([], |row| {
            Ok(WorkspaceInfo {
                name: row.get(0)?,
                description: row.get(1)?,
            })
        })?;

    let personas = load_table(
        conn,
        "persona",
        "SELECT id, name, role, description, position FROM persona ORDER BY id",
        |row, cell| {
            Ok(Persona {
                id: cell.id.to_owned(),
                name: row.get(1)?,
                role: row.get(2)?,
                description: row.get(3)?,
                position: cell.u32("position", row.get(4)?)?,
            })
        },
    )?;

    let journeys = load_table(
        conn,
        "journey",
        "SELECT id, name, description, persona_id, state, origin_id, position FROM journey ORDER BY id",
        |row, cell| {
            Ok(Journey {
                id: cell.id.to_owned(),
                name: row.get(1)?,
                description: row.get(2)?,
                persona_id: row.get(3)?,
                state: cell.enum_value("state", text(row, 4)?)?,
                origin_id: row.get(5)?,
                position: cell.u32("position", row.get(6)?)?,
            })
        },
    )?;

    let stages = load_table(
        conn,
        "stage",
        "SELECT id, journey_id, name, description, position FROM stage ORDER BY id",
        |row, cell| {
            Ok(Stage {
                id: cell.id.to_owned(),
                journey_id: row.get(1)?,
                name: row.get(2)?,
                description: row.get(3)?,
                position: cell.u32("position", row.get(4)?)?,
            })
        },
    )?;

    let lanes = load_table(
        conn,
        "lane",
        "SELECT id, journey_id, name, kind, position, department, sourcing, work, visibility \
         FROM lane ORDER BY id",
        |row, cell| {
            Ok(Lane {
                id: cell.id.to_owned(),
                journey_id: row.get(1)?,
                name: row.get(2)?,
                kind: cell.enum_value("kind", text(row, 3)?)?,
                position: cell.u32("position", row.get(4)?)?,
                department: row.get(5)?,
                sourcing: cell.optional_enum("sourcing", optional_text(row, 6)?)?,
                work: cell.optional_enum("work", optional_text(row, 7)?)?,
                visibility: cell.optional_enum("visibility", optional_text(row, 8)?)?,
            })
        },
    )?;

    let steps = load_table(
        conn,
        "step",
        "SELECT id, journey_id, stage_id, lane_id, position, title, notes, touchpoint, \
         verification, resolution, emotion FROM step ORDER BY id",
        |row, cell| {
            Ok(Step {
                id: cell.id.to_owned(),
                journey_id: row.get(1)?,
                stage_id: row.get(2)?,
                lane_id: row.get(3)?,
                position: cell.u32("position", row.get(4)?)?,
                title: row.get(5)?,
                notes: row.get(6)?,
                touchpoint: cell.optional_enum("touchpoint", optional_text(row, 7)?)?,
                verification: row.get(8)?,
                resolution: row.get(9)?,
                emotion: row
                    .get::<_, Option<i64>>(10)?
                    .map(|value| cell.i8("emotion", value))
                    .transpose()?,
            })
        },
    )?;

    let handoffs = load_table(
        conn,
        "handoff",
        "SELECT id, journey_id, from_step_id, to_step_id, mode, context, customer_repeats, \
         reverify, wait_minutes, sensitive, secure_channel, checklist, note FROM handoff ORDER BY id",
        |row, cell| {
            let checklist: String = row.get(11)?;
            Ok(Handoff {
                id: cell.id.to_owned(),
                journey_id: row.get(1)?,
                from_step_id: row.get(2)?,
                to_step_id: row.get(3)?,
                mode: cell.enum_value("mode", text(row, 4)?)?,
                context: cell.enum_value("context", text(row, 5)?)?,
                customer_repeats: row.get(6)?,
                reverify: row.get(7)?,
                wait_minutes: cell.u32("wait_minutes", row.get(8)?)?,
                sensitive: row.get(9)?,
                secure_channel: row.get(10)?,
                checklist: cell.json("checklist", &checklist)?,
                note: row.get(12)?,
            })
        },
    )?;

    let metrics = load_table(
        conn,
        "metric",
        "SELECT id, name, kind, scale_min, scale_max, direction, position FROM metric ORDER BY id",
        |row, cell| {
            Ok(Metric {
                id: cell.id.to_owned(),
                name: row.get(1)?,
                kind: cell.enum_value("kind", text(row, 2)?)?,
                scale_min: row.get(3)?,
                scale_max: row.get(4)?,
                direction: cell.enum_value("direction", text(row, 5)?)?,
                position: cell.u32("position", row.get(6)?)?,
            })
        },
    )?;

    let targets = load_table(
        conn,
        "target",
        "SELECT id, subject_kind, subject_id, metric_id, value FROM target ORDER BY id",
        |row, cell| {
            Ok(Target {
                id: cell.id.to_owned(),
                subject: subject(row, cell, 1, 2)?,
                metric_id: row.get(3)?,
                value: row.get(4)?,
            })
        },
    )?;

    let responses = load_table(
        conn,
        "response",
        "SELECT id, subject_kind, subject_id, metric_id, value, date, respondent, comment \
         FROM response ORDER BY id",
        |row, cell| {
            Ok(SurveyResponse {
                id: cell.id.to_owned(),
                subject: subject(row, cell, 1, 2)?,
                metric_id: row.get(3)?,
                value: row.get(4)?,
                date: cell.date("date", row.get_ref(5)?.as_str()?)?,
                respondent: row.get(6)?,
                comment: row.get(7)?,
            })
        },
    )?;

    let scores = load_table(
        conn,
        "score",
        "SELECT id, subject_kind, subject_id, metric_id, value, sample_size, period_start, \
         period_end, source FROM score ORDER BY id",
        |row, cell| {
            Ok(Score {
                id: cell.id.to_owned(),
                subject: subject(row, cell, 1, 2)?,
                metric_id: row.get(3)?,
                value: row.get(4)?,
                sample_size: cell.u32("sample_size", row.get(5)?)?,
                period_start: cell.date("period_start", row.get_ref(6)?.as_str()?)?,
                period_end: cell.date("period_end", row.get_ref(7)?.as_str()?)?,
                source: row.get(8)?,
            })
        },
    )?;

    let phases = load_table(
        conn,
        "phase",
        "SELECT id, name, goal, start_date, end_date, position FROM phase ORDER BY id",
        |row, cell| {
            Ok(Phase {
                id: cell.id.to_owned(),
                name: row.get(1)?,
                goal: row.get(2)?,
                start: cell.optional_date("start_date", optional_text(row, 3)?)?,
                end: cell.optional_date("end_date", optional_text(row, 4)?)?,
                position: cell.u32("position", row.get(5)?)?,
            })
        },
    )?;

    let initiatives = load_table(
        conn,
        "initiative",
        "SELECT id, phase_id, position, title, description, owner, status, impact, effort, \
         started, due, step_ids, handoff_ids, suggestion_keys, expected_effect \
         FROM initiative ORDER BY id",
        |row, cell| {
            let expected_effect: Option<String> = row.get(14)?;
            Ok(Initiative {
                id: cell.id.to_owned(),
                phase_id: row.get(1)?,
                position: cell.u32("position", row.get(2)?)?,
                title: row.get(3)?,
                description: row.get(4)?,
                owner: row.get(5)?,
                status: cell.enum_value("status", text(row, 6)?)?,
                impact: cell.u8("impact", row.get(7)?)?,
                effort: cell.u8("effort", row.get(8)?)?,
                started: cell.optional_date("started", optional_text(row, 9)?)?,
                due: cell.optional_date("due", optional_text(row, 10)?)?,
                step_ids: cell.json("step_ids", row.get_ref(11)?.as_str()?)?,
                handoff_ids: cell.json("handoff_ids", row.get_ref(12)?.as_str()?)?,
                suggestion_keys: cell.json("suggestion_keys", row.get_ref(13)?.as_str()?)?,
                expected_effect: expected_effect
                    .map(|text| cell.json("expected_effect", &text))
                    .transpose()?,
            })
        },
    )?;

    let snapshots = load_table(
        conn,
        "snapshot",
        "SELECT id, journey_id, name, created_at, model FROM snapshot ORDER BY id",
        |row, cell| {
            Ok(Snapshot {
                id: cell.id.to_owned(),
                journey_id: row.get(1)?,
                name: row.get(2)?,
                created_at: cell.time("created_at", row.get_ref(3)?.as_str()?)?,
                model: cell.json("model", row.get_ref(4)?.as_str()?)?,
            })
        },
    )?;

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
    })
}
