//! End to end: the real `baton-app` binary, driven through WebDriver, writing real `.baton`
//! files. Native file dialogs are answered with the keyboard through xdotool. Run by
//! `scripts/e2e.sh` (which starts Xvfb and tauri-driver); screenshots go to target/e2e-screens/.

#[path = "e2e_cases/compare.rs"]
mod compare_cases;
mod e2e_support;
#[path = "e2e_cases/encryption.rs"]
mod encryption_cases;
#[path = "e2e_cases/export.rs"]
mod export_cases;
#[path = "e2e_cases/import.rs"]
mod import_cases;
#[path = "e2e_cases/interop.rs"]
mod interop_cases;
#[path = "e2e_cases/keyboard.rs"]
mod keyboard_cases;
#[path = "e2e_cases/layout.rs"]
mod layout_cases;
#[path = "e2e_cases/measure.rs"]
mod measure_cases;
#[path = "e2e_cases/plan.rs"]
mod plan_cases;
#[path = "e2e_cases/presentation.rs"]
mod presentation_cases;
#[path = "e2e_cases/snapshot.rs"]
mod snapshot_cases;
#[path = "e2e_cases/undo.rs"]
mod undo_cases;

use std::path::Path;
use std::time::Duration;

use e2e_support::webdriver::{Element, Session, ENTER, ESCAPE};
use e2e_support::{dialogs, launch, screens_dir};
use serde_json::json;

const CARD: &str = "[data-testid=\"card\"]";
const HANDOFF: &str = "[data-testid=\"handoff\"]";
const STAGE: &str = "[data-testid=\"stage-header\"]";
const LANE: &str = "[data-testid=\"lane-header\"]";

// ---- gestures, as a user makes them ----

/// Creates a client file as a user does: New, the client's name, Create…, then the native save
/// dialog.
fn create_file(s: &Session, path: &Path, client: &str) {
    start_new_file(s, client);
    dialogs::answer_save("New client file", path);
    s.testid("topbar");
}

