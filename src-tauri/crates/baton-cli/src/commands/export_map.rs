//! `baton export map FILE --journey J --format svg|png|pdf -o OUT`.

use std::path::PathBuf;

use baton_report::{map_svg, svg_to_png, MapDrawing, MapOptions, Theme};

use crate::error::CliError;
use crate::output;

use super::export::{report_error, Target};

/// Export one journey's map, drawn as on the screen.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The .baton file.
    file: PathBuf,
    /// The journey, by name (case-insensitive) or id.
    #[arg(long, value_name = "J")]
    journey: String,
    #[arg(long, value_enum)]
    format: MapFormat,
    #[command(flatten)]
    target: Target,
    /// PNG only: pixels per map unit (1 to 8; default 2).
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
    #[arg(long, value_enum, default_value = "fit")]
    paper: PaperArg,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum MapFormat {
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
    if args.scale.is_some() && !matches!(args.format, MapFormat::Png) {
        return Err(CliError::new("--scale is only for --format png"));
    }
    args.target.check(&args.file)?;
    let document = super::open(&args.file)?;
    let journey = super::chosen_journeys(&document, Some(&args.journey))?
        .first()
        .map(|j| (*j).clone())
        .ok_or_else(|| CliError::new("no journey chosen"))?;
    let options = MapOptions {
        scores: !args.no_scores,
        friction: args.friction,
        chains: !args.no_chains,
        theme: match args.theme {
            ThemeArg::Light => Theme::Light,
            ThemeArg::Dark => Theme::Dark,
        },
    };
    let drawn = map_svg(document.workspace(), &journey.id, &options);
    super::close(document)?;
    let drawing = drawn.map_err(|e| report_error(&args.file, e))?;
    let bytes = match args.format {
        MapFormat::Svg => drawing.svg.into_bytes(),
        MapFormat::Png => {
            let scale = args.scale.unwrap_or(baton_report::png::DEFAULT_SCALE);
            svg_to_png(&drawing.svg, scale).map_err(|e| report_error(&args.file, e))?
        }
        MapFormat::Pdf => pdf(&drawing, &journey.name, args.paper)
            .map_err(|e| report_error(&args.file, e))?,
    };
    args.target.write(&bytes)?;
    output::text(&format!(
        "Exported the map of \"{}\" to {}\n",
        output::shown(&journey.name),
        output::path(&args.target.output)
    ))
}

#[cfg(feature = "pdf")]
fn pdf(drawing: &MapDrawing, title: &str, paper: PaperArg) -> Result<Vec<u8>, baton_report::ReportError> {
    use baton_report::MapPaper;
    let paper = match paper {
        PaperArg::Fit => MapPaper::Fit,
        PaperArg::A4 => MapPaper::A4,
        PaperArg::A3 => MapPaper::A3,
    };
    let today = chrono::Local::now().date_naive();
    baton_report::map_pdf(drawing, title, paper, today)
}

#[cfg(not(feature = "pdf"))]
fn pdf(_: &MapDrawing, _: &str, _: PaperArg) -> Result<Vec<u8>, baton_report::ReportError> {
    Err(baton_report::ReportError::bad_options(
        "this baton was built without PDF exports (feature \"pdf\")",
    ))
}
