//! The plan as an Excel workbook (rust_xlsxwriter). Sheets: Plan (an Excel table with autofilter,
//! frozen header, status drop-down, conditional formats, a data bar for progress, dates as
//! dates), Handoffs (each friction factor in its own column), Touchpoints (score, target, gap,
//! status colour), Suggestions, Definitions. Printed landscape, fit to width, header repeated.
//! User text is always written as a string cell, never a formula (rust_xlsxwriter's
//! `write_string` stores it as shared text whatever it starts with).

use baton_core::analysis::FrictionFactor;
use baton_core::HandoffMode;
use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{
    Color, ConditionalFormatDataBar, ConditionalFormatText, ConditionalFormatTextRule,
    DataValidation, DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Table,
    TableColumn, Workbook, Worksheet, XlsxError,
};

use super::definitions::DEFINITIONS;
use super::rows::{factor_label, scorecard, status_label};
use super::STATUS_LABELS;
use super::{progress_state_label, quadrant_label, status_label as initiative_status, PlanReport};
use crate::error::ReportError;
use crate::map::palette::Palette;

/// The Plan sheet's columns, in order.
pub const PLAN_COLUMNS: [&str; 16] = [
    "#",
    "Phase",
    "Initiative",
    "Description",
    "Owner",
    "Status",
    "Quadrant",
    "Impact",
    "Effort",
    "Evidence",
    "Started",
    "Due",
    "Overdue",
    "Progress %",
    "Progress",
    "Journeys",
];
const STATUS_COL: u16 = 5;
const OVERDUE_COL: u16 = 12;
const PROGRESS_COL: u16 = 13;

/// Excel's limit for the text of one cell.
const MAX_CELL_CHARS: usize = 32_767;

const FACTORS: [FrictionFactor; 11] = [
    FrictionFactor::Blind,
    FrictionFactor::ContextNone,
    FrictionFactor::ContextPartial,
    FrictionFactor::Reverify,
    FrictionFactor::CustomerRepeats,
    FrictionFactor::Wait,
    FrictionFactor::DepartmentCrossing,
    FrictionFactor::SourcingCrossing,
    FrictionFactor::AutomationCrossing,
    FrictionFactor::SensitiveWithoutSecureChannel,
    FrictionFactor::SatisfactionDrop,
];

pub fn plan_xlsx(report: &PlanReport) -> Result<Vec<u8>, ReportError> {
    build(report).map_err(|e| ReportError::render(format!("XLSX: {e}")))
}

fn build(report: &PlanReport) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    // A fixed creation date (the report's), so the same plan gives the same file.
    let created = ExcelDateTime::from_ymd(
        year(report.date),
        report.date.month() as u8,
        report.date.day() as u8,
    )?;
    workbook.set_properties(
        &DocProperties::new()
            .set_title("Improvement plan")
            .set_creation_datetime(&created),
    );
    let header = Format::new()
        .set_bold()
        .set_background_color(Color::RGB(0xEEF1F5))
        .set_border_bottom(FormatBorder::Thin);
    // Top-aligned, so a row grown for a long description reads from its top line across.
    let date = Format::new()
        .set_num_format("yyyy-mm-dd")
        .set_align(FormatAlign::Top);
    let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);

    plan_sheet(workbook.add_worksheet(), report, &date, &wrap)?;
    handoffs_sheet(workbook.add_worksheet(), report, &header)?;
    touchpoints_sheet(workbook.add_worksheet(), report, &header)?;
    suggestions_sheet(workbook.add_worksheet(), report, &header, &wrap)?;
    definitions_sheet(workbook.add_worksheet(), &header, &wrap)?;
    workbook.save_to_buffer()
}

fn year(date: NaiveDate) -> u16 {
    u16::try_from(date.year()).unwrap_or(1900)
}

/// User text as a cell holds it: at most Excel's limit, control characters other than line
/// breaks and tabs replaced by U+FFFD (they have no place in a document, and XML would carry them
/// as `_x0007_` escapes that not every reader turns back).
pub fn cell_text(value: &str) -> String {
    value
        .chars()
        .take(MAX_CELL_CHARS)
        .map(|c| match c {
            '\n' | '\t' => c,
            c if c.is_control() => '\u{FFFD}',
            c => c,
        })
        .collect()
}

