//! Snapshots in the session: taken as one undo step, opened read only (every change refused
//! until the journey is back), restored as a new journey, compared with the analyses held.

use baton_core::analysis::{analyze_model, AnalysisOptions};
use baton_core::compare::{compare, ChangeStatus, ItemKind, Pairing};
use baton_core::{Edit, HandoffMode};
use chrono::TimeZone;

use super::*;
use crate::documents::testing::bank_document;
use crate::error::AppErrorKind;

fn at_noon() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 6, 12, 0, 0).unwrap()
}

/// Takes a snapshot of `journey` named `name` and returns its id.
fn snap(doc: &mut OpenDocument, journey: &str, name: &str) -> Id {
    let edit = doc.snapshot_edit(journey, name, at_noon()).unwrap();
    let outcome = doc.apply(edit).unwrap();
    outcome
        .touched
        .iter()
        .find(|t| t.kind == EntityKind::Snapshot)
        .map(|t| t.id.clone())
        .unwrap()
}

fn first_blind_handoff(doc: &OpenDocument, journey: &str) -> baton_core::Handoff {
    doc.workspace()
        .handoffs
        .values()
        .find(|h| h.journey_id == journey && h.mode == HandoffMode::Blind)
        .unwrap()
        .clone()
}

#[test]
fn a_snapshot_is_one_undo_step_named_by_the_date_when_no_name_is_given() {
    let (_dir, mut doc, journey) = bank_document();
    let id = snap(&mut doc, &journey, "  ");
    let list = doc.snapshots_of(&journey).unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].id, id);
    assert_eq!(list[0].name, "2026-12-06 12:00 UTC");
    snap(&mut doc, &journey, "After the workshop");
    assert_eq!(
        doc.snapshots_of(&journey)
            .unwrap()
            .iter()
            .map(|s| s.name.as_str())
            .collect::<Vec<_>>(),
        ["2026-12-06 12:00 UTC", "After the workshop"]
    );
    doc.undo().unwrap();
    assert_eq!(doc.snapshots_of(&journey).unwrap().len(), 1);
    let missing = doc.snapshots_of("no-such-journey").unwrap_err();
    assert_eq!(
        missing.kind,
        AppErrorKind::Store(baton_store::ErrorKind::NotFound)
    );
}

#[test]
fn a_snapshot_on_screen_refuses_every_change_until_the_journey_is_back() {
    let (_dir, mut doc, journey) = bank_document();
    let id = snap(&mut doc, &journey, "Before");
    let frozen_steps = doc.workspace().snapshots[&id].model.steps.len();
    let revision = doc.revision();
    let live = doc.journey_view(&journey, false).unwrap();

    let shown = doc.snapshot_view(&id, false).unwrap();
    assert_eq!(shown.snapshot.name, "Before");
    assert_eq!(shown.view.model.steps.len(), frozen_steps);
    assert!(!shown.view.can_undo && !shown.view.can_redo);
    assert_eq!(
        shown.view.layout, live.layout,
        "nothing changed since: the snapshot is drawn as the journey"
    );

    let mut handoff = first_blind_handoff(&doc, &journey);
    handoff.mode = HandoffMode::Assisted;
    let refused = doc
        .apply(Edit::UpdateHandoff {
            handoff: handoff.clone(),
        })
        .unwrap_err();
    assert_eq!(refused.kind, AppErrorKind::Shell(ShellErrorKind::ReadOnly));
    assert!(refused
        .message
        .contains("\"Before\" is a snapshot, read only"));
    assert_eq!(
        doc.undo().unwrap_err().kind,
        AppErrorKind::Shell(ShellErrorKind::ReadOnly)
    );
    assert_eq!(
        doc.redo().unwrap_err().kind,
        AppErrorKind::Shell(ShellErrorKind::ReadOnly)
    );
    assert_eq!(doc.revision(), revision, "nothing was written");

    // The journey back on screen: editable again.
    doc.journey_view_update(&journey, false, None).unwrap();
    doc.apply(Edit::UpdateHandoff { handoff }).unwrap();
    assert_eq!(
        doc.snapshot_view("no-such-snapshot", false)
            .unwrap_err()
            .kind,
        AppErrorKind::Store(baton_store::ErrorKind::NotFound)
    );
    assert_eq!(
        doc.snapshot_on_screen(),
        None,
        "an unknown snapshot shows nothing"
    );
}

#[test]
fn a_snapshot_restored_is_a_new_journey_and_undo_removes_it() {
    let (_dir, mut doc, journey) = bank_document();
    let id = snap(&mut doc, &journey, "Before");
    let step = doc
        .workspace()
        .steps
        .values()
        .find(|s| s.journey_id == journey)
        .unwrap()
        .id
        .clone();
    doc.apply(Edit::DeleteStep { id: step }).unwrap();
    let journeys = doc.workspace().journeys.len();

    let edit = doc.restore_edit(&id).unwrap();
    let outcome = doc.apply(edit).unwrap();
    assert!(outcome.can_undo);
    let ws = doc.workspace();
    assert_eq!(ws.journeys.len(), journeys + 1);
    let restored = ws
        .journeys
        .values()
        .find(|j| j.name == "Before (restored)")
        .unwrap();
    let frozen = &ws.snapshots[&id].model;
    assert_eq!(
        ws.steps
            .values()
            .filter(|s| s.journey_id == restored.id)
            .count(),
        frozen.steps.len(),
        "the card deleted after the snapshot is back in the restored journey"
    );
    doc.undo().unwrap();
    assert_eq!(doc.workspace().journeys.len(), journeys);
}

