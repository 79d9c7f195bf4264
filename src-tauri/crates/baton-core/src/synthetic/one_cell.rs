//! The degenerate map of the one-cell scale tests: one stage, one customer lane, and every step
//! in that single cell (creating a step once scanned every step of its journey).

use crate::edit::Edit;
use crate::model::*;

/// The edits of a one-cell journey: `map` creates the journey, its stage and its lane; `steps`
/// creates `count` steps, each at the end of the cell, in order.
pub struct OneCell {
    pub map: Vec<Edit>,
    pub steps: Vec<Edit>,
}

impl OneCell {
    /// The whole journey as one edit, as an import applies it.
    pub fn into_batch(self) -> Edit {
        let mut edits = self.map;
        edits.extend(self.steps);
        Edit::Batch {
            label: "One cell".into(),
            edits,
        }
    }
}

/// A one-cell journey of `count` steps titled "Step 0", "Step 1"... with fresh ids.
pub fn one_cell(count: u32) -> OneCell {
    let journey = Journey {
        id: new_id(),
        name: "One cell".into(),
        description: String::new(),
        persona_id: None,
        state: JourneyState::Current,
        origin_id: None,
        position: 0,
    };
    let stage = Stage {
        id: new_id(),
        journey_id: journey.id.clone(),
        name: "Stage".into(),
        description: String::new(),
        position: 0,
        origin_id: None,
    };
    let lane = Lane {
        id: new_id(),
        journey_id: journey.id.clone(),
        name: "Customer".into(),
        kind: LaneKind::Customer,
        position: 0,
        department: None,
        sourcing: None,
        work: None,
        visibility: None,
        origin_id: None,
    };
    let steps = (0..count)
        .map(|position| Edit::CreateStep {
            step: Step {
                id: new_id(),
                journey_id: journey.id.clone(),
                stage_id: stage.id.clone(),
                lane_id: lane.id.clone(),
                position,
                title: format!("Step {position}"),
                notes: String::new(),
                touchpoint: None,
                verification: false,
                resolution: false,
                emotion: None,
                origin_id: None,
            },
        })
        .collect();
    OneCell {
        map: vec![
            Edit::CreateJourney { journey },
            Edit::CreateStage { stage },
            Edit::CreateLane { lane },
        ],
        steps,
    }
}
