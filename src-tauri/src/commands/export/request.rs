//! What the Export dialog may ask for and what it asks: the formats with the options each one
//! takes (so the page shows only those, and holds no rule of its own), and the request checked
//! into an [`Export`] the renderers can run. Every refusal is typed and names its `field`.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use specta::Type;

use baton_core::{Id, Workspace};
use baton_report::map::{MapOptions, Theme};
use baton_report::plan::{Paper, PlanOptions};
use baton_report::MapPaper;
use baton_session::error::{AppError, AppResult, ShellErrorKind};

use crate::dialogs::safe_file_stem;

/// Every format the dialog offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum ExportFormat {
    PlanPdf,
    PlanXlsx,
    PlanCsv,
    PlanMarkdown,
    MapSvg,
    MapPng,
    MapPdf,
    Bpmn,
    Json,
}

/// Page sizes: A4 and Letter for the plan report; the map's own size (fit) or A4/A3 tiles for
/// the map.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum ExportPaper {
    A4,
    Letter,
    A3,
    Fit,
}

/// Where the dialog lists a format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum FormatGroup {
    Plan,
    Map,
    Data,
}

/// How many journeys a format takes: any number (the plan), exactly one (a map, BPMN), or
/// none to choose (JSON: the whole file).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum JourneyCount {
    Many,
    One,
    WholeFile,
}

/// An option a format honours.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum ExportOption {
    Scores,
    Friction,
    Chains,
    LightTheme,
    Scale,
    Author,
    Date,
}

/// One format as the dialog shows it.
#[derive(Debug, Clone, Serialize, Deserialize, Type)]
pub struct FormatInfo {
    pub format: ExportFormat,
    pub group: FormatGroup,
    pub label: String,
    /// What the file holds, in one sentence.
    pub description: String,
    pub extension: String,
    pub journeys: JourneyCount,
    pub options: Vec<ExportOption>,
    /// The page sizes it can be laid on, the first being the default; empty: no pages.
    pub papers: Vec<ExportPaper>,
    /// Whether `export_preview` draws its first page.
    pub preview: bool,
    /// Said in the dialog before exporting (a plain-text copy of an encrypted file).
    pub warning: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, Type)]
pub struct JourneyItem {
    pub id: Id,
    pub name: String,
}

/// Everything the dialog offers for one open file.
#[derive(Debug, Clone, Serialize, Deserialize, Type)]
pub struct ExportChoices {
    pub formats: Vec<FormatInfo>,
    /// The file's journeys, in order.
    pub journeys: Vec<JourneyItem>,
    /// The report date used when none is given (the computer's today), `YYYY-MM-DD`.
    pub today: String,
    pub default_scale: u8,
    pub max_scale: u8,
    pub author_max_chars: u32,
}

/// What the user chose. Options a format does not take are ignored.
#[derive(Debug, Clone, Serialize, Deserialize, Type)]
pub struct ExportRequest {
    pub format: ExportFormat,
    /// The chosen journeys, by id (one for a map or BPMN).
    pub journey_ids: Vec<Id>,
    pub scores: bool,
    pub friction: bool,
    pub chains: bool,
    pub light_theme: bool,
    /// PNG pixels per map unit, 1 to `max_scale`.
    pub scale: u8,
    pub paper: ExportPaper,
    pub author: String,
    /// `YYYY-MM-DD`; empty: today. The same date gives the same PDF bytes.
    pub date: String,
}

/// A plan format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlanFormat {
    Pdf,
    Xlsx,
    Csv,
    Markdown,
}

/// A checked request, ready to render.
#[derive(Debug, Clone)]
pub enum Export {
    Plan(PlanFormat, PlanOptions),
    MapSvg(Id, MapOptions),
    MapPng(Id, MapOptions, f32),
    MapPdf(Id, MapOptions, MapPaper, NaiveDate),
    Bpmn(Id),
    Json,
}

pub const DEFAULT_SCALE: u8 = 2;
pub const MAX_SCALE: u8 = 8;
pub const AUTHOR_MAX_CHARS: usize = 200;

const MAP_OPTIONS: [ExportOption; 4] = [
    ExportOption::Scores,
    ExportOption::Friction,
    ExportOption::Chains,
    ExportOption::LightTheme,
];

