//! `baton import-responses` on survey tool exports rather than Baton's own CSV: UTF-16 "Unicode
//! text" (Excel, survey tools), tab-separated, with multi-line comments; XLSX workbooks on a
//! chosen sheet; read from a file and from stdin, all in one edit. Files are written by the
//! tests.

use baton_tests::bank;

const CALLS_PATH: &str = "Report a lost card / Call / Maya / Calls the lost-card line";

/// `text` as UTF-16 with its byte-order mark, in the given byte order.
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

/// Excel's "Unicode text": tab-separated, CRLF, a quoted comment over two lines, accents.
fn unicode_text_export() -> String {
    format!(
        "target\tmetric\tvalue\tdate\trespondent\tcomment\r\n\
         {CALLS_PATH}\tCSAT\t2\t2026-10-03\tZoë\t\"Très déçu,\r\nrappelé deux fois\"\r\n\
         {CALLS_PATH}\tNPS\t3\t2026-10-04\t山田\t\r\n"
    )
}

#[test]
fn a_utf16_unicode_text_export_imports_as_one_edit() {
    for little_endian in [true, false] {
        let sandbox = bank();
        let before = sandbox.workspace("bank.baton").responses.len();
        sandbox.write("survey.txt", &utf16(&unicode_text_export(), little_endian));
        let report = sandbox
            .run(&["import-responses", "bank.baton", "survey.txt", "--json"])
            .ok()
            .json();
        let encoding = if little_endian {
            "utf16_le"
        } else {
            "utf16_be"
        };
        assert_eq!(report["encoding"], encoding, "{report}");
        assert_eq!(report["separator"], "\t", "{report}");
        assert_eq!(report["imported"], 2, "{report}");
        let ws = sandbox.workspace("bank.baton");
        assert_eq!(ws.responses.len(), before + 2);
        let comments: Vec<_> = ws
            .responses
            .values()
            .filter_map(|r| r.comment.as_deref())
            .collect();
        assert!(
            comments.contains(&"Très déçu,\r\nrappelé deux fois"),
            "{comments:?}"
        );
        assert!(ws
            .responses
            .values()
            .any(|r| r.respondent.as_deref() == Some("山田")));
        // One edit: one undo removes both rows.
        sandbox.run(&["undo", "bank.baton"]).ok();
        assert_eq!(sandbox.workspace("bank.baton").responses.len(), before);
    }
}

#[test]
fn the_text_report_names_the_encoding_and_stdin_reads_utf16_too() {
    let sandbox = bank();
    let bytes = utf16(&unicode_text_export(), true);
    let out = sandbox.run_with_stdin(&["import-responses", "bank.baton", "-"], &bytes);
    let text = &out.ok().stdout;
    assert!(text.contains("encoding   UTF-16 little-endian"), "{text}");
    assert!(text.contains("separator  “\\t”"), "{text}");
    assert!(text.contains("imported   2"), "{text}");
}

#[test]
fn utf16_without_its_byte_order_mark_is_refused_and_the_file_is_untouched() {
    let sandbox = bank();
    let before = sandbox.read("bank.baton");
    let mut bytes = utf16(&unicode_text_export(), true);
    bytes.drain(..2);
    sandbox.write("survey.txt", &bytes);
    let out = sandbox.run(&["import-responses", "bank.baton", "survey.txt"]);
    let error = out.error_line();
    assert!(error.contains("not a text file: a NUL byte"), "{error}");
    assert!(error.contains("without its byte-order mark"), "{error}");
    assert_eq!(sandbox.read("bank.baton"), before);
}

/// A Qualtrics export in its documented shape: ids, question texts, the ImportId row, answers
/// as labels, a multi-line comment.
fn qualtrics_export() -> String {
    "StartDate,EndDate,Status,ResponseId,Q1,Q2\r\n\
     Start Date,End Date,Response Type,Response ID,How satisfied were you with the call?,Anything else?\r\n\
     \"{\"\"ImportId\"\":\"\"startDate\"\"}\",\"{\"\"ImportId\"\":\"\"endDate\"\"}\",\"{\"\"ImportId\"\":\"\"status\"\"}\",\"{\"\"ImportId\"\":\"\"_recordId\"\"}\",\"{\"\"ImportId\"\":\"\"QID1\"\"}\",\"{\"\"ImportId\"\":\"\"QID2_TEXT\"\"}\"\r\n\
     2026-10-03 10:23:45,2026-10-03 10:25:00,IP Address,R_1a,Very dissatisfied,\"Called three times,\r\nstill no card\"\r\n\
     2026-10-04 08:00:00,2026-10-04 08:02:00,IP Address,R_2b,Satisfied,\r\n"
        .to_owned()
}

