//! Metrics, targets, survey responses and entered scores.

use std::collections::BTreeSet;

use crate::edit::Edit;
use crate::error::{EditError, EditErrorKind};
use crate::model::*;
use crate::scores::{in_score_range, score_range_words};

use super::checks::*;
use super::positions::{check_insert_at, insert_at, move_within};

impl Workspace {
    /// Whether the step or handoff a target, response or score is about exists.
    pub(crate) fn subject_exists(&self, subject: &Subject) -> bool {
        match subject.kind {
            SubjectKind::Step => self.steps.contains_key(&subject.id),
            SubjectKind::Handoff => self.handoffs.contains_key(&subject.id),
        }
    }

    pub(crate) fn check_subject(
        &self,
        entity: EntityKind,
        id: &str,
        field: &str,
        subject: &Subject,
    ) -> Result<(), EditError> {
        if self.subject_exists(subject) {
            return Ok(());
        }
        let kind = match subject.kind {
            SubjectKind::Step => EntityKind::Step,
            SubjectKind::Handoff => EntityKind::Handoff,
        };
        Err(dangling(entity, id, field, kind, &subject.id))
    }

    pub(crate) fn check_metric_ref(
        &self,
        entity: EntityKind,
        id: &str,
        field: &str,
        metric_id: &str,
    ) -> Result<&Metric, EditError> {
        self.metrics
            .get(metric_id)
            .ok_or_else(|| dangling(entity, id, field, EntityKind::Metric, metric_id))
    }

    fn valid_metric(&self, m: &Metric) -> Result<Metric, EditError> {
        let entity = EntityKind::Metric;
        let name = required_name(entity, &m.id, "name", &m.name)?;
        finite(entity, &m.id, "scale_min", m.scale_min)?;
        finite(entity, &m.id, "scale_max", m.scale_max)?;
        if m.scale_min >= m.scale_max {
            return Err(out_of_range(
                entity,
                &m.id,
                "scale_max",
                format!(
                    "The scale must run upwards: {} is not above {}",
                    m.scale_max, m.scale_min
                ),
            ));
        }
        Ok(Metric { name, ..m.clone() })
    }

    pub(super) fn create_metric(&mut self, m: &Metric, t: &mut Touched) -> Result<Edit, EditError> {
        fresh_id(EntityKind::Metric, &m.id, self.metrics.contains_key(&m.id))?;
        let metric = self.valid_metric(m)?;
        check_insert_at(&self.metrics, &metric)?;
        insert_at(&mut self.metrics, metric, t);
        Ok(Edit::DeleteMetric { id: m.id.clone() })
    }

    pub(super) fn update_metric(&mut self, m: &Metric, t: &mut Touched) -> Result<Edit, EditError> {
        let entity = EntityKind::Metric;
        let current = self
            .metrics
            .get(&m.id)
            .ok_or_else(|| missing(entity, &m.id))?;
        same_placement(entity, &m.id, "position", &current.position, &m.position)?;
        if current.kind != m.kind {
            // A score's formula follows its kind: CSAT, NPS and CES stay themselves, and a custom
            // metric cannot borrow a built-in's formula for the answers it already holds.
            return Err(fail(
                EditErrorKind::NotAllowed,
                entity,
                &m.id,
                "kind",
                format!("{}'s kind cannot change", current.name),
            ));
        }
        let metric = self.valid_metric(m)?;
        if !t.restoring {
            self.check_values_stay_in_range(current, &metric)?;
        }
        touch(t, entity, &m.id);
        let old = self.metrics.insert(m.id.clone(), metric);
        Ok(Edit::UpdateMetric {
            metric: old.ok_or_else(|| missing(entity, &m.id))?,
        })
    }