/// The formats, in the dialog's order. `encrypted`: the file is protected by a passphrase, so
/// the JSON export (everything in it, in plain text) carries a warning.
pub fn formats(encrypted: bool) -> Vec<FormatInfo> {
    use ExportFormat as F;
    use ExportOption as O;
    use ExportPaper as P;
    let info = |format, group, label: &str, description: &str, extension: &str| FormatInfo {
        format,
        group,
        label: label.to_owned(),
        description: description.to_owned(),
        extension: extension.to_owned(),
        journeys: JourneyCount::Many,
        options: Vec::new(),
        papers: Vec::new(),
        preview: false,
        warning: None,
    };
    let map = |mut f: FormatInfo| {
        f.journeys = JourneyCount::One;
        f.options = MAP_OPTIONS.to_vec();
        f
    };
    let plain_text = "This file is protected by a passphrase, but the JSON export is plain text: \
                      anyone who gets it can read every journey, verbatim and survey response. \
                      Keep it somewhere as safe as the file.";
    vec![
        FormatInfo {
            options: vec![O::Author, O::Date],
            papers: vec![P::A4, P::Letter],
            preview: true,
            ..info(F::PlanPdf, FormatGroup::Plan, "PDF report", "Cover, summary, scorecard, maps, hotspots, the plan and definitions, for a board.", "pdf")
        },
        FormatInfo {
            options: vec![O::Date],
            ..info(F::PlanXlsx, FormatGroup::Plan, "Excel workbook", "The plan as a filterable table, with handoffs, touchpoints, suggestions and definitions.", "xlsx")
        },
        FormatInfo {
            options: vec![O::Date],
            ..info(F::PlanCsv, FormatGroup::Plan, "CSV", "The initiatives table, UTF-8 for Excel.", "csv")
        },
        FormatInfo {
            options: vec![O::Date],
            ..info(F::PlanMarkdown, FormatGroup::Plan, "Markdown", "Summary, scorecard, hotspots and plan as tables, for a wiki or a chat.", "md")
        },
        map(info(F::MapSvg, FormatGroup::Map, "SVG image", "The journey map as vector graphics, text kept as text.", "svg")),
        FormatInfo {
            options: [&MAP_OPTIONS[..], &[O::Scale]].concat(),
            preview: true,
            ..map(info(F::MapPng, FormatGroup::Map, "PNG image", "The journey map as a picture, for slides.", "png"))
        },
        FormatInfo {
            options: [&MAP_OPTIONS[..], &[O::Date]].concat(),
            papers: vec![P::Fit, P::A4, P::A3],
            preview: true,
            ..map(info(F::MapPdf, FormatGroup::Map, "PDF", "The journey map on one page its size, or split over A4 or A3 pages to tape together.", "pdf"))
        },
        FormatInfo {
            journeys: JourneyCount::One,
            ..info(F::Bpmn, FormatGroup::Data, "BPMN 2.0", "The journey as a process diagram for bpmn.io, Camunda or Signavio.", "bpmn")
        },
        FormatInfo {
            journeys: JourneyCount::WholeFile,
            warning: encrypted.then(|| plain_text.to_owned()),
            ..info(F::Json, FormatGroup::Data, "Baton JSON", "The whole file, history included, to import into Baton again.", "json")
        },
    ]
}

pub fn choices(ws: &Workspace, encrypted: bool, today: NaiveDate) -> ExportChoices {
    ExportChoices {
        formats: formats(encrypted),
        journeys: ws
            .journeys_in_order()
            .into_iter()
            .map(|j| JourneyItem {
                id: j.id.clone(),
                name: j.name.clone(),
            })
            .collect(),
        today: today.format("%Y-%m-%d").to_string(),
        default_scale: DEFAULT_SCALE,
        max_scale: MAX_SCALE,
        author_max_chars: AUTHOR_MAX_CHARS as u32,
    }
}

pub fn invalid(field: &str, message: impl Into<String>) -> AppError {
    AppError {
        field: Some(field.to_owned()),
        ..AppError::new(ShellErrorKind::ExportOptionsInvalid, message)
    }
}

