//! `baton export map|plan`: real files in temp dirs, read back by real readers (an XML parser,
//! the PNG header, poppler for PDF), atomic writes and the usual exit codes.

use std::process::Command;

use baton_tests::{Outcome, Sandbox};

/// A sandbox with one template file, and the name of its journey.
fn one_journey() -> (Sandbox, String) {
    let sandbox = Sandbox::new();
    sandbox
        .run(&["new", "c.baton", "--template", "bank_lost_card"])
        .ok();
    let info = sandbox.run(&["info", "c.baton", "--json"]).ok().json();
    let name = info["journeys"][0]["name"].as_str().unwrap().to_owned();
    (sandbox, name)
}

/// `baton export map c.baton --journey JOURNEY` followed by `rest`.
fn export_map(sandbox: &Sandbox, journey: &str, rest: &[&str]) -> Outcome {
    let mut args = vec!["export", "map", "c.baton", "--journey", journey];
    args.extend_from_slice(rest);
    sandbox.run(&args)
}

/// `baton export plan c.baton` followed by `rest`.
fn export_plan(sandbox: &Sandbox, rest: &[&str]) -> Outcome {
    let mut args = vec!["export", "plan", "c.baton"];
    args.extend_from_slice(rest);
    sandbox.run(&args)
}

/// Width and height from a PNG's IHDR chunk.
fn png_size(bytes: &[u8]) -> (u32, u32) {
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "a PNG signature");
    assert_eq!(&bytes[12..16], b"IHDR");
    let be = |b: &[u8]| u32::from_be_bytes([b[0], b[1], b[2], b[3]]);
    (be(&bytes[16..20]), be(&bytes[20..24]))
}

fn poppler(program: &str, file: &std::path::Path) -> String {
    let output = Command::new(program)
        .arg(file)
        .args(if program == "pdftotext" {
            vec!["-"]
        } else {
            vec![]
        })
        .output()
        .unwrap_or_else(|e| panic!("{program} runs ({e}): run scripts/deps-app.sh"));
    assert!(output.status.success(), "{program} failed");
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn map_as_svg_png_and_pdf() {
    let (sandbox, journey) = one_journey();
    export_map(&sandbox, &journey, &["--format", "svg", "-o", "m.svg"]).ok();
    let svg = String::from_utf8(sandbox.read("m.svg")).unwrap();
    let doc = roxmltree::Document::parse(&svg).expect("well-formed SVG");
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "svg");
    let width: f32 = root.attribute("width").unwrap().parse().unwrap();
    let height: f32 = root.attribute("height").unwrap().parse().unwrap();
    let ws = sandbox.workspace("c.baton");
    // Every card's title (an emotion point is drawn as its value on the curve, not a title).
    let cards = ws.steps.values().filter(|s| {
        s.title.len() < 20 && ws.lanes[&s.lane_id].kind != baton_core::LaneKind::Emotion
    });
    for step in cards {
        assert!(svg.contains(&step.title), "{} in the SVG", step.title);
    }

    let run = export_map(
        &sandbox,
        &journey,
        &[
            "--format",
            "png",
            "-o",
            "m.png",
            "--scale",
            "1.5",
            "--friction",
        ],
    );
    assert!(run.ok().stdout.contains("m.png"));
    let (w, h) = png_size(&sandbox.read("m.png"));
    assert_eq!(
        (w, h),
        ((width * 1.5).ceil() as u32, (height * 1.5).ceil() as u32)
    );
    export_map(&sandbox, &journey, &["--format", "png", "-o", "d.png"]).ok();
    assert_eq!(
        png_size(&sandbox.read("d.png")).0,
        (width * 2.0).ceil() as u32,
        "2x by default"
    );

    export_map(
        &sandbox,
        &journey,
        &["--format", "pdf", "-o", "m.pdf", "--paper", "a3"],
    )
    .ok();
    let info = poppler("pdfinfo", &sandbox.path("m.pdf"));
    assert!(info.contains("1190.55 x 841.89 pts"), "{info}");
    let text = poppler("pdftotext", &sandbox.path("m.pdf"));
    let stage = ws.stages.values().next().unwrap();
    assert!(text.contains(&stage.name), "{text}");
}

