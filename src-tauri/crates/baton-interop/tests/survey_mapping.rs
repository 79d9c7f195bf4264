//! Survey tools' exports read through a column mapping: extra header rows, label answers,
//! tool date formats, a fixed target and metric, one rating column among several, a column
//! renamed since the mapping was made. Each sample is written here in the tool's documented
//! shape (no copied files).
#[path = "../../baton-core/tests/analysis_support/mod.rs"]
mod analysis_support;

use analysis_support::{date, MapBuilder};
use baton_core::*;
use baton_interop::survey::*;

struct Fixture {
    map: MapBuilder,
    verify: Id,
    csat: Id,
    nps: Id,
}

/// Journey "Lost card": stage "Call", lane "Agent", step "Verifies identity".
fn fixture() -> Fixture {
    let mut map = MapBuilder::new("Lost card");
    let call = map.stage("Call");
    let agent = map.actor("Agent", None, None, None);
    let verify = map.step(&call, &agent, "Verifies identity", |_| {});
    let csat = map.metric("CSAT");
    let nps = map.metric("NPS");
    Fixture {
        map,
        verify,
        csat,
        nps,
    }
}

const STEP_PATH: &str = "Lost card / Call / Agent / Verifies identity";

fn mapping(value: &str, date: &str, format: DateFormat) -> SurveyMapping {
    SurveyMapping {
        skip_rows: 0,
        target: FieldSource::Fixed(STEP_PATH.to_owned()),
        metric: FieldSource::Fixed("CSAT".to_owned()),
        value_column: value.to_owned(),
        date_column: date.to_owned(),
        date_format: format,
        respondent_column: None,
        comment_column: None,
        labels: default_labels(),
    }
}

fn plan(f: &Fixture, bytes: &[u8], m: &SurveyMapping) -> ImportPlan {
    plan_mapped_import(&f.map.ws, bytes, &ImportOptions::default(), m).unwrap()
}

/// Qualtrics' CSV: the question ids, then the question texts, then the ImportId row (JSON),
/// then the answers; labels as answers, a multi-line comment, two rating questions (Q1 CSAT,
/// Q2 NPS with `10 - Extremely likely` labels).
#[test]
fn qualtrics_three_header_rows_labels_and_a_multi_line_comment() {
    let f = fixture();
    let csv = "StartDate,EndDate,ResponseId,Q1,Q2,Q3\r\n\
        Start Date,End Date,Response ID,How satisfied were you?,How likely are you to recommend us?,Anything else?\r\n\
        \"{\"\"ImportId\"\":\"\"startDate\"\",\"\"timeZone\"\":\"\"UTC\"\"}\",\"{\"\"ImportId\"\":\"\"endDate\"\"}\",\"{\"\"ImportId\"\":\"\"_recordId\"\"}\",\"{\"\"ImportId\"\":\"\"QID1\"\"}\",\"{\"\"ImportId\"\":\"\"QID2\"\"}\",\"{\"\"ImportId\"\":\"\"QID3_TEXT\"\"}\"\r\n\
        2026-11-04 10:23:45,2026-11-04 10:25:00,R_1,Very satisfied,10 - Extremely likely,\"Kind agent,\r\nbut slow\"\r\n\
        2026-11-05 08:00:00,2026-11-05 08:01:00,R_2,Dissatisfied,3,\r\n\
        2026-11-06 09:00:00,2026-11-06 09:01:00,R_3,Meh,0 - Not at all likely,\r\n";
    let mut m = mapping("Q1", "StartDate", DateFormat::Iso);
    m.skip_rows = 2;
    m.respondent_column = Some("ResponseId".into());
    m.comment_column = Some("Q3".into());
    let p = plan(&f, csv.as_bytes(), &m);
    assert_eq!(p.rows, 3, "the two extra header rows are not answers");
    assert_eq!(p.accepted.len(), 2);
    let first = &p.accepted[0];
    assert_eq!((first.value, first.date), (5.0, date(2026, 11, 4)));
    assert_eq!(first.metric_id, f.csat);
    assert_eq!(first.subject.id, f.verify);
    assert_eq!(first.respondent.as_deref(), Some("R_1"));
    assert_eq!(first.comment.as_deref(), Some("Kind agent,\r\nbut slow"));
    assert_eq!(p.accepted[1].value, 2.0);
    // "Meh" is no label and no number: rejected on its line (the comment took two lines).
    assert_eq!(p.rejected.len(), 1);
    assert_eq!(p.rejected[0].line, 7);
    assert!(matches!(
        p.rejected[0].reason,
        RejectReason::NotANumber { .. }
    ));

    // The other rating column, as NPS: "10 - Extremely likely" is 10, "0 - Not…" is 0.
    m.value_column = "q2".into(); // names compare case-insensitively
    m.metric = FieldSource::Fixed("NPS".into());
    let p = plan(&f, csv.as_bytes(), &m);
    let values: Vec<f64> = p.accepted.iter().map(|r| r.value).collect();
    assert_eq!(values, [10.0, 3.0, 0.0], "{:?}", p.rejected);
    assert!(p.accepted.iter().all(|r| r.metric_id == f.nps));
}

