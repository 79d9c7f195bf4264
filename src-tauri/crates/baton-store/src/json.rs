//! The whole workspace as one JSON document, lossless: every entity, the snapshots and the
//! history (entries and cursor). Every list is in id order and the history in seq order, so the
//! same file always gives the same bytes, and export -> import -> export is byte-identical.
//!
//! Import checks the format and version, decodes each entity naming its JSON path when it
//! cannot, then replays the content into an empty workspace through the core's validation, so
//! an imported file obeys the same rules as one built by hand.

use std::collections::BTreeMap;
use std::path::Path;

use baton_core::*;
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

use crate::document::Document;
use crate::error::StoreError;
use crate::history::StoredEntry;
use crate::new_document::NewDocument;

pub const FORMAT_NAME: &str = "baton";
pub const FORMAT_VERSION: u32 = 1;

#[derive(Serialize)]
struct ExportHistory {
    cursor: u32,
    entries: Vec<StoredEntry>,
}

#[derive(Serialize)]
struct Export<'a> {
    format: &'static str,
    version: u32,
    info: &'a WorkspaceInfo,
    personas: Vec<&'a Persona>,
    journeys: Vec<&'a Journey>,
    stages: Vec<&'a Stage>,
    lanes: Vec<&'a Lane>,
    steps: Vec<&'a Step>,
    handoffs: Vec<&'a Handoff>,
    metrics: Vec<&'a Metric>,
    targets: Vec<&'a Target>,
    responses: Vec<&'a SurveyResponse>,
    scores: Vec<&'a Score>,
    phases: Vec<&'a Phase>,
    initiatives: Vec<&'a Initiative>,
    snapshots: Vec<&'a Snapshot>,
    history: ExportHistory,
}

impl Document {
    /// The whole document as pretty-printed JSON, `{"format": "baton", "version": 1, ...}`.
    pub fn export_json(&self) -> Result<String, StoreError> {
        let (entries, cursor) = self.stored_history()?;
        let ws = self.workspace();
        let export = Export {
            format: FORMAT_NAME,
            version: FORMAT_VERSION,
            info: &ws.info,
            personas: ws.personas.values().collect(),
            journeys: ws.journeys.values().collect(),
            stages: ws.stages.values().collect(),
            lanes: ws.lanes.values().collect(),
            steps: ws.steps.values().collect(),
            handoffs: ws.handoffs.values().collect(),
            metrics: ws.metrics.values().collect(),
            targets: ws.targets.values().collect(),
            responses: ws.responses.values().collect(),
            scores: ws.scores.values().collect(),
            phases: ws.phases.values().collect(),
            initiatives: ws.initiatives.values().collect(),
            snapshots: ws.snapshots.values().collect(),
            history: ExportHistory { cursor, entries },
        };
        serde_json::to_string_pretty(&export).map_err(|error| StoreError::JsonContent {
            json_path: "$".into(),
            detail: error.to_string(),
        })
    }

    /// Creates a new file at `path` (refusing an existing one) from an export. The file is
    /// built beside `path` and moved there once complete.
    pub fn import_json(json: &str, path: impl AsRef<Path>) -> Result<Document, StoreError> {
        let path = path.as_ref();
        if std::fs::symlink_metadata(path).is_ok() {
            return Err(StoreError::FileExists {
                path: path.to_owned(),
            });
        }
        NewDocument::import_json(json, path)?.place(false)
    }
}

impl NewDocument {
    /// A new file for `target` (not yet placed there) from an export.
    pub fn import_json(json: &str, target: impl AsRef<Path>) -> Result<NewDocument, StoreError> {
        let content = decode(json)?;
        let workspace = replay(&content)?;
        NewDocument::create_with(
            target.as_ref(),
            workspace,
            &content.history,
            content.history_cursor,
        )
    }
}

/// Everything an export holds, decoded.
struct Content {
    info: WorkspaceInfo,
    personas: Vec<Persona>,
    journeys: Vec<Journey>,
    stages: Vec<Stage>,
    lanes: Vec<Lane>,
    steps: Vec<Step>,
    handoffs: Vec<Handoff>,
    metrics: Vec<Metric>,
    targets: Vec<Target>,
    responses: Vec<SurveyResponse>,
    scores: Vec<Score>,
    phases: Vec<Phase>,
    initiatives: Vec<Initiative>,
    snapshots: Vec<Snapshot>,
    history: Vec<StoredEntry>,
    history_cursor: u32,
}

fn content_error(json_path: impl Into<String>, detail: impl Into<String>) -> StoreError {
    StoreError::JsonContent {
        json_path: json_path.into(),
        detail: detail.into(),
    }
}

