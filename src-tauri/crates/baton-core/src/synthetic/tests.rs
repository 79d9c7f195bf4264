use std::collections::{BTreeSet, HashMap};

use super::*;

fn built_in_metrics() -> BTreeMap<Id, Metric> {
    [
        ("CSAT", MetricKind::Csat, 1.0, 5.0),
        ("NPS", MetricKind::Nps, 0.0, 10.0),
        ("CES", MetricKind::Ces, 1.0, 7.0),
    ]
    .into_iter()
    .enumerate()
    .map(|(i, (name, kind, min, max))| {
        let metric = Metric {
            id: new_id(),
            name: name.to_owned(),
            kind,
            scale_min: min,
            scale_max: max,
            direction: Direction::HigherIsBetter,
            position: i as u32,
        };
        (metric.id.clone(), metric)
    })
    .collect()
}

fn batch_edits(edit: Edit) -> Vec<Edit> {
    match edit {
        Edit::Batch { edits, .. } => edits,
        other => panic!("expected a batch, got {other:?}"),
    }
}

#[test]
fn same_spec_gives_identical_edit() {
    let ws = Workspace::default();
    let spec = SyntheticSpec::small();
    assert_eq!(synthetic_journey(&ws, &spec), synthetic_journey(&ws, &spec));
    let other = SyntheticSpec { seed: 2, ..spec };
    assert_ne!(
        synthetic_journey(&ws, &SyntheticSpec::small()),
        synthetic_journey(&ws, &other)
    );
}

#[test]
fn medium_model_has_the_requested_counts() {
    let ws = Workspace {
        metrics: built_in_metrics(),
        ..Workspace::default()
    };
    let spec = SyntheticSpec::medium();
    let model = synthetic_model_with_metrics(&spec, &ws.metrics);
    assert_eq!(model.stages.len(), spec.stages as usize);
    assert_eq!(model.lanes.len(), spec.lanes as usize);
    assert_eq!(model.steps.len(), spec.steps as usize);
    assert_eq!(model.handoffs.len(), spec.handoffs as usize);
    assert_eq!(model.responses.len(), spec.responses as usize);
    assert!(!model.targets.is_empty());
    assert_eq!(
        model
            .lanes
            .iter()
            .filter(|l| l.kind == LaneKind::Emotion)
            .count(),
        1
    );
    assert!(model.lanes.iter().any(|l| l.kind == LaneKind::Customer));
    assert!(model.lanes.iter().any(|l| l.work == Some(Work::Automated)));
    assert!(model
        .lanes
        .iter()
        .any(|l| l.sourcing == Some(Sourcing::Offshore)));
}

#[test]
fn each_step_is_created_at_the_current_count_of_its_cell() {
    let edits = batch_edits(synthetic_journey(
        &Workspace::default(),
        &SyntheticSpec::medium(),
    ));
    let mut counts: HashMap<(Id, Id), u32> = HashMap::new();
    let mut created = 0;
    for edit in &edits {
        if let Edit::CreateStep { step } = edit {
            let count = counts
                .entry((step.stage_id.clone(), step.lane_id.clone()))
                .or_default();
            assert_eq!(step.position, *count, "step {}", step.id);
            *count += 1;
            created += 1;
        }
    }
    assert_eq!(created, 10_000);
    // Cells are uneven: some crowded, some empty.
    let max = counts.values().max().copied().unwrap_or(0);
    assert!(max > 15, "tallest cell has {max} cards");
    assert!(counts.len() < 40 * 25);
}

