//! The outsourced order flow (seed 000), a journey without handoffs, a cycle of handoffs, and
//! the rules the bank call does not exercise. Expected values are worked out in the comments.
mod analysis_support;

use analysis_support::{date, MapBuilder};
use baton_core::analysis::{
    analyze, analyze_with, AnalysisOptions, CrossingKind, FrictionWeights, Reverification,
};
use baton_core::*;

/// Stages Order, Process, Ship. Lanes: Customer; Rules engine (Operations, in house,
/// automated); Offshore team (Operations, offshore, manual).
/// Journey order: o1 "Places order" (customer, web), r1 "Validates order" (rules, Order),
/// r2 "Prices and books" (rules, Process), x1 "Checks exceptions by hand" (offshore, Process),
/// r3 "Confirms shipment" (rules, Ship, email touchpoint, resolution), x2 "Calls about the
/// address" (offshore, Ship, phone touchpoint).
/// Handoffs: g1 o1->r1, g2 r1->x1 (partial context), g3 x1->r2, g4 r2->x2 (30 min), g5 x2->r3.
#[test]
fn outsourced_order_flow() {
    let mut map = MapBuilder::new("Order processing");
    let order = map.stage("Order");
    let process = map.stage("Process");
    let ship = map.stage("Ship");
    let customer = map.lane("Customer", LaneKind::Customer);
    let rules = map.actor(
        "Rules engine",
        Some("Operations"),
        Some(Sourcing::InHouse),
        Some(Work::Automated),
    );
    let offshore = map.actor(
        "Offshore team",
        Some("operations "),
        Some(Sourcing::Offshore),
        Some(Work::Manual),
    );
    let o1 = map.step(&order, &customer, "Places order", |s| {
        s.touchpoint = Some(Channel::Web)
    });
    let r1 = map.step(&order, &rules, "Validates order", |_| {});
    let x1 = map.step(&process, &offshore, "Checks exceptions by hand", |_| {});
    let r2 = map.step(&process, &rules, "Prices and books", |_| {});
    let x2 = map.step(&ship, &offshore, "Calls about the address", |s| {
        s.touchpoint = Some(Channel::Phone)
    });
    let r3 = map.step(&ship, &rules, "Confirms shipment", |s| {
        s.touchpoint = Some(Channel::Email);
        s.resolution = true;
    });
    let automated = |h: &mut Handoff| h.mode = HandoffMode::Automated;
    let g1 = map.handoff(&o1, &r1, automated);
    let g2 = map.handoff(&r1, &x1, |h| {
        automated(h);
        h.context = ContextTransfer::Partial;
    });
    let g3 = map.handoff(&x1, &r2, automated);
    let g4 = map.handoff(&r2, &x2, |h| {
        automated(h);
        h.wait_minutes = 30;
    });
    let g5 = map.handoff(&x2, &r3, |_| {});

    let a = analyze(&map.ws, &map.journey).unwrap();
    // Rules lane (position 1) before offshore (2) within a stage.
    assert_eq!(
        a.step_order,
        vec![
            o1.clone(),
            r1.clone(),
            r2.clone(),
            x1.clone(),
            r3.clone(),
            x2.clone()
        ]
    );
    // By sending step alone g4 (r2, place 2) would precede g3 (x1, place 3); but g3 arrives at
    // r2, which g4 leaves, so the flow puts g3 first.
    let order: Vec<&str> = a.handoffs.iter().map(|h| h.handoff_id.as_str()).collect();
    assert_eq!(
        order,
        vec![
            g1.as_str(),
            g2.as_str(),
            g3.as_str(),
            g4.as_str(),
            g5.as_str()
        ]
    );
    assert!(a.cycle_breaks.is_empty());

    // Departments "Operations" and "operations " are one. The customer lane has no attributes.
    assert!(a.handoffs[0].crossings.is_empty());
    for h in &a.handoffs[1..] {
        assert_eq!(
            h.crossings,
            vec![CrossingKind::Sourcing, CrossingKind::Automation]
        );
    }
    assert_eq!(a.crossings.department, 0);
    assert_eq!(a.crossings.sourcing, 4);
    assert_eq!(a.crossings.automation, 4);
    assert_eq!(a.crossings.total, 8);

    // g1 0; g2 partial 10 + 2 x 5 = 20; g3 10; g4 floor(30/6) = 5 + 10 = 15; g5 10.
    let friction: Vec<u32> = a.handoffs.iter().map(|h| h.friction.score).collect();
    assert_eq!(friction, vec![0, 20, 10, 15, 10]);
    // Friction descending, g3 before g5 on the tie (handoff order); g1 (0) left out.
    let ranked: Vec<&str> = a
        .hotspots
        .handoffs
        .iter()
        .map(|h| h.handoff_id.as_str())
        .collect();
    assert_eq!(
        ranked,
        vec![g2.as_str(), g4.as_str(), g3.as_str(), g5.as_str()]
    );

    // Customer-visible: g4 (to x2) and g5 (to r3). No resolution from x2 to x2: one chain.
    assert_eq!(a.summary.customer_visible_handoffs, 2);
    assert_eq!(a.chains.len(), 1);
    assert_eq!(a.chains[0].handoff_ids, vec![g4.clone(), g5.clone()]);
    // x2 and r3 are owned by two lanes of one department: one party.
    assert_eq!(a.summary.parties, 1);
    // No blind nor assisted... g5 is assisted: 0 / (0 + 1).
    assert_eq!(a.summary.blind_share, Some(0.0));
    assert_eq!(a.summary.automated_handoffs, 4);
    let keys: Vec<String> = a.suggestions.iter().map(|s| s.key.clone()).collect();
    assert_eq!(
        keys,
        vec![
            format!("flag_chain:{g4}"),
            format!("measure_touchpoint:{o1}"),
            format!("measure_touchpoint:{r3}"),
            format!("measure_touchpoint:{x2}"),
        ]
    );
}

