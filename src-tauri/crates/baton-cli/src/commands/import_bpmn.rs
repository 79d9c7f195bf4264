//! `baton import-bpmn FILE MODEL.bpmn [--customer LANE] [--json]`: a BPMN 2.0 process map
//! becomes a new journey (one edit, one undo step), with the preview and every assumption.

use std::path::PathBuf;

use baton_interop::bpmn::{plan_import, BpmnOptions, BpmnPlan};
use serde::Serialize;

use crate::error::CliError;
use crate::input;
use crate::output::{self, count, shown};

/// Import a BPMN 2.0 model (Camunda Modeler, Signavio, bpmn.io) as a new journey.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The client file to add the journey to.
    file: PathBuf,
    /// The .bpmn file to read, or `-` for stdin.
    model: PathBuf,
    /// The lane or pool that is the customer (by name). Default: one named Customer or Client.
    #[arg(long, value_name = "LANE")]
    customer: Option<String>,
    /// Print JSON: {"journey_id", "history_seq", "plan": {lanes, stages, steps, handoffs,
    /// assumptions...}}.
    #[arg(long)]
    json: bool,
}

#[derive(Serialize)]
struct Report<'a> {
    journey_id: String,
    history_seq: u32,
    plan: &'a BpmnPlan,
}

pub fn run(args: Args) -> Result<(), CliError> {
    // The model is read and planned first (within the input limit): a bad one never opens FILE.
    let bytes = input::read(&args.model)?;
    let options = BpmnOptions {
        customer_lane: args.customer.clone(),
    };
    let plan = plan_import(&bytes, &options).map_err(|error| {
        CliError::new(format!(
            "{}: {}; nothing imported",
            output::path(&args.model),
            output::one_line(&error.to_string())
        ))
    })?;
    drop(bytes);
    let mut document = super::open(&args.file)?;
    let (edit, journey_id) = plan.edit(document.workspace());
    document
        .apply(edit)
        .map_err(|error| CliError::store(&args.file, error))?;
    let history_seq = super::history(&document)?.len() as u32;
    super::close(document)?;
    let printed = if args.json {
        output::json(&Report {
            journey_id,
            history_seq,
            plan: &plan,
        })
    } else {
        output::text(&render(&args, &plan))
    };
    output::announce(printed)
}

fn render(args: &Args, plan: &BpmnPlan) -> String {
    let mut text = format!(
        "Imported {} into {} as the journey \"{}\": {}, {}, {}, {} (undo with `baton undo`)\n",
        output::path(&args.model),
        output::path(&args.file),
        shown(&plan.journey_name),
        count(plan.stages.len(), "stage", "stages"),
        count(plan.lanes.len(), "lane", "lanes"),
        count(plan.steps.len(), "step", "steps"),
        count(plan.handoffs.len(), "handoff", "handoffs"),
    );
    text.push_str("Lanes:\n");
    for lane in &plan.lanes {
        let kind = if lane.customer {
            "customer".to_string()
        } else {
            format!("actor, {:?}", lane.work).to_lowercase()
        };
        let department = lane
            .department
            .as_deref()
            .map(|d| format!(", department \"{}\"", shown(d)))
            .unwrap_or_default();
        text.push_str(&format!(
            "  \"{}\" ({kind}{department})\n",
            shown(&lane.name)
        ));
    }
    text.push_str("Handoffs:\n");
    for handoff in &plan.handoffs {
        let from = &plan.steps[handoff.from as usize];
        let to = &plan.steps[handoff.to as usize];
        text.push_str(&format!(
            "  \"{}\" -> \"{}\" ({}{})\n",
            shown(&from.title),
            shown(&to.title),
            format!("{:?}", handoff.mode).to_lowercase(),
            if handoff.message {
                ", message flow"
            } else {
                ""
            }
        ));
    }
    text.push_str("Assumptions:\n");
    for assumption in &plan.assumptions {
        text.push_str(&format!("  - {}\n", output::one_line(assumption)));
    }
    text
}
