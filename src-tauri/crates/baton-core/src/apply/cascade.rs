//! Deletes that take dependents with them. Each is validated up front (the root exists), then
//! carried out as infallible row operations whose inverses are recorded; the inverse of the whole
//! is those inverses in reverse order: parents are re-created before what hangs from them.

use std::collections::BTreeSet;

use crate::edit::Edit;
use crate::error::EditError;
use crate::model::*;

use super::checks::{missing, touch, Touched};
use super::positions::remove_closing;
use super::suggestion_keys::key_ids;

/// The inverses of a cascade's row operations, in the order they were done.
#[derive(Default)]
struct Recorder {
    inverses: Vec<Edit>,
}

impl Recorder {
    fn push(&mut self, inverse: Edit) {
        self.inverses.push(inverse);
    }

    /// One edit undoes a delete that took nothing with it; otherwise a batch in reverse order.
    fn finish(mut self, label: &str) -> Edit {
        if self.inverses.len() == 1 {
            if let Some(only) = self.inverses.pop() {
                return only;
            }
        }
        self.inverses.reverse();
        Edit::Batch {
            label: label.to_owned(),
            edits: self.inverses,
        }
    }
}

/// The steps and handoffs being removed, which targets, responses, scores and initiatives may name.
struct Subjects<'a> {
    steps: &'a BTreeSet<Id>,
    handoffs: &'a BTreeSet<Id>,
}

impl Subjects<'_> {
    fn contains(&self, subject: &Subject) -> bool {
        match subject.kind {
            SubjectKind::Step => self.steps.contains(&subject.id),
            SubjectKind::Handoff => self.handoffs.contains(&subject.id),
        }
    }
}

/// Where the steps of a cascade go first: last place of each cell first, so that the inverse
/// re-creates each cell from its first place to its last.
fn removal_order(ws: &Workspace, steps: &BTreeSet<Id>) -> Vec<Id> {
    let mut ordered: Vec<&Step> = steps.iter().filter_map(|id| ws.steps.get(id)).collect();
    ordered.sort_by(|a, b| {
        (&a.stage_id, &a.lane_id, std::cmp::Reverse(a.position)).cmp(&(
            &b.stage_id,
            &b.lane_id,
            std::cmp::Reverse(b.position),
        ))
    });
    ordered.into_iter().map(|s| s.id.clone()).collect()
}

impl Workspace {
    /// Unlink initiatives from, and delete the targets, scores and responses about, these subjects.
    fn forget_subjects(&mut self, subjects: &Subjects, rec: &mut Recorder, t: &mut Touched) {
        let changed: Vec<Initiative> = self
            .initiatives
            .values()
            .filter_map(|initiative| {
                let mut unlinked = initiative.clone();
                unlinked.step_ids.retain(|id| !subjects.steps.contains(id));
                unlinked
                    .handoff_ids
                    .retain(|id| !subjects.handoffs.contains(id));
                unlinked.suggestion_keys.retain(|key| {
                    !key_ids(key)
                        .any(|id| subjects.steps.contains(id) || subjects.handoffs.contains(id))
                });
                if let Some(effect) = &mut unlinked.expected_effect {
                    if effect
                        .subject
                        .as_ref()
                        .is_some_and(|s| subjects.contains(s))
                    {
                        effect.subject = None;
                    }
                }
                (&unlinked != initiative).then_some(unlinked)
            })
            .collect();
        for initiative in changed {
            let old = self.replace_initiative(initiative, t);
            rec.push(Edit::UpdateInitiative { initiative: old });
        }
        self.remove_measures(|subject, _| subjects.contains(subject), rec, t);
    }

    /// Remove from initiatives the suggestion keys that name an id `doomed` picks (a stage or
    /// a metric about to go): a key must only name what exists.
    fn forget_keys(&mut self, doomed: impl Fn(&str) -> bool, rec: &mut Recorder, t: &mut Touched) {
        let changed: Vec<Initiative> = self
            .initiatives
            .values()
            .filter(|i| i.suggestion_keys.iter().any(|k| key_ids(k).any(&doomed)))
            .map(|i| {
                let mut unlinked = i.clone();
                unlinked
                    .suggestion_keys
                    .retain(|k| !key_ids(k).any(&doomed));
                unlinked
            })
            .collect();
        for initiative in changed {
            let old = self.replace_initiative(initiative, t);
            rec.push(Edit::UpdateInitiative { initiative: old });
        }
    }

