//! `baton diff FILE A B [--json]`: compares version A (before) with version B (after) of a
//! journey (`baton_core::compare`). A and B each name a snapshot or a journey (as it is now), by
//! id or by name (case-insensitive). Text, or JSON `{"format": "baton-diff", "version": 1}`
//! (README, "baton diff").

use std::path::{Path, PathBuf};

use baton_core::analysis::AnalysisOptions;
use baton_core::compare::{compare, ChangeStatus, Comparison, ItemChange, ItemKind, Pairing};
use baton_core::{Id, JourneyModel, Workspace};
use serde::Serialize;

use crate::error::CliError;
use crate::output;

/// The `format` of `baton diff --json`, and its version.
pub const FORMAT_NAME: &str = "baton-diff";
pub const FORMAT_VERSION: u32 = 1;

/// Compare two versions of a journey: snapshots, the journey now, or a journey and its future
/// state.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The .baton file.
    file: PathBuf,
    /// Version A (before): a snapshot or a journey, by id or name.
    a: String,
    /// Version B (after): a snapshot or a journey, by id or name.
    b: String,
    /// Print JSON: {"format": "baton-diff", "version": 1, "file", "a", "b", "comparison"}.
    #[arg(long)]
    json: bool,
}

/// What A or B names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
enum SideKind {
    Snapshot,
    Journey,
}

/// One side of the comparison, as the JSON names it.
#[derive(Debug, Serialize)]
struct Side {
    kind: SideKind,
    /// The snapshot's or the journey's id.
    id: Id,
    name: String,
    /// The journey the model is of.
    journey_id: Id,
    journey_name: String,
    /// When the snapshot was taken (snapshots only).
    created_at: Option<chrono::DateTime<chrono::Utc>>,
}

#[derive(Debug, Serialize)]
struct Report<'c> {
    format: &'static str,
    version: u32,
    file: String,
    a: Side,
    b: Side,
    comparison: &'c Comparison,
}

pub fn run(args: Args) -> Result<(), CliError> {
    let document = super::open(&args.file)?;
    let ws = document.workspace();
    let (a, a_model) = resolve(ws, &args.file, &args.a)?;
    let (b, b_model) = resolve(ws, &args.file, &args.b)?;
    let comparison = compare(&a_model, &b_model, &ws.metrics, &AnalysisOptions::default());
    let text = (!args.json).then(|| render(ws, &a, &b, &comparison));
    super::close(document)?;
    match text {
        Some(text) => output::text(&text),
        None => output::json(&Report {
            format: FORMAT_NAME,
            version: FORMAT_VERSION,
            file: args.file.display().to_string(),
            a,
            b,
            comparison: &comparison,
        }),
    }
}

/// The snapshot or journey `wanted` names: an id first, else a name (trimmed,
/// case-insensitive) shared by exactly one snapshot or journey.
fn resolve(ws: &Workspace, file: &Path, wanted: &str) -> Result<(Side, JourneyModel), CliError> {
    let journey_name = |id: &str| ws.journeys.get(id).map(|j| j.name.clone());
    let of_snapshot = |id: &Id| {
        let s = &ws.snapshots[id];
        (
            Side {
                kind: SideKind::Snapshot,
                id: s.id.clone(),
                name: s.name.clone(),
                journey_id: s.journey_id.clone(),
                journey_name: journey_name(&s.journey_id)
                    .unwrap_or_else(|| s.model.journey.name.clone()),
                created_at: Some(s.created_at),
            },
            s.model.clone(),
        )
    };
    let of_journey = |id: &Id| {
        let j = &ws.journeys[id];
        let model = ws.journey_model(id)?;
        Some((
            Side {
                kind: SideKind::Journey,
                id: j.id.clone(),
                name: j.name.clone(),
                journey_id: j.id.clone(),
                journey_name: j.name.clone(),
                created_at: None,
            },
            model,
        ))
    };
    if ws.snapshots.contains_key(wanted) {
        return Ok(of_snapshot(&wanted.to_owned()));
    }
    if ws.journeys.contains_key(wanted) {
        if let Some(found) = of_journey(&wanted.to_owned()) {
            return Ok(found);
        }
    }
    let key = wanted.trim().to_lowercase();
    let same = |name: &str| name.trim().to_lowercase() == key;
    let snapshots: Vec<&Id> = ws
        .snapshots
        .values()
        .filter(|s| same(&s.name))
        .map(|s| &s.id)
        .collect();
    let journeys: Vec<&Id> = ws
        .journeys
        .values()
        .filter(|j| same(&j.name))
        .map(|j| &j.id)
        .collect();
    let file = output::path(file);
    let shown = output::shown(wanted);
    match (snapshots.as_slice(), journeys.as_slice()) {
        ([id], []) => Ok(of_snapshot(id)),
        ([], [id]) => of_journey(id)
            .ok_or_else(|| CliError::new(format!("{file}: the journey \"{shown}\" is missing"))),
        ([], []) => Err(CliError::new(format!(
            "{file}: no snapshot or journey is called \"{shown}\" (see `baton snapshots` and \
             `baton info`)"
        ))),
        _ => {
            let ids: Vec<String> = snapshots
                .iter()
                .map(|id| format!("snapshot {}", output::shown(id)))
                .chain(
                    journeys
                        .iter()
                        .map(|id| format!("journey {}", output::shown(id))),
                )
                .collect();
            Err(CliError::new(format!(
                "{file}: {} things are called \"{shown}\"; name one by id: {}",
                ids.len(),
                ids.join(", ")
            )))
        }
    }
}