#[test]
fn a_qualtrics_export_through_its_preset_is_one_edit() {
    let sandbox = bank();
    let before = sandbox.workspace("bank.baton").responses.len();
    sandbox.write("qualtrics.csv", qualtrics_export().as_bytes());
    let report = sandbox
        .run(&[
            "import-responses",
            "bank.baton",
            "qualtrics.csv",
            "--preset",
            "qualtrics",
            "--value-column",
            "Q1",
            "--comment-column",
            "Q2",
            "--target",
            CALLS_PATH,
            "--metric",
            "CSAT",
            "--json",
        ])
        .ok()
        .json();
    assert_eq!(
        (report["rows"].clone(), report["imported"].clone()),
        (2.into(), 2.into()),
        "{report}"
    );
    let ws = sandbox.workspace("bank.baton");
    let mut new: Vec<_> = ws
        .responses
        .values()
        .filter(|r| {
            r.respondent
                .as_deref()
                .is_some_and(|id| id.starts_with("R_"))
        })
        .collect();
    new.sort_by_key(|r| r.date);
    assert_eq!(new.len(), 2);
    assert_eq!((new[0].value, new[1].value), (1.0, 4.0));
    assert_eq!(new[0].date.to_string(), "2026-10-03");
    assert_eq!(
        new[0].comment.as_deref(),
        Some("Called three times,\r\nstill no card")
    );
    sandbox.run(&["undo", "bank.baton"]).ok();
    assert_eq!(sandbox.workspace("bank.baton").responses.len(), before);
}

#[test]
fn a_mapping_given_column_by_column_with_an_edited_label() {
    let sandbox = bank();
    let csv = format!(
        "When,Where,Rating,Who\n\
         ,,(1 = worst),\n\
         04/10/2026,{CALLS_PATH},Top,ann\n\
         05/10/2026 18:30,{CALLS_PATH},3,bob\n"
    );
    sandbox.write("export.csv", csv.as_bytes());
    let out = sandbox.run(&[
        "import-responses",
        "bank.baton",
        "export.csv",
        "--value-column",
        "rating",
        "--date-column",
        "When",
        "--date-format",
        "dmy",
        "--target-column",
        "Where",
        "--metric",
        "csat",
        "--respondent-column",
        "Who",
        "--skip-rows",
        "1",
        "--label",
        "Top=5",
    ]);
    assert!(out.ok().stdout.contains("imported   2"), "{}", out.stdout);
    let ws = sandbox.workspace("bank.baton");
    let ann = ws
        .responses
        .values()
        .find(|r| r.respondent.as_deref() == Some("ann"))
        .expect("ann's answer");
    assert_eq!(
        (ann.value, ann.date.to_string().as_str()),
        (5.0, "2026-10-04")
    );
    assert!(ws
        .responses
        .values()
        .any(|r| r.respondent.as_deref() == Some("bob") && r.date.to_string() == "2026-10-05"));
}

#[test]
fn a_column_renamed_since_the_mapping_is_named_and_nothing_is_imported() {
    let sandbox = bank();
    let before = sandbox.read("bank.baton");
    sandbox.write("qualtrics.csv", qualtrics_export().as_bytes());
    let out = sandbox.run(&[
        "import-responses",
        "bank.baton",
        "qualtrics.csv",
        "--preset",
        "qualtrics",
        "--value-column",
        "Q7 Overall satisfaction",
        "--target",
        CALLS_PATH,
        "--metric",
        "CSAT",
    ]);
    let error = out.error_line();
    assert!(
        error.contains("lacks the required column(s): Q7 Overall satisfaction"),
        "{error}"
    );
    assert!(error.ends_with("nothing imported"), "{error}");
    assert_eq!(sandbox.read("bank.baton"), before);
}

#[test]
fn detection_proposes_the_preset_and_bad_options_are_named() {
    let sandbox = bank();
    let before = sandbox.read("bank.baton");
    sandbox.write("qualtrics.csv", qualtrics_export().as_bytes());
    let out = sandbox.run(&["import-responses", "bank.baton", "qualtrics.csv"]);
    let error = out.error_line();
    assert!(
        error.contains("it looks like a qualtrics export: try --preset qualtrics"),
        "{error}"
    );
    let cases: [(&[&str], &str); 4] = [
        (
            &["--preset", "medallia", "--value-column", "Q1"],
            "--preset “medallia”: no such preset",
        ),
        (&["--preset", "qualtrics"], "needs --value-column"),
        (
            &[
                "--value-column",
                "Q1",
                "--date-column",
                "StartDate",
                "--target",
                "x",
            ],
            "needs --metric or --metric-column",
        ),
        (
            &[
                "--preset",
                "qualtrics",
                "--value-column",
                "Q1",
                "--target",
                "x",
                "--metric",
                "CSAT",
                "--date-format",
                "julian",
            ],
            "--date-format “julian”: not a date format",
        ),
    ];
    for (options, expected) in cases {
        let mut args = vec!["import-responses", "bank.baton", "qualtrics.csv"];
        args.extend_from_slice(options);
        let out = sandbox.run(&args);
        let error = out.error_line();
        assert!(error.contains(expected), "{options:?}: {error}");
    }
    assert_eq!(sandbox.read("bank.baton"), before);
}

