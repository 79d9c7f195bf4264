//! Writes rows as they are in the workspace. Statements are cached on the connection, so an edit
//! costs little beyond the commit's fsync.

use std::collections::BTreeSet;

use baton_core::*;
use rusqlite::{params, Connection};

use super::{date_text, enum_text, json_text, time_text};

/// Writes every row an edit touched: deleted when it is gone from the workspace, otherwise
/// written as it now is. Deletes go first, so a row removed and another created in one batch
/// never meet; foreign keys are deferred to COMMIT, so the order of the rest does not matter.
pub fn write_touched(
    conn: &Connection,
    workspace: &Workspace,
    touched: &BTreeSet<EntityRef>,
) -> rusqlite::Result<()> {
    for entity in touched {
        if !exists(workspace, entity) {
            if let Some(table) = table_of(entity.kind) {
                let mut statement =
                    conn.prepare_cached(&format!("DELETE FROM {table} WHERE id = ?1"))?;
                statement.execute([&entity.id])?;
            }
        }
    }
    for entity in touched {
        write_one(conn, workspace, entity)?;
    }
    Ok(())
}

/// Writes the whole workspace into empty tables (a new file, an import).
pub fn write_all(conn: &Connection, workspace: &Workspace) -> rusqlite::Result<()> {
    upsert_info(conn, &workspace.info)?;
    workspace
        .personas
        .values()
        .try_for_each(|v| upsert_persona(conn, v))?;
    workspace
        .journeys
        .values()
        .try_for_each(|v| upsert_journey(conn, v))?;
    workspace
        .stages
        .values()
        .try_for_each(|v| upsert_stage(conn, v))?;
    workspace
        .lanes
        .values()
        .try_for_each(|v| upsert_lane(conn, v))?;
    workspace
        .steps
        .values()
        .try_for_each(|v| upsert_step(conn, v))?;
    workspace
        .handoffs
        .values()
        .try_for_each(|v| upsert_handoff(conn, v))?;
    workspace
        .metrics
        .values()
        .try_for_each(|v| upsert_metric(conn, v))?;
    workspace
        .targets
        .values()
        .try_for_each(|v| upsert_target(conn, v))?;
    workspace
        .responses
        .values()
        .try_for_each(|v| upsert_response(conn, v))?;
    workspace
        .scores
        .values()
        .try_for_each(|v| upsert_score(conn, v))?;
    workspace
        .phases
        .values()
        .try_for_each(|v| upsert_phase(conn, v))?;
    workspace
        .initiatives
        .values()
        .try_for_each(|v| upsert_initiative(conn, v))?;
    workspace
        .snapshots
        .values()
        .try_for_each(|v| upsert_snapshot(conn, v))?;
    workspace
        .saved_mappings
        .values()
        .try_for_each(|v| upsert_saved_mapping(conn, v))?;
    Ok(())
}

fn table_of(kind: EntityKind) -> Option<&'static str> {
    Some(match kind {
        EntityKind::Persona => "persona",
        EntityKind::Journey => "journey",
        EntityKind::Stage => "stage",
        EntityKind::Lane => "lane",
        EntityKind::Step => "step",
        EntityKind::Handoff => "handoff",
        EntityKind::Metric => "metric",
        EntityKind::Target => "target",
        EntityKind::Response => "response",
        EntityKind::Score => "score",
        EntityKind::Phase => "phase",
        EntityKind::Initiative => "initiative",
        EntityKind::Snapshot => "snapshot",
        EntityKind::SavedMapping => "survey_mappings",
        // The workspace row always exists; checklist items live inside their handoff's row;
        // an edit is not a row.
        EntityKind::Workspace | EntityKind::ChecklistItem | EntityKind::Edit => return None,
    })
}

fn exists(workspace: &Workspace, entity: &EntityRef) -> bool {
    let id = &entity.id;
    match entity.kind {
        EntityKind::Persona => workspace.personas.contains_key(id),
        EntityKind::Journey => workspace.journeys.contains_key(id),
        EntityKind::Stage => workspace.stages.contains_key(id),
        EntityKind::Lane => workspace.lanes.contains_key(id),
        EntityKind::Step => workspace.steps.contains_key(id),
        EntityKind::Handoff => workspace.handoffs.contains_key(id),
        EntityKind::Metric => workspace.metrics.contains_key(id),
        EntityKind::Target => workspace.targets.contains_key(id),
        EntityKind::Response => workspace.responses.contains_key(id),
        EntityKind::Score => workspace.scores.contains_key(id),
        EntityKind::Phase => workspace.phases.contains_key(id),
        EntityKind::Initiative => workspace.initiatives.contains_key(id),
        EntityKind::Snapshot => workspace.snapshots.contains_key(id),
        EntityKind::SavedMapping => workspace.saved_mappings.contains_key(id),
        EntityKind::Workspace | EntityKind::ChecklistItem | EntityKind::Edit => true,
    }
}