#[test]
fn every_create_refers_to_something_created_before_it() {
    let ws = Workspace {
        metrics: built_in_metrics(),
        ..Workspace::default()
    };
    let edits = batch_edits(synthetic_journey(&ws, &SyntheticSpec::small()));
    let mut seen: BTreeSet<Id> = ws.metrics.keys().cloned().collect();
    let mut lanes: HashMap<Id, Lane> = HashMap::new();
    let mut steps: HashMap<Id, Step> = HashMap::new();
    let mut all_ids = BTreeSet::new();
    for edit in edits {
        match edit {
            Edit::CreateJourney { journey } => {
                assert_eq!(journey.position, 0);
                seen.insert(journey.id);
            }
            Edit::CreateStage { stage } => {
                assert!(seen.contains(&stage.journey_id));
                seen.insert(stage.id);
            }
            Edit::CreateLane { lane } => {
                assert!(seen.contains(&lane.journey_id));
                let is_actor = lane.kind == LaneKind::Actor;
                assert_eq!(lane.sourcing.is_some(), is_actor);
                assert_eq!(lane.work.is_some(), is_actor);
                seen.insert(lane.id.clone());
                lanes.insert(lane.id.clone(), lane);
            }
            Edit::CreateStep { step } => {
                assert!(seen.contains(&step.stage_id) && seen.contains(&step.lane_id));
                let trimmed = step.title.trim();
                assert_eq!(trimmed, step.title);
                assert!((1..=200).contains(&step.title.chars().count()));
                let kind = lanes[&step.lane_id].kind;
                match kind {
                    LaneKind::Emotion => {
                        assert!(matches!(step.emotion, Some(-3..=3)));
                        assert!(
                            step.touchpoint.is_none() && !step.verification && !step.resolution
                        );
                    }
                    LaneKind::Customer | LaneKind::Actor => assert!(step.emotion.is_none()),
                    _ => assert!(step.emotion.is_none() && step.touchpoint.is_none()),
                }
                assert!(all_ids.insert(step.id.clone()));
                seen.insert(step.id.clone());
                steps.insert(step.id.clone(), step);
            }
            Edit::ConnectHandoff { handoff } => {
                let from = &steps[&handoff.from_step_id];
                let to = &steps[&handoff.to_step_id];
                assert_ne!(from.lane_id, to.lane_id);
                for step in [from, to] {
                    assert!(matches!(
                        lanes[&step.lane_id].kind,
                        LaneKind::Customer | LaneKind::Actor
                    ));
                }
                assert!(!handoff.secure_channel || handoff.sensitive);
                seen.insert(handoff.id);
            }
            Edit::CreateTarget { target } => {
                assert!(seen.contains(&target.subject.id) && seen.contains(&target.metric_id));
                assert!(steps[&target.subject.id].touchpoint.is_some());
            }
            Edit::AddResponses { responses } => {
                assert_eq!(responses.len(), 60);
                for response in responses {
                    assert!(seen.contains(&response.subject.id));
                    let metric = &ws.metrics[&response.metric_id];
                    assert!((metric.scale_min..=metric.scale_max).contains(&response.value));
                    assert_eq!(response.date.format("%Y").to_string(), "2025");
                }
            }
            other => panic!("unexpected edit {other:?}"),
        }
    }
}

#[test]
fn ids_are_unique_uuid_v7() {
    let ws = Workspace {
        metrics: built_in_metrics(),
        ..Workspace::default()
    };
    let model = synthetic_model_with_metrics(&SyntheticSpec::small(), &ws.metrics);
    let mut ids = vec![model.journey.id.clone()];
    ids.extend(model.stages.iter().map(|s| s.id.clone()));
    ids.extend(model.lanes.iter().map(|l| l.id.clone()));
    ids.extend(model.steps.iter().map(|s| s.id.clone()));
    ids.extend(model.handoffs.iter().map(|h| h.id.clone()));
    ids.extend(model.responses.iter().map(|r| r.id.clone()));
    let unique: BTreeSet<&Id> = ids.iter().collect();
    assert_eq!(unique.len(), ids.len());
    for id in &ids {
        let parsed = uuid::Uuid::parse_str(id).unwrap();
        assert_eq!(parsed.get_version_num(), 7, "{id}");
    }
}

#[test]
fn degenerate_specs_give_valid_small_journeys() {
    for (stages, lanes, steps) in [(0, 0, 100), (3, 0, 10), (0, 4, 10), (1, 1, 5), (2, 2, 0)] {
        let spec = SyntheticSpec {
            stages,
            lanes,
            steps,
            handoffs: 10,
            responses: 10,
            seed: 7,
        };
        let model = synthetic_model(&spec);
        if stages == 0 || lanes == 0 {
            assert!(model.steps.is_empty());
        }
        assert!(model.steps.len() <= steps as usize);
        for handoff in &model.handoffs {
            let lane_of = |id: &Id| {
                model
                    .steps
                    .iter()
                    .find(|s| &s.id == id)
                    .map(|s| s.lane_id.clone())
            };
            assert_ne!(lane_of(&handoff.from_step_id), lane_of(&handoff.to_step_id));
        }
    }
}

#[test]
fn compare_differences_apply_and_compare_as_about_five_hundred_changes() {
    let mut ws = Workspace::new_file("Bench");
    ws.apply(&synthetic_journey(&ws, &SyntheticSpec::medium()))
        .unwrap();
    let journey = ws.journeys.keys().next().unwrap().clone();
    let before = ws.journey_model(&journey).unwrap();
    ws.apply(&compare_differences(&before)).unwrap();
    let after = ws.journey_model(&journey).unwrap();
    assert_eq!(after.steps.len(), before.steps.len() - 75);
    let c = crate::compare::compare(
        &before,
        &after,
        &ws.metrics,
        &crate::analysis::AnalysisOptions::default(),
    );
    // The 75 cards, and the handoffs that went with them.
    assert!(c.counts.removed >= 75, "{:?}", c.counts);
    assert!(
        c.counts.moved >= 90 && c.counts.changed >= 240,
        "{:?}",
        c.counts
    );
    assert!(
        (400..=600).contains(&c.changes.len()),
        "{} changes",
        c.changes.len()
    );
}
