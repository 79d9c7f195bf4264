//! The bank's lost-card call (seeds 003 and 004), worked out by hand.
//!
//! Stages: Call, Block card, Fraud check. Lanes: Customer; Contact centre (dept "Contact
//! centre", in house, manual); Cards team (dept "Cards", in house, manual); Fraud team (dept
//! "Fraud", outsourced, manual).
//! Steps in journey order: c1 "Calls the bank" (customer, phone touchpoint), a1 "Agent verifies
//! identity" (touchpoint, verification), k1 "Cards team verifies again" (touchpoint,
//! verification), k2 "Blocks the card", f1 "Fraud verifies a third time" (touchpoint,
//! verification), f2 "Orders a new card" (touchpoint, resolution).
//! Handoffs: h1 a1 -> k1 blind, no context, reverify, customer repeats, 14 min;
//!           h2 k2 -> f1 blind, partial context, reverify, 45 min, sensitive without secure channel.
mod analysis_support;

use analysis_support::{date, MapBuilder};
use baton_core::analysis::{analyze, CrossingKind, FrictionFactor, Reverification, SuggestionRule};
use baton_core::*;

struct Bank {
    map: MapBuilder,
    a1: Id,
    c1: Id,
    k1: Id,
    k2: Id,
    f1: Id,
    f2: Id,
    h1: Id,
    h2: Id,
    csat: Id,
}

fn bank() -> Bank {
    let mut map = MapBuilder::new("Report a lost card");
    let call = map.stage("Call");
    let block = map.stage("Block card");
    let fraud_check = map.stage("Fraud check");
    let customer = map.lane("Customer", LaneKind::Customer);
    let contact = map.actor(
        "Contact centre",
        Some("Contact centre"),
        Some(Sourcing::InHouse),
        Some(Work::Manual),
    );
    let cards = map.actor(
        "Cards team",
        Some("Cards"),
        Some(Sourcing::InHouse),
        Some(Work::Manual),
    );
    let fraud = map.actor(
        "Fraud team",
        Some("Fraud"),
        Some(Sourcing::Outsourced),
        Some(Work::Manual),
    );
    let phone = |s: &mut Step| s.touchpoint = Some(Channel::Phone);
    let c1 = map.step(&call, &customer, "Calls the bank", phone);
    let a1 = map.step(&call, &contact, "Agent verifies identity", |s| {
        phone(s);
        s.verification = true;
    });
    let k1 = map.step(&block, &cards, "Cards team verifies again", |s| {
        phone(s);
        s.verification = true;
    });
    let k2 = map.step(&block, &cards, "Blocks the card", |_| {});
    let f1 = map.step(&fraud_check, &fraud, "Fraud verifies a third time", |s| {
        phone(s);
        s.verification = true;
    });
    let f2 = map.step(&fraud_check, &fraud, "Orders a new card", |s| {
        phone(s);
        s.resolution = true;
    });
    let h1 = map.handoff(&a1, &k1, |h| {
        h.mode = HandoffMode::Blind;
        h.context = ContextTransfer::None;
        h.reverify = true;
        h.customer_repeats = true;
        h.wait_minutes = 14;
    });
    let h2 = map.handoff(&k2, &f1, |h| {
        h.mode = HandoffMode::Blind;
        h.context = ContextTransfer::Partial;
        h.reverify = true;
        h.wait_minutes = 45;
        h.sensitive = true;
    });
    let csat = map.metric("CSAT");
    // a1: 5, 5, 4 satisfied, 2 not: CSAT = 3/4 = 75 %.
    map.respond(&a1, &csat, &[5.0, 5.0, 4.0, 2.0], date(2026, 11, 3));
    // k1: only the 4 is satisfied: CSAT = 1/4 = 25 %.
    map.respond(&k1, &csat, &[4.0, 2.0, 2.0, 1.0], date(2026, 11, 4));
    map.target(&a1, &csat, 80.0);
    map.target(&k1, &csat, 80.0);
    Bank {
        map,
        a1,
        c1,
        k1,
        k2,
        f1,
        f2,
        h1,
        h2,
        csat,
    }
}