    /// Delete every target, score and response matching `doomed(subject, metric_id)`.
    fn remove_measures(
        &mut self,
        doomed: impl Fn(&Subject, &str) -> bool,
        rec: &mut Recorder,
        t: &mut Touched,
    ) {
        let target_ids: Vec<Id> = self
            .targets
            .values()
            .filter(|x| doomed(&x.subject, &x.metric_id))
            .map(|x| x.id.clone())
            .collect();
        for id in target_ids {
            if let Some(target) = self.targets.remove(&id) {
                touch(t, EntityKind::Target, &id);
                rec.push(Edit::CreateTarget { target });
            }
        }
        let score_ids: Vec<Id> = self
            .scores
            .values()
            .filter(|x| doomed(&x.subject, &x.metric_id))
            .map(|x| x.id.clone())
            .collect();
        for id in score_ids {
            if let Some(score) = self.scores.remove(&id) {
                touch(t, EntityKind::Score, &id);
                rec.push(Edit::CreateScore { score });
            }
        }
        let response_ids: Vec<Id> = self
            .responses
            .values()
            .filter(|x| doomed(&x.subject, &x.metric_id))
            .map(|x| x.id.clone())
            .collect();
        if !response_ids.is_empty() {
            let responses: Vec<SurveyResponse> = response_ids
                .iter()
                .filter_map(|id| {
                    touch(t, EntityKind::Response, id);
                    self.responses.remove(id)
                })
                .collect();
            rec.push(Edit::AddResponses { responses });
        }
    }

    /// Remove these steps with their handoffs and everything about either.
    fn remove_steps(&mut self, step_ids: &BTreeSet<Id>, rec: &mut Recorder, t: &mut Touched) {
        let handoff_ids: BTreeSet<Id> = self
            .handoffs
            .values()
            .filter(|h| step_ids.contains(&h.from_step_id) || step_ids.contains(&h.to_step_id))
            .map(|h| h.id.clone())
            .collect();
        let subjects = Subjects {
            steps: step_ids,
            handoffs: &handoff_ids,
        };
        self.forget_subjects(&subjects, rec, t);
        for id in &handoff_ids {
            if let Some(handoff) = self.handoffs.remove(id) {
                touch(t, EntityKind::Handoff, id);
                rec.push(Edit::ConnectHandoff { handoff });
            }
        }
        for id in removal_order(self, step_ids) {
            if let Some(step) = remove_closing(&mut self.steps, &id, t) {
                rec.push(Edit::CreateStep { step });
            }
        }
    }

    pub(super) fn delete_step(&mut self, id: &str, t: &mut Touched) -> Result<Edit, EditError> {
        if !self.steps.contains_key(id) {
            return Err(missing(EntityKind::Step, id));
        }
        let mut rec = Recorder::default();
        self.remove_steps(&BTreeSet::from([id.to_owned()]), &mut rec, t);
        Ok(rec.finish("Restore step"))
    }

    pub(super) fn disconnect_handoff(
        &mut self,
        id: &str,
        t: &mut Touched,
    ) -> Result<Edit, EditError> {
        if !self.handoffs.contains_key(id) {
            return Err(missing(EntityKind::Handoff, id));
        }
        let mut rec = Recorder::default();
        let handoffs = BTreeSet::from([id.to_owned()]);
        let subjects = Subjects {
            steps: &BTreeSet::new(),
            handoffs: &handoffs,
        };
        self.forget_subjects(&subjects, &mut rec, t);
        if let Some(handoff) = self.handoffs.remove(id) {
            touch(t, EntityKind::Handoff, id);
            rec.push(Edit::ConnectHandoff { handoff });
        }
        Ok(rec.finish("Restore handoff"))
    }

    pub(super) fn delete_stage(&mut self, id: &str, t: &mut Touched) -> Result<Edit, EditError> {
        if !self.stages.contains_key(id) {
            return Err(missing(EntityKind::Stage, id));
        }
        let mut rec = Recorder::default();
        let steps = self
            .steps
            .values()
            .filter(|s| s.stage_id == id)
            .map(|s| s.id.clone())
            .collect();
        self.remove_steps(&steps, &mut rec, t);
        self.forget_keys(|key_id| key_id == id, &mut rec, t);
        if let Some(stage) = remove_closing(&mut self.stages, id, t) {
            rec.push(Edit::CreateStage { stage });
        }
        Ok(rec.finish("Restore stage"))
    }

    pub(super) fn delete_lane(&mut self, id: &str, t: &mut Touched) -> Result<Edit, EditError> {
        if !self.lanes.contains_key(id) {
            return Err(missing(EntityKind::Lane, id));
        }
        let mut rec = Recorder::default();
        let steps = self
            .steps
            .values()
            .filter(|s| s.lane_id == id)
            .map(|s| s.id.clone())
            .collect();
        self.remove_steps(&steps, &mut rec, t);
        if let Some(lane) = remove_closing(&mut self.lanes, id, t) {
            rec.push(Edit::CreateLane { lane });
        }
        Ok(rec.finish("Restore lane"))
    }