/// SurveyMonkey: the question row, then a second header row ("Response", "Open-Ended
/// Response"); dates month first with AM/PM; target and metric from columns.
#[test]
fn surveymonkey_two_header_rows_month_first_dates_and_columns_for_target_and_metric() {
    let f = fixture();
    let csv = format!(
        "Respondent ID,Start Date,Step,Metric,Overall satisfaction,Comments\n\
         ,,,,Response,Open-Ended Response\n\
         11401,11/04/2026 10:23:45 AM,{STEP_PATH},csat,Satisfied,Fine\n\
         11402,13/04/2026 10:23:45 AM,{id},CSAT,5,\n",
        id = f.verify
    );
    let m = SurveyMapping {
        skip_rows: 1,
        target: FieldSource::Column("Step".into()),
        metric: FieldSource::Column("Metric".into()),
        value_column: "Overall satisfaction".into(),
        date_column: "Start Date".into(),
        date_format: DateFormat::MonthDayYear,
        respondent_column: Some("Respondent ID".into()),
        comment_column: Some("Comments".into()),
        labels: default_labels(),
    };
    let p = plan(&f, csv.as_bytes(), &m);
    assert_eq!(p.accepted.len(), 1);
    assert_eq!(p.accepted[0].value, 4.0);
    assert_eq!(p.accepted[0].date, date(2026, 11, 4));
    assert_eq!(p.rejected[0].line, 4);
    assert!(matches!(p.rejected[0].reason, RejectReason::BadDate { .. }));
    assert_eq!(
        p.rejected[0].message,
        "the date “13/04/2026 10:23:45 AM” is not mm/dd/yyyy (optionally followed by a time)"
    );
}

#[test]
fn google_forms_timestamps_and_excel_serial_dates() {
    let f = fixture();
    let csv = "Timestamp,How satisfied are you?\n\
        2026/11/04 10:23:45 AM GMT+1,4\n\
        2026/11/04 10:23:45,3\n";
    let p = plan(
        &f,
        csv.as_bytes(),
        &mapping(
            "How satisfied are you?",
            "Timestamp",
            DateFormat::GoogleForms,
        ),
    );
    assert_eq!(p.accepted.len(), 2, "{:?}", p.rejected);
    assert!(p.accepted.iter().all(|r| r.date == date(2026, 11, 4)));

    // A sheet saved as CSV with the dates left as day numbers (and a time fraction).
    let csv = "Submitted,Rating\n46330.43,5\n46331,1\n0,2\n";
    let p = plan(
        &f,
        csv.as_bytes(),
        &mapping("Rating", "Submitted", DateFormat::ExcelSerial),
    );
    let dates: Vec<_> = p.accepted.iter().map(|r| r.date).collect();
    assert_eq!(dates, [date(2026, 11, 4), date(2026, 11, 5)]);
    assert_eq!(p.rejected.len(), 1);
    assert!(p.rejected[0].message.contains("spreadsheet day number"));
}

