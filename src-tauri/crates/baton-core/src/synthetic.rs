//! Synthetic journeys of any size, for benchmarks and large-file tests.
//!
//! [`synthetic_journey`] builds one `Edit::Batch` that the apply engine accepts as a user edit
//! would be: every create is valid on its own, in an order where each step's position equals the
//! count of its cell at that moment. The same spec (seed included) always yields the same edit,
//! ids included, so benchmarks compare like with like. Applying the same spec twice to one
//! workspace therefore collides on ids: vary the seed for a second journey.

use std::collections::{BTreeMap, HashSet};

use chrono::NaiveDate;

use crate::edit::Edit;
use crate::model::*;

/// The size and shape of a synthetic journey.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntheticSpec {
    pub stages: u32,
    pub lanes: u32,
    /// All steps, the emotion lane's one per stage included.
    pub steps: u32,
    /// An upper bound: fewer are made when the map has too few steps in distinct lanes.
    pub handoffs: u32,
    /// Survey responses against the workspace's built-in metrics (none if it has none).
    pub responses: u32,
    pub seed: u64,
}

impl SyntheticSpec {
    /// A tiny journey for tests that look at every row.
    pub fn small() -> Self {
        Self {
            stages: 5,
            lanes: 6,
            steps: 40,
            handoffs: 12,
            responses: 60,
            seed: 1,
        }
    }

    /// The size of a big real engagement: 10,000 cards, about ten per cell.
    pub fn medium() -> Self {
        Self {
            stages: 40,
            lanes: 25,
            steps: 10_000,
            handoffs: 3_000,
            responses: 50_000,
            seed: 42,
        }
    }

    /// Ten times medium, for stress: 100,000 cards, no responses.
    pub fn large() -> Self {
        Self {
            stages: 200,
            lanes: 50,
            steps: 100_000,
            handoffs: 30_000,
            responses: 0,
            seed: 4242,
        }
    }
}

/// One `Edit::Batch` creating a whole journey in `ws`: stages, lanes, steps, handoffs, targets on
/// some touchpoints (CES, when the workspace has it) and responses against the built-in metrics.
pub fn synthetic_journey(ws: &Workspace, spec: &SyntheticSpec) -> Edit {
    let position = u32::try_from(ws.journeys.len()).unwrap_or(u32::MAX);
    let generated = generate(spec, position, &ws.metrics);
    let mut edits = Vec::with_capacity(
        3 + generated.stages.len()
            + generated.lanes.len()
            + generated.steps.len()
            + generated.handoffs.len()
            + generated.targets.len(),
    );
    edits.push(Edit::CreateJourney {
        journey: generated.journey,
    });
    edits.extend(
        generated
            .stages
            .into_iter()
            .map(|stage| Edit::CreateStage { stage }),
    );
    edits.extend(
        generated
            .lanes
            .into_iter()
            .map(|lane| Edit::CreateLane { lane }),
    );
    edits.extend(
        generated
            .steps
            .into_iter()
            .map(|step| Edit::CreateStep { step }),
    );
    edits.extend(
        generated
            .handoffs
            .into_iter()
            .map(|handoff| Edit::ConnectHandoff { handoff }),
    );
    edits.extend(
        generated
            .targets
            .into_iter()
            .map(|target| Edit::CreateTarget { target }),
    );
    if !generated.responses.is_empty() {
        edits.push(Edit::AddResponses {
            responses: generated.responses,
        });
    }
    Edit::Batch {
        label: format!("Synthetic journey (seed {})", spec.seed),
        edits,
    }
}

/// The journey `synthetic_journey` would create, as a model, without a workspace: no metrics are
/// known, so it has no targets or responses. For layout and analysis benches.
pub fn synthetic_model(spec: &SyntheticSpec) -> JourneyModel {
    synthetic_model_with_metrics(spec, &BTreeMap::new())
}

/// As [`synthetic_model`], with targets and responses against `metrics` (a workspace's).
pub fn synthetic_model_with_metrics(
    spec: &SyntheticSpec,
    metrics: &BTreeMap<Id, Metric>,
) -> JourneyModel {
    let generated = generate(spec, 0, metrics);
    let stage_position: BTreeMap<&str, u32> = generated
        .stages
        .iter()
        .map(|s| (s.id.as_str(), s.position))
        .collect();
    let lane_position: BTreeMap<&str, u32> = generated
        .lanes
        .iter()
        .map(|l| (l.id.as_str(), l.position))
        .collect();
    let mut steps = generated.steps;
    steps.sort_by_key(|s| {
        (
            stage_position.get(s.stage_id.as_str()).copied(),
            lane_position.get(s.lane_id.as_str()).copied(),
            s.position,
        )
    });
    let mut handoffs = generated.handoffs;
    handoffs.sort_by(|a, b| a.id.cmp(&b.id));
    let mut targets = generated.targets;
    targets.sort_by(|a, b| a.id.cmp(&b.id));
    let mut responses = generated.responses;
    responses.sort_by(|a, b| a.id.cmp(&b.id));
    JourneyModel {
        journey: generated.journey,
        stages: generated.stages,
        lanes: generated.lanes,
        steps,
        handoffs,
        targets,
        responses,
        scores: Vec::new(),
    }
}

