//! The plan as XLSX, read back by openpyxl (every cell of the Plan sheet equal to the plan, the
//! table, drop-down, conditional formats and print set-up there, no formula anywhere) and
//! converted to PDF by LibreOffice headless without a repair.

mod common;

use baton_report::plan::xlsx::{cell_text, plan_xlsx, PLAN_COLUMNS};
use baton_report::plan::{
    progress_state_label, quadrant_label, status_label, PlanOptions, PlanReport, STATUS_LABELS,
};
use common::readers;
use serde_json::Value;

fn options() -> PlanOptions {
    PlanOptions {
        date: Some(common::today()),
        ..PlanOptions::default()
    }
}

/// What openpyxl reads: every sheet's values and cell types, and the Plan sheet's set-up.
const OPENPYXL: &str = r#"
import json, sys, openpyxl
book = openpyxl.load_workbook(sys.argv[1])
def value(c):
    if c.value is None:
        return None
    if c.is_date:
        return "date:" + c.value.date().isoformat()
    return c.value
sheets = {}
for sheet in book.worksheets:
    sheets[sheet.title] = {
        "rows": [[value(c) for c in row] for row in sheet.iter_rows()],
        "types": sorted({c.data_type for row in sheet.iter_rows() for c in row}),
        "landscape": sheet.page_setup.orientation,
        # Absent means OOXML's default, 1.
        "fit_width": 1 if sheet.page_setup.fitToWidth is None else int(sheet.page_setup.fitToWidth),
        "fit_height": 1 if sheet.page_setup.fitToHeight is None else int(sheet.page_setup.fitToHeight),
        "fit_to_page": sheet.sheet_properties.pageSetUpPr.fitToPage,
        "title_rows": sheet.print_title_rows,
        "freeze": sheet.freeze_panes,
    }
plan = book["Plan"]
table = plan.tables["Plan"]
rules = [r.type for cf in plan.conditional_formatting for r in cf.rules]
from openpyxl.utils import get_column_letter
# Stored widths include Excel's padding (5 px of 7 per character); a <col> may span columns.
widths = [8.43 + 5 / 7] * 16
for dim in plan.column_dimensions.values():
    if dim.customWidth:
        for c in range(dim.min, min(dim.max, 16) + 1):
            widths[c - 1] = dim.width
print(json.dumps({
    "plan_widths": widths,
    "plan_margins": [plan.page_margins.left, plan.page_margins.right],
    "plan_wrapped": [bool(plan.cell(row=2, column=c).alignment.wrap_text) for c in range(1, 17)],
    "names": book.sheetnames,
    "sheets": sheets,
    "table_ref": table.ref,
    "table_autofilter": table.autoFilter is not None,
    "validations": [[v.type, v.formula1, str(v.sqref)] for v in plan.data_validations.dataValidation],
    "rules": rules,
}))
"#;

fn openpyxl(path: &std::path::Path) -> Value {
    let out = readers::run("/usr/bin/python3", &["-c", OPENPYXL, readers::path(path)]);
    serde_json::from_str(&out).expect("openpyxl's JSON")
}

/// A text cell as the user sees it: a blank cell and an empty string are the same.
fn text(value: &Value) -> &str {
    value.as_str().unwrap_or("")
}

fn date(value: Option<chrono::NaiveDate>) -> Value {
    value.map_or(Value::Null, |d| Value::from(format!("date:{d}")))
}

