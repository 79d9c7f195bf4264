//! Survey exports as XLSX workbooks, each written here by rust_xlsxwriter in the shape the tool
//! documents (no copied files): Microsoft Forms (typed date cells, label answers, a multi-line
//! comment), Qualtrics (its extra header rows, on a named sheet), Excel day numbers, Baton's
//! own columns; and the workbooks refused: not a workbook, an empty sheet, an unknown sheet, a
//! zip bomb, a huge declared string count, an oversized file.
#[path = "../../baton-core/tests/analysis_support/mod.rs"]
mod analysis_support;

use std::io::{Cursor, Read, Write};

use analysis_support::{date, MapBuilder};
use baton_core::*;
use baton_interop::survey::*;
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, Worksheet};

struct Fixture {
    map: MapBuilder,
    verify: Id,
    csat: Id,
}

/// Journey "Lost card": stage "Call", lane "Agent", step "Verifies identity".
fn fixture() -> Fixture {
    let mut map = MapBuilder::new("Lost card");
    let call = map.stage("Call");
    let agent = map.actor("Agent", None, None, None);
    let verify = map.step(&call, &agent, "Verifies identity", |_| {});
    let csat = map.metric("CSAT");
    map.metric("NPS");
    Fixture { map, verify, csat }
}

const STEP_PATH: &str = "Lost card / Call / Agent / Verifies identity";

fn fixed(text: &str) -> FieldSource {
    FieldSource::Fixed(text.to_owned())
}

fn options(sheet: Option<&str>) -> ImportOptions {
    ImportOptions {
        sheet: sheet.map(str::to_owned),
        ..ImportOptions::default()
    }
}

/// A row of text cells from column 0.
fn texts(sheet: &mut Worksheet, row: u32, cells: &[&str]) {
    for (col, text) in cells.iter().enumerate() {
        if !text.is_empty() {
            sheet.write_string(row, col as u16, *text).unwrap();
        }
    }
}

fn moment(y: u16, mo: u8, d: u8, h: u16, mi: u8, s: u8) -> ExcelDateTime {
    ExcelDateTime::from_ymd(y, mo, d)
        .unwrap()
        .and_hms(h, mi, s)
        .unwrap()
}

/// Microsoft Forms' "Open results in Excel": ID, Start time, Completion time (date cells shown
/// `m/d/yy h:mm:ss`), Email, Name, then one column per question; a choice question answered
/// with its label, a comment typed over two lines.
fn microsoft_forms_workbook() -> Vec<u8> {
    let mut book = Workbook::new();
    let when = Format::new().set_num_format("m/d/yy h:mm:ss");
    let sheet = book.add_worksheet();
    sheet.set_name("Sheet1").unwrap();
    texts(
        sheet,
        0,
        &[
            "ID",
            "Start time",
            "Completion time",
            "Email",
            "Name",
            "How satisfied are you with the call?",
            "What could we do better?",
        ],
    );
    let answers = [
        ("Very satisfied", "Quick,\nthank you"),
        ("Dissatisfied", ""),
        ("So-so", ""),
    ];
    for (i, (answer, comment)) in answers.iter().enumerate() {
        let row = i as u32 + 1;
        sheet.write_number(row, 0, row as f64).unwrap();
        let day = 4 + i as u8;
        sheet
            .write_datetime_with_format(row, 1, moment(2026, 11, day, 10, 20, 0), &when)
            .unwrap();
        sheet
            .write_datetime_with_format(row, 2, moment(2026, 11, day, 10, 23, 45), &when)
            .unwrap();
        texts(sheet, row, &["", "", "", "anonymous", "", answer, comment]);
    }
    book.save_to_buffer().unwrap()
}

