//! Random valid edits, for property tests (behind the `testing` feature).
//!
//! A test draws plain numbers (with proptest, `vec(any::<u32>(), n)`), wraps them in a [`Picker`],
//! and asks [`valid_edit`] for an edit that is valid in the current state. The same numbers and
//! state always give the same choices (ids are fresh each time). Also: [`changed_rows`], the rows
//! that differ between two states, to check `Applied::touched`, and [`dense_positions`].

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, NaiveDate, Utc};

use crate::edit::Edit;
use crate::model::*;

/// Turns a list of numbers into choices. When the numbers run out it starts again, mixed with
/// a counter, so any list (even an empty one) gives an endless stream.
pub struct Picker<'a> {
    seeds: &'a [u32],
    drawn: u32,
}

impl<'a> Picker<'a> {
    pub fn new(seeds: &'a [u32]) -> Self {
        Self { seeds, drawn: 0 }
    }

    fn next(&mut self) -> u32 {
        let index = self.drawn as usize;
        self.drawn = self.drawn.wrapping_add(1);
        if self.seeds.is_empty() {
            return self.drawn.wrapping_mul(2_654_435_761);
        }
        let seed = self.seeds[index % self.seeds.len()];
        let round = (index / self.seeds.len()) as u32;
        seed ^ round.wrapping_mul(2_654_435_761)
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            self.next() as usize % n
        }
    }

    pub fn chance(&mut self, percent: u32) -> bool {
        self.next() % 100 < percent
    }

    pub fn choose<'b, T>(&mut self, items: &'b [T]) -> Option<&'b T> {
        if items.is_empty() {
            None
        } else {
            items.get(self.below(items.len()))
        }
    }

    fn one_of<'b, T>(&mut self, map: &'b BTreeMap<Id, T>) -> Option<&'b T> {
        if map.is_empty() {
            None
        } else {
            map.values().nth(self.below(map.len()))
        }
    }

    fn word(&mut self) -> String {
        const WORDS: [&str; 8] = [
            "Call",
            "Verify",
            "Block card",
            "Transfer",
            "Réclamation",
            "Follow up",
            "  Notes  ",
            "Ship",
        ];
        format!("{} {}", WORDS[self.below(WORDS.len())], self.below(100))
    }

    fn position(&mut self, count: usize) -> u32 {
        u32::try_from(self.below(count + 1)).unwrap_or(0)
    }

    fn date(&mut self) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 1, 1).unwrap_or_default()
            + chrono::Days::new(self.below(365) as u64)
    }
}

/// An edit that `ws.apply` accepts. Every kind of edit comes up, batches (nested too) included.
pub fn valid_edit(ws: &Workspace, p: &mut Picker) -> Edit {
    valid_edit_at_depth(ws, p, 0)
}

fn valid_edit_at_depth(ws: &Workspace, p: &mut Picker, depth: u32) -> Edit {
    // Try a few kinds of edit; some need things to exist (a handoff needs two steps...).
    for _ in 0..8 {
        let area = p.below(if depth < 2 { 13 } else { 12 });
        let edit = match area {
            0 => people(ws, p),
            1 => journeys(ws, p),
            2 | 3 => stages_and_lanes(ws, p),
            4 | 5 => steps(ws, p),
            6 => handoffs(ws, p),
            7 => metrics(ws, p),
            8 => measures(ws, p),
            9 => plan(ws, p),
            10 if p.chance(25) => saved_mappings(ws, p),
            10 => snapshots(ws, p),
            11 => Some(Edit::SetWorkspaceInfo {
                info: WorkspaceInfo {
                    name: p.word(),
                    description: p.word(),
                },
            }),
            _ => Some(batch(ws, p, depth)),
        };
        if let Some(edit) = edit {
            return edit;
        }
    }
    Edit::CreateJourney {
        journey: new_journey(ws, p),
    }
}

/// A batch of edits, each valid after the ones before it.
fn batch(ws: &Workspace, p: &mut Picker, depth: u32) -> Edit {
    let mut scratch = ws.clone();
    let mut edits = vec![];
    for _ in 0..1 + p.below(3) {
        let edit = valid_edit_at_depth(&scratch, p, depth + 1);
        if scratch.apply(&edit).is_ok() {
            edits.push(edit);
        }
    }
    Edit::Batch {
        label: p.word(),
        edits,
    }
}

