//! The crate's front door: one call per export, from a workspace to the bytes of a file, for the
//! CLI and the app alike. The format modules behind it stay free to change; callers need only
//! what is here (and write the bytes atomically themselves).

use baton_core::Workspace;
use chrono::NaiveDate;

use crate::error::ReportError;
use crate::map::{map_svg, MapDrawing, MapOptions};
use crate::plan::{self, PlanOptions, PlanReport};

/// The formats of the plan report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlanFormat {
    /// The board report through Typst (needs the `pdf` feature, on by default).
    Pdf,
    /// The workbook: Plan, Handoffs, Touchpoints, Suggestions, Definitions.
    Xlsx,
    /// The initiatives table (UTF-8 with BOM).
    Csv,
    /// Summary, scorecard, hotspots and plan as tables, for a wiki or a chat.
    Markdown,
}

impl PlanFormat {
    pub const ALL: [PlanFormat; 4] = [Self::Pdf, Self::Xlsx, Self::Csv, Self::Markdown];

    /// The file name extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Pdf => "pdf",
            Self::Xlsx => "xlsx",
            Self::Csv => "csv",
            Self::Markdown => "md",
        }
    }
}

/// The plan of `ws` (every journey, or those `options` names) as a file in `format`.
pub fn export_plan(
    ws: &Workspace,
    options: &PlanOptions,
    format: PlanFormat,
) -> Result<Vec<u8>, ReportError> {
    render_plan(&PlanReport::build(ws, options)?, options, format)
}

/// A gathered plan (see [`PlanReport::build`]) as a file in `format`.
pub fn render_plan(
    report: &PlanReport,
    options: &PlanOptions,
    format: PlanFormat,
) -> Result<Vec<u8>, ReportError> {
    match format {
        PlanFormat::Pdf => plan_pdf(report, options),
        PlanFormat::Xlsx => plan::xlsx::plan_xlsx(report),
        PlanFormat::Csv => plan::csv::plan_csv(report),
        PlanFormat::Markdown => Ok(plan::markdown::plan_markdown(report).into_bytes()),
    }
}

#[cfg(feature = "pdf")]
fn plan_pdf(report: &PlanReport, options: &PlanOptions) -> Result<Vec<u8>, ReportError> {
    plan::pdf::plan_pdf(report, options)
}

#[cfg(not(feature = "pdf"))]
fn plan_pdf(_: &PlanReport, _: &PlanOptions) -> Result<Vec<u8>, ReportError> {
    Err(no_pdf())
}

/// The formats of one journey's map.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MapFormat {
    Svg,
    Png,
    /// Needs the `pdf` feature (on by default).
    Pdf,
}

impl MapFormat {
    pub const ALL: [MapFormat; 3] = [Self::Svg, Self::Png, Self::Pdf];

    /// The file name extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Svg => "svg",
            Self::Png => "png",
            Self::Pdf => "pdf",
        }
    }
}

/// What pages the map PDF is laid on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum MapPaper {
    /// One page exactly the map's size (scaled down if it exceeds the PDF's page size limit).
    #[default]
    Fit,
    /// The map at full size split over overlapping landscape A4 pages.
    A4,
    /// The map at full size split over overlapping landscape A3 pages.
    A3,
}

/// How to export a map.
#[derive(Debug, Clone, PartialEq)]
pub struct MapExport {
    pub format: MapFormat,
    /// What the drawing shows (scores, friction view, chains, theme).
    pub options: MapOptions,
    /// PNG only: pixels per map unit, above 0 and at most [`crate::png::MAX_SCALE`].
    pub scale: f32,
    /// PDF only.
    pub paper: MapPaper,
    /// PDF only: the document's date (none: today); the same date gives the same bytes.
    pub date: Option<NaiveDate>,
}

impl Default for MapExport {
    fn default() -> Self {
        Self {
            format: MapFormat::Svg,
            options: MapOptions::default(),
            scale: crate::png::DEFAULT_SCALE,
            paper: MapPaper::default(),
            date: None,
        }
    }
}

/// The map of the journey `journey_id` of `ws` as a file.
pub fn export_map(
    ws: &Workspace,
    journey_id: &str,
    export: &MapExport,
) -> Result<Vec<u8>, ReportError> {
    // Checked before drawing: a bad scale should not cost a 10,000-step drawing first.
    if export.format == MapFormat::Png {
        crate::png::check_scale(export.scale)?;
    }
    let drawing = map_svg(ws, journey_id, &export.options)?;
    match export.format {
        MapFormat::Svg => Ok(drawing.svg.into_bytes()),
        MapFormat::Png => crate::png::svg_to_png(&drawing.svg, export.scale),
        MapFormat::Pdf => {
            let title = ws
                .journeys
                .get(journey_id)
                .map_or("", |journey| journey.name.as_str());
            map_pdf(&drawing, title, export)
        }
    }
}

#[cfg(feature = "pdf")]
fn map_pdf(drawing: &MapDrawing, title: &str, export: &MapExport) -> Result<Vec<u8>, ReportError> {
    let date = export
        .date
        .unwrap_or_else(|| chrono::Local::now().date_naive());
    crate::map_pdf::map_pdf(drawing, title, export.paper, date)
}

#[cfg(not(feature = "pdf"))]
fn map_pdf(_: &MapDrawing, _: &str, _: &MapExport) -> Result<Vec<u8>, ReportError> {
    Err(no_pdf())
}

#[cfg(not(feature = "pdf"))]
fn no_pdf() -> ReportError {
    ReportError::bad_options("this build has no PDF exports (baton-report's feature \"pdf\")")
}