#[test]
fn microsoft_forms_workbook_typed_dates_label_answers_and_a_multi_line_comment() {
    let f = fixture();
    let bytes = microsoft_forms_workbook();
    assert!(is_xlsx(&bytes));
    assert_eq!(Preset::detect(&bytes), Some(Preset::MicrosoftForms));
    let mut m = Preset::MicrosoftForms.mapping(
        "How satisfied are you with the call?",
        fixed(STEP_PATH),
        fixed("CSAT"),
    );
    m.comment_column = Some("What could we do better?".into());
    let p = plan_mapped_import(&f.map.ws, &bytes, &options(None), &m).unwrap();
    assert_eq!(p.sheet.as_deref(), Some("Sheet1"));
    assert_eq!(p.separator, "");
    assert_eq!(p.rows, 3);
    // The date cells are read as dates though the preset reads text dates month first.
    let got: Vec<_> = p
        .accepted
        .iter()
        .map(|r| {
            (
                r.value,
                r.date,
                r.respondent.as_deref(),
                r.comment.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (5.0, date(2026, 11, 4), Some("1"), Some("Quick,\nthank you")),
            (2.0, date(2026, 11, 5), Some("2"), None),
        ]
    );
    assert!(p
        .accepted
        .iter()
        .all(|r| r.subject.id == f.verify && r.metric_id == f.csat));
    // "So-so" is no label: rejected on the sheet's row 4 (Excel's numbering, header = 1).
    assert_eq!(p.rejected.len(), 1, "{:?}", p.rejected);
    assert_eq!(p.rejected[0].line, 4);
    assert_eq!(
        p.rejected[0].reason,
        RejectReason::NotANumber {
            value: "So-so".into()
        }
    );
    // The preview shows the same rows with the same numbers.
    let preview = preview_rows(&bytes, 8, 40);
    let lines: Vec<u32> = preview.iter().map(|(line, _)| *line).collect();
    assert_eq!(lines, [1, 2, 3, 4]);
    assert_eq!(preview[0].1[2], "Completion time");
    assert_eq!(preview[1].1[2], "2026-11-04T10:23:45");
}

/// Qualtrics' XLSX download holds the same three header rows as its CSV (question ids, question
/// texts, ImportId JSON), here on the workbook's second sheet.
#[test]
fn qualtrics_workbook_on_a_named_sheet_skips_its_header_rows() {
    let f = fixture();
    let mut book = Workbook::new();
    let notes = book.add_worksheet();
    notes.set_name("Read me").unwrap();
    texts(notes, 0, &["Exported from Qualtrics"]);
    let sheet = book.add_worksheet();
    sheet.set_name("Responses").unwrap();
    texts(sheet, 0, &["StartDate", "EndDate", "ResponseId", "Q1"]);
    texts(
        sheet,
        1,
        &["Start Date", "End Date", "Response ID", "How satisfied?"],
    );
    texts(
        sheet,
        2,
        &[
            r#"{"ImportId":"startDate","timeZone":"UTC"}"#,
            r#"{"ImportId":"endDate"}"#,
            r#"{"ImportId":"_recordId"}"#,
            r#"{"ImportId":"QID1"}"#,
        ],
    );
    texts(
        sheet,
        3,
        &[
            "2026-11-04 10:23:45",
            "2026-11-04 10:25:00",
            "R_1",
            "Satisfied",
        ],
    );
    sheet.write_number(4, 3, 3).unwrap();
    texts(sheet, 4, &["2026-11-05 08:00:00", "", "R_2"]);
    let bytes = book.save_to_buffer().unwrap();

    let m = Preset::Qualtrics.mapping("Q1", fixed(STEP_PATH), fixed("CSAT"));
    // The first sheet is the notes: no Qualtrics columns there.
    assert_eq!(Preset::detect(&bytes), None);
    assert_eq!(
        Preset::detect_in(&bytes, Some("Responses")),
        Some(Preset::Qualtrics)
    );
    let err = plan_mapped_import(&f.map.ws, &bytes, &options(None), &m).unwrap_err();
    assert!(
        matches!(&err, ImportError::MissingColumns { columns } if columns.contains(&"Q1".to_owned())),
        "{err}"
    );
    // Sheet names compare case-insensitively when no sheet has the exact name.
    let p = plan_mapped_import(&f.map.ws, &bytes, &options(Some("responses")), &m).unwrap();
    assert_eq!(p.sheet.as_deref(), Some("Responses"));
    assert_eq!(p.rows, 2, "the two extra header rows are not answers");
    let values: Vec<f64> = p.accepted.iter().map(|r| r.value).collect();
    assert_eq!(values, [4.0, 3.0], "{:?}", p.rejected);
    assert_eq!(p.accepted[1].date, date(2026, 11, 5));

    let err = plan_mapped_import(&f.map.ws, &bytes, &options(Some("Answers")), &m).unwrap_err();
    assert_eq!(
        err,
        ImportError::UnknownSheet {
            sheet: "Answers".into(),
            sheets: vec!["Read me".into(), "Responses".into()],
        }
    );
    assert_eq!(
        err.to_string(),
        "the workbook has no sheet called “Answers” (its sheets: “Read me”, “Responses”)"
    );
    assert_eq!(sheet_names(&bytes).unwrap(), ["Read me", "Responses"]);
}

/// Dates kept as plain numbers (a day-number column pasted as values) read with the `excel`
/// format; in the same column a date cell is still a date, and a text day-first date follows
/// the mapping's format when it is day-first.
#[test]
fn excel_day_numbers_and_date_cells_in_one_column() {
    let f = fixture();
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    texts(sheet, 0, &["When", "Score"]);
    // 46330 is 2026-11-04; .4375 is 10:30.
    sheet.write_number(1, 0, 46330.4375).unwrap();
    sheet.write_number(1, 1, 4).unwrap();
    let day = Format::new().set_num_format("dd/mm/yyyy");
    sheet
        .write_datetime_with_format(2, 0, moment(2026, 11, 6, 0, 0, 0), &day)
        .unwrap();
    sheet.write_number(2, 1, 5).unwrap();
    texts(sheet, 3, &["not a day", "3"]);
    let bytes = book.save_to_buffer().unwrap();

    let m = SurveyMapping {
        skip_rows: 0,
        target: fixed(STEP_PATH),
        metric: fixed("CSAT"),
        value_column: "Score".into(),
        date_column: "When".into(),
        date_format: DateFormat::ExcelSerial,
        respondent_column: None,
        comment_column: None,
        labels: default_labels(),
    };
    let p = plan_mapped_import(&f.map.ws, &bytes, &options(None), &m).unwrap();
    let got: Vec<_> = p.accepted.iter().map(|r| (r.value, r.date)).collect();
    assert_eq!(got, [(4.0, date(2026, 11, 4)), (5.0, date(2026, 11, 6))]);
    assert_eq!(p.rejected.len(), 1);
    assert_eq!(p.rejected[0].line, 4);
    assert_eq!(
        p.rejected[0].message,
        "the date “not a day” is not a spreadsheet day number"
    );
}

/// A workbook in Baton's own columns imports without a mapping, exactly as the CSV would.
#[test]
fn baton_columns_in_a_workbook_need_no_mapping() {
    let f = fixture();
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    texts(sheet, 0, &["target", "metric", "value", "date", "comment"]);
    texts(sheet, 1, &[STEP_PATH, "CSAT", "", "2026-11-04", "ok"]);
    sheet.write_number(1, 2, 4).unwrap();
    // A blank row in between is no response; a row past it is still read.
    texts(sheet, 3, &[STEP_PATH, "CSAT", "4.5", "2026-11-05"]);
    let bytes = book.save_to_buffer().unwrap();
    let p = plan_import(&f.map.ws, &bytes, &ImportOptions::default()).unwrap();
    assert_eq!(p.rows, 2);
    assert_eq!(p.accepted.len(), 1);
    assert_eq!(p.accepted[0].comment.as_deref(), Some("ok"));
    assert_eq!(p.rejected[0].line, 4);
    assert!(matches!(
        p.rejected[0].reason,
        RejectReason::OffScale { value, .. } if value == 4.5
    ));
}

#[test]
fn a_zip_that_is_no_workbook_and_an_empty_sheet_are_refused() {
    let f = fixture();
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    zip.start_file("hello.txt", zip::write::SimpleFileOptions::default())
        .unwrap();
    zip.write_all(b"hello").unwrap();
    let not_a_workbook = zip.finish().unwrap().into_inner();
    for bytes in [&not_a_workbook[..], &b"PK\x03\x04 truncated"[..]] {
        let err = plan_import(&f.map.ws, bytes, &ImportOptions::default()).unwrap_err();
        assert!(matches!(err, ImportError::NotAWorkbook { .. }), "{err}");
        assert!(err
            .to_string()
            .starts_with("the file cannot be read as an XLSX workbook: "));
    }
    let mut book = Workbook::new();
    book.add_worksheet();
    let empty = book.save_to_buffer().unwrap();
    let err = plan_import(&f.map.ws, &empty, &ImportOptions::default()).unwrap_err();
    assert_eq!(err, ImportError::Empty);
}

/// `bytes` (a workbook) with one more part, or a part replaced.
fn with_part(bytes: &[u8], name: &str, content: &[u8]) -> Vec<u8> {
    let mut from = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut to = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let deflated = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .large_file(content.len() > u32::MAX as usize / 2);
    for i in 0..from.len() {
        let mut part = from.by_index(i).unwrap();
        let part_name = part.name().unwrap().into_owned();
        if part_name == name {
            continue;
        }
        let mut data = Vec::new();
        part.read_to_end(&mut data).unwrap();
        to.start_file(part_name, deflated).unwrap();
        to.write_all(&data).unwrap();
    }
    to.start_file(name, deflated).unwrap();
    to.write_all(content).unwrap();
    to.finish().unwrap().into_inner()
}

/// Limits checked before anything is expanded: a part that deflates 257 MiB of zeros into a few
/// hundred KB, a shared-strings part declaring billions of strings (calamine would reserve
/// room for them all), a file over the size limit.
#[test]
fn workbook_bombs_are_refused_before_they_expand() {
    let f = fixture();
    let mut book = Workbook::new();
    texts(
        book.add_worksheet(),
        0,
        &["target", "metric", "value", "date"],
    );
    let bytes = book.save_to_buffer().unwrap();
    plan_import(&f.map.ws, &bytes, &ImportOptions::default()).expect("the workbook itself reads");

    let zeros = vec![0u8; (MAX_UNZIPPED_BYTES + 1024 * 1024) as usize];
    let bomb = with_part(&bytes, "xl/media/image1.png", &zeros);
    drop(zeros);
    assert!(bomb.len() < 2 * 1024 * 1024, "{} bytes", bomb.len());
    let err = plan_import(&f.map.ws, &bomb, &ImportOptions::default()).unwrap_err();
    assert!(
        matches!(&err, ImportError::TooLarge { message } if message.contains("unzips to")),
        "{err}"
    );

    let sst = br#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="99999999999"><si><t>target</t></si></sst>"#;
    let declared = with_part(&bytes, "xl/sharedStrings.xml", sst);
    let err = plan_import(&f.map.ws, &declared, &ImportOptions::default()).unwrap_err();
    assert!(
        matches!(&err, ImportError::TooLarge { message } if message.contains("distinct texts")),
        "{err}"
    );
    let odd = with_part(
        &bytes,
        "xl/sharedStrings.xml",
        br#"<sst uniqueCount="+1e99"><si><t>x</t></si></sst>"#,
    );
    let err = plan_import(&f.map.ws, &odd, &ImportOptions::default()).unwrap_err();
    assert!(matches!(err, ImportError::NotAWorkbook { .. }), "{err}");

    let mut huge = b"PK\x03\x04".to_vec();
    huge.resize(MAX_XLSX_BYTES + 1, 0);
    let err = plan_import(&f.map.ws, &huge, &ImportOptions::default()).unwrap_err();
    assert!(
        matches!(&err, ImportError::TooLarge { message } if message.contains("over the limit")),
        "{err}"
    );
}
