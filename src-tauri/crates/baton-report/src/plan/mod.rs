//! The plan report in every format, from core's `plan_view` (phases, initiatives with quadrant,
//! evidence and measured progress, coverage) and each chosen journey's analysis. Every rule
//! and figure comes from core; this module only chooses, orders and words what it shows.

pub mod csv;
pub mod definitions;
pub mod markdown;
#[cfg(feature = "pdf")]
pub mod pdf;
mod pieces;
pub mod rows;
pub mod xlsx;

use baton_core::insights;
use baton_core::plan::{
    analyse_for_plan, plan_view, InitiativeView, PlanFilter, PlanView, ProgressState, Quadrant,
};
use baton_core::{Id, InitiativeStatus, Workspace};
use chrono::NaiveDate;

use crate::error::ReportError;
use rows::JourneyReport;

/// Paper sizes of the plan PDF.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Paper {
    #[default]
    A4,
    Letter,
}

/// What goes into a plan report.
#[derive(Debug, Clone, Default)]
pub struct PlanOptions {
    /// The journeys to report on, by id; empty: every journey of the file.
    pub journey_ids: Vec<Id>,
    /// The report's date (the cover, and the day progress and overdue are judged on): the
    /// same date gives the same bytes.
    pub date: Option<NaiveDate>,
    pub paper: Paper,
    /// For the cover; none leaves the line out.
    pub author: Option<String>,
}

/// One initiative as every format lists it.
pub struct InitiativeRow<'a> {
    /// 1-based, in phase order then position: the number on the matrix and in the tables.
    pub number: usize,
    pub phase: &'a str,
    pub view: &'a InitiativeView,
    /// Names of the journeys it is about.
    pub journeys: Vec<&'a str>,
}

/// Everything the formats draw from.
pub struct PlanReport {
    pub client: String,
    pub date: NaiveDate,
    pub journeys: Vec<JourneyReport>,
    pub view: PlanView,
}

impl PlanReport {
    /// Gathers the plan of `ws` for `options`; today's date when the options give none.
    pub fn build(ws: &Workspace, options: &PlanOptions) -> Result<Self, ReportError> {
        let date = options
            .date
            .unwrap_or_else(|| chrono::Local::now().date_naive());
        let mut ids: Vec<&Id> = if options.journey_ids.is_empty() {
            ws.journeys_in_order().into_iter().map(|j| &j.id).collect()
        } else {
            options.journey_ids.iter().collect()
        };
        ids.dedup();
        let filter = PlanFilter {
            journey_id: (ids.len() == 1).then(|| ids[0].clone()),
            ..PlanFilter::default()
        };
        // Each journey the plan reads is analysed once, for the plan and for its chapter.
        let analyses = analyse_for_plan(ws, &filter);
        let mut journeys = Vec::with_capacity(ids.len());
        for id in &ids {
            let model = ws
                .journey_model(id)
                .ok_or_else(|| ReportError::journey_not_found(id))?;
            let analysis = analyses
                .get(*id)
                .cloned()
                .ok_or_else(|| ReportError::journey_not_found(id))?;
            let scores = insights::journey_scores(&model, &ws.metrics, filter.granularity);
            journeys.push(JourneyReport {
                model,
                analysis,
                scores,
            });
        }
        let mut view = plan_view(ws, &filter, date, &analyses);
        if ids.len() > 1 && ids.len() < ws.journeys.len() {
            // Several chosen journeys: the initiatives about any of them, their coverage only.
            let chosen = |j: &Id| ids.contains(&j);
            for phase in &mut view.phases {
                phase
                    .initiatives
                    .retain(|i| i.journey_ids.is_empty() || i.journey_ids.iter().any(chosen));
            }
            view.coverage.retain(|c| chosen(&c.journey_id));
        }
        Ok(Self {
            client: ws.info.name.clone(),
            date,
            journeys,
            view,
        })
    }

    /// Every shown initiative, numbered, phase by phase.
    pub fn initiatives(&self) -> Vec<InitiativeRow<'_>> {
        let mut rows = Vec::new();
        for phase in &self.view.phases {
            for view in &phase.initiatives {
                let journeys = self
                    .journeys
                    .iter()
                    .filter(|j| view.journey_ids.contains(&j.model.journey.id))
                    .map(|j| j.model.journey.name.as_str())
                    .collect();
                rows.push(InitiativeRow {
                    number: rows.len() + 1,
                    phase: &phase.phase.name,
                    view,
                    journeys,
                });
            }
        }
        rows
    }

    pub fn journey_names(&self) -> Vec<&str> {
        self.journeys
            .iter()
            .map(|j| j.model.journey.name.as_str())
            .collect()
    }
}

pub fn status_label(status: InitiativeStatus) -> &'static str {
    match status {
        InitiativeStatus::Proposed => "proposed",
        InitiativeStatus::Planned => "planned",
        InitiativeStatus::InProgress => "in progress",
        InitiativeStatus::Done => "done",
        InitiativeStatus::Dropped => "dropped",
    }
}

/// Every status label, in order: the XLSX drop-down's list.
pub const STATUS_LABELS: [&str; 5] = ["proposed", "planned", "in progress", "done", "dropped"];

pub fn quadrant_label(quadrant: Quadrant) -> &'static str {
    match quadrant {
        Quadrant::QuickWin => "quick win",
        Quadrant::BigBet => "big bet",
        Quadrant::FillIn => "fill-in",
        Quadrant::MoneyPit => "money pit",
    }
}

pub fn progress_state_label(state: ProgressState) -> &'static str {
    match state {
        ProgressState::NotMeasurable => "not measurable",
        ProgressState::NotStarted => "not started",
        ProgressState::NoBaseline => "no baseline",
        ProgressState::AwaitingData => "awaiting data",
        ProgressState::AlreadyMet => "already met",
        ProgressState::Achieved => "achieved",
        ProgressState::Improving => "improving",
        ProgressState::NoChange => "no change",
        ProgressState::Worse => "worse",
    }
}

/// Measured progress as shown: "45 % (improving)", or the state alone without a percentage.
pub fn progress_text(view: &InitiativeView) -> String {
    let state = progress_state_label(view.progress.state);
    match view.progress.percent {
        Some(p) => format!("{} % ({state})", rows::figure(p)),
        None => state.to_owned(),
    }
}

pub fn date_text(date: Option<NaiveDate>) -> String {
    date.map(|d| d.format("%Y-%m-%d").to_string())
        .unwrap_or_default()
}
