//! End to end: survey CSV import in the real app. A client file made by the real `baton` CLI,
//! CSV files written to a temp dir, the native file dialog answered with the keyboard, the
//! preview and its rejected lines read off the screen, the import checked in the file on disk,
//! and undone with Ctrl+Z.

use std::path::Path;
use std::time::Duration;

use baton_tests::Sandbox;

use crate::e2e_support::webdriver::{Session, CONTROL, ESCAPE};

/// WebDriver's code for the Delete key.
const DELETE: &str = "\u{E017}";
use crate::e2e_support::{dialogs, launch, screens_dir};

const JOURNEY: &str = "Report a lost card";
/// A touchpoint the template gives no score: a badge on it can only come from the import.
const TARGET: &str = "Report a lost card / Call / Maya / Calls the lost-card line";
const TARGET_CARD: &str = "Calls the lost-card line";
const DIALOG_TITLE: &str = "Import survey responses";

fn testid_css(id: &str) -> String {
    format!("[data-testid=\"{id}\"]")
}

/// Five valid rows and one whose value is off the CSAT scale (line 4 of the file): three on the
/// unscored card, and two very unhappy answers, a month later than any other, on `hotspot`
/// (a touchpoint with a CSAT target, so a touchpoint hotspot whose latest score they change).
fn survey_with_one_bad_row(hotspot: &str) -> String {
    format!(
        "target,metric,value,date,comment\n\
         {TARGET},CSAT,4,2026-11-01,e2e: found it after a while\n\
         {TARGET},CSAT,2,2026-11-02,\"e2e: three menus deep, and a very long verbatim that the preview table has to cut short with an ellipsis\"\n\
         {TARGET},CSAT,9,2026-11-03,e2e: off the scale\n\
         {TARGET},CSAT,5,2026-11-04,e2e: easy\n\
         {hotspot},CSAT,1,2027-01-04,e2e: worse than ever\n\
         {hotspot},CSAT,1,2027-01-05,e2e: worse still\n"
    )
}
const IMPORTED: usize = 5;

/// A step of the journey with a CSAT target (so it is listed as a touchpoint hotspot).
fn touchpoint_with_csat_target(file: &Path) -> String {
    let doc = baton_store::Document::open(file).unwrap();
    let ws = doc.workspace();
    let csat = ws
        .metrics
        .values()
        .find(|m| m.kind == baton_core::MetricKind::Csat)
        .map(|m| m.id.clone())
        .unwrap();
    let step = ws
        .targets
        .values()
        .filter(|t| t.metric_id == csat && t.subject.kind == baton_core::SubjectKind::Step)
        .map(|t| t.subject.id.clone())
        .find(|id| {
            ws.steps.get(id).is_some_and(|s| {
                ws.journeys
                    .get(&s.journey_id)
                    .is_some_and(|j| j.name == JOURNEY)
            })
        })
        .unwrap();
    doc.close().unwrap();
    step
}

/// The text of the touchpoint hotspot of step `id` in the open insights panel.
fn hotspot_text(s: &Session, id: &str) -> String {
    let row = s.find(&format!(
        "{}[data-kind=\"step\"][data-id=\"{id}\"]",
        testid_css("hotspot")
    ));
    s.text(&row)
}

/// Sixty rows naming a card that does not exist: more than the dialog lists.
fn survey_with_many_bad_rows() -> String {
    let mut csv = String::from("target;metric;value;date\n");
    for day in 0..60 {
        csv.push_str(&format!(
            "{JOURNEY} / Notice / Maya / No such card {day};CSAT;3;2026-10-{:02}\n",
            day % 28 + 1
        ));
    }
    csv
}

/// The responses in the file on disk (the app must have closed it: it holds the lock).
fn responses_on_disk(file: &Path) -> usize {
    let doc = baton_store::Document::open(file).unwrap();
    let n = doc.workspace().responses.len();
    doc.close().unwrap();
    n
}

fn open_in_app(s: &Session, file: &Path) {
    s.click_testid("btn-open-file");
    dialogs::answer_open("Open client file", file);
    wait_for_journey(s);
}

fn wait_for_journey(s: &Session) {
    s.wait_until("the journey to show", Duration::from_secs(15), |s| {
        s.try_find(&testid_css("journey-name"))
            .is_some_and(|e| s.text(&e) == JOURNEY)
    });
}

