//! One sheet of an XLSX workbook (Excel's, Microsoft Forms', any survey tool's "download as
//! Excel") as the rows of a survey table, read with calamine.
//!
//! - The sheet: the one named (exactly, else case-insensitively), or the workbook's first.
//! - The header is the sheet's first row holding anything; each later row holding anything is
//!   a data row, its line being the sheet's row number (what Excel shows in its margin). Cells
//!   to the right of the header's last column are not read (no column name maps them).
//! - A cell's text: a string as it is (a multi-line comment keeps its line breaks); a number as
//!   Rust writes it (`5`, `4.5`, `45965.4375`: Excel day numbers read by the `excel` date
//!   format); TRUE/FALSE; an error as Excel shows it (`#N/A`). A cell formatted as a date or a
//!   time is written `yyyy-mm-ddThh:mm:ss` and marked as a typed date, which the date column
//!   reads whatever format the mapping names for text dates.
//! - Limits, checked before anything is expanded: `MAX_XLSX_BYTES` of file,
//!   `MAX_UNZIPPED_BYTES` once unzipped (the sizes the archive declares, which the zip reader
//!   enforces), `MAX_ZIP_ENTRIES`, `MAX_SHARED_STRINGS` declared, `MAX_CELLS` read.

use std::io::{Cursor, Read};

use calamine::{DataRef, Reader, Xlsx};

use super::ImportError;

/// The largest workbook read: a 100,000-response export with 50 columns is about 15 MB.
pub const MAX_XLSX_BYTES: usize = 64 * 1024 * 1024;
/// The most its parts may hold once unzipped (what the archive declares, and the most the zip
/// reader will produce): a deflated bomb is refused before it is expanded.
pub const MAX_UNZIPPED_BYTES: u64 = 256 * 1024 * 1024;
/// Parts in the archive (a workbook has a few dozen).
pub const MAX_ZIP_ENTRIES: usize = 10_000;
/// Distinct strings the workbook may declare (calamine reserves room for the count declared).
pub const MAX_SHARED_STRINGS: u64 = 4_000_000;
/// Non-empty cells read from the sheet.
pub const MAX_CELLS: usize = 10_000_000;

/// An XLSX file opens with a zip archive's local file header.
pub fn is_xlsx(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}

/// The names of the workbook's sheets, in the workbook's order.
pub fn sheet_names(bytes: &[u8]) -> Result<Vec<String>, ImportError> {
    Ok(open(bytes)?.sheet_names())
}

/// A sheet's cells that hold something, in row then column order.
pub(super) struct Sheet {
    pub(super) name: String,
    cells: Vec<SheetCell>,
    next: usize,
    /// Columns read in every row: the header's width.
    width: usize,
}

struct SheetCell {
    row: u32,
    column: u32,
    text: String,
    typed_date: bool,
}

/// One row of the sheet as text fields (padded to the header's width).
pub(super) struct SheetRow {
    /// The sheet's 1-based row number.
    pub(super) line: u32,
    pub(super) record: csv::StringRecord,
    /// The columns whose cells are typed dates (written `yyyy-mm-ddThh:mm:ss`).
    pub(super) typed_dates: Vec<usize>,
}

impl Sheet {
    /// The sheet `wanted` (or the first) of the workbook in `bytes`.
    pub(super) fn read(bytes: &[u8], wanted: Option<&str>) -> Result<Self, ImportError> {
        let mut workbook = open(bytes)?;
        let names = workbook.sheet_names();
        let name = match wanted {
            None => names.first().cloned().ok_or(ImportError::Empty)?,
            Some(wanted) => names
                .iter()
                .find(|n| *n == wanted)
                .or_else(|| {
                    let lower = wanted.trim().to_lowercase();
                    names.iter().find(|n| n.trim().to_lowercase() == lower)
                })
                .cloned()
                .ok_or_else(|| ImportError::UnknownSheet {
                    sheet: wanted.to_owned(),
                    sheets: names.clone(),
                })?,
        };
        let mut reader = workbook
            .worksheet_cells_reader(&name)
            .map_err(|e| unreadable(&e))?;
        let mut cells = Vec::new();
        while let Some(cell) = reader.next_cell().map_err(|e| unreadable(&e))? {
            let (row, column) = cell.get_position();
            let Some((text, typed_date)) = text_of(cell.get_value()) else {
                continue;
            };
            if cells.len() == MAX_CELLS {
                return Err(ImportError::TooLarge {
                    message: format!("the sheet holds more than {MAX_CELLS} cells"),
                });
            }
            cells.push(SheetCell {
                row,
                column,
                text,
                typed_date,
            });
        }
        // Rows and cells are in order in any file Excel writes; a hand-made one may not be.
        cells.sort_by_key(|c| (c.row, c.column));
        let width = cells.first().map_or(0, |first| {
            cells
                .iter()
                .take_while(|c| c.row == first.row)
                .map(|c| c.column as usize + 1)
                .max()
                .unwrap_or(0)
        });
        Ok(Self {
            name,
            cells,
            next: 0,
            width,
        })
    }

    /// The next row holding anything, into `row`; `false` at the end of the sheet.
    pub(super) fn next_row(&mut self, row: &mut SheetRow) -> bool {
        let Some(first) = self.cells.get(self.next) else {
            return false;
        };
        let line = first.row;
        let mut fields: Vec<&str> = vec![""; self.width];
        row.typed_dates.clear();
        while let Some(cell) = self.cells.get(self.next).filter(|c| c.row == line) {
            let at = cell.column as usize;
            if let Some(field) = fields.get_mut(at) {
                *field = &cell.text;
                if cell.typed_date {
                    row.typed_dates.push(at);
                }
            }
            self.next += 1;
        }
        row.line = line.saturating_add(1);
        row.record.clear();
        for field in fields {
            row.record.push_field(field);
        }
        true
    }
}

