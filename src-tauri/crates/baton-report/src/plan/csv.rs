//! The initiatives as one CSV table: UTF-8 with a byte order mark (so Excel reads the accents),
//! a header row, one row per initiative in phase order. User text that a spreadsheet would take
//! for a formula is written with a leading apostrophe (OWASP CSV injection).
//!
//! Columns (documented in the README): number, phase, title, description, owner, status,
//! quadrant, impact, effort, evidence, started, due, overdue, progress, progress_percent,
//! journeys, suggestions.

use super::{date_text, progress_state_label, quadrant_label, status_label, PlanReport};
use crate::error::ReportError;
use crate::safe_text::csv_cell;

pub const COLUMNS: [&str; 17] = [
    "number",
    "phase",
    "title",
    "description",
    "owner",
    "status",
    "quadrant",
    "impact",
    "effort",
    "evidence",
    "started",
    "due",
    "overdue",
    "progress",
    "progress_percent",
    "journeys",
    "suggestions",
];

pub fn plan_csv(report: &PlanReport) -> Result<Vec<u8>, ReportError> {
    let mut out = Vec::from("\u{FEFF}".as_bytes());
    {
        let mut writer = ::csv::Writer::from_writer(&mut out);
        let failed = |e: ::csv::Error| ReportError::render(format!("CSV: {e}"));
        writer.write_record(COLUMNS).map_err(failed)?;
        for row in report.initiatives() {
            let i = &row.view.initiative;
            let record = [
                row.number.to_string(),
                csv_cell(row.phase).into_owned(),
                csv_cell(&i.title).into_owned(),
                csv_cell(&i.description).into_owned(),
                csv_cell(&i.owner).into_owned(),
                status_label(i.status).to_owned(),
                quadrant_label(row.view.quadrant).to_owned(),
                i.impact.to_string(),
                i.effort.to_string(),
                row.view.evidence.score.to_string(),
                date_text(i.started),
                date_text(i.due),
                if row.view.overdue { "yes" } else { "no" }.to_owned(),
                progress_state_label(row.view.progress.state).to_owned(),
                row.view
                    .progress
                    .percent
                    .map(|p| format!("{p:.1}"))
                    .unwrap_or_default(),
                csv_cell(&row.journeys.join("; ")).into_owned(),
                csv_cell(&i.suggestion_keys.join("; ")).into_owned(),
            ];
            writer.write_record(&record).map_err(failed)?;
        }
        writer
            .flush()
            .map_err(|e| ReportError::render(format!("CSV: {e}")))?;
    }
    Ok(out)
}
