//! End to end: presentation reads from the back of the room. The map text on screen (card titles,
//! stage and lane names, the emotion points' values and scale, the corner's journey name and
//! persona) is measured at 1280x720 and
//! 1920x1080 and must be at least 18 px; a journey taller than the screen at that size is paged
//! down (PgDn) and scrolled (wheel) instead of shrunk; the hint sits below the map, never over the
//! emotion curve. Screenshots are taken to look at.

use std::time::Duration;

use serde_json::{json, Value};

use crate::e2e_support::webdriver::{Session, ESCAPE};
use crate::e2e_support::{launch, screens_dir};

const F5: &str = "\u{E035}";
const PAGE_DOWN: &str = "\u{E00F}";
const RIGHT: &str = "\u{E014}";

/// The smallest map text a presentation may show, in screen pixels.
const MIN_TEXT_PX: f64 = 18.0;

/// Every map text on screen with its size there: its font size (map units) times the scale it
/// is drawn at, which is its on-screen width over its own (untransformed) width.
const TEXT_SIZES: &str = r#"
  const canvas = document.querySelector('[data-testid="map-canvas"]').getBoundingClientRect();
  const texts = '.card-text, .stage-text, .lane-name, .lane-scale, [data-testid="emotion-value"], .corner-text, .corner-persona';
  return [...document.querySelectorAll(texts)].flatMap((el) => {
    const r = el.getBoundingClientRect();
    const b = el.getBBox();
    const onScreen = r.right > canvas.left && r.left < canvas.right && r.bottom > canvas.top && r.top < canvas.bottom;
    if (!onScreen || b.width <= 0 || r.width <= 0) return [];
    const font = parseFloat(getComputedStyle(el).fontSize);
    return [{ kind: el.getAttribute('class'), text: el.textContent.slice(0, 40), px: font * r.width / b.width }];
  });
"#;

/// The screen boxes of the hint, the map's visible area and each emotion curve.
const BOXES: &str = r#"
  const box = (el) => { const r = el.getBoundingClientRect(); return { l: r.left, t: r.top, r: r.right, b: r.bottom }; };
  return {
    hint: box(document.querySelector('[data-testid="presentation-hint"]')),
    canvas: box(document.querySelector('[data-testid="map-canvas"]')),
    curves: [...document.querySelectorAll('[data-testid="emotion-curve"]')].map(box),
  };
"#;

fn num(v: &Value, k: &str) -> f64 {
    v[k].as_f64().unwrap_or(f64::NAN)
}

/// The part of `a` inside `b`, if any (boxes as `BOXES` gives them).
fn inside(a: &Value, b: &Value) -> Option<(f64, f64, f64, f64)> {
    let (l, t) = (num(a, "l").max(num(b, "l")), num(a, "t").max(num(b, "t")));
    let (r, bottom) = (num(a, "r").min(num(b, "r")), num(a, "b").min(num(b, "b")));
    (l < r && t < bottom).then_some((l, t, r, bottom))
}

/// Asserts every map text on screen is at least 18 px tall, the kinds of text that must be
/// there are, and returns how many were measured.
pub(crate) fn assert_text_readable(s: &Session, when: &str, kinds: &[&str]) -> usize {
    let sizes = s.exec(TEXT_SIZES, json!([]));
    let sizes = sizes.as_array().expect("an array of text sizes");
    for t in sizes {
        let px = num(t, "px");
        assert!(
            px >= MIN_TEXT_PX - 0.01,
            "{when}: {t} is {px:.1} px, under 18"
        );
    }
    for kind in kinds {
        assert!(
            sizes.iter().any(|t| t["kind"].as_str() == Some(kind)),
            "{when}: no {kind} on screen in {sizes:?}"
        );
    }
    sizes.len()
}

/// Asserts the hint sits below the map, so it covers no part of an emotion curve on screen;
/// returns whether an emotion curve shows on screen.
pub(crate) fn assert_hint_clear(s: &Session, when: &str) -> bool {
    let boxes = s.exec(BOXES, json!([]));
    let (hint, canvas) = (&boxes["hint"], &boxes["canvas"]);
    assert!(
        num(hint, "t") >= num(canvas, "b") - 0.5,
        "{when}: the hint {hint} is over the map {canvas}"
    );
    let mut curve_shown = false;
    for curve in boxes["curves"].as_array().into_iter().flatten() {
        if let Some((l, t, r, b)) = inside(curve, canvas) {
            curve_shown = true;
            let shown = json!({ "l": l, "t": t, "r": r, "b": b });
            assert!(
                inside(&shown, hint).is_none(),
                "{when}: the hint {hint} covers the emotion curve {shown}"
            );
        }
    }
    curve_shown
}

