//! Targets (steps and handoffs, by id or path) and metrics (by id, name or kind) named in a
//! survey CSV.

use std::collections::HashMap;

use super::{ImportOptions, RejectReason};
use baton_core::model::{Id, Metric, MetricKind, Subject, SubjectKind, Workspace};

/// Finds targets and metrics by id, path, name or kind.
pub(super) struct Resolver<'w> {
    ws: &'w Workspace,
    journey_id: Option<&'w str>,
    /// Normalised step path -> step ids.
    step_paths: HashMap<String, Vec<Id>>,
    /// Normalised handoff path -> handoff ids.
    handoff_paths: HashMap<String, Vec<Id>>,
    metric_names: HashMap<String, Vec<&'w Metric>>,
    metric_kinds: HashMap<&'static str, Vec<&'w Metric>>,
}

/// A path compared case-insensitively, every `/`-separated part trimmed.
fn normalise_path(path: &str) -> String {
    path.split('/')
        .map(|part| part.trim().to_lowercase())
        .collect::<Vec<_>>()
        .join("/")
}

impl<'w> Resolver<'w> {
    pub(super) fn new(ws: &'w Workspace, options: &'w ImportOptions) -> Self {
        let mut step_paths: HashMap<String, Vec<Id>> = HashMap::new();
        for step in ws.steps.values() {
            let (Some(journey), Some(stage), Some(lane)) = (
                ws.journeys.get(&step.journey_id),
                ws.stages.get(&step.stage_id),
                ws.lanes.get(&step.lane_id),
            ) else {
                continue;
            };
            let path = [&journey.name, &stage.name, &lane.name, &step.title]
                .map(|s| s.as_str())
                .join("/");
            step_paths
                .entry(normalise_path(&path))
                .or_default()
                .push(step.id.clone());
        }
        let mut handoff_paths: HashMap<String, Vec<Id>> = HashMap::new();
        for handoff in ws.handoffs.values() {
            let (Some(journey), Some(from), Some(to)) = (
                ws.journeys.get(&handoff.journey_id),
                ws.steps.get(&handoff.from_step_id),
                ws.steps.get(&handoff.to_step_id),
            ) else {
                continue;
            };
            handoff_paths
                .entry(handoff_key(&journey.name, &from.title, &to.title))
                .or_default()
                .push(handoff.id.clone());
        }
        let mut metric_names: HashMap<String, Vec<&Metric>> = HashMap::new();
        let mut metric_kinds: HashMap<&'static str, Vec<&Metric>> = HashMap::new();
        for metric in ws.metrics.values() {
            metric_names
                .entry(metric.name.trim().to_lowercase())
                .or_default()
                .push(metric);
            let kind = match metric.kind {
                MetricKind::Csat => "csat",
                MetricKind::Nps => "nps",
                MetricKind::Ces => "ces",
                MetricKind::Custom => "custom",
            };
            metric_kinds.entry(kind).or_default().push(metric);
        }
        Self {
            ws,
            journey_id: options.journey_id.as_deref(),
            step_paths,
            handoff_paths,
            metric_names,
            metric_kinds,
        }
    }

    pub(super) fn subject(&self, target: &str) -> Result<Subject, RejectReason> {
        let subject = self.find_subject(target)?;
        let journey = match subject.kind {
            SubjectKind::Step => self.ws.steps.get(&subject.id).map(|s| &s.journey_id),
            SubjectKind::Handoff => self.ws.handoffs.get(&subject.id).map(|h| &h.journey_id),
        };
        match self.journey_id {
            Some(wanted) if journey.map(String::as_str) != Some(wanted) => {
                Err(RejectReason::TargetOutsideJourney {
                    target: target.to_owned(),
                })
            }
            _ => Ok(subject),
        }
    }

    fn find_subject(&self, target: &str) -> Result<Subject, RejectReason> {
        if self.ws.steps.contains_key(target) {
            return Ok(Subject {
                kind: SubjectKind::Step,
                id: target.to_owned(),
            });
        }
        if self.ws.handoffs.contains_key(target) {
            return Ok(Subject {
                kind: SubjectKind::Handoff,
                id: target.to_owned(),
            });
        }
        // A step title may itself contain "->": the handoff reading is tried first, the step
        // path second.
        let as_handoff = split_handoff_path(target).and_then(|key| self.handoff_paths.get(&key));
        let (kind, found) = match as_handoff {
            Some(found) => (SubjectKind::Handoff, Some(found)),
            None => (
                SubjectKind::Step,
                self.step_paths.get(&normalise_path(target)),
            ),
        };
        match found.map(Vec::as_slice) {
            Some([id]) => Ok(Subject {
                kind,
                id: id.clone(),
            }),
            Some(candidates) if candidates.len() > 1 => Err(RejectReason::AmbiguousPath {
                target: target.to_owned(),
                candidates: candidates.to_vec(),
            }),
            _ => Err(RejectReason::UnknownTarget {
                target: target.to_owned(),
            }),
        }
    }

    pub(super) fn metric(&self, text: &str) -> Result<&'w Metric, RejectReason> {
        if let Some(metric) = self.ws.metrics.get(text) {
            return Ok(metric);
        }
        let wanted = text.to_lowercase();
        let found = self
            .metric_names
            .get(&wanted)
            .or_else(|| self.metric_kinds.get(wanted.as_str()));
        match found.map(Vec::as_slice) {
            Some([metric]) => Ok(metric),
            Some(candidates) if candidates.len() > 1 => Err(RejectReason::AmbiguousMetric {
                metric: text.to_owned(),
                candidates: candidates.iter().map(|m| m.id.clone()).collect(),
            }),
            _ => Err(RejectReason::UnknownMetric {
                metric: text.to_owned(),
            }),
        }
    }
}

fn handoff_key(journey: &str, from: &str, to: &str) -> String {
    format!(
        "{}/{}->{}",
        journey.trim().to_lowercase(),
        normalise_path(from),
        normalise_path(to)
    )
}

/// `journey / from title -> to title` as a handoff key; `None` when it is not of that form.
fn split_handoff_path(target: &str) -> Option<String> {
    let (journey, rest) = target.split_once('/')?;
    let (from, to) = rest.split_once("->")?;
    Some(handoff_key(journey, from, to))
}
