//! The map alone as PDF, through Typst embedding the map's SVG (vector, text kept as text):
//! one page sized to the map, or the map at full size split over A4 or A3 landscape pages that
//! overlap, with dashed marks where the neighbouring page's content ends, to tape a wall map.

use std::fmt::Write;

use chrono::NaiveDate;

use crate::error::ReportError;
use crate::map::MapDrawing;
use crate::typst_world;

/// What pages the map is laid on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum MapPaper {
    /// One page exactly the map's size (scaled down if it exceeds the PDF's page size limit).
    #[default]
    Fit,
    /// Split over landscape A4 pages at full size.
    A4,
    /// Split over landscape A3 pages at full size.
    A3,
}

/// Points per map unit: map units are CSS pixels (96 per inch), points are 72 per inch.
const PT_PER_UNIT: f32 = 0.75;
/// The largest page side a PDF reader is sure to accept (200 inches).
const MAX_PAGE_PT: f32 = 14_400.0;
const MM: f32 = 72.0 / 25.4;
/// How much two neighbouring pages share, so they can be overlapped and taped.
const OVERLAP_PT: f32 = 15.0 * MM;
const MARGIN_PT: f32 = 10.0 * MM;
/// Room under the map on a split page for the page's place in the grid.
const FOOTER_PT: f32 = 7.0 * MM;
/// More pages than this are refused: a map that big belongs on the Fit page or in an SVG.
pub const MAX_PAGES: usize = 400;

/// The map as PDF bytes. `title` (user text) is only passed to Typst as data.
pub fn map_pdf(
    drawing: &MapDrawing,
    title: &str,
    paper: MapPaper,
    today: NaiveDate,
) -> Result<Vec<u8>, ReportError> {
    let data = serde_json::json!({ "title": title });
    let markup = match paper {
        MapPaper::Fit => fit_markup(drawing),
        MapPaper::A4 => tiles_markup(drawing, 297.0 * MM, 210.0 * MM)?,
        MapPaper::A3 => tiles_markup(drawing, 420.0 * MM, 297.0 * MM)?,
    };
    let files = vec![
        ("/data.json", data.to_string().into_bytes()),
        ("/map.svg", drawing.svg.clone().into_bytes()),
    ];
    typst_world::compile_pdf(markup, files, today)
}

const PREAMBLE: &str = "#let data = json(\"/data.json\")\n\
#set document(title: data.title, date: none)\n\
#set text(font: \"DejaVu Sans\", size: 8pt)\n";

fn fit_markup(drawing: &MapDrawing) -> String {
    let (w, h) = (drawing.width * PT_PER_UNIT, drawing.height * PT_PER_UNIT);
    let shrink = (MAX_PAGE_PT / w.max(h).max(1.0)).min(1.0);
    let (w, h) = (w * shrink, h * shrink);
    format!(
        "{PREAMBLE}#set page(width: {w:.2}pt, height: {h:.2}pt, margin: 0pt)\n\
         #image(\"/map.svg\", width: 100%, height: 100%)\n"
    )
}

/// One page per tile of the map at full size, row by row.
fn tiles_markup(drawing: &MapDrawing, page_w: f32, page_h: f32) -> Result<String, ReportError> {
    let (map_w, map_h) = (drawing.width * PT_PER_UNIT, drawing.height * PT_PER_UNIT);
    let (box_w, box_h) = (
        page_w - 2.0 * MARGIN_PT,
        page_h - 2.0 * MARGIN_PT - FOOTER_PT,
    );
    let columns = tiles(map_w, box_w);
    let rows = tiles(map_h, box_h);
    if columns * rows > MAX_PAGES {
        return Err(ReportError::bad_options(format!(
            "the map would take {} pages ({columns} x {rows}), more than {MAX_PAGES}: \
             export it on one page or as SVG",
            columns * rows
        )));
    }
    let mut out = String::from(PREAMBLE);
    let _ = writeln!(
        out,
        "#set page(width: {page_w:.2}pt, height: {page_h:.2}pt, margin: {MARGIN_PT:.2}pt)"
    );
    let dash = "stroke: (paint: rgb(\"#6b7686\"), thickness: 0.6pt, dash: \"dashed\")";
    for row in 0..rows {
        for column in 0..columns {
            if row + column > 0 {
                out.push_str("#pagebreak()\n");
            }
            let x = column as f32 * (box_w - OVERLAP_PT);
            let y = row as f32 * (box_h - OVERLAP_PT);
            let _ = writeln!(
                out,
                "#box(width: {box_w:.2}pt, height: {box_h:.2}pt, clip: true)[\
                 #place(top + left, dx: {:.2}pt, dy: {:.2}pt, image(\"/map.svg\", width: {map_w:.2}pt))",
                -x, -y
            );
            // Marks where the previous page's content ends: lay that page's edge on the line.
            if column > 0 {
                let _ = write!(
                    out,
                    "#place(top + left, dx: {OVERLAP_PT:.2}pt, line(length: {box_h:.2}pt, angle: 90deg, {dash}))"
                );
            }
            if row > 0 {
                let _ = write!(
                    out,
                    "#place(top + left, dy: {OVERLAP_PT:.2}pt, line(length: {box_w:.2}pt, {dash}))"
                );
            }
            let _ = writeln!(
                out,
                "]\n#v(1fr)\n#text(fill: rgb(\"#4a5566\"))[#data.title #h(1fr) Row {} of {rows}, column {} of {columns}. Dashed lines: lay the neighbouring page's edge here.]",
                row + 1,
                column + 1
            );
        }
    }
    Ok(out)
}

/// How many tiles of `tile` cover `length` when neighbours overlap by `OVERLAP_PT`.
fn tiles(length: f32, tile: f32) -> usize {
    if length <= tile {
        return 1;
    }
    let step = (tile - OVERLAP_PT).max(1.0);
    1 + ((length - tile) / step).ceil() as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tiles_cover_the_length_with_overlap() {
        assert_eq!(tiles(100.0, 200.0), 1);
        assert_eq!(tiles(200.0, 200.0), 1);
        let step = 200.0 - OVERLAP_PT;
        assert_eq!(tiles(200.0 + step, 200.0), 2);
        assert_eq!(tiles(200.0 + step + 1.0, 200.0), 3);
    }
}
