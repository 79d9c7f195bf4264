//! `baton import-responses`: survey CSVs into real files. All or nothing unless
//! `--skip-invalid`; every rejection leaves the file byte for byte as it was; an import is one
//! undo step; Windows-1252 files read correctly.

use baton_core::scores::{latest_score, Granularity, ScoreOrigin};
use baton_core::{
    Direction, Edit, Id, Metric, MetricKind, Subject, SubjectKind, SurveyResponse, Workspace,
};
use baton_tests::Outcome;
use serde_json::Value;

const CALLS_PATH: &str = "Report a lost card / Call / Maya / Calls the lost-card line";
const TO_FRAUD_PATH: &str = "Report a lost card / Blocks the card and orders a replacement -> \
                             Fraud team verifies identity a third time";
const HEADER: &str = "target,metric,value,date,respondent,comment\n";

use baton_tests::{bank, Sandbox};

/// Applies `make(workspace)` to a file in the sandbox through the store, as the app would.
fn edit(sandbox: &Sandbox, file: &str, make: impl FnOnce(&Workspace) -> Edit) {
    sandbox.with_document(file, |document| {
        let change = make(document.workspace());
        document.apply(change).unwrap();
    });
}

fn step_id(ws: &Workspace, title: &str) -> Id {
    let ids: Vec<&Id> = ws
        .steps
        .values()
        .filter(|step| step.title == title)
        .map(|step| &step.id)
        .collect();
    assert_eq!(ids.len(), 1, "one step titled {title}");
    ids[0].clone()
}

fn metric_id(ws: &Workspace, name: &str) -> Id {
    ws.metrics
        .values()
        .find(|m| m.name == name)
        .map(|m| m.id.clone())
        .unwrap_or_else(|| panic!("metric {name}"))
}

fn step(id: &str) -> Subject {
    Subject {
        kind: SubjectKind::Step,
        id: id.to_owned(),
    }
}

/// The responses of `ws` that are not in `before`, sorted by date then value.
fn added(before: &Workspace, after: &Workspace) -> Vec<SurveyResponse> {
    let mut added: Vec<SurveyResponse> = after
        .responses
        .values()
        .filter(|r| !before.responses.contains_key(&r.id))
        .cloned()
        .collect();
    added.sort_by(|a, b| a.date.cmp(&b.date).then(a.value.total_cmp(&b.value)));
    added
}

fn history_len(sandbox: &Sandbox, file: &str) -> usize {
    let history = sandbox.run(&["history", file, "--json"]).ok().json();
    history.as_array().unwrap().len()
}

/// Asserts a refused import: exit 1, nothing on stdout, the rejected rows then one `error:`
/// line on stderr. Returns the rejected-row lines.
#[track_caller]
fn refused(run: &Outcome) -> Vec<String> {
    assert_eq!(run.code, Some(1), "{run:#?}");
    let lines: Vec<&str> = run.stderr.lines().collect();
    let (last, rows) = lines.split_last().expect("stderr has lines");
    assert!(
        last.starts_with("error: ") && last.contains("nothing imported"),
        "{run:#?}"
    );
    assert!(rows.iter().all(|l| !l.starts_with("error")), "{run:#?}");
    rows.iter().map(|l| (*l).to_owned()).collect()
}