/// Everything of one synthetic journey, in creation order.
struct Generated {
    journey: Journey,
    stages: Vec<Stage>,
    lanes: Vec<Lane>,
    steps: Vec<Step>,
    handoffs: Vec<Handoff>,
    targets: Vec<Target>,
    responses: Vec<SurveyResponse>,
}

mod differences;
mod one_cell;
mod plan;
mod random;
#[cfg(test)]
mod tests;

pub use differences::compare_differences;
pub use one_cell::{one_cell, OneCell};
pub use plan::synthetic_plan;
use random::*;

/// The lane plan: an emotion lane on top and a customer lane, then actors, with a pains lane at
/// the bottom of bigger maps (free cards that take no part in handoffs).
fn lane_kinds(lanes: u32) -> Vec<LaneKind> {
    let lanes = lanes as usize;
    let mut kinds = Vec::with_capacity(lanes);
    if lanes >= 3 {
        kinds.push(LaneKind::Emotion);
    }
    while kinds.len() < lanes {
        let kind = if kinds.iter().all(|k| *k != LaneKind::Customer) {
            LaneKind::Customer
        } else if lanes >= 10 && kinds.len() + 1 == lanes {
            LaneKind::Pains
        } else {
            LaneKind::Actor
        };
        kinds.push(kind);
    }
    kinds
}

fn make_lane(
    rng: &mut Rng,
    clock: &mut u64,
    journey_id: &Id,
    kind: LaneKind,
    index: usize,
) -> Lane {
    let mut lane = Lane {
        id: rng.id(clock),
        journey_id: journey_id.clone(),
        name: String::new(),
        kind,
        position: index as u32,
        department: None,
        sourcing: None,
        work: None,
        visibility: None,
        origin_id: None,
    };
    match kind {
        LaneKind::Actor => {
            let department = *rng.pick(&DEPARTMENTS);
            let automated = index % 4 == 3;
            lane.name = if automated {
                format!("{department} system {index}")
            } else {
                format!("{department} team {index}")
            };
            // Some actor lanes leave the department blank, as real maps do.
            lane.department = (!rng.chance(15)).then(|| department.to_owned());
            lane.sourcing = Some(*rng.pick(&[
                Sourcing::InHouse,
                Sourcing::InHouse,
                Sourcing::Outsourced,
                Sourcing::Offshore,
            ]));
            lane.work = Some(if automated {
                Work::Automated
            } else {
                Work::Manual
            });
            lane.visibility = Some(if automated {
                Visibility::Support
            } else {
                *rng.pick(&[Visibility::Frontstage, Visibility::Backstage])
            });
        }
        LaneKind::Customer => lane.name = "Customer".to_owned(),
        LaneKind::Emotion => lane.name = "Emotion".to_owned(),
        _ => lane.name = "Pains".to_owned(),
    }
    lane
}

fn generate(
    spec: &SyntheticSpec,
    journey_position: u32,
    metrics: &BTreeMap<Id, Metric>,
) -> Generated {
    let mut rng = Rng::new(spec.seed);
    let mut clock = ID_CLOCK_START_MS;
    let journey = Journey {
        id: rng.id(&mut clock),
        name: format!("Synthetic journey {}", spec.seed),
        description: format!(
            "{} stages, {} lanes, {} steps, generated for benchmarks.",
            spec.stages, spec.lanes, spec.steps
        ),
        persona_id: None,
        state: JourneyState::Current,
        origin_id: None,
        position: journey_position,
    };

    let stages: Vec<Stage> = (0..spec.stages)
        .map(|i| Stage {
            id: rng.id(&mut clock),
            journey_id: journey.id.clone(),
            name: format!("{} {}", STAGE_NAMES[i as usize % STAGE_NAMES.len()], i + 1),
            description: String::new(),
            position: i,
            origin_id: None,
        })
        .collect();

    let kinds = lane_kinds(spec.lanes);
    let lanes: Vec<Lane> = kinds
        .iter()
        .enumerate()
        .map(|(i, kind)| make_lane(&mut rng, &mut clock, &journey.id, *kind, i))
        .collect();

    let steps = make_steps(&mut rng, &mut clock, spec, &journey, &stages, &lanes);
    let handoffs = make_handoffs(
        &mut rng, &mut clock, spec, &journey, &stages, &lanes, &steps,
    );
    let (targets, responses) =
        make_satisfaction(&mut rng, &mut clock, spec, &steps, &handoffs, metrics);

    Generated {
        journey,
        stages,
        lanes,
        steps,
        handoffs,
        targets,
        responses,
    }
}

