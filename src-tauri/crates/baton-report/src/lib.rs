//! Baton's exports: the journey map as SVG, PNG and PDF; the plan as PDF, XLSX, CSV and
//! Markdown. Pure functions from the domain to bytes: no Tauri, no file system (the callers
//! write the bytes atomically).

pub mod error;
pub mod fonts;
pub mod map;
#[cfg(feature = "pdf")]
pub mod map_pdf;
pub mod plan;
pub mod png;
pub mod safe_text;
#[cfg(feature = "pdf")]
mod typst_world;
pub mod xml;

pub use error::{ReportError, ReportErrorKind};
pub use map::{map_svg, map_svg_of, MapDrawing, MapOptions, Theme};
#[cfg(feature = "pdf")]
pub use map_pdf::{map_pdf, MapPaper};
pub use png::svg_to_png;