fn text(sheet: &mut Worksheet, row: u32, col: u16, value: &str) -> Result<(), XlsxError> {
    sheet.write_string(row, col, cell_text(value))?;
    Ok(())
}

fn text_with(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    value: &str,
    format: &Format,
) -> Result<(), XlsxError> {
    sheet.write_string_with_format(row, col, cell_text(value), format)?;
    Ok(())
}

fn day(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    value: Option<NaiveDate>,
    format: &Format,
) -> Result<(), XlsxError> {
    if let Some(d) = value {
        let excel = ExcelDateTime::from_ymd(year(d), d.month() as u8, d.day() as u8)?;
        sheet.write_datetime_with_format(row, col, &excel, format)?;
    }
    Ok(())
}

/// The Plan sheet's column widths (characters), in `PLAN_COLUMNS` order.
pub const PLAN_COLUMN_WIDTHS: [f64; 16] = [
    4.0, 14.0, 26.0, 32.0, 13.0, 11.0, 10.0, 7.0, 7.0, 8.0, 10.0, 10.0, 8.0, 9.0, 12.0, 16.0,
];
/// Phase, initiative, description, owner, journeys: wrapped rather than cut at print.
const WRAPPED_PLAN_COLUMNS: [u16; 5] = [1, 2, 3, 4, 15];

/// A row's height per line of 11 pt text, in points.
const ROW_POINTS: f64 = 15.0;
/// A row shows at most this many lines (a 10,000-character description is cut at print, whole
/// in the cell).
const MAX_ROW_LINES: u32 = 12;

/// About how many lines `value` wraps to in a column `width` characters wide (at most
/// `MAX_ROW_LINES`): each paragraph's characters over the width less a character of padding.
fn wrapped_lines(value: &str, width: f64) -> u32 {
    let per_line = (width - 1.0).max(1.0);
    let lines: f64 = value
        .split('\n')
        .map(|paragraph| {
            (paragraph.chars().count() as f64 / per_line)
                .ceil()
                .max(1.0)
        })
        .sum();
    (lines.min(f64::from(MAX_ROW_LINES))) as u32
}

/// Landscape, one page wide, the header row on every page, narrow margins (inches).
fn for_print(sheet: &mut Worksheet) -> Result<(), XlsxError> {
    sheet.set_landscape();
    sheet.set_margins(0.4, 0.4, 0.5, 0.5, 0.3, 0.3);
    sheet.set_print_fit_to_pages(1, 0);
    sheet.set_repeat_rows(0, 0)?;
    sheet.set_freeze_panes(1, 0)?;
    Ok(())
}

fn headers(sheet: &mut Worksheet, names: &[&str], format: &Format) -> Result<(), XlsxError> {
    for (col, name) in (0u16..).zip(names) {
        sheet.write_string_with_format(0, col, *name, format)?;
    }
    sheet.autofilter(0, 0, 0, names.len().saturating_sub(1) as u16)?;
    Ok(())
}