#[test]
fn an_existing_output_is_kept_without_force_and_replaced_with_it() {
    let (sandbox, journey) = one_journey();
    sandbox.write("taken.svg", b"keep me");
    let args = ["--format", "svg", "-o", "taken.svg"];
    let line = export_map(&sandbox, &journey, &args)
        .error_line()
        .to_owned();
    assert!(line.contains("taken.svg"), "{line}");
    assert!(line.contains("--force"), "{line}");
    assert_eq!(sandbox.read("taken.svg"), b"keep me");
    let mut forced = args.to_vec();
    forced.push("--force");
    export_map(&sandbox, &journey, &forced).ok();
    assert!(sandbox.read("taken.svg").starts_with(b"<?xml"));
    // No temp file is left beside it.
    let left: Vec<_> = std::fs::read_dir(sandbox.dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n != "c.baton" && n != "taken.svg")
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn errors_name_what_is_wrong_and_leave_nothing() {
    let (sandbox, journey) = one_journey();
    let line = export_map(&sandbox, "No such", &["--format", "svg", "-o", "x.svg"])
        .error_line()
        .to_owned();
    assert!(line.contains("no journey is called"), "{line}");
    let line = export_map(
        &sandbox,
        &journey,
        &["--format", "png", "-o", "x.png", "--scale", "50"],
    )
    .error_line()
    .to_owned();
    assert!(line.contains("scale"), "{line}");
    let line = export_map(
        &sandbox,
        &journey,
        &["--format", "svg", "-o", "x.svg", "--scale", "2"],
    )
    .error_line()
    .to_owned();
    assert!(line.contains("--scale is only for --format png"), "{line}");
    let line = export_map(
        &sandbox,
        &journey,
        &["--format", "svg", "-o", "c.baton", "--force"],
    )
    .error_line()
    .to_owned();
    assert!(line.contains("client file itself"), "{line}");
    export_map(&sandbox, &journey, &["--format", "gif", "-o", "x.gif"]).usage_error();
    sandbox
        .run(&[
            "export",
            "map",
            "missing.baton",
            "--journey",
            &journey,
            "--format",
            "svg",
            "-o",
            "x.svg",
        ])
        .error_line();
    for name in ["x.svg", "x.png", "x.gif"] {
        assert!(!sandbox.path(name).exists(), "{name} was written");
    }
}

/// Titles that try to be markup, formulas or Typst code, or are just awkward (all valid titles).
const HOSTILE: [&str; 6] = [
    "<script>alert(1)</script>",
    "=HYPERLINK(\"http://x\",\"y\")",
    "#set page(width: 1pt) | *bold* ]]>",
    "مرحبا بالعالم",
    "Emoji 👩‍💻 & \"quotes\"",
    "+1 -2 @me",
];

/// A description at the longest a file accepts (10,000 characters): right to left, emoji,
/// markup and a formula at its start.
fn long_description() -> String {
    let text = format!("=SUM(A1) {}", "مرحبا 👩‍💻 <b>x</b> | *y* ".repeat(600));
    text.chars().take(10_000).collect()
}

/// `c.baton` with hostile step titles, initiative titles, owners (one empty) and
/// descriptions, set through the store as one edit (what a user could type).
fn make_hostile(sandbox: &Sandbox) {
    sandbox.with_document("c.baton", |document| {
        let ws = document.workspace().clone();
        let mut edits = Vec::new();
        for (k, step) in ws.steps.values().enumerate() {
            let mut step = step.clone();
            step.title = HOSTILE[k % HOSTILE.len()].to_owned();
            edits.push(baton_core::Edit::UpdateStep { step });
        }
        for (k, initiative) in ws.initiatives.values().enumerate() {
            let mut initiative = initiative.clone();
            initiative.title = HOSTILE[k % HOSTILE.len()].to_owned();
            // The first owner empty; the others hostile, so with the template's five
            // initiatives every hostile string is a title or an owner.
            initiative.owner = if k == 0 {
                String::new()
            } else {
                HOSTILE[(k + 4) % HOSTILE.len()].to_owned()
            };
            initiative.description = long_description();
            edits.push(baton_core::Edit::UpdateInitiative { initiative });
        }
        assert!(!ws.initiatives.is_empty(), "the template has a plan");
        let batch = baton_core::Edit::Batch {
            label: "hostile".into(),
            edits,
        };
        document
            .apply(batch)
            .expect("hostile titles are valid titles");
    });
}

#[test]
fn a_hostile_file_exports_to_every_format_as_text() {
    let (sandbox, journey) = one_journey();
    make_hostile(&sandbox);
    let map = |format: &str, out: &str| {
        export_map(&sandbox, &journey, &["--format", format, "-o", out]).ok();
    };
    map("svg", "h.svg");
    let svg = String::from_utf8(sandbox.read("h.svg")).unwrap();
    let doc = roxmltree::Document::parse(&svg).expect("well-formed");
    assert!(doc.descendants().all(|n| !n.has_tag_name("script")));
    let texts: String = doc
        .descendants()
        .filter_map(|n| n.text())
        .collect::<Vec<_>>()
        .join("\n");
    assert!(texts.contains("<script>alert(1)</script>"));
    map("png", "h.png");
    assert!(png_size(&sandbox.read("h.png")).0 > 100);
    map("pdf", "h.pdf");
    assert!(poppler("pdftotext", &sandbox.path("h.pdf")).contains("مرحبا"));

    let plan = |format: &str, out: &str| {
        export_plan(
            &sandbox,
            &["--format", format, "-o", out, "--date", "2026-03-15"],
        )
        .ok();
    };
    plan("pdf", "p.pdf");
    let text = poppler("pdftotext", &sandbox.path("p.pdf"));
    assert!(text.contains("<script>alert(1)</script>"), "{text}");
    assert!(text.contains("#set page(width: 1pt)"));
    plan("csv", "p.csv");
    let csv = String::from_utf8(sandbox.read("p.csv")).unwrap();
    assert!(csv.contains("'=HYPERLINK"), "formula neutralised");
    assert!(csv.contains("'+1 -2 @me"));
    plan("md", "p.md");
    let md = String::from_utf8(sandbox.read("p.md")).unwrap();
    assert!(!md.contains("<script>") && md.contains("&lt;script&gt;"));
    assert!(md.contains("\\| \\*bold\\*"));
    plan("xlsx", "p.xlsx");
    // openpyxl: the Plan sheet's title, description and owner cells, with their types.
    let script = "import json, sys, openpyxl\n\
        sheet = openpyxl.load_workbook(sys.argv[1])['Plan']\n\
        print(json.dumps([[(c.data_type, c.value) for c in row[2:5]] for row in sheet.iter_rows(min_row=2)]))";
    let out = Command::new("/usr/bin/python3")
        .args(["-c", script])
        .arg(sandbox.path("p.xlsx"))
        .output()
        .expect("python3 with openpyxl: run scripts/deps-app.sh");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let rows: Vec<Vec<(String, Option<String>)>> = serde_json::from_slice(&out.stdout).unwrap();
    let ws = sandbox.workspace("c.baton");
    assert_eq!(rows.len(), ws.initiatives.len());
    let mut titles: Vec<&str> = rows
        .iter()
        .map(|r| r[0].1.as_deref().unwrap_or(""))
        .collect();
    let mut expected: Vec<&str> = ws.initiatives.values().map(|i| i.title.as_str()).collect();
    titles.sort_unstable();
    expected.sort_unstable();
    assert_eq!(titles, expected, "every title intact, formulas as text");
    for row in &rows {
        assert_eq!(row[1].1.as_deref(), Some(long_description().as_str()));
        assert!(
            row.iter().all(|(kind, _)| kind == "s" || kind == "n"),
            "only text (or blank) cells: {row:?}"
        );
    }
}

#[test]
fn plan_pdf_is_byte_identical_for_a_date_and_sized_by_paper() {
    let (sandbox, _) = one_journey();
    let export = |out: &str, paper: &str| {
        export_plan(
            &sandbox,
            &[
                "--format",
                "pdf",
                "-o",
                out,
                "--date",
                "2026-03-15",
                "--paper",
                paper,
            ],
        )
        .ok();
    };
    export("a.pdf", "a4");
    export("b.pdf", "a4");
    export("l.pdf", "letter");
    assert_eq!(sandbox.read("a.pdf"), sandbox.read("b.pdf"));
    assert!(poppler("pdfinfo", &sandbox.path("a.pdf")).contains("595.276 x 841.89 pts"));
    assert!(poppler("pdfinfo", &sandbox.path("l.pdf")).contains("612 x 792 pts"));
    let line = export_plan(
        &sandbox,
        &["--format", "pdf", "-o", "x.pdf", "--date", "15/03/2026"],
    )
    .usage_error()
    .to_owned();
    assert!(line.contains("not a date"), "{line}");
}
