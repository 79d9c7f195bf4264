//! Initiative validation: ratings, dates, links, suggestion keys, expected effects; and the
//! cascade that removes links and keys to deleted items, undone by one undo.

mod support;

use baton_core::*;
use support::*;

fn fails(ws: &mut Workspace, initiative: Initiative, field: &str, kind: EditErrorKind) {
    let before = ws.clone();
    let err = ws
        .apply(&Edit::CreateInitiative { initiative })
        .expect_err("must be refused");
    assert_eq!(err.kind, kind, "{err:?}");
    assert_eq!(err.field.as_deref(), Some(field), "{err:?}");
    assert_eq!(err.entity, EntityKind::Initiative);
    assert_eq!(*ws, before, "a refused edit changes nothing");
}

#[test]
fn ratings_dates_links_keys_and_effects_are_checked() {
    let mut f = fixture();
    let phase = f.phases[0].clone();
    let fresh = || initiative(&phase, "Fix it", 0);
    for (field, impact, effort) in [
        ("impact", 0, 3),
        ("impact", 6, 3),
        ("effort", 3, 0),
        ("effort", 3, 6),
    ] {
        let mut i = fresh();
        i.impact = impact;
        i.effort = effort;
        fails(&mut f.ws, i, field, EditErrorKind::OutOfRange);
    }
    let mut i = fresh();
    i.started = Some(date(2026, 11, 2));
    i.due = Some(date(2026, 11, 1));
    fails(&mut f.ws, i.clone(), "due", EditErrorKind::OutOfRange);
    i.due = Some(date(2026, 11, 2));
    apply(&mut f.ws, Edit::CreateInitiative { initiative: i });

    let mut i = fresh();
    i.step_ids = vec![new_id()];
    fails(&mut f.ws, i, "step_ids", EditErrorKind::NotFound);
    let mut i = fresh();
    i.handoff_ids = vec![new_id()];
    fails(&mut f.ws, i, "handoff_ids", EditErrorKind::NotFound);

    for bad in [
        "blind-handoff",
        "send_notes",
        "investigate_touchpoint:x",
        "teleport:abc",
    ] {
        let mut i = fresh();
        i.suggestion_keys = vec![bad.into()];
        fails(&mut f.ws, i, "suggestion_keys", EditErrorKind::NotAllowed);
    }
    let mut i = fresh();
    i.suggestion_keys = vec![format!("send_notes:{}", f.steps[0])];
    fails(&mut f.ws, i, "suggestion_keys", EditErrorKind::NotFound);
    let mut i = fresh();
    i.suggestion_keys = vec![format!(
        "investigate_touchpoint:{}:{}",
        f.steps[0],
        new_id()
    )];
    fails(&mut f.ws, i, "suggestion_keys", EditErrorKind::NotFound);
    let mut i = fresh();
    let key = format!("send_notes:{}", f.handoffs[0]);
    i.suggestion_keys = vec![key.clone(), key];
    fails(&mut f.ws, i, "suggestion_keys", EditErrorKind::Duplicate);

    // CSAT scores lie in 0..100, CES (1..7 responses) in 1..7.
    let ces = metric_named(&f.ws, "CES");
    for (metric, value) in [
        (f.csat.clone(), 100.5),
        (f.csat.clone(), -1.0),
        (ces.clone(), 0.5),
        (ces.clone(), 7.5),
    ] {
        let mut i = fresh();
        i.expected_effect = Some(ExpectedEffect {
            metric_id: metric,
            subject: Some(subject_step(&f.steps[0])),
            value,
        });
        fails(
            &mut f.ws,
            i,
            "expected_effect.value",
            EditErrorKind::OutOfRange,
        );
    }
    let mut i = fresh();
    i.expected_effect = Some(ExpectedEffect {
        metric_id: ces,
        subject: Some(subject_handoff(&f.handoffs[0])),
        value: 7.0,
    });
    i.suggestion_keys = vec![
        format!("carry_verification:{}", f.steps[4]),
        format!("investigate_touchpoint:{}:{}", f.steps[0], f.csat),
        format!("concentrate_touchpoints:{}", f.stages[0]),
    ];
    apply(&mut f.ws, Edit::CreateInitiative { initiative: i });
}

#[test]
fn deleting_what_an_initiative_links_unlinks_it_and_undo_links_it_again() {
    let mut f = fixture();
    let mut i = f.ws.initiatives[&f.initiative].clone();
    i.suggestion_keys = vec![
        format!("send_notes:{}", f.handoffs[0]),
        format!("measure_touchpoint:{}", f.steps[3]),
        format!("concentrate_touchpoints:{}", f.stages[1]),
        format!("investigate_touchpoint:{}:{}", f.steps[0], f.nps),
    ];
    apply(&mut f.ws, Edit::UpdateInitiative { initiative: i });
    let linked = f.ws.initiatives[&f.initiative].clone();
    assert!(linked.step_ids.contains(&f.steps[3]));

    // The step (and with it the handoff arriving there) goes; so do the keys naming them.
    let before = f.ws.clone();
    let undo = apply(
        &mut f.ws,
        Edit::DeleteStep {
            id: f.steps[3].clone(),
        },
    )
    .inverse;
    let now = f.ws.initiatives[&f.initiative].clone();
    assert!(!now.step_ids.contains(&f.steps[3]));
    assert!(!now.handoff_ids.contains(&f.handoffs[0]));
    assert_eq!(
        now.suggestion_keys,
        vec![
            format!("concentrate_touchpoints:{}", f.stages[1]),
            format!("investigate_touchpoint:{}:{}", f.steps[0], f.nps),
        ]
    );
    // Still valid: it can be edited (and the edit undone).
    let mut renamed = now.clone();
    renamed.title = "Renamed".into();
    let back = apply(
        &mut f.ws,
        Edit::UpdateInitiative {
            initiative: renamed,
        },
    )
    .inverse;
    apply(&mut f.ws, back);
    apply(&mut f.ws, undo);
    assert_eq!(
        f.ws, before,
        "one undo puts the step, its handoff and the links back"
    );

    // A stage and a metric take their keys with them too, and come back with them.
    let undo = apply(
        &mut f.ws,
        Edit::DeleteStage {
            id: f.stages[1].clone(),
        },
    )
    .inverse;
    assert!(!f.ws.initiatives[&f.initiative]
        .suggestion_keys
        .iter()
        .any(|k| k.contains(&f.stages[1])));
    apply(&mut f.ws, undo);
    assert_eq!(f.ws, before);
    let undo = apply(&mut f.ws, Edit::DeleteMetric { id: f.nps.clone() }).inverse;
    assert!(!f.ws.initiatives[&f.initiative]
        .suggestion_keys
        .iter()
        .any(|k| k.contains(&f.nps)));
    apply(&mut f.ws, undo);
    assert_eq!(f.ws, before);
}
