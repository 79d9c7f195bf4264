//! `baton export map FILE --journey J --format svg|png|pdf -o OUT [--scale N] [--friction]
//! [--no-scores] [--no-chains] [--theme light|dark] [--paper fit|a4|a3] [--force]`.

use std::path::PathBuf;

use baton_report::{export_map, MapExport, MapFormat, MapOptions, MapPaper, Theme};

use crate::error::CliError;
use crate::output;

use super::export::{only_for, report_error, Target};

/// Export one journey's map, drawn as on the screen.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The .baton file.
    file: PathBuf,
    /// The journey, by name (case-insensitive) or id.
    #[arg(long, value_name = "J")]
    journey: String,
    #[arg(long, value_enum)]
    format: FormatArg,
    #[command(flatten)]
    target: Target,
    /// PNG only: pixels per map unit (above 0, at most 8; default 2).
    #[arg(long, value_name = "N")]
    scale: Option<f32>,
    /// Draw handoffs by friction (colour, width and score) instead of by mode.
    #[arg(long)]
    friction: bool,
    /// Leave out the score pills on cards and handoffs.
    #[arg(long)]
    no_scores: bool,
    /// Leave out the marks of flagged transfer chains.
    #[arg(long)]
    no_chains: bool,
    /// Colours: light (for print, the default) or dark.
    #[arg(long, value_enum, default_value = "light")]
    theme: ThemeArg,
    /// PDF only: one page sized to the map (fit, the default), or the map at full size split
    /// over overlapping A4 or A3 landscape pages.
    #[arg(long, value_enum)]
    paper: Option<PaperArg>,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum FormatArg {
    Svg,
    Png,
    Pdf,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum ThemeArg {
    Light,
    Dark,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum PaperArg {
    Fit,
    A4,
    A3,
}

pub fn run(args: Args) -> Result<(), CliError> {
    let format = match args.format {
        FormatArg::Svg => MapFormat::Svg,
        FormatArg::Png => MapFormat::Png,
        FormatArg::Pdf => MapFormat::Pdf,
    };
    only_for(
        args.scale.is_some() && format != MapFormat::Png,
        "--scale",
        "png",
    )?;
    only_for(
        args.paper.is_some() && format != MapFormat::Pdf,
        "--paper",
        "pdf",
    )?;
    args.target.check(&args.file)?;
    let export = MapExport {
        format,
        options: MapOptions {
            scores: !args.no_scores,
            friction: args.friction,
            chains: !args.no_chains,
            theme: match args.theme {
                ThemeArg::Light => Theme::Light,
                ThemeArg::Dark => Theme::Dark,
            },
        },
        scale: args.scale.unwrap_or(baton_report::png::DEFAULT_SCALE),
        paper: match args.paper.unwrap_or(PaperArg::Fit) {
            PaperArg::Fit => MapPaper::Fit,
            PaperArg::A4 => MapPaper::A4,
            PaperArg::A3 => MapPaper::A3,
        },
        date: None,
    };
    let document = super::open(&args.file)?;
    let journey = super::chosen_journeys(&document, Some(&args.journey))?
        .first()
        .map(|journey| (*journey).clone())
        .ok_or_else(|| CliError::new("no journey chosen"))?;
    let drawn = export_map(document.workspace(), &journey.id, &export);
    super::close(document)?;
    let bytes = drawn.map_err(|error| report_error(&args.file, error))?;
    args.target.write(&bytes)?;
    output::announce(output::text(&format!(
        "Exported the map of \"{}\" to {}\n",
        output::shown(&journey.name),
        output::path(&args.target.output)
    )))
}
