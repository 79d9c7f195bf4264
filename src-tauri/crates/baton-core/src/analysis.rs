//! Handoff and satisfaction analysis of one journey (DOMAIN.md, "Handoff analysis"). Pure and
//! deterministic: the same workspace gives the same result, byte for byte once serialised.
//!
//! `analyze(ws, journey_id)` is the entry point; `analyze_model` analyses a journey model (a
//! snapshot's frozen copy) without making a workspace of it. The submodules each compute one part:
//! - `source`: what the analysis reads, borrowed from a workspace or a model;
//! - `index`: the journey's steps, lanes and handoffs with their journey order (`order`);
//! - `order`: the handoff order (flow rule, cycles broken);
//! - `crossings`: boundary crossings per handoff;
//! - `satisfaction`: latest scores per subject and the drop across each handoff;
//! - `friction`: the friction score and its itemised breakdown;
//! - `chains`: transfer chains;
//! - `hotspots`: handoffs by friction, touchpoints by gap to target;
//! - `suggestions`: the rules drawn from the seeds.

mod chains;
mod crossings;
mod friction;
mod hotspots;
mod index;
mod order;
mod satisfaction;
mod source;
mod suggestions;
pub use suggestions::source_title;

use serde::{Deserialize, Serialize};
use specta::Type;

use std::collections::BTreeMap;

use crate::model::{HandoffMode, Id, JourneyModel, Metric, Workspace};
use crate::scores::{Granularity, MetricStanding};

pub use friction::FrictionWeights;

/// How to analyse: the friction weights and the granularity latest scores are computed at.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type, Default)]
pub struct AnalysisOptions {
    pub weights: FrictionWeights,
    /// The period width of scores computed from responses (default: month). The latest score of
    /// a subject is the latest period of this width, or a later entered score.
    pub granularity: Granularity,
}

/// The whole analysis of one journey.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct JourneyAnalysis {
    pub journey_id: Id,
    pub summary: Summary,
    /// Step ids in journey order (stage, lane, position in cell; id breaks ties).
    pub step_order: Vec<Id>,
    /// Every handoff of the journey in handoff order (the flow rule), with its analysis.
    pub handoffs: Vec<HandoffAnalysis>,
    /// Handoffs at which a cycle of handoffs was broken to order them (in handoff order).
    pub cycle_breaks: Vec<Id>,
    /// Every maximal run of customer-visible handoffs, in handoff order.
    pub chains: Vec<TransferChain>,
    /// The reverification events counted in `summary.reverifications`, in journey order.
    pub reverifications: Vec<Reverification>,
    pub crossings: CrossingTotals,
    /// Every touchpoint's standing on each metric it has a score or target for, in journey order.
    pub touchpoints: Vec<TouchpointStanding>,
    pub hotspots: Hotspots,
    pub suggestions: Vec<Suggestion>,
}

/// The headline numbers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct Summary {
    pub steps: u32,
    pub handoffs: u32,
    pub customer_visible_handoffs: u32,
    pub touchpoints: u32,
    /// Distinct actor lanes owning a touchpoint, lanes of one department counted once.
    pub parties: u32,
    pub blind_handoffs: u32,
    pub assisted_handoffs: u32,
    pub automated_handoffs: u32,
    /// blind / (blind + assisted); `None` when the journey has neither.
    pub blind_share: Option<f64>,
    pub reverifications: u32,
    pub retellings: u32,
    pub flagged_chains: u32,
    /// The longest transfer chain (0 without customer-visible handoffs).
    pub longest_chain: u32,
    /// Mean friction of the handoffs; `None` without handoffs.
    pub mean_friction: Option<f64>,
    pub max_friction: u32,
}

/// One handoff's analysis.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct HandoffAnalysis {
    pub handoff_id: Id,
    pub from_step_id: Id,
    pub to_step_id: Id,
    /// 0-based place in the handoff order.
    pub order: u32,
    pub mode: HandoffMode,
    pub customer_visible: bool,
    /// The boundaries it crosses, in the order department, sourcing, automation.
    pub crossings: Vec<CrossingKind>,
    /// The change of satisfaction across it, per metric scored on both sides, by metric
    /// position then id.
    pub satisfaction: Vec<SatisfactionChange>,
    /// The largest positive drop among `satisfaction` (the one friction counts); `None` when
    /// no metric fell.
    pub drop: Option<SatisfactionChange>,
    pub friction: Friction,
}

/// The kinds of boundary a handoff can cross.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Type,
)]
#[serde(rename_all = "snake_case")]
pub enum CrossingKind {
    /// Both lanes have a department and they differ.
    Department,
    /// In-house on one side, outsourced or offshore on the other.
    Sourcing,
    /// Manual on one side, automated on the other.
    Automation,
}

/// How many handoffs cross each kind of boundary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type, Default)]
pub struct CrossingTotals {
    pub department: u32,
    pub sourcing: u32,
    pub automation: u32,
    /// The sum of the three (a handoff crossing two boundaries counts twice).
    pub total: u32,
}