#[test]
fn a_journey_without_handoffs() {
    let mut map = MapBuilder::new("Browse");
    let look = map.stage("Look");
    let customer = map.lane("Customer", LaneKind::Customer);
    let shop = map.actor("Shop", None, None, None);
    let s1 = map.step(&look, &customer, "Opens the site", |s| {
        s.touchpoint = Some(Channel::Web)
    });
    map.step(&look, &shop, "Shows products", |_| {});
    let a = analyze(&map.ws, &map.journey).unwrap();
    assert_eq!(a.summary.handoffs, 0);
    assert_eq!(a.summary.touchpoints, 1);
    // The only touchpoint is the customer's own: no party.
    assert_eq!(a.summary.parties, 0);
    assert_eq!(a.summary.blind_share, None);
    assert_eq!(a.summary.mean_friction, None);
    assert_eq!(a.summary.reverifications, 0);
    assert!(a.chains.is_empty());
    assert!(a.hotspots.handoffs.is_empty());
    let keys: Vec<String> = a.suggestions.iter().map(|s| s.key.clone()).collect();
    assert_eq!(keys, vec![format!("measure_touchpoint:{s1}")]);
}

/// A (lane 1, stage 0), B (lane 2, stage 0), C (lane 1, stage 1): places 0, 1, 2.
/// p: A->B, q: B->A, r: B->C. p arrives at B, which q and r leave: p before q and r. q arrives
/// at A, which p leaves: q before p. The cycle p, q is broken at q (its sending step B comes
/// after p's, A). Then p; q (1, 0) before r (1, 2).
#[test]
fn a_cycle_is_broken_at_the_latest_sender() {
    let mut map = MapBuilder::new("Ping-pong");
    let s0 = map.stage("First");
    let s1 = map.stage("Then");
    let one = map.actor("Desk", Some("Desk"), None, None);
    let two = map.actor("Back office", Some("Back office"), None, None);
    let a = map.step(&s0, &one, "A", |_| {});
    let b = map.step(&s0, &two, "B", |_| {});
    let c = map.step(&s1, &one, "C", |_| {});
    let p = map.handoff(&a, &b, |_| {});
    let q = map.handoff(&b, &a, |_| {});
    let r = map.handoff(&b, &c, |_| {});
    let result = analyze(&map.ws, &map.journey).unwrap();
    let order: Vec<&str> = result
        .handoffs
        .iter()
        .map(|h| h.handoff_id.as_str())
        .collect();
    assert_eq!(order, vec![p.as_str(), q.as_str(), r.as_str()]);
    assert_eq!(result.cycle_breaks, vec![q.clone()]);
    assert_eq!(
        result.handoffs.iter().map(|h| h.order).collect::<Vec<_>>(),
        vec![0, 1, 2]
    );
}