    /// A new scale must keep in range every value that is in range now: targets, typed scores
    /// and initiatives' expected scores (CES and custom metrics' scores lie on the scale; CSAT's
    /// and NPS's do not move) and survey responses. Refused, counting each kind, rather than changing what they mean;
    /// a value already out of range (an older file's) does not hold the change up.
    fn check_values_stay_in_range(&self, current: &Metric, new: &Metric) -> Result<(), EditError> {
        let pushed_out = |value: f64, in_range: &dyn Fn(&Metric, f64) -> bool| {
            in_range(current, value) && !in_range(new, value)
        };
        let on_scale =
            |metric: &Metric, value: f64| metric.scale_min <= value && value <= metric.scale_max;
        let mut below = false;
        let mut count = |value: f64, in_range: &dyn Fn(&Metric, f64) -> bool| {
            let out = pushed_out(value, in_range);
            if out && value < new.scale_min {
                below = true;
            }
            usize::from(out)
        };
        let id = current.id.as_str();
        let targets: usize = self
            .targets
            .values()
            .filter(|x| x.metric_id == id)
            .map(|x| count(x.value, &in_score_range))
            .sum();
        let scores: usize = self
            .scores
            .values()
            .filter(|x| x.metric_id == id)
            .map(|x| count(x.value, &in_score_range))
            .sum();
        let effects: usize = self
            .initiatives
            .values()
            .filter_map(|i| i.expected_effect.as_ref())
            .filter(|e| e.metric_id == id)
            .map(|e| count(e.value, &in_score_range))
            .sum();
        let responses: usize = self
            .responses
            .values()
            .filter(|x| x.metric_id == id)
            .map(|x| count(x.value, &on_scale))
            .sum();
        let kinds = [
            (targets, "target", "targets"),
            (scores, "typed score", "typed scores"),
            (
                effects,
                "initiative's expected score",
                "initiatives' expected scores",
            ),
            (responses, "survey response", "survey responses"),
        ];
        let named: Vec<String> = kinds
            .iter()
            .filter(|(n, _, _)| *n > 0)
            .map(|(n, one, many)| format!("{n} {}", if *n == 1 { one } else { many }))
            .collect();
        if named.is_empty() {
            return Ok(());
        }
        Err(out_of_range(
            EntityKind::Metric,
            id,
            if below { "scale_min" } else { "scale_max" },
            format!(
                "{} of {} would fall outside the new scale {} to {}: change or delete them first",
                and_list(&named),
                current.name,
                new.scale_min,
                new.scale_max
            ),
        ))
    }

    pub(super) fn move_metric(
        &mut self,
        id: &str,
        to: u32,
        t: &mut Touched,
    ) -> Result<Edit, EditError> {
        let from = move_within(&mut self.metrics, id, to, t)?;
        Ok(Edit::MoveMetric {
            id: id.to_owned(),
            position: from,
        })
    }

    fn check_target(&self, target: &Target, restoring: bool) -> Result<(), EditError> {
        let entity = EntityKind::Target;
        self.check_subject(entity, &target.id, "subject", &target.subject)?;
        let metric = self.check_metric_ref(entity, &target.id, "metric_id", &target.metric_id)?;
        finite(entity, &target.id, "value", target.value)?;
        if !restoring {
            in_range(entity, &target.id, metric, "targets", target.value)?;
        }
        let twin = self.targets.values().find(|other| {
            other.id != target.id
                && other.subject == target.subject
                && other.metric_id == target.metric_id
        });
        if twin.is_some() {
            return Err(fail(
                EditErrorKind::Duplicate,
                entity,
                &target.id,
                "metric_id",
                "This step or handoff already has a target for that metric",
            ));
        }
        Ok(())
    }

    pub(super) fn create_target(
        &mut self,
        target: &Target,
        t: &mut Touched,
    ) -> Result<Edit, EditError> {
        fresh_id(
            EntityKind::Target,
            &target.id,
            self.targets.contains_key(&target.id),
        )?;
        self.check_target(target, t.restoring)?;
        touch(t, EntityKind::Target, &target.id);
        self.targets.insert(target.id.clone(), target.clone());
        Ok(Edit::DeleteTarget {
            id: target.id.clone(),
        })
    }

    pub(super) fn update_target(
        &mut self,
        target: &Target,
        t: &mut Touched,
    ) -> Result<Edit, EditError> {
        let entity = EntityKind::Target;
        if !self.targets.contains_key(&target.id) {
            return Err(missing(entity, &target.id));
        }
        self.check_target(target, t.restoring)?;
        touch(t, entity, &target.id);
        let old = self.targets.insert(target.id.clone(), target.clone());
        Ok(Edit::UpdateTarget {
            target: old.ok_or_else(|| missing(entity, &target.id))?,
        })
    }

    pub(super) fn delete_target(&mut self, id: &str, t: &mut Touched) -> Result<Edit, EditError> {
        let target = self
            .targets
            .remove(id)
            .ok_or_else(|| missing(EntityKind::Target, id))?;
        touch(t, EntityKind::Target, id);
        Ok(Edit::CreateTarget { target })
    }

    fn check_response(&self, r: &SurveyResponse, restoring: bool) -> Result<(), EditError> {
        let entity = EntityKind::Response;
        self.check_subject(entity, &r.id, "subject", &r.subject)?;
        let metric = self.check_metric_ref(entity, &r.id, "metric_id", &r.metric_id)?;
        finite(entity, &r.id, "value", r.value)?;
        if !restoring && (r.value < metric.scale_min || r.value > metric.scale_max) {
            return Err(out_of_range(
                entity,
                &r.id,
                "value",
                format!(
                    "{} answers run from {} to {}, not {}",
                    metric.name, metric.scale_min, metric.scale_max, r.value
                ),
            ));
        }
        if let Some(respondent) = &r.respondent {
            if respondent.chars().nth(MAX_NAME_CHARS).is_some() {
                return Err(fail(
                    EditErrorKind::TooLong,
                    entity,
                    &r.id,
                    "respondent",
                    format!("A respondent id is at most {MAX_NAME_CHARS} characters"),
                ));
            }
        }
        if let Some(comment) = &r.comment {
            long_text(entity, &r.id, "comment", comment)?;
        }
        Ok(())
    }