impl SheetRow {
    pub(super) fn new() -> Self {
        Self {
            line: 0,
            record: csv::StringRecord::new(),
            typed_dates: Vec::new(),
        }
    }
}

/// The cell as text, and whether it is a typed date; `None` when it holds nothing.
fn text_of(value: &DataRef<'_>) -> Option<(String, bool)> {
    let text = match value {
        DataRef::Empty => return None,
        DataRef::String(s) => s.clone(),
        DataRef::SharedString(s) => (*s).to_owned(),
        DataRef::Int(i) => i.to_string(),
        DataRef::Float(f) => f.to_string(),
        DataRef::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_owned(),
        DataRef::DateTime(moment) if moment.is_datetime() => {
            let (y, mo, d, h, mi, s, _) = moment.to_ymd_hms_milli();
            return Some((format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}"), true));
        }
        // A duration (`[hh]:mm`) is a number of days, not a day.
        DataRef::DateTime(duration) => duration.as_f64().to_string(),
        DataRef::DateTimeIso(s) => return Some((s.clone(), true)),
        DataRef::DurationIso(s) => s.clone(),
        DataRef::Error(e) => e.to_string(),
    };
    (!text.is_empty()).then_some((text, false))
}

fn unreadable(error: &dyn std::fmt::Display) -> ImportError {
    ImportError::NotAWorkbook {
        message: error.to_string(),
    }
}

/// The workbook, once its archive is within the limits.
fn open(bytes: &[u8]) -> Result<Xlsx<Cursor<&[u8]>>, ImportError> {
    if bytes.len() > MAX_XLSX_BYTES {
        return Err(ImportError::TooLarge {
            message: format!(
                "the workbook is {} bytes, over the limit of {MAX_XLSX_BYTES}",
                bytes.len()
            ),
        });
    }
    check_archive(bytes)?;
    Xlsx::new(Cursor::new(bytes)).map_err(|e| unreadable(&e))
}

/// Refuses an archive whose parts would unzip past the limits, before calamine expands any.
fn check_archive(bytes: &[u8]) -> Result<(), ImportError> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| unreadable(&e))?;
    if archive.len() > MAX_ZIP_ENTRIES {
        return Err(ImportError::TooLarge {
            message: format!(
                "the workbook has {} parts, over the limit of {MAX_ZIP_ENTRIES}",
                archive.len()
            ),
        });
    }
    let mut total: u64 = 0;
    let mut shared_strings = Vec::new();
    for index in 0..archive.len() {
        let part = archive.by_index_raw(index).map_err(|e| unreadable(&e))?;
        total = total.saturating_add(part.size());
        // A name that does not decode is one calamine cannot ask for either.
        let name = part
            .name()
            .map(|n| n.replace('\\', "/").to_lowercase())
            .unwrap_or_default();
        if name.ends_with("sharedstrings.xml") {
            shared_strings.push(index);
        }
    }
    if total > MAX_UNZIPPED_BYTES {
        return Err(ImportError::TooLarge {
            message: format!(
                "the workbook unzips to {total} bytes, over the limit of {MAX_UNZIPPED_BYTES}"
            ),
        });
    }
    for index in shared_strings {
        let part = archive.by_index(index).map_err(|e| unreadable(&e))?;
        let declared = declared_strings(part)?;
        if declared.is_some_and(|n| n > MAX_SHARED_STRINGS) {
            return Err(ImportError::TooLarge {
                message: format!(
                    "the workbook declares more than {MAX_SHARED_STRINGS} distinct texts"
                ),
            });
        }
    }
    Ok(())
}

/// The `uniqueCount` the shared strings part declares on its `sst` element (calamine reserves
/// that many strings up front). A count that is not plain digits is refused rather than
/// guessed at: Excel writes plain digits.
fn declared_strings(part: impl Read) -> Result<Option<u64>, ImportError> {
    use quick_xml::events::Event;
    // The element opens a real part at once; 1 MiB is ample room for a prologue.
    let mut xml = quick_xml::Reader::from_reader(std::io::BufReader::new(part.take(1 << 20)));
    xml.config_mut().check_end_names = false;
    let mut buf = Vec::new();
    loop {
        buf.clear();
        let event = xml.read_event_into(&mut buf).map_err(|e| unreadable(&e))?;
        let element = match event {
            Event::Start(e) | Event::Empty(e) => e,
            Event::Eof => {
                return Err(ImportError::NotAWorkbook {
                    message: "its shared strings part has no list of strings".to_owned(),
                })
            }
            _ => continue,
        };
        if element.local_name().as_ref() != b"sst" {
            continue;
        }
        for attribute in element.attributes().with_checks(false).flatten() {
            if attribute.key.local_name().as_ref() != b"uniqueCount" {
                continue;
            }
            let digits = attribute.value.as_ref();
            let count = std::str::from_utf8(digits)
                .ok()
                .filter(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()))
                .and_then(|d| d.parse::<u64>().ok())
                .ok_or_else(|| ImportError::NotAWorkbook {
                    message: "its shared strings' count is not a number".to_owned(),
                })?;
            return Ok(Some(count));
        }
        return Ok(None);
    }
}
