//! A survey workbook (XLSX) read by `plan_mapped_import` / `plan_import`, preset detection and
//! the preview, against a real workspace: every row accepted or rejected (or the workbook
//! refused with a typed error) without panicking or running out of memory, and every accepted
//! response applies.
//!
//! Modes (first byte): 0, the input as the whole file; 1, a real workbook (written once by
//! rust_xlsxwriter) with its sheet XML replaced by the input; 2, the same with its shared
//! strings replaced by the input; 3, a workbook whose cells are the input: one row per line,
//! cells split at tabs, a cell starting with `#` written as a date cell (its bytes picking the
//! day), the first cell naming a real step. The second byte picks the mapping (a preset, Baton's
//! own columns, or a plain mapping with an Excel-serial date).
#![no_main]

use std::io::{Cursor, Read, Write};
use std::sync::OnceLock;

use baton_fuzz::{check_import_plan, mode, real_file};
use baton_interop::survey::{
    default_labels, plan_import, plan_mapped_import, preview_rows, DateFormat, FieldSource,
    ImportOptions, Preset, SurveyMapping,
};
use libfuzzer_sys::fuzz_target;
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};

const HEADER: [&str; 5] = ["Target", "Rating", "Date", "Who", "Comment"];

/// A small real workbook in the plain mapping's columns.
fn base_workbook() -> &'static [u8] {
    static BASE: OnceLock<Vec<u8>> = OnceLock::new();
    BASE.get_or_init(|| {
        let mut book = Workbook::new();
        let sheet = book.add_worksheet();
        for (col, name) in HEADER.iter().enumerate() {
            sheet
                .write_string(0, col as u16, *name)
                .expect("a header cell");
        }
        sheet.write_string(1, 0, "x").expect("a cell");
        sheet.write_number(1, 1, 4.0).expect("a cell");
        book.save_to_buffer().expect("a workbook")
    })
}

/// `base` with the part `name` replaced by `content` (stored, so the input is the part).
fn with_part(base: &[u8], name: &str, content: &[u8]) -> Vec<u8> {
    let Ok(mut from) = zip::ZipArchive::new(Cursor::new(base)) else {
        return base.to_vec();
    };
    let mut to = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for i in 0..from.len() {
        let Ok(mut part) = from.by_index(i) else {
            continue;
        };
        let Ok(part_name) = part.name().map(|n| n.into_owned()) else {
            continue;
        };
        let mut data = Vec::new();
        if part_name == name || part.read_to_end(&mut data).is_err() {
            continue;
        }
        let _ = to.start_file(part_name, stored);
        let _ = to.write_all(&data);
    }
    let _ = to.start_file(name, stored);
    let _ = to.write_all(content);
    to.finish().map(Cursor::into_inner).unwrap_or_default()
}

/// A workbook whose rows are the payload's lines.
fn cells_workbook(payload: &[u8]) -> Vec<u8> {
    let real = real_file();
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    let day = Format::new().set_num_format("dd/mm/yyyy hh:mm");
    for (col, name) in HEADER.iter().enumerate() {
        let _ = sheet.write_string(0, col as u16, *name);
    }
    for (row, line) in payload.split(|b| *b == b'\n').take(1_000).enumerate() {
        let row = row as u32 + 1;
        let (pick, rest) = line.split_first().unwrap_or((&0, line));
        let title = &real.step_titles[usize::from(*pick) % real.step_titles.len()];
        let _ = sheet.write_string(row, 0, title);
        for (col, cell) in rest.split(|b| *b == b'\t').take(20).enumerate() {
            let col = col as u16 + 1;
            match cell {
                [b'#', a, b, ..] => {
                    let moment = ExcelDateTime::from_serial_datetime(
                        f64::from(u16::from_le_bytes([*a, *b])) + 0.25,
                    );
                    if let Ok(moment) = moment {
                        let _ = sheet.write_datetime_with_format(row, col, &moment, &day);
                    }
                }
                _ => {
                    let _ = sheet.write_string(row, col, String::from_utf8_lossy(cell));
                }
            }
        }
    }
    book.save_to_buffer().unwrap_or_default()
}

fuzz_target!(|data: &[u8]| {
    let real = real_file();
    let (mode, rest) = mode(data, 4);
    let Some((pick, payload)) = rest.split_first() else {
        return;
    };
    let file = match mode {
        0 => payload.to_vec(),
        1 => with_part(base_workbook(), "xl/worksheets/sheet1.xml", payload),
        2 => with_part(base_workbook(), "xl/sharedStrings.xml", payload),
        _ => cells_workbook(payload),
    };
    let _ = Preset::detect(&file);
    let _ = preview_rows(&file, 8, 120);
    let target = FieldSource::Column("Target".to_owned());
    let metric = FieldSource::Fixed("CSAT".to_owned());
    let options = ImportOptions::default();
    let planned = match Preset::ALL.get(usize::from(*pick % 8)) {
        Some(preset) => plan_mapped_import(
            &real.workspace,
            &file,
            &options,
            &preset.mapping("Rating", target, metric),
        ),
        None if pick % 8 == 5 => plan_import(&real.workspace, &file, &options),
        None => {
            let mapping = SurveyMapping {
                skip_rows: u32::from(*pick / 8 % 3),
                target,
                metric,
                value_column: "Rating".to_owned(),
                date_column: "Date".to_owned(),
                date_format: if pick % 2 == 0 {
                    DateFormat::ExcelSerial
                } else {
                    DateFormat::DayMonthYear
                },
                respondent_column: Some("Who".to_owned()),
                comment_column: Some("Comment".to_owned()),
                labels: default_labels(),
            };
            plan_mapped_import(&real.workspace, &file, &options, &mapping)
        }
    };
    let Ok(plan) = planned else {
        return;
    };
    check_import_plan(plan);
});