fn people(ws: &Workspace, p: &mut Picker) -> Option<Edit> {
    let existing = p.one_of(&ws.personas).cloned();
    Some(match (p.below(4), existing) {
        (1, Some(persona)) => Edit::UpdatePersona {
            persona: Persona {
                name: p.word(),
                role: p.word(),
                ..persona
            },
        },
        (2, Some(persona)) => Edit::DeletePersona { id: persona.id },
        (3, Some(persona)) => Edit::MovePersona {
            id: persona.id,
            position: u32::try_from(p.below(ws.personas.len())).unwrap_or(0),
        },
        _ => Edit::CreatePersona {
            persona: Persona {
                id: new_id(),
                name: p.word(),
                role: String::new(),
                description: p.word(),
                position: p.position(ws.personas.len()),
                goals: String::new(),
                frustrations: String::new(),
            },
        },
    })
}

fn new_journey(ws: &Workspace, p: &mut Picker) -> Journey {
    Journey {
        id: new_id(),
        name: p.word(),
        description: String::new(),
        persona_id: p.one_of(&ws.personas).map(|x| x.id.clone()),
        state: JourneyState::Current,
        origin_id: None,
        position: p.position(ws.journeys.len()),
    }
}

fn journeys(ws: &Workspace, p: &mut Picker) -> Option<Edit> {
    let existing = p.one_of(&ws.journeys).cloned();
    Some(match (p.below(10), existing) {
        (1 | 2, Some(j)) => Edit::UpdateJourney {
            journey: Journey {
                name: p.word(),
                persona_id: p.one_of(&ws.personas).map(|x| x.id.clone()),
                ..j
            },
        },
        (3, Some(j)) => Edit::DeleteJourney { id: j.id },
        (4, Some(j)) => Edit::MoveJourney {
            id: j.id,
            position: u32::try_from(p.below(ws.journeys.len())).unwrap_or(0),
        },
        (5, Some(j)) => crate::apply::duplicate_as_future(ws, &j.id).ok()?,
        _ => Edit::CreateJourney {
            journey: new_journey(ws, p),
        },
    })
}

const LANE_KINDS: [LaneKind; 8] = [
    LaneKind::Customer,
    LaneKind::Actor,
    LaneKind::Emotion,
    LaneKind::Thoughts,
    LaneKind::Pains,
    LaneKind::Opportunities,
    LaneKind::Channels,
    LaneKind::Notes,
];

fn with_actor_attributes(mut lane: Lane, p: &mut Picker) -> Lane {
    if lane.kind == LaneKind::Actor {
        lane.department = p.chance(50).then(|| p.word());
        lane.sourcing = p
            .choose(&[Sourcing::InHouse, Sourcing::Outsourced, Sourcing::Offshore])
            .copied();
        lane.work = p.choose(&[Work::Manual, Work::Automated]).copied();
        lane.visibility = p
            .choose(&[
                Visibility::Frontstage,
                Visibility::Backstage,
                Visibility::Support,
            ])
            .copied();
    } else {
        lane.department = None;
        lane.sourcing = None;
        lane.work = None;
        lane.visibility = None;
    }
    lane
}