/// Checks `request` against the file and the format's options.
pub fn check(ws: &Workspace, request: &ExportRequest, today: NaiveDate) -> AppResult<Export> {
    let info = formats(false)
        .into_iter()
        .find(|f| f.format == request.format)
        .ok_or_else(|| invalid("format", "Choose what to export"))?;
    let journeys = chosen_journeys(ws, request, info.journeys)?;
    let date = report_date(&request.date, today)?;
    let paper = match info.papers.first() {
        Some(_) if !info.papers.contains(&request.paper) => {
            return Err(invalid(
                "paper",
                format!("{} cannot be laid on this page size", info.label),
            ))
        }
        _ => request.paper,
    };
    let map_options = MapOptions {
        scores: request.scores,
        friction: request.friction,
        chains: request.chains,
        theme: if request.light_theme {
            Theme::Light
        } else {
            Theme::Dark
        },
    };
    let author = match info.options.contains(&ExportOption::Author) {
        true => author(&request.author)?,
        false => None,
    };
    let one = || journeys.first().cloned().unwrap_or_default();
    let plan = |format| {
        Export::Plan(
            format,
            PlanOptions {
                journey_ids: journeys.clone(),
                date: Some(date),
                paper: if paper == ExportPaper::Letter {
                    Paper::Letter
                } else {
                    Paper::A4
                },
                author: author.clone(),
            },
        )
    };
    Ok(match request.format {
        ExportFormat::PlanPdf => plan(PlanFormat::Pdf),
        ExportFormat::PlanXlsx => plan(PlanFormat::Xlsx),
        ExportFormat::PlanCsv => plan(PlanFormat::Csv),
        ExportFormat::PlanMarkdown => plan(PlanFormat::Markdown),
        ExportFormat::MapSvg => Export::MapSvg(one(), map_options),
        ExportFormat::MapPng => {
            if !(1..=MAX_SCALE).contains(&request.scale) {
                return Err(invalid(
                    "scale",
                    format!("The scale must be 1x to {MAX_SCALE}x"),
                ));
            }
            Export::MapPng(one(), map_options, f32::from(request.scale))
        }
        ExportFormat::MapPdf => {
            let paper = match paper {
                ExportPaper::A4 => MapPaper::A4,
                ExportPaper::A3 => MapPaper::A3,
                _ => MapPaper::Fit,
            };
            Export::MapPdf(one(), map_options, paper, date)
        }
        ExportFormat::Bpmn => Export::Bpmn(one()),
        ExportFormat::Json => Export::Json,
    })
}

/// The journeys a format exports: every id known, none twice; exactly one for a map.
fn chosen_journeys(
    ws: &Workspace,
    request: &ExportRequest,
    count: JourneyCount,
) -> AppResult<Vec<Id>> {
    if count == JourneyCount::WholeFile {
        return Ok(Vec::new());
    }
    let mut ids: Vec<Id> = Vec::with_capacity(request.journey_ids.len().min(ws.journeys.len()));
    for id in &request.journey_ids {
        if !ws.journeys.contains_key(id) {
            return Err(AppError {
                field: Some("journeys".into()),
                ..AppError::not_found("A chosen journey")
            });
        }
        if !ids.contains(id) {
            ids.push(id.clone());
        }
    }
    match (count, ids.len()) {
        (JourneyCount::One, 1) => Ok(ids),
        (JourneyCount::One, _) => Err(invalid("journeys", "Choose one journey to export")),
        (_, 0) if !ws.journeys.is_empty() => {
            Err(invalid("journeys", "Choose at least one journey"))
        }
        _ => Ok(ids),
    }
}

fn report_date(text: &str, today: NaiveDate) -> AppResult<NaiveDate> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(today);
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| invalid("date", "The report date must be a date like 2026-03-31"))
}

fn author(text: &str) -> AppResult<Option<String>> {
    let text = text.trim();
    if text.chars().count() > AUTHOR_MAX_CHARS {
        return Err(invalid(
            "author",
            format!("The author's name is limited to {AUTHOR_MAX_CHARS} characters"),
        ));
    }
    Ok((!text.is_empty()).then(|| text.to_owned()))
}

