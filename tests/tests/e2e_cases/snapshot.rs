//! End to end: a snapshot opened read only on the map (issue 15). A snapshot of the bank
//! template's journey is taken with a long name; the journey is changed on the map (a card
//! renamed, another deleted); the snapshot opened from the Compare view shows the old title and
//! the deleted card, under a banner that says read only; Delete, typing, edit shortcuts and the
//! inspector change nothing (the file reopened proves it); back to the journey, the live changes
//! are there and editing works; restored as a new journey, which one undo removes. Screenshot
//! of the read-only state at 1280x720.

use std::time::Duration;

use baton_tests::Sandbox;
use serde_json::json;

use crate::e2e_support::webdriver::{Session, CONTROL, ENTER, ESCAPE};
use crate::{card_by_title, name_in_place, open_file, select_card, shot, CARD};

const DELETE: &str = "\u{E017}";
const SNAPSHOT: &str = "[data-testid=\"snapshot-item\"]";
const JOURNEY_ITEM: &str = "[data-testid=\"journey-item\"]";
const BANNER: &str = "[data-testid=\"snapshot-banner\"]";
const BADGE: &str = "[data-testid=\"score-badge\"]";
const LONG_NAME: &str = "Before the workshop with the contact centre, the cards team, the fraud desk and the branch network on Tuesday morning";
const RENAMED: &str = "Renamed after the snapshot";

/// The ids of the cards on the map, and the one of them no handoff touches (deleting it
/// deletes nothing else).
fn cards_and_lone(s: &Session) -> (Vec<String>, String) {
    let value = s.exec(
        "const ends = new Set();
         for (const h of document.querySelectorAll('[data-testid=\"handoff\"]')) {
           for (const a of ['data-from', 'data-to']) if (h.getAttribute(a)) ends.add(h.getAttribute(a));
         }
         const cards = [...document.querySelectorAll('[data-testid=\"card\"]')].map(c => c.dataset.id);
         return [cards, cards.find(id => !ends.has(id)) ?? cards[cards.length - 1]];",
        json!([]),
    );
    let ids = value[0]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default();
    (
        ids,
        value[1].as_str().expect("a card on the map").to_owned(),
    )
}

fn title_of(s: &Session, id: &str) -> Option<String> {
    s.try_find(&format!("{CARD}[data-id=\"{id}\"]"))
        .and_then(|c| s.attr(&c, "aria-label"))
}

/// Clicks a card of the snapshot (no connect handle there) and waits for its inspector.
fn click_card(s: &Session, id: &str) {
    let (x, y) = s.centre(&s.find(&format!("{CARD}[data-id=\"{id}\"]")));
    s.click_at(x, y);
    s.testid("inspector-step-title");
}

fn open_snapshot(s: &Session) {
    s.click_testid("btn-show-compare");
    s.wait_count(SNAPSHOT, 1);
    s.click_testid("btn-open-snapshot");
    s.find(BANNER);
}

fn wait_live(s: &Session) {
    s.wait_until("the journey back, live", Duration::from_secs(15), |s| {
        s.try_find(BANNER).is_none() && s.try_find("[data-testid=\"btn-add-stage\"]").is_some()
    });
}

fn pause() {
    std::thread::sleep(Duration::from_millis(600));
}

