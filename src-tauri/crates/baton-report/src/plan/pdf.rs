//! The plan report as PDF through Typst (`report.typ`): cover, summary, scorecard, the map of
//! each journey, hotspots, matrix, timeline, initiatives by phase, unaddressed suggestions,
//! definitions. Everything shown is passed as JSON data; the same report and date give the
//! same bytes.

use serde_json::{json, Value};

use super::definitions::DEFINITIONS;
use super::pieces::pieces;
use super::rows::{factor_label, figure, findings, hotspots, scorecard, status_label};
use super::{date_text, progress_text, quadrant_label, status_label as initiative_status};
use super::{Paper, PlanOptions, PlanReport};
use crate::error::ReportError;
use crate::map::palette::{FrictionBand, Palette};
use crate::map::{map_svg_of, MapDrawing, MapOptions};
use crate::typst_world;

const TEMPLATE: &str = include_str!("report.typ");

/// The smallest scale a map is printed at: card text (13 units) stays at least 6 pt.
const MIN_MAP_SCALE: f32 = 6.0 / 13.0;
/// The room for one piece of map on a page, below its heading.
const MAP_TILE_HEIGHT_PT: f32 = 600.0;

pub fn plan_pdf(report: &PlanReport, options: &PlanOptions) -> Result<Vec<u8>, ReportError> {
    let (paper, page_width_pt) = match options.paper {
        Paper::A4 => ("a4", 595.28),
        Paper::Letter => ("us-letter", 612.0),
    };
    let content_width = page_width_pt - 2.0 * 18.0 * 72.0 / 25.4;
    let palette = Palette::light();
    let mut files = Vec::new();
    let mut maps = Vec::new();
    for (k, j) in report.journeys.iter().enumerate() {
        let drawing = map_svg_of(
            &j.model,
            &Default::default(),
            Some(&j.analysis),
            &MapOptions {
                scores: false,
                ..MapOptions::default()
            },
        );
        let path = format!("/map-{k}.svg");
        let scale = (content_width / drawing.width.max(1.0)).max(MIN_MAP_SCALE);
        // The lane names' column, repeated on each piece of a map split across pages; never
        // more than a third of the page (a map too narrow to need it is one piece anyway).
        let header = (drawing.lane_header_width * scale).min(content_width / 3.0);
        maps.push(json!({
            "journey": j.model.journey.name,
            "file": path.clone(),
            "width": drawing.width * scale,
            "header": header,
            "tiles": tiles(&drawing, scale, header, content_width, MAP_TILE_HEIGHT_PT),
        }));
        files.push((path, drawing.svg.into_bytes()));
    }

    let findings: Vec<Value> = findings(&report.journeys)
        .into_iter()
        .map(|f| json!({ "headline": f.headline, "detail": f.detail, "colour": "#c0352b" }))
        .collect();
    let scorecard: Vec<Value> = scorecard(&report.journeys)
        .into_iter()
        .map(|r| {
            json!({
                "journey": r.journey,
                "subject": r.subject,
                "metric": r.metric,
                "latest": r.latest.map(figure).unwrap_or_else(|| "none".into()),
                "target": figure(r.target),
                "gap": r.gap.map(figure).unwrap_or_default(),
                "status": status_label(r.status),
                "colour": palette.status(r.status),
                "trend": r.trend,
            })
        })
        .collect();
    let hotspots: Vec<Value> = hotspots(&report.journeys, 8)
        .into_iter()
        .map(|h| {
            json!({
                "journey": h.journey,
                "handoff": h.handoff,
                "friction": h.friction,
                "colour": palette.friction(FrictionBand::of(h.friction)),
                "factors": h.factors.iter().map(|(f, p)| json!({ "label": factor_label(*f), "points": p })).collect::<Vec<_>>(),
            })
        })
        .collect();

    let rows = report.initiatives();
    let mut seen_cells: std::collections::HashMap<(u8, u8), u32> = Default::default();
    let matrix: Vec<Value> = rows
        .iter()
        .map(|r| {
            let i = &r.view.initiative;
            let (impact, effort) = (i.impact.clamp(1, 5), i.effort.clamp(1, 5));
            let count = seen_cells.entry((impact, effort)).or_default();
            // Several initiatives in one cell sit side by side instead of on top of each other.
            let nudge = [0.0, 8.0, -8.0][(*count % 3) as usize];
            *count += 1;
            json!({
                "n": r.number, "title": i.title, "impact": impact, "effort": effort,
                "quadrant": quadrant_label(r.view.quadrant), "nudge": nudge,
            })
        })
        .collect();
    let timeline = timeline(&rows, &palette);
    let phases: Vec<Value> = report
        .view
        .phases
        .iter()
        .map(|p| {
            let dates = match (p.phase.start, p.phase.end) {
                (None, None) => String::new(),
                (s, e) => format!("{} – {}", date_text(s), date_text(e)),
            };
            json!({
                "name": p.phase.name,
                "goal": p.phase.goal,
                "dates": dates,
                "initiatives": rows.iter().filter(|r| p.initiatives.iter().any(|v| std::ptr::eq(v, r.view))).map(|r| {
                    let i = &r.view.initiative;
                    json!({
                        "n": r.number, "title": i.title, "owner": i.owner,
                        "status": initiative_status(i.status), "due": date_text(i.due),
                        "progress": progress_text(r.view),
                        "progress_fraction": r.view.progress.bar.map(|b| b / 100.0).unwrap_or(0.0),
                        "evidence": r.view.evidence.score,
                    })
                }).collect::<Vec<_>>(),
            })
        })
        .collect();
    let unaddressed: Vec<Value> = report
        .view
        .coverage
        .iter()
        .flat_map(|c| {
            c.unaddressed_suggestions
                .iter()
                .map(move |s| json!({ "journey": c.journey_name, "reason": s.reason }))
        })
        .collect();
    let data = json!({
        "title": report.client,
        "journeys": report.journey_names(),
        "date": report.date.format("%-d %B %Y").to_string(),
        "author": options.author.as_deref().map(str::trim).filter(|a| !a.is_empty()),
        "paper": paper,
        "findings": findings,
        "scorecard": scorecard,
        "maps": maps,
        "hotspots": hotspots,
        "matrix": matrix,
        "timeline": timeline,
        "phases": phases,
        "unaddressed": unaddressed,
        "definitions": DEFINITIONS.iter().map(|(t, d)| json!({ "term": t, "text": d })).collect::<Vec<_>>(),
    });
    let mut all_files: Vec<(&str, Vec<u8>)> = vec![("/data.json", data.to_string().into_bytes())];
    for (path, bytes) in &files {
        all_files.push((path.as_str(), bytes.clone()));
    }
    typst_world::compile_pdf(TEMPLATE.to_owned(), all_files, report.date)
}