/// The keys (`rule:ids`) of every suggestion in the insights panel, opened and expanded if
/// needed, once the insights have arrived.
fn suggestion_keys(s: &Session) -> Vec<String> {
    if s.try_find(&testid_css("insights-panel")).is_none() {
        s.click_testid("btn-insights");
    }
    s.wait_until("the insights", Duration::from_secs(15), |s| {
        s.try_find(&testid_css("suggestion")).is_some()
    });
    s.exec(
        "const section = [...document.querySelectorAll('[data-testid=\"insights-panel\"] section')]
           .find(x => x.querySelector('h3')?.innerText.toLowerCase().startsWith('suggestions'));
         const more = section && [...section.querySelectorAll('button.more')]
           .find(b => b.innerText.startsWith('Show all'));
         if (more) more.click();",
        serde_json::json!([]),
    );
    // Every suggestion is listed: as many as the section's count says.
    s.wait_until("every suggestion listed", Duration::from_secs(10), |s| {
        s.exec(
            "const count = [...document.querySelectorAll('[data-testid=\"insights-panel\"] h3')]
               .find(h => h.innerText.toLowerCase().startsWith('suggestions'))?.querySelector('.count')?.innerText;
             return Number(count) === document.querySelectorAll('[data-testid=\"suggestion\"]').length;",
            serde_json::json!([]),
        ) == serde_json::json!(true)
    });
    s.find_all(&testid_css("suggestion"))
        .iter()
        .filter_map(|b| s.attr(b, "data-key"))
        .collect()
}

/// The id of the card titled `title` (its accessible name).
fn card_id(s: &Session, title: &str) -> String {
    let card = s.find(&format!("{}[aria-label=\"{title}\"]", testid_css("card")));
    s.attr(&card, "data-id").unwrap()
}

/// Clicks Import…, answers the native dialog with `csv` and waits for the dialog's `step`.
fn import_file(s: &Session, csv: &Path, step: &str) {
    s.click_testid("btn-import-responses");
    dialogs::answer_open(DIALOG_TITLE, csv);
    s.find(&format!(
        "{}[data-step=\"{step}\"]",
        testid_css("import-dialog")
    ));
}

fn summary_attr(s: &Session, name: &str) -> String {
    s.attr(&s.testid("import-summary"), name)
        .unwrap_or_default()
}

/// The score badges drawn on the card titled `title` (the insights arrive after the view).
fn badges_on_card(s: &Session, title: &str) -> u64 {
    s.exec(
        "const card = [...document.querySelectorAll('[data-testid=\"card\"]')]
           .find(c => c.textContent.includes(arguments[0]));
         return card ? card.querySelectorAll('[data-testid=\"score-badge\"]').length : -1;",
        serde_json::json!([title]),
    )
    .as_u64()
    .unwrap_or_else(|| panic!("no card titled {title:?}"))
}

fn wait_badges(s: &Session, title: &str, n: u64) {
    s.wait_until(
        &format!("{n} score badge(s) on {title:?}"),
        Duration::from_secs(10),
        |s| badges_on_card(s, title) == n,
    );
}

fn select_card(s: &Session, title: &str) {
    let card_css = testid_css("card");
    let card = s.find(&format!("{card_css}[aria-label=\"{title}\"]"));
    let (x, y) = s.centre(&card);
    s.click_at(x, y);
    s.find(&format!("{card_css}.selected[aria-label=\"{title}\"]"));
}

fn dialog_closed(s: &Session) -> bool {
    s.try_find(&testid_css("import-dialog")).is_none()
}

