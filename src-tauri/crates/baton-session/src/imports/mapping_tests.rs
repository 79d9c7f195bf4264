//! The mapping step on real files: a survey tool's export proposed a preset and read through a
//! mapping (live, under one token), a mapping saved in the import's own edit and offered for
//! the next file of the same survey, a renamed column named, a workbook's sheets.

use baton_interop::survey::{AnswerLabel, FieldSource, Preset, SurveyMapping};

use super::tests::{bank, Fixture, NOTICE_APP};
use super::*;
use crate::error::AppErrorKind;

/// A Qualtrics export: question ids, question texts, the ImportId row, then answers, one of
/// them a comment over two lines.
fn qualtrics(q1: &str, rows: &[(&str, &str, &str, &str)]) -> String {
    let mut text = format!(
        "StartDate,EndDate,Progress,Duration (in seconds),ResponseId,{q1},Q2,Q3\n\
         Start Date,End Date,Progress,Duration (in seconds),Response ID,How likely are you to recommend us?,How satisfied were you?,Anything to add?\n\
         \"{{\"\"ImportId\"\":\"\"startDate\"\"}}\",\"{{\"\"ImportId\"\":\"\"endDate\"\"}}\",\"{{\"\"ImportId\"\":\"\"progress\"\"}}\",\"{{\"\"ImportId\"\":\"\"duration\"\"}}\",\"{{\"\"ImportId\"\":\"\"_recordId\"\"}}\",\"{{\"\"ImportId\"\":\"\"QID1\"\"}}\",\"{{\"\"ImportId\"\":\"\"QID2\"\"}}\",\"{{\"\"ImportId\"\":\"\"QID3\"\"}}\"\n"
    );
    for (i, (date, nps, csat, comment)) in rows.iter().enumerate() {
        text.push_str(&format!(
            "{date} 10:00:00,{date} 10:04:00,100,{},R_{i},{nps},{csat},\"{comment}\"\n",
            240 + i * 7
        ));
    }
    text
}

const ANSWERS: [(&str, &str, &str, &str); 3] = [
    ("2026-11-01", "9", "Very satisfied", "Quick, thanks"),
    ("2026-11-02", "3", "Dissatisfied", "Long wait\nthen cut off"),
    ("2026-11-03", "10", "Satisfied", ""),
];

/// The proposal's mapping with the target and metric the user picks.
fn chosen(p: &ImportPreview, value: &str, metric: &str) -> SurveyMapping {
    SurveyMapping {
        value_column: value.to_owned(),
        target: FieldSource::Fixed(NOTICE_APP.to_owned()),
        metric: FieldSource::Fixed(metric.to_owned()),
        comment_column: Some("Q3".to_owned()),
        ..p.proposal.mapping.clone()
    }
}

fn reading(mapping: SurveyMapping) -> SurveyReading {
    SurveyReading {
        mapping: Some(mapping),
        sheet: None,
    }
}

fn remap_with(f: &Fixture, token: &str, mapping: SurveyMapping) -> ImportPreview {
    remap(&f.pending, &f.document, "doc1", token, reading(mapping)).unwrap()
}

#[test]
fn a_qualtrics_export_is_proposed_its_preset_and_read_live_through_the_mapping() {
    let f = bank();
    let before = f.responses();
    let path = f.write("ivr.csv", &qualtrics("Q1", &ANSWERS));
    let p = f.preview_file(&path).unwrap();
    assert!(
        p.problem.as_deref().unwrap().contains("target"),
        "{:?}",
        p.problem
    );
    assert_eq!(p.proposal.detected, Some(Preset::Qualtrics));
    assert_eq!(
        p.proposal.rating_columns,
        ["Q1", "Q2"],
        "progress and duration are no ratings"
    );
    let proposed = &p.proposal.mapping;
    assert_eq!(
        (proposed.skip_rows, proposed.date_column.as_str()),
        (2, "StartDate")
    );
    assert_eq!(proposed.value_column, "Q1");
    assert_eq!(proposed.respondent_column.as_deref(), Some("ResponseId"));
    assert_eq!(p.proposal.presets.len(), Preset::ALL.len());

    let nps = remap_with(&f, &p.token, chosen(&p, "Q1", "NPS"));
    assert_eq!(nps.token, p.token, "the mapping step keeps its token");
    assert_eq!(nps.problem, None);
    assert_eq!((nps.rows, nps.accepted, nps.rejected_count), (3, 3, 0));
    assert_eq!(
        nps.sample[0].line, 4,
        "the two header rows the preset skips are not shown"
    );
    assert_eq!(nps.sample[1].cells[7], "Long wait\nthen cut off");

    // The CSAT question holds labels; taking "Satisfied" out of the table rejects its row.
    let mut csat = chosen(&p, "Q2", "CSAT");
    assert_eq!(remap_with(&f, &p.token, csat.clone()).accepted, 3);
    csat.labels.retain(|l| l.label != "Satisfied");
    let fewer = remap_with(&f, &p.token, csat.clone());
    assert_eq!((fewer.accepted, fewer.rejected_count), (2, 1));
    assert_eq!(fewer.rejected[0].line, 7);
    csat.labels.push(AnswerLabel {
        label: "satisfied".into(),
        value: 4.0,
    });
    assert_eq!(
        remap_with(&f, &p.token, csat).accepted,
        3,
        "labels compare case-insensitively"
    );
    assert_eq!(f.responses(), before, "previews write nothing");
}