/// Microsoft Forms' workbook ("Open results in Excel"), on a sheet named "Form1" after a notes
/// sheet: ID, Start time, Completion time as date cells, the rating as a label, a comment over
/// two lines.
fn microsoft_forms_workbook() -> Vec<u8> {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let mut book = Workbook::new();
    book.add_worksheet()
        .set_name("Notes")
        .unwrap()
        .write_string(0, 0, "Exported from Microsoft Forms")
        .unwrap();
    let sheet = book.add_worksheet();
    sheet.set_name("Form1").unwrap();
    let header = [
        "ID",
        "Start time",
        "Completion time",
        "Email",
        "Name",
        "How satisfied are you?",
        "Comments",
    ];
    for (col, text) in header.iter().enumerate() {
        sheet.write_string(0, col as u16, *text).unwrap();
    }
    let when = Format::new().set_num_format("m/d/yy h:mm:ss");
    for (row, (day, answer, comment)) in [
        (3, "Very dissatisfied", "Blocked card,\nno new one"),
        (4, "Satisfied", ""),
    ]
    .into_iter()
    .enumerate()
    {
        let row = row as u32 + 1;
        let at = ExcelDateTime::from_ymd(2026, 10, day)
            .unwrap()
            .and_hms(9, 30, 0)
            .unwrap();
        sheet.write_number(row, 0, f64::from(row)).unwrap();
        sheet
            .write_datetime_with_format(row, 1, &at, &when)
            .unwrap();
        sheet
            .write_datetime_with_format(row, 2, &at, &when)
            .unwrap();
        sheet.write_string(row, 3, "anonymous").unwrap();
        sheet.write_string(row, 5, answer).unwrap();
        if !comment.is_empty() {
            sheet.write_string(row, 6, comment).unwrap();
        }
    }
    book.save_to_buffer().unwrap()
}

#[test]
fn a_microsoft_forms_workbook_on_its_sheet_imports_as_one_edit() {
    let sandbox = bank();
    let before = sandbox.workspace("bank.baton").responses.len();
    sandbox.write("forms.xlsx", &microsoft_forms_workbook());
    let args = [
        "import-responses",
        "bank.baton",
        "forms.xlsx",
        "--sheet",
        "Form1",
        "--preset",
        "microsoft-forms",
        "--value-column",
        "How satisfied are you?",
        "--comment-column",
        "Comments",
        "--target",
        CALLS_PATH,
        "--metric",
        "CSAT",
    ];
    let report = sandbox.run(&[&args[..], &["--json"]].concat()).ok().json();
    assert_eq!(report["sheet"], "Form1", "{report}");
    assert_eq!(report["imported"], 2, "{report}");
    let ws = sandbox.workspace("bank.baton");
    let mut new: Vec<_> = ws
        .responses
        .values()
        .filter(|r| r.respondent.is_some() && r.date.to_string().starts_with("2026-10-0"))
        .filter(|r| matches!(r.respondent.as_deref(), Some("1" | "2")))
        .collect();
    new.sort_by_key(|r| r.date);
    let got: Vec<_> = new
        .iter()
        .map(|r| (r.date.to_string(), r.value, r.comment.as_deref()))
        .collect();
    assert_eq!(
        got,
        [
            (
                "2026-10-03".to_owned(),
                1.0,
                Some("Blocked card,\nno new one")
            ),
            ("2026-10-04".to_owned(), 4.0, None),
        ]
    );
    // One edit: one undo removes both rows.
    sandbox.run(&["undo", "bank.baton"]).ok();
    assert_eq!(sandbox.workspace("bank.baton").responses.len(), before);

    // The text report names the sheet instead of an encoding.
    let text = sandbox.run(&args).ok().stdout.clone();
    assert!(text.contains("sheet      “Form1” (XLSX)"), "{text}");
    assert!(!text.contains("separator"), "{text}");
}

