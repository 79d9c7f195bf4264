//! The survey import's preview and commit on real files (bank template) without a window.

use std::path::Path;

use super::*;
use crate::error::AppErrorKind;

const JOURNEY: &str = "Report a lost card";
pub(super) const NOTICE_APP: &str =
    "Report a lost card / Notice / Maya / Looks up the lost-card number in the app";

pub(super) struct Fixture {
    _dir: tempfile::TempDir,
    pub dir: std::path::PathBuf,
    pub document: OpenDocument,
    pub journey_id: String,
    pub pending: PendingImports,
}

pub(super) fn bank() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let document =
        OpenDocument::create_from_template(&dir.path().join("Bank.baton"), "bank_lost_card")
            .unwrap();
    let journey_id = document
        .workspace_view()
        .unwrap()
        .journeys
        .iter()
        .find(|j| j.name == JOURNEY)
        .unwrap()
        .id
        .clone();
    Fixture {
        dir: dir.path().to_path_buf(),
        _dir: dir,
        document,
        journey_id,
        pending: PendingImports::default(),
    }
}

impl Fixture {
    pub fn write(&self, name: &str, text: &str) -> std::path::PathBuf {
        let path = self.dir.join(name);
        std::fs::write(&path, text).unwrap();
        path
    }

    pub fn preview_file(&self, path: &Path) -> AppResult<ImportPreview> {
        let bytes = read_survey_file(path)?;
        preview(
            &self.pending,
            &self.document,
            "doc1",
            &self.journey_id,
            &file_name(path),
            bytes,
        )
    }

    pub fn responses(&self) -> usize {
        self.document.workspace().responses.len()
    }
}

fn csv_with_one_bad_row() -> String {
    format!(
        "target,metric,value,date,comment\n\
         {NOTICE_APP},CSAT,4,2026-11-01,fine\n\
         {NOTICE_APP},CSAT,2,2026-11-02,\"slow, and the menu is deep\"\n\
         {NOTICE_APP},CSAT,9,2026-11-03,off the scale\n\
         {NOTICE_APP},CSAT,5,2026-11-04,\n"
    )
}

#[test]
fn a_preview_shows_the_raw_rows_and_every_rejection_and_writes_nothing() {
    let f = bank();
    let before = (f.responses(), f.document.revision());
    let path = f.write("survey.csv", &csv_with_one_bad_row());
    let p = f.preview_file(&path).unwrap();
    assert_eq!(p.file_name, "survey.csv");
    assert_eq!(p.header, ["target", "metric", "value", "date", "comment"]);
    assert_eq!(p.sample.len(), 4);
    assert_eq!(p.sample[1].cells[4], "slow, and the menu is deep");
    let lines: Vec<u32> = p.sample.iter().map(|r| r.line).collect();
    assert_eq!(lines, [2, 3, 4, 5]);
    assert_eq!((p.rows, p.accepted, p.rejected_count), (4, 3, 1));
    assert_eq!(p.rejected[0].line, 4);
    assert!(p.rejected[0].message.contains("off the metric's scale"));
    assert_eq!(p.encoding, SourceEncoding::Utf8);
    assert_eq!(p.separator, ",");
    assert_eq!((f.responses(), f.document.revision()), before);
    assert_eq!(f.pending.len().unwrap(), 1);
}

#[test]
fn rejected_rows_block_the_import_until_the_user_skips_them_then_one_undo_removes_it() {
    let mut f = bank();
    let before = f.responses();
    let path = f.write("survey.csv", &csv_with_one_bad_row());
    let token = f.preview_file(&path).unwrap().token;

    let refused = commit(&f.pending, &mut f.document, "doc1", &token, false, None).unwrap_err();
    assert_eq!(
        refused.kind,
        AppErrorKind::Shell(ShellErrorKind::RowsRejected)
    );
    assert!(
        refused.message.contains("1 of 4 rows"),
        "{}",
        refused.message
    );
    assert_eq!(f.responses(), before, "a refused import writes nothing");

    let done = commit(&f.pending, &mut f.document, "doc1", &token, true, None).unwrap();
    assert_eq!((done.imported, done.rejected), (3, 1));
    assert_eq!(f.responses(), before + 3);
    assert!(done.outcome.can_undo);
    assert!(f.pending.is_empty().unwrap(), "a committed preview is gone");

    f.document.undo().unwrap();
    assert_eq!(f.responses(), before, "the import is one undo step");
    let again = commit(&f.pending, &mut f.document, "doc1", &token, true, None).unwrap_err();
    assert_eq!(
        again.kind,
        AppErrorKind::Store(baton_store::ErrorKind::NotFound)
    );
}

