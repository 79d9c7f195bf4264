//! What the analysis reads of one journey, borrowed: its stages, lanes, steps and handoffs, the
//! readings about them and the file's metrics. Made from a workspace (the journey now) or from
//! a journey model (a snapshot's frozen copy, a version being compared) alike, so that neither
//! is copied to be analysed.

use std::collections::BTreeMap;

use crate::model::{
    Handoff, Id, JourneyModel, Lane, Metric, Score, Stage, Step, SurveyResponse, Target, Workspace,
};

pub(super) struct Source<'a> {
    pub metrics: &'a BTreeMap<Id, Metric>,
    pub stages: Vec<&'a Stage>,
    /// By id.
    pub lanes: Vec<&'a Lane>,
    /// Any order: the index sorts them (journey order, id breaking ties).
    pub steps: Vec<&'a Step>,
    /// By id (the handoff order breaks ties by it).
    pub handoffs: Vec<&'a Handoff>,
    /// Readings in id order (a subject's series is read in that order); readings about other
    /// journeys or unknown metrics may be among them and are passed over.
    pub responses: Vec<&'a SurveyResponse>,
    pub scores: Vec<&'a Score>,
    pub targets: Vec<&'a Target>,
}

impl<'a> Source<'a> {
    /// The journey `journey_id` of `ws` (its readings are among the workspace's).
    pub fn of_workspace(ws: &'a Workspace, journey_id: &str) -> Self {
        Source {
            metrics: &ws.metrics,
            stages: ws
                .stages
                .values()
                .filter(|s| s.journey_id == journey_id)
                .collect(),
            lanes: ws
                .lanes
                .values()
                .filter(|l| l.journey_id == journey_id)
                .collect(),
            steps: ws
                .steps
                .values()
                .filter(|s| s.journey_id == journey_id)
                .collect(),
            handoffs: ws
                .handoffs
                .values()
                .filter(|h| h.journey_id == journey_id)
                .collect(),
            responses: ws.responses.values().collect(),
            scores: ws.scores.values().collect(),
            targets: ws.targets.values().collect(),
        }
    }

    /// A journey model with the file's `metrics`. A snapshot may hold readings of a metric
    /// deleted since: they are passed over, as the file left out the live ones when it deleted
    /// the metric.
    pub fn of_model(model: &'a JourneyModel, metrics: &'a BTreeMap<Id, Metric>) -> Self {
        let mut lanes: Vec<&Lane> = model.lanes.iter().collect();
        lanes.sort_by(|a, b| a.id.cmp(&b.id));
        Source {
            metrics,
            stages: model.stages.iter().collect(),
            lanes,
            steps: model.steps.iter().collect(),
            handoffs: model.handoffs.iter().collect(),
            responses: model.responses.iter().collect(),
            scores: model.scores.iter().collect(),
            targets: model.targets.iter().collect(),
        }
    }
}