/// The satisfaction of the receiving step against the sending step, on one metric.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct SatisfactionChange {
    pub metric_id: Id,
    /// Latest scores, in the metric's units.
    pub sending: f64,
    pub receiving: f64,
    /// Both normalised to 0..1 by the metric's score range, 1 best (direction respected).
    pub sending_normalised: f64,
    pub receiving_normalised: f64,
    /// sending_normalised - receiving_normalised: positive when satisfaction fell.
    pub drop: f64,
}

/// A friction score and its itemised breakdown (`items` sum to `uncapped`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct Friction {
    /// 0..=cap (100 by default).
    pub score: u32,
    pub uncapped: u32,
    pub items: Vec<FrictionItem>,
}

/// One contribution to a friction score.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct FrictionItem {
    pub factor: FrictionFactor,
    pub points: u32,
}

/// Why friction points were added.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum FrictionFactor {
    Blind,
    ContextNone,
    ContextPartial,
    Reverify,
    CustomerRepeats,
    Wait,
    DepartmentCrossing,
    SourcingCrossing,
    AutomationCrossing,
    SensitiveWithoutSecureChannel,
    SatisfactionDrop,
}

/// A maximal run of customer-visible handoffs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct TransferChain {
    /// In handoff order.
    pub handoff_ids: Vec<Id>,
    /// Two transfers or more (seed 004).
    pub flagged: bool,
    /// Where to flag it: the second transfer.
    pub flag_at_handoff_id: Option<Id>,
}

/// One time the customer proves who they are after the first time.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Reverification {
    /// A verification step after the journey's first one.
    Step {
        step_id: Id,
        first_verification_step_id: Id,
    },
    /// A handoff marked `reverify` whose receiving step is not a verification step.
    Handoff { handoff_id: Id },
}

/// A touchpoint with its standings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct TouchpointStanding {
    pub step_id: Id,
    /// The party owning it (department or lane name); `None` on the customer lane.
    pub party: Option<String>,
    pub standings: Vec<MetricStanding>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct Hotspots {
    /// Handoffs with friction above 0: friction descending, then handoff order.
    pub handoffs: Vec<HandoffHotspot>,
    /// Touchpoint and metric pairs with a score and a target: normalised gap ascending (worst
    /// first), then journey order of the step, then metric position, then metric id.
    pub touchpoints: Vec<TouchpointHotspot>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct HandoffHotspot {
    pub handoff_id: Id,
    pub friction: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct TouchpointHotspot {
    pub step_id: Id,
    pub metric_id: Id,
    pub latest: f64,
    pub target: f64,
    /// Positive is better.
    pub gap: f64,
    /// gap / width of the metric's score range.
    pub normalised_gap: f64,
}

/// The suggestion rules of DOMAIN.md.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Type,
)]
#[serde(rename_all = "snake_case")]
pub enum SuggestionRule {
    /// Key `flag_chain:<first handoff id>`.
    FlagChain,
    /// Key `blind_to_assisted:<handoff id>`.
    BlindToAssisted,
    /// Key `carry_verification:<step or handoff id>`.
    CarryVerification,
    /// Key `send_notes:<handoff id>`.
    SendNotes,
    /// Key `concentrate_touchpoints:<stage id>`.
    ConcentrateTouchpoints,
    /// Key `secure_route:<handoff id>`.
    SecureRoute,
    /// Key `measure_touchpoint:<step id>`.
    MeasureTouchpoint,
    /// Key `investigate_touchpoint:<step id>:<metric id>`.
    InvestigateTouchpoint,
}

/// One suggestion. `key` is stable across analyses of the same map (initiatives store it).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct Suggestion {
    pub key: String,
    pub rule: SuggestionRule,
    /// A plain-language reason naming the steps and lanes by title.
    pub reason: String,
    /// The seeds it comes from ("000".."004").
    pub seeds: Vec<String>,
    /// The same seed articles by title, for people to read (`suggestions::source_title`).
    pub sources: Vec<String>,
    pub step_ids: Vec<Id>,
    pub handoff_ids: Vec<Id>,
    pub stage_ids: Vec<Id>,
    pub metric_ids: Vec<Id>,
}

/// Analyse a journey with the default options. `None` when the journey does not exist.
pub fn analyze(ws: &Workspace, journey_id: &str) -> Option<JourneyAnalysis> {
    analyze_with(ws, journey_id, &AnalysisOptions::default())
}

/// Analyse a journey with the given weights and granularity.
pub fn analyze_with(
    ws: &Workspace,
    journey_id: &str,
    options: &AnalysisOptions,
) -> Option<JourneyAnalysis> {
    ws.journeys.get(journey_id)?;
    Some(analyze_source(
        &source::Source::of_workspace(ws, journey_id),
        journey_id,
        options,
    ))
}

