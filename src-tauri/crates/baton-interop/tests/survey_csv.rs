//! Planning survey imports from CSV bytes: every acceptance and rejection rule.
// The journey builder of baton-core's own tests, shared rather than copied.
#[path = "../../baton-core/tests/analysis_support/mod.rs"]
mod analysis_support;

use analysis_support::{date, MapBuilder};
use baton_core::*;
use baton_interop::survey::*;

struct Fixture {
    map: MapBuilder,
    verify: Id,
    handoff: Id,
    csat: Id,
    nps: Id,
}

/// Journey "Lost card": stage "Call"; lanes "Agent" and "Cards"; steps "Verifies identity" and
/// two "Asks again" (Agent), "Blocks card" (Cards); a handoff Verifies identity -> Blocks card.
fn fixture() -> Fixture {
    let mut map = MapBuilder::new("Lost card");
    let call = map.stage("Call");
    let agent = map.actor("Agent", None, None, None);
    let cards = map.actor("Cards", None, None, None);
    let verify = map.step(&call, &agent, "Verifies identity", |s| {
        s.touchpoint = Some(Channel::Phone)
    });
    map.step(&call, &agent, "Asks again", |_| {});
    map.step(&call, &agent, "Asks again", |_| {});
    let transfer = map.step(&call, &cards, "Blocks card", |_| {});
    let handoff = map.handoff(&verify, &transfer, |_| {});
    let csat = map.metric("CSAT");
    let nps = map.metric("NPS");
    Fixture {
        map,
        verify,
        handoff,
        csat,
        nps,
    }
}

fn plan(f: &Fixture, csv: &str) -> ImportPlan {
    plan_import(&f.map.ws, csv.as_bytes(), &ImportOptions::default()).unwrap()
}