#[test]
fn counts_of_the_lost_card_call() {
    let b = bank();
    let a = analyze(&b.map.ws, &b.map.journey).unwrap();
    assert_eq!(
        a.step_order,
        vec![
            b.c1.clone(),
            b.a1.clone(),
            b.k1.clone(),
            b.k2.clone(),
            b.f1.clone(),
            b.f2.clone()
        ]
    );
    let s = &a.summary;
    assert_eq!(s.handoffs, 2);
    // Both land on touchpoints (k1, f1).
    assert_eq!(s.customer_visible_handoffs, 2);
    // c1, a1, k1, f1, f2.
    assert_eq!(s.touchpoints, 5);
    // Contact centre, Cards, Fraud: the customer lane is no party.
    assert_eq!(s.parties, 3);
    // 2 blind / (2 blind + 0 assisted).
    assert_eq!(s.blind_share, Some(1.0));
    // Verification steps a1, k1, f1: the two after the first count. h1 and h2 are marked
    // reverify but land on verification steps (k1, f1), so they are those same events: 2, not 4.
    assert_eq!(s.reverifications, 2);
    assert_eq!(
        a.reverifications,
        vec![
            Reverification::Step {
                step_id: b.k1.clone(),
                first_verification_step_id: b.a1.clone()
            },
            Reverification::Step {
                step_id: b.f1.clone(),
                first_verification_step_id: b.a1.clone()
            },
        ]
    );
    assert_eq!(s.retellings, 1);
    assert_eq!(s.flagged_chains, 1);
    assert_eq!(s.longest_chain, 2);
}

#[test]
fn two_blind_transfers_make_one_flagged_chain() {
    let b = bank();
    let a = analyze(&b.map.ws, &b.map.journey).unwrap();
    let order: Vec<&str> = a.handoffs.iter().map(|h| h.handoff_id.as_str()).collect();
    // By sending step: a1 (place 1) before k2 (place 3).
    assert_eq!(order, vec![b.h1.as_str(), b.h2.as_str()]);
    // No resolution from k1 (h1's receiving step) to k2 (h2's sending step): one run.
    assert_eq!(a.chains.len(), 1);
    assert_eq!(a.chains[0].handoff_ids, vec![b.h1.clone(), b.h2.clone()]);
    assert!(a.chains[0].flagged);
    assert_eq!(
        a.chains[0].flag_at_handoff_id.as_deref(),
        Some(b.h2.as_str())
    );
}

#[test]
fn friction_of_each_transfer_itemised() {
    let b = bank();
    let a = analyze(&b.map.ws, &b.map.journey).unwrap();
    let h1 = &a.handoffs[0];
    // CSAT 75 -> 0.75 and 25 -> 0.25 on 0..100: drop 0.5, round(0.5 x 20) = 10 points.
    let drop = h1.drop.as_ref().unwrap();
    assert_eq!(drop.metric_id, b.csat);
    assert!((drop.drop - 0.5).abs() < 1e-12);
    assert_eq!(h1.crossings, vec![CrossingKind::Department]);
    // blind 25 + context none 20 + reverify 15 + repeats 15 + wait floor(14/6) = 2
    // + department 5 + drop 10 = 92.
    assert_eq!(h1.friction.score, 92);
    let items: Vec<(FrictionFactor, u32)> = h1
        .friction
        .items
        .iter()
        .map(|i| (i.factor, i.points))
        .collect();
    assert_eq!(
        items,
        vec![
            (FrictionFactor::Blind, 25),
            (FrictionFactor::ContextNone, 20),
            (FrictionFactor::Reverify, 15),
            (FrictionFactor::CustomerRepeats, 15),
            (FrictionFactor::Wait, 2),
            (FrictionFactor::DepartmentCrossing, 5),
            (FrictionFactor::SatisfactionDrop, 10),
        ]
    );
    let h2 = &a.handoffs[1];
    // Cards (in house) -> Fraud (outsourced): department and sourcing.
    assert_eq!(
        h2.crossings,
        vec![CrossingKind::Department, CrossingKind::Sourcing]
    );
    // No CSAT on f1: no drop.
    assert!(h2.drop.is_none());
    // blind 25 + partial 10 + reverify 15 + wait floor(45/6) = 7 + 2 x 5 + sensitive 10 = 77.
    assert_eq!(h2.friction.score, 77);
    assert_eq!(a.crossings.department, 2);
    assert_eq!(a.crossings.sourcing, 1);
    assert_eq!(a.crossings.automation, 0);
    assert_eq!(a.crossings.total, 3);
    // (92 + 77) / 2.
    assert_eq!(a.summary.mean_friction, Some(84.5));
    assert_eq!(a.summary.max_friction, 92);
}