#[test]
fn a_valid_survey_is_imported_with_every_column_and_scores_follow() {
    let sandbox = bank();
    let before = sandbox.workspace("bank.baton");
    let to_cards = before
        .handoffs
        .values()
        .find(|h| h.to_step_id == step_id(&before, "Cards team verifies identity again"))
        .unwrap()
        .id
        .clone();
    // Headers in any case; a step by path (any case and spacing), a handoff by id and by path;
    // a quoted comment over two lines; the three date forms.
    let csv = format!(
        "Target,METRIC,Value,Date,Respondent,Comment\n\
         {CALLS_PATH},CSAT,5,2026-10-01,R1,\"Quick, friendly\"\n\
         report a lost card/call/MAYA/calls the lost-card line,csat,4,2026-10-12,R2,\n\
         {CALLS_PATH},CSAT,2,2026-10-20,R3,\"Too long\non hold\"\n\
         {CALLS_PATH},CSAT,1,2026-10-31T18:00:00Z,,\n\
         {to_cards},CES,6,2026/10/05,R1,\n\
         {TO_FRAUD_PATH},NPS,10,2026-10-06,R4,Fine in the end\n"
    );
    sandbox.write("survey.csv", csv.as_bytes());
    let text = sandbox
        .run(&["import-responses", "bank.baton", "survey.csv"])
        .ok()
        .stdout
        .clone();
    assert!(
        text.starts_with(
            "Imported 6 survey responses from survey.csv into bank.baton as one edit (#2"
        ),
        "{text}"
    );
    for row in [
        "rows read  6",
        "imported   6",
        "rejected   0",
        "encoding   UTF-8",
        "separator  “,”",
    ] {
        assert!(text.contains(row), "{row} in {text}");
    }

    let after = sandbox.workspace("bank.baton");
    let calls = step_id(&after, "Calls the lost-card line");
    let csat = metric_id(&after, "CSAT");
    let new = added(&before, &after);
    assert_eq!(new.len(), 6);
    assert_eq!(new[0].subject, step(&calls));
    assert_eq!(new[0].metric_id, csat);
    assert_eq!(
        (new[0].value, new[0].date.to_string()),
        (5.0, "2026-10-01".into())
    );
    assert_eq!(new[0].respondent.as_deref(), Some("R1"));
    assert_eq!(new[0].comment.as_deref(), Some("Quick, friendly"));
    let ces = new.iter().find(|r| r.value == 6.0).unwrap();
    assert_eq!(ces.subject.kind, SubjectKind::Handoff);
    assert_eq!(ces.subject.id, to_cards);
    assert_eq!(ces.metric_id, metric_id(&after, "CES"));
    assert_eq!(ces.date.to_string(), "2026-10-05");
    let nps = new.iter().find(|r| r.value == 10.0).unwrap();
    assert_eq!(nps.subject.kind, SubjectKind::Handoff);
    assert_eq!(
        after.handoffs[&nps.subject.id].from_step_id,
        step_id(&after, "Blocks the card and orders a replacement")
    );
    let on_hold = new
        .iter()
        .find(|r| r.respondent.as_deref() == Some("R3"))
        .unwrap();
    assert_eq!(on_hold.comment.as_deref(), Some("Too long\non hold"));
    let last = new.iter().find(|r| r.value == 1.0).unwrap();
    assert_eq!(last.date.to_string(), "2026-10-31");
    assert_eq!(
        (last.respondent.as_ref(), last.comment.as_ref()),
        (None, None)
    );

    // The call had no score; October's CSAT is now 2 of 4 answers at 4 or 5: 50.
    let score = latest_score(&after, &step(&calls), &csat, Granularity::Month).unwrap();
    assert_eq!(score.value, 50.0);
    assert_eq!(score.sample_size, 4);
    assert_eq!(score.period.start.to_string(), "2026-10-01");
    assert_eq!(score.origin, ScoreOrigin::Responses);

    // So the analysis no longer asks to measure that touchpoint.
    let report = sandbox
        .run(&["analyze", "bank.baton", "--json"])
        .ok()
        .json();
    let suggestions = report["journeys"][0]["analysis"]["suggestions"]
        .as_array()
        .unwrap();
    let key = format!("measure_touchpoint:{calls}");
    assert!(suggestions.iter().all(|s| s["key"] != key.as_str()));
    assert!(suggestions
        .iter()
        .any(|s| s["rule"] == "measure_touchpoint"));
}

