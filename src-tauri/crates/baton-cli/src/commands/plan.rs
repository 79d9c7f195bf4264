//! `baton plan FILE [--journey J] [--by phase|priority|owner] [--today DATE] [--json]`: the
//! improvement plan: phases, initiatives with their quadrant, owner, status, due date, measured
//! progress and evidence, and each journey's coverage (what no initiative addresses yet).
//!
//! The plan itself is `baton_core::plan::plan_view`; this command picks the journey, prints,
//! and never edits the file.

use std::path::PathBuf;

use baton_core::plan::{
    analyse_for_plan, plan_view, InitiativeView, PlanFilter, PlanView, ProgressState,
};
use baton_core::{InitiativeStatus, Workspace};
use chrono::NaiveDate;
use serde::Serialize;

use crate::error::CliError;
use crate::output;

/// The `format` of `baton plan --json`, and its version (bumped on an incompatible change).
pub const FORMAT_NAME: &str = "baton-plan";
pub const FORMAT_VERSION: u32 = 1;

/// How the text groups the initiatives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum By {
    /// Phase by phase, in each by position (the board).
    Phase,
    /// Quick wins, big bets, fill-ins, money pits; then impact, effort, evidence.
    Priority,
    /// Grouped by owner (no owner last).
    Owner,
}

/// Print the improvement plan of a client file, with measured progress and coverage.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The .baton file (only read, never edited).
    file: PathBuf,
    /// Only the initiatives about this journey (its id, or its name, case-insensitive), and
    /// only its coverage. Default: the whole plan, every journey's coverage.
    #[arg(long, value_name = "NAME_OR_ID")]
    journey: Option<String>,
    /// How to group the initiatives in the text.
    #[arg(long, value_enum, default_value = "phase")]
    by: By,
    /// Judge overdue and progress as of this day (YYYY-MM-DD). Default: today (UTC).
    #[arg(long, value_name = "DATE")]
    today: Option<NaiveDate>,
    /// Print JSON: {"format": "baton-plan", "version": 1, "file", "by", "plan"} (see the
    /// README).
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Serialize)]
struct Report<'a> {
    format: &'static str,
    version: u32,
    file: String,
    by: By,
    plan: &'a PlanView,
}

pub fn run(args: Args) -> Result<(), CliError> {
    let document = super::open(&args.file)?;
    let journey_id = match &args.journey {
        Some(wanted) => super::chosen_journeys(&document, Some(wanted))?
            .first()
            .map(|j| j.id.clone()),
        None => None,
    };
    let filter = PlanFilter {
        journey_id,
        ..PlanFilter::default()
    };
    let today = args
        .today
        .unwrap_or_else(|| chrono::Utc::now().date_naive());
    let analyses = analyse_for_plan(document.workspace(), &filter);
    let view = plan_view(document.workspace(), &filter, today, &analyses);
    let text = (!args.json).then(|| render(document.workspace(), &view, args.by));
    super::close(document)?;
    match text {
        Some(text) => output::text(&format!(
            "Plan of {} as of {today}\n\n{text}",
            output::path(&args.file)
        )),
        None => output::json(&Report {
            format: FORMAT_NAME,
            version: FORMAT_VERSION,
            file: args.file.display().to_string(),
            by: args.by,
            plan: &view,
        }),
    }
}

fn render(ws: &Workspace, view: &PlanView, by: By) -> String {
    let mut out = String::new();
    if view.initiative_count == 0 {
        out.push_str("No initiatives yet: `baton draft-plan FILE --journey J` drafts them from the analysis.\n");
    }
    match by {
        By::Phase => {
            for (n, phase) in view.phases.iter().enumerate() {
                let c = &phase.counts;
                out.push_str(&format!(
                    "Phase {}: {} ({} proposed, {} planned, {} in progress, {} done, {} dropped{})\n",
                    n + 1,
                    output::shown(&phase.phase.name),
                    c.proposed,
                    c.planned,
                    c.in_progress,
                    c.done,
                    c.dropped,
                    phase
                        .done_share
                        .map(|s| format!("; {:.0} % done", s * 100.0))
                        .unwrap_or_default()
                ));
                for initiative in &phase.initiatives {
                    out.push_str(&render_initiative(initiative, None));
                }
                out.push('\n');
            }
        }
        By::Priority => {
            for initiative in view.by_priority() {
                out.push_str(&render_initiative(
                    initiative,
                    Some(phase_name(ws, initiative)),
                ));
            }
            out.push('\n');
        }
        By::Owner => {
            for (owner, initiatives) in view.by_owner() {
                let owner = if owner.is_empty() {
                    "(no owner)".to_owned()
                } else {
                    output::shown(&owner)
                };
                out.push_str(&format!("{owner}\n"));
                for initiative in initiatives {
                    out.push_str(&render_initiative(
                        initiative,
                        Some(phase_name(ws, initiative)),
                    ));
                }
                out.push('\n');
            }
        }
    }
    for coverage in &view.coverage {
        out.push_str(&render_coverage(ws, coverage));
    }
    out
}

fn phase_name(ws: &Workspace, view: &InitiativeView) -> String {
    ws.phases
        .get(&view.initiative.phase_id)
        .map(|p| output::shown(&p.name))
        .unwrap_or_default()
}