#[test]
fn a_survey_csv_is_previewed_imported_with_its_bad_row_skipped_and_undone() {
    let sandbox = Sandbox::new();
    sandbox
        .run(&["new", "Bank.baton", "--template", "bank_lost_card"])
        .ok();
    let file = sandbox.path("Bank.baton");
    let before = responses_on_disk(&file);
    let hotspot = touchpoint_with_csat_target(&file);
    let one_bad = sandbox.write(
        "november survey.csv",
        survey_with_one_bad_row(&hotspot).as_bytes(),
    );
    let many_bad = sandbox.write("wrong cards.csv", survey_with_many_bad_rows().as_bytes());
    // A quote never closed: no mapping can read it (a file merely lacking Baton's columns
    // goes to the mapping step instead, interop.rs).
    let no_value = sandbox.write(
        "open quote.csv",
        b"target,metric,value,date\nx,CSAT,4,\"2026-11-01\n",
    );

    let s = launch();
    open_in_app(&s, &file);
    // Let the insights land: the card has no badge before the import.
    std::thread::sleep(Duration::from_millis(800));
    wait_badges(&s, TARGET_CARD, 0);
    // Before: the unscored card is a "measure this touchpoint" suggestion.
    let measure_card = format!("measure_touchpoint:{}", card_id(&s, TARGET_CARD));
    let before_keys = suggestion_keys(&s);
    assert!(
        before_keys.contains(&measure_card),
        "{measure_card} not in {before_keys:?}"
    );
    let hotspot_before = hotspot_text(&s, &hotspot);
    s.screenshot(&screens_dir().join("import-insights-before.png"));

    // A selected card behind the dialog: keys pressed in the dialog must not reach the map.
    let card_css = testid_css("card");
    let cards = s.count(&card_css);
    select_card(&s, TARGET_CARD);

    // A file that cannot be read as a survey: the reason in the dialog, and another try.
    import_file(&s, &no_value, "unreadable");
    let error = s.testid("import-error");
    assert_eq!(
        s.attr(&error, "data-kind").as_deref(),
        Some("csv_unreadable")
    );
    let message = s.text(&error);
    assert!(
        message.starts_with("open quote.csv: ") && message.contains("never closed"),
        "{message}"
    );
    s.screenshot(&screens_dir().join("import-unreadable.png"));
    s.click_testid("btn-import-choose-again");

    // A file where every row is wrong: listed up to a cap, no import offered; Escape cancels.
    dialogs::answer_open(DIALOG_TITLE, &many_bad);
    s.find(&format!(
        "{}[data-step=\"preview\"]",
        testid_css("import-dialog")
    ));
    assert_eq!(summary_attr(&s, "data-rejected"), "60");
    assert_eq!(s.count(&testid_css("import-rejected-row")), 20);
    assert_eq!(s.text(&s.testid("import-rejected-more")), "and 40 more");
    assert!(s.try_find(&testid_css("btn-import-commit")).is_none());
    s.screenshot(&screens_dir().join("import-many-rejected.png"));
    s.keys(DELETE);
    s.keys(ESCAPE);
    s.wait_until(
        "Escape to close the dialog",
        Duration::from_secs(10),
        dialog_closed,
    );
    std::thread::sleep(Duration::from_millis(300));
    assert_eq!(
        s.count(&card_css),
        cards,
        "Delete in the dialog reached the map"
    );

    // The file with one bad row: its preview, the rejected line, and the choice to skip it.
    select_card(&s, TARGET_CARD);
    import_file(&s, &one_bad, "preview");
    assert_eq!(s.text(&s.testid("import-file-name")), "november survey.csv");
    assert_eq!(summary_attr(&s, "data-rows"), (IMPORTED + 1).to_string());
    assert_eq!(summary_attr(&s, "data-accepted"), IMPORTED.to_string());
    assert_eq!(summary_attr(&s, "data-rejected"), "1");
    assert_eq!(s.count(&testid_css("import-preview-row")), IMPORTED + 1);
    let marked = format!(
        "{}[data-rejected=\"true\"]",
        testid_css("import-preview-row")
    );
    assert_eq!(s.count(&marked), 1);
    assert_eq!(s.attr(&s.find(&marked), "data-line").as_deref(), Some("4"));
    let rejected = s.find_all(&testid_css("import-rejected-row"));
    assert_eq!(rejected.len(), 1);
    assert_eq!(s.attr(&rejected[0], "data-line").as_deref(), Some("4"));
    assert_eq!(
        s.attr(&rejected[0], "data-reason").as_deref(),
        Some("off_scale")
    );
    assert!(s.text(&rejected[0]).contains("Line 4"));
    let commit = s.testid("btn-import-commit");
    assert_eq!(
        s.text(&commit),
        format!("Import {IMPORTED} valid rows, skip 1")
    );
    assert_eq!(s.attr(&commit, "data-skip").as_deref(), Some("true"));
    s.screenshot(&screens_dir().join("import-preview.png"));

    s.click(&commit);
    let result = s.testid("import-result");
    assert!(
        s.text(&result).starts_with(&format!(
            "Imported {IMPORTED} responses, skipped 1 rejected row."
        )),
        "{}",
        s.text(&result)
    );
    s.screenshot(&screens_dir().join("import-result.png"));
    s.keys(DELETE);
    s.click_testid("btn-import-close");
    s.wait_until(
        "the dialog to close",
        Duration::from_secs(10),
        dialog_closed,
    );
    // The imported responses score the card: its badge appears (and the card is still there).
    wait_badges(&s, TARGET_CARD, 1);
    assert_eq!(
        s.count(&card_css),
        cards,
        "Delete in the dialog reached the map"
    );
    // The selected card's history and what its customers said are fetched for it alone (the
    // journey's insights carry only each card's latest reading).
    s.wait_until(
        "the card's imported comments in the inspector",
        Duration::from_secs(10),
        |s| {
            s.find_all("[data-testid=\"verbatim\"]")
                .iter()
                .any(|v| s.text(v).contains("e2e: easy"))
        },
    );
    s.screenshot(&screens_dir().join("import-badge.png"));
    // After: the suggestions and the touchpoint hotspot follow the imported scores.
    s.wait_until(
        "the suggestions to follow the import",
        Duration::from_secs(15),
        |s| suggestion_keys(s) != before_keys,
    );
    s.wait_until(
        "the hotspot to follow the import",
        Duration::from_secs(15),
        |s| hotspot_text(s, &hotspot) != hotspot_before,
    );
    assert!(!suggestion_keys(&s).contains(&measure_card));
    let hotspot_after = hotspot_text(&s, &hotspot);
    assert!(
        hotspot_after.contains("0%"),
        "{hotspot_before:?} -> {hotspot_after:?}"
    );
    s.screenshot(&screens_dir().join("import-insights-after.png"));

    // The three responses are in the file, as one step of its history.
    s.click_testid("btn-close-file");
    s.testid("start-screen");
    assert_eq!(responses_on_disk(&file), before + IMPORTED);

    // Reopened from the recent list, Ctrl+Z takes the whole import back.
    let recent = format!(
        "{}[data-path=\"{}\"]",
        testid_css("recent-file"),
        file.display()
    );
    s.click(&s.find(&recent));
    wait_for_journey(&s);
    assert_eq!(
        s.attr(&s.testid("btn-redo"), "disabled").as_deref(),
        Some("true")
    );
    s.chord(CONTROL, "z");
    s.wait_until("Ctrl+Z to undo the import", Duration::from_secs(10), |s| {
        s.attr(&s.testid("btn-redo"), "disabled").is_none()
    });
    wait_badges(&s, TARGET_CARD, 0);
    s.click_testid("btn-close-file");
    s.testid("start-screen");
    assert_eq!(responses_on_disk(&file), before);
}