#[test]
fn semicolons_a_bom_header_aliases_and_decimal_commas_are_read() {
    let sandbox = bank();
    edit(&sandbox, "bank.baton", |ws| Edit::CreateMetric {
        metric: Metric {
            id: baton_core::new_id(),
            name: "Effort index".into(),
            kind: MetricKind::Custom,
            scale_min: 0.0,
            scale_max: 10.0,
            direction: Direction::LowerIsBetter,
            position: ws.metrics.len() as u32,
        },
    });
    let before = sandbox.workspace("bank.baton");
    let csv = format!(
        "\u{feff}Subject ; Metric-Name;Score;Response Date;Respondent ID;Verbatim\r\n\
         {CALLS_PATH};Effort index;7,5;2026-09-30;R9;\"A; B\"\r\n\
         {CALLS_PATH};custom;2;2026-09-30;R9;\r\n"
    );
    sandbox.write("survey.csv", csv.as_bytes());
    let report = sandbox
        .run(&["import-responses", "bank.baton", "survey.csv", "--json"])
        .ok()
        .json();
    assert_eq!(report["separator"], ";");
    assert_eq!(report["encoding"], "utf8");
    assert_eq!(report["rows"], 2);
    assert_eq!(report["imported"], 2);
    assert_eq!(report["rejected"], serde_json::json!([]));
    assert_eq!(report["history_seq"], 3);
    assert_eq!(report["file"], "bank.baton");
    assert_eq!(report["survey"], "survey.csv");
    assert_eq!(report["journey"], Value::Null);

    let after = sandbox.workspace("bank.baton");
    let new = added(&before, &after);
    let effort = metric_id(&after, "Effort index");
    assert_eq!(new.len(), 2);
    assert!(new
        .iter()
        .all(|r| r.metric_id == effort && r.respondent.as_deref() == Some("R9")));
    assert_eq!(new[1].value, 7.5);
    assert_eq!(new[1].comment.as_deref(), Some("A; B"));
}

/// One bad row, and the reason it must be refused with.
struct Case {
    row: String,
    kind: &'static str,
    says: &'static str,
}

fn case(row: impl Into<String>, kind: &'static str, says: &'static str) -> Case {
    Case {
        row: row.into(),
        kind,
        says,
    }
}

#[test]
fn every_rejection_reason_refuses_the_whole_file_and_changes_nothing() {
    let sandbox = bank();
    // Two custom metrics, so the kind "custom" names both.
    for name in ["Ease A", "Ease B"] {
        edit(&sandbox, "bank.baton", |ws| Edit::CreateMetric {
            metric: Metric {
                id: baton_core::new_id(),
                name: name.into(),
                kind: MetricKind::Custom,
                scale_min: 1.0,
                scale_max: 5.0,
                direction: Direction::HigherIsBetter,
                position: ws.metrics.len() as u32,
            },
        });
    }
    let good = format!("{CALLS_PATH},CSAT,4,2026-10-01,R1,ok");
    let cases = [
        case(
            format!("{CALLS_PATH},CSAT,,2026-10-01,,"),
            "missing_value",
            "the value is missing",
        ),
        case(
            ",CSAT,3,2026-10-01,,",
            "missing_value",
            "the target is missing",
        ),
        case(
            format!("{CALLS_PATH},CSAT,3"),
            "missing_value",
            "the date is missing",
        ),
        case(
            "Report a lost card / Call / Maya / No such card,CSAT,3,2026-10-01,,",
            "unknown_target",
            "no step or handoff matches",
        ),
        case(
            "0190aaaa-0000-7000-8000-000000000000,CSAT,3,2026-10-01,,",
            "unknown_target",
            "no step or handoff",
        ),
        case(
            format!("{CALLS_PATH},Happiness,3,2026-10-01,,"),
            "unknown_metric",
            "no metric is called “Happiness”",
        ),
        case(
            format!("{CALLS_PATH},custom,3,2026-10-01,,"),
            "ambiguous_metric",
            "names 2 metrics",
        ),
        case(
            format!("{CALLS_PATH},CSAT,three,2026-10-01,,"),
            "not_a_number",
            "“three” is not a number",
        ),
        case(
            format!("{CALLS_PATH},CSAT,6,2026-10-01,,"),
            "off_scale",
            "off the metric's scale (1 to 5, whole numbers)",
        ),
        case(
            format!("{CALLS_PATH},CSAT,4.5,2026-10-01,,"),
            "off_scale",
            "whole numbers",
        ),
        case(
            format!("{CALLS_PATH},NPS,-1,2026-10-01,,"),
            "off_scale",
            "(0 to 10",
        ),
        case(
            format!("{CALLS_PATH},CSAT,3,01/10/2026,,"),
            "bad_date",
            "“01/10/2026” is not yyyy-mm-dd",
        ),
        case(
            format!("{CALLS_PATH},CSAT,3,2026-02-30,,"),
            "bad_date",
            "2026-02-30",
        ),
    ];
    let before = sandbox.read("bank.baton");
    for Case { row, kind, says } in &cases {
        // The bad row on line 3, after a good one: the good one is not imported either.
        sandbox.write("survey.csv", format!("{HEADER}{good}\n{row}\n").as_bytes());
        let run = sandbox.run(&["import-responses", "bank.baton", "survey.csv"]);
        let rows = refused(&run);
        assert_eq!(rows.len(), 1, "{row}: {run:#?}");
        assert!(
            rows[0].starts_with(&format!("survey.csv:3: {kind}: ")),
            "{row}: {}",
            rows[0]
        );
        assert!(rows[0].contains(says), "{row}: {}", rows[0]);
        assert_eq!(run.stdout, "", "{row}");
        let last = run.stderr.lines().last().unwrap();
        assert!(
            last.contains("1 of 2 rows rejected") && last.contains("--skip-invalid"),
            "{last}"
        );
        assert_eq!(
            sandbox.read("bank.baton"),
            before,
            "{row}: the file changed"
        );
    }

    // A row repeated in the file: the second is the duplicate, naming the first's line.
    sandbox.write("survey.csv", format!("{HEADER}{good}\n{good}\n").as_bytes());
    let rows = refused(&sandbox.run(&["import-responses", "bank.baton", "survey.csv"]));
    assert_eq!(
        rows,
        ["survey.csv:3: duplicate: the same response is on line 2"]
    );
    assert_eq!(sandbox.read("bank.baton"), before);
}