#[test]
fn a_clean_file_imports_whole_and_survives_reopening() {
    let mut f = bank();
    let before = f.responses();
    let path = f.write(
        "clean.csv",
        &format!("Target;Metric;Value;Date\n{NOTICE_APP};CSAT;5;2026-11-05\n"),
    );
    let p = f.preview_file(&path).unwrap();
    assert_eq!((p.separator.as_str(), p.rejected_count), (";", 0));
    let done = commit(&f.pending, &mut f.document, "doc1", &p.token, false, None).unwrap();
    assert_eq!(done.imported, 1);
    let file = f.document.path().to_path_buf();
    f.document.close().unwrap();
    let reopened = OpenDocument::open(&file).unwrap();
    assert_eq!(reopened.workspace().responses.len(), before + 1);
}

#[test]
fn a_document_changed_since_the_preview_is_planned_again() {
    let mut f = bank();
    let before = f.responses();
    let path = f.write("survey.csv", &csv_with_one_bad_row());
    let token = f.preview_file(&path).unwrap().token;
    // Meanwhile the file's first valid row arrives another way: it is a duplicate now.
    let first_row =
        format!("target,metric,value,date,comment\n{NOTICE_APP},CSAT,4,2026-11-01,fine\n");
    let options = ImportOptions::default();
    let direct = plan_import(f.document.workspace(), first_row.as_bytes(), &options).unwrap();
    f.document
        .apply(Edit::AddResponses {
            responses: direct.accepted,
        })
        .unwrap();

    let done = commit(&f.pending, &mut f.document, "doc1", &token, true, None).unwrap();
    assert_eq!((done.imported, done.rejected), (2, 2));
    assert_eq!(f.responses(), before + 3, "no response was added twice");
}

#[test]
fn a_new_preview_replaces_the_files_older_one() {
    let mut f = bank();
    let path = f.write("survey.csv", &csv_with_one_bad_row());
    let older = f.preview_file(&path).unwrap().token;
    let newer = f.preview_file(&path).unwrap().token;
    assert_eq!(f.pending.len().unwrap(), 1);
    let e = commit(&f.pending, &mut f.document, "doc1", &older, true, None).unwrap_err();
    assert_eq!(
        e.kind,
        AppErrorKind::Store(baton_store::ErrorKind::NotFound)
    );
    commit(&f.pending, &mut f.document, "doc1", &newer, true, None).unwrap();
}

#[test]
fn nothing_valid_is_refused_with_its_own_kind() {
    let mut f = bank();
    let path = f.write(
        "bad.csv",
        "target,metric,value,date\nnowhere,CSAT,3,2026-11-01\n",
    );
    let p = f.preview_file(&path).unwrap();
    assert_eq!(p.rejected[0].line, 2);
    let e = commit(&f.pending, &mut f.document, "doc1", &p.token, true, None).unwrap_err();
    assert_eq!(e.kind, AppErrorKind::Shell(ShellErrorKind::NothingToImport));
}

#[test]
fn a_token_belongs_to_its_file_and_cancel_forgets_it() {
    let mut f = bank();
    let path = f.write("survey.csv", &csv_with_one_bad_row());
    let token = f.preview_file(&path).unwrap().token;
    let e = commit(&f.pending, &mut f.document, "doc2", &token, true, None).unwrap_err();
    assert_eq!(
        e.kind,
        AppErrorKind::Store(baton_store::ErrorKind::NotFound)
    );
    f.pending.cancel("doc2", &token).unwrap();
    assert_eq!(
        f.pending.len().unwrap(),
        1,
        "another file's cancel leaves it"
    );
    f.pending.cancel("doc1", &token).unwrap();
    assert!(f.pending.is_empty().unwrap());
    f.pending.cancel("doc1", &token).unwrap();

    let kept = f.preview_file(&path).unwrap().token;
    f.pending.forget_doc("doc2").unwrap();
    assert_eq!(f.pending.len().unwrap(), 1);
    f.pending.forget_doc("doc1").unwrap();
    let e = commit(&f.pending, &mut f.document, "doc1", &kept, true, None).unwrap_err();
    assert_eq!(
        e.kind,
        AppErrorKind::Store(baton_store::ErrorKind::NotFound)
    );
}

