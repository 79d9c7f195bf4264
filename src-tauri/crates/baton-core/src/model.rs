//! Every entity of DOMAIN.md as plain data.
//!
//! These types cross every boundary: the in-memory [`Workspace`], the SQLite rows, the JSON
//! export and the IPC bindings. Ids are UUID v7 strings; dates are `chrono` values. Integers that
//! reach the UI stay within 32 bits (specta does not export 64-bit integers).

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use specta::Type;

mod step_table;
pub use step_table::StepTable;

/// A UUID v7 string. Time-ordered, unique across files, so files can later merge.
pub type Id = String;

/// A fresh id for a new entity.
pub fn new_id() -> Id {
    uuid::Uuid::now_v7().to_string()
}

/// The client file's own name and description.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type, Default)]
pub struct WorkspaceInfo {
    pub name: String,
    pub description: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct Persona {
    pub id: Id,
    pub name: String,
    /// Who they are, in a few words ("Small-business owner").
    pub role: String,
    pub description: String,
    /// What they want to achieve, free text (one per line by convention).
    #[serde(default)]
    pub goals: String,
    /// What gets in their way, free text.
    #[serde(default)]
    pub frustrations: String,
    pub position: u32,
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Type,
)]
#[serde(rename_all = "snake_case")]
pub enum JourneyState {
    Current,
    Future,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct Journey {
    pub id: Id,
    pub name: String,
    pub description: String,
    pub persona_id: Option<Id>,
    pub state: JourneyState,
    /// For a future-state journey made from a current one: the journey it was copied from.
    pub origin_id: Option<Id>,
    pub position: u32,
}

/// A column of the map.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct Stage {
    pub id: Id,
    pub journey_id: Id,
    pub name: String,
    pub description: String,
    pub position: u32,
    /// In a future-state copy: the item of the current-state journey it was copied from, so a
    /// comparison can pair them. `None` for items made any other way (and in files made before
    /// schema version 3; serde reads a missing field as none). Set when created, never changed.
    pub origin_id: Option<Id>,
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Type,
)]
#[serde(rename_all = "snake_case")]
pub enum LaneKind {
    Customer,
    Actor,
    Emotion,
    Thoughts,
    Pains,
    Opportunities,
    Channels,
    Notes,
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Type,
)]
#[serde(rename_all = "snake_case")]
pub enum Sourcing {
    InHouse,
    Outsourced,
    Offshore,
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Type,
)]
#[serde(rename_all = "snake_case")]
pub enum Work {
    Manual,
    Automated,
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Type,
)]
#[serde(rename_all = "snake_case")]
pub enum Visibility {
    /// The customer sees them.
    Frontstage,
    Backstage,
    /// Systems and policies.
    Support,
}

/// A row of the map. The actor attributes are only meaningful (and only allowed) on actor lanes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct Lane {
    pub id: Id,
    pub journey_id: Id,
    pub name: String,
    pub kind: LaneKind,
    pub position: u32,
    pub department: Option<String>,
    pub sourcing: Option<Sourcing>,
    pub work: Option<Work>,
    pub visibility: Option<Visibility>,
    /// In a future-state copy: the item of the current-state journey it was copied from, so a
    /// comparison can pair them. `None` for items made any other way (and in files made before
    /// schema version 3; serde reads a missing field as none). Set when created, never changed.
    pub origin_id: Option<Id>,
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Type,
)]
// Exported to TypeScript as `ContactChannel`: tauri-specta's runtime owns the name `Channel`.
// (A container rename changes no JSON: variants still serialise as "phone", "chat"...)
#[serde(rename = "ContactChannel", rename_all = "snake_case")]
pub enum Channel {
    Phone,
    Chat,
    Email,
    Web,
    App,
    InPerson,
    Mail,
    Social,
    Other,
}

