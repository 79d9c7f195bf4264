//! The map as PNG, rasterised by resvg with the bundled fonts (resvg's font list starts empty:
//! without them it would draw no text at all, silently).

use std::sync::{Arc, OnceLock};

use resvg::{tiny_skia, usvg};

use crate::error::ReportError;
use crate::fonts;

/// The default scale: crisp on a high-density screen and in a slide.
pub const DEFAULT_SCALE: f32 = 2.0;

/// The largest scale accepted: beyond it a map is better exported as SVG or PDF.
pub const MAX_SCALE: f32 = 8.0;

/// The most pixels one PNG may have (a 16,384 x 16,384 square, 1 GiB of RGBA while drawing).
pub const MAX_PIXELS: u64 = 16_384 * 16_384;

/// The bundled fonts, loaded once per process (parsing their tables is not free).
fn font_db() -> Arc<usvg::fontdb::Database> {
    static DB: OnceLock<Arc<usvg::fontdb::Database>> = OnceLock::new();
    DB.get_or_init(|| {
        let mut db = usvg::fontdb::Database::new();
        for data in fonts::all() {
            db.load_font_data(data.to_vec());
        }
        db.set_sans_serif_family(fonts::FAMILY);
        Arc::new(db)
    })
    .clone()
}

/// Options for parsing our SVG: the bundled fonts, and the bundled family as the default.
pub fn svg_options() -> usvg::Options<'static> {
    usvg::Options {
        font_family: fonts::FAMILY.to_owned(),
        fontdb: font_db(),
        ..usvg::Options::default()
    }
}

/// `svg` drawn at `scale` (1 = one pixel per map unit) as PNG bytes.
pub fn svg_to_png(svg: &str, scale: f32) -> Result<Vec<u8>, ReportError> {
    if !scale.is_finite() || scale <= 0.0 || scale > MAX_SCALE {
        return Err(ReportError::bad_options(format!(
            "the scale must be above 0 and at most {MAX_SCALE} (it is {scale})"
        )));
    }
    let tree = usvg::Tree::from_str(svg, &svg_options())
        .map_err(|e| ReportError::render(format!("the map's SVG could not be read: {e}")))?;
    let size = tree.size();
    let width = (size.width() * scale).ceil().max(1.0) as u64;
    let height = (size.height() * scale).ceil().max(1.0) as u64;
    if width * height > MAX_PIXELS || width > u32::MAX as u64 || height > u32::MAX as u64 {
        return Err(ReportError::bad_options(format!(
            "the map at scale {scale} would be {width} x {height} pixels, more than the \
             {MAX_PIXELS} a PNG may have: choose a smaller scale, or export SVG or PDF"
        )));
    }
    let mut pixmap = tiny_skia::Pixmap::new(width as u32, height as u32).ok_or_else(|| {
        ReportError::render(format!("no memory for a {width} x {height} pixel image"))
    })?;
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    pixmap
        .encode_png()
        .map_err(|e| ReportError::render(format!("the PNG could not be encoded: {e}")))
}