#[test]
fn unreadable_files_are_typed_errors_naming_the_file() {
    let mut f = bank();
    // A file without Baton's columns goes to the mapping step: a preview naming them.
    let missing = f.write("columns.csv", "target,metric\nx,CSAT\n");
    let p = f.preview_file(&missing).unwrap();
    let problem = p.problem.unwrap();
    assert!(problem.contains("value"), "{problem}");
    assert_eq!((p.rows, p.accepted), (0, 0));
    let e = commit(&f.pending, &mut f.document, "doc1", &p.token, true, None).unwrap_err();
    assert_eq!(e.kind, AppErrorKind::Shell(ShellErrorKind::CsvUnreadable));
    assert!(e.message.starts_with("columns.csv: "), "{}", e.message);
    f.pending.cancel("doc1", &p.token).unwrap();

    let empty = f.write("empty.csv", "\u{feff}  \n");
    let e = f.preview_file(&empty).unwrap_err();
    assert_eq!(e.kind, AppErrorKind::Shell(ShellErrorKind::CsvUnreadable));

    let e = read_survey_file(&f.dir.join("absent.csv")).unwrap_err();
    assert_eq!(e.kind, AppErrorKind::Store(baton_store::ErrorKind::Io));
    let e = read_survey_file(&f.dir).unwrap_err();
    assert!(matches!(e.kind, AppErrorKind::Store(_)), "{e:?}");
    assert!(f.pending.is_empty().unwrap());
}

#[test]
fn a_latin1_file_previews_as_it_is_planned_with_long_cells_cut() {
    let f = bank();
    let long = "x".repeat(500);
    let mut bytes =
        format!("target;metric;value;date;comment\n\n{NOTICE_APP};CSAT;4;2026-11-01;caf")
            .into_bytes();
    bytes.push(0xE9); // "é" in Windows-1252, invalid as UTF-8
    bytes.extend_from_slice(format!("\n{NOTICE_APP};CSAT;3;2026-11-02;{long}\n").as_bytes());
    let path = f.dir.join("latin1.csv");
    std::fs::write(&path, bytes).unwrap();
    let p = f.preview_file(&path).unwrap();
    assert_eq!(p.encoding, SourceEncoding::Windows1252);
    assert_eq!((p.rows, p.accepted), (2, 2));
    assert_eq!(
        p.sample.len(),
        2,
        "the blank line is no row, as in the plan"
    );
    assert_eq!(p.sample[0].cells[4], "café");
    assert_eq!(p.sample[0].line, 3, "line numbers count the blank line");
    assert_eq!(p.sample[1].cells[4].chars().count(), PREVIEW_CELL_CHARS);
}

#[test]
fn targets_outside_the_journey_are_rejected() {
    let dir = tempfile::tempdir().unwrap();
    let document = OpenDocument::create_demo(&dir.path().join("Demo.baton")).unwrap();
    let journeys = document.workspace_view().unwrap().journeys;
    let other = journeys.iter().find(|j| j.name != JOURNEY).unwrap();
    let path = dir.path().join("s.csv");
    std::fs::write(
        &path,
        format!("target,metric,value,date\n{NOTICE_APP},CSAT,4,2026-11-01\n"),
    )
    .unwrap();
    let pending = PendingImports::default();
    let p = preview(
        &pending,
        &document,
        "d",
        &other.id,
        "s.csv",
        read_survey_file(&path).unwrap(),
    )
    .unwrap();
    assert_eq!(p.accepted, 0);
    assert!(
        p.rejected[0].message.contains("not in the journey"),
        "{}",
        p.rejected[0].message
    );
}
