//! The one error type of the exports: a kind to branch on and a sentence for a person.

use std::fmt;

/// What went wrong, for callers that react differently (the CLI's exit codes, the app's dialog).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportErrorKind {
    /// The journey asked for is not in the file.
    JourneyNotFound,
    /// The options cannot be honoured (a scale of 0, a map too large to rasterise...).
    BadOptions,
    /// A renderer (resvg, Typst, the XLSX writer) refused the document: a bug on our side, or
    /// a limit of the renderer; the message carries its words.
    Render,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportError {
    pub kind: ReportErrorKind,
    pub message: String,
}

impl ReportError {
    pub fn new(kind: ReportErrorKind, message: impl Into<String>) -> Self {
        Self {
            kind,
            message: message.into(),
        }
    }

    pub fn journey_not_found(journey_id: &str) -> Self {
        Self::new(
            ReportErrorKind::JourneyNotFound,
            format!("no journey with id {journey_id} in this file"),
        )
    }

    pub fn bad_options(message: impl Into<String>) -> Self {
        Self::new(ReportErrorKind::BadOptions, message)
    }

    pub fn render(message: impl Into<String>) -> Self {
        Self::new(ReportErrorKind::Render, message)
    }
}

impl fmt::Display for ReportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ReportError {}