/// Presentation's hint as it reads now.
fn hint(s: &Session) -> String {
    s.try_find("[data-testid=\"presentation-hint\"]")
        .map(|e| s.text(&e))
        .unwrap_or_default()
}

/// Presentation's hint, once it says `what`.
fn wait_hint(s: &Session, what: &str) -> String {
    let mut text = String::new();
    s.wait_until(what, Duration::from_secs(10), |s| {
        text = s
            .try_find("[data-testid=\"presentation-hint\"]")
            .map(|e| s.text(&e))
            .unwrap_or_default();
        text.contains(what)
    });
    text
}

/// Starts presenting (F5 on the map) and lets it fit and draw at its zoom.
fn present(s: &Session) {
    s.click(&s.testid("map-canvas"));
    s.keys(F5);
    wait_hint(s, "Stage 1 of");
    std::thread::sleep(Duration::from_millis(800));
}

fn leave(s: &Session) {
    s.keys(ESCAPE);
    s.testid("topbar");
}

#[test]
fn presentation_text_is_18_px_and_a_tall_journey_scrolls_instead_of_shrinking() {
    let s = launch();
    let screens = screens_dir();
    s.set_window_size(1280, 720);
    s.click_testid("btn-open-demo");
    s.wait_until("the demo's map", Duration::from_secs(10), |s| {
        s.count("[data-testid=\"card\"]") > 0
    });

    // 1280x720: the demo's lanes are taller than the screen at 18 px, so it pages.
    present(&s);
    let all = [
        "card-text",
        "stage-text",
        "lane-name",
        "lane-scale",
        "emotion-value",
    ];
    let top_kinds = [
        "card-text",
        "stage-text",
        "lane-name",
        "corner-text",
        "corner-persona",
    ];
    assert!(assert_text_readable(&s, "1280x720, top", &top_kinds) > 10);
    assert!(
        hint(&s).contains("more below"),
        "the hint says there is more below"
    );
    let curve_at_top = assert_hint_clear(&s, "1280x720, top");
    s.screenshot(&screens.join("present-demo-1280x720-top.png"));

    // PgDn: the same stage, a screenful further down each time, down to the emotion lane.
    for page in 0..6 {
        if !hint(&s).contains("more below") {
            break;
        }
        s.keys(PAGE_DOWN);
        std::thread::sleep(Duration::from_millis(400));
        assert!(
            hint(&s).starts_with("Stage 1 of"),
            "page {page}: {}",
            hint(&s)
        );
        assert_text_readable(&s, &format!("1280x720, page {}", page + 2), &[]);
    }
    assert!(!hint(&s).contains("more below"), "{}", hint(&s));
    assert_text_readable(&s, "1280x720, paged down", &all);
    assert!(
        assert_hint_clear(&s, "1280x720, paged down"),
        "the emotion curve shows once paged down"
    );
    assert!(
        !curve_at_top,
        "the emotion lane was below the screen at first"
    );
    s.screenshot(&screens.join("present-demo-1280x720-paged.png"));

    // The wheel scrolls back up; PgDn at the bottom goes on to the next stage's top.
    let wheel_up = r#"
      const el = document.querySelector('[data-testid="map-canvas"]');
      const r = el.getBoundingClientRect();
      el.dispatchEvent(new WheelEvent('wheel', { deltaY: -5000, clientX: r.left + 300, clientY: r.top + 200, bubbles: true, cancelable: true }));
    "#;
    s.exec(wheel_up, json!([]));
    s.wait_until("the top again", Duration::from_secs(10), |s| {
        hint(s).contains("more below")
    });
    // Right goes to the next stage; PgDn from the last screenful of a stage to the next's top.
    s.keys(RIGHT);
    wait_hint(&s, "Stage 2 of");
    for _ in 0..6 {
        if hint(&s).starts_with("Stage 3 of") {
            break;
        }
        s.keys(PAGE_DOWN);
        std::thread::sleep(Duration::from_millis(300));
    }
    assert!(hint(&s).starts_with("Stage 3 of"), "{}", hint(&s));
    assert!(
        hint(&s).contains("more below"),
        "the next stage starts at the top"
    );
    leave(&s);

    // 1920x1080: the same sizes at a projector's resolution.
    s.set_window_size(1920, 1080);
    std::thread::sleep(Duration::from_millis(500));
    present(&s);
    assert_text_readable(&s, "1920x1080", &top_kinds);
    assert_hint_clear(&s, "1920x1080");
    s.screenshot(&screens.join("present-demo-1920x1080.png"));
    leave(&s);
}
