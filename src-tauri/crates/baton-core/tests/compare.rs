//! `compare` on hand-built pairs of versions (DOMAIN.md, "Snapshots and comparison"). Expected
//! figures are worked out in the comments from the documented friction weights.
mod analysis_support;

use analysis_support::{date, MapBuilder};
use baton_core::analysis::AnalysisOptions;
use baton_core::compare::{compare, ChangeStatus, Comparison, ItemKind, Pairing};
use baton_core::*;

/// Stages Call, Verify, Resolve. Lanes: Customer; Contact centre (Service, outsourced, manual);
/// Cards team (Cards, in house, manual).
/// c1 "Agent answers" (Contact centre, Call: phone touchpoint, verification: the first one);
/// c2 "Security questions again" (Contact centre, Verify: phone touchpoint, verification);
/// k1 "Block the card" (Cards team, Resolve: phone touchpoint, resolution).
/// h1 c1 -> k1: blind, no context, the customer repeats and verifies again.
struct Bank {
    map: MapBuilder,
    c1: Id,
    c2: Id,
    k1: Id,
    h1: Id,
    call: Id,
    resolve: Id,
    contact: Id,
}

fn bank() -> Bank {
    let mut map = MapBuilder::new("Report a lost card");
    let call = map.stage("Call");
    let verify = map.stage("Verify");
    let resolve = map.stage("Resolve");
    map.lane("Customer", LaneKind::Customer);
    let contact = map.actor(
        "Contact centre",
        Some("Service"),
        Some(Sourcing::Outsourced),
        Some(Work::Manual),
    );
    let cards = map.actor(
        "Cards team",
        Some("Cards"),
        Some(Sourcing::InHouse),
        Some(Work::Manual),
    );
    let c1 = map.step(&call, &contact, "Agent answers", |s| {
        s.touchpoint = Some(Channel::Phone);
        s.verification = true;
    });
    let c2 = map.step(&verify, &contact, "Security questions again", |s| {
        s.touchpoint = Some(Channel::Phone);
        s.verification = true;
    });
    let k1 = map.step(&resolve, &cards, "Block the card", |s| {
        s.touchpoint = Some(Channel::Phone);
        s.resolution = true;
    });
    let h1 = map.handoff(&c1, &k1, |h| {
        h.mode = HandoffMode::Blind;
        h.context = ContextTransfer::None;
        h.customer_repeats = true;
        h.reverify = true;
    });
    Bank {
        map,
        c1,
        c2,
        k1,
        h1,
        call,
        resolve,
        contact,
    }
}

fn model(ws: &Workspace, journey: &str) -> JourneyModel {
    ws.journey_model(journey).expect("the journey exists")
}

fn compared(ws: &Workspace, a: &JourneyModel, b: &JourneyModel) -> Comparison {
    compare(a, b, &ws.metrics, &AnalysisOptions::default())
}

fn figure(c: &Comparison, key: &str) -> (Option<f64>, Option<f64>, Option<f64>) {
    let f = c
        .figures
        .iter()
        .find(|f| f.key == key)
        .unwrap_or_else(|| panic!("no figure {key}"));
    (f.a, f.b, f.difference)
}

/// The future state's copy of the current item `id`.
fn copy_of(ws: &Workspace, future: &str, id: &str) -> Id {
    let origin = Some(id.to_owned());
    let step = ws
        .steps
        .values()
        .find(|s| s.journey_id == future && s.origin_id == origin);
    let handoff = ws
        .handoffs
        .values()
        .find(|h| h.journey_id == future && h.origin_id == origin);
    step.map(|s| s.id.clone())
        .or(handoff.map(|h| h.id.clone()))
        .unwrap_or_else(|| panic!("no copy of {id}"))
}

fn apply(ws: &mut Workspace, edit: Edit) {
    ws.apply(&edit)
        .unwrap_or_else(|e| panic!("{edit:?} failed: {e:?}"));
}

/// Makes the future-state copy and returns its journey id.
fn future_of(ws: &mut Workspace, journey: &str) -> Id {
    let edit = duplicate_as_future(ws, journey).unwrap();
    let Edit::Batch { edits, .. } = &edit else {
        panic!("a batch")
    };
    let Some(Edit::CreateJourney { journey: future }) = edits.first() else {
        panic!("the batch creates the journey first")
    };
    let future = future.id.clone();
    apply(ws, edit);
    future
}