/// A card in one cell (stage x lane), ordered inside its cell by `position`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct Step {
    pub id: Id,
    pub journey_id: Id,
    pub stage_id: Id,
    pub lane_id: Id,
    pub position: u32,
    /// 1 to 200 characters once trimmed.
    pub title: String,
    pub notes: String,
    /// `Some(channel)` when the step is a touchpoint: an interaction the customer experiences
    /// directly. Customer and actor lanes only.
    pub touchpoint: Option<Channel>,
    /// The customer is asked to prove who they are here. Customer and actor lanes only.
    pub verification: bool,
    /// The customer's need is met here. Customer and actor lanes only.
    pub resolution: bool,
    /// -3..=3, emotion lanes only: a point of the emotion curve.
    pub emotion: Option<i8>,
    /// In a future-state copy: the item of the current-state journey it was copied from, so a
    /// comparison can pair them. `None` for items made any other way (and in files made before
    /// schema version 3; serde reads a missing field as none). Set when created, never changed.
    pub origin_id: Option<Id>,
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Type,
)]
#[serde(rename_all = "snake_case")]
pub enum HandoffMode {
    /// Warm: the first party briefs the second before letting go.
    Assisted,
    /// Cold transfer: the second relies on notes, if any.
    Blind,
    /// A system passes the case.
    Automated,
}

/// How much of what is known reaches the receiver.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Type,
)]
#[serde(rename_all = "snake_case")]
pub enum ContextTransfer {
    Full,
    Partial,
    None,
}

/// A protocol item that must travel with a handoff.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct ChecklistItem {
    pub id: Id,
    pub text: String,
    pub done: bool,
}

/// A directed link from one step to a step in a different lane of the same journey.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct Handoff {
    pub id: Id,
    pub journey_id: Id,
    pub from_step_id: Id,
    pub to_step_id: Id,
    pub mode: HandoffMode,
    pub context: ContextTransfer,
    pub customer_repeats: bool,
    pub reverify: bool,
    pub wait_minutes: u32,
    pub sensitive: bool,
    pub secure_channel: bool,
    pub checklist: Vec<ChecklistItem>,
    pub note: String,
    /// In a future-state copy: the item of the current-state journey it was copied from, so a
    /// comparison can pair them. `None` for items made any other way (and in files made before
    /// schema version 3; serde reads a missing field as none). Set when created, never changed.
    pub origin_id: Option<Id>,
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Type,
)]
#[serde(rename_all = "snake_case")]
pub enum MetricKind {
    Csat,
    Nps,
    Ces,
    Custom,
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Type,
)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    HigherIsBetter,
    LowerIsBetter,
}

/// A satisfaction metric. `scale_min..=scale_max` is the range of a single response.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct Metric {
    pub id: Id,
    pub name: String,
    pub kind: MetricKind,
    pub scale_min: f64,
    pub scale_max: f64,
    pub direction: Direction,
    pub position: u32,
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Type,
)]
#[serde(rename_all = "snake_case")]
pub enum SubjectKind {
    Step,
    Handoff,
}

/// What a score, target or response is about: a step (a touchpoint) or a handoff.
/// DOMAIN.md calls this the "target" of a response; in code `Target` is the benchmark.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Type)]
pub struct Subject {
    pub kind: SubjectKind,
    pub id: Id,
}

/// The benchmark for one subject and metric (at most one per pair).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct Target {
    pub id: Id,
    pub subject: Subject,
    pub metric_id: Id,
    pub value: f64,
}

/// One survey answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct SurveyResponse {
    pub id: Id,
    pub subject: Subject,
    pub metric_id: Id,
    /// On the metric's response scale.
    pub value: f64,
    pub date: NaiveDate,
    pub respondent: Option<String>,
    /// A verbatim.
    pub comment: Option<String>,
}

/// A score entered directly, when only the aggregate is known. Scores computed from responses
/// are derived, never stored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct Score {
    pub id: Id,
    pub subject: Subject,
    pub metric_id: Id,
    pub value: f64,
    /// At least 1.
    pub sample_size: u32,
    pub period_start: NaiveDate,
    pub period_end: NaiveDate,
    /// Where the figure comes from ("Q3 survey, vendor X").
    pub source: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct Phase {
    pub id: Id,
    pub name: String,
    pub goal: String,
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
    pub position: u32,
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Type,
)]
#[serde(rename_all = "snake_case")]
pub enum InitiativeStatus {
    Proposed,
    Planned,
    InProgress,
    Done,
    Dropped,
}

