//! From a checked [`Export`] and a copy of the file's content to the bytes of the file, step by
//! step: each step is announced first (the dialog's progress), and a cancelled export stops at
//! the next announcement. Everything here is baton-report, baton-interop and the store's JSON:
//! no rule is computed in the shell.

use baton_core::layout::{layout, LayoutStyle};
use baton_core::Workspace;
use baton_report::plan::{csv, markdown, pdf, xlsx, PlanReport};
use baton_report::{map_pdf, map_svg, svg_to_png, ReportError, ReportErrorKind};
use baton_session::error::{AppError, AppResult, ShellErrorKind};

use super::request::{invalid, Export, PlanFormat};

/// What an export reads: the file's content, and its JSON when the JSON is what is exported
/// (that needs the history, which only the open document has).
pub struct Source {
    pub workspace: Workspace,
    pub json: Option<String>,
}

/// The user cancelled: the export stops and writes nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cancelled;

/// Told before each step, with the step's words; answers `Err(Cancelled)` to stop.
pub type Steps<'a> = dyn FnMut(&str) -> Result<(), Cancelled> + 'a;

/// The steps of every export: reading, rendering, then writing (counted by the writer).
pub const STEPS: u32 = 3;

/// Either the export's bytes, or the user cancelled.
pub type Rendered = Result<Vec<u8>, Cancelled>;

pub fn render(source: &Source, export: &Export, step: &mut Steps<'_>) -> AppResult<Rendered> {
    let ws = &source.workspace;
    match export {
        Export::Plan(format, options) => {
            if step("Gathering the plan and analysing the journeys").is_err() {
                return Ok(Err(Cancelled));
            }
            let report = PlanReport::build(ws, options).map_err(report_error)?;
            if step(match format {
                PlanFormat::Pdf => "Laying out the PDF report",
                _ => "Writing the tables",
            })
            .is_err()
            {
                return Ok(Err(Cancelled));
            }
            let bytes = match format {
                PlanFormat::Pdf => pdf::plan_pdf(&report, options),
                PlanFormat::Xlsx => xlsx::plan_xlsx(&report),
                PlanFormat::Csv => csv::plan_csv(&report),
                PlanFormat::Markdown => Ok(markdown::plan_markdown(&report).into_bytes()),
            };
            Ok(Ok(bytes.map_err(report_error)?))
        }
        Export::MapSvg(journey, options)
        | Export::MapPng(journey, options, _)
        | Export::MapPdf(journey, options, _, _) => {
            if step("Drawing the map").is_err() {
                return Ok(Err(Cancelled));
            }
            let drawing = map_svg(ws, journey, options).map_err(report_error)?;
            let bytes = match export {
                Export::MapPng(_, _, scale) => {
                    if step("Rasterising the map").is_err() {
                        return Ok(Err(Cancelled));
                    }
                    svg_to_png(&drawing.svg, *scale).map_err(|e| on_field(e, "scale"))?
                }
                Export::MapPdf(_, _, paper, date) => {
                    if step("Laying out the PDF pages").is_err() {
                        return Ok(Err(Cancelled));
                    }
                    let title = ws
                        .journeys
                        .get(journey)
                        .map(|j| j.name.as_str())
                        .unwrap_or_default();
                    map_pdf(&drawing, title, *paper, *date).map_err(|e| on_field(e, "paper"))?
                }
                _ => {
                    if step("Writing the SVG").is_err() {
                        return Ok(Err(Cancelled));
                    }
                    drawing.svg.into_bytes()
                }
            };
            Ok(Ok(bytes))
        }
        Export::Bpmn(journey) => {
            if step("Laying out the journey").is_err() {
                return Ok(Err(Cancelled));
            }
            let model = ws
                .journey_model(journey)
                .ok_or_else(|| on_journeys(AppError::not_found("The chosen journey")))?;
            let shape = layout(&model, &LayoutStyle::default());
            if step("Writing the BPMN diagram").is_err() {
                return Ok(Err(Cancelled));
            }
            Ok(Ok(baton_interop::bpmn::export(&model, &shape)))
        }
        Export::Json => {
            if step("Reading the whole file").is_err() || step("Writing the JSON").is_err() {
                return Ok(Err(Cancelled));
            }
            let json = source
                .json
                .clone()
                .ok_or_else(|| AppError::internal("The file's JSON was not read"))?;
            Ok(Ok(json.into_bytes()))
        }
    }
}

fn on_journeys(mut e: AppError) -> AppError {
    e.field = Some("journeys".into());
    e
}

/// A report error as the dialog shows it; a refused option points at `field`.
fn on_field(e: ReportError, field: &str) -> AppError {
    match e.kind {
        ReportErrorKind::BadOptions => invalid(field, capitalised(&e.message)),
        _ => report_error(e),
    }
}