/// The future state makes the blind handoff assisted and drops the second verification step.
/// h1 in A: blind 25 + no context 20 + reverify 15 + customer repeats 15 + department crossing
/// (Service/Cards) 5 + sourcing crossing (outsourced/in house) 5 = 85. In B, assisted: 85 - 25
/// = 60. Re-verifications in A: c2 (a verification after c1) and h1 (reverify into k1, which is
/// not a verification step) = 2; in B only h1 = 1.
#[test]
fn a_future_state_that_assists_the_handoff_and_drops_a_verification_lowers_friction_and_reverifications(
) {
    let mut bank = bank();
    let metric = bank.map.metric("CSAT");
    bank.map.target(&bank.k1, &metric, 80.0);
    // CSAT of k1 in A: 3 of 4 responses are 4 or 5 = 75 (the future is not measured yet).
    bank.map
        .respond(&bank.k1, &metric, &[5.0, 4.0, 4.0, 2.0], date(2026, 3, 2));
    let current = bank.map.journey.clone();
    let ws = &mut bank.map.ws;
    let future = future_of(ws, &current);
    let h1_future = copy_of(ws, &future, &bank.h1);
    let c2_future = copy_of(ws, &future, &bank.c2);
    let mut assisted = ws.handoffs[&h1_future].clone();
    assisted.mode = HandoffMode::Assisted;
    apply(ws, Edit::UpdateHandoff { handoff: assisted });
    apply(ws, Edit::DeleteStep { id: c2_future });

    let c = compared(ws, &model(ws, &current), &model(ws, &future));

    assert_eq!(c.pairing, Pairing::ByOrigin);
    assert!(c.notes.is_empty(), "{:?}", c.notes);
    assert_eq!(c.handoffs.len(), 1);
    let friction = &c.handoffs[0];
    assert_eq!((friction.a, friction.b, friction.difference), (85, 60, -25));
    assert_eq!(friction.a_id, bank.h1);
    assert_eq!(friction.b_id, h1_future);
    assert_eq!(friction.name, "Agent answers → Block the card");
    assert_eq!(
        figure(&c, "reverifications"),
        (Some(2.0), Some(1.0), Some(-1.0))
    );
    assert_eq!(
        figure(&c, "mean_friction"),
        (Some(85.0), Some(60.0), Some(-25.0))
    );
    assert_eq!(
        figure(&c, "blind_handoffs"),
        (Some(1.0), Some(0.0), Some(-1.0))
    );
    assert_eq!(
        figure(&c, "blind_share"),
        (Some(1.0), Some(0.0), Some(-1.0))
    );
    assert_eq!(figure(&c, "steps"), (Some(3.0), Some(2.0), Some(-1.0)));

    // The handoff changed (its mode only); the verification step is gone.
    assert_eq!(c.changes.len(), 2, "{:#?}", c.changes);
    let changed = &c.changes[0];
    assert_eq!(
        (changed.kind, changed.status),
        (ItemKind::Handoff, ChangeStatus::Kept)
    );
    assert_eq!(changed.fields.len(), 1);
    let mode = &changed.fields[0];
    assert_eq!(
        (
            mode.field.as_str(),
            mode.before.as_str(),
            mode.after.as_str()
        ),
        ("mode", "blind", "assisted")
    );
    let removed = &c.changes[1];
    assert_eq!(
        (removed.kind, removed.status),
        (ItemKind::Step, ChangeStatus::Removed)
    );
    assert_eq!(removed.a_id.as_deref(), Some(bank.c2.as_str()));
    assert_eq!(removed.name, "Security questions again");
    assert_eq!(
        (
            c.counts.added,
            c.counts.removed,
            c.counts.changed,
            c.counts.moved
        ),
        (0, 1, 1, 0)
    );

    // k1's score against target: 75 against 80 in A; the copy keeps the target, no score yet.
    let k1 = c
        .touchpoints
        .iter()
        .find(|t| t.a_id == bank.k1 && t.metric_id == metric)
        .expect("k1's CSAT is compared");
    let a = k1.a.as_ref().unwrap();
    assert_eq!(
        (a.latest, a.target, a.gap),
        (Some(75.0), Some(80.0), Some(-5.0))
    );
    let b = k1.b.as_ref().unwrap();
    assert_eq!((b.latest, b.target, b.gap), (None, Some(80.0), None));
}