#[test]
fn targets_are_limited_to_the_journey_given_and_ambiguous_paths_refused() {
    let sandbox = Sandbox::new();
    sandbox.run(&["demo", "demo.baton"]).ok();
    let before = sandbox.read("demo.baton");
    sandbox.write(
        "survey.csv",
        format!("{HEADER}{CALLS_PATH},CSAT,4,2026-10-01,,\n").as_bytes(),
    );
    let run = sandbox.run(&[
        "import-responses",
        "demo.baton",
        "survey.csv",
        "--journey",
        "get an invoice paid",
    ]);
    let rows = refused(&run);
    assert_eq!(rows.len(), 1);
    assert!(
        rows[0].starts_with("survey.csv:2: target_outside_journey: "),
        "{}",
        rows[0]
    );
    assert_eq!(sandbox.read("demo.baton"), before);
    // The same row is fine for its own journey, chosen by name.
    sandbox
        .run(&[
            "import-responses",
            "demo.baton",
            "survey.csv",
            "--journey",
            "Report a lost card",
        ])
        .ok();

    // An unknown journey is one clear line.
    let before = sandbox.read("demo.baton");
    let line = sandbox
        .run(&[
            "import-responses",
            "demo.baton",
            "survey.csv",
            "--journey",
            "Nope",
        ])
        .error_line()
        .to_owned();
    assert!(
        line.contains("no journey is called \"Nope\"") && line.contains("Get an invoice paid"),
        "{line}"
    );
    assert_eq!(sandbox.read("demo.baton"), before);

    // A second copy of the bank journey: its paths now name two steps each.
    edit(&sandbox, "demo.baton", |ws| {
        baton_core::templates::template_edit("bank_lost_card", ws).unwrap()
    });
    let before = sandbox.read("demo.baton");
    sandbox.write(
        "survey.csv",
        format!("{HEADER}{CALLS_PATH},CSAT,3,2026-10-02,,\n").as_bytes(),
    );
    let run = sandbox.run(&["import-responses", "demo.baton", "survey.csv", "--json"]);
    let rows = refused(&run);
    assert!(
        rows[0].starts_with("survey.csv:2: ambiguous_path: ")
            && rows[0].contains("matches 2 steps"),
        "{}",
        rows[0]
    );
    // With --json the refusal is also data on stdout.
    let report = run.json();
    assert_eq!(report["imported"], 0);
    assert_eq!(report["history_seq"], Value::Null);
    let reason = &report["rejected"][0]["reason"];
    assert_eq!(reason["kind"], "ambiguous_path");
    assert_eq!(reason["candidates"].as_array().unwrap().len(), 2);
    assert_eq!(report["rejected"][0]["line"], 2);
    assert_eq!(sandbox.read("demo.baton"), before);
}