#[test]
fn a_snapshot_opens_read_only_on_the_map_and_restores_as_a_new_journey() {
    let sandbox = Sandbox::new();
    sandbox
        .run(&["new", "Bank.baton", "--template", "bank_lost_card"])
        .ok();
    let file = sandbox.path("Bank.baton");
    let s = crate::e2e_support::launch();
    s.set_window_size(1280, 720);
    open_file(&s, &file);
    s.find(CARD);

    // A snapshot with a long name.
    s.click_testid("btn-show-compare");
    s.testid("snapshots-empty");
    s.type_into(&s.testid("snapshot-name"), LONG_NAME);
    s.click_testid("btn-take-snapshot");
    s.wait_count(SNAPSHOT, 1);

    // On the map: one card renamed, a lone other one deleted.
    s.click_testid("btn-show-map");
    s.find(CARD);
    let (cards, lone) = cards_and_lone(&s);
    let renamed = cards
        .iter()
        .find(|id| **id != lone)
        .expect("two cards")
        .clone();
    let old_title = title_of(&s, &renamed).expect("the card's title");
    select_card(&s, &renamed);
    s.keys(ENTER);
    name_in_place(&s, RENAMED);
    s.wait_until("the card renamed", Duration::from_secs(10), |s| {
        title_of(s, &renamed).as_deref() == Some(RENAMED)
    });
    select_card(&s, &lone);
    s.keys(DELETE);
    s.wait_count(CARD, cards.len() - 1);

    // The live journey's scores are drawn on its cards...
    s.wait_until(
        "score badges on the journey",
        Duration::from_secs(15),
        |s| s.count(BADGE) > 0,
    );

    // The snapshot on the map: the old title and the deleted card, under a read-only banner.
    open_snapshot(&s);
    s.wait_count(CARD, cards.len());
    assert_eq!(title_of(&s, &renamed).as_deref(), Some(old_title.as_str()));
    assert!(
        title_of(&s, &lone).is_some(),
        "the deleted card is in the snapshot"
    );
    assert!(card_by_title(&s, RENAMED).is_none());
    // ...but not over the snapshot's frozen map.
    pause();
    assert_eq!(
        s.count(BADGE),
        0,
        "the live journey's scores drawn on the snapshot"
    );
    let banner = s.text(&s.find(BANNER));
    assert!(
        banner.contains("Snapshot") && banner.to_lowercase().contains("read only"),
        "{banner}"
    );
    // The long name is cut with an ellipsis on one line; both ways out stay on screen.
    let name = s.testid("snapshot-banner-name");
    assert_eq!(s.attr(&name, "title").as_deref(), Some(LONG_NAME));
    let cut = s.exec(
        "const e = arguments[0]; return [e.scrollWidth > e.clientWidth, getComputedStyle(e).textOverflow, e.clientWidth];",
        json!([Session::arg(&name)]),
    );
    assert_eq!(cut[0], json!(true), "the long name is not cut");
    assert_eq!(cut[1], json!("ellipsis"));
    let shown = cut[2].as_f64().unwrap_or(0.0);
    assert!(shown >= 80.0, "too little of the name shows: {shown}px");
    let (_, _, _, banner_h) = s.rect(&s.find(BANNER));
    assert!(banner_h < 64.0, "the banner is too tall: {banner_h}px");
    for id in ["btn-snapshot-back", "btn-snapshot-restore"] {
        let (x, _, w, _) = s.rect(&s.testid(id));
        assert!(x + w <= 1280.0, "{id} is cut off at {x}+{w}");
    }
    // The editing affordances are gone or off.
    for id in [
        "btn-add-stage",
        "btn-add-lane",
        "btn-add-card",
        "btn-friction-view",
    ] {
        assert!(
            s.try_find(&format!("[data-testid=\"{id}\"]")).is_none(),
            "{id} shown"
        );
    }
    for id in [
        "btn-undo",
        "btn-redo",
        "btn-import-responses",
        "btn-metrics",
        "btn-export",
        "btn-insights",
        "btn-add-journey",
    ] {
        assert_eq!(
            s.property(&s.testid(id), "disabled"),
            json!(true),
            "{id} enabled"
        );
    }

    // Keys and the inspector change nothing.
    click_card(&s, &renamed);
    assert!(s.try_find("[data-testid=\"card-handle\"]").is_none());
    s.testid("inspector-read-only");
    let title_field = s.testid("inspector-step-title");
    assert_eq!(s.property(&title_field, "readOnly"), json!(true));
    assert_eq!(
        s.property(&s.testid("inspector-step-notes"), "readOnly"),
        json!(true)
    );
    assert!(s
        .try_find("[data-testid=\"btn-delete-selection\"]")
        .is_none());
    s.keys(DELETE);
    s.keys("vrb2");
    s.chord(CONTROL, "z");
    s.chord(CONTROL, "d");
    s.keys(ENTER);
    assert!(
        s.try_find("[data-testid=\"title-editor\"]").is_none(),
        "Enter opened the title editor"
    );
    s.click(&title_field);
    s.keys("typed into a snapshot");
    pause();
    assert_eq!(s.property(&title_field, "value"), json!(old_title));
    assert_eq!(s.count(CARD), cards.len());
    assert_eq!(title_of(&s, &renamed).as_deref(), Some(old_title.as_str()));
    assert!(
        s.try_find("[data-testid=\"error-banner\"]").is_none(),
        "an edit reached Rust"
    );
    shot(&s, "63-snapshot-read-only-1280");
    s.set_window_size(1920, 1080);
    shot(&s, "64-snapshot-read-only-1920");
    s.set_window_size(1280, 720);

    // Presented: the frozen map, said to be a snapshot; leaving the presentation keeps it.
    s.click_testid("btn-present");
    let label = s.testid("presentation-snapshot");
    assert!(s.text(&label).contains("read only"));
    assert_eq!(s.count(CARD), cards.len());
    assert!(card_by_title(&s, RENAMED).is_none());
    std::thread::sleep(Duration::from_millis(800));
    shot(&s, "65-snapshot-presented-1280");
    s.keys(ESCAPE);
    s.testid("topbar");
    s.find(BANNER);
    assert_eq!(s.count(CARD), cards.len());

    // Back to the journey: the live changes, and editing works again (one undo step).
    s.click_testid("btn-snapshot-back");
    wait_live(&s);
    s.wait_count(CARD, cards.len() - 1);
    assert_eq!(title_of(&s, &renamed).as_deref(), Some(RENAMED));
    assert!(title_of(&s, &lone).is_none());
    assert!(s
        .try_find("[data-testid=\"inspector-read-only\"]")
        .is_none());
    select_card(&s, &renamed);
    assert_eq!(
        s.property(&s.testid("inspector-step-title"), "readOnly"),
        json!(false),
        "the inspector stayed locked"
    );
    assert_eq!(
        s.property(&s.testid("inspector-step-notes"), "readOnly"),
        json!(false)
    );
    s.testid("btn-delete-selection");
    s.keys(DELETE);
    s.wait_count(CARD, cards.len() - 2);
    s.chord(CONTROL, "z");
    s.wait_count(CARD, cards.len() - 1);

    // Esc with nothing selected leaves the snapshot too.
    open_snapshot(&s);
    s.keys(ESCAPE);
    wait_live(&s);

    // Restored as a new journey from the banner: on screen, and one undo removes it.
    let journeys = s.count(JOURNEY_ITEM);
    open_snapshot(&s);
    s.click_testid("btn-snapshot-restore");
    s.wait_count(JOURNEY_ITEM, journeys + 1);
    wait_live(&s);
    s.wait_count(CARD, cards.len());
    s.wait_until(
        "the restored journey on screen",
        Duration::from_secs(15),
        |s| {
            s.text(&s.testid("journey-name"))
                .starts_with("Before the workshop")
        },
    );
    assert_eq!(
        title_of(&s, &renamed),
        None,
        "the restored journey's cards are new ones"
    );
    assert!(card_by_title(&s, &old_title).is_some());
    s.chord(CONTROL, "z");
    s.wait_count(JOURNEY_ITEM, journeys);

    // Reopened: the live journey as it was left, nothing of the snapshot's keys written.
    s.click_testid("btn-close-file");
    open_file(&s, &file);
    s.find(CARD);
    s.wait_count(CARD, cards.len() - 1);
    assert_eq!(title_of(&s, &renamed).as_deref(), Some(RENAMED));
    assert_eq!(s.count(JOURNEY_ITEM), journeys);
    s.click_testid("btn-show-compare");
    s.wait_count(SNAPSHOT, 1);
}