fn decode(json: &str) -> Result<Content, StoreError> {
    let root: Value = serde_json::from_str(json).map_err(|error| StoreError::JsonSyntax {
        line: error.line(),
        column: error.column(),
        detail: error.to_string(),
    })?;
    let Value::Object(root) = root else {
        return Err(StoreError::JsonFormat {
            json_path: "$".into(),
            found: "not an object".into(),
        });
    };
    match root.get("format") {
        Some(Value::String(name)) if name == FORMAT_NAME => {}
        other => {
            return Err(StoreError::JsonFormat {
                json_path: "$.format".into(),
                found: other.map_or("missing".into(), Value::to_string),
            })
        }
    }
    match root.get("version") {
        Some(Value::Number(n)) if n.as_u64() == Some(u64::from(FORMAT_VERSION)) => {}
        other => {
            return Err(StoreError::JsonVersion {
                json_path: "$.version".into(),
                found: other.map_or("missing".into(), Value::to_string),
                supported: FORMAT_VERSION,
            })
        }
    }
    let history = root
        .get("history")
        .ok_or_else(|| content_error("$.history", "missing"))?;
    let history_cursor: u32 = item(history.get("cursor"), "$.history.cursor")?;
    let entries: Vec<StoredEntry> = list(history.get("entries"), "$.history.entries")?;
    for (index, entry) in entries.iter().enumerate() {
        let entry_path = format!("$.history.entries[{index}]");
        if entry.seq as usize != index + 1 {
            return Err(content_error(
                format!("{entry_path}.seq"),
                format!("is {}, expected {}", entry.seq, index + 1),
            ));
        }
        if chrono::DateTime::parse_from_rfc3339(&entry.at).is_err() {
            return Err(content_error(
                format!("{entry_path}.at"),
                format!("{:?} is not an RFC 3339 time", entry.at),
            ));
        }
    }
    if history_cursor as usize > entries.len() {
        return Err(content_error(
            "$.history.cursor",
            format!(
                "is {history_cursor}, but there are {} entries",
                entries.len()
            ),
        ));
    }
    Ok(Content {
        info: item(root.get("info"), "$.info")?,
        personas: list(root.get("personas"), "$.personas")?,
        journeys: list(root.get("journeys"), "$.journeys")?,
        stages: list(root.get("stages"), "$.stages")?,
        lanes: list(root.get("lanes"), "$.lanes")?,
        steps: list(root.get("steps"), "$.steps")?,
        handoffs: list(root.get("handoffs"), "$.handoffs")?,
        metrics: list(root.get("metrics"), "$.metrics")?,
        targets: list(root.get("targets"), "$.targets")?,
        responses: list(root.get("responses"), "$.responses")?,
        scores: list(root.get("scores"), "$.scores")?,
        phases: list(root.get("phases"), "$.phases")?,
        initiatives: list(root.get("initiatives"), "$.initiatives")?,
        snapshots: list(root.get("snapshots"), "$.snapshots")?,
        history: entries,
        history_cursor,
    })
}

fn item<T: DeserializeOwned>(value: Option<&Value>, json_path: &str) -> Result<T, StoreError> {
    let value = value.ok_or_else(|| content_error(json_path, "missing"))?;
    T::deserialize(value).map_err(|error| content_error(json_path, error.to_string()))
}

fn list<T: DeserializeOwned>(value: Option<&Value>, json_path: &str) -> Result<Vec<T>, StoreError> {
    match value {
        None => Err(content_error(json_path, "missing")),
        Some(Value::Array(items)) => items
            .iter()
            .enumerate()
            .map(|(index, value)| {
                T::deserialize(value).map_err(|error| {
                    content_error(format!("{json_path}[{index}]"), error.to_string())
                })
            })
            .collect(),
        Some(_) => Err(content_error(json_path, "is not a list")),
    }
}

/// Applies one create edit per entity, naming the entity's JSON path (and the field, when the
/// core names one) on failure.
struct Replay {
    workspace: Workspace,
}

impl Replay {
    fn apply(&mut self, edit: Edit, json_path: &str) -> Result<(), StoreError> {
        self.workspace.apply(&edit).map(drop).map_err(|error| {
            let json_path = match &error.field {
                Some(field) => format!("{json_path}.{field}"),
                None => json_path.to_owned(),
            };
            content_error(json_path, error.message)
        })
    }

    /// Creates `items` in position order (so each lands where the file had it), reporting
    /// failures at their index in the file.
    fn create_all<T>(
        &mut self,
        items: &[T],
        section: &str,
        position: impl Fn(&T) -> (u32, &str),
        edit: impl Fn(T) -> Edit,
    ) -> Result<(), StoreError>
    where
        T: Clone,
    {
        let mut order: Vec<usize> = (0..items.len()).collect();
        order.sort_by(|&a, &b| position(&items[a]).cmp(&position(&items[b])));
        for index in order {
            self.apply(edit(items[index].clone()), &format!("$.{section}[{index}]"))?;
        }
        Ok(())
    }
}

