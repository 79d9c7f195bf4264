//! What the commands return: plain data shaped for the screens, all derived in Rust.
//! (An edit's outcome is baton-store's `EditOutcome`; templates are baton-core's `TemplateInfo`.)

use serde::{Deserialize, Serialize};
use specta::Type;

use baton_core::analysis::{
    CrossingTotals, HandoffAnalysis, Hotspots, JourneyAnalysis, Suggestion, Summary, TransferChain,
};
use baton_core::insights::JourneyScores;
use baton_core::layout::Layout;
use baton_core::{
    Handoff, Journey, JourneyModel, Lane, Metric, Persona, Phase, Stage, Step, WorkspaceInfo,
};

/// A client file that is now open, under the id the other commands take.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct OpenedFile {
    pub doc: String,
    pub path: String,
    pub name: String,
    /// Protected by a passphrase (the passphrase itself never comes back to the page).
    pub encrypted: bool,
}

/// One journey, ready to draw.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct JourneyView {
    pub model: MapModel,
    /// The map's geometry, computed by baton-core: the UI draws it and computes none of its own.
    pub layout: Layout,
    pub revision: u32,
    pub can_undo: bool,
    pub can_redo: bool,
}

/// What the map draws of a journey, in `JourneyModel`'s order: the model without its
/// satisfaction data. Targets, responses and scores stay out because the view is sent again
/// after every edit, and a journey's survey responses can number tens of thousands.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct MapModel {
    pub journey: Journey,
    pub stages: Vec<Stage>,
    pub lanes: Vec<Lane>,
    pub steps: Vec<Step>,
    pub handoffs: Vec<Handoff>,
}

impl From<JourneyModel> for MapModel {
    fn from(model: JourneyModel) -> Self {
        MapModel {
            journey: model.journey,
            stages: model.stages,
            lanes: model.lanes,
            steps: model.steps,
            handoffs: model.handoffs,
        }
    }
}

/// The whole file, for the sidebar and the plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct WorkspaceView {
    pub path: String,
    pub info: WorkspaceInfo,
    pub journeys: Vec<Journey>,
    pub personas: Vec<Persona>,
    pub metrics: Vec<Metric>,
    pub phases: Vec<Phase>,
    pub revision: u32,
    pub can_undo: bool,
    pub can_redo: bool,
}

/// What the insights panel, the score badges, the friction view and the inspector's score
/// history show of one journey. `revision` is the file's revision it was computed at, so the UI
/// can tell a stale answer from a fresh one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct JourneyInsights {
    pub journey_id: String,
    pub analysis: AnalysisView,
    pub scores: JourneyScores,
    pub revision: u32,
}

/// What the screen shows of a journey's analysis: baton-core's `JourneyAnalysis` without the
/// lists only reports read (journey order, cycle breaks, reverification events, touchpoint
/// standings), which were 3.9 MB of the 10,000-step journey's insights, sent after every pause.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct AnalysisView {
    pub summary: Summary,
    pub crossings: CrossingTotals,
    /// Every handoff in handoff order, with its friction.
    pub handoffs: Vec<HandoffAnalysis>,
    pub chains: Vec<TransferChain>,
    pub hotspots: Hotspots,
    pub suggestions: Vec<Suggestion>,
}

impl From<JourneyAnalysis> for AnalysisView {
    fn from(analysis: JourneyAnalysis) -> Self {
        AnalysisView {
            summary: analysis.summary,
            crossings: analysis.crossings,
            handoffs: analysis.handoffs,
            chains: analysis.chains,
            hotspots: analysis.hotspots,
            suggestions: analysis.suggestions,
        }
    }
}
