//! Survey responses from CSV or XLSX: bytes in, a plan out (pure). The store applies
//! `Edit::AddResponses { responses: plan.accepted }` as one transaction.
//!
//! A file opening as a zip archive is read as an XLSX workbook, on the sheet
//! `ImportOptions::sheet` names or its first (`xlsx.rs`: lines are the sheet's row numbers,
//! typed date cells read as dates); its columns are found and its rows read exactly as a
//! CSV's. The CSV file:
//! - Encoding: UTF-16 (little- or big-endian) when the file opens with its byte-order mark
//!   (Excel's "Unicode text"); else UTF-8, with or without a BOM. A file that is neither is read
//!   as Windows-1252 (what spreadsheet tools write as "Latin-1"; every byte decodes), and the
//!   plan says so in `encoding`.
//! - Separator: `,`, `;` or a tab, whichever occurs most often outside quotes in the header line
//!   (`,` then `;` on a tie). With `;` or a tab, a value may use a decimal comma ("4,5").
//! - Header names are matched trimmed and case-insensitively, spaces and dashes read as `_`:
//!   `target` (aliases `subject`, `step`, `handoff`, `target_id`), `metric` (`metric_name`),
//!   `value` (`score`, `response`, `answer`, `rating`), `date` (`response_date`, `answered_on`),
//!   optional `respondent` (`respondent_id`), optional `comment` (`comments`, `verbatim`).
//!   Other columns are ignored.
//! - `target`: a step or handoff id; or a step path `journey / stage / lane / card title`; or a
//!   handoff path `journey / from card title -> to card title`. Paths compare trimmed and
//!   case-insensitively, each `/`-separated part trimmed (so titles may contain `/`, journey,
//!   stage and lane names must not for the path to be found). Several matches: ambiguous.
//! - `metric`: a metric id, name, or kind (`csat`, `nps`, `ces`, `custom`) when exactly one
//!   metric has that kind; case-insensitive, names first.
//! - `value`: a number within the metric's response scale; CSAT, NPS and CES take whole numbers.
//! - `date`: `yyyy-mm-dd`; also `yyyy/mm/dd`, either followed by `T` or a space and a valid
//!   `hh:mm[:ss[.fff]]`, and an RFC 3339 date-time (`2026-11-21T10:00:00Z`); the date part
//!   counts. Anything else after the date, day-first and month-first forms are refused.
//! - `respondent` (at most 200 characters) and `comment` (at most 10,000): longer is refused
//!   with the line, as the store would refuse the response.
//! - An empty file (nothing but a BOM and whitespace) is an error; a header alone gives a plan
//!   with no rows.

mod dates;
mod digest;
mod mapping;
mod presets;
mod resolve;
mod rows;
mod saved;
mod table;
mod text;
mod xlsx;

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use specta::Type;

use baton_core::model::{Id, SurveyResponse, Workspace};
pub use dates::DateFormat;
use digest::ResponseDigest;
pub use mapping::{default_labels, rating_columns, AnswerLabel, FieldSource, SurveyMapping};
pub use presets::Preset;
use resolve::Resolver;
use rows::{read_row, Columns};
pub use saved::{header_of, offers, save_edit, MappingOffer, SavedSurvey, SAVED_MAPPING_VERSION};
use table::{Row, Source};
pub use xlsx::{
    is_xlsx, sheet_names, MAX_CELLS, MAX_SHARED_STRINGS, MAX_UNZIPPED_BYTES, MAX_XLSX_BYTES,
    MAX_ZIP_ENTRIES,
};

/// How to read the file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type, Default)]
pub struct ImportOptions {
    /// When set, only steps and handoffs of this journey are valid targets.
    pub journey_id: Option<Id>,
    /// The sheet of an XLSX workbook to read (exactly, else case-insensitively); `None`: its
    /// first. Not used for a CSV.
    pub sheet: Option<String>,
}