/// The same journey before and after a card was renamed and moved to another stage and lane.
#[test]
fn a_renamed_and_moved_card_is_one_change_with_its_field_and_its_move() {
    let mut bank = bank();
    let journey = bank.map.journey.clone();
    let ws = &mut bank.map.ws;
    let before = model(ws, &journey);
    let mut renamed = ws.steps[&bank.c2].clone();
    renamed.title = "Ask one security question".into();
    apply(ws, Edit::UpdateStep { step: renamed });
    let cards = ws.steps[&bank.k1].lane_id.clone();
    apply(
        ws,
        Edit::MoveStep {
            id: bank.c2.clone(),
            stage_id: bank.resolve.clone(),
            lane_id: cards,
            position: 0,
        },
    );
    let c = compared(ws, &before, &model(ws, &journey));

    assert_eq!(c.pairing, Pairing::ById);
    assert_eq!(c.changes.len(), 1, "{:#?}", c.changes);
    let card = &c.changes[0];
    assert_eq!(
        (card.kind, card.status),
        (ItemKind::Step, ChangeStatus::Kept)
    );
    assert_eq!(card.a_id, card.b_id);
    assert_eq!(card.name, "Ask one security question");
    assert_eq!(card.fields.len(), 1);
    assert_eq!(card.fields[0].field, "title");
    assert_eq!(card.fields[0].before, "Security questions again");
    assert_eq!(card.fields[0].after, "Ask one security question");
    let moved = card.moved.as_ref().expect("it moved");
    assert_eq!(
        (
            moved.from_stage.as_str(),
            moved.from_lane.as_str(),
            moved.to_stage.as_str(),
            moved.to_lane.as_str()
        ),
        ("Verify", "Contact centre", "Resolve", "Cards team")
    );
    assert_eq!((c.counts.changed, c.counts.moved), (1, 1));
    // Nothing else changed: a step's place in its cell is no change.
    assert!(c.handoffs.iter().all(|h| h.difference == 0));
}

#[test]
fn an_added_lane_is_listed_as_added_and_nothing_else_changes() {
    let mut bank = bank();
    let journey = bank.map.journey.clone();
    let before = model(&bank.map.ws, &journey);
    let fraud = bank
        .map
        .actor("Fraud engine", Some("Risk"), None, Some(Work::Automated));
    let c = compared(&bank.map.ws, &before, &model(&bank.map.ws, &journey));

    assert_eq!(c.changes.len(), 1, "{:#?}", c.changes);
    let lane = &c.changes[0];
    assert_eq!(
        (lane.kind, lane.status),
        (ItemKind::Lane, ChangeStatus::Added)
    );
    assert_eq!(lane.b_id.as_deref(), Some(fraud.as_str()));
    assert_eq!(lane.a_id, None);
    assert_eq!(lane.name, "Fraud engine");
    assert_eq!(
        (
            c.counts.added,
            c.counts.removed,
            c.counts.changed,
            c.counts.moved
        ),
        (1, 0, 0, 0)
    );
    assert!(c.figures.iter().all(|f| f.difference.unwrap_or(0.0) == 0.0));
}

