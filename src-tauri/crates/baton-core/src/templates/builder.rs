//! A small builder that turns a template's content into ordinary edits with fresh ids.
//!
//! Templates read like the map they build (stages, lanes, cards, handoffs, scores), and the
//! builder takes care of ids, positions and the workspace's built-in metrics and phases. Every
//! template of one batch shares one [`Context`], so positions stay contiguous when several
//! templates are applied together (the demo).

use std::collections::BTreeMap;

use chrono::{Days, NaiveDate};

use crate::edit::Edit;
use crate::model::*;

use super::drafts::{HandoffDraft, InitiativeDraft, StepDraft};

/// The built-in metrics of the workspace, looked up by kind. A metric the user deleted is
/// `None`: the template then simply records no figures for it.
#[derive(Debug, Clone)]
pub(crate) struct Metrics {
    pub csat: Option<Id>,
    pub nps: Option<Id>,
    pub ces: Option<Id>,
}

/// Which built-in metric a figure is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum M {
    Csat,
    Nps,
    Ces,
}

/// What the templates of one batch share: the workspace's metrics and phases, the next free
/// positions, and the day the figures are dated from.
#[derive(Debug, Clone)]
pub(crate) struct Context {
    pub(super) metrics: Metrics,
    /// Phase ids by position.
    pub(super) phases: Vec<Id>,
    pub(super) next_persona: u32,
    pub(super) next_journey: u32,
    pub(super) next_initiative: BTreeMap<Id, u32>,
    pub(super) today: NaiveDate,
}

impl Context {
    pub fn new(ws: &Workspace, today: NaiveDate) -> Self {
        let mut metrics: Vec<&Metric> = ws.metrics.values().collect();
        metrics.sort_by_key(|m| m.position);
        let first_of = |kind: MetricKind| {
            metrics
                .iter()
                .find(|m| m.kind == kind)
                .map(|m| m.id.clone())
        };
        let mut phases: Vec<&Phase> = ws.phases.values().collect();
        phases.sort_by_key(|p| p.position);
        let mut next_initiative = BTreeMap::new();
        for initiative in ws.initiatives.values() {
            *next_initiative
                .entry(initiative.phase_id.clone())
                .or_insert(0u32) += 1;
        }
        Self {
            metrics: Metrics {
                csat: first_of(MetricKind::Csat),
                nps: first_of(MetricKind::Nps),
                ces: first_of(MetricKind::Ces),
            },
            phases: phases.into_iter().map(|p| p.id.clone()).collect(),
            next_persona: count_u32(ws.personas.len()),
            next_journey: count_u32(ws.journeys.len()),
            next_initiative,
            today,
        }
    }

    pub(super) fn metric(&self, m: M) -> Option<Id> {
        match m {
            M::Csat => self.metrics.csat.clone(),
            M::Nps => self.metrics.nps.clone(),
            M::Ces => self.metrics.ces.clone(),
        }
    }

    /// `days` before today (today itself if the calendar runs out, which it does not in practice).
    pub fn days_ago(&self, days: u64) -> NaiveDate {
        self.today
            .checked_sub_days(Days::new(days))
            .unwrap_or(self.today)
    }

    pub fn days_ahead(&self, days: u64) -> NaiveDate {
        self.today
            .checked_add_days(Days::new(days))
            .unwrap_or(self.today)
    }
}

fn count_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// A stage or lane of the journey being built, by index.
#[derive(Debug, Clone, Copy)]
pub(crate) struct StageIx(usize);
#[derive(Debug, Clone, Copy)]
pub(crate) struct LaneIx(usize);

/// Builds one journey (and its persona, figures and initiatives) as a list of edits.
pub(crate) struct JourneyBuilder<'c> {
    pub(super) ctx: &'c mut Context,
    pub(super) journey_id: Id,
    pub(super) persona_id: Option<Id>,
    pub(super) stages: Vec<Id>,
    pub(super) lanes: Vec<Id>,
    pub(super) cells: BTreeMap<(usize, usize), u32>,
    pub(super) structure: Vec<Edit>,
    pub(super) figures: Vec<Edit>,
    pub(super) responses: Vec<SurveyResponse>,
    pub(super) plan: Vec<Edit>,
}

