//! `baton draft-plan FILE --journey J [--dry-run] [--json]`: drafts the improvement plan of a
//! journey from its analysis (`baton_core::plan::draft_plan`): one proposed initiative per
//! suggestion no initiative addresses yet, added as ONE edit (one `baton undo` removes it).
//! With `--dry-run` it prints what it would add and leaves the file untouched.

use std::path::PathBuf;

use baton_core::plan::draft_plan;
use baton_core::{Edit, Initiative, Workspace};
use serde::Serialize;

use crate::error::CliError;
use crate::output;

/// The `format` of `baton draft-plan --json`, and its version.
pub const FORMAT_NAME: &str = "baton-draft-plan";
pub const FORMAT_VERSION: u32 = 1;

/// Draft a journey's improvement plan from its analysis (one edit, one undo).
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The .baton file.
    file: PathBuf,
    /// The journey: its id, or its name (case-insensitive).
    #[arg(long, value_name = "NAME_OR_ID")]
    journey: String,
    /// Print what would be added; change nothing.
    #[arg(long)]
    dry_run: bool,
    /// Print JSON: {"format": "baton-draft-plan", "version": 1, "file", "journey_id",
    /// "dry_run", "applied", "initiatives": [initiative]}.
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Serialize)]
struct Report {
    format: &'static str,
    version: u32,
    file: String,
    journey_id: String,
    dry_run: bool,
    /// Whether the draft was added to the file (false on a dry run or when nothing was new).
    applied: bool,
    initiatives: Vec<Initiative>,
}

pub fn run(args: Args) -> Result<(), CliError> {
    let mut document = super::open(&args.file)?;
    let journey = super::chosen_journeys(&document, Some(&args.journey))?
        .first()
        .map(|j| (j.id.clone(), j.name.clone()))
        .ok_or_else(|| CliError::new(format!("{}: no such journey", output::path(&args.file))))?;
    let draft = draft_plan(document.workspace(), &journey.0).map_err(|error| {
        CliError::new(format!(
            "{}: {}",
            output::path(&args.file),
            output::one_line(&error.message)
        ))
    })?;
    let initiatives = match &draft {
        Some(Edit::Batch { edits, .. }) => edits
            .iter()
            .filter_map(|e| match e {
                Edit::CreateInitiative { initiative } => Some(initiative.clone()),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    };
    let listing = render(document.workspace(), &initiatives);
    let applied = match draft {
        Some(edit) if !args.dry_run => {
            super::new::apply(&mut document, edit)?;
            true
        }
        _ => false,
    };
    super::close(document)?;
    let printed = if args.json {
        output::json(&Report {
            format: FORMAT_NAME,
            version: FORMAT_VERSION,
            file: args.file.display().to_string(),
            journey_id: journey.0,
            dry_run: args.dry_run,
            applied,
            initiatives,
        })
    } else {
        let file = output::path(&args.file);
        let name = output::shown(&journey.1);
        let head = if initiatives.is_empty() {
            format!(
                "Nothing to draft for “{name}” in {file}: every suggestion is addressed already\n"
            )
        } else if applied {
            format!(
                "Added {} to the plan of {file} for “{name}” (one edit: `baton undo` removes it)\n",
                output::count(initiatives.len(), "initiative", "initiatives")
            )
        } else {
            format!(
                "Would add {} to the plan of {file} for “{name}” (dry run: nothing changed)\n",
                output::count(initiatives.len(), "initiative", "initiatives")
            )
        };
        output::text(&format!("{head}{listing}"))
    };
    // Once the draft is saved, a failure to print does not make the command fail.
    if applied {
        output::announce(printed)
    } else {
        printed
    }
}

fn render(ws: &Workspace, initiatives: &[Initiative]) -> String {
    initiatives
        .iter()
        .map(|i| {
            let phase = ws
                .phases
                .get(&i.phase_id)
                .map(|p| output::shown(&p.name))
                .unwrap_or_default();
            let owner = if i.owner.is_empty() {
                "no owner".to_owned()
            } else {
                output::shown(&i.owner)
            };
            let effect = i
                .expected_effect
                .as_ref()
                .map(|e| {
                    let metric = ws
                        .metrics
                        .get(&e.metric_id)
                        .map(|m| output::shown(&m.name))
                        .unwrap_or_default();
                    format!(", expects {metric} {}", super::plan::number(e.value))
                })
                .unwrap_or_default();
            format!(
                "  - “{}” [{phase}] impact {}, effort {}, {owner}{effect}\n",
                output::shown(&i.title),
                i.impact,
                i.effort
            )
        })
        .collect()
}