fn write_one(conn: &Connection, ws: &Workspace, entity: &EntityRef) -> rusqlite::Result<()> {
    let id = &entity.id;
    match entity.kind {
        EntityKind::Workspace => upsert_info(conn, &ws.info),
        EntityKind::Persona => upsert_if(conn, ws.personas.get(id), upsert_persona),
        EntityKind::Journey => upsert_if(conn, ws.journeys.get(id), upsert_journey),
        EntityKind::Stage => upsert_if(conn, ws.stages.get(id), upsert_stage),
        EntityKind::Lane => upsert_if(conn, ws.lanes.get(id), upsert_lane),
        EntityKind::Step => upsert_if(conn, ws.steps.get(id), upsert_step),
        EntityKind::Handoff => upsert_if(conn, ws.handoffs.get(id), upsert_handoff),
        EntityKind::Metric => upsert_if(conn, ws.metrics.get(id), upsert_metric),
        EntityKind::Target => upsert_if(conn, ws.targets.get(id), upsert_target),
        EntityKind::Response => upsert_if(conn, ws.responses.get(id), upsert_response),
        EntityKind::Score => upsert_if(conn, ws.scores.get(id), upsert_score),
        EntityKind::Phase => upsert_if(conn, ws.phases.get(id), upsert_phase),
        EntityKind::Initiative => upsert_if(conn, ws.initiatives.get(id), upsert_initiative),
        EntityKind::Snapshot => upsert_if(conn, ws.snapshots.get(id), upsert_snapshot),
        EntityKind::SavedMapping => {
            upsert_if(conn, ws.saved_mappings.get(id), upsert_saved_mapping)
        }
        // A checklist item is stored in its handoff's row; the core also reports the handoff,
        // but rewriting the one that holds the item keeps the file right either way.
        EntityKind::ChecklistItem => upsert_if(
            conn,
            ws.handoffs
                .values()
                .find(|handoff| handoff.checklist.iter().any(|item| &item.id == id)),
            upsert_handoff,
        ),
        EntityKind::Edit => Ok(()),
    }
}

/// Writes the row of an entity that exists; `write_touched` has already deleted the rows of
/// those that are gone.
fn upsert_if<T>(
    conn: &Connection,
    row: Option<&T>,
    upsert: fn(&Connection, &T) -> rusqlite::Result<()>,
) -> rusqlite::Result<()> {
    row.map_or(Ok(()), |row| upsert(conn, row))
}

fn upsert_info(conn: &Connection, info: &WorkspaceInfo) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "INSERT OR REPLACE INTO workspace_info (singleton, name, description) VALUES (1, ?1, ?2)",
    )?
    .execute(params![info.name, info.description])?;
    Ok(())
}

fn upsert_persona(conn: &Connection, v: &Persona) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "INSERT OR REPLACE INTO persona (id, name, role, description, position, goals, \
         frustrations) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![
        v.id,
        v.name,
        v.role,
        v.description,
        v.position,
        v.goals,
        v.frustrations
    ])?;
    Ok(())
}

fn upsert_journey(conn: &Connection, v: &Journey) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "INSERT OR REPLACE INTO journey (id, name, description, persona_id, state, origin_id, \
         position) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![
        v.id,
        v.name,
        v.description,
        v.persona_id,
        enum_text(&v.state),
        v.origin_id,
        v.position
    ])?;
    Ok(())
}

fn upsert_stage(conn: &Connection, v: &Stage) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "INSERT OR REPLACE INTO stage (id, journey_id, name, description, position, origin_id) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![
        v.id,
        v.journey_id,
        v.name,
        v.description,
        v.position,
        v.origin_id
    ])?;
    Ok(())
}

fn upsert_lane(conn: &Connection, v: &Lane) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "INSERT OR REPLACE INTO lane (id, journey_id, name, kind, position, department, \
         sourcing, work, visibility, origin_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?
    .execute(params![
        v.id,
        v.journey_id,
        v.name,
        enum_text(&v.kind),
        v.position,
        v.department,
        v.sourcing.as_ref().map(enum_text),
        v.work.as_ref().map(enum_text),
        v.visibility.as_ref().map(enum_text),
        v.origin_id,
    ])?;
    Ok(())
}

