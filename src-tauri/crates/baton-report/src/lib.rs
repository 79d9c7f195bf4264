//! Baton's exports: the journey map as SVG, PNG and PDF; the plan as PDF, XLSX, CSV and
//! Markdown. Pure functions from the domain to bytes: no Tauri, no file system (the callers
//! write the bytes atomically). Callers start at [`export_plan`] and [`export_map`].

pub mod error;
pub mod export;
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
pub use export::{
    export_map, export_plan, render_plan, MapExport, MapFormat, MapPaper, PlanFormat,
};
pub use map::{map_svg, map_svg_of, MapDrawing, MapOptions, Theme};
#[cfg(feature = "pdf")]
pub use map_pdf::map_pdf;
pub use plan::{Paper, PlanOptions, PlanReport};
pub use png::svg_to_png;