/// Three steps each sending to the next and the last back to the first, plus a second loop:
/// every handoff still appears exactly once.
#[test]
fn nested_cycles_still_order_every_handoff_once() {
    let mut map = MapBuilder::new("Loops");
    let s0 = map.stage("Only");
    let lanes: Vec<Id> = (0..3)
        .map(|i| map.actor(&format!("L{i}"), None, None, None))
        .collect();
    let steps: Vec<Id> = lanes
        .iter()
        .map(|l| map.step(&s0, l, "S", |_| {}))
        .collect();
    let mut all = vec![
        map.handoff(&steps[0], &steps[1], |_| {}),
        map.handoff(&steps[1], &steps[2], |_| {}),
        map.handoff(&steps[2], &steps[0], |_| {}),
        map.handoff(&steps[1], &steps[0], |_| {}),
    ];
    let result = analyze(&map.ws, &map.journey).unwrap();
    let mut ordered: Vec<Id> = result
        .handoffs
        .iter()
        .map(|h| h.handoff_id.clone())
        .collect();
    assert!(!result.cycle_breaks.is_empty());
    ordered.sort();
    all.sort();
    assert_eq!(ordered, all);
}

/// Two parties' touchpoints in one stage, a reverify handoff landing on a non-verification
/// step, a resolution that breaks a run, and custom weights.
#[test]
fn concentrate_reverify_and_resolution_break() {
    let mut map = MapBuilder::new("Claim");
    let stage = map.stage("Claim");
    let later = map.stage("Later");
    let desk = map.actor("Front desk", Some("Service"), None, None);
    let expert = map.actor("Assessor", Some("Claims"), None, None);
    let tp = |s: &mut Step| s.touchpoint = Some(Channel::InPerson);
    let d1 = map.step(&stage, &desk, "Takes the claim", |s| {
        tp(s);
        s.resolution = true;
    });
    let e1 = map.step(&stage, &expert, "Assesses damage", tp);
    let d2 = map.step(&later, &desk, "Pays out", tp);
    let e2 = map.step(&later, &expert, "Closes file", tp);
    // d1 (place 0) -> e1 (1); d2 (2) -> e2 (3). The span from e1 to d2 holds no resolution
    // (d1 comes before it): one chain.
    let h1 = map.handoff(&d1, &e1, |h| h.reverify = true);
    let h2 = map.handoff(&d2, &e2, |_| {});
    let a = analyze(&map.ws, &map.journey).unwrap();
    // e1 is not a verification step: the reverify handoff counts on its own.
    assert_eq!(a.summary.reverifications, 1);
    assert_eq!(
        a.reverifications,
        vec![Reverification::Handoff {
            handoff_id: h1.clone()
        }]
    );
    assert_eq!(a.chains.len(), 1);
    assert_eq!(a.chains[0].handoff_ids, vec![h1.clone(), h2.clone()]);
    let keys: Vec<String> = a.suggestions.iter().map(|s| s.key.clone()).collect();
    assert!(keys.contains(&format!("carry_verification:{h1}")));
    assert!(keys.contains(&format!("concentrate_touchpoints:{stage}")));
    assert!(keys.contains(&format!("concentrate_touchpoints:{later}")));
    let concentrate = a
        .suggestions
        .iter()
        .find(|s| s.key == format!("concentrate_touchpoints:{stage}"))
        .unwrap();
    assert_eq!(concentrate.step_ids, vec![d1.clone(), e1.clone()]);
    assert!(
        concentrate.reason.contains("2 parties (Claims, Service)"),
        "{}",
        concentrate.reason
    );

    // Make e1 a resolution: it is h1's receiving step, so it lies in the span e1..d2 and the
    // run breaks into two chains of one.
    let mut e1_step = map.ws.steps[&e1].clone();
    e1_step.resolution = true;
    map.ws.apply(&Edit::UpdateStep { step: e1_step }).unwrap();
    let a = analyze(&map.ws, &map.journey).unwrap();
    assert_eq!(a.chains.len(), 2);
    assert!(a.chains.iter().all(|c| !c.flagged));

    // Custom weights: reverify only.
    let weights = FrictionWeights {
        reverify: 40,
        ..FrictionWeights::default()
    };
    let options = AnalysisOptions {
        weights,
        ..AnalysisOptions::default()
    };
    let a = analyze_with(&map.ws, &map.journey, &options).unwrap();
    // h1: reverify 40 + department (Service -> Claims) 5.
    assert_eq!(a.handoffs[0].friction.score, 45);
}

