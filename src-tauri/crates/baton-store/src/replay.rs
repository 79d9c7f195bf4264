//! Re-validating a whole model: every entity is created again, in position order, in an empty
//! workspace through `Workspace::apply`, so it obeys the same rules as one built edit by edit;
//! then the result must equal what was given (the core may normalise: positions, trimmed
//! text). Used by the JSON import (the first fault refuses the import, named by its JSON path)
//! and by `check` (every fault is listed, named by table and row).

use std::collections::BTreeMap;

use baton_core::*;

use crate::history::StoredEntry;

/// Everything a client file holds: its entities as lists, and its history.
pub struct Content {
    pub info: WorkspaceInfo,
    pub personas: Vec<Persona>,
    pub journeys: Vec<Journey>,
    pub stages: Vec<Stage>,
    pub lanes: Vec<Lane>,
    pub steps: Vec<Step>,
    pub handoffs: Vec<Handoff>,
    pub metrics: Vec<Metric>,
    pub targets: Vec<Target>,
    pub responses: Vec<SurveyResponse>,
    pub scores: Vec<Score>,
    pub phases: Vec<Phase>,
    pub initiatives: Vec<Initiative>,
    pub snapshots: Vec<Snapshot>,
    pub saved_mappings: Vec<SavedMapping>,
    pub history: Vec<StoredEntry>,
    pub history_cursor: u32,
}

impl Content {
    /// The entities of a loaded workspace (in id order), without history.
    pub fn of_workspace(ws: &Workspace) -> Content {
        fn all<T: Clone>(map: &BTreeMap<Id, T>) -> Vec<T> {
            map.values().cloned().collect()
        }
        Content {
            info: ws.info.clone(),
            personas: all(&ws.personas),
            journeys: all(&ws.journeys),
            stages: all(&ws.stages),
            lanes: all(&ws.lanes),
            steps: all(&ws.steps),
            handoffs: all(&ws.handoffs),
            metrics: all(&ws.metrics),
            targets: all(&ws.targets),
            responses: all(&ws.responses),
            scores: all(&ws.scores),
            phases: all(&ws.phases),
            initiatives: all(&ws.initiatives),
            snapshots: all(&ws.snapshots),
            saved_mappings: all(&ws.saved_mappings),
            history: Vec::new(),
            history_cursor: 0,
        }
    }

    /// The id of item `index` of `section` ("steps"), for messages naming rows.
    pub fn id_at(&self, section: &str, index: usize) -> Option<&str> {
        fn at<T>(items: &[T], index: usize, id: impl Fn(&T) -> &Id) -> Option<&str> {
            items.get(index).map(|item| id(item).as_str())
        }
        match section {
            "personas" => at(&self.personas, index, |v| &v.id),
            "journeys" => at(&self.journeys, index, |v| &v.id),
            "stages" => at(&self.stages, index, |v| &v.id),
            "lanes" => at(&self.lanes, index, |v| &v.id),
            "steps" => at(&self.steps, index, |v| &v.id),
            "handoffs" => at(&self.handoffs, index, |v| &v.id),
            "metrics" => at(&self.metrics, index, |v| &v.id),
            "targets" => at(&self.targets, index, |v| &v.id),
            "responses" => at(&self.responses, index, |v| &v.id),
            "scores" => at(&self.scores, index, |v| &v.id),
            "phases" => at(&self.phases, index, |v| &v.id),
            "initiatives" => at(&self.initiatives, index, |v| &v.id),
            "snapshots" => at(&self.snapshots, index, |v| &v.id),
            "saved_mappings" => at(&self.saved_mappings, index, |v| &v.id),
            _ => None,
        }
    }
}

/// One thing wrong with the content: its section ("steps", or "info"), the item's index in it
/// (none for the section as a whole), the field when the core named one, and what is wrong.
#[derive(Debug, Clone, PartialEq)]
pub struct Fault {
    pub section: &'static str,
    pub index: Option<usize>,
    pub field: Option<String>,
    pub message: String,
}

impl Fault {
    /// `$.steps[3].title`.
    pub fn json_path(&self) -> String {
        let mut path = format!("$.{}", self.section);
        if let Some(index) = self.index {
            path.push_str(&format!("[{index}]"));
        }
        if let Some(field) = &self.field {
            path.push('.');
            path.push_str(field);
        }
        path
    }
}