impl<'c> JourneyBuilder<'c> {
    pub fn new(ctx: &'c mut Context) -> Self {
        Self {
            ctx,
            journey_id: new_id(),
            persona_id: None,
            stages: Vec::new(),
            lanes: Vec::new(),
            cells: BTreeMap::new(),
            structure: Vec::new(),
            figures: Vec::new(),
            responses: Vec::new(),
            plan: Vec::new(),
        }
    }

    /// The persona the journey is told for; call before [`Self::journey`].
    pub fn persona(&mut self, name: &str, role: &str, description: &str) {
        let id = new_id();
        let position = self.ctx.next_persona;
        self.ctx.next_persona += 1;
        self.structure.push(Edit::CreatePersona {
            persona: Persona {
                id: id.clone(),
                name: name.into(),
                role: role.into(),
                description: description.into(),
                position,
                goals: String::new(),
                frustrations: String::new(),
            },
        });
        self.persona_id = Some(id);
    }

    pub fn journey(&mut self, name: &str, description: &str) {
        let position = self.ctx.next_journey;
        self.ctx.next_journey += 1;
        self.structure.push(Edit::CreateJourney {
            journey: Journey {
                id: self.journey_id.clone(),
                name: name.into(),
                description: description.into(),
                persona_id: self.persona_id.clone(),
                state: JourneyState::Current,
                origin_id: None,
                position,
            },
        });
    }

    pub fn stage(&mut self, name: &str, description: &str) -> StageIx {
        let id = new_id();
        self.structure.push(Edit::CreateStage {
            stage: Stage {
                id: id.clone(),
                journey_id: self.journey_id.clone(),
                name: name.into(),
                description: description.into(),
                position: count_u32(self.stages.len()),
                origin_id: None,
            },
        });
        self.stages.push(id);
        StageIx(self.stages.len() - 1)
    }

    /// A lane that is not an actor lane (customer, emotion, pains...).
    pub fn lane(&mut self, kind: LaneKind, name: &str) -> LaneIx {
        self.push_lane(kind, name, None, None, None, None)
    }

    pub fn actor(
        &mut self,
        name: &str,
        department: &str,
        sourcing: Sourcing,
        work: Work,
        visibility: Visibility,
    ) -> LaneIx {
        self.push_lane(
            LaneKind::Actor,
            name,
            Some(department.into()),
            Some(sourcing),
            Some(work),
            Some(visibility),
        )
    }

    fn push_lane(
        &mut self,
        kind: LaneKind,
        name: &str,
        department: Option<String>,
        sourcing: Option<Sourcing>,
        work: Option<Work>,
        visibility: Option<Visibility>,
    ) -> LaneIx {
        let id = new_id();
        self.structure.push(Edit::CreateLane {
            lane: Lane {
                id: id.clone(),
                journey_id: self.journey_id.clone(),
                name: name.into(),
                kind,
                position: count_u32(self.lanes.len()),
                department,
                sourcing,
                work,
                visibility,
                origin_id: None,
            },
        });
        self.lanes.push(id);
        LaneIx(self.lanes.len() - 1)
    }

    /// A plain card; refine it with the [`StepDraft`] methods, then `add()` it.
    pub fn step(&mut self, stage: StageIx, lane: LaneIx, title: &str) -> StepDraft<'_, 'c> {
        let position = *self.cells.get(&(stage.0, lane.0)).unwrap_or(&0);
        let step = Step {
            id: new_id(),
            journey_id: self.journey_id.clone(),
            stage_id: self.stages[stage.0].clone(),
            lane_id: self.lanes[lane.0].clone(),
            position,
            title: title.into(),
            notes: String::new(),
            touchpoint: None,
            verification: false,
            resolution: false,
            emotion: None,
            origin_id: None,
        };
        StepDraft {
            builder: self,
            cell: (stage.0, lane.0),
            step,
        }
    }

    /// A point of the emotion curve.
    pub fn feeling(&mut self, stage: StageIx, lane: LaneIx, title: &str, emotion: i8) -> Id {
        let mut draft = self.step(stage, lane, title);
        draft.step.emotion = Some(emotion);
        draft.add()
    }

    /// A free card (pains, thoughts, opportunities...).
    pub fn card(&mut self, stage: StageIx, lane: LaneIx, title: &str) -> Id {
        self.step(stage, lane, title).add()
    }