#[test]
fn a_mapping_is_saved_in_the_imports_own_edit_and_offered_for_the_same_survey() {
    let mut f = bank();
    let before = f.responses();
    let p = f
        .preview_file(&f.write("ivr.csv", &qualtrics("Q1", &ANSWERS)))
        .unwrap();
    let mapping = chosen(&p, "Q1", "NPS");
    remap_with(&f, &p.token, mapping.clone());

    // An empty name is refused beside its field; the preview stays for another try.
    let e = commit(
        &f.pending,
        &mut f.document,
        "doc1",
        &p.token,
        false,
        Some("  "),
    )
    .unwrap_err();
    assert_eq!(e.field.as_deref(), Some("save_mapping"));
    assert_eq!(f.responses(), before);
    let done = commit(
        &f.pending,
        &mut f.document,
        "doc1",
        &p.token,
        false,
        Some("Post-call IVR survey"),
    )
    .unwrap();
    assert_eq!(
        (done.imported, done.saved_mapping.as_deref()),
        (3, Some("Post-call IVR survey"))
    );
    assert_eq!(f.responses(), before + 3);
    assert_eq!(f.document.workspace().saved_mappings.len(), 1);

    // The next export of the same survey is offered the saved mapping, which reads it whole.
    let next = [("2026-11-09", "8", "Satisfied", "ok")];
    let again = f
        .preview_file(&f.write("ivr-2.csv", &qualtrics("Q1", &next)))
        .unwrap();
    let offer = &again.proposal.offers[0];
    assert_eq!(
        (offer.name.as_str(), offer.exact),
        ("Post-call IVR survey", true)
    );
    assert!(offer.missing_columns.is_empty());
    assert_eq!(
        again.proposal.mapping, mapping,
        "the step starts from the saved mapping"
    );
    let read = remap_with(&f, &again.token, offer.mapping.clone());
    assert_eq!((read.accepted, read.rejected_count), (1, 0));

    // A file where the rating column was renamed is still offered it, and names the column.
    let renamed = f
        .preview_file(&f.write("ivr-3.csv", &qualtrics("Q1_NPS", &next)))
        .unwrap();
    let offer = &renamed.proposal.offers[0];
    assert_eq!(offer.missing_columns, ["Q1"]);
    let broken = remap_with(&f, &renamed.token, offer.mapping.clone());
    let problem = broken.problem.unwrap();
    assert!(
        problem.contains("Q1") && !problem.contains("Q1_NPS"),
        "{problem}"
    );
    assert_eq!(broken.accepted, 0);
    let e = commit(
        &f.pending,
        &mut f.document,
        "doc1",
        &renamed.token,
        true,
        None,
    )
    .unwrap_err();
    assert_eq!(e.kind, AppErrorKind::Shell(ShellErrorKind::CsvUnreadable));

    // One undo takes back the import and the saved mapping together.
    f.document.undo().unwrap();
    assert_eq!(f.responses(), before);
    assert!(f.document.workspace().saved_mappings.is_empty());
}

#[test]
fn a_workbooks_sheets_are_listed_and_a_sheet_it_lacks_leaves_the_preview_as_it_was() {
    use rust_xlsxwriter::Workbook;
    let f = bank();
    let mut book = Workbook::new();
    let notes = book.add_worksheet();
    notes.set_name("Read me").unwrap();
    notes
        .write_string(0, 0, "Exported from Microsoft Forms")
        .unwrap();
    let sheet = book.add_worksheet();
    sheet.set_name("Form1").unwrap();
    let header = [
        "ID",
        "Start time",
        "Completion time",
        "Email",
        "How satisfied were you?",
    ];
    for (c, h) in header.iter().enumerate() {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    for r in 1..=2u32 {
        sheet.write_number(r, 0, f64::from(r)).unwrap();
        sheet.write_string(r, 1, "11/4/2026 10:00:00").unwrap();
        sheet.write_string(r, 2, "11/4/2026 10:03:00").unwrap();
        sheet.write_string(r, 3, "anonymous").unwrap();
        sheet.write_number(r, 4, f64::from(r + 2)).unwrap();
    }
    let path = f.dir.join("forms.xlsx");
    std::fs::write(&path, book.save_to_buffer().unwrap()).unwrap();

    let p = f.preview_file(&path).unwrap();
    assert_eq!(p.sheets, ["Read me", "Form1"]);
    assert!(p.problem.is_some(), "the first sheet is no survey");
    let on_form = remap(
        &f.pending,
        &f.document,
        "doc1",
        &p.token,
        SurveyReading {
            mapping: None,
            sheet: Some("Form1".into()),
        },
    )
    .unwrap();
    assert_eq!(on_form.header, header);
    assert_eq!(on_form.proposal.detected, Some(Preset::MicrosoftForms));
    assert_eq!(on_form.proposal.rating_columns, ["How satisfied were you?"]);
    let mapping = SurveyMapping {
        target: FieldSource::Fixed(NOTICE_APP.to_owned()),
        metric: FieldSource::Fixed("CSAT".to_owned()),
        ..on_form.proposal.mapping.clone()
    };
    let read = remap(
        &f.pending,
        &f.document,
        "doc1",
        &p.token,
        SurveyReading {
            mapping: Some(mapping.clone()),
            sheet: Some("Form1".into()),
        },
    )
    .unwrap();
    assert_eq!(
        (read.accepted, read.reading.sheet.as_deref()),
        (2, Some("Form1"))
    );

    let e = remap(
        &f.pending,
        &f.document,
        "doc1",
        &p.token,
        SurveyReading {
            mapping: Some(mapping),
            sheet: Some("Nope".into()),
        },
    )
    .unwrap_err();
    assert!(e.message.contains("“Form1”"), "{}", e.message);
    assert_eq!(f.pending.len().unwrap(), 1, "the preview is kept as it was");
}
