//! A small builder of valid journeys for the analysis, scores and import tests: every entity
//! goes through `Workspace::apply`, as a user's edits would.
#![allow(dead_code)]

use baton_core::*;
use chrono::NaiveDate;

pub fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

pub struct MapBuilder {
    pub ws: Workspace,
    pub journey: Id,
}

impl MapBuilder {
    pub fn new(journey_name: &str) -> Self {
        let mut ws = Workspace::new_file("Test client");
        let journey = Journey {
            id: new_id(),
            name: journey_name.into(),
            description: String::new(),
            persona_id: None,
            state: JourneyState::Current,
            origin_id: None,
            position: 0,
        };
        let id = journey.id.clone();
        ws.apply(&Edit::CreateJourney { journey }).unwrap();
        Self { ws, journey: id }
    }

    fn apply(&mut self, edit: Edit) {
        self.ws
            .apply(&edit)
            .unwrap_or_else(|e| panic!("{edit:?} failed: {e:?}"));
    }

    pub fn stage(&mut self, name: &str) -> Id {
        let position = self
            .ws
            .stages
            .values()
            .filter(|s| s.journey_id == self.journey)
            .count() as u32;
        let stage = Stage {
            id: new_id(),
            journey_id: self.journey.clone(),
            name: name.into(),
            description: String::new(),
            position,
            origin_id: None,
        };
        let id = stage.id.clone();
        self.apply(Edit::CreateStage { stage });
        id
    }

    pub fn lane(&mut self, name: &str, kind: LaneKind) -> Id {
        self.lane_with(name, kind, |_| {})
    }

    pub fn actor(
        &mut self,
        name: &str,
        department: Option<&str>,
        sourcing: Option<Sourcing>,
        work: Option<Work>,
    ) -> Id {
        self.lane_with(name, LaneKind::Actor, |l| {
            l.department = department.map(str::to_owned);
            l.sourcing = sourcing;
            l.work = work;
        })
    }

    pub fn lane_with(&mut self, name: &str, kind: LaneKind, edit: impl FnOnce(&mut Lane)) -> Id {
        let position = self
            .ws
            .lanes
            .values()
            .filter(|l| l.journey_id == self.journey)
            .count() as u32;
        let mut lane = Lane {
            id: new_id(),
            journey_id: self.journey.clone(),
            name: name.into(),
            kind,
            position,
            department: None,
            sourcing: None,
            work: None,
            visibility: None,
            origin_id: None,
        };
        edit(&mut lane);
        let id = lane.id.clone();
        self.apply(Edit::CreateLane { lane });
        id
    }

    /// A step appended to its cell; `edit` sets its flags.
    pub fn step(
        &mut self,
        stage: &str,
        lane: &str,
        title: &str,
        edit: impl FnOnce(&mut Step),
    ) -> Id {
        let position = self
            .ws
            .steps
            .values()
            .filter(|s| s.stage_id == stage && s.lane_id == lane)
            .count() as u32;
        let mut step = Step {
            id: new_id(),
            journey_id: self.journey.clone(),
            stage_id: stage.into(),
            lane_id: lane.into(),
            position,
            title: title.into(),
            notes: String::new(),
            touchpoint: None,
            verification: false,
            resolution: false,
            emotion: None,
            origin_id: None,
        };
        edit(&mut step);
        let id = step.id.clone();
        self.apply(Edit::CreateStep { step });
        id
    }

    /// An assisted, full-context handoff unless `edit` says otherwise.
    pub fn handoff(&mut self, from: &str, to: &str, edit: impl FnOnce(&mut Handoff)) -> Id {
        let mut handoff = Handoff {
            id: new_id(),
            journey_id: self.journey.clone(),
            from_step_id: from.into(),
            to_step_id: to.into(),
            mode: HandoffMode::Assisted,
            context: ContextTransfer::Full,
            customer_repeats: false,
            reverify: false,
            wait_minutes: 0,
            sensitive: false,
            secure_channel: false,
            checklist: vec![],
            note: String::new(),
            origin_id: None,
        };
        edit(&mut handoff);
        let id = handoff.id.clone();
        self.apply(Edit::ConnectHandoff { handoff });
        id
    }

    pub fn metric(&self, name: &str) -> Id {
        self.ws
            .metrics
            .values()
            .find(|m| m.name == name)
            .unwrap()
            .id
            .clone()
    }

    pub fn respond(&mut self, step: &str, metric: &str, values: &[f64], on: NaiveDate) {
        let responses = values
            .iter()
            .map(|&value| SurveyResponse {
                id: new_id(),
                subject: Subject {
                    kind: SubjectKind::Step,
                    id: step.into(),
                },
                metric_id: metric.into(),
                value,
                date: on,
                respondent: None,
                comment: None,
            })
            .collect();
        self.apply(Edit::AddResponses { responses });
    }

    pub fn target(&mut self, step: &str, metric: &str, value: f64) {
        let target = Target {
            id: new_id(),
            subject: Subject {
                kind: SubjectKind::Step,
                id: step.into(),
            },
            metric_id: metric.into(),
            value,
        };
        self.apply(Edit::CreateTarget { target });
    }
}