    pub(super) fn delete_journey(&mut self, id: &str, t: &mut Touched) -> Result<Edit, EditError> {
        if !self.journeys.contains_key(id) {
            return Err(missing(EntityKind::Journey, id));
        }
        let mut rec = Recorder::default();
        let copies: Vec<Journey> = self
            .journeys
            .values()
            .filter(|j| j.origin_id.as_deref() == Some(id))
            .cloned()
            .collect();
        for copy in copies {
            let old = self.replace_journey(
                Journey {
                    origin_id: None,
                    ..copy
                },
                t,
            );
            rec.push(Edit::UpdateJourney { journey: old });
        }
        let snapshot_ids: Vec<Id> = self
            .snapshots
            .values()
            .filter(|s| s.journey_id == id)
            .map(|s| s.id.clone())
            .collect();
        for snapshot_id in snapshot_ids {
            if let Some(snapshot) = self.snapshots.remove(&snapshot_id) {
                touch(t, EntityKind::Snapshot, &snapshot_id);
                rec.push(Edit::CreateSnapshot { snapshot });
            }
        }
        let steps = self
            .steps
            .values()
            .filter(|s| s.journey_id == id)
            .map(|s| s.id.clone())
            .collect();
        self.remove_steps(&steps, &mut rec, t);
        let mut stages: Vec<&Stage> = self
            .stages
            .values()
            .filter(|s| s.journey_id == id)
            .collect();
        stages.sort_by_key(|s| std::cmp::Reverse(s.position));
        let stage_ids: Vec<Id> = stages.into_iter().map(|s| s.id.clone()).collect();
        self.forget_keys(|key_id| stage_ids.iter().any(|s| s == key_id), &mut rec, t);
        for stage_id in stage_ids {
            if let Some(stage) = remove_closing(&mut self.stages, &stage_id, t) {
                rec.push(Edit::CreateStage { stage });
            }
        }
        let mut lanes: Vec<&Lane> = self.lanes.values().filter(|l| l.journey_id == id).collect();
        lanes.sort_by_key(|l| std::cmp::Reverse(l.position));
        let lane_ids: Vec<Id> = lanes.into_iter().map(|l| l.id.clone()).collect();
        for lane_id in lane_ids {
            if let Some(lane) = remove_closing(&mut self.lanes, &lane_id, t) {
                rec.push(Edit::CreateLane { lane });
            }
        }
        if let Some(journey) = remove_closing(&mut self.journeys, id, t) {
            rec.push(Edit::CreateJourney { journey });
        }
        Ok(rec.finish("Restore journey"))
    }

    pub(super) fn delete_persona(&mut self, id: &str, t: &mut Touched) -> Result<Edit, EditError> {
        if !self.personas.contains_key(id) {
            return Err(missing(EntityKind::Persona, id));
        }
        let mut rec = Recorder::default();
        let journeys: Vec<Journey> = self
            .journeys
            .values()
            .filter(|j| j.persona_id.as_deref() == Some(id))
            .cloned()
            .collect();
        for journey in journeys {
            let old = self.replace_journey(
                Journey {
                    persona_id: None,
                    ..journey
                },
                t,
            );
            rec.push(Edit::UpdateJourney { journey: old });
        }
        if let Some(persona) = remove_closing(&mut self.personas, id, t) {
            rec.push(Edit::CreatePersona { persona });
        }
        Ok(rec.finish("Restore persona"))
    }

    pub(super) fn delete_metric(&mut self, id: &str, t: &mut Touched) -> Result<Edit, EditError> {
        if !self.metrics.contains_key(id) {
            return Err(missing(EntityKind::Metric, id));
        }
        let mut rec = Recorder::default();
        let changed: Vec<Initiative> = self
            .initiatives
            .values()
            .filter(|i| {
                i.expected_effect
                    .as_ref()
                    .is_some_and(|e| e.metric_id == id)
            })
            .map(|i| Initiative {
                expected_effect: None,
                ..i.clone()
            })
            .collect();
        for initiative in changed {
            let old = self.replace_initiative(initiative, t);
            rec.push(Edit::UpdateInitiative { initiative: old });
        }
        self.forget_keys(|key_id| key_id == id, &mut rec, t);
        self.remove_measures(|_, metric_id| metric_id == id, &mut rec, t);
        if let Some(metric) = remove_closing(&mut self.metrics, id, t) {
            rec.push(Edit::CreateMetric { metric });
        }
        Ok(rec.finish("Restore metric"))
    }

    pub(super) fn delete_phase(&mut self, id: &str, t: &mut Touched) -> Result<Edit, EditError> {
        if !self.phases.contains_key(id) {
            return Err(missing(EntityKind::Phase, id));
        }
        let mut rec = Recorder::default();
        let mut initiatives: Vec<&Initiative> = self
            .initiatives
            .values()
            .filter(|i| i.phase_id == id)
            .collect();
        initiatives.sort_by_key(|i| std::cmp::Reverse(i.position));
        let ids: Vec<Id> = initiatives.into_iter().map(|i| i.id.clone()).collect();
        for initiative_id in ids {
            if let Some(initiative) = remove_closing(&mut self.initiatives, &initiative_id, t) {
                rec.push(Edit::CreateInitiative { initiative });
            }
        }
        if let Some(phase) = remove_closing(&mut self.phases, id, t) {
            rec.push(Edit::CreatePhase { phase });
        }
        Ok(rec.finish("Restore phase"))
    }
}