#[test]
fn happy_path_by_id_path_and_handoff_path() {
    let mut f = fixture();
    let csv = format!(
        "Target,Metric,Value,Date,Respondent,Comment\n\
         {verify},CSAT,5,2026-11-02,r1,Quick and kind\n\
         Lost card / Call / Agent / Verifies identity,nps,9,2026-11-03,,\n\
         lost card/ call /agent/ VERIFIES IDENTITY,csat,4,2026/11/04,r2,\n\
         Lost card / Verifies identity -> Blocks card,CSAT,2,2026-11-05T09:30:00Z,r3,\"Had to repeat, twice\"\n\
         {handoff},NPS,0,2026-11-06,r4,\n",
        verify = f.verify,
        handoff = f.handoff
    );
    let p = plan(&f, &csv);
    assert!(p.rejected.is_empty(), "{:?}", p.rejected);
    assert_eq!(p.rows, 5);
    assert_eq!(p.encoding, SourceEncoding::Utf8);
    assert_eq!(p.separator, ",");
    let got: Vec<(SubjectKind, &str, &str, f64, chrono::NaiveDate)> = p
        .accepted
        .iter()
        .map(|r| {
            (
                r.subject.kind,
                r.subject.id.as_str(),
                r.metric_id.as_str(),
                r.value,
                r.date,
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            (
                SubjectKind::Step,
                f.verify.as_str(),
                f.csat.as_str(),
                5.0,
                date(2026, 11, 2)
            ),
            (
                SubjectKind::Step,
                f.verify.as_str(),
                f.nps.as_str(),
                9.0,
                date(2026, 11, 3)
            ),
            (
                SubjectKind::Step,
                f.verify.as_str(),
                f.csat.as_str(),
                4.0,
                date(2026, 11, 4)
            ),
            (
                SubjectKind::Handoff,
                f.handoff.as_str(),
                f.csat.as_str(),
                2.0,
                date(2026, 11, 5)
            ),
            (
                SubjectKind::Handoff,
                f.handoff.as_str(),
                f.nps.as_str(),
                0.0,
                date(2026, 11, 6)
            ),
        ]
    );
    assert_eq!(p.accepted[0].respondent.as_deref(), Some("r1"));
    assert_eq!(p.accepted[0].comment.as_deref(), Some("Quick and kind"));
    assert_eq!(p.accepted[1].respondent, None);
    assert_eq!(
        p.accepted[3].comment.as_deref(),
        Some("Had to repeat, twice")
    );
    // The store applies the plan as one edit; it must be valid.
    let before = f.map.ws.responses.len();
    f.map
        .ws
        .apply(&Edit::AddResponses {
            responses: p.accepted.clone(),
        })
        .unwrap();
    assert_eq!(f.map.ws.responses.len(), before + 5);
    // Importing the same file again: every row is a duplicate of an imported response.
    let again = plan(&f, &csv);
    assert!(again.accepted.is_empty());
    assert_eq!(again.rejected.len(), 5);
    assert!(again.rejected.iter().all(|r| matches!(
        r.reason,
        RejectReason::Duplicate {
            existing_response_id: Some(_),
            earlier_line: None
        }
    )));
}

#[test]
fn every_rejection_reason_with_its_line() {
    let f = fixture();
    let v = &f.verify;
    let csv = format!(
        "target,metric,value,date,respondent,comment\n\
         nowhere,CSAT,5,2026-11-02,,\n\
         Lost card / Call / Agent / Asks again,CSAT,5,2026-11-02,,\n\
         {v},Happiness,5,2026-11-02,,\n\
         {v},CSAT,6,2026-11-02,,\n\
         {v},CSAT,4.5,2026-11-02,,\n\
         {v},CSAT,good,2026-11-02,,\n\
         {v},CSAT,5,21/11/2026,,\n\
         {v},CSAT,5,2026-02-30,,\n\
         {v},,5,2026-11-02,,\n\
         {v},CSAT\n\
         {v},CSAT,3,2026-11-02,r9,\"two\n\
         lines\"\n\
         {v},CSAT,3,2026-11-02,r9,\"two\n\
         lines\"\n"
    );
    let p = plan(&f, &csv);
    assert_eq!(p.rows, 12);
    // Only the first of the two identical two-line rows (line 12) is accepted.
    assert_eq!(p.accepted.len(), 1);
    assert_eq!(p.accepted[0].comment.as_deref(), Some("two\nlines"));
    let lines: Vec<u32> = p.rejected.iter().map(|r| r.line).collect();
    assert_eq!(lines, vec![2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 14]);
    let reasons: Vec<&RejectReason> = p.rejected.iter().map(|r| &r.reason).collect();
    assert_eq!(
        reasons[0],
        &RejectReason::UnknownTarget {
            target: "nowhere".into()
        }
    );
    assert!(
        matches!(reasons[1], RejectReason::AmbiguousPath { candidates, .. } if candidates.len() == 2)
    );
    assert_eq!(
        reasons[2],
        &RejectReason::UnknownMetric {
            metric: "Happiness".into()
        }
    );
    assert_eq!(
        reasons[3],
        &RejectReason::OffScale {
            value: 6.0,
            min: 1.0,
            max: 5.0,
            whole_numbers: true
        }
    );
    assert_eq!(
        reasons[4],
        &RejectReason::OffScale {
            value: 4.5,
            min: 1.0,
            max: 5.0,
            whole_numbers: true
        }
    );
    assert_eq!(
        reasons[5],
        &RejectReason::NotANumber {
            value: "good".into()
        }
    );
    assert_eq!(
        reasons[6],
        &RejectReason::BadDate {
            date: "21/11/2026".into()
        }
    );
    assert_eq!(
        reasons[7],
        &RejectReason::BadDate {
            date: "2026-02-30".into()
        }
    );
    assert_eq!(
        reasons[8],
        &RejectReason::MissingValue {
            column: "metric".into()
        }
    );
    assert_eq!(
        reasons[9],
        &RejectReason::MissingValue {
            column: "value".into()
        }
    );
    assert_eq!(
        reasons[10],
        &RejectReason::Duplicate {
            existing_response_id: None,
            earlier_line: Some(12)
        }
    );
    assert!(
        p.rejected[10].message.contains("line 12"),
        "{}",
        p.rejected[10].message
    );
}

#[test]
fn a_missing_header_column_is_a_file_error() {
    let f = fixture();
    let err = plan_import(
        &f.map.ws,
        b"target,value,when\nx,1,2026-01-01\n",
        &ImportOptions::default(),
    )
    .unwrap_err();
    assert_eq!(
        err,
        ImportError::MissingColumns {
            columns: vec!["metric".into(), "date".into()]
        }
    );
    assert!(err.to_string().contains("metric, date"));
}

#[test]
fn latin1_is_read_as_windows_1252() {
    let f = fixture();
    let mut bytes = b"target;metric;value;date;comment\n".to_vec();
    bytes.extend_from_slice(f.verify.as_bytes());
    // "Tr\xe8s bien \x80" is "Très bien €" in Windows-1252 and invalid UTF-8.
    bytes.extend_from_slice(b";CSAT;5;2026-11-02;Tr\xe8s bien \x80\n");
    let p = plan_import(&f.map.ws, &bytes, &ImportOptions::default()).unwrap();
    assert_eq!(p.encoding, SourceEncoding::Windows1252);
    assert_eq!(p.accepted[0].comment.as_deref(), Some("Très bien €"));
}

#[test]
fn empty_and_header_only_files() {
    let f = fixture();
    let options = ImportOptions::default();
    assert_eq!(
        plan_import(&f.map.ws, b"", &options).unwrap_err(),
        ImportError::Empty
    );
    assert_eq!(
        plan_import(&f.map.ws, b"\xef\xbb\xbf \r\n", &options).unwrap_err(),
        ImportError::Empty
    );
    let p = plan_import(&f.map.ws, b"target,metric,value,date\n", &options).unwrap();
    assert_eq!(p.rows, 0);
    assert!(p.accepted.is_empty() && p.rejected.is_empty());
}

#[test]
fn semicolons_decimal_commas_and_a_bom() {
    let mut f = fixture();
    let effort = Metric {
        id: new_id(),
        name: "Minutes on hold".into(),
        kind: MetricKind::Custom,
        scale_min: 0.0,
        scale_max: 60.0,
        direction: Direction::LowerIsBetter,
        position: 3,
    };
    let effort_id = effort.id.clone();
    f.map
        .ws
        .apply(&Edit::CreateMetric { metric: effort })
        .unwrap();
    let csv = format!(
        "\u{feff}Target;Metric;Value;Date;Comment\r\n\
         {v};minutes on hold;12,5;2026-11-02;Long, really long\r\n\
         {v};CES;7;2026-11-02;\r\n",
        v = f.verify
    );
    let p = plan(&f, &csv);
    assert_eq!(p.separator, ";");
    assert!(p.rejected.is_empty(), "{:?}", p.rejected);
    assert_eq!(p.accepted[0].metric_id, effort_id);
    assert_eq!(p.accepted[0].value, 12.5);
    assert_eq!(p.accepted[0].comment.as_deref(), Some("Long, really long"));
    assert_eq!(p.accepted[1].value, 7.0);
}

#[test]
fn limited_to_one_journey() {
    let f = fixture();
    let options = ImportOptions {
        journey_id: Some("missing".into()),
        ..ImportOptions::default()
    };
    assert_eq!(
        plan_import(&f.map.ws, b"target,metric,value,date\n", &options).unwrap_err(),
        ImportError::UnknownJourney {
            journey_id: "missing".into()
        }
    );
    let mut other = MapBuilder::new("Other");
    let st = other.stage("S");
    let lane = other.actor("L", None, None, None);
    let step = other.step(&st, &lane, "T", |_| {});
    let mut ws = f.map.ws.clone();
    for (id, entity) in other.ws.journeys {
        ws.journeys.insert(id, entity);
    }
    for (id, entity) in other.ws.stages {
        ws.stages.insert(id, entity);
    }
    for (id, entity) in other.ws.lanes {
        ws.lanes.insert(id, entity);
    }
    for (id, entity) in other.ws.steps {
        ws.steps.insert(id, entity);
    }
    let options = ImportOptions {
        journey_id: Some(f.map.journey.clone()),
        ..ImportOptions::default()
    };
    let csv = format!(
        "target,metric,value,date\n{step},CSAT,5,2026-01-01\n{},CSAT,5,2026-01-01\n",
        f.verify
    );
    let p = plan_import(&ws, csv.as_bytes(), &options).unwrap();
    assert_eq!(p.accepted.len(), 1);
    assert_eq!(
        p.rejected[0].reason,
        RejectReason::TargetOutsideJourney { target: step }
    );
}

/// A 50 MB file, built in memory, plans every row.
#[test]
fn a_fifty_megabyte_file() {
    let f = fixture();
    let comment = "x".repeat(150);
    let mut csv = String::from("target,metric,value,date,respondent,comment\n");
    let mut rows = 0u32;
    while csv.len() < 50 * 1024 * 1024 {
        let day = rows % 28 + 1;
        let value = rows % 5 + 1;
        csv.push_str(&format!(
            "{},CSAT,{value},2026-11-{day:02},r{rows},{comment}\n",
            f.verify
        ));
        rows += 1;
    }
    let p = plan(&f, &csv);
    assert_eq!(p.rows, rows);
    assert_eq!(p.accepted.len() as u32, rows);
    assert!(p.rejected.is_empty());
    assert_eq!(
        p.accepted.last().unwrap().respondent.as_deref(),
        Some(format!("r{}", rows - 1).as_str())
    );
}

/// Blank lines count: a rejected row names the line it is on in the file, whatever the line
/// endings (the csv reader's own count skips empty lines).
#[test]
fn rejected_lines_count_blank_lines_and_every_line_ending() {
    let ws = baton_core::Workspace::new_file("x");
    for end in ["\n", "\r\n", "\r"] {
        let csv = [
            "target,metric,value,date",
            "",
            "nowhere,CSAT,3,2026-11-01",
            "",
            "",
            "nowhere2,CSAT,3,2026-11-01",
            "",
        ]
        .join(end);
        let plan =
            baton_interop::survey::plan_import(&ws, csv.as_bytes(), &Default::default()).unwrap();
        let lines: Vec<u32> = plan.rejected.iter().map(|r| r.line).collect();
        assert_eq!(lines, [3, 6], "line ending {end:?}");
    }
}

/// Texts the store would refuse are refused here, on their line, so that the accepted rows
/// always apply (and `--skip-invalid` can import them).
#[test]
fn over_long_respondent_and_comment_are_rejected_on_their_line() {
    let f = fixture();
    let v = &f.verify;
    let respondent = "r".repeat(apply::MAX_NAME_CHARS + 1);
    let comment = "c".repeat(apply::MAX_LONG_TEXT_CHARS + 1);
    let fits = "r".repeat(apply::MAX_NAME_CHARS);
    let csv = format!(
        "target,metric,value,date,respondent,comment\n\
         {v},CSAT,5,2026-11-02,{respondent},\n\
         {v},CSAT,4,2026-11-02,,{comment}\n\
         {v},CSAT,3,2026-11-02,{fits},\n"
    );
    let p = plan(&f, &csv);
    let reasons: Vec<(u32, &RejectReason)> =
        p.rejected.iter().map(|r| (r.line, &r.reason)).collect();
    assert_eq!(
        reasons,
        vec![
            (
                2,
                &RejectReason::TooLong {
                    column: "respondent".into(),
                    max: apply::MAX_NAME_CHARS as u32
                }
            ),
            (
                3,
                &RejectReason::TooLong {
                    column: "comment".into(),
                    max: apply::MAX_LONG_TEXT_CHARS as u32
                }
            ),
        ]
    );
    assert_eq!(p.accepted.len(), 1);
    let mut ws = f.map.ws.clone();
    ws.apply(&Edit::AddResponses {
        responses: p.accepted,
    })
    .expect("every accepted row applies");
}

/// A date may carry a whole, valid time; anything else after it is a bad date.
#[test]
fn dates_with_times_are_read_and_trailing_garbage_is_refused() {
    let f = fixture();
    let v = &f.verify;
    let good = [
        "2026-10-01",
        "2026/10/01",
        "2026-10-01T09:30",
        "2026-10-01 09:30:15",
        "2026-10-01T09:30:15.250",
        "2026-10-01T23:30:00-05:00",
        "2026-10-01T09:30:00Z",
    ];
    let bad = [
        "2026-10-01 garbage",
        "2026-10-01T25:00",
        "2026-10-01T",
        "2026-10-01x",
        "01/10/2026",
    ];
    let mut csv = String::from("target,metric,value,date,respondent\n");
    for (i, date) in good.iter().chain(bad.iter()).enumerate() {
        csv.push_str(&format!("{v},CSAT,5,{date},r{i}\n"));
    }
    let p = plan(&f, &csv);
    assert_eq!(p.accepted.len(), good.len(), "{:?}", p.rejected);
    let day = chrono::NaiveDate::from_ymd_opt(2026, 10, 1).unwrap();
    assert!(p.accepted.iter().all(|r| r.date == day));
    let refused: Vec<&RejectReason> = p.rejected.iter().map(|r| &r.reason).collect();
    let expected: Vec<RejectReason> = bad
        .iter()
        .map(|d| RejectReason::BadDate {
            date: (*d).to_owned(),
        })
        .collect();
    assert_eq!(refused, expected.iter().collect::<Vec<_>>());
}

/// A quote opened on line 3 and never closed would swallow every later row into one comment:
/// the file is refused, naming line 3, whichever separator and line ending.
#[test]
fn an_unterminated_quote_is_refused_with_the_line_it_opened_on() {
    let f = fixture();
    for (separator, ending) in [(",", "\n"), (";", "\r\n"), (",", "\r")] {
        let mut csv = format!(
            "target{separator}metric{separator}value{separator}date{separator}comment{ending}"
        );
        for row in 2..=10 {
            let comment = if row == 3 { "\"Never closed" } else { "fine" };
            csv.push_str(&format!(
                "{}{separator}CSAT{separator}4{separator}2026-11-{row:02}{separator}{comment}{ending}",
                f.verify
            ));
        }
        let err = plan_import(&f.map.ws, csv.as_bytes(), &ImportOptions::default()).unwrap_err();
        assert_eq!(
            err,
            ImportError::UnterminatedQuote { line: 3 },
            "{separator:?} {ending:?}"
        );
        assert_eq!(err.line(), Some(3));
        assert!(err.to_string().contains("line 3"), "{err}");
    }
}

/// Quotes the reader reads as closed, or as plain characters, are not mistaken for an open one:
/// a doubled quote inside a quoted value, a quoted value across lines, a quote inside an
/// unquoted value.
#[test]
fn closed_and_literal_quotes_are_not_unterminated() {
    let f = fixture();
    let csv = format!(
        "target,metric,value,date,comment\n\
         {v},CSAT,4,2026-11-01,\"She said \"\"no\"\"\"\n\
         {v},CSAT,4,2026-11-02,\"two\nlines\"\n\
         {v},CSAT,4,2026-11-03,6\" screen\n\
         {v},CSAT,4,2026-11-04,\"\"\n",
        v = f.verify
    );
    let p = plan(&f, &csv);
    assert!(p.rejected.is_empty(), "{:?}", p.rejected);
    let comments: Vec<_> = p.accepted.iter().map(|r| r.comment.clone()).collect();
    assert_eq!(
        comments,
        [
            Some("She said \"no\"".to_owned()),
            Some("two\nlines".to_owned()),
            Some("6\" screen".to_owned()),
            None
        ]
    );
}

/// A rejected row's message quotes its value cut to 200 characters (the reason holds it whole).
#[test]
fn a_long_value_is_cut_in_the_message_but_whole_in_the_reason() {
    let f = fixture();
    let target = "t".repeat(5000);
    let p = plan(
        &f,
        &format!("target,metric,value,date\n{target},CSAT,4,2026-11-01\n"),
    );
    assert_eq!(
        p.rejected[0].reason,
        RejectReason::UnknownTarget {
            target: target.clone()
        }
    );
    let message = &p.rejected[0].message;
    assert!(
        message.chars().count() < 260,
        "{} characters",
        message.len()
    );
    assert!(
        message.contains(&format!("“{}…”", "t".repeat(200))),
        "{message}"
    );
}

/// UTF-16 text as a survey tool or Excel's "Unicode text" writes it: the byte-order mark, then
/// each UTF-16 unit in the given byte order.
fn utf16(text: &str, little_endian: bool) -> Vec<u8> {
    let mut bytes = if little_endian {
        vec![0xff, 0xfe]
    } else {
        vec![0xfe, 0xff]
    };
    for unit in text.encode_utf16() {
        bytes.extend(if little_endian {
            unit.to_le_bytes()
        } else {
            unit.to_be_bytes()
        });
    }
    bytes
}

#[test]
fn utf16_by_its_byte_order_mark_tab_separated_with_a_multi_line_comment() {
    let f = fixture();
    let text = format!(
        "Target\tMetric\tValue\tDate\tComment\r\n\
         {v}\tCSAT\t4\t2026-11-02\t\"Waited, then\r\nhung up\"\r\n\
         Lost card / Call / Agent / Verifies identity\tNPS\t9\t2026-11-03\tÉté ✓ 😀\r\n\
         {v}\tCSAT\tfour\t2026-11-04\t\r\n",
        v = f.verify
    );
    for (little_endian, encoding) in [
        (true, SourceEncoding::Utf16Le),
        (false, SourceEncoding::Utf16Be),
    ] {
        let bytes = utf16(&text, little_endian);
        assert!(bytes.contains(&0), "UTF-16 of ASCII holds NUL bytes");
        let p = plan_import(&f.map.ws, &bytes, &ImportOptions::default()).unwrap();
        assert_eq!((p.encoding, p.separator.as_str()), (encoding, "\t"));
        assert_eq!(p.rows, 3);
        assert_eq!(p.accepted.len(), 2, "{:?}", p.rejected);
        assert_eq!(
            p.accepted[0].comment.as_deref(),
            Some("Waited, then\r\nhung up")
        );
        assert_eq!(
            (p.accepted[1].metric_id.as_str(), p.accepted[1].value),
            (f.nps.as_str(), 9.0)
        );
        assert_eq!(p.accepted[1].comment.as_deref(), Some("Été ✓ 😀"));
        // The multi-line comment counts its two lines: the bad row is on line 5.
        assert_eq!(p.rejected.len(), 1);
        assert_eq!(p.rejected[0].line, 5);
        assert!(matches!(
            p.rejected[0].reason,
            RejectReason::NotANumber { .. }
        ));
    }
}

#[test]
fn a_tab_separated_value_may_use_a_decimal_comma() {
    let mut f = fixture();
    let hold = Metric {
        id: new_id(),
        name: "Minutes on hold".into(),
        kind: MetricKind::Custom,
        scale_min: 0.0,
        scale_max: 60.0,
        direction: Direction::LowerIsBetter,
        position: 3,
    };
    f.map
        .ws
        .apply(&Edit::CreateMetric { metric: hold })
        .unwrap();
    let csv = format!(
        "target\tmetric\tvalue\tdate\n{v}\tMinutes on hold\t12,5\t2026-11-02\n",
        v = f.verify
    );
    let p = plan(&f, &csv);
    assert_eq!(p.separator, "\t");
    assert_eq!(p.accepted.len(), 1, "{:?}", p.rejected);
    assert_eq!(p.accepted[0].value, 12.5);
}

#[test]
fn broken_utf16_is_read_with_replacement_characters_never_a_panic() {
    let f = fixture();
    let mut bytes = utf16(
        &format!(
            "target,metric,value,date,comment\n{},CSAT,3,2026-11-02,A",
            f.verify
        ),
        true,
    );
    // An unpaired high surrogate inside the comment, then an odd trailing byte.
    bytes.extend([0x3d, 0xd8, b'B', 0x00, 0x0a]);
    let p = plan_import(&f.map.ws, &bytes, &ImportOptions::default()).unwrap();
    assert_eq!(p.encoding, SourceEncoding::Utf16Le);
    assert_eq!(p.accepted.len(), 1, "{:?}", p.rejected);
    let comment = p.accepted[0].comment.as_deref().unwrap_or_default();
    assert!(comment.starts_with("A\u{fffd}B"), "{comment:?}");
    // A BOM alone is an empty file.
    assert_eq!(
        plan_import(&f.map.ws, &[0xff, 0xfe], &ImportOptions::default()).unwrap_err(),
        ImportError::Empty
    );
}
