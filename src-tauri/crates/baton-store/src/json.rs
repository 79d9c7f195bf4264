//! The whole workspace as one JSON document, lossless: every entity, the snapshots and the
//! history (entries and cursor). Every list is in id order and the history in seq order, so the
//! same file always gives the same bytes, and export -> import -> export is byte-identical.
//!
//! Import checks the format and version, decodes each entity naming its JSON path when it
//! cannot, then replays the content into an empty workspace through the core's validation, so
//! an imported file obeys the same rules as one built by hand.

use std::path::Path;

use baton_core::*;
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

use crate::document::Document;
use crate::encryption::Passphrase;
use crate::error::StoreError;
use crate::history::StoredEntry;
use crate::history_check;
use crate::new_document::NewDocument;
use crate::replay::{self, Content, Faults};

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
    saved_mappings: Vec<&'a SavedMapping>,
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
            saved_mappings: ws.saved_mappings.values().collect(),
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

    /// [`Document::import_json`] into a file encrypted with `passphrase`.
    pub fn import_json_encrypted(
        json: &str,
        path: impl AsRef<Path>,
        passphrase: Passphrase,
    ) -> Result<Document, StoreError> {
        let path = path.as_ref();
        if std::fs::symlink_metadata(path).is_ok() {
            return Err(StoreError::FileExists {
                path: path.to_owned(),
            });
        }
        NewDocument::import_json_with(json, path, Some(passphrase))?.place(false)
    }
}

impl NewDocument {
    /// A new file for `target` (not yet placed there) from an export.
    pub fn import_json(json: &str, target: impl AsRef<Path>) -> Result<NewDocument, StoreError> {
        Self::import_json_with(json, target, None)
    }

    /// [`NewDocument::import_json`], the new file encrypted with `passphrase` when given.
    pub fn import_json_with(
        json: &str,
        target: impl AsRef<Path>,
        passphrase: Option<Passphrase>,
    ) -> Result<NewDocument, StoreError> {
        let content = decode(json)?;
        let (workspace, faults) = replay::replay(&content, Faults::First);
        if let Some(fault) = faults.into_iter().next() {
            return Err(content_error(fault.json_path(), fault.message));
        }
        history_check::verify(&workspace, &content.history, content.history_cursor)
            .map_err(|fault| content_error(fault.json_path(), fault.message))?;
        NewDocument::create_with(
            target.as_ref(),
            workspace,
            &content.history,
            content.history_cursor,
            passphrase,
        )
    }
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
        // Exports made before saved mappings existed have none.
        saved_mappings: match root.get("saved_mappings") {
            None => Vec::new(),
            value => list(value, "$.saved_mappings")?,
        },
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