/// The text of the element `testid` once it is not empty (the view loads asynchronously).
fn wait_for_text(s: &Session, testid: &str) -> String {
    for _ in 0..50 {
        let text = s.text(&s.testid(testid));
        if !text.is_empty() {
            return text;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    String::new()
}

/// Clicks New, types the client's name and submits it, which opens the save dialog.
fn start_new_file(s: &Session, client: &str) {
    s.click_testid("btn-new-file");
    let name = s.testid("new-file-name");
    s.type_into(&name, client);
    s.click_testid("btn-new-file-create");
}

fn open_file(s: &Session, path: &Path) {
    s.click_testid("btn-open-file");
    dialogs::answer_open("Open client file", path);
    s.testid("topbar");
}

fn create_journey(s: &Session, name: &str) {
    let button = s
        .try_find("[data-testid=\"btn-empty-add-journey\"]")
        .unwrap_or_else(|| s.testid("btn-add-journey"));
    s.click(&button);
    type_into_focused_editor(s, "rename-input", name);
    s.wait_until("the journey name", Duration::from_secs(10), |s| {
        s.try_find("[data-testid=\"journey-name\"]")
            .is_some_and(|e| s.text(&e) == name)
    });
}

/// Types `text` and Enter into the editor `testid` once it has focus, as a user types into the
/// editor that opens with its text selected. (WebDriver's "clear" blurs the element, and a blur
/// commits and closes these editors, so the keys go to the focused editor instead.)
fn type_into_focused_editor(s: &Session, testid: &str, text: &str) {
    wait_focus(s, testid);
    s.keys(&format!("{text}{ENTER}"));
}

/// Waits until the element `testid` has the keyboard focus.
fn wait_focus(s: &Session, testid: &str) {
    s.wait_until(
        &format!("{testid} to have focus"),
        Duration::from_secs(10),
        |s| {
            s.exec(
                "return document.activeElement?.getAttribute('data-testid') ?? ''",
                json!([]),
            ) == json!(testid)
        },
    );
}

/// Types `text` into the in-place title editor that a new stage, lane or card opens.
fn name_in_place(s: &Session, text: &str) {
    type_into_focused_editor(s, "title-editor", text);
    s.wait_until("the title editor to close", Duration::from_secs(10), |s| {
        s.try_find("[data-testid=\"title-editor\"]").is_none()
    });
}

fn add_stage(s: &Session, name: &str) {
    let before = s.count(STAGE);
    let button = s
        .try_find("[data-testid=\"btn-empty-add-stage\"]")
        .unwrap_or_else(|| s.testid("btn-add-stage"));
    s.click(&button);
    name_in_place(s, name);
    s.wait_count(STAGE, before + 1);
}

fn add_lane(s: &Session, kind: &str, name: &str) {
    let before = s.count(LANE);
    s.click_testid("btn-add-lane");
    let option = s.find(&format!(
        "[data-testid=\"lane-kind-option\"][data-kind=\"{kind}\"]"
    ));
    s.click(&option);
    name_in_place(s, name);
    s.wait_count(LANE, before + 1);
}

/// The centre of the cell (stage, lane), from the sticky headers' positions.
fn cell_point(s: &Session, stage: usize, lane: usize) -> (f64, f64) {
    let stages = s.find_all(STAGE);
    let lanes = s.find_all(LANE);
    let (x, _) = s.centre(&stages[stage]);
    let (_, y) = s.centre(&lanes[lane]);
    (x, y)
}

fn add_card(s: &Session, stage: usize, lane: usize, title: &str) -> String {
    let before = s.count(CARD);
    let (x, y) = cell_point(s, stage, lane);
    // The click selects the empty cell, or the card already at that point (a card in the cell
    // also makes "Add card" add to its cell).
    s.click_at(x, y);
    s.wait_until("a cell or card selected", Duration::from_secs(10), |s| {
        s.try_find("[data-testid=\"cell-selected\"], [data-testid=\"card\"].selected")
            .is_some()
    });
    s.click_testid("btn-add-card");
    name_in_place(s, title);
    s.wait_count(CARD, before + 1);
    // The editor closes at once; the card shows its title when the edit comes back.
    s.wait_until(
        &format!("a card titled {title:?}"),
        Duration::from_secs(10),
        |s| card_by_title(s, title).is_some(),
    );
    card_by_title(s, title)
        .and_then(|c| s.attr(&c, "data-id"))
        .unwrap_or_else(|| panic!("no card titled {title:?}"))
}

fn text_content(s: &Session, el: &Element) -> String {
    s.exec("return arguments[0].textContent", json!([Session::arg(el)]))
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

/// The card whose full title is `title` (a card carries it as its accessible name; the visible
/// text is wrapped and may be clipped).
fn card_by_title(s: &Session, title: &str) -> Option<Element> {
    s.find_all(CARD)
        .into_iter()
        .find(|c| s.attr(c, "aria-label").as_deref() == Some(title))
}

/// What the card shows: its wrapped lines, joined.
fn visible_card_text(s: &Session, card: &Element) -> String {
    s.exec(
        "return [...arguments[0].querySelectorAll('.card-text tspan')].map(t => t.textContent).join('')",
        json!([Session::arg(card)]),
    )
    .as_str()
    .unwrap_or_default()
    .to_owned()
}

/// Clicks the middle of an element, as a user does (SVG headers are not "interactable" to
/// WebDriver's element click).
fn click_centre(s: &Session, el: &Element) {
    let (x, y) = s.centre(el);
    s.click_at(x, y);
}

fn card(s: &Session, id: &str) -> Element {
    s.find(&format!("{CARD}[data-id=\"{id}\"]"))
}

fn select_card(s: &Session, id: &str) {
    let c = card(s, id);
    let (x, y) = s.centre(&c);
    s.click_at(x, y);
    s.find(&format!("[data-testid=\"card-handle\"][data-id=\"{id}\"]"));
}

/// Draws a handoff by dragging the selected card's handle onto the receiving card.
fn draw_handoff(s: &Session, from: &str, to: &str) {
    let before = s.count(HANDOFF);
    select_card(s, from);
    let handle = s.find(&format!(
        "[data-testid=\"card-handle\"][data-id=\"{from}\"]"
    ));
    let start = s.centre(&handle);
    let end = s.centre(&card(s, to));
    s.drag(start, end);
    s.wait_count(HANDOFF, before + 1);
}

/// Clicks a handoff at the middle of its path, as a user clicks the arrow. A map just shown
/// (back from the Compare view) fits itself to the window a moment later, which can move the
/// arrow from under a click aimed before: the click is aimed again, as a user would, until the
/// handoff is selected.
fn select_handoff(s: &Session, index: usize) {
    for _ in 0..5 {
        let handoffs = s.find_all(HANDOFF);
        let point = s.exec(
            "const p = arguments[0].querySelector('path.hit') || arguments[0].querySelector('path');
             const at = p.getPointAtLength(p.getTotalLength() / 2);
             const m = p.getScreenCTM();
             return [at.x * m.a + at.y * m.c + m.e, at.x * m.b + at.y * m.d + m.f];",
            json!([Session::arg(&handoffs[index])]),
        );
        s.click_at(
            point[0].as_f64().unwrap_or(0.0),
            point[1].as_f64().unwrap_or(0.0),
        );
        for _ in 0..10 {
            if s.try_find("[data-testid=\"inspector-handoff-mode\"]")
                .is_some()
            {
                return;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }
    s.testid("inspector-handoff-mode");
}

fn choose(s: &Session, select_testid: &str, value: &str) {
    let option = s.find(&format!(
        "[data-testid=\"{select_testid}\"] option[value=\"{value}\"]"
    ));
    s.click(&option);
    s.wait_until(
        &format!("{select_testid} = {value}"),
        Duration::from_secs(10),
        |s| s.property(&s.testid(select_testid), "value") == json!(value),
    );
}

fn checked(s: &Session, testid: &str) -> bool {
    s.property(&s.testid(testid), "checked") == json!(true)
}

fn shot(s: &Session, name: &str) {
    s.screenshot(&screens_dir().join(format!("{name}.png")));
}

// ---- the tests ----

#[test]
fn start_screen_offers_new_open_and_demo() {
    let s = launch();
    for id in ["btn-new-file", "btn-open-file", "btn-open-demo"] {
        s.testid(id);
    }
    assert_eq!(s.title(), "Baton");
    shot(&s, "01-start-screen");
}

/// The issue's scenario: a client file, a journey with three stages and three lanes (one actor
/// outsourced), cards, a touchpoint, two handoffs (one blind with re-verification), undo and
/// redo, then close and reopen and find everything there.
#[test]
fn a_mapped_journey_survives_closing_and_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("ACME Bank.baton");
    let s = launch();

    create_file(&s, &file, "ACME Bank");
    assert!(file.is_file(), "the dialog's path was not created");
    assert_eq!(wait_for_text(&s, "file-name"), "ACME Bank");

    create_journey(&s, "Lost card");
    for stage in ["Notice", "Call", "Verify"] {
        add_stage(&s, stage);
    }
    add_lane(&s, "customer", "Customer");
    add_lane(&s, "actor", "Contact centre");
    add_lane(&s, "actor", "Cards team");

    // The contact centre is outsourced.
    let contact_centre = s.find_all(LANE)[1].clone();
    click_centre(&s, &contact_centre);
    choose(&s, "inspector-lane-sourcing", "outsourced");

    let notices = add_card(&s, 0, 0, "Sees an odd charge");
    let calls = add_card(&s, 1, 0, "Calls the bank");
    let answers = add_card(&s, 1, 1, "Agent answers");
    let reverifies = add_card(&s, 2, 2, "Verifies identity again");
    assert_eq!(s.count(CARD), 4);
    assert!(!notices.is_empty());

    // The agent's answer is a phone touchpoint.
    select_card(&s, &answers);
    choose(&s, "inspector-step-touchpoint", "phone");
    s.wait_count("[data-testid=\"card-channel\"]", 1);
    // Esc in an inspector field gives the keyboard back to the map, where the selection is (not
    // to the page, whose next Tab would start again at the top-left).
    s.click(&s.testid("inspector-step-title"));
    s.keys(ESCAPE);
    wait_focus(&s, "map-canvas");

    draw_handoff(&s, &calls, &answers);
    draw_handoff(&s, &answers, &reverifies);

    // The second handoff (selected after drawing it) is blind and makes the customer verify again.
    choose(&s, "inspector-handoff-mode", "blind");
    s.click(&s.testid("inspector-handoff-reverify"));
    s.wait_count("[data-testid=\"marker-reverify\"]", 1);
    s.wait_count(&format!("{HANDOFF}[data-mode=\"blind\"]"), 1);
    shot(&s, "03-inspector");

    // Undo takes the re-verification back, redo restores it.
    s.click_testid("btn-undo");
    s.wait_count("[data-testid=\"marker-reverify\"]", 0);
    s.click_testid("btn-redo");
    s.wait_count("[data-testid=\"marker-reverify\"]", 1);
    shot(&s, "02-map");

    s.click_testid("btn-present");
    s.testid("presentation-hint");
    shot(&s, "04-presentation");
    s.keys(ESCAPE);
    s.wait_until("presentation to end", Duration::from_secs(10), |s| {
        s.try_find("[data-testid=\"presentation-hint\"]").is_none()
    });

    s.click_testid("btn-close-file");
    s.testid("start-screen");
    let recent = s.testid("recent-file");
    assert!(s.text(&recent).contains("ACME Bank"));

    open_file(&s, &file);
    if s.try_find(STAGE).is_none() {
        let journey = s.testid("journey-item");
        s.click(&journey);
    }
    s.wait_count(STAGE, 3);
    let stages: Vec<String> = s
        .find_all(STAGE)
        .iter()
        .map(|e| text_content(&s, e))
        .collect();
    for (found, expected) in stages.iter().zip(["Notice", "Call", "Verify"]) {
        assert!(
            found.contains(expected),
            "stage {expected:?} shows {found:?}"
        );
    }
    s.wait_count(LANE, 3);
    s.wait_count(CARD, 4);
    s.wait_count(HANDOFF, 2);
    s.wait_count("[data-testid=\"card-channel\"][data-channel=\"phone\"]", 1);
    s.wait_count("[data-testid=\"marker-reverify\"]", 1);
    for title in [
        "Sees an odd charge",
        "Calls the bank",
        "Agent answers",
        "Verifies identity again",
    ] {
        assert!(card_by_title(&s, title).is_some(), "card {title:?} is gone");
    }
    let contact_centre = s.find_all(LANE)[1].clone();
    click_centre(&s, &contact_centre);
    assert_eq!(
        s.property(&s.testid("inspector-lane-sourcing"), "value"),
        json!("outsourced")
    );
    let blind = s
        .find_all(HANDOFF)
        .iter()
        .position(|h| s.attr(h, "data-mode").as_deref() == Some("blind"))
        .unwrap_or_else(|| panic!("no blind handoff after reopening"));
    select_handoff(&s, blind);
    assert!(checked(&s, "inspector-handoff-reverify"));
    // Undo history lives in the file: the last step (redo of re-verify) can be undone again.
    s.click_testid("btn-undo");
    s.wait_count("[data-testid=\"marker-reverify\"]", 0);
}

/// User text is text: markup typed as a card title shows literally and runs nothing.
#[test]
fn markup_in_titles_is_shown_as_text_and_never_runs() {
    let dir = tempfile::tempdir().unwrap();
    let s = launch();
    create_file(&s, &dir.path().join("Payloads.baton"), "Payloads");
    create_journey(&s, "Payloads");
    add_stage(&s, "Stage");
    add_lane(&s, "customer", "Customer");
    let payloads = [
        r#"<img src=x onerror="document.title='pwned'">"#,
        r#"<script>document.title='pwned2'</script>"#,
        r#"<svg onload="document.title='pwned3'"></svg>"#,
        r#"{@html '<b>x</b>'} javascript:document.title='pwned4'"#,
    ];
    for payload in payloads {
        add_card(&s, 0, 0, payload);
    }
    let title_before = s.title();
    std::thread::sleep(Duration::from_millis(500));
    for payload in payloads {
        let card = card_by_title(&s, payload)
            .unwrap_or_else(|| panic!("no card carries the title {payload:?}"));
        // The visible lines are the title's own characters (wrapped, maybe clipped with "…").
        let shown = visible_card_text(&s, &card);
        let shown_chars: String = shown
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '…')
            .collect();
        let title_chars: String = payload.chars().filter(|c| !c.is_whitespace()).collect();
        assert!(
            shown_chars.len() >= 10 && title_chars.starts_with(&shown_chars),
            "{payload:?} shows as {shown:?}"
        );
    }
    // A title cut on its card shows whole, as text, over the card while it is selected (the
    // keyboard's focus), as the hover tooltip shows it.
    let long = "<b>Not bold</b> the customer calls the parts desk a second time because nobody called back about the part";
    let id = add_card(&s, 0, 0, long);
    let card = s.find(&format!("[data-testid=\"card\"][data-id=\"{id}\"]"));
    assert!(
        visible_card_text(&s, &card).contains('…'),
        "the long title is not cut on its card"
    );
    let whole = |s: &Session| {
        s.exec(
            "const e = document.querySelector('[data-testid=\"card-whole-title\"]'); return [e ? e.textContent.trim() : null, document.querySelectorAll('[data-testid=\"card\"].selected').length];",
            json!([]),
        )
    };
    let ok = (0..50).any(|_| {
        std::thread::sleep(Duration::from_millis(200));
        whole(&s)[0] == json!(long)
    });
    assert!(ok, "the whole title over the selected card: {}", whole(&s));
    assert_eq!(s.title(), title_before);
    assert!(!s.title().contains("pwned"));
    let injected = s.exec(
        "return document.querySelectorAll('[data-testid=\"map\"] img, [data-testid=\"map\"] script, [data-testid=\"card\"] svg, [data-testid=\"card-whole-title\"] b').length",
        json!([]),
    );
    assert_eq!(injected, json!(0), "markup from a title became elements");
    shot(&s, "05-payloads");
}

/// The content security policy holds: no eval, no remote connections.
#[test]
fn the_page_cannot_eval_or_reach_the_network() {
    let s = launch();
    let eval = s.exec(
        "try { return String(eval('1 + 1')); } catch (e) { return 'blocked: ' + e.name; }",
        json!([]),
    );
    assert!(
        eval.as_str().unwrap_or_default().starts_with("blocked"),
        "eval ran: {eval}"
    );
    let fetched = s.exec_async(
        "const done = arguments[arguments.length - 1];
         fetch('https://example.com/').then(() => done('reached'), e => done('blocked: ' + e.name));",
        json!([]),
    );
    assert!(
        fetched.as_str().unwrap_or_default().starts_with("blocked"),
        "fetch went out: {fetched}"
    );
}

/// A path JavaScript makes up is refused: files open only from a dialog or the recent list.
#[test]
fn open_recent_refuses_a_path_not_on_the_list() {
    let s = launch();
    let reply = s.exec_async(
        "const done = arguments[arguments.length - 1];
         window.__TAURI_INTERNALS__.invoke('open_recent', { path: '/etc/passwd' })
           .then(r => done({ ok: r }), e => done({ err: e }));",
        json!([]),
    );
    assert_eq!(reply["err"]["kind"], json!("path_not_allowed"), "{reply}");
}

/// Cancelling the save dialog creates nothing and stays on the start screen.
#[test]
fn cancelling_the_new_file_dialog_changes_nothing() {
    let s = launch();
    start_new_file(&s, "Cancelled Client");
    dialogs::cancel("New client file");
    std::thread::sleep(Duration::from_millis(300));
    s.testid("start-screen");
    assert!(s.try_find("[data-testid=\"topbar\"]").is_none());
}