fn describe(side: &Side) -> String {
    match side.kind {
        SideKind::Snapshot => format!(
            "snapshot “{}” of “{}” ({})",
            output::shown(&side.name),
            output::shown(&side.journey_name),
            side.created_at
                .map(|at| at.format("%Y-%m-%d %H:%M UTC").to_string())
                .unwrap_or_default()
        ),
        SideKind::Journey => format!("journey “{}” as it is now", output::shown(&side.name)),
    }
}

fn render(ws: &Workspace, a: &Side, b: &Side, c: &Comparison) -> String {
    let mut out = format!("A: {}\nB: {}\n", describe(a), describe(b));
    out.push_str(match c.pairing {
        Pairing::ById => "Items paired by id.\n",
        Pairing::ByOrigin => "Items paired by origin (a future-state copy and its original).\n",
    });
    for note in &c.notes {
        out.push_str(&format!("Note: {}\n", output::one_line(note)));
    }
    out.push_str(&format!(
        "\nChanges: {} added, {} removed, {} changed, {} moved\n",
        c.counts.added, c.counts.removed, c.counts.changed, c.counts.moved
    ));
    for change in &c.changes {
        out.push_str(&change_line(change));
    }
    out.push_str("\nFigures (A → B):\n");
    let width = c
        .figures
        .iter()
        .map(|f| f.label.chars().count())
        .max()
        .unwrap_or(0);
    for f in &c.figures {
        let value = |v: Option<f64>| v.map_or("–".to_owned(), super::plan::number);
        let difference = match f.difference {
            Some(d) if d != 0.0 => format!(
                "  ({}{})",
                if d > 0.0 { "+" } else { "" },
                super::plan::number(d)
            ),
            _ => String::new(),
        };
        out.push_str(&format!(
            "  {:<width$}  {} → {}{difference}\n",
            f.label,
            value(f.a),
            value(f.b)
        ));
    }
    let changed: Vec<_> = c.handoffs.iter().filter(|h| h.difference != 0).collect();
    if !changed.is_empty() {
        out.push_str("\nHandoff friction that changed (A → B):\n");
        for h in changed {
            out.push_str(&format!(
                "  “{}”  {} → {}  ({:+})\n",
                output::shown(&h.name),
                h.a,
                h.b,
                h.difference
            ));
        }
    }
    let moved_scores: Vec<_> = c.touchpoints.iter().filter(|t| t.a != t.b).collect();
    if !moved_scores.is_empty() {
        out.push_str("\nTouchpoint scores that changed (latest / target, A → B):\n");
        for t in moved_scores {
            let metric = ws
                .metrics
                .get(&t.metric_id)
                .map(|m| output::shown(&m.name))
                .unwrap_or_default();
            let reading = |r: &Option<baton_core::compare::Reading>| match r {
                None => "–".to_owned(),
                Some(r) => format!(
                    "{} / {}",
                    r.latest.map_or("–".to_owned(), super::plan::number),
                    r.target.map_or("–".to_owned(), super::plan::number)
                ),
            };
            out.push_str(&format!(
                "  “{}” {metric}: {} → {}\n",
                output::shown(&t.title),
                reading(&t.a),
                reading(&t.b)
            ));
        }
    }
    out
}

fn change_line(change: &ItemChange) -> String {
    let kind = match change.kind {
        ItemKind::Stage => "stage",
        ItemKind::Lane => "lane",
        ItemKind::Step => "step",
        ItemKind::Handoff => "handoff",
    };
    let name = output::shown(&change.name);
    match change.status {
        ChangeStatus::Added => format!("  + added {kind} “{name}”\n"),
        ChangeStatus::Removed => format!("  - removed {kind} “{name}”\n"),
        ChangeStatus::Kept => {
            let mut parts: Vec<String> = change
                .fields
                .iter()
                .map(|f| {
                    format!(
                        "{} “{}” → “{}”",
                        f.field,
                        output::shown(&f.before),
                        output::shown(&f.after)
                    )
                })
                .collect();
            if let Some(m) = &change.moved {
                parts.push(format!(
                    "moved from {} / {} to {} / {}",
                    output::shown(&m.from_stage),
                    output::shown(&m.from_lane),
                    output::shown(&m.to_stage),
                    output::shown(&m.to_lane)
                ));
            }
            format!("  ~ {kind} “{name}”: {}\n", parts.join("; "))
        }
    }
}