fn replay(content: &Content) -> Result<Workspace, StoreError> {
    let mut replay = Replay {
        workspace: Workspace::default(),
    };
    replay.apply(
        Edit::SetWorkspaceInfo {
            info: content.info.clone(),
        },
        "$.info",
    )?;
    replay.create_all(
        &content.personas,
        "personas",
        |v| (v.position, &v.id),
        |persona| Edit::CreatePersona { persona },
    )?;
    // A future-state journey names its origin, which may come later in position order: create
    // every journey without it first, then set the origins.
    replay.create_all(
        &content.journeys,
        "journeys",
        |v| (v.position, &v.id),
        |journey| Edit::CreateJourney {
            journey: Journey {
                origin_id: None,
                ..journey
            },
        },
    )?;
    for (index, journey) in content.journeys.iter().enumerate() {
        if journey.origin_id.is_some() {
            replay.apply(
                Edit::UpdateJourney {
                    journey: journey.clone(),
                },
                &format!("$.journeys[{index}]"),
            )?;
        }
    }
    replay.create_all(
        &content.stages,
        "stages",
        |v| (v.position, &v.id),
        |stage| Edit::CreateStage { stage },
    )?;
    replay.create_all(
        &content.lanes,
        "lanes",
        |v| (v.position, &v.id),
        |lane| Edit::CreateLane { lane },
    )?;
    replay.create_all(
        &content.steps,
        "steps",
        |v| (v.position, &v.id),
        |step| Edit::CreateStep { step },
    )?;
    replay.create_all(
        &content.handoffs,
        "handoffs",
        |v| (0, &v.id),
        |handoff| Edit::ConnectHandoff { handoff },
    )?;
    replay.create_all(
        &content.metrics,
        "metrics",
        |v| (v.position, &v.id),
        |metric| Edit::CreateMetric { metric },
    )?;
    replay.create_all(
        &content.targets,
        "targets",
        |v| (0, &v.id),
        |target| Edit::CreateTarget { target },
    )?;
    replay.create_all(
        &content.responses,
        "responses",
        |v| (0, &v.id),
        |response| Edit::AddResponses {
            responses: vec![response],
        },
    )?;
    replay.create_all(
        &content.scores,
        "scores",
        |v| (0, &v.id),
        |score| Edit::CreateScore { score },
    )?;
    replay.create_all(
        &content.phases,
        "phases",
        |v| (v.position, &v.id),
        |phase| Edit::CreatePhase { phase },
    )?;
    replay.create_all(
        &content.initiatives,
        "initiatives",
        |v| (v.position, &v.id),
        |initiative| Edit::CreateInitiative { initiative },
    )?;
    replay.create_all(
        &content.snapshots,
        "snapshots",
        |v| (0, &v.id),
        |snapshot| Edit::CreateSnapshot { snapshot },
    )?;
    let workspace = replay.workspace;
    check_same(&workspace, content)?;
    Ok(workspace)
}

/// The replayed workspace must hold exactly what the file said: the core may normalise what it
/// is given (positions, trimmed text), and an import must not silently change content.
fn check_same(workspace: &Workspace, content: &Content) -> Result<(), StoreError> {
    fn same<T: PartialEq + Clone>(
        replayed: &BTreeMap<Id, T>,
        given: &[T],
        id: impl Fn(&T) -> &Id,
        section: &str,
    ) -> Result<(), StoreError> {
        for (index, item) in given.iter().enumerate() {
            if replayed.get(id(item)) != Some(item) {
                return Err(content_error(
                    format!("$.{section}[{index}]"),
                    "is inconsistent with the rest of the file (the model would store it differently)",
                ));
            }
        }
        if replayed.len() != given.len() {
            return Err(content_error(format!("$.{section}"), "holds duplicate ids"));
        }
        Ok(())
    }
    if workspace.info != content.info {
        return Err(content_error(
            "$.info",
            "is not valid workspace information",
        ));
    }
    same(
        &workspace.personas,
        &content.personas,
        |v| &v.id,
        "personas",
    )?;
    same(
        &workspace.journeys,
        &content.journeys,
        |v| &v.id,
        "journeys",
    )?;
    same(&workspace.stages, &content.stages, |v| &v.id, "stages")?;
    same(&workspace.lanes, &content.lanes, |v| &v.id, "lanes")?;
    same(&workspace.steps, &content.steps, |v| &v.id, "steps")?;
    same(
        &workspace.handoffs,
        &content.handoffs,
        |v| &v.id,
        "handoffs",
    )?;
    same(&workspace.metrics, &content.metrics, |v| &v.id, "metrics")?;
    same(&workspace.targets, &content.targets, |v| &v.id, "targets")?;
    same(
        &workspace.responses,
        &content.responses,
        |v| &v.id,
        "responses",
    )?;
    same(&workspace.scores, &content.scores, |v| &v.id, "scores")?;
    same(&workspace.phases, &content.phases, |v| &v.id, "phases")?;
    same(
        &workspace.initiatives,
        &content.initiatives,
        |v| &v.id,
        "initiatives",
    )?;
    same(
        &workspace.snapshots,
        &content.snapshots,
        |v| &v.id,
        "snapshots",
    )?;
    Ok(())
}