/// What the file would add.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct ImportPlan {
    pub encoding: SourceEncoding,
    /// ",", ";" or a tab; empty for a workbook.
    pub separator: String,
    /// The sheet read, for an XLSX workbook.
    pub sheet: Option<String>,
    /// Data rows read (accepted plus rejected).
    pub rows: u32,
    /// Ready to add, with fresh ids, in file order.
    pub accepted: Vec<SurveyResponse>,
    /// In file order.
    pub rejected: Vec<RejectedRow>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum SourceEncoding {
    Utf8,
    /// The file was not UTF-8 and was read as Windows-1252.
    Windows1252,
    /// UTF-16 little-endian, from its byte-order mark.
    Utf16Le,
    /// UTF-16 big-endian, from its byte-order mark.
    Utf16Be,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct RejectedRow {
    /// 1-based line of the file where the row starts (the header is line 1).
    pub line: u32,
    pub reason: RejectReason,
    /// The reason as a sentence.
    pub message: String,
}

/// Why a row was refused.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum RejectReason {
    /// A required column is empty or absent from this row.
    MissingValue {
        column: String,
    },
    UnknownTarget {
        target: String,
    },
    /// The path names several steps or handoffs.
    AmbiguousPath {
        target: String,
        candidates: Vec<Id>,
    },
    /// The target exists but outside the journey the import is limited to.
    TargetOutsideJourney {
        target: String,
    },
    UnknownMetric {
        metric: String,
    },
    /// A kind names several metrics.
    AmbiguousMetric {
        metric: String,
        candidates: Vec<Id>,
    },
    NotANumber {
        value: String,
    },
    /// Outside the metric's response scale (or not whole on a CSAT, NPS or CES scale).
    OffScale {
        value: f64,
        min: f64,
        max: f64,
        whole_numbers: bool,
    },
    BadDate {
        date: String,
    },
    /// An optional text (respondent, comment) longer than a response may hold.
    TooLong {
        column: String,
        max: u32,
    },
    /// Same subject, metric, value, date, respondent and comment as a response already in the
    /// file (`existing_response_id`) or on an earlier line of this CSV (`earlier_line`).
    Duplicate {
        existing_response_id: Option<Id>,
        earlier_line: Option<u32>,
    },
}

/// Why the file as a whole cannot be read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type, thiserror::Error)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ImportError {
    #[error("the file is empty")]
    Empty,
    #[error("the header (line 1) lacks the required column(s): {}", columns.join(", "))]
    MissingColumns { columns: Vec<String> },
    #[error("the file cannot be read as CSV at line {line}: {message}")]
    Malformed { line: u32, message: String },
    /// A quoted value opened on `line` runs to the end of the file: every row after it would be
    /// read as part of that one value, so the file is refused rather than guessed at.
    #[error(
        "the quote opened on line {line} is never closed (every row after it would be read as \
         one value); close it with a \", or double a quote inside a value as \"\""
    )]
    UnterminatedQuote { line: u32 },
    #[error("journey {journey_id} does not exist")]
    UnknownJourney { journey_id: Id },
    /// The file opens as a zip archive but is not a workbook calamine can read.
    #[error("the file cannot be read as an XLSX workbook: {message}")]
    NotAWorkbook { message: String },
    #[error(
        "the workbook has no sheet called “{sheet}” (its sheets: {})",
        sheets.iter().map(|s| format!("“{s}”")).collect::<Vec<_>>().join(", ")
    )]
    UnknownSheet { sheet: String, sheets: Vec<String> },
    /// Over one of the workbook limits (`xlsx.rs`), said in `message`.
    #[error("{message}; nothing was read")]
    TooLarge { message: String },
}

impl ImportError {
    /// The line of the file the error is about, if it is about one.
    pub fn line(&self) -> Option<u32> {
        match self {
            Self::Malformed { line, .. } | Self::UnterminatedQuote { line } => Some(*line),
            // Its message names the header's line already.
            Self::MissingColumns { .. }
            | Self::Empty
            | Self::UnknownJourney { .. }
            | Self::NotAWorkbook { .. }
            | Self::UnknownSheet { .. }
            | Self::TooLarge { .. } => None,
        }
    }
}

/// What the file adds, apart from the accepted responses themselves, which `plan_import_each`
/// hands over one at a time.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportSummary {
    pub encoding: SourceEncoding,
    /// ",", ";" or a tab; empty for a workbook.
    pub separator: String,
    /// The sheet read, for an XLSX workbook.
    pub sheet: Option<String>,
    /// Data rows read (accepted plus rejected).
    pub rows: u32,
    /// Responses handed over.
    pub accepted: usize,
    /// In file order.
    pub rejected: Vec<RejectedRow>,
}