    pub(super) fn add_responses(
        &mut self,
        responses: &[SurveyResponse],
        t: &mut Touched,
    ) -> Result<Edit, EditError> {
        let mut in_batch = BTreeSet::new();
        for response in responses {
            let taken =
                self.responses.contains_key(&response.id) || !in_batch.insert(response.id.as_str());
            fresh_id(EntityKind::Response, &response.id, taken)?;
            self.check_response(response, t.restoring)?;
        }
        for response in responses {
            touch(t, EntityKind::Response, &response.id);
            self.responses.insert(response.id.clone(), response.clone());
        }
        Ok(Edit::RemoveResponses {
            ids: responses.iter().map(|r| r.id.clone()).collect(),
        })
    }

    pub(super) fn remove_responses(
        &mut self,
        ids: &[Id],
        t: &mut Touched,
    ) -> Result<Edit, EditError> {
        let mut in_batch = BTreeSet::new();
        for id in ids {
            if !self.responses.contains_key(id) {
                return Err(missing(EntityKind::Response, id));
            }
            if !in_batch.insert(id.as_str()) {
                return Err(fail(
                    EditErrorKind::Duplicate,
                    EntityKind::Response,
                    id,
                    "ids",
                    "The same survey response is listed twice",
                ));
            }
        }
        let removed = ids
            .iter()
            .filter_map(|id| {
                touch(t, EntityKind::Response, id);
                self.responses.remove(id)
            })
            .collect();
        Ok(Edit::AddResponses { responses: removed })
    }

    fn check_score(&self, s: &Score, restoring: bool) -> Result<Score, EditError> {
        let entity = EntityKind::Score;
        self.check_subject(entity, &s.id, "subject", &s.subject)?;
        let metric = self.check_metric_ref(entity, &s.id, "metric_id", &s.metric_id)?;
        finite(entity, &s.id, "value", s.value)?;
        if !restoring {
            in_range(entity, &s.id, metric, "scores", s.value)?;
        }
        if s.sample_size == 0 {
            return Err(out_of_range(
                entity,
                &s.id,
                "sample_size",
                "A score comes from at least one answer",
            ));
        }
        if s.period_start > s.period_end {
            return Err(out_of_range(
                entity,
                &s.id,
                "period_end",
                format!(
                    "The period ends ({}) before it starts ({})",
                    s.period_end, s.period_start
                ),
            ));
        }
        let source = short_text(entity, &s.id, "source", &s.source)?;
        Ok(Score {
            source,
            ..s.clone()
        })
    }

    pub(super) fn create_score(&mut self, s: &Score, t: &mut Touched) -> Result<Edit, EditError> {
        fresh_id(EntityKind::Score, &s.id, self.scores.contains_key(&s.id))?;
        let score = self.check_score(s, t.restoring)?;
        touch(t, EntityKind::Score, &s.id);
        self.scores.insert(s.id.clone(), score);
        Ok(Edit::DeleteScore { id: s.id.clone() })
    }

    pub(super) fn update_score(&mut self, s: &Score, t: &mut Touched) -> Result<Edit, EditError> {
        let entity = EntityKind::Score;
        if !self.scores.contains_key(&s.id) {
            return Err(missing(entity, &s.id));
        }
        let score = self.check_score(s, t.restoring)?;
        touch(t, entity, &s.id);
        let old = self.scores.insert(s.id.clone(), score);
        Ok(Edit::UpdateScore {
            score: old.ok_or_else(|| missing(entity, &s.id))?,
        })
    }

    pub(super) fn delete_score(&mut self, id: &str, t: &mut Touched) -> Result<Edit, EditError> {
        let score = self
            .scores
            .remove(id)
            .ok_or_else(|| missing(EntityKind::Score, id))?;
        touch(t, EntityKind::Score, id);
        Ok(Edit::CreateScore { score })
    }
}

/// A target's or typed score's `value` must lie in the metric's score range.
fn in_range(
    entity: EntityKind,
    id: &str,
    metric: &Metric,
    what: &str,
    value: f64,
) -> Result<(), EditError> {
    if in_score_range(metric, value) {
        return Ok(());
    }
    Err(out_of_range(
        entity,
        id,
        "value",
        format!(
            "{} {what} run from {}, not {value}",
            metric.name,
            score_range_words(metric)
        ),
    ))
}

/// "a", "a and b", "a, b and c".
fn and_list(items: &[String]) -> String {
    match items.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        Some((last, _)) => last.clone(),
        None => String::new(),
    }
}
