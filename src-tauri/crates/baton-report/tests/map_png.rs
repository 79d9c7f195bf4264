//! The map as PNG: the size follows the scale, and the bundled font really draws the text.

mod common;

use baton_report::{map_svg, svg_to_png, MapOptions, ReportErrorKind};
use resvg::tiny_skia::Pixmap;

fn decode(png: &[u8]) -> Pixmap {
    Pixmap::decode_png(png).expect("a valid PNG")
}

#[test]
fn dimensions_follow_the_scale() {
    let ws = common::demo();
    let id = common::first_journey(&ws).journey.id;
    let drawing = map_svg(&ws, &id, &MapOptions::default()).unwrap();
    for scale in [1.0_f32, 2.0, 0.5] {
        let image = decode(&svg_to_png(&drawing.svg, scale).unwrap());
        assert_eq!(
            image.width(),
            (drawing.width * scale).ceil() as u32,
            "at {scale}"
        );
        assert_eq!(
            image.height(),
            (drawing.height * scale).ceil() as u32,
            "at {scale}"
        );
    }
}

#[test]
fn text_is_drawn_with_the_bundled_font() {
    let ws = common::demo();
    let id = common::first_journey(&ws).journey.id;
    let svg = map_svg(&ws, &id, &MapOptions::default()).unwrap().svg;
    // The same map with every text element emptied: the pixels that differ are the text.
    let mut textless = String::new();
    let mut rest = svg.as_str();
    while let Some(start) = rest.find("<text") {
        let end = rest[start..].find("</text>").unwrap() + start + "</text>".len();
        textless.push_str(&rest[..start]);
        rest = &rest[end..];
    }
    textless.push_str(rest);
    let with = decode(&svg_to_png(&svg, 1.0).unwrap());
    let without = decode(&svg_to_png(&textless, 1.0).unwrap());
    let differing = with
        .pixels()
        .iter()
        .zip(without.pixels())
        .filter(|(a, b)| a != b)
        .count();
    // Dozens of card titles: thousands of glyph pixels.
    assert!(differing > 5_000, "only {differing} text pixels");
}

#[test]
fn bad_scales_and_huge_images_are_refused() {
    let ws = common::demo();
    let id = common::first_journey(&ws).journey.id;
    let svg = map_svg(&ws, &id, &MapOptions::default()).unwrap().svg;
    for scale in [0.0_f32, -1.0, f32::NAN, 100.0] {
        let error = svg_to_png(&svg, scale).unwrap_err();
        assert_eq!(error.kind, ReportErrorKind::BadOptions, "{scale}");
    }
    let huge = r#"<svg xmlns="http://www.w3.org/2000/svg" width="40000" height="40000"/>"#;
    let error = svg_to_png(huge, 1.0).unwrap_err();
    assert_eq!(error.kind, ReportErrorKind::BadOptions);
    assert!(error.message.contains("40000 x 40000"));
}