#[test]
fn hotspots_rank_friction_and_gaps() {
    let b = bank();
    let a = analyze(&b.map.ws, &b.map.journey).unwrap();
    let ranked: Vec<(&str, u32)> = a
        .hotspots
        .handoffs
        .iter()
        .map(|h| (h.handoff_id.as_str(), h.friction))
        .collect();
    assert_eq!(ranked, vec![(b.h1.as_str(), 92), (b.h2.as_str(), 77)]);
    // k1: 25 - 80 = -55 (-0.55 of the range); a1: 75 - 80 = -5 (-0.05): k1 first.
    let gaps: Vec<(&str, f64)> = a
        .hotspots
        .touchpoints
        .iter()
        .map(|t| (t.step_id.as_str(), t.gap))
        .collect();
    assert_eq!(gaps, vec![(b.k1.as_str(), -55.0), (b.a1.as_str(), -5.0)]);
}

#[test]
fn suggestions_name_rule_evidence_and_seed() {
    let b = bank();
    let a = analyze(&b.map.ws, &b.map.journey).unwrap();
    let keys: Vec<String> = a.suggestions.iter().map(|s| s.key.clone()).collect();
    let expected = vec![
        format!("flag_chain:{}", b.h1),
        // h1 is blind with a drop and a retelling; h2 is blind with neither.
        format!("blind_to_assisted:{}", b.h1),
        format!("carry_verification:{}", b.k1),
        format!("carry_verification:{}", b.f1),
        // h1: the customer repeats with no context. h2: no retelling.
        format!("send_notes:{}", b.h1),
        format!("secure_route:{}", b.h2),
        // Touchpoints without any score: c1, f1, f2.
        format!("measure_touchpoint:{}", b.c1),
        format!("measure_touchpoint:{}", b.f1),
        format!("measure_touchpoint:{}", b.f2),
        format!("investigate_touchpoint:{}:{}", b.a1, b.csat),
        format!("investigate_touchpoint:{}:{}", b.k1, b.csat),
    ];
    assert_eq!(keys, expected);
    let chain = &a.suggestions[0];
    assert_eq!(chain.rule, SuggestionRule::FlagChain);
    assert_eq!(chain.seeds, vec!["004".to_owned()]);
    assert_eq!(chain.handoff_ids, vec![b.h1.clone(), b.h2.clone()]);
    assert_eq!(
        chain.step_ids,
        vec![b.a1.clone(), b.k1.clone(), b.k2.clone(), b.f1.clone()]
    );
    assert!(
        chain
            .reason
            .contains("“Agent verifies identity” (Contact centre)"),
        "{}",
        chain.reason
    );
    assert!(
        chain
            .reason
            .contains("“Fraud verifies a third time” (Fraud team)"),
        "{}",
        chain.reason
    );
    let notes = &a.suggestions[4];
    assert_eq!(notes.seeds, vec!["000".to_owned(), "001".to_owned()]);
    let secure = &a.suggestions[5];
    assert_eq!(secure.seeds, vec!["001".to_owned()]);
    assert!(
        secure.reason.contains("“Blocks the card” (Cards team)"),
        "{}",
        secure.reason
    );
    assert_eq!(a.suggestions[9].seeds, vec!["003".to_owned()]);
    assert_eq!(a.suggestions[9].metric_ids, vec![b.csat.clone()]);
}

#[test]
fn analysis_is_deterministic_and_serialisable() {
    let b = bank();
    let first = serde_json::to_string(&analyze(&b.map.ws, &b.map.journey).unwrap()).unwrap();
    let second = serde_json::to_string(&analyze(&b.map.ws, &b.map.journey).unwrap()).unwrap();
    assert_eq!(first, second);
    let value: serde_json::Value = serde_json::from_str(&first).unwrap();
    assert_eq!(value["summary"]["reverifications"], 2);
    assert_eq!(
        value["handoffs"][0]["friction"]["items"][0]["factor"],
        "blind"
    );
    assert_eq!(value["reverifications"][0]["type"], "step");
}

#[test]
fn an_unknown_journey_has_no_analysis() {
    let b = bank();
    assert!(analyze(&b.map.ws, "no-such-journey").is_none());
}
