//! A workspace holding one journey, made from its model: what the analysis reads, for a
//! snapshot's frozen model as for the journey now.

use std::collections::BTreeMap;

use crate::model::{Id, JourneyModel, Metric, Workspace};

/// A workspace holding `model`'s journey and the file's `metrics`. A snapshot may hold targets,
/// responses or scores of a metric deleted since: those are left out, as the file left out the
/// live ones when it deleted the metric.
pub fn workspace_of(model: &JourneyModel, metrics: &BTreeMap<Id, Metric>) -> Workspace {
    fn by_id<T: Clone>(items: &[T], id: impl Fn(&T) -> &Id) -> BTreeMap<Id, T> {
        items.iter().map(|x| (id(x).clone(), x.clone())).collect()
    }
    let known = |metric_id: &Id| metrics.contains_key(metric_id);
    let mut journey = model.journey.clone();
    // The persona is not part of the model; the analysis does not read it.
    journey.persona_id = None;
    Workspace {
        journeys: BTreeMap::from([(journey.id.clone(), journey)]),
        stages: by_id(&model.stages, |s| &s.id),
        lanes: by_id(&model.lanes, |l| &l.id),
        steps: model
            .steps
            .iter()
            .map(|s| (s.id.clone(), s.clone()))
            .collect(),
        handoffs: by_id(&model.handoffs, |h| &h.id),
        metrics: metrics.clone(),
        targets: model
            .targets
            .iter()
            .filter(|t| known(&t.metric_id))
            .map(|t| (t.id.clone(), t.clone()))
            .collect(),
        responses: model
            .responses
            .iter()
            .filter(|r| known(&r.metric_id))
            .map(|r| (r.id.clone(), r.clone()))
            .collect(),
        scores: model
            .scores
            .iter()
            .filter(|s| known(&s.metric_id))
            .map(|s| (s.id.clone(), s.clone()))
            .collect(),
        ..Workspace::default()
    }
}