    pub fn handoff(&mut self, from: &Id, to: &Id, mode: HandoffMode) -> HandoffDraft<'_, 'c> {
        HandoffDraft {
            builder: self,
            handoff: Handoff {
                id: new_id(),
                journey_id: String::new(),
                from_step_id: from.clone(),
                to_step_id: to.clone(),
                mode,
                context: ContextTransfer::Full,
                customer_repeats: false,
                reverify: false,
                wait_minutes: 0,
                sensitive: false,
                secure_channel: false,
                checklist: Vec::new(),
                note: String::new(),
                origin_id: None,
            },
        }
    }

    /// The benchmark for `subject` on a built-in metric.
    pub fn target(&mut self, subject: &Subject, metric: M, value: f64) {
        if let Some(metric_id) = self.ctx.metric(metric) {
            self.figures.push(Edit::CreateTarget {
                target: Target {
                    id: new_id(),
                    subject: subject.clone(),
                    metric_id,
                    value,
                },
            });
        }
    }

    /// An aggregate entered directly, over the last quarter.
    pub fn score(&mut self, subject: &Subject, metric: M, value: f64, sample: u32, source: &str) {
        if let Some(metric_id) = self.ctx.metric(metric) {
            self.figures.push(Edit::CreateScore {
                score: Score {
                    id: new_id(),
                    subject: subject.clone(),
                    metric_id,
                    value,
                    sample_size: sample,
                    period_start: self.ctx.days_ago(91),
                    period_end: self.ctx.days_ago(1),
                    source: source.into(),
                },
            });
        }
    }

    /// One survey answer, `days_ago` days old, with its verbatim. Templates date them in the
    /// survey wave before the quarter their entered scores cover, so the entered aggregate stays
    /// the latest reading and a handful of verbatims never stand in for it.
    pub fn response(
        &mut self,
        subject: &Subject,
        metric: M,
        value: f64,
        days_ago: u64,
        respondent: &str,
        comment: &str,
    ) {
        if let Some(metric_id) = self.ctx.metric(metric) {
            self.responses.push(SurveyResponse {
                id: new_id(),
                subject: subject.clone(),
                metric_id,
                value,
                date: self.ctx.days_ago(days_ago),
                respondent: Some(respondent.into()),
                comment: (!comment.is_empty()).then(|| comment.into()),
            });
        }
    }

    pub fn stage_id(&self, stage: StageIx) -> Id {
        self.stages[stage.0].clone()
    }

    /// An initiative in the workspace's `phase`-th phase (0-based, the last one if the file has
    /// fewer). Skipped when the file has no phase at all.
    pub fn initiative(&mut self, phase: usize, title: &str) -> InitiativeDraft<'_, 'c> {
        let phase_id = self
            .ctx
            .phases
            .get(phase)
            .or(self.ctx.phases.last())
            .cloned();
        InitiativeDraft {
            builder: self,
            phase_id,
            initiative: Initiative {
                id: new_id(),
                phase_id: String::new(),
                position: 0,
                title: title.into(),
                description: String::new(),
                owner: String::new(),
                status: InitiativeStatus::Proposed,
                impact: 3,
                effort: 3,
                started: None,
                due: None,
                step_ids: Vec::new(),
                handoff_ids: Vec::new(),
                suggestion_keys: Vec::new(),
                expected_effect: None,
            },
        }
    }

    /// Every edit, in an order that always applies: the map first, then its figures and
    /// responses, then the plan that refers to it.
    pub fn finish(self) -> Vec<Edit> {
        let mut edits = self.structure;
        edits.extend(self.figures);
        if !self.responses.is_empty() {
            edits.push(Edit::AddResponses {
                responses: self.responses,
            });
        }
        edits.extend(self.plan);
        edits
    }
}

/// The key of the analysis suggestion of `rule` about `id` (a step, handoff or stage id), as
/// `analysis::Suggestion::key` spells it: `"<rule>:<id>"`.
pub(crate) fn suggestion_key(rule: &str, id: &Id) -> String {
    format!("{rule}:{id}")
}

pub(crate) fn step_subject(id: &Id) -> Subject {
    Subject {
        kind: SubjectKind::Step,
        id: id.clone(),
    }
}

pub(crate) fn handoff_subject(id: &Id) -> Subject {
    Subject {
        kind: SubjectKind::Handoff,
        id: id.clone(),
    }
}
