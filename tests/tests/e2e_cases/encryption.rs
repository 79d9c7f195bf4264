//! End to end: protecting a client file with a passphrase in the real app. The demo is
//! protected through "Protect…" (a confirmation that differs is refused beside its field), the
//! file on disk is no longer readable as SQLite, the recent list shows a lock, and reopening
//! asks for the passphrase: a wrong one is said beside the field (focus kept there), the right
//! one opens the map. Removing the protection then needs the current passphrase.

use std::time::Duration;

use crate::e2e_support::webdriver::Session;
use crate::e2e_support::{launch, screens_dir};

const PASSPHRASE: &str = "correct horse battery staple";

fn css(id: &str) -> String {
    format!("[data-testid=\"{id}\"]")
}

/// Whether the focused element is the one with test id `id`.
fn focused_is(s: &Session, id: &str) -> bool {
    s.exec(
        "return document.activeElement?.dataset?.testid ?? null",
        serde_json::json!([]),
    )
    .as_str()
        == Some(id)
}

#[test]
fn protect_the_demo_then_reopen_with_wrong_then_right_passphrase() {
    let s = launch();
    let screens = screens_dir();
    s.click_testid("btn-open-demo");
    s.wait_until("the demo's map", Duration::from_secs(10), |s| {
        s.count(&css("card")) > 0
    });
    let button = s.testid("btn-protect");
    assert_eq!(s.attr(&button, "data-encrypted").as_deref(), Some("false"));

    // Protect: the confirmation must match.
    s.click(&button);
    let dialog = s.testid("protect-dialog");
    assert!(s.text(&dialog).contains("cannot be recovered"));
    s.type_into(&s.testid("protect-new"), PASSPHRASE);
    s.type_into(&s.testid("protect-confirm"), "something else");
    s.click_testid("btn-protect-submit");
    let mismatch = s.testid("protect-confirm-error");
    assert!(
        s.text(&mismatch).contains("differ"),
        "{}",
        s.text(&mismatch)
    );
    assert!(focused_is(&s, "protect-confirm"));
    s.screenshot(&screens.join("encryption-protect-dialog.png"));
    let confirm = s.testid("protect-confirm");
    s.exec(
        "arguments[0].value = ''; arguments[0].dispatchEvent(new Event('input'))",
        serde_json::json!([Session::arg(&confirm)]),
    );
    s.type_into(&confirm, PASSPHRASE);
    s.click_testid("btn-protect-submit");
    s.wait_count(&css("protect-dialog"), 0);
    let button = s.testid("btn-protect");
    assert_eq!(s.attr(&button, "data-encrypted").as_deref(), Some("true"));

    // Close: the recent list shows a lock, and the file is no SQLite file any more.
    s.click_testid("btn-close-file");
    s.testid("start-screen");
    let recent = s.testid("recent-file");
    let path = s.attr(&recent, "data-path").unwrap();
    let head = std::fs::read(&path).unwrap();
    assert!(
        !head.starts_with(b"SQLite format 3"),
        "{path} is still plain"
    );
    assert_eq!(
        s.count(&format!("{} {}", css("recent-file"), css("recent-lock"))),
        1
    );

    // Reopen: a wrong passphrase is said beside the field, which keeps the focus.
    s.click(&recent);
    s.testid("passphrase-dialog");
    assert!(focused_is(&s, "passphrase-input"));
    s.type_into(&s.testid("passphrase-input"), "not it");
    s.click_testid("btn-passphrase-open");
    let error = s.testid("passphrase-error");
    assert_eq!(
        s.attr(&error, "data-kind").as_deref(),
        Some("wrong_passphrase")
    );
    assert!(focused_is(&s, "passphrase-input"));
    assert_eq!(
        s.count(&css("topbar")),
        0,
        "a wrong passphrase opens nothing"
    );
    s.screenshot(&screens.join("encryption-passphrase-dialog.png"));

    // The right one opens the map.
    let input = s.testid("passphrase-input");
    s.exec(
        "arguments[0].value = ''; arguments[0].dispatchEvent(new Event('input'))",
        serde_json::json!([Session::arg(&input)]),
    );
    s.type_into(&input, PASSPHRASE);
    s.click_testid("btn-passphrase-open");
    s.testid("topbar");
    s.wait_until("the reopened map", Duration::from_secs(10), |s| {
        s.count(&css("card")) > 0
    });
    assert_eq!(s.count(&css("passphrase-dialog")), 0);
    assert_eq!(
        s.attr(&s.testid("btn-protect"), "data-encrypted")
            .as_deref(),
        Some("true")
    );

    // Remove the protection: a wrong current passphrase is refused beside its field, and the
    // file stays encrypted; the right one makes it a plain SQLite file again.
    s.click_testid("btn-protect");
    let dialog = s.testid("protect-dialog");
    assert_eq!(s.attr(&dialog, "data-encrypted").as_deref(), Some("true"));
    s.click_testid("protect-mode-remove");
    s.wait_count(&css("protect-new"), 0);
    s.type_into(&s.testid("protect-current"), "not it either");
    s.click_testid("btn-protect-submit");
    let error = s.testid("protect-current-error");
    assert_eq!(
        s.attr(&error, "data-kind").as_deref(),
        Some("wrong_passphrase")
    );
    assert!(!std::fs::read(&path)
        .unwrap()
        .starts_with(b"SQLite format 3"));
    s.screenshot(&screens.join("encryption-remove-dialog.png"));
    let current = s.testid("protect-current");
    s.exec(
        "arguments[0].value = ''; arguments[0].dispatchEvent(new Event('input'))",
        serde_json::json!([Session::arg(&current)]),
    );
    s.type_into(&current, PASSPHRASE);
    s.click_testid("btn-protect-submit");
    s.wait_count(&css("protect-dialog"), 0);
    assert_eq!(
        s.attr(&s.testid("btn-protect"), "data-encrypted")
            .as_deref(),
        Some("false")
    );
    assert!(std::fs::read(&path)
        .unwrap()
        .starts_with(b"SQLite format 3"));
}