#[test]
fn skip_invalid_imports_only_the_valid_rows_and_lists_the_others() {
    let sandbox = bank();
    let before = sandbox.workspace("bank.baton");
    // The multi-line comment on line 3-4 moves the rows after it one line down.
    let csv = format!(
        "{HEADER}\
         {CALLS_PATH},CSAT,5,2026-10-01,R1,\n\
         {CALLS_PATH},CSAT,9,2026-10-01,R2,\"two\nlines\"\n\
         {CALLS_PATH},CSAT,3,2026-10-02,R3,\n\
         {CALLS_PATH},Mood,3,2026-10-02,R4,\n\
         ,,,,,\n\
         {CALLS_PATH},CSAT,3,2026-10-02,R3,\n"
    );
    sandbox.write("survey.csv", csv.as_bytes());
    let run = sandbox.run(&[
        "import-responses",
        "bank.baton",
        "survey.csv",
        "--skip-invalid",
    ]);
    let text = run.ok().stdout.clone();
    assert!(text.starts_with("Imported 2 survey responses"), "{text}");
    assert!(
        text.contains("rows read  5") && text.contains("imported   2"),
        "{text}"
    );
    assert!(text.contains("rejected   3 (skipped"), "{text}");
    let listed: Vec<&str> = text
        .lines()
        .skip_while(|l| *l != "Rejected rows:")
        .skip(1)
        .collect();
    assert_eq!(listed.len(), 3, "{text}");
    assert!(listed[0].starts_with("survey.csv:3: off_scale: "), "{text}");
    assert!(
        listed[1].starts_with("survey.csv:6: unknown_metric: "),
        "{text}"
    );
    assert_eq!(
        listed[2],
        "survey.csv:8: duplicate: the same response is on line 5"
    );

    let after = sandbox.workspace("bank.baton");
    let new = added(&before, &after);
    let respondents: Vec<Option<&str>> = new.iter().map(|r| r.respondent.as_deref()).collect();
    assert_eq!(respondents, [Some("R1"), Some("R3")]);
    assert_eq!(history_len(&sandbox, "bank.baton"), 2);
}

#[test]
fn importing_the_same_survey_twice_is_refused_as_duplicates() {
    let sandbox = bank();
    let csv = format!(
        "{HEADER}{CALLS_PATH},CSAT,5,2026-10-01,R1,Great\n{CALLS_PATH},CSAT,2,2026-10-01,R2,\n"
    );
    sandbox.write("survey.csv", csv.as_bytes());
    sandbox
        .run(&["import-responses", "bank.baton", "survey.csv"])
        .ok();
    let ws = sandbox.workspace("bank.baton");
    let before = sandbox.read("bank.baton");

    let run = sandbox.run(&["import-responses", "bank.baton", "survey.csv", "--json"]);
    let rows = refused(&run);
    assert_eq!(
        rows,
        [
            "survey.csv:2: duplicate: the same response was already imported",
            "survey.csv:3: duplicate: the same response was already imported"
        ]
    );
    for rejected in run.json()["rejected"].as_array().unwrap() {
        let existing = rejected["reason"]["existing_response_id"].as_str().unwrap();
        assert!(ws.responses.contains_key(existing), "{rejected}");
    }
    assert_eq!(sandbox.read("bank.baton"), before);

    // With --skip-invalid there is nothing left to import: said, exit 0, nothing changed.
    let text = sandbox
        .run(&[
            "import-responses",
            "bank.baton",
            "survey.csv",
            "--skip-invalid",
        ])
        .ok()
        .stdout
        .clone();
    assert!(
        text.starts_with("Every row of survey.csv was rejected: nothing imported"),
        "{text}"
    );
    assert_eq!(sandbox.read("bank.baton"), before);
}