/// The file name the save dialog proposes: "ACME plan.pdf", "ACME – Lost card.png".
pub fn proposed_file_name(ws: &Workspace, request: &ExportRequest) -> String {
    let info = formats(false)
        .into_iter()
        .find(|f| f.format == request.format);
    let extension = info.as_ref().map_or("out", |f| f.extension.as_str());
    let client = ws.info.name.trim();
    let journey = request
        .journey_ids
        .first()
        .and_then(|id| ws.journeys.get(id))
        .map(|j| j.name.as_str())
        .unwrap_or("");
    let stem = match info.as_ref().map(|f| f.journeys) {
        Some(JourneyCount::One) => format!("{client} – {journey}"),
        Some(JourneyCount::Many) => format!("{client} plan"),
        _ => client.to_owned(),
    };
    format!("{}.{extension}", safe_file_stem(&stem))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, 31).unwrap()
    }

    fn demo() -> Workspace {
        let mut ws = Workspace::new_file("ACME / Bank");
        ws.apply(&baton_core::templates::demo_edit(&ws)).unwrap();
        ws
    }

    fn request(format: ExportFormat, ws: &Workspace) -> ExportRequest {
        ExportRequest {
            format,
            journey_ids: ws
                .journeys_in_order()
                .iter()
                .map(|j| j.id.clone())
                .collect(),
            scores: true,
            friction: false,
            chains: true,
            light_theme: true,
            scale: 2,
            paper: ExportPaper::A4,
            author: String::new(),
            date: String::new(),
        }
    }

    fn field(e: AppError) -> (String, Option<String>) {
        (
            serde_json::to_value(e.kind)
                .unwrap()
                .as_str()
                .unwrap()
                .to_owned(),
            e.field,
        )
    }

    #[test]
    fn a_plan_request_keeps_journeys_date_paper_and_author() {
        let ws = demo();
        let mut r = request(ExportFormat::PlanPdf, &ws);
        r.paper = ExportPaper::Letter;
        r.date = "2025-12-01".into();
        r.author = "  Dana  ".into();
        let Export::Plan(PlanFormat::Pdf, options) = check(&ws, &r, today()).unwrap() else {
            panic!("not a plan PDF");
        };
        assert_eq!(options.journey_ids, r.journey_ids);
        assert_eq!(options.paper, Paper::Letter);
        assert_eq!(options.date, NaiveDate::from_ymd_opt(2025, 12, 1));
        assert_eq!(options.author.as_deref(), Some("Dana"));
        r.date = String::new();
        let Export::Plan(_, options) = check(&ws, &r, today()).unwrap() else {
            panic!()
        };
        assert_eq!(options.date, Some(today()), "no date: today");
    }

    #[test]
    fn bad_options_are_refused_on_their_field() {
        let ws = demo();
        let mut r = request(ExportFormat::PlanPdf, &ws);
        r.date = "31/03/2026".into();
        assert_eq!(
            field(check(&ws, &r, today()).unwrap_err()),
            ("export_options_invalid".into(), Some("date".into()))
        );
        r.date = String::new();
        r.paper = ExportPaper::A3;
        assert_eq!(
            field(check(&ws, &r, today()).unwrap_err()).1.as_deref(),
            Some("paper")
        );
        r.paper = ExportPaper::A4;
        r.author = "x".repeat(AUTHOR_MAX_CHARS + 1);
        assert_eq!(
            field(check(&ws, &r, today()).unwrap_err()).1.as_deref(),
            Some("author")
        );
        r.author = String::new();
        r.journey_ids.clear();
        assert_eq!(
            field(check(&ws, &r, today()).unwrap_err()).1.as_deref(),
            Some("journeys")
        );
        r.journey_ids = vec!["no-such-journey".into()];
        assert_eq!(
            field(check(&ws, &r, today()).unwrap_err()),
            ("not_found".into(), Some("journeys".into()))
        );

        let mut png = request(ExportFormat::MapPng, &ws);
        png.journey_ids.truncate(1);
        png.scale = 0;
        assert_eq!(
            field(check(&ws, &png, today()).unwrap_err()).1.as_deref(),
            Some("scale")
        );
        png.scale = MAX_SCALE + 1;
        assert!(check(&ws, &png, today()).is_err());
        png.scale = MAX_SCALE;
        assert!(matches!(check(&ws, &png, today()), Ok(Export::MapPng(_, _, s)) if s == 8.0));
    }

    #[test]
    fn a_map_takes_exactly_one_journey_and_its_papers() {
        let ws = demo();
        assert!(ws.journeys.len() > 1, "the demo has several journeys");
        let mut r = request(ExportFormat::MapPdf, &ws);
        assert_eq!(
            field(check(&ws, &r, today()).unwrap_err()).1.as_deref(),
            Some("journeys")
        );
        r.journey_ids.truncate(1);
        r.paper = ExportPaper::Letter;
        assert_eq!(
            field(check(&ws, &r, today()).unwrap_err()).1.as_deref(),
            Some("paper")
        );
        r.paper = ExportPaper::A3;
        r.light_theme = false;
        let Export::MapPdf(id, options, paper, _) = check(&ws, &r, today()).unwrap() else {
            panic!()
        };
        assert_eq!(id, r.journey_ids[0]);
        assert_eq!((paper, options.theme), (MapPaper::A3, Theme::Dark));
        let json = request(ExportFormat::Json, &ws);
        assert!(matches!(check(&ws, &json, today()), Ok(Export::Json)));
    }

    #[test]
    fn only_an_encrypted_files_json_warns_of_plain_text() {
        let warned = |encrypted| {
            formats(encrypted)
                .into_iter()
                .filter(|f| f.warning.is_some())
                .map(|f| f.format)
                .collect::<Vec<_>>()
        };
        assert_eq!(warned(true), vec![ExportFormat::Json]);
        assert!(warned(false).is_empty());
    }

    #[test]
    fn proposed_names_are_safe_and_carry_the_extension() {
        let ws = demo();
        let mut r = request(ExportFormat::PlanCsv, &ws);
        assert_eq!(proposed_file_name(&ws, &r), "ACME   Bank plan.csv");
        r.format = ExportFormat::MapPng;
        let first = ws.journeys_in_order()[0].name.clone();
        assert_eq!(
            proposed_file_name(&ws, &r),
            format!("ACME   Bank – {first}.png")
        );
        r.format = ExportFormat::Json;
        assert_eq!(proposed_file_name(&ws, &r), "ACME   Bank.json");
    }
}