fn stages_and_lanes(ws: &Workspace, p: &mut Picker) -> Option<Edit> {
    let journey = p.one_of(&ws.journeys)?.id.clone();
    let stages: Vec<&Stage> = ws.stages_of(&journey);
    let lanes: Vec<&Lane> = ws.lanes_of(&journey);
    let stage = p.choose(&stages).map(|s| (*s).clone());
    let lane = p.choose(&lanes).map(|l| (*l).clone());
    Some(match (p.below(9), stage, lane) {
        (1, Some(s), _) => Edit::UpdateStage {
            stage: Stage {
                name: p.word(),
                description: p.word(),
                ..s
            },
        },
        (2, Some(s), _) => Edit::DeleteStage { id: s.id },
        (3, Some(s), _) => Edit::MoveStage {
            id: s.id,
            position: u32::try_from(p.below(stages.len())).unwrap_or(0),
        },
        (4, _, None) | (4 | 5, _, _) => {
            let kind = *p.choose(&LANE_KINDS)?;
            let lane = Lane {
                id: new_id(),
                journey_id: journey,
                name: p.word(),
                kind,
                position: p.position(lanes.len()),
                department: None,
                sourcing: None,
                work: None,
                visibility: None,
                origin_id: None,
            };
            Edit::CreateLane {
                lane: with_actor_attributes(lane, p),
            }
        }
        (6, _, Some(l)) if p.chance(40) => {
            let others: Vec<LaneKind> = LANE_KINDS.into_iter().filter(|k| *k != l.kind).collect();
            Edit::SetLaneKind {
                id: l.id,
                kind: *p.choose(&others)?,
            }
        }
        (6, _, Some(l)) => {
            let has_steps = ws.steps.values().any(|s| s.lane_id == l.id);
            let kind = match (has_steps, l.kind) {
                (false, _) => *p.choose(&LANE_KINDS)?,
                (true, LaneKind::Customer) => LaneKind::Actor,
                (true, LaneKind::Actor) => LaneKind::Customer,
                (true, kind) => kind,
            };
            Edit::UpdateLane {
                lane: with_actor_attributes(
                    Lane {
                        name: p.word(),
                        kind,
                        ..l
                    },
                    p,
                ),
            }
        }
        (7, _, Some(l)) => Edit::DeleteLane { id: l.id },
        (8, _, Some(l)) => Edit::MoveLane {
            id: l.id,
            position: u32::try_from(p.below(lanes.len())).unwrap_or(0),
        },
        _ => Edit::CreateStage {
            stage: Stage {
                id: new_id(),
                journey_id: journey,
                name: p.word(),
                description: String::new(),
                position: p.position(stages.len()),
                origin_id: None,
            },
        },
    })
}

/// Random markers a lane of this kind allows.
fn mark_for(kind: LaneKind, step: &mut Step, p: &mut Picker) {
    step.touchpoint = None;
    step.verification = false;
    step.resolution = false;
    step.emotion = None;
    match kind {
        LaneKind::Customer | LaneKind::Actor => {
            step.touchpoint = p.chance(50).then_some(Channel::Phone);
            step.verification = p.chance(30);
            step.resolution = p.chance(20);
        }
        LaneKind::Emotion => step.emotion = Some(p.below(7) as i8 - 3),
        _ => {}
    }
}

/// Whether `step` could sit on `lane` (markers and handoffs allowing).
fn fits(ws: &Workspace, step: &Step, lane: &Lane) -> bool {
    let acts = matches!(lane.kind, LaneKind::Customer | LaneKind::Actor);
    let marked = step.touchpoint.is_some() || step.verification || step.resolution;
    if (step.emotion.is_some() && lane.kind != LaneKind::Emotion) || (marked && !acts) {
        return false;
    }
    ws.handoffs.values().all(|h| {
        let other = if h.from_step_id == step.id {
            &h.to_step_id
        } else if h.to_step_id == step.id {
            &h.from_step_id
        } else {
            return true;
        };
        ws.steps.get(other).is_none_or(|o| o.lane_id != lane.id)
    })
}

fn steps(ws: &Workspace, p: &mut Picker) -> Option<Edit> {
    let journey = p.one_of(&ws.journeys)?.id.clone();
    let stages = ws.stages_of(&journey);
    let lanes = ws.lanes_of(&journey);
    let stage = (*p.choose(&stages)?).clone();
    let lane = (*p.choose(&lanes)?).clone();
    let cell = ws.steps_of_cell(&stage.id, &lane.id);
    let existing: Vec<&Step> = ws
        .steps
        .values()
        .filter(|s| s.journey_id == journey)
        .collect();
    let step = p.choose(&existing).map(|s| (*s).clone());
    Some(match (p.below(8), step) {
        (1 | 2, Some(s)) => {
            let kind = ws.lanes.get(&s.lane_id)?.kind;
            let mut updated = Step {
                title: p.word(),
                notes: p.word(),
                ..s
            };
            mark_for(kind, &mut updated, p);
            Edit::UpdateStep { step: updated }
        }
        (3, Some(s)) => Edit::DeleteStep { id: s.id },
        (4 | 5, Some(s)) => {
            let same_cell = s.stage_id == stage.id && s.lane_id == lane.id;
            if !same_cell && !fits(ws, &s, &lane) {
                return None;
            }
            let room = if same_cell {
                cell.len() - 1
            } else {
                cell.len()
            };
            Edit::MoveStep {
                id: s.id,
                stage_id: stage.id,
                lane_id: lane.id,
                position: p.position(room),
            }
        }
        _ => {
            let mut step = Step {
                id: new_id(),
                journey_id: journey,
                stage_id: stage.id,
                lane_id: lane.id,
                position: p.position(cell.len()),
                title: p.word(),
                notes: String::new(),
                touchpoint: None,
                verification: false,
                resolution: false,
                emotion: None,
                origin_id: None,
            };
            mark_for(lane.kind, &mut step, p);
            Edit::CreateStep { step }
        }
    })
}