/// Whether replaying stops at the first fault.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Faults {
    /// The import: the first fault refuses it. The content comes back as the exported file
    /// held it (`Workspace::restore`), so an older file's value outside its metric's range
    /// is imported as it is, as opening that file keeps it; `check` names it.
    First,
    /// `check`: every fault, each failing item left out and the rest carried on; every rule of
    /// a new edit, ranges included.
    All,
}

/// Applies one create edit per entity, noting faults at the entity's place.
struct Replay {
    workspace: Workspace,
    faults: Vec<Fault>,
    mode: Faults,
}

impl Replay {
    /// Whether to go on: not after a fault when only the first is wanted.
    fn going_on(&self) -> bool {
        self.mode == Faults::All || self.faults.is_empty()
    }

    fn apply(&mut self, edit: Edit, section: &'static str, index: Option<usize>) {
        let applied = match self.mode {
            Faults::First => self.workspace.restore(&edit),
            Faults::All => self.workspace.apply(&edit),
        };
        if let Err(error) = applied {
            // Listing every fault, one item that could not be created leaves the next ones of
            // its list "past the end": that is no fault of theirs, and a real gap or duplicate
            // in a list is reported by the positions check.
            let position_past_the_end = error.kind == EditErrorKind::OutOfRange
                && error.field.as_deref() == Some("position");
            if self.mode == Faults::All && position_past_the_end {
                return;
            }
            self.faults.push(Fault {
                section,
                index,
                field: error.field,
                message: error.message,
            });
        }
    }

    /// Creates `items` in position order (so each lands where the file had it), noting
    /// failures at their index in the list.
    fn create_all<T>(
        &mut self,
        items: &[T],
        section: &'static str,
        position: impl Fn(&T) -> (u32, &str),
        edit: impl Fn(T) -> Edit,
    ) where
        T: Clone,
    {
        let mut order: Vec<usize> = (0..items.len()).collect();
        order.sort_by(|&a, &b| position(&items[a]).cmp(&position(&items[b])));
        for index in order {
            if !self.going_on() {
                return;
            }
            self.apply(edit(items[index].clone()), section, Some(index));
        }
    }
}

/// Replays `content` into an empty workspace. Returns the workspace and the faults found
/// (with `Faults::First`, at most one, and the workspace is then incomplete).
pub fn replay(content: &Content, mode: Faults) -> (Workspace, Vec<Fault>) {
    let mut replay = Replay {
        workspace: Workspace::default(),
        faults: Vec::new(),
        mode,
    };
    replay.apply(
        Edit::SetWorkspaceInfo {
            info: content.info.clone(),
        },
        "info",
        None,
    );
    replay.create_all(
        &content.personas,
        "personas",
        |v| (v.position, &v.id),
        |persona| Edit::CreatePersona { persona },
    );
    // A future-state journey names its origin, which may come later in position order: create
    // every journey without it first, then set the origins.
    replay.create_all(
        &content.journeys,
        "journeys",
        |v| (v.position, &v.id),
        |journey| Edit::CreateJourney {
            journey: Journey {
                origin_id: None,
                ..journey
            },
        },
    );
    for (index, journey) in content.journeys.iter().enumerate() {
        if journey.origin_id.is_some() && replay.going_on() {
            replay.apply(
                Edit::UpdateJourney {
                    journey: journey.clone(),
                },
                "journeys",
                Some(index),
            );
        }
    }
    replay.create_all(
        &content.stages,
        "stages",
        |v| (v.position, &v.id),
        |stage| Edit::CreateStage { stage },
    );
    replay.create_all(
        &content.lanes,
        "lanes",
        |v| (v.position, &v.id),
        |lane| Edit::CreateLane { lane },
    );
    replay.create_all(
        &content.steps,
        "steps",
        |v| (v.position, &v.id),
        |step| Edit::CreateStep { step },
    );
    replay.create_all(
        &content.handoffs,
        "handoffs",
        |v| (0, &v.id),
        |handoff| Edit::ConnectHandoff { handoff },
    );
    replay.create_all(
        &content.metrics,
        "metrics",
        |v| (v.position, &v.id),
        |metric| Edit::CreateMetric { metric },
    );
    replay.create_all(
        &content.targets,
        "targets",
        |v| (0, &v.id),
        |target| Edit::CreateTarget { target },
    );
    replay.create_all(
        &content.responses,
        "responses",
        |v| (0, &v.id),
        |response| Edit::AddResponses {
            responses: vec![response],
        },
    );
    replay.create_all(
        &content.scores,
        "scores",
        |v| (0, &v.id),
        |score| Edit::CreateScore { score },
    );
    replay.create_all(
        &content.phases,
        "phases",
        |v| (v.position, &v.id),
        |phase| Edit::CreatePhase { phase },
    );
    replay.create_all(
        &content.initiatives,
        "initiatives",
        |v| (v.position, &v.id),
        |initiative| Edit::CreateInitiative { initiative },
    );
    replay.create_all(
        &content.snapshots,
        "snapshots",
        |v| (0, &v.id),
        |snapshot| Edit::CreateSnapshot { snapshot },
    );
    replay.create_all(
        &content.saved_mappings,
        "saved_mappings",
        |v| (v.position, &v.id),
        |saved| Edit::CreateSavedMapping { saved },
    );
    if replay.going_on() {
        check_same(&replay.workspace, content, &mut replay.faults, mode);
    }
    (replay.workspace, replay.faults)
}

