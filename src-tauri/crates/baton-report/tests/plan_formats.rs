//! The plan's CSV, Markdown, XLSX and PDF read back by real readers: the csv crate,
//! pulldown-cmark, openpyxl and LibreOffice, poppler.

mod common;

use baton_report::plan::csv::{plan_csv, COLUMNS};
use baton_report::plan::markdown::plan_markdown;
#[cfg(feature = "pdf")]
use baton_report::plan::pdf::plan_pdf;
use baton_report::plan::xlsx::{plan_xlsx, PLAN_COLUMNS};
use baton_report::plan::{status_label, Paper, PlanOptions, PlanReport};
use common::readers;

fn options() -> PlanOptions {
    PlanOptions {
        date: Some(common::today()),
        ..PlanOptions::default()
    }
}

fn write(dir: &tempfile::TempDir, name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

#[test]
fn csv_reads_back_equal_with_formulas_neutralised() {
    for ws in [common::demo(), common::demo_with_hostile_plan()] {
        let report = PlanReport::build(&ws, &options()).unwrap();
        let bytes = plan_csv(&report).unwrap();
        assert!(bytes.starts_with("\u{FEFF}".as_bytes()), "a BOM for Excel");
        let mut reader = csv::Reader::from_reader(&bytes[3..]);
        let header: Vec<String> = reader.headers().unwrap().iter().map(str::to_owned).collect();
        assert_eq!(header, COLUMNS);
        let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        let rows = report.initiatives();
        assert!(!rows.is_empty(), "the demo has initiatives");
        assert_eq!(records.len(), rows.len());
        for (record, row) in records.iter().zip(&rows) {
            let title = &row.view.initiative.title;
            let expected = if title.starts_with(['=', '+', '-', '@']) {
                format!("'{title}")
            } else {
                title.clone()
            };
            assert_eq!(&record[2], expected.as_str());
            assert_eq!(&record[5], status_label(row.view.initiative.status));
            assert_eq!(record[9].parse::<u32>().unwrap(), row.view.evidence.score);
            for cell in record.iter() {
                assert!(!cell.starts_with(['=', '+', '@']), "a formula cell: {cell}");
            }
        }
    }
}

#[test]
fn markdown_renders_with_hostile_text_inert() {
    let ws = common::demo_with_hostile_plan();
    let report = PlanReport::build(&ws, &options()).unwrap();
    let markdown = plan_markdown(&report);
    let parser = pulldown_cmark::Parser::new_ext(&markdown, pulldown_cmark::Options::ENABLE_TABLES);
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, parser);
    assert!(!html.contains("<script"), "markup injected");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(!html.contains("<strong>bold</strong>"), "emphasis injected from the client name");
    // Every initiative is one row of the plan table: a `|` in a title split no row.
    let plan_table = html.split("<h2>Plan</h2>").nth(1).unwrap();
    let plan_table = plan_table.split("</table>").next().unwrap();
    let rows = plan_table.matches("<tr>").count() - 1;
    assert_eq!(rows, report.initiatives().len());
    for cells in plan_table.split("<tr>").skip(2) {
        assert_eq!(cells.matches("<td").count(), 9, "{cells}");
    }
    assert!(html.contains("<h2>Summary</h2>") && html.contains("<h2>Scorecard</h2>"));
}

/// openpyxl's reading of the Plan sheet: every row's values, and the data type of each cell.
fn openpyxl_plan(path: &std::path::Path) -> serde_json::Value {
    let script = r#"
import json, sys, openpyxl
book = openpyxl.load_workbook(sys.argv[1])
sheet = book["Plan"]
rows = [[None if c.value is None else (c.value.isoformat()[:10] if hasattr(c.value, "isoformat") else c.value) for c in row] for row in sheet.iter_rows()]
types = [[c.data_type for c in row] for row in sheet.iter_rows()]
print(json.dumps({"sheets": book.sheetnames, "rows": rows, "types": types,
  "freeze": sheet.freeze_panes, "tables": list(sheet.tables.keys()),
  "validations": len(sheet.data_validations.dataValidation),
  "landscape": sheet.page_setup.orientation, "fit_width": sheet.page_setup.fitToWidth}))
"#;
    let out = readers::run("/usr/bin/python3", &["-c", script, readers::path(path)]);
    serde_json::from_str(&out).unwrap()
}

