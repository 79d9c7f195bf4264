//! End to end: the demo's map at 1280x720, where the handoffs are densest. What the page draws
//! of each handoff's labels (chain marks, re-verify and retell markers, friction pills) must not
//! overlap on screen, the emotion points show their values, and screenshots are taken to look at.

use std::time::Duration;

use serde_json::json;

use crate::e2e_support::webdriver::Session;
use crate::e2e_support::{launch, screens_dir};

/// The screen rectangles of every drawn handoff label part, with its handoff's id.
const LABEL_RECTS: &str = r#"
  const parts = '[data-testid="chain-mark"], [data-testid="marker-reverify"], [data-testid="marker-retell"], [data-testid="friction-badge"], [data-testid="score-badge"]';
  return [...document.querySelectorAll('[data-testid="handoff"]')].flatMap((h) =>
    [...h.querySelectorAll(parts)].map((p) => {
      const r = p.getBoundingClientRect();
      return { id: h.dataset.id, part: p.dataset.testid, l: r.left, t: r.top, r: r.right, b: r.bottom };
    }));
"#;

/// Parts of different handoffs never overlap (by more than a rounding pixel).
fn assert_labels_apart(s: &Session, when: &str) -> usize {
    let rects = s.exec(LABEL_RECTS, json!([]));
    let rects = rects.as_array().expect("an array of rectangles");
    for (i, a) in rects.iter().enumerate() {
        for b in &rects[i + 1..] {
            if a["id"] == b["id"] {
                continue;
            }
            let f = |v: &serde_json::Value, k: &str| v[k].as_f64().unwrap_or(0.0);
            let overlap = f(a, "l") < f(b, "r") - 1.0
                && f(b, "l") < f(a, "r") - 1.0
                && f(a, "t") < f(b, "b") - 1.0
                && f(b, "t") < f(a, "b") - 1.0;
            assert!(!overlap, "{when}: {a} overlaps {b}");
        }
    }
    rects.len()
}

#[test]
fn the_demo_s_densest_gutter_reads_at_1280x720() {
    let s = launch();
    let screens = screens_dir();
    s.set_window_size(1280, 720);
    s.click_testid("btn-open-demo");
    s.wait_until("the demo's map", Duration::from_secs(10), |s| {
        s.count("[data-testid=\"card\"]") > 0
    });
    s.click_testid("btn-zoom-fit");
    std::thread::sleep(Duration::from_millis(400));
    assert!(
        assert_labels_apart(&s, "fitted") > 0,
        "the demo has markers"
    );
    let values: Vec<String> = s
        .exec(
            r#"return [...document.querySelectorAll('[data-testid="emotion-value"]')].map((e) => e.textContent);"#,
            json!([]),
        )
        .as_array()
        .map(|a| a.iter().filter_map(|v| v.as_str().map(str::to_owned)).collect())
        .unwrap_or_default();
    assert!(!values.is_empty(), "emotion points show their values");
    assert!(
        values
            .iter()
            .all(|v| ["+3", "+2", "+1", "0", "−1", "−2", "−3"].contains(&v.as_str())),
        "{values:?}"
    );
    s.screenshot(&screens.join("layout-demo-fitted-1280x720.png"));

    // The friction view, at 100 %, on the worst handoff: the densest part of the map.
    s.click_testid("btn-friction-view");
    s.click_testid("btn-insights");
    let worst = s.find("[data-testid=\"hotspot\"][data-kind=\"handoff\"]");
    s.click(&worst);
    s.click_testid("btn-insights");
    s.click_testid("btn-zoom-reset");
    std::thread::sleep(Duration::from_millis(400));
    assert_labels_apart(&s, "friction view at 100 %");
    s.screenshot(&screens.join("layout-densest-gutter-1280x720.png"));
}
