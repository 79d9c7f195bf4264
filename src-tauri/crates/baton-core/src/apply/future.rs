//! Copies of a journey, each built as one `Batch` of creates so it is one undo step: a
//! future-state copy of a journey, and a journey restored from a snapshot's frozen model.

use std::collections::BTreeMap;

use crate::edit::Edit;
use crate::error::EditError;
use crate::model::*;
use crate::scores::in_score_range;

use super::checks::{missing, MAX_NAME_CHARS};

const FUTURE_SUFFIX: &str = " (future)";
const RESTORED_SUFFIX: &str = " (restored)";

/// "<name><suffix>", shortening the name so the whole stays within the name limit.
fn suffixed_name(name: &str, suffix: &str) -> String {
    let room = MAX_NAME_CHARS - suffix.chars().count();
    let base: String = name.trim().chars().take(room).collect();
    format!("{}{suffix}", base.trim_end())
}

/// The edit that copies `journey_id` into a new future-state journey, placed after all journeys:
/// stages, lanes, steps, handoffs (checklists included) and targets, all under new ids. Survey
/// responses and scores stay with the current state: the future has not been measured.
pub fn duplicate_as_future(ws: &Workspace, journey_id: &str) -> Result<Edit, EditError> {
    let source = ws
        .journey_model(journey_id)
        .ok_or_else(|| missing(EntityKind::Journey, journey_id))?;
    let journey = Journey {
        id: new_id(),
        name: suffixed_name(&source.journey.name, FUTURE_SUFFIX),
        state: JourneyState::Future,
        origin_id: Some(source.journey.id.clone()),
        position: u32::try_from(ws.journeys.len()).unwrap_or(u32::MAX),
        ..source.journey.clone()
    };
    let label = format!("Future state of {}", source.journey.name);
    Ok(copy_of(ws, &source, journey, label))
}

/// The edit that makes a new journey, placed after all journeys, from the snapshot
/// `snapshot_id`'s frozen model: its stages, lanes, steps, handoffs and targets under new ids,
/// each recording the item it was frozen from (`origin_id`), so the restored journey compares
/// with the journey and its snapshots item by item. Named "<snapshot name> (restored)", in the
/// state the journey had. The survey readings stay with the journey they measured; targets of
/// a metric deleted since are left out.
pub fn restore_snapshot(ws: &Workspace, snapshot_id: &str) -> Result<Edit, EditError> {
    let snapshot = ws
        .snapshots
        .get(snapshot_id)
        .ok_or_else(|| missing(EntityKind::Snapshot, snapshot_id))?;
    let source = &snapshot.model;
    let journey = Journey {
        id: new_id(),
        name: suffixed_name(&snapshot.name, RESTORED_SUFFIX),
        origin_id: Some(source.journey.id.clone()),
        position: u32::try_from(ws.journeys.len()).unwrap_or(u32::MAX),
        // The persona may have been deleted since; the snapshot does not keep it.
        persona_id: source
            .journey
            .persona_id
            .clone()
            .filter(|p| ws.personas.contains_key(p)),
        ..source.journey.clone()
    };
    let label = format!("Restore {}", snapshot.name);
    Ok(copy_of(ws, source, journey, label))
}

/// A batch creating `journey` and a copy of `source`'s items in it under new ids.
fn copy_of(ws: &Workspace, source: &JourneyModel, journey: Journey, label: String) -> Edit {
    let mut ids = IdMap::default();
    let mut renew = |old: &str| ids.renew(old);
    let mut edits = vec![];
    for stage in &source.stages {
        edits.push(Edit::CreateStage {
            stage: Stage {
                id: renew(&stage.id),
                origin_id: Some(stage.id.clone()),
                journey_id: journey.id.clone(),
                ..stage.clone()
            },
        });
    }
    for lane in &source.lanes {
        edits.push(Edit::CreateLane {
            lane: Lane {
                id: renew(&lane.id),
                origin_id: Some(lane.id.clone()),
                journey_id: journey.id.clone(),
                ..lane.clone()
            },
        });
    }
    // The model lists each cell's steps by position, so each create appends to its cell.
    for step in &source.steps {
        edits.push(Edit::CreateStep {
            step: Step {
                id: renew(&step.id),
                origin_id: Some(step.id.clone()),
                journey_id: journey.id.clone(),
                stage_id: renew(&step.stage_id),
                lane_id: renew(&step.lane_id),
                ..step.clone()
            },
        });
    }
    for handoff in &source.handoffs {
        edits.push(Edit::ConnectHandoff {
            handoff: Handoff {
                id: renew(&handoff.id),
                origin_id: Some(handoff.id.clone()),
                journey_id: journey.id.clone(),
                from_step_id: renew(&handoff.from_step_id),
                to_step_id: renew(&handoff.to_step_id),
                checklist: handoff
                    .checklist
                    .iter()
                    .map(|item| ChecklistItem {
                        id: new_id(),
                        ..item.clone()
                    })
                    .collect(),
                ..handoff.clone()
            },
        });
    }
    // A target of a metric deleted since, or outside its metric's range (an older file's, or a
    // snapshot's from before a scale change), is left out: the copy is a new edit, and the
    // original keeps it.
    for target in source.targets.iter().filter(|t| {
        ws.metrics
            .get(&t.metric_id)
            .is_some_and(|m| in_score_range(m, t.value))
    }) {
        edits.push(Edit::CreateTarget {
            target: Target {
                id: new_id(),
                subject: Subject {
                    kind: target.subject.kind,
                    id: renew(&target.subject.id),
                },
                ..target.clone()
            },
        });
    }
    edits.insert(0, Edit::CreateJourney { journey });
    Edit::Batch { label, edits }
}

/// Old ids to new ones, so every reference in the copy points inside the copy.
#[derive(Default)]
struct IdMap(BTreeMap<Id, Id>);

impl IdMap {
    /// The new id for an old one: the same every time it is asked for.
    fn renew(&mut self, old: &str) -> Id {
        self.0.entry(old.to_owned()).or_insert_with(new_id).clone()
    }
}