/// The comparison the session makes from its held analyses is the one core makes from
/// scratch; the snapshot's analysis is made once and reused, and renewed when a metric changes.
#[test]
fn a_comparison_reads_the_held_analyses_and_equals_a_fresh_one() {
    let (_dir, mut doc, journey) = bank_document();
    let id = snap(&mut doc, &journey, "Before");
    // After the snapshot: a blind handoff made assisted, a card deleted.
    let mut handoff = first_blind_handoff(&doc, &journey);
    handoff.mode = HandoffMode::Assisted;
    doc.apply(Edit::UpdateHandoff {
        handoff: handoff.clone(),
    })
    .unwrap();
    let card = doc
        .workspace()
        .steps
        .values()
        .find(|s| {
            s.journey_id == journey
                && !doc
                    .workspace()
                    .handoffs
                    .values()
                    .any(|h| h.from_step_id == s.id || h.to_step_id == s.id)
        })
        .unwrap()
        .clone();
    doc.apply(Edit::DeleteStep {
        id: card.id.clone(),
    })
    .unwrap();

    let (a, b) = (
        VersionRef::Snapshot(id.clone()),
        VersionRef::Journey(journey.clone()),
    );
    let c = doc.compare(&a, &b).unwrap();
    let ws = doc.workspace();
    let fresh = compare(
        &ws.snapshots[&id].model,
        &ws.journey_model(&journey).unwrap(),
        &ws.metrics,
        &AnalysisOptions::default(),
    );
    assert_eq!(c, fresh);
    assert_eq!(c.pairing, Pairing::ById);
    assert!(c.changes.iter().any(|x| x.kind == ItemKind::Step
        && x.status == ChangeStatus::Removed
        && x.a_id.as_deref() == Some(card.id.as_str())));
    let mode = c
        .changes
        .iter()
        .find(|x| x.kind == ItemKind::Handoff && x.b_id.as_deref() == Some(handoff.id.as_str()))
        .unwrap();
    assert_eq!(mode.fields[0].field, "mode");
    let friction = c.handoffs.iter().find(|h| h.b_id == handoff.id).unwrap();
    assert!(friction.difference < 0, "the friction drops: {friction:?}");
    // The Compare view's answer: the same comparison but for the paired handoffs and
    // touchpoints that did not change (left out), and its map of both differences.
    let answer = doc.compare_with_map(&a, &b).unwrap();
    assert_eq!(answer.comparison.changes, c.changes);
    assert_eq!(answer.comparison.figures, c.figures);
    assert!(answer.comparison.handoffs.contains(friction));
    assert!(answer.comparison.handoffs.iter().all(|h| h.a != h.b));
    assert!(answer.comparison.handoffs.len() < c.handoffs.len());
    assert_eq!(
        answer.comparison.touchpoints,
        c.touchpoints
            .iter()
            .filter(|t| t.a != t.b)
            .cloned()
            .collect::<Vec<_>>()
    );
    let ghost = answer
        .map
        .marks
        .iter()
        .find(|m| m.kind == ItemKind::Step)
        .unwrap();
    assert_eq!(ghost.status, crate::compare_map::DiffStatus::Removed);
    assert!(answer
        .map
        .model
        .steps
        .iter()
        .any(|s| s.id == ghost.id && s.title == card.title));
    assert!(answer
        .map
        .marks
        .iter()
        .any(|m| m.id == handoff.id && m.status == crate::compare_map::DiffStatus::Changed));

    assert_eq!(doc.workspace_and_all_analyses().2.made(), 1);
    doc.compare(&a, &b).unwrap();
    doc.compare(&b, &a).unwrap();
    assert_eq!(
        doc.workspace_and_all_analyses().2.made(),
        1,
        "the snapshot is analysed once"
    );
    // A snapshot's analysis reads the file's metrics: a metric's change renews it.
    let metric = doc.workspace().metrics.values().next().unwrap().clone();
    doc.apply(Edit::UpdateMetric {
        metric: baton_core::Metric {
            name: "Renamed".into(),
            ..metric
        },
    })
    .unwrap();
    doc.compare(&a, &b).unwrap();
    assert_eq!(doc.workspace_and_all_analyses().2.made(), 2);

    let unknown = doc
        .compare(&VersionRef::Snapshot("nope".into()), &b)
        .unwrap_err();
    assert_eq!(
        unknown.kind,
        AppErrorKind::Store(baton_store::ErrorKind::NotFound)
    );
}

#[test]
fn a_snapshot_analysis_is_the_analysis_of_its_frozen_model() {
    let (_dir, mut doc, journey) = bank_document();
    let id = snap(&mut doc, &journey, "Before");
    let (ws, _, held) = doc.workspace_and_all_analyses();
    let expected = analyze_model(&ws.snapshots[&id].model, &ws.metrics, &options());
    assert_eq!(held.of(ws, &id).unwrap(), &expected);
}

#[test]
fn a_snapshot_presented_is_laid_out_as_the_journey_presented() {
    let (_dir, mut doc, journey) = bank_document();
    let id = snap(&mut doc, &journey, "Before");
    let presented = doc.journey_view(&journey, true).unwrap();
    let plain = doc.journey_view(&journey, false).unwrap();
    assert_ne!(
        presented.layout, plain.layout,
        "presentation lays the map out larger"
    );

    let shown = doc.snapshot_view(&id, true).unwrap();
    assert_eq!(shown.view.layout, presented.layout);
    assert_eq!(doc.snapshot_on_screen(), Some(id.as_str()));
    assert_eq!(
        doc.snapshot_view(&id, false).unwrap().view.layout,
        plain.layout
    );
}