fn new_item(p: &mut Picker) -> ChecklistItem {
    ChecklistItem {
        id: new_id(),
        text: p.word(),
        done: p.chance(50),
    }
}

fn handoffs(ws: &Workspace, p: &mut Picker) -> Option<Edit> {
    let existing = p.one_of(&ws.handoffs).cloned();
    Some(match (p.below(10), existing) {
        (1 | 2, Some(h)) => Edit::UpdateHandoff {
            handoff: Handoff {
                mode: *p.choose(&[
                    HandoffMode::Assisted,
                    HandoffMode::Blind,
                    HandoffMode::Automated,
                ])?,
                context: *p.choose(&[
                    ContextTransfer::Full,
                    ContextTransfer::Partial,
                    ContextTransfer::None,
                ])?,
                customer_repeats: p.chance(50),
                reverify: p.chance(50),
                wait_minutes: p.below(600) as u32,
                note: p.word(),
                ..h
            },
        },
        (3, Some(h)) => Edit::DisconnectHandoff { id: h.id },
        (4 | 5, Some(h)) => Edit::AddChecklistItem {
            position: p.position(h.checklist.len()),
            handoff_id: h.id,
            item: new_item(p),
        },
        (6, Some(h)) => {
            let item = p.choose(&h.checklist)?.clone();
            Edit::UpdateChecklistItem {
                handoff_id: h.id,
                item: ChecklistItem {
                    text: p.word(),
                    done: !item.done,
                    ..item
                },
            }
        }
        (7, Some(h)) => Edit::RemoveChecklistItem {
            item_id: p.choose(&h.checklist)?.id.clone(),
            handoff_id: h.id,
        },
        (8, Some(h)) => Edit::MoveChecklistItem {
            item_id: p.choose(&h.checklist)?.id.clone(),
            position: u32::try_from(p.below(h.checklist.len())).unwrap_or(0),
            handoff_id: h.id,
        },
        _ => {
            let from = p.one_of(&ws.steps)?.clone();
            let candidates: Vec<&Step> = ws
                .steps
                .values()
                .filter(|s| s.journey_id == from.journey_id && s.lane_id != from.lane_id)
                .collect();
            let to = p.choose(&candidates)?;
            let mut checklist = vec![];
            for _ in 0..p.below(3) {
                checklist.push(new_item(p));
            }
            Edit::ConnectHandoff {
                handoff: Handoff {
                    id: new_id(),
                    journey_id: from.journey_id.clone(),
                    from_step_id: from.id.clone(),
                    to_step_id: to.id.clone(),
                    mode: HandoffMode::Blind,
                    context: ContextTransfer::Partial,
                    customer_repeats: p.chance(50),
                    reverify: p.chance(50),
                    wait_minutes: p.below(100) as u32,
                    sensitive: p.chance(50),
                    secure_channel: p.chance(50),
                    checklist,
                    note: String::new(),
                    origin_id: None,
                },
            }
        }
    })
}

fn metrics(ws: &Workspace, p: &mut Picker) -> Option<Edit> {
    let existing = p.one_of(&ws.metrics).cloned();
    Some(match (p.below(6), existing) {
        (1, Some(m)) => Edit::UpdateMetric {
            // Widening the scale keeps every response on it.
            metric: Metric {
                name: p.word(),
                scale_min: m.scale_min - 1.0,
                scale_max: m.scale_max + 1.0,
                ..m
            },
        },
        (2, Some(m)) => Edit::DeleteMetric { id: m.id },
        (3, Some(m)) => Edit::MoveMetric {
            id: m.id,
            position: u32::try_from(p.below(ws.metrics.len())).unwrap_or(0),
        },
        _ => {
            let scale_min = p.below(3) as f64;
            Edit::CreateMetric {
                metric: Metric {
                    id: new_id(),
                    name: p.word(),
                    kind: MetricKind::Custom,
                    scale_min,
                    scale_max: scale_min + 1.0 + p.below(10) as f64,
                    direction: *p.choose(&[Direction::HigherIsBetter, Direction::LowerIsBetter])?,
                    position: p.position(ws.metrics.len()),
                },
            }
        }
    })
}

