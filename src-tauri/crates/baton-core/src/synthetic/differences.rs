//! About 500 differences made to a large journey, the same each time, for the benchmarks of a
//! comparison with a snapshot (the Compare view's Rust side and its first paint in the app).

use crate::edit::Edit;
use crate::model::*;

/// One `Edit::Batch` over `model` (at least a few hundred steps): 150 cards renamed, 100 moved
/// to the next stage, 100 handoffs' mode changed, 75 distinct cards deleted (last, as the
/// edits before may touch them).
pub fn compare_differences(model: &JourneyModel) -> Edit {
    let stages: Vec<&Id> = model.stages.iter().map(|s| &s.id).collect();
    let n = model.steps.len().max(1);
    let mut edits = Vec::new();
    for i in 0..150 {
        if let Some(step) = model.steps.get(i * 61 % n) {
            let mut step = step.clone();
            step.title.push_str(" (revised)");
            edits.push(Edit::UpdateStep { step });
        }
    }
    for i in 0..100 {
        let Some(step) = model.steps.get((i * 97 + 13) % n) else {
            continue;
        };
        let next = stages
            .iter()
            .position(|s| **s == step.stage_id)
            .map_or(0, |p| (p + 1) % stages.len());
        if let Some(stage) = stages.get(next) {
            edits.push(Edit::MoveStep {
                id: step.id.clone(),
                stage_id: (*stage).clone(),
                lane_id: step.lane_id.clone(),
                position: 0,
            });
        }
    }
    for handoff in model.handoffs.iter().step_by(29).take(100) {
        let mut handoff = handoff.clone();
        handoff.mode = match handoff.mode {
            HandoffMode::Blind => HandoffMode::Assisted,
            _ => HandoffMode::Blind,
        };
        edits.push(Edit::UpdateHandoff { handoff });
    }
    // Distinct cards when there are 10,000 (131 * 74 < 10,000).
    edits.extend(
        (0..75)
            .filter_map(|i| model.steps.get((i * 131 + 7) % n))
            .map(|step| Edit::DeleteStep {
                id: step.id.clone(),
            }),
    );
    Edit::Batch {
        label: "Bench differences".into(),
        edits,
    }
}
