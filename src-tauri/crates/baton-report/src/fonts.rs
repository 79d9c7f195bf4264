//! The fonts every export draws with, bundled so a PNG or PDF looks the same on every machine.
//!
//! resvg's font list starts empty (without a font it silently draws no text) and Typst's assets
//! have no sans family, so both are given these same files. DejaVu Sans (Bitstream Vera licence,
//! see `fonts/LICENSE-DejaVu.txt`) covers Latin, Greek, Cyrillic, Arabic and Hebrew.

/// The family name inside the bundled files.
pub const FAMILY: &str = "DejaVu Sans";

/// The SVG `font-family`: the bundled face first, then faces a viewer of a bare SVG likely has.
pub const SVG_FONT_STACK: &str =
    "'DejaVu Sans', 'Noto Sans', 'Liberation Sans', 'Segoe UI', Roboto, Arial, sans-serif";

pub const REGULAR: &[u8] = include_bytes!("../fonts/DejaVuSans.ttf");
pub const BOLD: &[u8] = include_bytes!("../fonts/DejaVuSans-Bold.ttf");

/// Every bundled font file.
pub fn all() -> [&'static [u8]; 2] {
    [REGULAR, BOLD]
}