/// What an initiative should achieve: `metric` on `subject` (or on the journey as a whole when
/// `subject` is none) reaches `value`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct ExpectedEffect {
    pub metric_id: Id,
    pub subject: Option<Subject>,
    pub value: f64,
}

/// An item of the improvement plan, ordered inside its phase by `position`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct Initiative {
    pub id: Id,
    pub phase_id: Id,
    pub position: u32,
    pub title: String,
    pub description: String,
    pub owner: String,
    pub status: InitiativeStatus,
    /// 1..=5
    pub impact: u8,
    /// 1..=5
    pub effort: u8,
    /// From this date on, scores count as the initiative's measured progress.
    pub started: Option<NaiveDate>,
    pub due: Option<NaiveDate>,
    pub step_ids: Vec<Id>,
    pub handoff_ids: Vec<Id>,
    /// Keys of the suggestions it addresses (see the analysis).
    pub suggestion_keys: Vec<String>,
    pub expected_effect: Option<ExpectedEffect>,
}

/// Everything of one journey, in journey order: what the map, the layout, the analysis and a
/// snapshot are made from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct JourneyModel {
    pub journey: Journey,
    /// By position.
    pub stages: Vec<Stage>,
    /// By position.
    pub lanes: Vec<Lane>,
    /// By stage position, then lane position, then position in the cell.
    pub steps: Vec<Step>,
    /// By id.
    pub handoffs: Vec<Handoff>,
    /// Targets, responses and scores whose subject is a step or handoff of this journey, by id.
    pub targets: Vec<Target>,
    pub responses: Vec<SurveyResponse>,
    pub scores: Vec<Score>,
}

/// A named, frozen copy of a journey.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct Snapshot {
    pub id: Id,
    pub journey_id: Id,
    pub name: String,
    pub created_at: DateTime<Utc>,
    pub model: JourneyModel,
}

/// A snapshot without its frozen model, for lists.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct SnapshotInfo {
    pub id: Id,
    pub journey_id: Id,
    pub name: String,
    pub created_at: DateTime<Utc>,
}

/// A survey tool's column mapping saved in the file under a name ("Post-call IVR survey"), so
/// the next import of the same survey can reuse it. `mapping` is JSON written and read by
/// baton-interop (it carries its own version); the core keeps it as text within a size limit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct SavedMapping {
    pub id: Id,
    pub name: String,
    pub mapping: String,
    pub position: u32,
}

/// The whole content of a client file, in memory. Maps are keyed by id; `BTreeMap` keeps every
/// iteration deterministic.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Workspace {
    pub info: WorkspaceInfo,
    pub personas: BTreeMap<Id, Persona>,
    pub journeys: BTreeMap<Id, Journey>,
    pub stages: BTreeMap<Id, Stage>,
    pub lanes: BTreeMap<Id, Lane>,
    /// Steps by id, with a per-cell index kept by `insert` and `remove` (see [`StepTable`]).
    pub steps: StepTable,
    pub handoffs: BTreeMap<Id, Handoff>,
    pub metrics: BTreeMap<Id, Metric>,
    pub targets: BTreeMap<Id, Target>,
    pub responses: BTreeMap<Id, SurveyResponse>,
    pub scores: BTreeMap<Id, Score>,
    pub phases: BTreeMap<Id, Phase>,
    pub initiatives: BTreeMap<Id, Initiative>,
    pub snapshots: BTreeMap<Id, Snapshot>,
    pub saved_mappings: BTreeMap<Id, SavedMapping>,
}

/// The kinds of entity, for errors and for the set of rows an edit touched.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Type,
)]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    Workspace,
    Persona,
    Journey,
    Stage,
    Lane,
    Step,
    Handoff,
    ChecklistItem,
    Metric,
    Target,
    Response,
    Score,
    Phase,
    Initiative,
    Snapshot,
    SavedMapping,
    Edit,
}

/// One row of one kind. `Workspace` rows have the id `""`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Type)]
pub struct EntityRef {
    pub kind: EntityKind,
    pub id: Id,
}

impl EntityRef {
    pub fn new(kind: EntityKind, id: impl Into<Id>) -> Self {
        Self {
            kind,
            id: id.into(),
        }
    }
}