/// One emotion step per stage, then the rest spread over the other cells with uneven weights
/// (some cells empty, some crowded), each at the next free position of its cell.
fn make_steps(
    rng: &mut Rng,
    clock: &mut u64,
    spec: &SyntheticSpec,
    journey: &Journey,
    stages: &[Stage],
    lanes: &[Lane],
) -> Vec<Step> {
    let budget = spec.steps as usize;
    let mut steps = Vec::with_capacity(budget);
    let blank_step = |id: Id, stage: &Stage, lane: &Lane, position: u32, title: String| Step {
        id,
        journey_id: journey.id.clone(),
        stage_id: stage.id.clone(),
        lane_id: lane.id.clone(),
        position,
        title,
        notes: String::new(),
        touchpoint: None,
        verification: false,
        resolution: false,
        emotion: None,
        origin_id: None,
    };

    if let Some(emotion_lane) = lanes.iter().find(|l| l.kind == LaneKind::Emotion) {
        let mut feeling: i8 = 0;
        for stage in stages.iter().take(budget) {
            feeling = (feeling + rng.below(3) as i8 - 1).clamp(-3, 3);
            let mut step = blank_step(
                rng.id(clock),
                stage,
                emotion_lane,
                0,
                format!("Feels {feeling:+}"),
            );
            step.emotion = Some(feeling);
            steps.push(step);
        }
    }

    let card_lanes: Vec<&Lane> = lanes
        .iter()
        .filter(|l| l.kind != LaneKind::Emotion)
        .collect();
    if stages.is_empty() || card_lanes.is_empty() {
        return steps;
    }
    // Cell weights 0..=3: a quarter of the cells stay empty; cumulative for weighted picks.
    let cell_count = stages.len() * card_lanes.len();
    let mut cumulative = Vec::with_capacity(cell_count);
    let mut total = 0u64;
    for _ in 0..cell_count {
        total += rng.below(4) as u64;
        cumulative.push(total);
    }
    if total == 0 {
        // Every weight came out zero: let the last cell take all the cards.
        if let Some(last) = cumulative.last_mut() {
            *last = 1;
        }
        total = 1;
    }
    let mut counts = vec![0u32; cell_count];
    while steps.len() < budget {
        let ticket = rng.next_u64() % total;
        let cell = cumulative.partition_point(|&c| c <= ticket);
        let (stage, lane) = (
            &stages[cell / card_lanes.len()],
            card_lanes[cell % card_lanes.len()],
        );
        let mut step = blank_step(rng.id(clock), stage, lane, counts[cell], title(rng));
        counts[cell] += 1;
        if matches!(lane.kind, LaneKind::Customer | LaneKind::Actor) {
            if rng.chance(35) {
                step.touchpoint = Some(*rng.pick(&CHANNELS));
            }
            step.verification = rng.chance(5);
            step.resolution = rng.chance(3);
        }
        if rng.chance(20) {
            step.notes = "Observed in the November workshop.".to_owned();
        }
        steps.push(step);
    }
    steps
}