/// Analyse a journey model (a snapshot's frozen copy, a version being compared) with the file's
/// `metrics`: the same analysis as of a workspace holding only that journey and those metrics,
/// without copying the model into one. Readings of metrics not in `metrics` are passed over.
pub fn analyze_model(
    model: &JourneyModel,
    metrics: &BTreeMap<Id, Metric>,
    options: &AnalysisOptions,
) -> JourneyAnalysis {
    analyze_source(
        &source::Source::of_model(model, metrics),
        &model.journey.id,
        options,
    )
}

fn analyze_source(
    source: &source::Source<'_>,
    journey_id: &str,
    options: &AnalysisOptions,
) -> JourneyAnalysis {
    let journey = index::JourneyIndex::build(source);
    let handoff_order = order::handoff_order(&journey);
    let scores = satisfaction::LatestScores::build(source, &journey, options.granularity);

    let handoffs: Vec<HandoffAnalysis> = handoff_order
        .order
        .iter()
        .enumerate()
        .map(|(place, &h)| {
            let handoff = journey.handoffs[h];
            let ends = journey.handoff_ends[h];
            let crossings = crossings::crossings(&journey, ends);
            let satisfaction = scores.changes_across(ends);
            let drop = satisfaction::largest_drop(&satisfaction);
            let friction = friction::friction(handoff, &crossings, drop.as_ref(), &options.weights);
            HandoffAnalysis {
                handoff_id: handoff.id.clone(),
                from_step_id: handoff.from_step_id.clone(),
                to_step_id: handoff.to_step_id.clone(),
                order: to_u32(place),
                mode: handoff.mode,
                customer_visible: journey.is_touchpoint_at(ends.1),
                crossings,
                satisfaction,
                drop,
                friction,
            }
        })
        .collect();

    let chains = chains::transfer_chains(&journey, &handoffs, &handoff_order.order);
    let reverifications = index::reverifications(&journey, &handoff_order.order);
    let unscored_touchpoints: Vec<&str> = journey
        .facts
        .iter()
        .enumerate()
        .filter(|(place, f)| f.touchpoint && !scores.has_score(*place))
        .map(|(place, _)| journey.steps[place].id.as_str())
        .collect();
    let crossing_totals = crossings::totals(&handoffs);
    let touchpoints = scores.into_touchpoint_standings(&journey);
    let hotspots = hotspots::hotspots(&handoffs, &touchpoints);
    let summary = summary(&journey, &handoffs, &chains, reverifications.len());
    let suggestions = suggestions::suggestions(
        source.metrics,
        &journey,
        &suggestions::Findings {
            handoffs: &handoffs,
            handoff_order: &handoff_order.order,
            chains: &chains,
            reverifications: &reverifications,
            touchpoints: &touchpoints,
            unscored_touchpoints: &unscored_touchpoints,
        },
    );

    JourneyAnalysis {
        journey_id: journey_id.to_owned(),
        summary,
        step_order: journey.steps.iter().map(|s| s.id.clone()).collect(),
        cycle_breaks: handoff_order
            .cycle_breaks
            .iter()
            .map(|&h| journey.handoffs[h].id.clone())
            .collect(),
        handoffs,
        chains,
        reverifications,
        crossings: crossing_totals,
        touchpoints,
        hotspots,
        suggestions,
    }
}

fn summary(
    journey: &index::JourneyIndex,
    handoffs: &[HandoffAnalysis],
    chains: &[TransferChain],
    reverifications: usize,
) -> Summary {
    let count_mode = |mode: HandoffMode| handoffs.iter().filter(|h| h.mode == mode).count();
    let blind = count_mode(HandoffMode::Blind);
    let assisted = count_mode(HandoffMode::Assisted);
    let total_friction: u64 = handoffs.iter().map(|h| u64::from(h.friction.score)).sum();
    Summary {
        steps: to_u32(journey.steps.len()),
        handoffs: to_u32(handoffs.len()),
        customer_visible_handoffs: to_u32(handoffs.iter().filter(|h| h.customer_visible).count()),
        touchpoints: to_u32(journey.facts.iter().filter(|f| f.touchpoint).count()),
        parties: to_u32(journey.party_count()),
        blind_handoffs: to_u32(blind),
        assisted_handoffs: to_u32(assisted),
        automated_handoffs: to_u32(count_mode(HandoffMode::Automated)),
        blind_share: (blind + assisted > 0).then(|| blind as f64 / (blind + assisted) as f64),
        reverifications: to_u32(reverifications),
        retellings: to_u32(
            journey
                .handoffs
                .iter()
                .filter(|h| h.customer_repeats)
                .count(),
        ),
        flagged_chains: to_u32(chains.iter().filter(|c| c.flagged).count()),
        longest_chain: to_u32(
            chains
                .iter()
                .map(|c| c.handoff_ids.len())
                .max()
                .unwrap_or(0),
        ),
        mean_friction: (!handoffs.is_empty())
            .then(|| total_friction as f64 / handoffs.len() as f64),
        max_friction: handoffs.iter().map(|h| h.friction.score).max().unwrap_or(0),
    }
}

/// Counts reach the UI as 32-bit integers; saturate rather than wrap.
fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}
