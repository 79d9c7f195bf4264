//! `baton export plan FILE --format pdf|xlsx|csv|md -o OUT [--journey J]... [--paper a4|letter]
//! [--date YYYY-MM-DD] [--author NAME]`.

use std::path::PathBuf;

use baton_report::plan::{self, Paper, PlanOptions, PlanReport};
use chrono::NaiveDate;

use crate::error::CliError;
use crate::output;

use super::export::{report_error, Target};

/// Export the improvement plan, for the whole file or chosen journeys.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The .baton file.
    file: PathBuf,
    #[arg(long, value_enum)]
    format: PlanFormat,
    #[command(flatten)]
    target: Target,
    /// A journey to report on, by name (case-insensitive) or id; repeat for several. Default:
    /// every journey.
    #[arg(long, value_name = "J")]
    journey: Vec<String>,
    /// PDF only: the paper size.
    #[arg(long, value_enum, default_value = "a4")]
    paper: PaperArg,
    /// The report's date (cover, progress and overdue): the same date gives the same file.
    /// Default: today.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    date: Option<NaiveDate>,
    /// PDF only: the author named on the cover.
    #[arg(long, value_name = "NAME")]
    author: Option<String>,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum PlanFormat {
    Pdf,
    Xlsx,
    Csv,
    Md,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum PaperArg {
    A4,
    Letter,
}

fn parse_date(value: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(value, "%Y-%m-%d")
        .map_err(|_| format!("\"{}\" is not a date like 2026-03-15", output::shown(value)))
}

pub fn run(args: Args) -> Result<(), CliError> {
    args.target.check(&args.file)?;
    let document = super::open(&args.file)?;
    let mut journey_ids = Vec::new();
    for wanted in &args.journey {
        for journey in super::chosen_journeys(&document, Some(wanted))? {
            journey_ids.push(journey.id.clone());
        }
    }
    let options = PlanOptions {
        journey_ids,
        date: args.date,
        paper: match args.paper {
            PaperArg::A4 => Paper::A4,
            PaperArg::Letter => Paper::Letter,
        },
        author: args.author.clone(),
    };
    let gathered = PlanReport::build(document.workspace(), &options);
    super::close(document)?;
    let report = gathered.map_err(|e| report_error(&args.file, e))?;
    let bytes = match args.format {
        PlanFormat::Pdf => pdf(&report, &options),
        PlanFormat::Xlsx => plan::xlsx::plan_xlsx(&report),
        PlanFormat::Csv => plan::csv::plan_csv(&report),
        PlanFormat::Md => Ok(plan::markdown::plan_markdown(&report).into_bytes()),
    }
    .map_err(|e| report_error(&args.file, e))?;
    args.target.write(&bytes)?;
    output::text(&format!(
        "Exported the plan ({}) to {}\n",
        output::count(report.initiatives().len(), "initiative", "initiatives"),
        output::path(&args.target.output)
    ))
}

#[cfg(feature = "pdf")]
fn pdf(report: &PlanReport, options: &PlanOptions) -> Result<Vec<u8>, baton_report::ReportError> {
    plan::pdf::plan_pdf(report, options)
}

#[cfg(not(feature = "pdf"))]
fn pdf(_: &PlanReport, _: &PlanOptions) -> Result<Vec<u8>, baton_report::ReportError> {
    Err(baton_report::ReportError::bad_options(
        "this baton was built without PDF exports (feature \"pdf\")",
    ))
}