#[test]
fn one_undo_removes_the_whole_import_and_redo_brings_it_back() {
    let sandbox = bank();
    let before = sandbox.workspace("bank.baton");
    let rows: String = (1..=5)
        .map(|day| format!("{CALLS_PATH},CSAT,{day},2026-10-0{day},R{day},\n"))
        .collect();
    sandbox.write("survey.csv", format!("{HEADER}{rows}").as_bytes());
    sandbox
        .run(&["import-responses", "bank.baton", "survey.csv"])
        .ok();
    assert_eq!(added(&before, &sandbox.workspace("bank.baton")).len(), 5);
    let history = sandbox
        .run(&["history", "bank.baton", "--json"])
        .ok()
        .json();
    let entries = history.as_array().unwrap();
    assert_eq!(entries.len(), 2, "one history entry for the import");
    assert_eq!(
        entries[1]["label"],
        "Import 5 survey responses from survey.csv"
    );

    let said = sandbox.run(&["undo", "bank.baton"]).ok().stdout.clone();
    assert!(
        said.contains("Undid #2 \"Import 5 survey responses"),
        "{said}"
    );
    let undone = sandbox.workspace("bank.baton");
    assert_eq!(undone.responses, before.responses);
    assert_eq!(
        undone.journeys, before.journeys,
        "only the import was undone"
    );

    sandbox.run(&["redo", "bank.baton"]).ok();
    assert_eq!(added(&before, &sandbox.workspace("bank.baton")).len(), 5);
}

/// `text` in Windows-1252 (only the characters this test uses beyond ASCII).
fn windows_1252(text: &str) -> Vec<u8> {
    text.chars()
        .map(|c| match c {
            '€' => 0x80,
            '–' => 0x96,
            'è' => 0xE8,
            'é' => 0xE9,
            'ç' => 0xE7,
            'ë' => 0xEB,
            c if c.is_ascii() => c as u8,
            c => panic!("{c} is not in this test's table"),
        })
        .collect()
}

#[test]
fn a_windows_1252_file_with_accented_comments_reads_correctly() {
    let sandbox = bank();
    let before = sandbox.workspace("bank.baton");
    let csv = format!(
        "target;metric;value;date;respondent;comment\r\n\
         {CALLS_PATH};CSAT;2;2026-10-03;Zoë;Très déçu – 86,40 € perdus\r\n"
    );
    let bytes = windows_1252(&csv);
    assert!(
        std::str::from_utf8(&bytes).is_err(),
        "the file is not UTF-8"
    );
    sandbox.write("survey.csv", &bytes);
    let text = sandbox
        .run(&["import-responses", "bank.baton", "survey.csv"])
        .ok()
        .stdout
        .clone();
    assert!(text.contains("encoding   Windows-1252"), "{text}");
    assert!(text.contains("separator  “;”"), "{text}");
    let new = added(&before, &sandbox.workspace("bank.baton"));
    assert_eq!(new.len(), 1);
    assert_eq!(new[0].respondent.as_deref(), Some("Zoë"));
    assert_eq!(
        new[0].comment.as_deref(),
        Some("Très déçu – 86,40 € perdus")
    );
}

#[test]
fn an_empty_file_is_an_error_and_a_header_alone_imports_nothing() {
    let sandbox = bank();
    let before = sandbox.read("bank.baton");
    for empty in [&b""[..], b"\xEF\xBB\xBF", b"\n  \r\n"] {
        sandbox.write("empty.csv", empty);
        let line = sandbox
            .run(&["import-responses", "bank.baton", "empty.csv"])
            .error_line()
            .to_owned();
        assert_eq!(
            line,
            "error: empty.csv: the file is empty; nothing imported"
        );
    }
    sandbox.write("header.csv", b"\xEF\xBB\xBFTarget;Metric;Value;Date\r\n");
    let text = sandbox
        .run(&["import-responses", "bank.baton", "header.csv"])
        .ok()
        .stdout
        .clone();
    assert!(
        text.starts_with("header.csv has no data rows: nothing imported into bank.baton"),
        "{text}"
    );
    assert!(text.contains("rows read  0"), "{text}");
    let report = sandbox
        .run(&["import-responses", "bank.baton", "header.csv", "--json"])
        .ok()
        .json();
    assert_eq!(
        (report["rows"].as_u64(), report["imported"].as_u64()),
        (Some(0), Some(0))
    );
    assert_eq!(sandbox.read("bank.baton"), before);
    assert_eq!(history_len(&sandbox, "bank.baton"), 1);
}