fn plan_sheet(
    sheet: &mut Worksheet,
    report: &PlanReport,
    date: &Format,
    wrap: &Format,
) -> Result<(), XlsxError> {
    sheet.set_name("Plan")?;
    let rows = report.initiatives();
    let last_row = rows.len() as u32;
    let last_col = PLAN_COLUMNS.len() as u16 - 1;
    let columns: Vec<TableColumn> = PLAN_COLUMNS
        .iter()
        .map(|h| TableColumn::new().set_header(*h))
        .collect();
    // A table needs a data row: an empty plan gets one empty row under its header.
    let table = Table::new().set_name("Plan").set_columns(&columns);
    sheet.add_table(0, 0, last_row.max(1), last_col, &table)?;
    for (row, r) in (1u32..).zip(&rows) {
        let i = &r.view.initiative;
        sheet.write_number(row, 0, r.number as f64)?;
        text(sheet, row, 1, r.phase)?;
        text(sheet, row, 2, &i.title)?;
        text_with(sheet, row, 3, &i.description, wrap)?;
        text(sheet, row, 4, &i.owner)?;
        text(sheet, row, STATUS_COL, initiative_status(i.status))?;
        text(sheet, row, 6, quadrant_label(r.view.quadrant))?;
        sheet.write_number(row, 7, f64::from(i.impact))?;
        sheet.write_number(row, 8, f64::from(i.effort))?;
        sheet.write_number(row, 9, f64::from(r.view.evidence.score))?;
        day(sheet, row, 10, i.started, date)?;
        day(sheet, row, 11, i.due, date)?;
        text(
            sheet,
            row,
            OVERDUE_COL,
            if r.view.overdue { "yes" } else { "no" },
        )?;
        if let Some(bar) = r.view.progress.bar {
            sheet.write_number(row, PROGRESS_COL, bar)?;
        }
        text(sheet, row, 14, progress_state_label(r.view.progress.state))?;
        let journeys = r.journeys.join("; ");
        text(sheet, row, 15, &journeys)?;
        // Neither Excel nor LibreOffice grows a row for wrapped text in a file they did not
        // edit: the row is sized here for its longest wrapped cell.
        let lines = [r.phase, &i.title, &i.description, &i.owner, &journeys]
            .iter()
            .zip(WRAPPED_PLAN_COLUMNS)
            .map(|(value, col)| wrapped_lines(value, PLAN_COLUMN_WIDTHS[usize::from(col)]))
            .max()
            .unwrap_or(1);
        sheet.set_row_height(row, ROW_POINTS * f64::from(lines))?;
    }
    let last = last_row.max(1);
    let status_list = DataValidation::new().allow_list_strings(&STATUS_LABELS)?;
    sheet.add_data_validation(1, STATUS_COL, last, STATUS_COL, &status_list)?;
    let palette = Palette::light();
    for (word, colour) in [
        ("done", palette.score_meets),
        ("in progress", palette.lane_customer),
        ("dropped", palette.score_none),
    ] {
        let format = Format::new()
            .set_font_color(Color::RGB(hex(colour)))
            .set_bold();
        let rule = ConditionalFormatText::new()
            .set_rule(ConditionalFormatTextRule::BeginsWith(word.into()))
            .set_format(format);
        sheet.add_conditional_format(1, STATUS_COL, last, STATUS_COL, &rule)?;
    }
    let overdue = ConditionalFormatText::new()
        .set_rule(ConditionalFormatTextRule::BeginsWith("yes".into()))
        .set_format(
            Format::new()
                .set_font_color(Color::RGB(hex(palette.score_misses)))
                .set_bold(),
        );
    sheet.add_conditional_format(1, OVERDUE_COL, last, OVERDUE_COL, &overdue)?;
    let bar = ConditionalFormatDataBar::new();
    sheet.add_conditional_format(1, PROGRESS_COL, last, PROGRESS_COL, &bar)?;
    // Every column sized, the long texts wrapped: 16 columns printed one page wide stay legible
    // (about 7.5 pt on Letter or A4 landscape; at the default widths they shrank to 6 pt).
    for (col, width) in PLAN_COLUMN_WIDTHS.iter().enumerate() {
        sheet.set_column_width(col as u16, *width)?;
    }
    let top = Format::new().set_align(FormatAlign::Top);
    for col in 0..PLAN_COLUMNS.len() as u16 {
        let format = if WRAPPED_PLAN_COLUMNS.contains(&col) {
            wrap
        } else {
            &top
        };
        sheet.set_column_format(col, format)?;
    }
    for_print(sheet)
}