#[test]
fn friction_is_capped_and_a_rise_adds_nothing() {
    let mut map = MapBuilder::new("Worst");
    let st = map.stage("S");
    let l1 = map.actor("In", Some("A"), Some(Sourcing::InHouse), Some(Work::Manual));
    let l2 = map.actor(
        "Out",
        Some("B"),
        Some(Sourcing::Offshore),
        Some(Work::Automated),
    );
    let s1 = map.step(&st, &l1, "Send", |_| {});
    let s2 = map.step(&st, &l2, "Receive", |s| s.touchpoint = Some(Channel::Chat));
    let s3 = map.step(&st, &l1, "Back", |s| s.touchpoint = Some(Channel::Chat));
    let worst = map.handoff(&s1, &s2, |h| {
        h.mode = HandoffMode::Blind;
        h.context = ContextTransfer::None;
        h.reverify = true;
        h.customer_repeats = true;
        h.wait_minutes = 600;
        h.sensitive = true;
    });
    let rise = map.handoff(&s2, &s3, |_| {});
    let nps = map.metric("NPS");
    // s1: all detractors: NPS -100 -> 0.0. s2: all promoters: 100 -> 1.0. s3: NPS 0 -> 0.5.
    map.respond(&s1, &nps, &[0.0, 3.0], date(2026, 1, 5));
    map.respond(&s2, &nps, &[9.0, 10.0], date(2026, 1, 5));
    map.respond(&s3, &nps, &[9.0, 5.0], date(2026, 1, 5));
    let a = analyze(&map.ws, &map.journey).unwrap();
    let w = a.handoffs.iter().find(|h| h.handoff_id == worst).unwrap();
    // 25 + 20 + 15 + 15 + min(100, 10) + 3 x 5 + 10 = 110, the rise 0 -> 1 adds nothing; cap 100.
    assert_eq!(w.friction.uncapped, 110);
    assert_eq!(w.friction.score, 100);
    assert!(w.drop.is_none());
    assert!((w.satisfaction[0].drop + 1.0).abs() < 1e-12);
    // s2 1.0 -> s3 0.5: drop 0.5 -> 10 points, + 3 crossings x 5 = 25.
    let r = a.handoffs.iter().find(|h| h.handoff_id == rise).unwrap();
    assert_eq!(r.friction.score, 25);
}