/// Removing h1 also removes its friction from the figures; the removed handoff comes after
/// the items of B (an added card here), named by A's step titles.
#[test]
fn a_removed_handoff_is_listed_after_the_items_of_b() {
    let mut bank = bank();
    let journey = bank.map.journey.clone();
    let before = model(&bank.map.ws, &journey);
    apply(
        &mut bank.map.ws,
        Edit::DisconnectHandoff {
            id: bank.h1.clone(),
        },
    );
    let added = bank
        .map
        .step(&bank.call, &bank.contact, "Agent reads the notes", |_| {});
    let c = compared(&bank.map.ws, &before, &model(&bank.map.ws, &journey));

    let summary: Vec<(ItemKind, ChangeStatus, &str)> = c
        .changes
        .iter()
        .map(|x| (x.kind, x.status, x.name.as_str()))
        .collect();
    assert_eq!(
        summary,
        vec![
            (ItemKind::Step, ChangeStatus::Added, "Agent reads the notes"),
            (
                ItemKind::Handoff,
                ChangeStatus::Removed,
                "Agent answers → Block the card"
            ),
        ]
    );
    assert_eq!(c.changes[0].b_id.as_deref(), Some(added.as_str()));
    assert_eq!(c.changes[1].a_id.as_deref(), Some(bank.h1.as_str()));
    assert!(c.handoffs.is_empty(), "no handoff is paired");
    assert_eq!(figure(&c, "handoffs"), (Some(1.0), Some(0.0), Some(-1.0)));
    assert_eq!(figure(&c, "mean_friction"), (Some(85.0), None, None));
    assert_eq!(figure(&c, "retellings"), (Some(1.0), Some(0.0), Some(-1.0)));
}

/// A future state copied before Baton recorded origins (its items have none): items pair by id,
/// which pairs none of them, and the comparison says so.
#[test]
fn a_future_state_without_origins_pairs_by_id_and_says_so() {
    let mut bank = bank();
    let current = bank.map.journey.clone();
    let future = future_of(&mut bank.map.ws, &current);
    let ws = &bank.map.ws;
    let mut old_copy = model(ws, &future);
    old_copy.stages.iter_mut().for_each(|s| s.origin_id = None);
    old_copy.lanes.iter_mut().for_each(|l| l.origin_id = None);
    old_copy.steps.iter_mut().for_each(|s| s.origin_id = None);
    old_copy
        .handoffs
        .iter_mut()
        .for_each(|h| h.origin_id = None);

    let c = compared(ws, &model(ws, &current), &old_copy);
    assert_eq!(c.pairing, Pairing::ById);
    assert_eq!(c.notes.len(), 1);
    assert!(
        c.notes[0].contains("before Baton recorded where each item came from"),
        "{}",
        c.notes[0]
    );
    // 3 stages, 3 lanes, 3 steps, 1 handoff on each side.
    assert_eq!((c.counts.added, c.counts.removed), (10, 10));

    // With its origins, the same copy is unchanged.
    let c = compared(ws, &model(ws, &current), &model(ws, &future));
    assert!(c.changes.is_empty(), "{:#?}", c.changes);
    assert_eq!(c.pairing, Pairing::ByOrigin);
}

/// B compared with A, A being the copy: pairing works in both directions.
#[test]
fn a_current_state_compared_against_its_future_pairs_the_other_way_round() {
    let mut bank = bank();
    let current = bank.map.journey.clone();
    let future = future_of(&mut bank.map.ws, &current);
    let ws = &mut bank.map.ws;
    let c1_future = copy_of(ws, &future, &bank.c1);
    let mut renamed = ws.steps[&c1_future].clone();
    renamed.title = "Agent answers at once".into();
    apply(ws, Edit::UpdateStep { step: renamed });

    let c = compared(ws, &model(ws, &future), &model(ws, &current));
    assert_eq!(c.changes.len(), 1, "{:#?}", c.changes);
    assert_eq!(c.changes[0].a_id.as_deref(), Some(c1_future.as_str()));
    assert_eq!(c.changes[0].b_id.as_deref(), Some(bank.c1.as_str()));
    assert_eq!(c.changes[0].fields[0].before, "Agent answers at once");
    assert_eq!(c.changes[0].fields[0].after, "Agent answers");
}

/// A future-state copy records each item's origin; an update cannot change it, and undoing the
/// copy removes it all.
#[test]
fn the_future_copy_records_origins_that_updates_cannot_change() {
    let mut bank = bank();
    let current = bank.map.journey.clone();
    let future = future_of(&mut bank.map.ws, &current);
    let ws = &mut bank.map.ws;
    for step in ws.steps.values().filter(|s| s.journey_id == future) {
        let origin = step
            .origin_id
            .as_ref()
            .expect("a copied step has its origin");
        assert_eq!(ws.steps[origin].title, step.title);
    }
    let copy = copy_of(ws, &future, &bank.k1);
    let mut changed = ws.steps[&copy].clone();
    changed.origin_id = Some(bank.c1.clone());
    let error = ws.apply(&Edit::UpdateStep { step: changed }).unwrap_err();
    assert_eq!(error.kind, EditErrorKind::NotAllowed);
    assert_eq!(error.field.as_deref(), Some("origin_id"));
    let mut bad = ws.steps[&bank.k1].clone();
    bad.id = new_id();
    bad.position = 1;
    bad.origin_id = Some("not a uuid".into());
    let error = ws.apply(&Edit::CreateStep { step: bad }).unwrap_err();
    assert_eq!(error.kind, EditErrorKind::InvalidId);
    assert_eq!(error.field.as_deref(), Some("origin_id"));
}