fn handoffs_sheet(
    sheet: &mut Worksheet,
    report: &PlanReport,
    header: &Format,
) -> Result<(), XlsxError> {
    sheet.set_name("Handoffs")?;
    let mut names = vec!["Journey", "From", "To", "Mode", "Friction"];
    names.extend(FACTORS.iter().map(|f| factor_label(*f)));
    headers(sheet, &names, header)?;
    let mut row = 1u32;
    for j in &report.journeys {
        for h in &j.analysis.handoffs {
            text(sheet, row, 0, &j.model.journey.name)?;
            text(sheet, row, 1, j.step_title(&h.from_step_id))?;
            text(sheet, row, 2, j.step_title(&h.to_step_id))?;
            text(
                sheet,
                row,
                3,
                match h.mode {
                    HandoffMode::Assisted => "assisted",
                    HandoffMode::Blind => "blind",
                    HandoffMode::Automated => "automated",
                },
            )?;
            sheet.write_number(row, 4, f64::from(h.friction.score))?;
            for (col, factor) in (5u16..).zip(FACTORS) {
                let points: u32 = h
                    .friction
                    .items
                    .iter()
                    .filter(|i| i.factor == factor)
                    .map(|i| i.points)
                    .sum();
                sheet.write_number(row, col, f64::from(points))?;
            }
            row += 1;
        }
    }
    sheet.set_column_width(0, 24.0)?;
    sheet.set_column_width(1, 30.0)?;
    sheet.set_column_width(2, 30.0)?;
    for_print(sheet)
}

fn touchpoints_sheet(
    sheet: &mut Worksheet,
    report: &PlanReport,
    header: &Format,
) -> Result<(), XlsxError> {
    sheet.set_name("Touchpoints")?;
    headers(
        sheet,
        &[
            "Journey",
            "Touchpoint or handoff",
            "Metric",
            "Latest",
            "Target",
            "Gap",
            "Status",
        ],
        header,
    )?;
    let palette = Palette::light();
    for (row, r) in (1u32..).zip(scorecard(&report.journeys)) {
        text(sheet, row, 0, &r.journey)?;
        text(sheet, row, 1, &r.subject)?;
        text(sheet, row, 2, &r.metric)?;
        if let Some(latest) = r.latest {
            sheet.write_number(row, 3, latest)?;
        }
        sheet.write_number(row, 4, r.target)?;
        if let Some(gap) = r.gap {
            sheet.write_number(row, 5, gap)?;
        }
        let status = Format::new()
            .set_background_color(Color::RGB(hex(palette.status(r.status))))
            .set_font_color(Color::White)
            .set_bold();
        text_with(sheet, row, 6, status_label(r.status), &status)?;
    }
    sheet.set_column_width(0, 24.0)?;
    sheet.set_column_width(1, 40.0)?;
    for_print(sheet)
}

fn suggestions_sheet(
    sheet: &mut Worksheet,
    report: &PlanReport,
    header: &Format,
    wrap: &Format,
) -> Result<(), XlsxError> {
    sheet.set_name("Suggestions")?;
    headers(
        sheet,
        &["Journey", "Suggestion", "Addressed by an initiative", "Key"],
        header,
    )?;
    let mut row = 1u32;
    for j in &report.journeys {
        let coverage = report
            .view
            .coverage
            .iter()
            .find(|c| c.journey_id == j.model.journey.id);
        for s in &j.analysis.suggestions {
            let addressed = coverage.is_some_and(|c| c.addressed_suggestions.contains(&s.key));
            text(sheet, row, 0, &j.model.journey.name)?;
            text_with(sheet, row, 1, &s.reason, wrap)?;
            text(sheet, row, 2, if addressed { "yes" } else { "no" })?;
            text(sheet, row, 3, &s.key)?;
            row += 1;
        }
    }
    sheet.set_column_width(0, 24.0)?;
    sheet.set_column_width(1, 80.0)?;
    sheet.set_column_width(2, 14.0)?;
    for_print(sheet)
}

fn definitions_sheet(
    sheet: &mut Worksheet,
    header: &Format,
    wrap: &Format,
) -> Result<(), XlsxError> {
    sheet.set_name("Definitions")?;
    headers(sheet, &["Term", "Definition"], header)?;
    for (row, (term, definition)) in (1u32..).zip(DEFINITIONS) {
        text(sheet, row, 0, term)?;
        text_with(sheet, row, 1, definition, wrap)?;
    }
    sheet.set_column_width(0, 20.0)?;
    sheet.set_column_width(1, 100.0)?;
    for_print(sheet)
}

/// "#2b7a3d" as 0x2B7A3D.
fn hex(colour: &str) -> u32 {
    u32::from_str_radix(colour.trim_start_matches('#'), 16).unwrap_or(0)
}