#[test]
fn xlsx_reads_back_equal_in_openpyxl_and_converts_in_libreoffice() {
    let dir = tempfile::tempdir().unwrap();
    for (name, ws) in [("demo", common::demo()), ("hostile", common::demo_with_hostile_plan())] {
        let report = PlanReport::build(&ws, &options()).unwrap();
        let path = write(&dir, &format!("{name}.xlsx"), &plan_xlsx(&report).unwrap());
        let read = openpyxl_plan(&path);
        assert_eq!(
            read["sheets"],
            serde_json::json!(["Plan", "Handoffs", "Touchpoints", "Suggestions", "Definitions"])
        );
        assert_eq!(read["freeze"], "A2");
        assert_eq!(read["tables"], serde_json::json!(["Plan"]));
        assert_eq!(read["validations"], 1);
        assert_eq!(read["landscape"], "landscape");
        let rows = read["rows"].as_array().unwrap();
        let header: Vec<&str> = rows[0].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
        assert_eq!(header, PLAN_COLUMNS);
        let plan = report.initiatives();
        assert_eq!(rows.len() - 1, plan.len());
        for (k, row) in plan.iter().enumerate() {
            let cells = rows[k + 1].as_array().unwrap();
            let types = read["types"][k + 1].as_array().unwrap();
            let i = &row.view.initiative;
            assert_eq!(cells[0], row.number as f64);
            assert_eq!(cells[1], row.phase);
            assert_eq!(cells[2], i.title.as_str());
            assert_eq!(cells[4], i.owner.as_str());
            assert_eq!(cells[5], status_label(i.status));
            assert_eq!(cells[7], f64::from(i.impact));
            assert_eq!(cells[9], f64::from(row.view.evidence.score));
            let due = i.due.map(|d| d.format("%Y-%m-%d").to_string());
            assert_eq!(cells[11].as_str().map(str::to_owned), due);
            assert!(types.iter().all(|t| t != "f"), "no formula cell: {types:?}");
        }
        // LibreOffice opens it without a repair and prints it.
        let out = dir.path().join(format!("{name}-lo"));
        readers::run(
            "soffice",
            &["--headless", "--convert-to", "pdf", "--outdir", readers::path(&out), readers::path(&path)],
        );
        let pdf = out.join(format!("{name}.pdf"));
        assert!(pdf.exists(), "LibreOffice wrote no PDF");
        assert!(readers::pdfinfo(&pdf).0 >= 1);
    }
}

#[cfg(feature = "pdf")]
#[test]
fn pdf_holds_every_initiative_the_top_hotspot_and_the_definitions() {
    let dir = tempfile::tempdir().unwrap();
    let ws = common::demo();
    let report = PlanReport::build(&ws, &options()).unwrap();
    for (paper, size, name) in [(Paper::A4, (595.28, 841.89), "a4"), (Paper::Letter, (612.0, 792.0), "letter")] {
        let options = PlanOptions { paper, author: Some("Ana Consultant".into()), ..options() };
        let bytes = plan_pdf(&report, &options).unwrap();
        assert!(bytes == plan_pdf(&report, &options).unwrap(), "same date, same bytes");
        let path = write(&dir, &format!("plan-{name}.pdf"), &bytes);
        let (pages, w, h) = readers::pdfinfo(&path);
        assert!(pages >= 6, "{pages} pages");
        assert!((w - size.0).abs() < 1.0 && (h - size.1).abs() < 1.0, "{w} x {h}");
        // pdftotext without -layout joins wrapped lines with newlines: compare without them.
        let text = readers::run("pdftotext", &[readers::path(&path), "-"]).split_whitespace().collect::<Vec<_>>().join(" ");
        for row in report.initiatives() {
            let title = row.view.initiative.title.split_whitespace().collect::<Vec<_>>().join(" ");
            assert!(text.contains(&title), "initiative {title:?} missing");
        }
        let top = baton_report::plan::rows::hotspots(&report.journeys, 1);
        assert!(text.contains(&format!("friction {}", top[0].friction)));
        for term in ["Friction score", "Measured progress", "Quadrant"] {
            assert!(text.contains(term), "definition {term}");
        }
        assert!(text.contains("Ana Consultant"));
        let fonts = readers::pdffonts(&path);
        assert!(fonts.iter().all(|(_, embedded)| *embedded), "{fonts:?}");
        assert_eq!(readers::pdftoppm(&path, &readers::pages_dir(), &format!("plan-{name}")), pages);
    }
}

#[cfg(feature = "pdf")]
#[test]
fn every_format_copes_with_a_hostile_plan() {
    let dir = tempfile::tempdir().unwrap();
    let ws = common::demo_with_hostile_plan();
    let report = PlanReport::build(&ws, &options()).unwrap();
    let path = write(&dir, "hostile.pdf", &plan_pdf(&report, &options()).unwrap());
    let text = readers::pdftotext(&path);
    assert!(text.contains("<script>alert(1)</script>"));
    assert!(text.contains("#set page(width: 1pt)"));
    assert!(text.contains("<Client> & =2+2"));
    assert_eq!(readers::pdfinfo(&path).1.round(), 595.0, "markup in a title changed no page");
    readers::pdftoppm(&path, &readers::pages_dir(), "plan-hostile");
}