pub(super) fn status_word(status: InitiativeStatus) -> &'static str {
    match status {
        InitiativeStatus::Proposed => "proposed",
        InitiativeStatus::Planned => "planned",
        InitiativeStatus::InProgress => "in progress",
        InitiativeStatus::Done => "done",
        InitiativeStatus::Dropped => "dropped",
    }
}

fn render_initiative(view: &InitiativeView, phase: Option<String>) -> String {
    let i = &view.initiative;
    let owner = if i.owner.trim().is_empty() {
        "no owner".to_owned()
    } else {
        output::shown(&i.owner)
    };
    let due = match i.due {
        Some(due) if view.overdue => format!(", due {due} (OVERDUE)"),
        Some(due) => format!(", due {due}"),
        None => String::new(),
    };
    let phase = phase.map(|p| format!(" [{p}]")).unwrap_or_default();
    let mut out = format!(
        "  - “{}”{phase}\n      {} (impact {}, effort {}), {owner}, {}{due}\n",
        output::shown(&i.title),
        view.quadrant.label(),
        i.impact,
        i.effort,
        status_word(i.status)
    );
    out.push_str(&format!("      progress: {}\n", progress_words(view)));
    let e = &view.evidence;
    out.push_str(&format!(
        "      evidence {}: {} ({} friction), {}\n",
        e.score,
        output::count(e.handoffs.len(), "handoff", "handoffs"),
        e.handoffs.iter().map(|h| h.friction).sum::<u32>(),
        output::count(e.touchpoints.len(), "missed target", "missed targets"),
    ));
    out
}

/// "CES 3.4 → 4.2 of 5.0, 64 % (improving)", or the state in words.
fn progress_words(view: &InitiativeView) -> String {
    let p = &view.progress;
    let metric = p
        .metric_name
        .as_deref()
        .map(output::shown)
        .unwrap_or_default();
    let expected = p.expected.map(number).unwrap_or_default();
    match (&p.baseline, &p.current) {
        (Some(b), Some(c)) => format!(
            "{metric} {} → {} of {expected}{} ({}); baseline {} (n {}), current {} (n {})",
            number(b.value),
            number(c.value),
            p.percent.map(|x| format!(", {x:.0} %")).unwrap_or_default(),
            p.state.label(),
            output::shown(&b.period.label),
            b.sample_size,
            output::shown(&c.period.label),
            c.sample_size
        ),
        (Some(b), None) if p.state == ProgressState::AwaitingData => format!(
            "awaiting data ({metric} baseline {} in {}, target {expected})",
            number(b.value),
            output::shown(&b.period.label)
        ),
        _ if p.metric_id.is_some() => format!("{} ({metric} to reach {expected})", p.state.label()),
        _ => p.state.label().to_owned(),
    }
}

/// A reading as printed: at most one decimal, no trailing ".0".
pub(super) fn number(value: f64) -> String {
    let rounded = (value * 10.0).round() / 10.0;
    if rounded.fract() == 0.0 {
        format!("{rounded:.0}")
    } else {
        format!("{rounded:.1}")
    }
}

fn render_coverage(ws: &Workspace, c: &baton_core::plan::Coverage) -> String {
    let unaddressed = c.unaddressed_suggestion_count as usize;
    let total = c.addressed_suggestions.len() + unaddressed;
    let mut out = format!(
        "Coverage of “{}”: {} of {} suggestions addressed\n",
        output::shown(&c.journey_name),
        c.addressed_suggestions.len(),
        total
    );
    for s in &c.unaddressed_suggestions {
        out.push_str(&format!(
            "  - unaddressed: {}\n",
            output::one_line(&s.reason)
        ));
    }
    if unaddressed > c.unaddressed_suggestions.len() {
        out.push_str(&format!(
            "  - and {} more unaddressed (`baton analyze` lists every suggestion)\n",
            unaddressed - c.unaddressed_suggestions.len()
        ));
    }
    out.push_str(&format!(
        "  flagged chains: {}, {} unaddressed\n",
        c.flagged_chains,
        c.unaddressed_chains.len()
    ));
    for chain in &c.unaddressed_chains {
        let first = chain
            .handoff_ids
            .first()
            .map(|h| handoff_words(ws, h))
            .unwrap_or_default();
        out.push_str(&format!(
            "  - chain of {} transfers from {first}\n",
            chain.handoff_ids.len()
        ));
    }
    for h in &c.unaddressed_handoffs {
        out.push_str(&format!(
            "  - worst handoff not linked: {} (friction {})\n",
            handoff_words(ws, &h.handoff_id),
            h.friction
        ));
    }
    out.push('\n');
    out
}

/// `“from” → “to”`, escaped and shortened.
fn handoff_words(ws: &Workspace, id: &str) -> String {
    let title = |step: &str| {
        ws.steps
            .get(step)
            .map(|s| format!("“{}”", output::shown(&s.title)))
            .unwrap_or_else(|| output::shown(step))
    };
    match ws.handoffs.get(id) {
        Some(h) => format!("{} → {}", title(&h.from_step_id), title(&h.to_step_id)),
        None => output::shown(id),
    }
}
