//! The synthetic generator's edits pass the real apply engine's validation, and the journey that
//! results is the one `synthetic_model_with_metrics` describes.

use baton_core::synthetic::{synthetic_journey, synthetic_model_with_metrics, SyntheticSpec};
use baton_core::{Edit, Workspace};

fn apply_synthetic(spec: &SyntheticSpec) -> (Workspace, String) {
    let mut ws = Workspace::new_file("x");
    let edit = synthetic_journey(&ws, spec);
    let Edit::Batch { edits, .. } = &edit else {
        panic!("synthetic_journey returns one batch");
    };
    let Some(Edit::CreateJourney { journey }) = edits.first() else {
        panic!("the batch starts by creating the journey");
    };
    let journey_id = journey.id.clone();
    ws.apply(&edit).unwrap();
    (ws, journey_id)
}

#[test]
fn small_synthetic_journey_applies_and_matches_its_model() {
    let spec = SyntheticSpec::small();
    let (ws, journey_id) = apply_synthetic(&spec);
    let applied = ws.journey_model(&journey_id).unwrap();
    // The same metrics the batch was made against (built-in metric ids differ per file).
    let expected = synthetic_model_with_metrics(&spec, &ws.metrics);
    assert_eq!(applied.stages, expected.stages);
    assert_eq!(applied.lanes, expected.lanes);
    assert_eq!(applied.steps, expected.steps);
    assert_eq!(applied.handoffs, expected.handoffs);
    assert_eq!(applied.targets, expected.targets);
    assert_eq!(applied.responses, expected.responses);
    assert_eq!(applied.responses.len(), spec.responses as usize);
}

#[test]
fn medium_synthetic_journey_applies() {
    let spec = SyntheticSpec::medium();
    let (ws, journey_id) = apply_synthetic(&spec);
    let model = ws.journey_model(&journey_id).unwrap();
    assert_eq!(model.steps.len(), 10_000);
    assert_eq!(model.handoffs.len(), 3_000);
    assert_eq!(model.responses.len(), 50_000);
    assert!(!model.targets.is_empty());
}

#[test]
fn a_second_seed_adds_a_second_journey() {
    let (mut ws, _) = apply_synthetic(&SyntheticSpec::small());
    let second = synthetic_journey(
        &ws,
        &SyntheticSpec {
            seed: 99,
            ..SyntheticSpec::small()
        },
    );
    ws.apply(&second).unwrap();
    assert_eq!(ws.journeys.len(), 2);
}
