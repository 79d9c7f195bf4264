//! `baton export plan FILE --format pdf|xlsx|csv|md -o OUT [--journey J]... [--paper a4|letter]
//! [--date YYYY-MM-DD] [--author NAME] [--force]`.

use std::path::PathBuf;

use baton_report::{render_plan, Paper, PlanFormat, PlanOptions, PlanReport};
use chrono::NaiveDate;

use crate::error::CliError;
use crate::output;

use super::export::{only_for, report_error, Target};

/// Export the improvement plan, for the whole file or chosen journeys.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The .baton file.
    file: PathBuf,
    #[arg(long, value_enum)]
    format: FormatArg,
    #[command(flatten)]
    target: Target,
    /// A journey to report on, by name (case-insensitive) or id; repeat for several. Default:
    /// every journey.
    #[arg(long, value_name = "J")]
    journey: Vec<String>,
    /// PDF only: the paper size (default a4).
    #[arg(long, value_enum)]
    paper: Option<PaperArg>,
    /// The report's date (cover, progress and overdue): the same date gives the same PDF.
    /// Default: today.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    date: Option<NaiveDate>,
    /// PDF only: the author named on the cover.
    #[arg(long, value_name = "NAME")]
    author: Option<String>,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum FormatArg {
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
    let format = match args.format {
        FormatArg::Pdf => PlanFormat::Pdf,
        FormatArg::Xlsx => PlanFormat::Xlsx,
        FormatArg::Csv => PlanFormat::Csv,
        FormatArg::Md => PlanFormat::Markdown,
    };
    let not_pdf = format != PlanFormat::Pdf;
    only_for(args.paper.is_some() && not_pdf, "--paper", "pdf")?;
    only_for(args.author.is_some() && not_pdf, "--author", "pdf")?;
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
        paper: match args.paper.unwrap_or(PaperArg::A4) {
            PaperArg::A4 => Paper::A4,
            PaperArg::Letter => Paper::Letter,
        },
        author: args.author,
    };
    let gathered = PlanReport::build(document.workspace(), &options);
    super::close(document)?;
    let report = gathered.map_err(|error| report_error(&args.file, error))?;
    let bytes =
        render_plan(&report, &options, format).map_err(|error| report_error(&args.file, error))?;
    args.target.write(&bytes)?;
    output::announce(output::text(&format!(
        "Exported the plan ({}) to {}\n",
        output::count(report.initiatives().len(), "initiative", "initiatives"),
        output::path(&args.target.output)
    )))
}