/// A journey restored from a snapshot is the frozen journey again, as a new journey made in one
/// edit: it compares with the snapshot without a single difference (items pair by the origin
/// it records), undo removes it whole, and the survey readings stay with the journey measured.
#[test]
fn a_snapshot_restored_as_a_new_journey_is_the_frozen_journey_in_one_undoable_edit() {
    let mut bank = bank();
    let metric = bank.map.metric("CSAT");
    bank.map.target(&bank.k1, &metric, 80.0);
    bank.map
        .respond(&bank.k1, &metric, &[5.0, 4.0], date(2026, 3, 2));
    let current = bank.map.journey.clone();
    let ws = &mut bank.map.ws;
    let now = chrono::Utc::now();
    let take = take_snapshot(ws, &current, "Before the workshop", now).unwrap();
    apply(ws, take);
    let snapshot = ws.snapshots.values().next().unwrap().clone();
    // The journey changes after the snapshot: the card the snapshot froze is deleted.
    apply(
        ws,
        Edit::DeleteStep {
            id: bank.c2.clone(),
        },
    );
    let journeys_before = ws.journeys.len();
    let steps_before = ws.steps.len();

    let edit = restore_snapshot(ws, &snapshot.id).unwrap();
    let Edit::Batch { label, .. } = &edit else {
        panic!("one batch, one undo step")
    };
    assert_eq!(label, "Restore Before the workshop");
    let applied = ws.apply(&edit).unwrap();
    let restored = ws
        .journeys
        .values()
        .find(|j| j.id != current)
        .unwrap()
        .clone();
    assert_eq!(restored.name, "Before the workshop (restored)");
    assert_eq!(restored.origin_id.as_deref(), Some(current.as_str()));
    let restored_model = model(ws, &restored.id);
    assert_eq!(restored_model.steps.len(), 3, "the deleted card is back");
    assert_eq!(restored_model.targets.len(), 1);
    assert!(restored_model.responses.is_empty());
    assert!(restored_model.steps.iter().all(|s| snapshot
        .model
        .steps
        .iter()
        .any(|f| Some(&f.id) == s.origin_id.as_ref())));

    let c = compared(ws, &snapshot.model, &restored_model);
    assert_eq!(c.pairing, Pairing::ByOrigin);
    assert!(c.changes.is_empty(), "{:#?}", c.changes);
    assert!(c.handoffs.iter().all(|h| h.difference == 0));

    ws.apply(&applied.inverse).unwrap();
    assert_eq!(ws.journeys.len(), journeys_before);
    assert_eq!(ws.steps.len(), steps_before);
}

#[test]
fn restoring_leaves_out_targets_of_a_deleted_metric_and_an_unknown_snapshot_is_refused() {
    let mut bank = bank();
    let metric = bank.map.metric("CSAT");
    bank.map.target(&bank.k1, &metric, 80.0);
    let current = bank.map.journey.clone();
    let ws = &mut bank.map.ws;
    let take = take_snapshot(ws, &current, "Frozen", chrono::Utc::now()).unwrap();
    apply(ws, take);
    let snapshot = ws.snapshots.keys().next().unwrap().clone();
    apply(ws, Edit::DeleteMetric { id: metric.clone() });

    let edit = restore_snapshot(ws, &snapshot).unwrap();
    apply(ws, edit);
    let restored = ws.journeys.keys().find(|j| **j != current).unwrap().clone();
    assert!(model(ws, &restored).targets.is_empty());

    let error = restore_snapshot(ws, "no-such-snapshot").unwrap_err();
    assert_eq!(error.kind, EditErrorKind::NotFound);
}
