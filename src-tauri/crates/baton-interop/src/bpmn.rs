//! BPMN 2.0 import: a process map drawn in Camunda Modeler, Signavio or bpmn.io becomes one new
//! journey (DOMAIN.md, "Bringing data in"). Pure: bytes in, a [`BpmnPlan`] out (lanes, steps,
//! handoffs, stages and every assumption made), which [`BpmnPlan::edit`] turns into ONE
//! `Edit::Batch`, so applying it is one history entry and one undo step.
//!
//! The XML is read by roxmltree with its defaults, which refuse any DTD: entity expansion
//! (billion laughs) and external entities are never attempted, the file is refused.

mod edits;
mod export;
mod plan;
mod read;

pub use export::export;
use serde::{Deserialize, Serialize};
use specta::Type;

/// The largest BPMN file read (bytes). Real models are well under 1 MB; this keeps a stray
/// export of something else from exhausting memory.
pub const MAX_BPMN_BYTES: usize = 16 * 1024 * 1024;

/// What the user chooses before importing.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct BpmnOptions {
    /// The lane (or pool) to make the customer lane, by name (case-insensitive). `None`: the
    /// lane named "Customer" or "Client", if any, is proposed.
    pub customer_lane: Option<String>,
}

/// A lane of the journey to create.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct PlannedLane {
    pub name: String,
    /// The participant's (pool's) name when the file has several participants.
    pub department: Option<String>,
    pub customer: bool,
    /// `Automated` when every task of the lane is a service, script, business-rule or send task.
    pub work: baton_core::model::Work,
}

/// A step of the journey to create, in a cell (stage, lane), ordered in its cell by `position`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct PlannedStep {
    pub title: String,
    pub lane: u32,
    pub stage: u32,
    pub position: u32,
    /// It receives a message flow from the customer.
    pub touchpoint: bool,
    /// The BPMN element it comes from (`id` attribute).
    pub bpmn_id: String,
}

/// A handoff of the journey to create, between steps (indexes into `steps`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct PlannedHandoff {
    pub from: u32,
    pub to: u32,
    pub mode: baton_core::model::HandoffMode,
    /// It comes from a message flow (otherwise from sequence flows).
    pub message: bool,
}

/// The preview of an import: what will be created and what was assumed to get there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct BpmnPlan {
    pub journey_name: String,
    pub stages: Vec<String>,
    pub lanes: Vec<PlannedLane>,
    pub steps: Vec<PlannedStep>,
    pub handoffs: Vec<PlannedHandoff>,
    /// Stages were cut from the diagram's x positions (otherwise from flow depth).
    pub from_diagram: bool,
    /// Every assumption made, in plain words, for the import summary.
    pub assumptions: Vec<String>,
}

/// Why a file cannot be imported as BPMN. Nothing is imported in any of these cases.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type, thiserror::Error)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum BpmnError {
    #[error("the file is {size} bytes; a BPMN file is at most {limit} bytes")]
    TooBig { size: u64, limit: u64 },
    #[error("the file is not XML: {message}")]
    NotXml { message: String },
    #[error(
        "the file declares a DTD (<!DOCTYPE>), which BPMN files never need; it is refused so that \
         no entity is expanded or fetched"
    )]
    DtdRefused,
    #[error("the file is XML but not BPMN 2.0: its root element is <{root}> in namespace \"{namespace}\", expected <definitions> in \"{expected}\"")]
    NotBpmn {
        root: String,
        namespace: String,
        expected: String,
    },
    #[error(
        "{element} \"{id}\" refers to \"{reference}\" in {attribute}, which is not in the file"
    )]
    MissingReference {
        element: String,
        id: String,
        attribute: String,
        reference: String,
    },
    #[error("{element} \"{id}\" has no {attribute} attribute, which BPMN requires")]
    MissingAttribute {
        element: String,
        id: String,
        attribute: String,
    },
    #[error(
        "the file has no task, sub-process or call activity: there is nothing to make steps of"
    )]
    NoTask,
    #[error("no lane or pool is named \"{name}\" (lanes: {known})")]
    UnknownCustomerLane { name: String, known: String },
}

/// The BPMN 2.0 model namespace.
pub const BPMN_MODEL_NS: &str = "http://www.omg.org/spec/BPMN/20100524/MODEL";

/// Reads `bytes` as a BPMN 2.0 file and plans the journey it becomes.
pub fn plan_import(bytes: &[u8], options: &BpmnOptions) -> Result<BpmnPlan, BpmnError> {
    if bytes.len() > MAX_BPMN_BYTES {
        return Err(BpmnError::TooBig {
            size: bytes.len() as u64,
            limit: MAX_BPMN_BYTES as u64,
        });
    }
    let model = read::read(bytes)?;
    plan::plan(&model, options)
}
