//! `analyze_model` reads a journey model (a snapshot's frozen copy) in place: it must give the
//! very analysis the workspace gives of the same journey, byte for byte, whatever else the
//! file holds, and pass over readings of metrics the file no longer has.

use baton_core::analysis::{analyze_model, analyze_with, AnalysisOptions};
use baton_core::compare::workspace_of;
use baton_core::synthetic::{synthetic_journey, SyntheticSpec};
use baton_core::{Id, Workspace};

fn spec(seed: u64) -> SyntheticSpec {
    SyntheticSpec {
        stages: 8,
        lanes: 9,
        steps: 900,
        handoffs: 300,
        responses: 4_000,
        seed,
    }
}

/// A file with two synthetic journeys, so that the other journey's rows are there to be left out.
fn two_journeys() -> (Workspace, Id, Id) {
    let mut ws = Workspace::new_file("Two journeys");
    for seed in [7, 8] {
        let edit = synthetic_journey(&ws, &spec(seed));
        ws.apply(&edit).expect("the synthetic journey is valid");
    }
    let mut ids = ws.journeys.keys().cloned();
    let first = ids.next().expect("two journeys");
    let second = ids.next().expect("two journeys");
    (ws, first, second)
}

#[test]
fn a_model_is_analysed_as_the_workspace_analyses_its_journey() {
    let (ws, first, second) = two_journeys();
    let options = AnalysisOptions::default();
    for journey in [&first, &second] {
        let model = ws.journey_model(journey).expect("the journey exists");
        assert!(model.responses.len() > 1_000, "readings are analysed too");
        let from_ws = analyze_with(&ws, journey, &options).expect("the journey exists");
        let from_model = analyze_model(&model, &ws.metrics, &options);
        assert!(from_ws.summary.handoffs > 0 && !from_ws.touchpoints.is_empty());
        assert_eq!(from_model, from_ws);
        assert_eq!(
            serde_json::to_string(&from_model).expect("serialisable"),
            serde_json::to_string(&from_ws).expect("serialisable")
        );
    }
}

#[test]
fn the_model_order_of_steps_does_not_change_the_analysis() {
    let (ws, first, _) = two_journeys();
    let options = AnalysisOptions::default();
    let model = ws.journey_model(&first).expect("the journey exists");
    let mut shuffled = model.clone();
    shuffled.steps.reverse();
    assert_eq!(
        analyze_model(&shuffled, &ws.metrics, &options),
        analyze_model(&model, &ws.metrics, &options)
    );
}

#[test]
fn readings_of_a_metric_the_file_no_longer_has_are_passed_over() {
    let (ws, first, _) = two_journeys();
    let options = AnalysisOptions::default();
    let model = ws.journey_model(&first).expect("the journey exists");
    let mut fewer = ws.metrics.clone();
    let dropped = model
        .responses
        .first()
        .expect("the journey has responses")
        .metric_id
        .clone();
    fewer.remove(&dropped);
    let without = analyze_model(&model, &fewer, &options);
    let expected =
        analyze_with(&workspace_of(&model, &fewer), &first, &options).expect("the journey exists");
    assert_eq!(without, expected);
    assert_ne!(
        without,
        analyze_model(&model, &ws.metrics, &options),
        "the dropped metric's readings counted before"
    );
    assert!(without
        .touchpoints
        .iter()
        .flat_map(|t| &t.standings)
        .all(|s| s.metric_id != dropped));
}
