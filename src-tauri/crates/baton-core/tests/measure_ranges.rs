//! A target's or typed score's value lies in its metric's score range (CSAT 0..100, NPS
//! -100..100, CES and custom metrics their answer scale); a scale change may not push values out
//! of range; and a value an older file holds out of range still comes back on undo and redo.

mod support;

use baton_core::scores::{in_score_range, score_of, score_range};
use baton_core::*;
use proptest::prelude::*;
use support::*;

/// A custom metric on -5..5 (a "how did it feel" scale), added to the fixture.
fn with_custom(f: &mut support::Fixture) -> Id {
    let metric = Metric {
        id: new_id(),
        name: "Felt".into(),
        kind: MetricKind::Custom,
        scale_min: -5.0,
        scale_max: 5.0,
        direction: Direction::HigherIsBetter,
        position: u32::try_from(f.ws.metrics.len()).unwrap(),
    };
    let id = metric.id.clone();
    apply(&mut f.ws, Edit::CreateMetric { metric });
    id
}

/// Each metric with the lowest and highest value it allows and one just outside each end.
fn ranges(f: &mut support::Fixture) -> Vec<(Id, f64, f64)> {
    let custom = with_custom(f);
    vec![
        (f.csat.clone(), 0.0, 100.0),
        (f.nps.clone(), -100.0, 100.0),
        (metric_named(&f.ws, "CES"), 1.0, 7.0),
        (custom, -5.0, 5.0),
    ]
}

fn refused(f: &mut support::Fixture, edit: Edit, entity: EntityKind) -> EditError {
    let before = f.ws.clone();
    let error = f.ws.apply(&edit).expect_err("refused");
    assert_eq!(error.kind, EditErrorKind::OutOfRange, "{error:?}");
    assert_eq!(error.entity, entity);
    assert_eq!(
        error.field.as_deref(),
        Some("value"),
        "shown beside the value field"
    );
    assert_eq!(f.ws, before, "a refused edit changes nothing");
    error
}

#[test]
fn a_target_takes_exactly_its_metric_s_score_range_ends_included() {
    let mut f = fixture();
    // A step with no target yet, so each metric's target can be created there.
    let subject = subject_step(&f.steps[1]);
    for (metric, low, high) in ranges(&mut f) {
        for outside in [
            low - 0.01,
            high + 0.01,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
        ] {
            let edit = Edit::CreateTarget {
                target: target(subject.clone(), &metric, outside),
            };
            refused(&mut f, edit, EntityKind::Target);
        }
        let t = target(subject.clone(), &metric, low);
        apply(&mut f.ws, Edit::CreateTarget { target: t.clone() });
        apply(
            &mut f.ws,
            Edit::UpdateTarget {
                target: Target {
                    value: high,
                    ..t.clone()
                },
            },
        );
        let error = refused(
            &mut f,
            Edit::UpdateTarget {
                target: Target {
                    value: high + 0.5,
                    ..t.clone()
                },
            },
            EntityKind::Target,
        );
        // The message names the metric, the range and the value typed.
        let name = &f.ws.metrics[&metric].name;
        let expected = format!("{name} targets run from {low} to {high} (");
        assert!(error.message.starts_with(&expected), "{}", error.message);
        assert!(
            error.message.ends_with(&format!("not {}", high + 0.5)),
            "{}",
            error.message
        );
        assert_eq!(f.ws.targets[&t.id].value, high);
    }
}

#[test]
fn a_typed_score_takes_exactly_its_metric_s_score_range_and_one_answer_at_least() {
    let mut f = fixture();
    let subject = subject_step(&f.steps[2]);
    for (metric, low, high) in ranges(&mut f) {
        for outside in [low - 0.01, high + 0.01, f64::NAN, f64::INFINITY] {
            let edit = Edit::CreateScore {
                score: score(subject.clone(), &metric, outside),
            };
            let error = refused(&mut f, edit, EntityKind::Score);
            assert!(error.message.contains("scores") || error.message.contains("finite"));
        }
        for inside in [low, high] {
            apply(
                &mut f.ws,
                Edit::CreateScore {
                    score: score(subject.clone(), &metric, inside),
                },
            );
        }
    }
    let held = f.ws.scores[&f.score].clone();
    refused(
        &mut f,
        Edit::UpdateScore {
            score: Score {
                value: -100.5,
                ..held.clone()
            },
        },
        EntityKind::Score,
    );
    let error =
        f.ws.apply(&Edit::UpdateScore {
            score: Score {
                sample_size: 0,
                ..held
            },
        })
        .unwrap_err();
    assert_eq!(error.field.as_deref(), Some("sample_size"));
}