#[test]
fn an_unreadable_survey_or_a_bad_header_is_one_clear_line() {
    let sandbox = bank();
    let before = sandbox.read("bank.baton");
    let line = sandbox
        .run(&["import-responses", "bank.baton", "missing.csv"])
        .error_line()
        .to_owned();
    assert!(
        line.starts_with("error: cannot read missing.csv: "),
        "{line}"
    );
    std::fs::create_dir(sandbox.path("folder.csv")).unwrap();
    let line = sandbox
        .run(&["import-responses", "bank.baton", "folder.csv"])
        .error_line()
        .to_owned();
    assert!(line.contains("folder.csv"), "{line}");

    sandbox.write("bad.csv", b"target,metric,score\nx,CSAT,3\n");
    let line = sandbox
        .run(&["import-responses", "bank.baton", "bad.csv"])
        .error_line()
        .to_owned();
    assert_eq!(
        line,
        "error: bad.csv: the header (line 1) lacks the required column(s): date; nothing imported"
    );
    assert_eq!(sandbox.read("bank.baton"), before);

    // The client file itself missing: the survey is fine, the error names the file.
    sandbox.write(
        "ok.csv",
        format!("{HEADER}{CALLS_PATH},CSAT,4,2026-10-01,,\n").as_bytes(),
    );
    let line = sandbox
        .run(&["import-responses", "nope.baton", "ok.csv"])
        .error_line()
        .to_owned();
    assert!(line.contains("nope.baton"), "{line}");
    sandbox
        .run(&["import-responses", "bank.baton"])
        .usage_error();
}

#[test]
fn help_lists_both_new_commands() {
    let sandbox = Sandbox::new();
    let help = sandbox.run(&["--help"]).ok().stdout.clone();
    for command in ["analyze", "import-responses"] {
        assert!(
            help.lines().any(|l| l.trim_start().starts_with(command)),
            "{command} in {help}"
        );
    }
    let help = sandbox
        .run(&["import-responses", "--help"])
        .ok()
        .stdout
        .clone();
    assert!(
        help.contains("--skip-invalid") && help.contains("--journey"),
        "{help}"
    );
}

#[test]
fn an_over_long_respondent_is_a_rejected_row_and_the_rest_can_be_imported() {
    // The store refuses a respondent over 200 characters; the planner refuses that row on its
    // line, so nothing is imported, and --skip-invalid imports the valid row.
    let sandbox = bank();
    let before = sandbox.read("bank.baton");
    let long = "r".repeat(201);
    sandbox.write(
        "survey.csv",
        format!(
            "{HEADER}{CALLS_PATH},CSAT,4,2026-10-01,{long},\n{CALLS_PATH},CSAT,5,2026-10-02,ok,\n"
        )
        .as_bytes(),
    );
    let run = sandbox.run(&["import-responses", "bank.baton", "survey.csv"]);
    assert_eq!(run.code, Some(1), "{run:#?}");
    assert!(run.stderr.contains("survey.csv:2: too_long:"), "{run:#?}");
    assert!(run.stderr.contains("respondent"), "{run:#?}");
    assert_eq!(sandbox.read("bank.baton"), before);
    let run = sandbox.run(&[
        "import-responses",
        "bank.baton",
        "survey.csv",
        "--skip-invalid",
    ]);
    assert_eq!(run.code, Some(0), "{run:#?}");
    assert_eq!(history_len(&sandbox, "bank.baton"), 2);
}