fn any_subject(ws: &Workspace, p: &mut Picker) -> Option<Subject> {
    if p.chance(30) {
        if let Some(h) = p.one_of(&ws.handoffs) {
            return Some(Subject {
                kind: SubjectKind::Handoff,
                id: h.id.clone(),
            });
        }
    }
    p.one_of(&ws.steps).map(|s| Subject {
        kind: SubjectKind::Step,
        id: s.id.clone(),
    })
}

fn on_scale(metric: &Metric, p: &mut Picker) -> f64 {
    let span = (metric.scale_max - metric.scale_min).floor() as usize;
    metric.scale_min + p.below(span + 1) as f64
}

/// `step` (0 to 99) steps up from the bottom of the metric's score range, stopping at its top:
/// a target's or a typed score's value, as validation requires.
fn in_score_range(metric: &Metric, step: usize) -> f64 {
    let (low, high) = crate::scores::score_range(metric);
    (low + step as f64).min(high)
}

fn measures(ws: &Workspace, p: &mut Picker) -> Option<Edit> {
    let subject = any_subject(ws, p)?;
    let metric = p.one_of(&ws.metrics)?.clone();
    Some(match p.below(9) {
        0 => {
            if ws
                .targets
                .values()
                .any(|t| t.subject == subject && t.metric_id == metric.id)
            {
                return None;
            }
            Edit::CreateTarget {
                target: Target {
                    id: new_id(),
                    subject,
                    value: in_score_range(&metric, p.below(100)),
                    metric_id: metric.id,
                },
            }
        }
        1 => {
            let step = p.below(100);
            let target = p.one_of(&ws.targets)?.clone();
            let value = in_score_range(ws.metrics.get(&target.metric_id)?, step);
            Edit::UpdateTarget {
                target: Target { value, ..target },
            }
        }
        2 => Edit::DeleteTarget {
            id: p.one_of(&ws.targets)?.id.clone(),
        },
        3 | 4 => {
            let mut responses = vec![];
            for _ in 0..1 + p.below(3) {
                let value = on_scale(&metric, p);
                responses.push(SurveyResponse {
                    id: new_id(),
                    subject: subject.clone(),
                    metric_id: metric.id.clone(),
                    value,
                    date: p.date(),
                    respondent: p.chance(50).then(|| p.word()),
                    comment: p.chance(50).then(|| p.word()),
                });
            }
            Edit::AddResponses { responses }
        }
        5 => {
            let mut ids = BTreeSet::new();
            for _ in 0..1 + p.below(2) {
                ids.insert(p.one_of(&ws.responses)?.id.clone());
            }
            Edit::RemoveResponses {
                ids: ids.into_iter().collect(),
            }
        }
        6 => {
            let start = p.date();
            Edit::CreateScore {
                score: Score {
                    id: new_id(),
                    subject,
                    value: in_score_range(&metric, p.below(100)),
                    metric_id: metric.id,
                    sample_size: 1 + p.below(50) as u32,
                    period_start: start,
                    period_end: start + chrono::Days::new(p.below(90) as u64),
                    source: p.word(),
                },
            }
        }
        7 => {
            let step = p.below(100);
            let source = p.word();
            let score = p.one_of(&ws.scores)?.clone();
            let value = in_score_range(ws.metrics.get(&score.metric_id)?, step);
            Edit::UpdateScore {
                score: Score {
                    value,
                    source,
                    ..score
                },
            }
        }
        _ => Edit::DeleteScore {
            id: p.one_of(&ws.scores)?.id.clone(),
        },
    })
}