/// Handoffs between customer and actor steps of different lanes, mostly forward in the journey
/// (same stage or one or two later), never two between the same pair of steps.
fn make_handoffs(
    rng: &mut Rng,
    clock: &mut u64,
    spec: &SyntheticSpec,
    journey: &Journey,
    stages: &[Stage],
    lanes: &[Lane],
    steps: &[Step],
) -> Vec<Handoff> {
    let flow_lanes: HashSet<&str> = lanes
        .iter()
        .filter(|l| matches!(l.kind, LaneKind::Customer | LaneKind::Actor))
        .map(|l| l.id.as_str())
        .collect();
    let flow_steps: Vec<&Step> = steps
        .iter()
        .filter(|s| flow_lanes.contains(s.lane_id.as_str()))
        .collect();
    // Flow steps by stage position, so a receiver can be drawn from the same or a nearby stage.
    let stage_index: BTreeMap<&str, usize> = stages
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id.as_str(), i))
        .collect();
    let mut by_stage: Vec<Vec<&Step>> = vec![Vec::new(); stages.len()];
    for step in &flow_steps {
        if let Some(&i) = stage_index.get(step.stage_id.as_str()) {
            by_stage[i].push(step);
        }
    }
    let mut handoffs = Vec::new();
    if flow_lanes.len() < 2 || flow_steps.len() < 2 {
        return handoffs;
    }
    let mut pairs: HashSet<(&str, &str)> = HashSet::new();
    let wanted = spec.handoffs as usize;
    let mut attempts = 0usize;
    while handoffs.len() < wanted && attempts < wanted.saturating_mul(20) {
        attempts += 1;
        let from = *rng.pick(&flow_steps);
        let Some(&from_stage) = stage_index.get(from.stage_id.as_str()) else {
            continue;
        };
        let to_stage = (from_stage + rng.below(3)).min(stages.len() - 1);
        let candidates = &by_stage[to_stage];
        if candidates.is_empty() {
            continue;
        }
        let to = *rng.pick(candidates);
        if to.lane_id == from.lane_id || !pairs.insert((from.id.as_str(), to.id.as_str())) {
            continue;
        }
        let checklist = (0..rng.below(4))
            .map(|i| ChecklistItem {
                id: rng.id(clock),
                text: [
                    "Case notes attached",
                    "Identity token passed",
                    "Customer told who calls back",
                    "Callback time agreed",
                ][i]
                    .to_owned(),
                done: rng.chance(50),
            })
            .collect();
        let sensitive = rng.chance(30);
        handoffs.push(Handoff {
            id: rng.id(clock),
            journey_id: journey.id.clone(),
            from_step_id: from.id.clone(),
            to_step_id: to.id.clone(),
            mode: *rng.pick(&[
                HandoffMode::Assisted,
                HandoffMode::Blind,
                HandoffMode::Blind,
                HandoffMode::Automated,
            ]),
            context: *rng.pick(&[
                ContextTransfer::Full,
                ContextTransfer::Partial,
                ContextTransfer::None,
            ]),
            customer_repeats: rng.chance(30),
            reverify: rng.chance(20),
            wait_minutes: *rng.pick(&[0, 0, 2, 5, 15, 30, 60, 240, 1440]),
            sensitive,
            secure_channel: sensitive && rng.chance(60),
            checklist,
            note: if rng.chance(25) {
                "Transfer without a warm intro.".to_owned()
            } else {
                String::new()
            },
            origin_id: None,
        });
    }
    handoffs
}

/// Targets on a third of the touchpoints (on the CES metric, whose score and response scales
/// agree), and responses spread over touchpoints and handoffs, over the year 2025.
fn make_satisfaction(
    rng: &mut Rng,
    clock: &mut u64,
    spec: &SyntheticSpec,
    steps: &[Step],
    handoffs: &[Handoff],
    metrics: &BTreeMap<Id, Metric>,
) -> (Vec<Target>, Vec<SurveyResponse>) {
    let built_ins: Vec<&Metric> = [MetricKind::Csat, MetricKind::Nps, MetricKind::Ces]
        .iter()
        .filter_map(|kind| metrics.values().find(|m| m.kind == *kind))
        .collect();
    let touchpoints: Vec<&Step> = steps.iter().filter(|s| s.touchpoint.is_some()).collect();
    let mut targets = Vec::new();
    if let Some(ces) = built_ins.iter().find(|m| m.kind == MetricKind::Ces) {
        for step in &touchpoints {
            if rng.chance(33) {
                let value = (ces.scale_min + (ces.scale_max - ces.scale_min) * 0.75)
                    .clamp(ces.scale_min, ces.scale_max);
                targets.push(Target {
                    id: rng.id(clock),
                    subject: Subject {
                        kind: SubjectKind::Step,
                        id: step.id.clone(),
                    },
                    metric_id: ces.id.clone(),
                    value,
                });
            }
        }
    }
    let mut responses = Vec::new();
    if built_ins.is_empty() || (touchpoints.is_empty() && handoffs.is_empty()) {
        return (targets, responses);
    }
    let first_day = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap_or_default();
    for _ in 0..spec.responses {
        let subject = if handoffs.is_empty() || (!touchpoints.is_empty() && rng.chance(80)) {
            Subject {
                kind: SubjectKind::Step,
                id: rng.pick(&touchpoints).id.clone(),
            }
        } else {
            Subject {
                kind: SubjectKind::Handoff,
                id: rng.pick(handoffs).id.clone(),
            }
        };
        let metric = *rng.pick(&built_ins);
        let steps_on_scale = (metric.scale_max - metric.scale_min).max(0.0) as usize;
        let value = metric.scale_min + rng.below(steps_on_scale + 1) as f64;
        let date = first_day + chrono::Days::new(rng.below(365) as u64);
        let respondent = rng.chance(70).then(|| format!("R{:05}", rng.below(20_000)));
        let comment = rng.chance(10).then(|| (*rng.pick(&COMMENTS)).to_owned());
        responses.push(SurveyResponse {
            id: rng.id(clock),
            subject,
            metric_id: metric.id.clone(),
            value,
            date,
            respondent,
            comment,
        });
    }
    (targets, responses)
}