#[test]
fn edited_labels_and_values_still_on_the_metric_scale() {
    let f = fixture();
    let csv = "date,answer\n2026-11-04,Top\n2026-11-04,Off the chart\n2026-11-04, top \n";
    let mut m = mapping("answer", "date", DateFormat::Iso);
    m.labels = vec![
        AnswerLabel {
            label: "Top".into(),
            value: 5.0,
        },
        AnswerLabel {
            label: "Off the chart".into(),
            value: 9.0,
        },
    ];
    let p = plan(&f, csv.as_bytes(), &m);
    assert_eq!(
        p.accepted.len(),
        1,
        "the third row repeats the first: a duplicate"
    );
    assert_eq!(p.accepted[0].value, 5.0);
    assert!(matches!(
        p.rejected[0].reason,
        RejectReason::OffScale { value, .. } if value == 9.0
    ));
    assert!(matches!(
        p.rejected[1].reason,
        RejectReason::Duplicate {
            earlier_line: Some(2),
            ..
        }
    ));
}

#[test]
fn a_column_renamed_since_the_mapping_was_made_is_named_in_the_error() {
    let f = fixture();
    let csv = "Submitted,Overall rating,Remarks\n2026-11-04,5,ok\n";
    let mut m = mapping("Overall satisfaction", "Submitted", DateFormat::Iso);
    m.comment_column = Some("Comments".into());
    let error =
        plan_mapped_import(&f.map.ws, csv.as_bytes(), &ImportOptions::default(), &m).unwrap_err();
    assert_eq!(
        error,
        ImportError::MissingColumns {
            columns: vec!["Overall satisfaction".into(), "Comments".into()]
        }
    );
    assert!(error.to_string().contains("Overall satisfaction, Comments"));
}

#[test]
fn skipped_header_rows_blank_rows_and_a_file_of_headers_only() {
    let f = fixture();
    let csv = "Date,Rating\nQuestion text,How was it?\n,\n";
    let mut m = mapping("Rating", "Date", DateFormat::Iso);
    m.skip_rows = 1;
    let p = plan(&f, csv.as_bytes(), &m);
    assert_eq!((p.rows, p.accepted.len(), p.rejected.len()), (0, 0, 0));
    // More rows to skip than the file holds: still no answer, no error.
    m.skip_rows = 50;
    assert_eq!(plan(&f, b"Date,Rating\n2026-11-04,5\n", &m).rows, 0);
}

#[test]
fn presets_are_detected_from_the_header_and_read_their_tools_exports() {
    let headers = [
        (
            "StartDate,EndDate,Status,ResponseId,Q1\n",
            Some(Preset::Qualtrics),
        ),
        (
            "Respondent ID,Collector ID,Start Date,End Date,Q1\n",
            Some(Preset::SurveyMonkey),
        ),
        (
            "\u{feff}Timestamp,How satisfied are you?\n",
            Some(Preset::GoogleForms),
        ),
        (
            "ID,Start time,Completion time,Email,Name,Q1\n",
            Some(Preset::MicrosoftForms),
        ),
        (
            "#,Q1,Start Date (UTC),Submit Date (UTC),Network ID\n",
            Some(Preset::Typeform),
        ),
        ("target,metric,value,date\n", None),
        ("", None),
    ];
    for (header, preset) in headers {
        assert_eq!(Preset::detect(header.as_bytes()), preset, "{header}");
    }
    for preset in Preset::ALL {
        assert_eq!(Preset::from_name(preset.name()), Some(preset));
    }
    assert_eq!(Preset::from_name("Google Forms"), Some(Preset::GoogleForms));
    assert_eq!(Preset::from_name("medallia"), None);

    let f = fixture();
    let fixed = |text: &str| FieldSource::Fixed(text.to_owned());
    let samples = [
        (
            Preset::Qualtrics,
            "StartDate,EndDate,ResponseId,Q1\nStart Date,End Date,Response ID,How satisfied?\n\
             \"{\"\"ImportId\"\":\"\"startDate\"\"}\",x,y,\"{\"\"ImportId\"\":\"\"QID1\"\"}\"\n\
             2026-11-04 10:23:45,2026-11-04 10:25:00,R_1,Very satisfied\n",
            "R_1",
        ),
        (
            Preset::SurveyMonkey,
            "Respondent ID,Collector ID,Start Date,End Date,Q1\n,,,,Response\n\
             114,77,11/04/2026 10:23:45 AM,11/04/2026 10:25:00 AM,Very satisfied\n",
            "114",
        ),
        (
            Preset::GoogleForms,
            "Timestamp,Q1\n2026/11/04 10:23:45 AM GMT+1,Very satisfied\n",
            "",
        ),
        (
            Preset::MicrosoftForms,
            "ID,Start time,Completion time,Email,Name,Q1\n\
             7,11/4/2026 10:20:00,11/4/2026 10:23:45,anonymous,,Very satisfied\n",
            "7",
        ),
        (
            Preset::Typeform,
            "#,Q1,Start Date (UTC),Submit Date (UTC),Network ID\n\
             abc123,Very satisfied,2026-11-04 10:20:00,2026-11-04 10:23:45,n1\n",
            "abc123",
        ),
    ];
    for (preset, csv, respondent) in samples {
        assert_eq!(Preset::detect(csv.as_bytes()), Some(preset));
        let m = preset.mapping("Q1", fixed(STEP_PATH), fixed("CSAT"));
        let p = plan(&f, csv.as_bytes(), &m);
        assert_eq!(
            (p.rows, p.accepted.len()),
            (1, 1),
            "{preset:?}: {:?}",
            p.rejected
        );
        let r = &p.accepted[0];
        assert_eq!((r.value, r.date), (5.0, date(2026, 11, 4)), "{preset:?}");
        assert_eq!(
            r.respondent.as_deref().unwrap_or(""),
            respondent,
            "{preset:?}"
        );
    }
}

