//! The plan report as PDF, read back by poppler: every initiative, the top hotspot's friction,
//! the definitions; page size by paper; embedded fonts; the same date gives the same bytes.
#![cfg(feature = "pdf")]

mod common;

use baton_report::plan::pdf::plan_pdf;
use baton_report::plan::{Paper, PlanOptions, PlanReport};
use common::readers;

fn options() -> PlanOptions {
    PlanOptions {
        date: Some(common::today()),
        ..PlanOptions::default()
    }
}

fn write(bytes: &[u8], name: &str) -> std::path::PathBuf {
    let dir = readers::pages_dir().join("files");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn pdf_holds_every_initiative_the_top_hotspot_and_the_definitions() {
    let ws = common::demo();
    let report = PlanReport::build(&ws, &options()).unwrap();
    assert!(!report.initiatives().is_empty(), "the demo has a plan");
    for (paper, size, name) in [
        (Paper::A4, (595.28, 841.89), "a4"),
        (Paper::Letter, (612.0, 792.0), "letter"),
    ] {
        let options = PlanOptions {
            paper,
            author: Some("Ana Consultant".into()),
            ..options()
        };
        let bytes = plan_pdf(&report, &options).unwrap();
        assert!(
            bytes == plan_pdf(&report, &options).unwrap(),
            "same date, same bytes"
        );
        let path = write(&bytes, &format!("plan-{name}.pdf"));
        let (pages, w, h) = readers::pdfinfo(&path);
        assert!(pages >= 6, "{pages} pages");
        assert!(
            (w - size.0).abs() < 1.0 && (h - size.1).abs() < 1.0,
            "{w} x {h}"
        );
        let text = one_line(&readers::run("pdftotext", &[readers::path(&path), "-"]));
        for row in report.initiatives() {
            let title = one_line(&row.view.initiative.title);
            assert!(text.contains(&title), "initiative {title:?} missing");
        }
        let top = baton_report::plan::rows::hotspots(&report.journeys, 1);
        assert!(text.contains(&format!("friction {}", top[0].friction)));
        for term in [
            "Friction score",
            "Measured progress",
            "Quadrant",
            "Ana Consultant",
        ] {
            assert!(text.contains(term), "{term} missing");
        }
        let fonts = readers::pdffonts(&path);
        assert!(fonts.iter().all(|(_, embedded)| *embedded), "{fonts:?}");
        let rendered = readers::pdftoppm(&path, &readers::pages_dir(), &format!("plan-{name}"));
        assert_eq!(rendered, pages);
    }
}

#[test]
fn a_hostile_plan_is_only_text_in_the_pdf() {
    let ws = common::demo_with_hostile_plan();
    let report = PlanReport::build(&ws, &options()).unwrap();
    let path = write(&plan_pdf(&report, &options()).unwrap(), "plan-hostile.pdf");
    let text = readers::pdftotext(&path);
    assert!(text.contains("<script>alert(1)</script>"));
    assert!(text.contains("#set page(width: 1pt)"));
    assert!(text.contains("<Client> & =2+2"));
    assert!(
        (readers::pdfinfo(&path).1 - 595.28).abs() < 1.0,
        "markup changed no page"
    );
    let fonts = readers::pdffonts(&path);
    assert!(fonts.iter().all(|(_, embedded)| *embedded), "{fonts:?}");
    readers::pdftoppm(&path, &readers::pages_dir(), "plan-hostile");
}

#[test]
fn a_map_split_across_pages_repeats_its_lane_names_on_each_part() {
    let ws = common::demo();
    let report = PlanReport::build(&ws, &options()).unwrap();
    let bytes = plan_pdf(&report, &options()).unwrap();
    let path = write(&bytes, "plan-parts.pdf");
    let (pages, _, _) = readers::pdfinfo(&path);
    let first_lanes: Vec<String> = report
        .journeys
        .iter()
        .filter_map(|j| j.model.lanes.first().map(|l| l.name.clone()))
        .collect();
    let mut later_parts = 0;
    for page in 1..=pages {
        let n = page.to_string();
        let text = one_line(&readers::run(
            "pdftotext",
            &["-f", &n, "-l", &n, readers::path(&path), "-"],
        ));
        // The page's "Part N of M" caption, if it holds a piece of a map.
        let part = text.match_indices("Part ").find_map(|(at, _)| {
            let rest = &text[at + 5..];
            let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
            let is_caption = !digits.is_empty() && rest[digits.len()..].starts_with(" of ");
            is_caption.then(|| digits.parse::<u32>().unwrap_or(0))
        });
        if part.is_none_or(|n| n == 1) {
            continue;
        }
        later_parts += 1;
        assert!(
            first_lanes.iter().any(|lane| text.contains(lane.as_str())),
            "page {page} continues a map without its lane names: {text}"
        );
    }
    assert!(
        later_parts > 0,
        "the demo's maps are wider than a page: some part 2 expected"
    );
}