#[test]
fn an_nps_target_may_be_negative_but_a_csat_one_may_not() {
    let mut f = fixture();
    let subject = subject_step(&f.steps[1]);
    apply(
        &mut f.ws,
        Edit::CreateTarget {
            target: target(subject.clone(), &f.nps, -30.0),
        },
    );
    let csat_target = target(subject, &f.csat, -30.0);
    let error = refused(
        &mut f,
        Edit::CreateTarget {
            target: csat_target,
        },
        EntityKind::Target,
    );
    assert!(error.message.contains("percentage"), "{}", error.message);
}

/// The fixture's CES metric with a target, a typed score, an expected effect and responses on
/// its scale's top end, 7.
fn ces_at_the_top(f: &mut support::Fixture) -> Metric {
    let ces = metric_named(&f.ws, "CES");
    let top = subject_step(&f.steps[0]);
    apply(
        &mut f.ws,
        Edit::CreateTarget {
            target: target(top.clone(), &ces, 7.0),
        },
    );
    apply(
        &mut f.ws,
        Edit::CreateScore {
            score: score(top.clone(), &ces, 6.5),
        },
    );
    let mut effect = f.ws.initiatives[&f.initiative].clone();
    effect.expected_effect = Some(ExpectedEffect {
        metric_id: ces.clone(),
        subject: Some(top.clone()),
        value: 6.0,
    });
    apply(&mut f.ws, Edit::UpdateInitiative { initiative: effect });
    apply(
        &mut f.ws,
        Edit::AddResponses {
            responses: vec![
                response(top.clone(), &ces, 7.0),
                response(top.clone(), &ces, 6.0),
                response(top, &ces, 2.0),
            ],
        },
    );
    f.ws.metrics[&ces].clone()
}

#[test]
fn a_scale_change_that_would_push_values_out_is_refused_saying_how_many_of_each_kind() {
    let mut f = fixture();
    let ces = ces_at_the_top(&mut f);
    let before = f.ws.clone();
    let narrower = Metric {
        scale_max: 5.0,
        ..ces.clone()
    };
    let error =
        f.ws.apply(&Edit::UpdateMetric { metric: narrower })
            .unwrap_err();
    assert_eq!(error.kind, EditErrorKind::OutOfRange);
    assert_eq!(error.field.as_deref(), Some("scale_max"));
    assert_eq!(
        error.message,
        "1 target, 1 typed score, 1 initiative's expected score and 2 survey responses of CES \
         would fall outside the new scale 1 to 5: change or delete them first"
    );
    assert_eq!(f.ws, before);
    // Raising the bottom past one response only: that one is named, on the scale_min side.
    let raised = Metric {
        scale_min: 3.0,
        ..ces.clone()
    };
    let error =
        f.ws.apply(&Edit::UpdateMetric { metric: raised })
            .unwrap_err();
    assert_eq!(error.field.as_deref(), Some("scale_min"));
    assert!(
        error.message.starts_with("1 survey response of CES"),
        "{}",
        error.message
    );
    // Widening keeps everything in range, and renaming does not touch the scale.
    let wider = Metric {
        scale_min: 0.0,
        scale_max: 10.0,
        ..ces.clone()
    };
    apply(&mut f.ws, Edit::UpdateMetric { metric: wider });
    assert_eq!(score_range(&f.ws.metrics[&ces.id]), (0.0, 10.0));
}

#[test]
fn a_built_in_percentage_keeps_its_targets_when_its_answer_scale_changes() {
    // CSAT's score is a percentage whatever the answer scale: its 80 target never falls out.
    let mut f = fixture();
    let csat = f.ws.metrics[&f.csat].clone();
    apply(
        &mut f.ws,
        Edit::UpdateMetric {
            metric: Metric {
                scale_max: 7.0,
                ..csat
            },
        },
    );
    assert_eq!(f.ws.targets[&f.target].value, 80.0);
}

/// Puts an out-of-range value in the file as an older Baton (or a hand edit) could have.
fn older_file_target(f: &mut support::Fixture, value: f64) -> Id {
    f.ws.targets.get_mut(&f.target).unwrap().value = value;
    f.target.clone()
}