fn plan(ws: &Workspace, p: &mut Picker) -> Option<Edit> {
    let phase = p.one_of(&ws.phases).cloned();
    let initiative = p.one_of(&ws.initiatives).cloned();
    Some(match (p.below(10), phase, initiative) {
        (1, Some(ph), _) => Edit::UpdatePhase {
            phase: Phase {
                name: p.word(),
                goal: p.word(),
                start: Some(p.date()),
                end: None,
                ..ph
            },
        },
        (2, Some(ph), _) => Edit::DeletePhase { id: ph.id },
        (3, Some(ph), _) => Edit::MovePhase {
            id: ph.id,
            position: u32::try_from(p.below(ws.phases.len())).unwrap_or(0),
        },
        (4 | 5, Some(ph), _) => {
            let fresh = Initiative {
                id: new_id(),
                position: p.position(ws.initiatives_of_phase(&ph.id).len()),
                phase_id: ph.id,
                title: p.word(),
                description: String::new(),
                owner: p.word(),
                status: InitiativeStatus::Proposed,
                impact: 1 + p.below(5) as u8,
                effort: 1 + p.below(5) as u8,
                started: None,
                due: None,
                step_ids: vec![],
                handoff_ids: vec![],
                suggestion_keys: vec![],
                expected_effect: None,
            };
            Edit::CreateInitiative {
                initiative: linked(ws, p, fresh),
            }
        }
        (6, _, Some(i)) => {
            let renamed = Initiative {
                title: p.word(),
                status: InitiativeStatus::InProgress,
                ..i
            };
            Edit::UpdateInitiative {
                initiative: linked(ws, p, renamed),
            }
        }
        (7, _, Some(i)) => Edit::DeleteInitiative { id: i.id },
        (8, Some(ph), Some(i)) => {
            let count = ws.initiatives_of_phase(&ph.id).len();
            let room = if ph.id == i.phase_id {
                count - 1
            } else {
                count
            };
            Edit::MoveInitiative {
                id: i.id,
                phase_id: ph.id,
                position: p.position(room),
            }
        }
        _ => Edit::CreatePhase {
            phase: Phase {
                id: new_id(),
                name: p.word(),
                goal: String::new(),
                start: None,
                end: None,
                position: p.position(ws.phases.len()),
            },
        },
    })
}

/// Link an initiative to random steps and handoffs, and maybe give it an expected effect.
fn linked(ws: &Workspace, p: &mut Picker, mut initiative: Initiative) -> Initiative {
    let mut step_ids = BTreeSet::new();
    for _ in 0..p.below(3) {
        if let Some(s) = p.one_of(&ws.steps) {
            step_ids.insert(s.id.clone());
        }
    }
    let mut handoff_ids = BTreeSet::new();
    for _ in 0..p.below(2) {
        if let Some(h) = p.one_of(&ws.handoffs) {
            handoff_ids.insert(h.id.clone());
        }
    }
    initiative.step_ids = step_ids.into_iter().collect();
    initiative.handoff_ids = handoff_ids.into_iter().collect();
    initiative.expected_effect = p.one_of(&ws.metrics).cloned().map(|m| {
        // A value within the metric's score range, as validation requires.
        let (low, high) = crate::scores::score_range(&m);
        let value = (low + p.below(100) as f64).min(high);
        ExpectedEffect {
            metric_id: m.id,
            subject: any_subject(ws, p),
            value,
        }
    });
    initiative
}

fn saved_mappings(ws: &Workspace, p: &mut Picker) -> Option<Edit> {
    let existing = p.one_of(&ws.saved_mappings).cloned();
    // A name no other mapping has (names are unique, case-insensitively).
    let name = format!("{} {}", p.word(), new_id());
    let mapping = format!("{{\"version\":1,\"note\":\"{}\"}}", p.word());
    Some(match (p.below(3), existing) {
        (1, Some(saved)) => Edit::UpdateSavedMapping {
            saved: SavedMapping {
                name,
                mapping,
                ..saved
            },
        },
        (2, Some(saved)) => Edit::DeleteSavedMapping { id: saved.id },
        _ => Edit::CreateSavedMapping {
            saved: SavedMapping {
                id: new_id(),
                name,
                mapping,
                position: p.position(ws.saved_mappings.len()),
            },
        },
    })
}

