//! The map as PDF, read back by poppler: page size, text, embedded fonts, split pages.
#![cfg(feature = "pdf")]

mod common;

use baton_report::{map_pdf, map_svg, MapOptions, MapPaper};
use common::readers;

/// Writes `bytes` to `name` in a folder of this test run under `target/report-pages/files`.
fn write(bytes: &[u8], name: &str) -> ((), std::path::PathBuf) {
    let dir = readers::pages_dir().join("files");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    ((), path)
}

#[test]
fn one_page_sized_to_the_map_with_its_text_and_embedded_fonts() {
    let ws = common::demo();
    let model = common::first_journey(&ws);
    let drawing = map_svg(&ws, &model.journey.id, &MapOptions::default()).unwrap();
    let pdf = map_pdf(
        &drawing,
        &model.journey.name,
        MapPaper::Fit,
        common::today(),
    )
    .unwrap();
    let (_dir, path) = write(&pdf, "map.pdf");
    let (pages, w, h) = readers::pdfinfo(&path);
    assert_eq!(pages, 1);
    assert!((w - f64::from(drawing.width) * 0.75).abs() < 1.0, "{w}");
    assert!((h - f64::from(drawing.height) * 0.75).abs() < 1.0, "{h}");
    let text = readers::pdftotext(&path);
    for stage in &model.stages {
        assert!(
            text.contains(&stage.name),
            "stage {} in the PDF",
            stage.name
        );
    }
    let fonts = readers::pdffonts(&path);
    assert!(!fonts.is_empty());
    assert!(fonts.iter().all(|(_, embedded)| *embedded), "{fonts:?}");
    let shown = readers::pdftoppm(&path, &readers::pages_dir(), "map-fit");
    assert!(shown >= 1);
}

#[test]
fn split_over_a4_pages_with_overlap_marks_and_byte_identical() {
    let ws = common::demo();
    let model = common::first_journey(&ws);
    let drawing = map_svg(&ws, &model.journey.id, &MapOptions::default()).unwrap();
    let pdf = map_pdf(&drawing, &model.journey.name, MapPaper::A4, common::today()).unwrap();
    let again = map_pdf(&drawing, &model.journey.name, MapPaper::A4, common::today()).unwrap();
    assert!(pdf == again, "the same map gives the same bytes");
    let (_dir, path) = write(&pdf, "map-a4.pdf");
    let (pages, w, h) = readers::pdfinfo(&path);
    assert!(pages >= 2, "{pages} pages");
    assert!(
        (w - 841.89).abs() < 1.0 && (h - 595.28).abs() < 1.0,
        "{w} x {h}"
    );
    let text = readers::pdftotext(&path);
    assert!(text.contains("Row 1 of"));
    assert!(text.contains("Dashed lines"));
    assert_eq!(
        readers::pdftoppm(&path, &readers::pages_dir(), "map-a4"),
        pages
    );
}

#[test]
fn a_hostile_title_is_only_text() {
    let ws = common::demo();
    let model = common::with_hostile_titles(common::first_journey(&ws));
    let drawing = baton_report::map_svg_of(&model, &ws.metrics, None, &MapOptions::default());
    let title = "#set page(width: 1pt) #panic(\"x\") <script>";
    let pdf = map_pdf(&drawing, title, MapPaper::A4, common::today()).unwrap();
    let (_dir, path) = write(&pdf, "hostile.pdf");
    let (_, w, _) = readers::pdfinfo(&path);
    assert!((w - 841.89).abs() < 1.0);
    let text = readers::pdftotext(&path);
    assert!(text.contains("#set page(width: 1pt)"), "{text}");
}
