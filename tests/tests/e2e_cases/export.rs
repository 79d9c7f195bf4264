//! End to end: the Export dialog in the real app (issue 13). Ctrl+E opens it and Esc closes it;
//! the demo's plan is exported to PDF through the dialog and the native save dialog, and read
//! back by pdftotext (every initiative title, the author) and pdfinfo (A4); cancelling the save
//! dialog, or the export while it runs, leaves no file. The same plan exported to XLSX is read
//! back by openpyxl (every initiative title in the Plan sheet, the five sheets) and printed to PDF
//! by LibreOffice headless. Screenshots of the dialog with its preview and of the result.

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use baton_core::synthetic::{synthetic_journey, SyntheticSpec};
use baton_core::Workspace;
use serde_json::json;

use crate::e2e_support::webdriver::{Session, CONTROL, ESCAPE};
use crate::e2e_support::{dialogs, launch, screens_dir};

fn css(id: &str) -> String {
    format!("[data-testid=\"{id}\"]")
}

/// The demo's initiative titles, from the same core builder the app's demo runs.
fn demo_titles() -> Vec<String> {
    let mut ws = Workspace::new_file("Demo");
    ws.apply(&baton_core::templates::demo_edit(&ws)).unwrap();
    let titles: Vec<String> = ws.initiatives.values().map(|i| i.title.clone()).collect();
    assert!(titles.len() >= 3, "the demo has a plan: {titles:?}");
    titles
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn run(program: &str, args: &[&str]) -> String {
    let out = Command::new(program)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{program} could not run ({e}): run scripts/deps-app.sh"));
    assert!(
        out.status.success(),
        "{program} {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn choose_format(s: &Session, format: &str) {
    let radio = s.find(&format!(
        "{}[data-format=\"{format}\"]",
        css("export-format")
    ));
    s.click(&radio);
    s.wait_until(&format!("{format} chosen"), Duration::from_secs(10), |s| {
        s.property(&radio, "checked") == json!(true)
    });
}

/// Waits for the preview of the chosen format to be drawn; its page count.
fn preview_pages(s: &Session) -> u32 {
    s.wait_until("the preview", Duration::from_secs(120), |s| {
        let pane = s.testid("export-preview");
        s.attr(&pane, "data-loading").as_deref() == Some("false")
            && s.try_find(&css("export-preview-image")).is_some()
    });
    let pane = s.testid("export-preview");
    println!(
        "preview rendered in {} ms (debug build, under the suite's load)",
        s.attr(&pane, "data-render-ms").unwrap_or_default()
    );
    s.attr(&pane, "data-pages")
        .and_then(|p| p.parse().ok())
        .unwrap_or(0)
}

/// Export…, answered in the native save dialog titled `title` with `path`; waits for the result.
fn export_to(s: &Session, title: &str, path: &Path) {
    s.click_testid("btn-export-submit");
    dialogs::answer_save(title, path);
    s.wait_until("the export to finish", Duration::from_secs(180), |s| {
        s.try_find(&css("export-done")).is_some() || s.try_find(&css("export-error")).is_some()
    });
    if let Some(error) = s.try_find(&css("export-error")) {
        panic!("the export failed: {}", s.text(&error));
    }
    let name = s.text(&s.testid("export-file-name"));
    assert_eq!(
        Some(name.as_str()),
        path.file_name().and_then(|n| n.to_str())
    );
}

fn open_demo(s: &Session) {
    s.click_testid("btn-open-demo");
    s.wait_until("the demo's map", Duration::from_secs(20), |s| {
        s.count(&css("card")) > 0
    });
}

#[test]
fn export_the_demos_plan_to_pdf_through_the_dialog() {
    let dir = tempfile::tempdir().unwrap();
    let screens = screens_dir();
    let titles = demo_titles();
    let s = launch();
    open_demo(&s);

    // The key opens the dialog, Esc closes it.
    s.chord(CONTROL, "e");
    s.testid("export-dialog");
    s.keys(ESCAPE);
    s.wait_count(&css("export-dialog"), 0);

    s.click_testid("btn-export");
    s.testid("export-dialog");
    choose_format(&s, "plan_pdf");
    s.type_into(&s.testid("export-author"), "E2E Consultant");
    let pages = preview_pages(&s);
    assert!(pages >= 3, "the report's preview counts {pages} pages");
    assert_eq!(
        s.count(&css("export-warning")),
        0,
        "a plain file has no warning"
    );
    s.screenshot(&screens.join("export-01-plan-pdf-preview.png"));

    let pdf = dir.path().join("Demo plan.pdf");
    export_to(&s, "Export PDF report", &pdf);
    s.screenshot(&screens.join("export-02-done.png"));
    let text = one_line(&run("pdftotext", &[pdf.to_str().unwrap(), "-"]));
    for title in &titles {
        assert!(text.contains(&one_line(title)), "{title:?} not in the PDF");
    }
    assert!(
        text.contains("E2E Consultant"),
        "the author is on the cover"
    );
    let info = run("pdfinfo", &[pdf.to_str().unwrap()]);
    assert!(info.contains("x 841.89 pts (A4)"), "A4: {info}");

    // Cancelling the save dialog writes nothing and leaves the dialog as it was.
    s.click_testid("btn-export-again");
    s.click_testid("btn-export-submit");
    dialogs::cancel("Export PDF report");
    s.wait_until("the form again", Duration::from_secs(10), |s| {
        s.attr(&s.testid("export-dialog"), "data-step").as_deref() == Some("form")
    });
    assert_eq!(files_in(dir.path()), vec!["Demo plan.pdf"]);

    // The same plan as an Excel workbook, read back by openpyxl and printed by LibreOffice.
    choose_format(&s, "plan_xlsx");
    let xlsx = dir.path().join("Demo plan.xlsx");
    export_to(&s, "Export Excel workbook", &xlsx);
    let read = run(
        "/usr/bin/python3",
        &["-c", OPENPYXL_PLAN, xlsx.to_str().unwrap()],
    );
    let read: serde_json::Value = serde_json::from_str(&read).unwrap();
    assert_eq!(
        read["sheets"],
        json!([
            "Plan",
            "Handoffs",
            "Touchpoints",
            "Suggestions",
            "Definitions"
        ])
    );
    let mut in_sheet: Vec<String> = serde_json::from_value(read["titles"].clone()).unwrap();
    let mut expected = titles.clone();
    in_sheet.sort();
    expected.sort();
    assert_eq!(in_sheet, expected, "the Plan sheet's initiatives");
    let profile = tempfile::tempdir().unwrap();
    let printed = dir.path().join("printed");
    run(
        "soffice",
        &[
            &format!("-env:UserInstallation=file://{}", profile.path().display()),
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            printed.to_str().unwrap(),
            xlsx.to_str().unwrap(),
        ],
    );
    // LibreOffice exits 0 even when it cannot read a file: the PDF is the proof.
    let pdf_of_xlsx = printed.join("Demo plan.pdf");
    let text = one_line(&run("pdftotext", &[pdf_of_xlsx.to_str().unwrap(), "-"]));
    // (Wrapped cells interleave in the text; the header's short words do not.)
    assert!(
        text.contains("Initiative") && text.contains("Owner"),
        "{text}"
    );
    s.keys(ESCAPE);
    s.wait_count(&css("export-dialog"), 0);
}

/// The workbook's sheet names and the Plan sheet's initiative column (C), by openpyxl.
const OPENPYXL_PLAN: &str = r#"
import json, sys, openpyxl
book = openpyxl.load_workbook(sys.argv[1])
plan = book["Plan"]
print(json.dumps({
    "sheets": book.sheetnames,
    "titles": [row[2].value or "" for row in plan.iter_rows(min_row=2)],
}))
"#;

/// A client file with one journey big enough that its map takes seconds to lay out on A4 pages
/// (and small enough to stay under the 400 pages a map may take).
fn big_file(path: &Path) {
    let mut doc = baton_store::Document::create(path, "Big client").unwrap();
    let spec = SyntheticSpec {
        stages: 12,
        lanes: 10,
        steps: 1_200,
        handoffs: 360,
        responses: 0,
        seed: 7,
    };
    let edit = synthetic_journey(doc.workspace(), &spec);
    doc.apply(edit).unwrap();
    doc.close().unwrap();
}

#[test]
fn cancelling_a_running_export_leaves_no_file() {
    let dir = tempfile::tempdir().unwrap();
    let client = dir.path().join("Big client.baton");
    big_file(&client);
    let out = dir.path().join("out");
    std::fs::create_dir(&out).unwrap();
    let s = launch();
    s.click_testid("btn-open-file");
    dialogs::answer_open("Open client file", &client);
    s.testid("topbar");

    s.click_testid("btn-export");
    s.testid("export-dialog");
    choose_format(&s, "map_pdf");
    let paper = s.find(&format!("{} option[value=\"a4\"]", css("export-paper")));
    s.click(&paper);
    s.click_testid("btn-export-submit");
    dialogs::answer_save("Export PDF", &out.join("wall map.pdf"));
    s.wait_count(&css("btn-export-cancel"), 1);
    s.click_testid("btn-export-cancel");
    s.wait_until("the export to stop", Duration::from_secs(180), |s| {
        ["export-note", "export-done", "export-error"]
            .iter()
            .any(|id| s.try_find(&css(id)).is_some())
            || s.try_find("[data-testid^=\"export-error-\"]").is_some()
    });
    if let Some(error) = s
        .try_find(&css("export-error"))
        .or_else(|| s.try_find("[data-testid^=\"export-error-\"]"))
    {
        panic!("the export failed: {}", s.text(&error));
    }
    assert!(
        s.try_find(&css("export-done")).is_none(),
        "the export finished before Cancel reached it"
    );
    assert!(s
        .text(&s.testid("export-note"))
        .contains("nothing was written"));
    assert!(
        files_in(&out).is_empty(),
        "left behind: {:?}",
        files_in(&out)
    );
    s.screenshot(&screens_dir().join("export-03-cancelled.png"));
}