/// Duplicate as future state is built in Rust (one edit): the copy opens with the whole map,
/// and Ctrl+Z removes it in one step.
#[test]
fn a_journey_duplicated_as_future_state_opens_whole_and_undoes_in_one_step() {
    let sandbox = Sandbox::new();
    sandbox
        .run(&["new", "Bank.baton", "--template", "bank_lost_card"])
        .ok();
    let s = launch();
    open_in_app(&s, &sandbox.path("Bank.baton"));
    let card = testid_css("card");
    let cards = s.count(&card);
    assert!(cards > 10, "the template's map shows: {cards} cards");
    let future = format!("{}[data-state=\"future\"]", testid_css("journey-item"));
    assert_eq!(s.count(&future), 0);

    // The row's tools show while it has the focus, as under the pointer.
    s.click_testid("journey-item");
    s.click_testid("btn-duplicate-journey");
    s.wait_count(&future, 1);
    s.wait_until("the copy to open", Duration::from_secs(10), |s| {
        s.try_find(&testid_css("journey-state"))
            .is_some_and(|e| s.text(&e) == "future")
    });
    assert_eq!(
        s.text(&s.testid("journey-name")),
        format!("{JOURNEY} (future)")
    );
    s.wait_count(&card, cards);

    s.chord(CONTROL, "z");
    s.wait_count(&future, 0);
}
