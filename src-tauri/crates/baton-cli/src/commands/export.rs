//! `baton export map|plan FILE ...`: the map of a journey as SVG, PNG or PDF, and the plan as
//! PDF, XLSX, CSV or Markdown (crate baton-report draws them; this module writes the bytes).

use std::path::{Path, PathBuf};

use crate::error::CliError;
use crate::files;

use super::{export_map, export_plan};

/// Export the map of a journey or the plan to a document for people without Baton.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    what: What,
}

#[derive(Debug, clap::Subcommand)]
enum What {
    Map(export_map::Args),
    Plan(export_plan::Args),
}

pub fn run(args: Args) -> Result<(), CliError> {
    match args.what {
        What::Map(args) => export_map::run(args),
        What::Plan(args) => export_plan::run(args),
    }
}

/// What every export writes to: OUT, replaced only with --force.
#[derive(Debug, clap::Args)]
pub struct Target {
    /// The file to write.
    #[arg(short, long, value_name = "OUT")]
    pub output: PathBuf,
    /// Replace OUT if it exists.
    #[arg(long)]
    pub force: bool,
}

impl Target {
    /// Refuses early (before the work of drawing) an OUT that exists without --force, or that
    /// is the client file itself.
    pub fn check(&self, file: &Path) -> Result<(), CliError> {
        if files::same_file(file, &self.output) {
            return Err(CliError::new(format!(
                "{}: refusing to write the export over the client file itself",
                crate::output::path(&self.output)
            )));
        }
        if !self.force && std::fs::symlink_metadata(&self.output).is_ok() {
            return Err(CliError::exists(&self.output));
        }
        Ok(())
    }

    /// Writes `bytes` to OUT atomically (`files::write_bytes`): never half-written; without
    /// --force an OUT made meanwhile is refused and left alone.
    pub fn write(&self, bytes: &[u8]) -> Result<(), CliError> {
        files::write_bytes(&self.output, self.force, bytes)
    }
}

/// A report error as the CLI's one-line error, naming the client file.
pub fn report_error(file: &Path, error: baton_report::ReportError) -> CliError {
    CliError::new(format!(
        "{}: {}",
        crate::output::path(file),
        crate::output::shown(&error.message)
    ))
}

/// Refuses an option given for a format that does not use it.
pub fn only_for(given: bool, option: &str, format: &str) -> Result<(), CliError> {
    if given {
        return Err(CliError::new(format!(
            "{option} is only for --format {format}"
        )));
    }
    Ok(())
}