#[test]
fn the_plan_sheet_reads_back_equal_to_the_plan_in_openpyxl() {
    let dir = tempfile::tempdir().unwrap();
    for (name, ws) in [
        ("demo", common::demo()),
        ("hostile", common::demo_with_hostile_plan()),
    ] {
        let report = PlanReport::build(&ws, &options()).unwrap();
        let path = dir.path().join(format!("{name}.xlsx"));
        std::fs::write(&path, plan_xlsx(&report).unwrap()).unwrap();
        let read = openpyxl(&path);
        assert_eq!(
            read["names"],
            serde_json::json!([
                "Plan",
                "Handoffs",
                "Touchpoints",
                "Suggestions",
                "Definitions"
            ])
        );
        for (sheet_name, sheet) in read["sheets"].as_object().unwrap() {
            let types = sheet["types"].as_array().unwrap();
            assert!(
                !types.contains(&Value::from("f")),
                "{name}: a formula cell in {sheet_name}"
            );
            assert_eq!(sheet["landscape"], "landscape", "{sheet_name}");
            assert_eq!(sheet["fit_width"], 1, "{sheet_name}: one page wide");
            assert_eq!(
                sheet["fit_height"], 0,
                "{sheet_name}: as many pages long as needed"
            );
            assert_eq!(sheet["fit_to_page"], true, "{sheet_name}");
            assert_eq!(
                sheet["title_rows"], "$1:$1",
                "{sheet_name}: header repeated"
            );
            assert_eq!(sheet["freeze"], "A2", "{sheet_name}: header frozen");
        }

        assert_plan_prints_legibly(&read, name);

        let plan = report.initiatives();
        let rows = read["sheets"]["Plan"]["rows"].as_array().unwrap();
        let header: Vec<&str> = rows[0].as_array().unwrap().iter().map(text).collect();
        assert_eq!(header, PLAN_COLUMNS);
        assert_eq!(rows.len() - 1, plan.len(), "one row per initiative");
        assert_eq!(read["table_ref"], format!("A1:P{}", plan.len() + 1));
        assert_eq!(read["table_autofilter"], true);
        for (row, cells) in plan.iter().zip(&rows[1..]) {
            let cells = cells.as_array().unwrap();
            let (i, view) = (&row.view.initiative, row.view);
            assert_eq!(cells[0], row.number as f64);
            assert_eq!(text(&cells[1]), row.phase);
            // Every character kept, control characters (a bell, an escape) replaced.
            assert_eq!(text(&cells[2]), cell_text(&i.title), "{name}: title");
            assert_eq!(text(&cells[3]), cell_text(&i.description));
            assert_eq!(text(&cells[4]), cell_text(&i.owner));
            assert_eq!(text(&cells[5]), status_label(i.status));
            assert_eq!(text(&cells[6]), quadrant_label(view.quadrant));
            assert_eq!(cells[7], f64::from(i.impact));
            assert_eq!(cells[8], f64::from(i.effort));
            assert_eq!(cells[9], f64::from(view.evidence.score));
            assert_eq!(cells[10], date(i.started), "started, as a date");
            assert_eq!(cells[11], date(i.due), "due, as a date");
            assert_eq!(text(&cells[12]), if view.overdue { "yes" } else { "no" });
            assert_eq!(cells[13].as_f64(), view.progress.bar);
            assert_eq!(text(&cells[14]), progress_state_label(view.progress.state));
            assert_eq!(text(&cells[15]), row.journeys.join("; "));
        }
        assert!(
            plan.iter().any(|r| r.view.initiative.due.is_some()),
            "the demo has due dates to check"
        );

        let validations = read["validations"].as_array().unwrap();
        assert_eq!(validations.len(), 1);
        assert_eq!(validations[0][0], "list");
        assert_eq!(
            validations[0][1],
            format!("\"{}\"", STATUS_LABELS.join(","))
        );
        assert_eq!(validations[0][2], format!("F2:F{}", plan.len() + 1));
        let rules: Vec<&str> = read["rules"].as_array().unwrap().iter().map(text).collect();
        assert_eq!(rules.iter().filter(|r| **r == "beginsWith").count(), 4);
        assert_eq!(rules.iter().filter(|r| **r == "dataBar").count(), 1);
    }
}