#[test]
fn an_older_file_s_out_of_range_target_comes_back_on_undo_and_is_not_copied_forward() {
    let mut f = fixture();
    let id = older_file_target(&mut f, 140.0);
    let step = f.ws.targets[&id].subject.id.clone();
    let before = f.ws.clone();
    // Deleting its step takes it along; undoing brings it back exactly, through `restore`.
    let applied = apply(&mut f.ws, Edit::DeleteStep { id: step.clone() });
    assert!(!f.ws.targets.contains_key(&id));
    let strict = f.ws.clone().apply(&applied.inverse).unwrap_err();
    assert_eq!(
        strict.field.as_deref(),
        Some("value"),
        "a new edit may not write it"
    );
    let undone = f.ws.restore(&applied.inverse).unwrap();
    assert_eq!(f.ws, before);
    // And redo, again through `restore`.
    f.ws.restore(&undone.inverse).unwrap();
    assert!(!f.ws.targets.contains_key(&id));
    f.ws = before.clone();
    // A batch that fails after taking the target along puts it back (no panic on roll back).
    let failing = Edit::Batch {
        label: "Delete and fail".into(),
        edits: vec![
            Edit::DeleteStep { id: step.clone() },
            Edit::DeleteStep { id: step },
        ],
    };
    assert!(f.ws.apply(&failing).is_err());
    assert_eq!(f.ws, before);
    // A future-state copy leaves that target out rather than failing.
    let copy = duplicate_as_future(&f.ws, &f.journey).unwrap();
    apply(&mut f.ws, copy);
    let at_140 = f.ws.targets.values().filter(|t| t.value == 140.0).count();
    assert_eq!(at_140, 1, "only the original");
}

#[test]
fn an_older_file_s_out_of_range_response_and_expected_score_come_back_on_undo() {
    let mut f = fixture();
    // CSAT answers run 1..5 and its scores 0..100: a 9 and a 140 no new edit could write.
    let response = f.responses[0].clone();
    f.ws.responses.get_mut(&response).unwrap().value = 9.0;
    let effect = f.ws.initiatives.get_mut(&f.initiative).unwrap();
    effect.expected_effect.as_mut().unwrap().value = 140.0;
    let before = f.ws.clone();
    // Deleting CSAT takes the response and clears the expected effect; undo puts both back.
    let applied = apply(&mut f.ws, Edit::DeleteMetric { id: f.csat.clone() });
    assert!(f.ws.clone().apply(&applied.inverse).is_err());
    f.ws.restore(&applied.inverse).unwrap();
    assert_eq!(f.ws, before);
}

#[test]
fn an_older_file_s_out_of_range_value_does_not_hold_up_widening_its_scale() {
    let mut f = fixture();
    let ces = ces_at_the_top(&mut f);
    let target_id =
        f.ws.targets
            .values()
            .find(|t| t.metric_id == ces.id)
            .unwrap()
            .id
            .clone();
    f.ws.targets.get_mut(&target_id).unwrap().value = 9.0;
    apply(
        &mut f.ws,
        Edit::UpdateMetric {
            metric: Metric {
                scale_max: 8.0,
                ..ces
            },
        },
    );
}

#[test]
fn the_mean_of_answers_on_a_scale_stays_on_it_despite_rounding() {
    let m = |min: f64, max: f64| Metric {
        id: new_id(),
        name: "Felt".into(),
        kind: MetricKind::Custom,
        scale_min: min,
        scale_max: max,
        direction: Direction::HigherIsBetter,
        position: 0,
    };
    // (0.2 + 0.2 + 0.2) / 3 is 0.20000000000000004 in floating point, past the top of 0..0.2.
    let metric = m(0.0, 0.2);
    let mean = score_of(&metric, &[0.2, 0.2, 0.2]).unwrap();
    assert!(in_score_range(&metric, mean), "{mean}");
}

proptest! {
    /// Whatever answers on the scale a survey import brings, the score computed from them lies
    /// in the score range (so a computed reading is never out of range).
    #[test]
    fn a_score_computed_from_answers_on_the_scale_is_in_its_range(
        kind in 0usize..4,
        low in -50.0f64..50.0,
        width in 0.001f64..100.0,
        places in proptest::collection::vec(0.0f64..=1.0, 1..40),
    ) {
        let kind = [MetricKind::Csat, MetricKind::Nps, MetricKind::Ces, MetricKind::Custom][kind];
        let metric = Metric {
            id: new_id(),
            name: "M".into(),
            kind,
            scale_min: low,
            scale_max: low + width,
            direction: Direction::HigherIsBetter,
            position: 0,
        };
        let values: Vec<f64> = places
            .iter()
            .map(|p| (low + p * width).min(metric.scale_max))
            .collect();
        let value = score_of(&metric, &values).unwrap();
        prop_assert!(in_score_range(&metric, value), "{value} from {values:?}");
    }
}