fn upsert_step(conn: &Connection, v: &Step) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "INSERT OR REPLACE INTO step (id, journey_id, stage_id, lane_id, position, title, notes, \
         touchpoint, verification, resolution, emotion, origin_id) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
    )?
    .execute(params![
        v.id,
        v.journey_id,
        v.stage_id,
        v.lane_id,
        v.position,
        v.title,
        v.notes,
        v.touchpoint.as_ref().map(enum_text),
        v.verification,
        v.resolution,
        v.emotion,
        v.origin_id,
    ])?;
    Ok(())
}

fn upsert_handoff(conn: &Connection, v: &Handoff) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "INSERT OR REPLACE INTO handoff (id, journey_id, from_step_id, to_step_id, mode, context, \
         customer_repeats, reverify, wait_minutes, sensitive, secure_channel, checklist, note, \
         origin_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
    )?
    .execute(params![
        v.id,
        v.journey_id,
        v.from_step_id,
        v.to_step_id,
        enum_text(&v.mode),
        enum_text(&v.context),
        v.customer_repeats,
        v.reverify,
        v.wait_minutes,
        v.sensitive,
        v.secure_channel,
        json_text(&v.checklist)?,
        v.note,
        v.origin_id,
    ])?;
    Ok(())
}

fn upsert_metric(conn: &Connection, v: &Metric) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "INSERT OR REPLACE INTO metric (id, name, kind, scale_min, scale_max, direction, position) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![
        v.id,
        v.name,
        enum_text(&v.kind),
        v.scale_min,
        v.scale_max,
        enum_text(&v.direction),
        v.position
    ])?;
    Ok(())
}

fn upsert_target(conn: &Connection, v: &Target) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "INSERT OR REPLACE INTO target (id, subject_kind, subject_id, metric_id, value) \
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![
        v.id,
        enum_text(&v.subject.kind),
        v.subject.id,
        v.metric_id,
        v.value
    ])?;
    Ok(())
}

fn upsert_response(conn: &Connection, v: &SurveyResponse) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "INSERT OR REPLACE INTO response (id, subject_kind, subject_id, metric_id, value, date, \
         respondent, comment) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?
    .execute(params![
        v.id,
        enum_text(&v.subject.kind),
        v.subject.id,
        v.metric_id,
        v.value,
        date_text(&v.date),
        v.respondent,
        v.comment,
    ])?;
    Ok(())
}

fn upsert_score(conn: &Connection, v: &Score) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "INSERT OR REPLACE INTO score (id, subject_kind, subject_id, metric_id, value, \
         sample_size, period_start, period_end, source) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?
    .execute(params![
        v.id,
        enum_text(&v.subject.kind),
        v.subject.id,
        v.metric_id,
        v.value,
        v.sample_size,
        date_text(&v.period_start),
        date_text(&v.period_end),
        v.source,
    ])?;
    Ok(())
}

fn upsert_phase(conn: &Connection, v: &Phase) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "INSERT OR REPLACE INTO phase (id, name, goal, start_date, end_date, position) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![
        v.id,
        v.name,
        v.goal,
        v.start.as_ref().map(date_text),
        v.end.as_ref().map(date_text),
        v.position
    ])?;
    Ok(())
}

fn upsert_initiative(conn: &Connection, v: &Initiative) -> rusqlite::Result<()> {
    let expected_effect = v.expected_effect.as_ref().map(json_text).transpose()?;
    conn.prepare_cached(
        "INSERT OR REPLACE INTO initiative (id, phase_id, position, title, description, owner, \
         status, impact, effort, started, due, step_ids, handoff_ids, suggestion_keys, \
         expected_effect) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
    )?
    .execute(params![
        v.id,
        v.phase_id,
        v.position,
        v.title,
        v.description,
        v.owner,
        enum_text(&v.status),
        v.impact,
        v.effort,
        v.started.as_ref().map(date_text),
        v.due.as_ref().map(date_text),
        json_text(&v.step_ids)?,
        json_text(&v.handoff_ids)?,
        json_text(&v.suggestion_keys)?,
        expected_effect,
    ])?;
    Ok(())
}

fn upsert_snapshot(conn: &Connection, v: &Snapshot) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "INSERT OR REPLACE INTO snapshot (id, journey_id, name, created_at, model) \
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![
        v.id,
        v.journey_id,
        v.name,
        time_text(&v.created_at),
        json_text(&v.model)?
    ])?;
    Ok(())
}

fn upsert_saved_mapping(conn: &Connection, v: &SavedMapping) -> rusqlite::Result<()> {
    // Names are unique in the table too: a rename onto a name another row held before this
    // edit replaces that row, which the same edit rewrites under its new name.
    conn.prepare_cached(
        "INSERT OR REPLACE INTO survey_mappings (id, name, mapping, position) \
         VALUES (?1, ?2, ?3, ?4)",
    )?
    .execute(params![v.id, v.name, v.mapping, v.position])?;
    Ok(())
}