#[test]
fn the_other_sheets_hold_every_handoff_touchpoint_suggestion_and_definition() {
    let dir = tempfile::tempdir().unwrap();
    let report = PlanReport::build(&common::demo(), &options()).unwrap();
    let path = dir.path().join("demo.xlsx");
    std::fs::write(&path, plan_xlsx(&report).unwrap()).unwrap();
    let read = openpyxl(&path);
    let rows = |sheet: &str| read["sheets"][sheet]["rows"].as_array().unwrap().clone();

    let handoffs = rows("Handoffs");
    let analysed: usize = report
        .journeys
        .iter()
        .map(|j| j.analysis.handoffs.len())
        .sum();
    assert_eq!(handoffs.len() - 1, analysed);
    // Each factor in its own column, and the columns add up to the friction score (core caps
    // the sum at 100).
    let mut k = 1;
    for j in &report.journeys {
        for h in &j.analysis.handoffs {
            let cells = handoffs[k].as_array().unwrap();
            assert_eq!(text(&cells[1]), j.step_title(&h.from_step_id));
            assert_eq!(cells[4], f64::from(h.friction.score));
            let sum: f64 = cells[5..].iter().filter_map(Value::as_f64).sum();
            assert_eq!(sum.min(100.0), f64::from(h.friction.score), "row {k}");
            k += 1;
        }
    }

    let card = baton_report::plan::rows::scorecard(&report.journeys);
    let touchpoints = rows("Touchpoints");
    assert!(!card.is_empty(), "the demo has targets");
    assert_eq!(touchpoints.len() - 1, card.len());
    for (r, cells) in card.iter().zip(&touchpoints[1..]) {
        assert_eq!(text(&cells[1]), r.subject);
        assert_eq!(cells[4], r.target);
        assert_eq!(cells[5].as_f64(), r.gap);
        assert_eq!(
            text(&cells[6]),
            baton_report::plan::rows::status_label(r.status)
        );
    }

    let suggestions: usize = report
        .journeys
        .iter()
        .map(|j| j.analysis.suggestions.len())
        .sum();
    assert_eq!(rows("Suggestions").len() - 1, suggestions);
    let definitions = rows("Definitions");
    assert_eq!(
        definitions.len() - 1,
        baton_report::plan::definitions::DEFINITIONS.len()
    );
    assert_eq!(text(&definitions[1][0]), "Touchpoint");
}

#[test]
fn libreoffice_converts_the_workbook_to_pdf_without_error() {
    let dir = tempfile::tempdir().unwrap();
    for (name, ws) in [
        ("demo", common::demo()),
        ("hostile", common::demo_with_hostile_plan()),
    ] {
        let report = PlanReport::build(&ws, &options()).unwrap();
        let path = dir.path().join(format!("{name}.xlsx"));
        std::fs::write(&path, plan_xlsx(&report).unwrap()).unwrap();
        let pdf = readers::libreoffice_to_pdf(&path, dir.path());
        // Rendered first, so the pages can be looked at even when a check below fails.
        readers::pdftoppm(&pdf, &readers::pages_dir(), &format!("xlsx-{name}"));
        let (pages, _, _) = readers::pdfinfo(&pdf);
        assert!(pages >= 1, "{name}: {pages} pages");
        let printed = readers::pdftotext(&pdf);
        assert!(
            printed.contains("Initiative"),
            "{name}: the Plan sheet printed"
        );
        if name == "demo" {
            let first = &report.initiatives()[0].view.initiative.title;
            // The title's cell wraps: its first two words share the first printed line.
            let start = first
                .split_whitespace()
                .take(2)
                .collect::<Vec<_>>()
                .join(" ");
            assert!(printed.contains(&start), "{start:?} printed");
        }
    }
}

/// The Plan sheet printed one page wide on Letter landscape (the narrower of Letter and A4):
/// Excel draws a column of stored width `w` (characters, padding included) as `7 w` pixels at
/// 96 dpi for its 11 pt Calibri, so the page shrinks the text by the printable width over the
/// columns' width. At the first widths 16 columns printed at 5.5 pt; the sized and wrapped
/// columns keep it >= 7 pt.
fn assert_plan_prints_legibly(read: &Value, name: &str) {
    let widths: Vec<f64> = read["plan_widths"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w.as_f64().unwrap())
        .collect();
    let margins: Vec<f64> = read["plan_margins"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m.as_f64().unwrap())
        .collect();
    let columns_px: f64 = widths.iter().map(|w| 7.0 * w).sum();
    let printable_px = (11.0 - margins[0] - margins[1]) * 96.0;
    let printed_pt = 11.0 * (printable_px / columns_px).min(1.0);
    assert!(
        printed_pt >= 7.0,
        "{name}: the Plan sheet prints at {printed_pt:.1} pt (columns {widths:?})"
    );
    let wrapped = read["plan_wrapped"].as_array().unwrap();
    for col in [1, 2, 3, 4, 15] {
        if read["sheets"]["Plan"]["rows"].as_array().unwrap().len() > 1 {
            assert_eq!(wrapped[col], true, "{name}: column {col} wraps");
        }
    }
}