#[test]
fn a_workbook_sheet_that_does_not_exist_is_named_with_the_sheets_there() {
    let sandbox = bank();
    sandbox.write("forms.xlsx", &microsoft_forms_workbook());
    let before = sandbox.read("bank.baton");
    let out = sandbox.run(&[
        "import-responses",
        "bank.baton",
        "forms.xlsx",
        "--sheet",
        "Responses",
    ]);
    let error = out.error_line();
    assert!(
        error.contains(
            "the workbook has no sheet called “Responses” (its sheets: “Notes”, “Form1”)"
        ),
        "{error}"
    );
    assert!(error.ends_with("nothing imported"), "{error}");
    // Without a mapping, on the right sheet: the preset is proposed from its header.
    let out = sandbox.run(&[
        "import-responses",
        "bank.baton",
        "forms.xlsx",
        "--sheet",
        "form1",
    ]);
    let error = out.error_line();
    assert!(
        error.contains("looks like a microsoft-forms export"),
        "{error}"
    );
    assert_eq!(sandbox.read("bank.baton"), before);
}

/// The Qualtrics export of `qualtrics_export()` with other answers, the comment column renamed
/// to `comment_column`.
fn next_qualtrics_export(comment_column: &str) -> String {
    qualtrics_export()
        .replacen("Q1,Q2", &format!("Q1,{comment_column}"), 1)
        .replace("R_1a,Very dissatisfied", "R_3c,Very satisfied")
        .replace("R_2b,Satisfied", "R_4d,Neutral")
}

#[test]
fn a_mapping_saved_with_an_import_is_offered_and_reused_and_a_renamed_column_is_named() {
    let sandbox = bank();
    let before = sandbox.workspace("bank.baton").responses.len();
    sandbox.write("october.csv", qualtrics_export().as_bytes());
    let report = sandbox
        .run(&[
            "import-responses",
            "bank.baton",
            "october.csv",
            "--preset",
            "qualtrics",
            "--value-column",
            "Q1",
            "--comment-column",
            "Q2",
            "--target",
            CALLS_PATH,
            "--metric",
            "CSAT",
            "--save-mapping",
            "Post-call IVR survey",
            "--json",
        ])
        .ok()
        .json();
    assert_eq!(report["saved_mapping"], "Post-call IVR survey", "{report}");
    assert_eq!(report["imported"], 2, "{report}");
    let ws = sandbox.workspace("bank.baton");
    let names: Vec<&str> = ws
        .saved_mappings
        .values()
        .map(|m| m.name.as_str())
        .collect();
    assert_eq!(names, ["Post-call IVR survey"]);

    // The next export of the same survey, read without options: the saved mapping is offered.
    sandbox.write("november.csv", next_qualtrics_export("Q2").as_bytes());
    let untouched = sandbox.read("bank.baton");
    let error = sandbox
        .run(&["import-responses", "bank.baton", "november.csv"])
        .error_line()
        .to_owned();
    assert!(
        error.contains("the saved mapping “Post-call IVR survey” fits this file: add --mapping"),
        "{error}"
    );
    assert_eq!(sandbox.read("bank.baton"), untouched);
    // Read through it (its name in any case): one more edit.
    let out = sandbox.run(&[
        "import-responses",
        "bank.baton",
        "november.csv",
        "--mapping",
        "post-call ivr SURVEY",
    ]);
    let text = &out.ok().stdout;
    assert!(text.contains("imported   2"), "{text}");
    assert!(
        text.contains("mapping    “Post-call IVR survey” (saved in the file)"),
        "{text}"
    );
    let ws = sandbox.workspace("bank.baton");
    assert!(ws
        .responses
        .values()
        .any(|r| r.respondent.as_deref() == Some("R_3c") && r.value == 5.0));
    assert_eq!(ws.responses.len(), before + 4);

    // The comment column renamed in Qualtrics since: refused, naming the column and the mapping.
    sandbox.write(
        "december.csv",
        next_qualtrics_export("Q2 Comments").as_bytes(),
    );
    let untouched = sandbox.read("bank.baton");
    let error = sandbox
        .run(&[
            "import-responses",
            "bank.baton",
            "december.csv",
            "--mapping",
            "Post-call IVR survey",
        ])
        .error_line()
        .to_owned();
    assert!(
        error.contains("lacks the required column(s): Q2 (renamed since the mapping “Post-call IVR survey” was saved?"),
        "{error}"
    );
    assert_eq!(sandbox.read("bank.baton"), untouched);
    let error = sandbox
        .run(&[
            "import-responses",
            "bank.baton",
            "december.csv",
            "--mapping",
            "Web",
        ])
        .error_line()
        .to_owned();
    assert!(
        error.contains(
            "--mapping “Web”: no saved mapping has that name (saved: “Post-call IVR survey”)"
        ),
        "{error}"
    );

    // Undo twice: the second import, then the first with its saved mapping.
    sandbox.run(&["undo", "bank.baton"]).ok();
    sandbox.run(&["undo", "bank.baton"]).ok();
    let ws = sandbox.workspace("bank.baton");
    assert_eq!(ws.responses.len(), before);
    assert!(
        ws.saved_mappings.is_empty(),
        "the mapping was saved by the undone edit"
    );
}