/// A mapping saved with the header it was made on is offered for the next export of the same
/// survey (exactly, or with a column renamed, which the offer names), not for another survey;
/// reading through it after the rename fails naming the column.
#[test]
fn a_saved_mapping_is_offered_for_the_same_survey_and_names_a_renamed_column() {
    let f = fixture();
    let header = |names: &[&str]| names.iter().map(|n| n.to_string()).collect::<Vec<_>>();
    let mut m = mapping("Q1", "StartDate", DateFormat::Iso);
    m.comment_column = Some("Q3".into());
    let saved_header = header(&["StartDate", "ResponseId", "Q1", "Q2", "Q3"]);
    let survey = SavedSurvey::new(m.clone(), saved_header.clone(), None);
    let text = survey.to_text();
    assert_eq!(SavedSurvey::from_text(&text), Ok(survey.clone()));
    let entry = |name: &str, text: &str, position: u32| SavedMapping {
        id: format!("id-{name}"),
        name: name.into(),
        mapping: text.into(),
        position,
    };
    let ivr = entry("IVR", &text, 1);
    let other_text = SavedSurvey::new(
        mapping("Score", "When", DateFormat::Iso),
        header(&["When", "Score", "Who"]),
        None,
    )
    .to_text();
    let web = entry("Web", &other_text, 0);
    let broken = entry("Broken", r#"{"version":7}"#, 2);
    let all = [&web, &ivr, &broken];

    let exact = offers(&all, &saved_header);
    assert_eq!(exact.len(), 1, "{exact:?}");
    assert_eq!((exact[0].name.as_str(), exact[0].exact), ("IVR", true));
    assert!(exact[0].missing_columns.is_empty());

    // Q3 renamed in the tool since: still the same survey, the offer says what is missing.
    let renamed = header(&["startdate", "ResponseId", "Q1", "Q2", "Q3 Comments"]);
    let offered = offers(&all, &renamed);
    assert_eq!(offered.len(), 1);
    assert!(!offered[0].exact);
    assert_eq!(offered[0].missing_columns, ["Q3"]);
    let csv = "startdate,ResponseId,Q1,Q2,Q3 Comments\n2026-11-04,R_1,5,9,ok\n";
    let err =
        plan_mapped_import(&f.map.ws, csv.as_bytes(), &ImportOptions::default(), &m).unwrap_err();
    assert_eq!(
        err,
        ImportError::MissingColumns {
            columns: vec!["Q3".into()]
        }
    );
    assert_eq!(header_of(csv.as_bytes(), None).unwrap(), renamed);

    // Another survey's header: nothing offered. An unreadable saved text says why.
    assert!(offers(&all, &header(&["a", "b", "c"])).is_empty());
    assert_eq!(
        SavedSurvey::from_text(r#"{"version":7}"#).unwrap_err(),
        "it was saved as version 7 by another version of Baton"
    );
}