pub fn report_error(e: ReportError) -> AppError {
    match e.kind {
        ReportErrorKind::JourneyNotFound => on_journeys(AppError::not_found("The chosen journey")),
        ReportErrorKind::BadOptions => AppError::new(
            ShellErrorKind::ExportOptionsInvalid,
            capitalised(&e.message),
        ),
        ReportErrorKind::Render => AppError::new(
            ShellErrorKind::ExportFailed,
            format!("The export could not be made: {}", e.message),
        ),
    }
}

/// The crate's messages start lower-case (they follow "error:" in the CLI); the dialog shows a
/// sentence.
fn capitalised(message: &str) -> String {
    let mut chars = message.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::commands::export::request::{check, ExportFormat, ExportPaper, ExportRequest};
    use chrono::NaiveDate;

    fn demo() -> Workspace {
        let mut ws = Workspace::new_file("ACME Bank");
        ws.apply(&baton_core::templates::demo_edit(&ws)).unwrap();
        ws
    }

    fn request(ws: &Workspace, format: ExportFormat, journeys: usize) -> ExportRequest {
        ExportRequest {
            format,
            journey_ids: ws
                .journeys_in_order()
                .iter()
                .take(journeys)
                .map(|j| j.id.clone())
                .collect(),
            scores: true,
            friction: true,
            chains: true,
            light_theme: true,
            scale: 1,
            paper: ExportPaper::A4,
            author: String::new(),
            date: "2026-03-31".into(),
        }
    }

    fn run(source: &Source, request: &ExportRequest) -> (AppResult<Rendered>, Vec<String>) {
        let today = NaiveDate::from_ymd_opt(2026, 3, 31).unwrap();
        let export = check(&source.workspace, request, today).unwrap();
        let mut said = Vec::new();
        let result = render(source, &export, &mut |s| {
            said.push(s.to_owned());
            Ok(())
        });
        (result, said)
    }

    #[test]
    fn every_format_renders_in_announced_steps() {
        let ws = demo();
        let journeys = ws.journeys.len();
        let source = Source {
            workspace: ws.clone(),
            json: Some("{\"format\":\"baton\"}".into()),
        };
        let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
        // The format, the steps it announces, and what its bytes must look like.
        type Case<'a> = (ExportFormat, usize, &'a dyn Fn(&[u8]) -> bool);
        let cases: [Case; 9] = [
            (ExportFormat::PlanPdf, journeys, &|b| b.starts_with(b"%PDF")),
            // A workbook is a zip archive.
            (ExportFormat::PlanXlsx, journeys, &|b| {
                b.starts_with(b"PK\x03\x04")
            }),
            (ExportFormat::PlanCsv, journeys, &|b| {
                b.starts_with(b"\xEF\xBB\xBF")
            }),
            (ExportFormat::PlanMarkdown, 1, &|b| {
                text(b).starts_with("# Improvement plan: ACME Bank")
            }),
            (ExportFormat::MapSvg, 1, &|b| text(b).contains("<svg xmlns")),
            (ExportFormat::MapPng, 1, &|b| b.starts_with(b"\x89PNG")),
            (ExportFormat::MapPdf, 1, &|b| b.starts_with(b"%PDF")),
            (ExportFormat::Bpmn, 1, &|b| {
                text(b).contains("bpmn:definitions")
            }),
            (ExportFormat::Json, 0, &|b| b.starts_with(b"{\"format\"")),
        ];
        for (format, count, looks_right) in cases {
            let (result, said) = run(&source, &request(&ws, format, count));
            let bytes = result.unwrap().unwrap();
            assert!(
                looks_right(&bytes),
                "{format:?}: {}",
                text(&bytes[..80.min(bytes.len())])
            );
            assert_eq!(said.len(), 2, "{format:?}: {said:?}");
        }
    }

    #[test]
    fn a_cancel_at_any_step_stops_the_export() {
        let ws = demo();
        let source = Source {
            workspace: ws.clone(),
            json: None,
        };
        let today = NaiveDate::from_ymd_opt(2026, 3, 31).unwrap();
        let export = check(&ws, &request(&ws, ExportFormat::PlanPdf, 1), today).unwrap();
        for cancel_at in 0..2 {
            let mut seen = 0;
            let result = render(&source, &export, &mut |_| {
                seen += 1;
                if seen > cancel_at {
                    Err(Cancelled)
                } else {
                    Ok(())
                }
            });
            assert_eq!(result.unwrap(), Err(Cancelled));
            assert_eq!(seen, cancel_at + 1, "nothing ran after the cancel");
        }
    }

    #[test]
    fn a_scale_too_large_for_the_map_is_refused_on_the_scale() {
        let mut big = Workspace::new_file("Big");
        big.apply(&baton_core::synthetic::one_cell(2_000).into_batch())
            .unwrap();
        let source = Source {
            workspace: big.clone(),
            json: None,
        };
        let mut r = request(&big, ExportFormat::MapPng, 1);
        r.scale = 8;
        let (result, _) = run(&source, &r);
        let e = result.unwrap_err();
        assert_eq!(e.field.as_deref(), Some("scale"), "{e:?}");
        assert!(e.message.starts_with(char::is_uppercase), "{}", e.message);
    }
}
