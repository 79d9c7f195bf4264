//! What Baton makes by itself holds only in-range values: every template, the demo, and a
//! 10,000-step synthetic journey with its plan. Each applies as a user's edit (whose rules refuse
//! an out-of-range value), and every value is then read back against its metric here, apart
//! from those rules.

use baton_core::scores::in_score_range;
use baton_core::synthetic::{synthetic_journey, synthetic_plan, SyntheticSpec};
use baton_core::templates::{demo_edit_on, template_edit_on, template_list};
use baton_core::*;
use chrono::NaiveDate;

/// Every target, typed score, expected score and response outside its metric's range.
fn out_of_range(ws: &Workspace) -> Vec<String> {
    let metric = |id: &str| &ws.metrics[id];
    let mut found = Vec::new();
    for t in ws.targets.values() {
        if !in_score_range(metric(&t.metric_id), t.value) {
            found.push(format!("target {} = {}", t.id, t.value));
        }
    }
    for s in ws.scores.values() {
        if !in_score_range(metric(&s.metric_id), s.value) || s.sample_size == 0 {
            found.push(format!("score {} = {} ({})", s.id, s.value, s.sample_size));
        }
    }
    for i in ws.initiatives.values() {
        if let Some(e) = &i.expected_effect {
            if !in_score_range(metric(&e.metric_id), e.value) {
                found.push(format!("initiative {} expects {}", i.id, e.value));
            }
        }
    }
    for r in ws.responses.values() {
        let m = metric(&r.metric_id);
        if !(m.scale_min <= r.value && r.value <= m.scale_max) {
            found.push(format!("response {} = {}", r.id, r.value));
        }
    }
    found
}

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 20).unwrap()
}

#[test]
fn every_template_and_the_demo_hold_only_in_range_values() {
    for info in template_list() {
        let mut ws = Workspace::new_file("Client");
        let edit = template_edit_on(&info.key, &ws, day()).unwrap();
        ws.apply(&edit).unwrap();
        assert!(
            !ws.targets.is_empty() && !ws.responses.is_empty(),
            "{}",
            info.key
        );
        assert_eq!(out_of_range(&ws), Vec::<String>::new(), "{}", info.key);
    }
    let mut ws = Workspace::new_file("Client");
    let demo = demo_edit_on(&ws, day());
    ws.apply(&demo).unwrap();
    assert_eq!(out_of_range(&ws), Vec::<String>::new());
}

#[test]
fn a_10000_step_synthetic_journey_and_its_plan_hold_only_in_range_values() {
    let mut ws = Workspace::new_file("Synthetic");
    let journey = synthetic_journey(&ws, &SyntheticSpec::medium());
    ws.apply(&journey).unwrap();
    let plan = synthetic_plan(&ws, 300);
    ws.apply(&plan).unwrap();
    assert_eq!(ws.steps.len(), 10_000);
    assert!(!ws.targets.is_empty() && ws.responses.len() == 50_000);
    assert!(ws.initiatives.values().any(|i| i.expected_effect.is_some()));
    assert_eq!(out_of_range(&ws), Vec::<String>::new());
}
