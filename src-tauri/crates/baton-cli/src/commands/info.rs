//! `baton info FILE [--json]`: what a client file holds.

use std::path::PathBuf;

use baton_core::{JourneyState, MetricKind};
use baton_store::{Document, SCHEMA_VERSION};
use serde::Serialize;

use crate::error::CliError;
use crate::output::{self, count, shown};

/// Show a client file's name, journeys, personas, metrics, plan and history.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The .baton file.
    file: PathBuf,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Serialize)]
struct Info {
    file: String,
    name: String,
    description: String,
    schema_version: u32,
    history: HistoryCounts,
    journeys: Vec<JourneyInfo>,
    personas: Vec<PersonaInfo>,
    metrics: Vec<MetricInfo>,
    phases: Vec<PhaseInfo>,
    snapshots: usize,
}

#[derive(Debug, Serialize)]
struct HistoryCounts {
    /// Every entry, undone ones included.
    entries: usize,
    undone: usize,
}

#[derive(Debug, Serialize)]
struct JourneyInfo {
    id: String,
    name: String,
    state: JourneyState,
    persona: Option<String>,
    stages: usize,
    lanes: usize,
    steps: usize,
    handoffs: usize,
}

#[derive(Debug, Serialize)]
struct PersonaInfo {
    id: String,
    name: String,
    role: String,
}

#[derive(Debug, Serialize)]
struct MetricInfo {
    id: String,
    name: String,
    kind: MetricKind,
    scale_min: f64,
    scale_max: f64,
}

#[derive(Debug, Serialize)]
struct PhaseInfo {
    id: String,
    name: String,
    initiatives: Vec<String>,
}

pub fn run(args: Args) -> Result<(), CliError> {
    let document = super::open(&args.file)?;
    let info = gather(&args, &document)?;
    super::close(document)?;
    if args.json {
        output::json(&info)
    } else {
        output::text(&render(&info))
    }
}

fn gather(args: &Args, document: &Document) -> Result<Info, CliError> {
    let ws = document.workspace();
    let history = document
        .history()
        .map_err(|error| CliError::store(&args.file, error))?;
    Ok(Info {
        file: args.file.display().to_string(),
        name: ws.info.name.clone(),
        description: ws.info.description.clone(),
        schema_version: SCHEMA_VERSION,
        history: HistoryCounts {
            entries: history.len(),
            undone: history.iter().filter(|entry| entry.undone).count(),
        },
        journeys: document
            .journeys()
            .into_iter()
            .map(|journey| JourneyInfo {
                id: journey.id.clone(),
                name: journey.name.clone(),
                state: journey.state,
                persona: journey
                    .persona_id
                    .as_ref()
                    .and_then(|id| ws.personas.get(id))
                    .map(|persona| persona.name.clone()),
                stages: in_journey(ws.stages.values().map(|s| &s.journey_id), &journey.id),
                lanes: in_journey(ws.lanes.values().map(|l| &l.journey_id), &journey.id),
                steps: in_journey(ws.steps.values().map(|s| &s.journey_id), &journey.id),
                handoffs: in_journey(ws.handoffs.values().map(|h| &h.journey_id), &journey.id),
            })
            .collect(),
        personas: document
            .personas()
            .into_iter()
            .map(|persona| PersonaInfo {
                id: persona.id.clone(),
                name: persona.name.clone(),
                role: persona.role.clone(),
            })
            .collect(),
        metrics: document
            .metrics()
            .into_iter()
            .map(|metric| MetricInfo {
                id: metric.id.clone(),
                name: metric.name.clone(),
                kind: metric.kind,
                scale_min: metric.scale_min,
                scale_max: metric.scale_max,
            })
            .collect(),
        phases: document
            .plan()
            .into_iter()
            .map(|plan| PhaseInfo {
                id: plan.phase.id,
                name: plan.phase.name,
                initiatives: plan.initiatives.into_iter().map(|i| i.title).collect(),
            })
            .collect(),
        snapshots: ws.snapshots.len(),
    })
}

fn in_journey<'a>(journey_ids: impl Iterator<Item = &'a String>, journey: &str) -> usize {
    journey_ids.filter(|id| *id == journey).count()
}

fn render(info: &Info) -> String {
    let mut out = String::new();
    out.push_str(&format!(
        "{}: \"{}\"\n",
        shown(&info.file),
        shown(&info.name)
    ));
    if !info.description.is_empty() {
        out.push_str(&format!("  {}\n", shown(&info.description)));
    }
    out.push_str(&format!(
        "Schema version {}; history {} ({} undone); {}\n",
        info.schema_version,
        count(info.history.entries, "edit", "edits"),
        info.history.undone,
        count(info.snapshots, "snapshot", "snapshots"),
    ));
    out.push_str(&format!("\nJourneys ({})\n", info.journeys.len()));
    for journey in &info.journeys {
        let state = match journey.state {
            JourneyState::Current => "current",
            JourneyState::Future => "future",
        };
        let persona = journey
            .persona
            .as_ref()
            .map(|name| format!(", for {}", shown(name)))
            .unwrap_or_default();
        out.push_str(&format!(
            "  {} [{state}{persona}]\n    {}, {}, {}, {}\n",
            shown(&journey.name),
            count(journey.stages, "stage", "stages"),
            count(journey.lanes, "lane", "lanes"),
            count(journey.steps, "step", "steps"),
            count(journey.handoffs, "handoff", "handoffs"),
        ));
    }
    out.push_str(&format!("\nPersonas ({})\n", info.personas.len()));
    for persona in &info.personas {
        if persona.role.is_empty() {
            out.push_str(&format!("  {}\n", shown(&persona.name)));
        } else {
            out.push_str(&format!(
                "  {}: {}\n",
                shown(&persona.name),
                shown(&persona.role)
            ));
        }
    }
    out.push_str(&format!("\nMetrics ({})\n", info.metrics.len()));
    for metric in &info.metrics {
        out.push_str(&format!(
            "  {} (responses {}..{})\n",
            shown(&metric.name),
            metric.scale_min,
            metric.scale_max
        ));
    }
    out.push_str("\nImprovement plan\n");
    for (number, phase) in info.phases.iter().enumerate() {
        out.push_str(&format!(
            "  {}. {}: {}\n",
            number + 1,
            shown(&phase.name),
            count(phase.initiatives.len(), "initiative", "initiatives")
        ));
        for title in &phase.initiatives {
            out.push_str(&format!("     - {}\n", shown(title)));
        }
    }
    out
}