fn snapshots(ws: &Workspace, p: &mut Picker) -> Option<Edit> {
    let existing = p.one_of(&ws.snapshots).cloned();
    Some(match (p.below(4), existing) {
        (1, Some(s)) => Edit::RenameSnapshot {
            id: s.id,
            name: p.word(),
        },
        (2, Some(s)) => Edit::DeleteSnapshot { id: s.id },
        _ => {
            let journey = p.one_of(&ws.journeys)?.id.clone();
            let created_at =
                DateTime::<Utc>::from_timestamp(1_790_000_000 + p.below(1_000_000) as i64, 0)?;
            Edit::CreateSnapshot {
                snapshot: Snapshot {
                    id: new_id(),
                    model: ws.journey_model(&journey)?,
                    journey_id: journey,
                    name: p.word(),
                    created_at,
                },
            }
        }
    })
}

/// Every row that differs between two states (present in one only, or changed).
pub fn changed_rows(before: &Workspace, after: &Workspace) -> BTreeSet<EntityRef> {
    fn diff<T: PartialEq>(
        kind: EntityKind,
        a: &BTreeMap<Id, T>,
        b: &BTreeMap<Id, T>,
        out: &mut BTreeSet<EntityRef>,
    ) {
        for id in a.keys().chain(b.keys()) {
            if a.get(id) != b.get(id) {
                out.insert(EntityRef::new(kind, id.as_str()));
            }
        }
    }
    let mut out = BTreeSet::new();
    if before.info != after.info {
        out.insert(EntityRef::new(EntityKind::Workspace, ""));
    }
    diff(
        EntityKind::Persona,
        &before.personas,
        &after.personas,
        &mut out,
    );
    diff(
        EntityKind::Journey,
        &before.journeys,
        &after.journeys,
        &mut out,
    );
    diff(EntityKind::Stage, &before.stages, &after.stages, &mut out);
    diff(EntityKind::Lane, &before.lanes, &after.lanes, &mut out);
    diff(EntityKind::Step, &before.steps, &after.steps, &mut out);
    diff(
        EntityKind::Handoff,
        &before.handoffs,
        &after.handoffs,
        &mut out,
    );
    diff(
        EntityKind::Metric,
        &before.metrics,
        &after.metrics,
        &mut out,
    );
    diff(
        EntityKind::Target,
        &before.targets,
        &after.targets,
        &mut out,
    );
    diff(
        EntityKind::Response,
        &before.responses,
        &after.responses,
        &mut out,
    );
    diff(EntityKind::Score, &before.scores, &after.scores, &mut out);
    diff(EntityKind::Phase, &before.phases, &after.phases, &mut out);
    diff(
        EntityKind::Initiative,
        &before.initiatives,
        &after.initiatives,
        &mut out,
    );
    diff(
        EntityKind::Snapshot,
        &before.snapshots,
        &after.snapshots,
        &mut out,
    );
    diff(
        EntityKind::SavedMapping,
        &before.saved_mappings,
        &after.saved_mappings,
        &mut out,
    );
    out
}

/// Whether every sibling group has positions exactly 0..n-1; names the first that does not.
pub fn dense_positions(ws: &Workspace) -> Result<(), String> {
    fn dense(mut positions: Vec<u32>, what: &str) -> Result<(), String> {
        positions.sort_unstable();
        if positions.iter().enumerate().all(|(i, p)| *p as usize == i) {
            Ok(())
        } else {
            Err(format!("positions of {what} are not dense: {positions:?}"))
        }
    }
    let mut groups: BTreeMap<String, Vec<u32>> = BTreeMap::new();
    let mut add = |group: String, position: u32| groups.entry(group).or_default().push(position);
    ws.personas
        .values()
        .for_each(|x| add("personas".into(), x.position));
    ws.journeys
        .values()
        .for_each(|x| add("journeys".into(), x.position));
    ws.metrics
        .values()
        .for_each(|x| add("metrics".into(), x.position));
    ws.phases
        .values()
        .for_each(|x| add("phases".into(), x.position));
    ws.saved_mappings
        .values()
        .for_each(|x| add("saved mappings".into(), x.position));
    ws.stages
        .values()
        .for_each(|x| add(format!("stages of {}", x.journey_id), x.position));
    ws.lanes
        .values()
        .for_each(|x| add(format!("lanes of {}", x.journey_id), x.position));
    ws.steps.values().for_each(|x| {
        add(
            format!("steps of cell {} x {}", x.stage_id, x.lane_id),
            x.position,
        )
    });
    ws.initiatives
        .values()
        .for_each(|x| add(format!("initiatives of {}", x.phase_id), x.position));
    groups
        .into_iter()
        .try_for_each(|(what, positions)| dense(positions, &what))
}