/// The replayed workspace must hold exactly what was given: the core may normalise what it is
/// given (positions, trimmed text), and neither an import nor a check may let that pass.
fn check_same(workspace: &Workspace, content: &Content, faults: &mut Vec<Fault>, mode: Faults) {
    let mut found = Vec::new();
    if workspace.info != content.info {
        found.push(Fault {
            section: "info",
            index: None,
            field: None,
            message: "is not valid workspace information".into(),
        });
    }
    same(
        &workspace.personas,
        &content.personas,
        |v| &v.id,
        "personas",
        &mut found,
    );
    same(
        &workspace.journeys,
        &content.journeys,
        |v| &v.id,
        "journeys",
        &mut found,
    );
    same(
        &workspace.stages,
        &content.stages,
        |v| &v.id,
        "stages",
        &mut found,
    );
    same(
        &workspace.lanes,
        &content.lanes,
        |v| &v.id,
        "lanes",
        &mut found,
    );
    same(
        &workspace.steps,
        &content.steps,
        |v| &v.id,
        "steps",
        &mut found,
    );
    same(
        &workspace.handoffs,
        &content.handoffs,
        |v| &v.id,
        "handoffs",
        &mut found,
    );
    same(
        &workspace.metrics,
        &content.metrics,
        |v| &v.id,
        "metrics",
        &mut found,
    );
    same(
        &workspace.targets,
        &content.targets,
        |v| &v.id,
        "targets",
        &mut found,
    );
    same(
        &workspace.responses,
        &content.responses,
        |v| &v.id,
        "responses",
        &mut found,
    );
    same(
        &workspace.scores,
        &content.scores,
        |v| &v.id,
        "scores",
        &mut found,
    );
    same(
        &workspace.phases,
        &content.phases,
        |v| &v.id,
        "phases",
        &mut found,
    );
    same(
        &workspace.initiatives,
        &content.initiatives,
        |v| &v.id,
        "initiatives",
        &mut found,
    );
    same(
        &workspace.snapshots,
        &content.snapshots,
        |v| &v.id,
        "snapshots",
        &mut found,
    );
    same(
        &workspace.saved_mappings,
        &content.saved_mappings,
        |v| &v.id,
        "saved_mappings",
        &mut found,
    );
    match mode {
        Faults::All => faults.extend(found),
        Faults::First => faults.extend(found.into_iter().take(1)),
    }
}

/// Each given item must be in `replayed` as given; and nothing else may be there.
fn same<T: PartialEq>(
    replayed: &BTreeMap<Id, T>,
    given: &[T],
    id: impl Fn(&T) -> &Id,
    section: &'static str,
    found: &mut Vec<Fault>,
) {
    let mut created = 0;
    for (index, item) in given.iter().enumerate() {
        match replayed.get(id(item)) {
            Some(replayed_item) if replayed_item == item => created += 1,
            Some(_) => {
                created += 1;
                found.push(Fault {
                    section,
                    index: Some(index),
                    field: None,
                    message: "is inconsistent with the rest of the file (the model would store \
                              it differently: its position is taken or out of order, or a value \
                              is not as the rules keep it)"
                        .into(),
                });
            }
            // Not created: its own fault was noted when its creation failed.
            None => {}
        }
    }
    if replayed.len() != created {
        found.push(Fault {
            section,
            index: None,
            field: None,
            message: "holds duplicate ids".into(),
        });
    }
}
