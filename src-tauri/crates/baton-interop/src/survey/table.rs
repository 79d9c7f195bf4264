//! A survey file as a table: its header, then its rows each with the line it starts on, the
//! same for a CSV (any encoding and separator `text.rs` reads) and for a sheet of an XLSX
//! workbook (`xlsx.rs`). The importer, the preview and preset detection all read it here.

use std::borrow::Cow;

use super::text::{decode, detect_separator, unterminated_quote, LineCounter};
use super::xlsx::{is_xlsx, Sheet, SheetRow};
use super::{ImportError, SourceEncoding};

/// The decoded file, before its rows are read.
pub(super) enum Source<'a> {
    Csv {
        /// The text, its byte-order mark removed.
        text: Cow<'a, str>,
        encoding: SourceEncoding,
        separator: u8,
    },
    Xlsx(Sheet),
}

/// One row: its line (the sheet's row number in a workbook), its fields, and the columns
/// whose cells are typed dates (a workbook's date cells; never in a CSV).
pub(super) type Row = SheetRow;

/// Reads the rows of a `Source` one at a time into a buffer the caller keeps.
pub(super) enum Rows<'s> {
    Csv {
        reader: csv::Reader<&'s [u8]>,
        lines: LineCounter<'s>,
    },
    Xlsx(&'s mut Sheet),
}

impl<'a> Source<'a> {
    /// `bytes` as a workbook (read on `sheet`, or its first) when it is one, else as CSV text.
    /// An empty file or sheet is `Empty`.
    pub(super) fn read(bytes: &'a [u8], sheet: Option<&str>) -> Result<Self, ImportError> {
        if is_xlsx(bytes) {
            return Ok(Self::Xlsx(Sheet::read(bytes, sheet)?));
        }
        let (text, encoding) = decode(bytes);
        let text = match text {
            Cow::Borrowed(t) => Cow::Borrowed(t.strip_prefix('\u{feff}').unwrap_or(t)),
            Cow::Owned(mut t) => {
                if t.starts_with('\u{feff}') {
                    t.drain(..'\u{feff}'.len_utf8());
                }
                Cow::Owned(t)
            }
        };
        if text.trim().is_empty() {
            return Err(ImportError::Empty);
        }
        let separator = detect_separator(&text);
        Ok(Self::Csv {
            text,
            encoding,
            separator,
        })
    }

    pub(super) fn encoding(&self) -> SourceEncoding {
        match self {
            Self::Csv { encoding, .. } => *encoding,
            // The parts of a workbook are UTF-8 XML.
            Self::Xlsx(_) => SourceEncoding::Utf8,
        }
    }

    /// The CSV separator; `None` for a workbook.
    pub(super) fn separator(&self) -> Option<u8> {
        match self {
            Self::Csv { separator, .. } => Some(*separator),
            Self::Xlsx(_) => None,
        }
    }

    /// The sheet read, for a workbook.
    pub(super) fn sheet(&self) -> Option<&str> {
        match self {
            Self::Csv { .. } => None,
            Self::Xlsx(sheet) => Some(&sheet.name),
        }
    }

    /// A quote opened and never closed in a CSV (see `unterminated_quote`).
    pub(super) fn check_quotes(&self) -> Result<(), ImportError> {
        match self {
            Self::Csv {
                text, separator, ..
            } => match unterminated_quote(text.as_bytes(), *separator) {
                Some(line) => Err(ImportError::UnterminatedQuote { line }),
                None => Ok(()),
            },
            Self::Xlsx(_) => Ok(()),
        }
    }

    /// The rows, the header first.
    pub(super) fn rows(&mut self) -> Rows<'_> {
        match self {
            Self::Csv {
                text, separator, ..
            } => Rows::Csv {
                reader: csv::ReaderBuilder::new()
                    .delimiter(*separator)
                    .flexible(true)
                    .has_headers(false)
                    .from_reader(text.as_bytes()),
                lines: LineCounter::new(text),
            },
            Self::Xlsx(sheet) => Rows::Xlsx(sheet),
        }
    }
}

impl Rows<'_> {
    /// The next row into `row`; `Ok(false)` at the end. A CSV row the reader cannot parse is
    /// `Malformed` with its line.
    pub(super) fn next_into(&mut self, row: &mut Row) -> Result<bool, ImportError> {
        match self {
            Self::Xlsx(sheet) => Ok(sheet.next_row(row)),
            Self::Csv { reader, lines } => {
                let fallback = u32::try_from(reader.position().line()).unwrap_or(u32::MAX);
                row.typed_dates.clear();
                match reader.read_record(&mut row.record) {
                    Ok(false) => Ok(false),
                    Ok(true) => {
                        row.line = row
                            .record
                            .position()
                            .map_or(fallback, |p| lines.line_at(p.byte()));
                        Ok(true)
                    }
                    Err(error) => Err(malformed(&error, fallback)),
                }
            }
        }
    }
}

fn malformed(error: &csv::Error, fallback_line: u32) -> ImportError {
    let line = error.position().map_or(fallback_line, |p| {
        u32::try_from(p.line()).unwrap_or(u32::MAX)
    });
    ImportError::Malformed {
        line,
        message: error.to_string(),
    }
}
