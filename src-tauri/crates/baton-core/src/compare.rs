//! Comparing two versions of a journey (DOMAIN.md, "Snapshots and comparison"): a snapshot and a
//! later one, a snapshot and the journey now, or a current-state journey and its future-state
//! copy. Pure and deterministic.
//!
//! `compare(a, b, metrics, options)` analyses both versions and compares them;
//! `compare_analysed` does the comparison alone when the caller holds the analyses. Parts:
//! - `pairing`: which item of A each item of B is (by id, or by origin for a future-state copy);
//! - `items`: added, removed, changed (field by field) and moved items, in the documented order;
//! - `figures`: the analysis' summary figures side by side, paired handoffs' friction, paired
//!   touchpoints' latest score against target;
//! - `version`: a one-journey workspace made from a model, what `analysis::analyze_model` must
//!   agree with (the analysis itself reads the model without copying it).

mod figures;
mod items;
mod pairing;
mod version;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use specta::Type;

use crate::analysis::{analyze_model, AnalysisOptions, JourneyAnalysis};
use crate::model::{Id, JourneyModel, Metric};

pub use version::workspace_of;

/// One version of a journey with its analysis.
#[derive(Debug, Clone, Copy)]
pub struct Version<'a> {
    pub model: &'a JourneyModel,
    pub analysis: &'a JourneyAnalysis,
}

/// Everything that differs between version A (before) and version B (after).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct Comparison {
    pub a_journey_id: Id,
    pub b_journey_id: Id,
    /// How items were paired: by id, or (some of them) by the origin a future-state copy records.
    pub pairing: Pairing,
    /// What the reader should know about how far the pairing goes, in plain words.
    pub notes: Vec<String>,
    pub counts: ChangeCounts,
    /// Every added, removed, changed or moved item: B's journey order (stages, lanes, steps,
    /// handoffs in handoff order), then the removed items in A's.
    pub changes: Vec<ItemChange>,
    /// Every summary figure of the analysis in A and B, and the difference.
    pub figures: Vec<FigureChange>,
    /// The friction of each paired handoff, in B's handoff order.
    pub handoffs: Vec<HandoffFrictionChange>,
    /// The latest score against target of each paired touchpoint, per metric, in B's journey order.
    pub touchpoints: Vec<TouchpointChange>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum Pairing {
    /// Two versions of one journey: an item is the same item when it has the same id.
    ById,
    /// A current-state journey and its future-state copy: a copied item names its original in
    /// `origin_id`.
    ByOrigin,
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Type,
)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    Stage,
    Lane,
    Step,
    Handoff,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum ChangeStatus {
    /// In B only.
    Added,
    /// In A only.
    Removed,
    /// In both: `fields` lists what changed, `moved` says where a step went.
    Kept,
}

/// One item that differs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct ItemChange {
    pub kind: ItemKind,
    pub status: ChangeStatus,
    /// Its id in A (none when added) and in B (none when removed).
    pub a_id: Option<Id>,
    pub b_id: Option<Id>,
    /// Its name as in B (as in A when removed): a step's title, a handoff's "from → to".
    pub name: String,
    /// Each differing field with its value in A and in B (kept items only).
    pub fields: Vec<FieldChange>,
    /// A step whose stage or lane differs.
    pub moved: Option<StepMove>,
}

/// A field's value before and after, as text (enums by their JSON names, yes/no, numbers).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct FieldChange {
    pub field: String,
    pub before: String,
    pub after: String,
}

/// Where a step was (its stage and lane names in A) and is (in B).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct StepMove {
    pub from_stage: String,
    pub from_lane: String,
    pub to_stage: String,
    pub to_lane: String,
}

/// How many items of each difference; an item both changed and moved counts in both.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type, Default)]
pub struct ChangeCounts {
    pub added: u32,
    pub removed: u32,
    pub changed: u32,
    pub moved: u32,
}

/// Which way a figure is better.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum Better {
    Lower,
    Higher,
    /// A count that is neither good nor bad in itself (steps, touchpoints).
    Neither,
}

/// One summary figure in A and B. `None` where the analysis has no value (no handoffs).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct FigureChange {
    /// The summary field's name (`blind_handoffs`, `mean_friction`...).
    pub key: String,
    pub label: String,
    pub a: Option<f64>,
    pub b: Option<f64>,
    /// b - a, when both exist.
    pub difference: Option<f64>,
    pub better: Better,
}

/// A paired handoff's friction in A and B.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct HandoffFrictionChange {
    pub a_id: Id,
    pub b_id: Id,
    /// "from → to", B's step titles.
    pub name: String,
    pub a: u32,
    pub b: u32,
    /// b - a.
    pub difference: i32,
}

/// A paired touchpoint's standing on one metric in A and B.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct TouchpointChange {
    pub a_id: Id,
    pub b_id: Id,
    pub title: String,
    pub metric_id: Id,
    /// `None` where that version has neither a score nor a target for the metric.
    pub a: Option<Reading>,
    pub b: Option<Reading>,
}

/// A latest score against its target.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct Reading {
    pub latest: Option<f64>,
    pub target: Option<f64>,
    /// Latest minus target, positive is better.
    pub gap: Option<f64>,
}

/// Which item of B each item of A is, by index into B's lists (`None`: removed in B), kind by
/// kind: the pairing `compare` uses, for a caller that draws both versions at once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PairedIndexes {
    pub stages: Vec<Option<usize>>,
    pub lanes: Vec<Option<usize>>,
    pub steps: Vec<Option<usize>>,
    pub handoffs: Vec<Option<usize>>,
}

/// The pairing of A's items with B's (see [`PairedIndexes`]).
pub fn paired_indexes(a: &JourneyModel, b: &JourneyModel) -> PairedIndexes {
    let pairs = pairing::Pairs::build(a, b);
    PairedIndexes {
        stages: pairs.stages.a_to_b,
        lanes: pairs.lanes.a_to_b,
        steps: pairs.steps.a_to_b,
        handoffs: pairs.handoffs.a_to_b,
    }
}

/// Analyses both versions (with the file's `metrics`) and compares them.
pub fn compare(
    a: &JourneyModel,
    b: &JourneyModel,
    metrics: &BTreeMap<Id, Metric>,
    options: &AnalysisOptions,
) -> Comparison {
    let a_analysis = analyze_model(a, metrics, options);
    let b_analysis = analyze_model(b, metrics, options);
    compare_analysed(
        Version {
            model: a,
            analysis: &a_analysis,
        },
        Version {
            model: b,
            analysis: &b_analysis,
        },
        metrics,
    )
}

/// Compares two versions whose analyses the caller holds.
pub fn compare_analysed(
    a: Version<'_>,
    b: Version<'_>,
    metrics: &BTreeMap<Id, Metric>,
) -> Comparison {
    let pairs = pairing::Pairs::build(a.model, b.model);
    let changes = items::changes(a, b, &pairs);
    let counts = items::counts(&changes);
    Comparison {
        a_journey_id: a.model.journey.id.clone(),
        b_journey_id: b.model.journey.id.clone(),
        pairing: pairs.pairing(),
        notes: pairs.notes(a.model, b.model),
        counts,
        changes,
        figures: figures::summary(&a.analysis.summary, &b.analysis.summary),
        handoffs: figures::handoff_friction(a, b, &pairs),
        touchpoints: figures::touchpoints(a, b, &pairs, metrics),
    }
}
