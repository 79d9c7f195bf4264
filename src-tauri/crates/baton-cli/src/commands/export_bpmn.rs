//! `baton export-bpmn FILE --journey J -o OUT.bpmn [--force]`: one journey as a BPMN 2.0
//! collaboration with its diagram, for bpmn.io, Camunda Modeler or Signavio.

use std::path::PathBuf;

use baton_core::layout::{layout, LayoutStyle};

use crate::error::CliError;
use crate::files;
use crate::output;

/// Export one journey as a BPMN 2.0 file (lanes, tasks, flows and diagram).
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The .baton file.
    file: PathBuf,
    /// The journey to export, by name or id.
    #[arg(long, value_name = "J")]
    journey: String,
    /// The .bpmn file to write.
    #[arg(short, long, value_name = "OUT")]
    output: PathBuf,
    /// Replace OUT if it exists.
    #[arg(long)]
    force: bool,
}

pub fn run(args: Args) -> Result<(), CliError> {
    if files::same_file(&args.file, &args.output) {
        return Err(CliError::new(format!(
            "{}: refusing to write the export over the client file itself",
            output::path(&args.output)
        )));
    }
    let document = super::open(&args.file)?;
    let journey_id = super::chosen_journeys(&document, Some(&args.journey))?
        .first()
        .map(|journey| journey.id.clone())
        .ok_or_else(|| CliError::new("no journey chosen"))?;
    let model = document
        .journey_model(&journey_id)
        .map_err(|error| CliError::store(&args.file, error))?;
    super::close(document)?;
    let bytes = baton_interop::bpmn::export(&model, &layout(&model, &LayoutStyle::default()));
    // The exporter writes UTF-8 only (every name comes from a Rust string).
    let text = String::from_utf8_lossy(&bytes);
    // Written beside OUT in a temp file, then moved into place: never half-written.
    files::write_text(&args.output, args.force, &text)?;
    output::announce(output::text(&format!(
        "Exported the journey \"{}\" of {} to {} ({}, {})\n",
        output::shown(&model.journey.name),
        output::path(&args.file),
        output::path(&args.output),
        output::count(model.steps.len(), "step", "steps"),
        output::count(model.handoffs.len(), "handoff", "handoffs"),
    )))
}
