//! The dialog's preview: the first page of the PDF that would be written, or the PNG, drawn in
//! Rust as a small PNG the page shows from its bytes (no file, no path).

use std::sync::Arc;

use base64::Engine;
use hayro::hayro_interpret::InterpreterSettings;
use hayro::hayro_syntax::Pdf;
use hayro::vello_cpu::color::palette::css::WHITE;
use hayro::{render, RenderCache, RenderSettings};
use serde::{Deserialize, Serialize};
use specta::Type;

use baton_report::svg_to_png;
use baton_session::error::{AppError, AppResult, ShellErrorKind};

/// The preview's longest side, in pixels: sharp in the dialog on a 2x screen.
pub const PREVIEW_PIXELS: f32 = 1_200.0;

#[derive(Debug, Clone, Serialize, Deserialize, Type)]
pub struct ExportPreview {
    /// The first page as PNG, base64 (the page shows it as a `data:` image).
    pub png_base64: String,
    pub width: u32,
    pub height: u32,
    /// How many pages the PDF has (1 for a PNG).
    pub pages: u32,
    /// How long the export itself took to render, in milliseconds (the preview's drawing not
    /// counted).
    pub render_ms: u32,
}

/// The first page of `pdf`, drawn to fit [`PREVIEW_PIXELS`].
pub fn pdf_first_page(pdf: Vec<u8>, render_ms: u32) -> AppResult<ExportPreview> {
    let document = Pdf::new(Arc::new(pdf)).map_err(|e| {
        AppError::new(
            ShellErrorKind::ExportFailed,
            format!("The PDF could not be read back for its preview: {e:?}"),
        )
    })?;
    let pages = document.pages();
    let Some(first) = pages.first() else {
        return Err(AppError::new(
            ShellErrorKind::ExportFailed,
            "The PDF has no page to preview",
        ));
    };
    let (width, height) = first.render_dimensions();
    let scale = fit_scale(width, height);
    let settings = RenderSettings {
        x_scale: scale,
        y_scale: scale,
        bg_color: WHITE,
        ..RenderSettings::default()
    };
    let pixmap = render(
        first,
        &RenderCache::new(),
        &InterpreterSettings::default(),
        &settings,
    );
    let (w, h) = (u32::from(pixmap.width()), u32::from(pixmap.height()));
    let png = pixmap.into_png().map_err(|e| {
        AppError::new(
            ShellErrorKind::ExportFailed,
            format!("The preview could not be encoded: {e}"),
        )
    })?;
    Ok(ExportPreview {
        png_base64: base64::engine::general_purpose::STANDARD.encode(png),
        width: w,
        height: h,
        pages: u32::try_from(pages.len()).unwrap_or(u32::MAX),
        render_ms,
    })
}

/// The map's picture at the preview's size (never larger than the exported scale).
pub fn png_preview(
    svg: &str,
    width: f32,
    height: f32,
    scale: f32,
    render_ms: u32,
) -> AppResult<ExportPreview> {
    let scale = fit_scale(width, height).min(scale);
    let png = svg_to_png(svg, scale).map_err(super::render::report_error)?;
    Ok(ExportPreview {
        png_base64: base64::engine::general_purpose::STANDARD.encode(png),
        width: (width * scale).ceil() as u32,
        height: (height * scale).ceil() as u32,
        pages: 1,
        render_ms,
    })
}

/// Pixels per unit so the longest side is at most [`PREVIEW_PIXELS`] (and no more than 2x).
fn fit_scale(width: f32, height: f32) -> f32 {
    let longest = width.max(height).max(1.0);
    (PREVIEW_PIXELS / longest).min(2.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_or_a_map_fits_the_preview() {
        assert_eq!(fit_scale(595.0, 842.0), PREVIEW_PIXELS / 842.0);
        assert_eq!(
            fit_scale(100.0, 50.0),
            2.0,
            "small pages are drawn at most 2x"
        );
        assert!(fit_scale(14_400.0, 300.0) * 14_400.0 <= PREVIEW_PIXELS + 0.5);
    }

    #[test]
    fn bytes_that_are_no_pdf_are_a_typed_error() {
        let e = pdf_first_page(b"not a pdf".to_vec(), 0).unwrap_err();
        assert_eq!(e.kind, ShellErrorKind::ExportFailed.into());
    }
}