/// Plan the import of a CSV of survey responses into `ws`.
pub fn plan_import(
    ws: &Workspace,
    bytes: &[u8],
    options: &ImportOptions,
) -> Result<ImportPlan, ImportError> {
    let mut accepted = Vec::new();
    let summary = plan_import_each(ws, bytes, options, |response| accepted.push(response))?;
    Ok(ImportPlan {
        encoding: summary.encoding,
        separator: summary.separator,
        sheet: summary.sheet,
        rows: summary.rows,
        accepted,
        rejected: summary.rejected,
    })
}

/// `plan_import`, handing each accepted response to `accept` (in file order) instead of
/// collecting them, so a caller importing millions of rows can keep them as compactly as it
/// likes. Only the rejected rows and one 128-bit digest per row (to find duplicates) are kept.
pub fn plan_import_each(
    ws: &Workspace,
    bytes: &[u8],
    options: &ImportOptions,
    accept: impl FnMut(SurveyResponse),
) -> Result<ImportSummary, ImportError> {
    plan_each(ws, bytes, options, None, accept)
}

/// `plan_import` for a survey tool's export read through `mapping`.
pub fn plan_mapped_import(
    ws: &Workspace,
    bytes: &[u8],
    options: &ImportOptions,
    mapping: &SurveyMapping,
) -> Result<ImportPlan, ImportError> {
    let mut accepted = Vec::new();
    let summary = plan_mapped_import_each(ws, bytes, options, mapping, |r| accepted.push(r))?;
    Ok(ImportPlan {
        encoding: summary.encoding,
        separator: summary.separator,
        sheet: summary.sheet,
        rows: summary.rows,
        accepted,
        rejected: summary.rejected,
    })
}

/// `plan_import_each` for a survey tool's export read through `mapping`.
pub fn plan_mapped_import_each(
    ws: &Workspace,
    bytes: &[u8],
    options: &ImportOptions,
    mapping: &SurveyMapping,
    accept: impl FnMut(SurveyResponse),
) -> Result<ImportSummary, ImportError> {
    plan_each(ws, bytes, options, Some(mapping), accept)
}

fn plan_each(
    ws: &Workspace,
    bytes: &[u8],
    options: &ImportOptions,
    mapping: Option<&SurveyMapping>,
    mut accept: impl FnMut(SurveyResponse),
) -> Result<ImportSummary, ImportError> {
    if let Some(journey_id) = &options.journey_id {
        if !ws.journeys.contains_key(journey_id) {
            return Err(ImportError::UnknownJourney {
                journey_id: journey_id.clone(),
            });
        }
    }
    let mut source = Source::read(bytes, options.sheet.as_deref())?;
    source.check_quotes()?;
    let separator = source.separator();
    let mut plan = ImportSummary {
        encoding: source.encoding(),
        separator: separator
            .map(|s| char::from(s).to_string())
            .unwrap_or_default(),
        sheet: source.sheet().map(str::to_owned),
        rows: 0,
        accepted: 0,
        rejected: Vec::new(),
    };
    let mut rows = source.rows();
    let mut row = Row::new();
    if !rows.next_into(&mut row)? {
        return Err(ImportError::Empty);
    }
    let columns = match mapping {
        Some(mapping) => Columns::mapped(&row.record, mapping)?,
        None => Columns::find(&row.record)?,
    };
    let mut to_skip = columns.skip_rows;
    let resolver = Resolver::new(ws, options);
    let digest = ResponseDigest::new();
    let existing: HashMap<u128, &Id> = ws
        .responses
        .values()
        .map(|r| (digest.of(r), &r.id))
        .collect();
    // The line of each response accepted so far, by digest.
    let mut earlier: HashMap<u128, u32> = HashMap::new();
    // A workbook's numbers are numbers: no decimal comma to read.
    let separator = separator.unwrap_or(b',');
    while rows.next_into(&mut row)? {
        let (line, record) = (row.line, &row.record);
        if record.iter().all(|field| field.trim().is_empty()) {
            continue; // a blank row (";;;" from a spreadsheet) is no response
        }
        if to_skip > 0 {
            to_skip -= 1; // a further header row of the survey tool's
            continue;
        }
        plan.rows += 1;
        let typed_date = row.typed_dates.contains(&columns.date_column());
        let outcome =
            read_row(record, &columns, &resolver, separator, typed_date).and_then(|response| {
                let key = digest.of(&response);
                if let Some(id) = existing.get(&key) {
                    return Err(RejectReason::Duplicate {
                        existing_response_id: Some((*id).clone()),
                        earlier_line: None,
                    });
                }
                match earlier.insert(key, line) {
                    Some(earlier_line) => {
                        earlier.insert(key, earlier_line);
                        Err(RejectReason::Duplicate {
                            existing_response_id: None,
                            earlier_line: Some(earlier_line),
                        })
                    }
                    None => Ok(response),
                }
            });
        match outcome {
            Ok(response) => {
                plan.accepted += 1;
                accept(response);
            }
            Err(reason) => plan.rejected.push(RejectedRow {
                line,
                message: match (&reason, mapping) {
                    (RejectReason::BadDate { date }, Some(m)) => format!(
                        "the date {} is not {}",
                        quoted(date),
                        m.date_format.describe()
                    ),
                    _ => reason.message(),
                },
                reason,
            }),
        }
    }
    Ok(plan)
}