/// Pieces of `drawing` at `scale` that each fit `tile_w` x `tile_h` points with the lane names'
/// column (`header` points wide) repeated at the left of each: row by row, cut between stage
/// columns and lanes; each piece's offset and size in points (x from the map's left edge, past
/// the header), numbered from 1.
fn tiles(drawing: &MapDrawing, scale: f32, header: f32, tile_w: f32, tile_h: f32) -> Vec<Value> {
    let scaled = |cuts: &[f32]| cuts.iter().map(|c| c * scale - header).collect::<Vec<_>>();
    let body_w = drawing.width * scale - header;
    let columns = pieces(body_w, tile_w - header, &scaled(&drawing.column_cuts));
    let rows = pieces(
        drawing.height * scale,
        tile_h,
        &drawing
            .row_cuts
            .iter()
            .map(|c| c * scale)
            .collect::<Vec<_>>(),
    );
    let mut out = Vec::with_capacity(columns.len() * rows.len());
    for r in &rows {
        for c in &columns {
            out.push(json!({
                "x": header + c.start, "y": r.start,
                "w": c.length, "h": r.length,
                "part": out.len() + 1,
            }));
        }
    }
    out
}

/// Bars from start (or the phase's start) to due (or the phase's end) on one shared axis.
fn timeline(rows: &[super::InitiativeRow<'_>], palette: &Palette) -> Value {
    let spans: Vec<(
        &super::InitiativeRow<'_>,
        chrono::NaiveDate,
        chrono::NaiveDate,
    )> = rows
        .iter()
        .filter_map(|r| {
            let i = &r.view.initiative;
            let start = i.started.or(i.due)?;
            let end = i.due.unwrap_or(start).max(start);
            Some((r, start, end))
        })
        .collect();
    let (Some(from), Some(to)) = (
        spans.iter().map(|s| s.1).min(),
        spans.iter().map(|s| s.2).max(),
    ) else {
        return json!({ "from": "", "to": "", "bars": [] });
    };
    let days = (to - from).num_days().max(1) as f64;
    let bars: Vec<Value> = spans
        .iter()
        .map(|(r, s, e)| {
            json!({
                "title": format!("{}. {}", r.number, r.view.initiative.title),
                "start": (*s - from).num_days() as f64 / days,
                "end": (*e - from).num_days() as f64 / days,
                "colour": if r.view.overdue { palette.score_misses } else { palette.lane_customer },
            })
        })
        .collect();
    json!({ "from": from.format("%Y-%m-%d").to_string(), "to": to.format("%Y-%m-%d").to_string(), "bars": bars })
}
