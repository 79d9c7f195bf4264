//! End to end: one user gesture, one undo step (DESIGN: "one user action, one undo step"). A
//! stage, a lane of a kind, a card and a journey are each named as they are added; one Ctrl+Z
//! (the Undo button) takes each back whole, not to an unnamed "New card", and redo brings each
//! back with its name.

use std::time::Duration;

use serde_json::json;

use crate::e2e_support::launch;
use crate::e2e_support::webdriver::{Session, ESCAPE};
use crate::{
    add_card, add_lane, add_stage, card_by_title, cell_point, create_file, create_journey, shot,
    CARD, LANE, STAGE,
};

const JOURNEY_ITEM: &str = "[data-testid=\"journey-item\"]";

/// Clicks Undo once and waits for `css` to count `n`: the gesture undone whole in one step.
fn undo_once(s: &Session, css: &str, n: usize) {
    s.click_testid("btn-undo");
    s.wait_count(css, n);
}

fn redo_once(s: &Session, css: &str, n: usize) {
    s.click_testid("btn-redo");
    s.wait_count(css, n);
}

#[test]
fn each_adding_gesture_is_one_undo_step() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("Undo steps.baton");
    let s = launch();
    create_file(&s, &file, "Undo steps");

    create_journey(&s, "Lost card");
    add_stage(&s, "Notice");
    add_lane(&s, "actor", "Contact centre");
    add_card(&s, 0, 0, "Sees an odd charge");
    assert_eq!(s.count(CARD), 1);

    // Escape while naming still adds the card, with the name it was offered, in one step too.
    let (x, y) = cell_point(&s, 0, 0);
    s.click_at(x, y);
    s.click_testid("btn-add-card");
    s.wait_until(
        "the title editor to have focus",
        Duration::from_secs(10),
        |s| {
            s.exec(
                "return document.activeElement?.getAttribute('data-testid') ?? ''",
                json!([]),
            ) == json!("title-editor")
        },
    );
    s.keys(ESCAPE);
    s.wait_until("a card titled \"New card\"", Duration::from_secs(10), |s| {
        card_by_title(s, "New card").is_some()
    });
    shot(&s, "20-named-gestures");

    undo_once(&s, CARD, 1);
    assert!(card_by_title(&s, "New card").is_none());
    undo_once(&s, CARD, 0);
    undo_once(&s, LANE, 0);
    undo_once(&s, STAGE, 0);
    undo_once(&s, JOURNEY_ITEM, 0);
    assert!(
        s.property(&s.testid("btn-undo"), "disabled") == json!(true),
        "five gestures left more than five undo steps"
    );

    // Redo brings each back named, one step each.
    redo_once(&s, JOURNEY_ITEM, 1);
    s.click(&s.find(JOURNEY_ITEM));
    redo_once(&s, STAGE, 1);
    redo_once(&s, LANE, 1);
    redo_once(&s, CARD, 1);
    s.wait_until("the card's title back", Duration::from_secs(10), |s| {
        card_by_title(s, "Sees an odd charge").is_some()
    });
}
