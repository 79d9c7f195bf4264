//! The measure screens' reads (what a metric's or persona's delete takes with it, a subject's
//! entries per metric) and the rule that a metric keeps its kind.

mod support;

use baton_core::measures::{metric_uses, persona_uses, subject_entries, MAX_LISTED_RESPONSES};
use baton_core::*;
use support::*;

#[test]
fn a_metric_s_uses_are_counted_before_its_delete_and_the_delete_takes_exactly_those() {
    let mut f = fixture();
    let uses = metric_uses(&f.ws, &f.csat).unwrap();
    // The fixture: one CSAT target, three CSAT responses, no CSAT score, one initiative's effect.
    assert_eq!(
        (uses.targets, uses.scores, uses.responses, uses.initiatives),
        (1, 0, 3, 1)
    );
    let nps = metric_uses(&f.ws, &f.nps).unwrap();
    assert_eq!(
        (nps.targets, nps.scores, nps.responses, nps.initiatives),
        (0, 1, 1, 0)
    );
    let before = f.ws.clone();
    let (targets, responses) = (f.ws.targets.len(), f.ws.responses.len());
    let applied = apply(&mut f.ws, Edit::DeleteMetric { id: f.csat.clone() });
    assert_eq!(f.ws.targets.len(), targets - uses.targets as usize);
    assert_eq!(f.ws.responses.len(), responses - uses.responses as usize);
    assert!(f.ws.initiatives[&f.initiative].expected_effect.is_none());
    assert!(metric_uses(&f.ws, &f.csat).is_none());
    // Undo restores every one of them.
    apply(&mut f.ws, applied.inverse);
    assert_eq!(f.ws, before);
}

#[test]
fn a_metric_without_uses_says_so() {
    let f = fixture();
    let ces = metric_named(&f.ws, "CES");
    assert!(metric_uses(&f.ws, &ces).unwrap().is_empty());
    assert!(!metric_uses(&f.ws, &f.csat).unwrap().is_empty());
}

#[test]
fn a_persona_s_journeys_are_named_and_its_delete_unlinks_them_and_undo_relinks() {
    let mut f = fixture();
    let uses = persona_uses(&f.ws, &f.persona).unwrap();
    assert_eq!(uses.len(), 1);
    assert_eq!(uses[0].id, f.journey);
    assert_eq!(uses[0].name, "Report a lost card");
    let applied = apply(
        &mut f.ws,
        Edit::DeletePersona {
            id: f.persona.clone(),
        },
    );
    assert_eq!(f.ws.journeys[&f.journey].persona_id, None);
    assert!(persona_uses(&f.ws, &f.persona).is_none());
    apply(&mut f.ws, applied.inverse);
    assert_eq!(
        f.ws.journeys[&f.journey].persona_id.as_deref(),
        Some(f.persona.as_str())
    );
}

#[test]
fn a_built_in_metric_cannot_lose_its_kind_nor_a_custom_one_take_a_built_in_s() {
    let mut f = fixture();
    let csat = f.ws.metrics[&f.csat].clone();
    let err =
        f.ws.apply(&Edit::UpdateMetric {
            metric: Metric {
                kind: MetricKind::Custom,
                ..csat.clone()
            },
        })
        .unwrap_err();
    assert_eq!(err.kind, EditErrorKind::NotAllowed);
    assert_eq!(err.field.as_deref(), Some("kind"));
    assert_eq!(
        f.ws.metrics[&f.csat], csat,
        "a refused edit changes nothing"
    );
    // Its name may change.
    apply(
        &mut f.ws,
        Edit::UpdateMetric {
            metric: Metric {
                name: "Satisfaction".into(),
                ..csat
            },
        },
    );
    let custom = Metric {
        id: new_id(),
        name: "Effort felt".into(),
        kind: MetricKind::Custom,
        scale_min: 1.0,
        scale_max: 10.0,
        direction: Direction::LowerIsBetter,
        position: 3,
    };
    apply(
        &mut f.ws,
        Edit::CreateMetric {
            metric: custom.clone(),
        },
    );
    let err =
        f.ws.apply(&Edit::UpdateMetric {
            metric: Metric {
                kind: MetricKind::Nps,
                ..custom
            },
        })
        .unwrap_err();
    assert_eq!(err.field.as_deref(), Some("kind"));
}

#[test]
fn a_subject_s_entries_list_every_metric_with_its_target_scores_and_responses() {
    let mut f = fixture();
    let block = subject_step(&f.steps[3]);
    let entries = subject_entries(&f.ws, &block);
    let names: Vec<&str> = entries.iter().map(|e| e.metric.name.as_str()).collect();
    assert_eq!(names, ["CSAT", "NPS", "CES"]);
    let csat = &entries[0];
    assert_eq!(
        csat.target.as_ref().map(|t| t.id.as_str()),
        Some(f.target.as_str())
    );
    assert_eq!((csat.score_min, csat.score_max), (0.0, 100.0));
    assert_eq!(csat.response_count, 2);
    assert!(csat.scores.is_empty());
    assert!(entries[1].target.is_none() && entries[1].responses.is_empty());
    // NPS scores run -100..100; CES on its response scale.
    assert_eq!(
        (entries[1].score_min, entries[1].score_max),
        (-100.0, 100.0)
    );
    assert_eq!((entries[2].score_min, entries[2].score_max), (1.0, 7.0));

    // Entered scores newest period first; responses newest first and capped.
    let mut older = score(block.clone(), &f.csat, 60.0);
    older.period_start = date(2026, 6, 1);
    older.period_end = date(2026, 6, 30);
    let newer = score(block.clone(), &f.csat, 70.0);
    let newer_id = newer.id.clone();
    apply(&mut f.ws, Edit::CreateScore { score: older });
    apply(&mut f.ws, Edit::CreateScore { score: newer });
    let mut many = Vec::new();
    for day in 1..=(MAX_LISTED_RESPONSES as u32 + 5) {
        let mut r = response(block.clone(), &f.csat, 3.0);
        r.date = date(2026, 11, 1) + chrono::Days::new(u64::from(day));
        many.push(r);
    }
    let newest = many.last().unwrap().id.clone();
    apply(&mut f.ws, Edit::AddResponses { responses: many });
    let csat = &subject_entries(&f.ws, &block)[0];
    assert_eq!(csat.scores.len(), 2);
    assert_eq!(csat.scores[0].id, newer_id);
    assert_eq!(csat.responses.len(), MAX_LISTED_RESPONSES);
    assert_eq!(csat.response_count, MAX_LISTED_RESPONSES as u32 + 7);
    assert_eq!(csat.responses[0].id, newest);
    // Another subject's readings are not listed.
    let other = subject_entries(&f.ws, &subject_step(&f.steps[0]));
    assert_eq!(other[0].response_count, 1);
    assert!(other[0].scores.is_empty() && other[0].target.is_none());
}