impl RejectReason {
    fn message(&self) -> String {
        match self {
            Self::MissingValue { column } => format!("the {column} is missing"),
            Self::UnknownTarget { target } => {
                format!("no step or handoff matches {}", quoted(target))
            }
            Self::AmbiguousPath { target, candidates } => format!(
                "{} matches {} steps or handoffs; use an id",
                quoted(target),
                candidates.len()
            ),
            Self::TargetOutsideJourney { target } => {
                format!("{} is not in the journey being imported", quoted(target))
            }
            Self::UnknownMetric { metric } => format!("no metric is called {}", quoted(metric)),
            Self::AmbiguousMetric { metric, candidates } => format!(
                "{} names {} metrics; use the metric's name",
                quoted(metric),
                candidates.len()
            ),
            Self::NotANumber { value } => format!("the value {} is not a number", quoted(value)),
            Self::OffScale {
                value,
                min,
                max,
                whole_numbers,
            } => format!(
                "the value {value} is off the metric's scale ({min} to {max}{})",
                if *whole_numbers {
                    ", whole numbers"
                } else {
                    ""
                }
            ),
            Self::BadDate { date } => {
                format!(
                    "the date {} is not yyyy-mm-dd (optionally followed by a time)",
                    quoted(date)
                )
            }
            Self::TooLong { column, max } => {
                format!("the {column} is longer than {max} characters")
            }
            Self::Duplicate {
                earlier_line: Some(line),
                ..
            } => format!("the same response is on line {line}"),
            Self::Duplicate { .. } => "the same response was already imported".to_owned(),
        }
    }
}

/// The most characters of a CSV value quoted in a message (the reason holds it whole).
const MAX_QUOTED_CHARS: usize = 200;

/// `“value”`, cut to `MAX_QUOTED_CHARS` characters and `…`: a message stays a sentence even when
/// the value is megabytes long.
fn quoted(value: &str) -> String {
    match value.char_indices().nth(MAX_QUOTED_CHARS) {
        Some((cut, _)) => format!("“{}…”", &value[..cut]),
        None => format!("“{value}”"),
    }
}

/// The header and up to `max_rows` data rows as raw text, each with the 1-based line it starts
/// on, read exactly as `plan_import` reads them (same decoding, BOM, separator, blank rows
/// skipped), for a preview table. Each cell is cut to `max_cell_chars` characters. A row the
/// CSV reader cannot parse ends the preview: the plan reports that error with its line. A
/// workbook is previewed on its first sheet (`preview_sheet_rows` for another).
pub fn preview_rows(
    bytes: &[u8],
    max_rows: usize,
    max_cell_chars: usize,
) -> Vec<(u32, Vec<String>)> {
    preview_sheet_rows(bytes, None, max_rows, max_cell_chars)
}

/// `preview_rows` on the sheet `sheet` of a workbook (`None`: its first).
pub fn preview_sheet_rows(
    bytes: &[u8],
    sheet: Option<&str>,
    max_rows: usize,
    max_cell_chars: usize,
) -> Vec<(u32, Vec<String>)> {
    let Ok(mut source) = Source::read(bytes, sheet) else {
        return Vec::new();
    };
    let mut rows = source.rows();
    let mut row = Row::new();
    let mut preview = Vec::new();
    while preview.len() <= max_rows && matches!(rows.next_into(&mut row), Ok(true)) {
        if row.record.iter().all(|field| field.trim().is_empty()) {
            continue;
        }
        let cells = row
            .record
            .iter()
            .map(|field| field.chars().take(max_cell_chars).collect())
            .collect();
        preview.push((row.line, cells));
    }
    preview
}
