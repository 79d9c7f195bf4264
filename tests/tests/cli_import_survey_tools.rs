//! `baton import-responses` on survey tool exports rather than Baton's own CSV: UTF-16 "Unicode
//! text" (Excel, survey tools), tab-separated, with multi-line comments; read from a file and
//! from stdin, all in one edit. Files are written by the tests.

use baton_tests::Sandbox;

const CALLS_PATH: &str = "Report a lost card / Call / Maya / Calls the lost-card line";

fn bank() -> Sandbox {
    let sandbox = Sandbox::new();
    sandbox
        .run(&["new", "bank.baton", "--template", "bank_lost_card"])
        .ok();
    sandbox
}

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
