//! A plan becomes one `Edit::Batch` creating the journey: one history entry, one undo step.

use baton_core::edit::Edit;
use baton_core::model::*;

use super::BpmnPlan;

/// The note on every imported handoff: BPMN says nothing of mode or context.
pub const HANDOFF_NOTE: &str =
    "Imported from BPMN: mode and context are assumed (context partial); review them.";

impl BpmnPlan {
    /// The edit creating the planned journey in `ws` (after its existing journeys), and the new
    /// journey's id.
    pub fn edit(&self, ws: &Workspace) -> (Edit, Id) {
        let journey_id = new_id();
        let mut edits = vec![Edit::CreateJourney {
            journey: Journey {
                id: journey_id.clone(),
                name: self.journey_name.clone(),
                description: "Imported from a BPMN 2.0 model.".to_string(),
                persona_id: None,
                state: JourneyState::Current,
                origin_id: None,
                position: u32::try_from(ws.journeys.len()).unwrap_or(u32::MAX),
            },
        }];
        let stage_ids: Vec<Id> = self.stages.iter().map(|_| new_id()).collect();
        for (position, (name, id)) in self.stages.iter().zip(&stage_ids).enumerate() {
            edits.push(Edit::CreateStage {
                stage: Stage {
                    id: id.clone(),
                    journey_id: journey_id.clone(),
                    name: name.clone(),
                    description: String::new(),
                    position: position as u32,
                    origin_id: None,
                },
            });
        }
        let lane_ids: Vec<Id> = self.lanes.iter().map(|_| new_id()).collect();
        for (position, (lane, id)) in self.lanes.iter().zip(&lane_ids).enumerate() {
            let actor = !lane.customer;
            edits.push(Edit::CreateLane {
                lane: Lane {
                    id: id.clone(),
                    journey_id: journey_id.clone(),
                    name: lane.name.clone(),
                    kind: if actor {
                        LaneKind::Actor
                    } else {
                        LaneKind::Customer
                    },
                    position: position as u32,
                    department: lane.department.clone().filter(|_| actor),
                    sourcing: actor.then_some(Sourcing::InHouse),
                    work: actor.then_some(lane.work),
                    visibility: actor.then_some(Visibility::Backstage),
                    origin_id: None,
                },
            });
        }
        let step_ids: Vec<Id> = self.steps.iter().map(|_| new_id()).collect();
        // Steps are created in position order within each cell so every insert is at the end.
        let mut order: Vec<usize> = (0..self.steps.len()).collect();
        order.sort_by_key(|i| self.steps[*i].position);
        for i in order {
            let step = &self.steps[i];
            edits.push(Edit::CreateStep {
                step: Step {
                    id: step_ids[i].clone(),
                    journey_id: journey_id.clone(),
                    stage_id: stage_ids[step.stage as usize].clone(),
                    lane_id: lane_ids[step.lane as usize].clone(),
                    position: step.position,
                    title: step.title.clone(),
                    notes: String::new(),
                    touchpoint: step.touchpoint.then_some(Channel::Other),
                    verification: false,
                    resolution: false,
                    emotion: None,
                    origin_id: None,
                },
            });
        }
        for handoff in &self.handoffs {
            edits.push(Edit::ConnectHandoff {
                handoff: Handoff {
                    id: new_id(),
                    journey_id: journey_id.clone(),
                    from_step_id: step_ids[handoff.from as usize].clone(),
                    to_step_id: step_ids[handoff.to as usize].clone(),
                    mode: handoff.mode,
                    context: ContextTransfer::Partial,
                    customer_repeats: false,
                    reverify: false,
                    wait_minutes: 0,
                    sensitive: false,
                    secure_channel: false,
                    checklist: Vec::new(),
                    note: HANDOFF_NOTE.to_string(),
                    origin_id: None,
                },
            });
        }
        let label = format!("Import BPMN \"{}\"", self.journey_name);
        (Edit::Batch { label, edits }, journey_id)
    }
}
