//! `plan_view`: the whole plan as the board, the CLI and the exports show it: phases in order
//! with their initiatives (quadrant, evidence, measured progress, overdue), per-phase counts,
//! the priority order, and each journey's coverage.

use std::cmp::Reverse;
use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::model::{Id, Initiative, InitiativeStatus, Phase, Workspace};
use crate::scores::Granularity;

use super::coverage::{coverage_of, Coverage};
use super::evidence::{evidence_of, Evidence};
use super::journeys::{journeys_of, Analysed, JourneyAnalyses};
use super::progress::{progress_of, EffectReadings, Progress};
use super::quadrant::{quadrant_of, Quadrant};

/// Which initiatives to show. Every field is optional: the default shows the whole plan.
/// Coverage ignores `owner`, `status` and `quadrant` (it is about the whole plan), and covers
/// only `journey_id` when it is set, else every journey.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type, Default)]
#[serde(default)]
pub struct PlanFilter {
    /// Only initiatives about this journey (linking one of its steps or handoffs, naming one of
    /// its suggestions, or expecting an effect on one of its steps or handoffs).
    pub journey_id: Option<Id>,
    /// Only initiatives with this owner (compared trimmed; `""` means "no owner").
    pub owner: Option<String>,
    pub status: Option<InitiativeStatus>,
    pub quadrant: Option<Quadrant>,
    /// The period width scores are computed at from responses (default: month), for progress
    /// readings and for the analyses behind evidence and coverage.
    pub granularity: Granularity,
}

/// The plan, filtered, as of `today`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct PlanView {
    /// The day overdue and progress were judged on.
    pub today: NaiveDate,
    pub granularity: Granularity,
    /// Every phase by position (also those with no initiative left by the filter).
    pub phases: Vec<PhaseView>,
    /// The ids of the shown initiatives by priority: quadrant (quick win, big bet, fill-in,
    /// money pit), then impact (high first), effort (low first), evidence (high first), phase
    /// position, position, id.
    pub priority_order: Vec<Id>,
    /// How many initiatives are shown (over all phases).
    pub initiative_count: u32,
    /// How many the filter hides (over all phases; 0 without a filter).
    pub hidden_count: u32,
    /// Per journey, in journey order: the filter's journey only, or every journey.
    pub coverage: Vec<Coverage>,
}

/// One phase with its shown initiatives.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct PhaseView {
    pub phase: Phase,
    /// By position in the phase.
    pub initiatives: Vec<InitiativeView>,
    /// The shown initiatives counted by status.
    pub counts: StatusCounts,
    /// done / (shown - dropped), 0..1; `None` when nothing but dropped initiatives is shown.
    pub done_share: Option<f64>,
    /// How many of the phase's initiatives the filter hides (the phase holds
    /// `initiatives.len() + hidden_count`: a move to its end goes to that position).
    pub hidden_count: u32,
}

/// Initiatives counted by status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type, Default)]
pub struct StatusCounts {
    pub proposed: u32,
    pub planned: u32,
    pub in_progress: u32,
    pub done: u32,
    pub dropped: u32,
}

/// One initiative with what is derived from it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct InitiativeView {
    /// As stored.
    pub initiative: Initiative,
    pub quadrant: Quadrant,
    pub evidence: Evidence,
    pub progress: Progress,
    /// Due before today and neither done nor dropped.
    pub overdue: bool,
    /// The journeys it is about, by id.
    pub journey_ids: Vec<Id>,
}

impl StatusCounts {
    fn add(&mut self, status: InitiativeStatus) {
        let count = match status {
            InitiativeStatus::Proposed => &mut self.proposed,
            InitiativeStatus::Planned => &mut self.planned,
            InitiativeStatus::InProgress => &mut self.in_progress,
            InitiativeStatus::Done => &mut self.done,
            InitiativeStatus::Dropped => &mut self.dropped,
        };
        *count = count.saturating_add(1);
    }

    /// Every initiative counted.
    pub fn total(&self) -> u32 {
        self.proposed
            .saturating_add(self.planned)
            .saturating_add(self.in_progress)
            .saturating_add(self.done)
            .saturating_add(self.dropped)
    }

    /// done / (total - dropped); `None` when that is 0.
    fn done_share(&self) -> Option<f64> {
        let live = self.total().saturating_sub(self.dropped);
        (live > 0).then(|| f64::from(self.done) / f64::from(live))
    }
}

/// Does `initiative`, about `journeys`, pass the filter (coverage aside)?
fn shown(filter: &PlanFilter, initiative: &Initiative, journeys: &[&str]) -> bool {
    filter
        .journey_id
        .as_deref()
        .is_none_or(|j| journeys.contains(&j))
        && filter
            .owner
            .as_deref()
            .is_none_or(|o| initiative.owner.trim() == o.trim())
        && filter.status.is_none_or(|s| initiative.status == s)
        && filter
            .quadrant
            .is_none_or(|q| quadrant_of(initiative.impact, initiative.effort) == q)
}

/// The plan as of `today`, filtered (see `PlanFilter`), from the journeys' analyses the caller
/// holds (`analyses`, at `filter.granularity`: see `journeys_for_plan` for the journeys read,
/// `analyse_for_plan` to compute them). Nothing here analyses a journey.
pub fn plan_view(
    ws: &Workspace,
    filter: &PlanFilter,
    today: NaiveDate,
    analyses: &JourneyAnalyses,
) -> PlanView {
    let mut hidden: BTreeMap<&str, u32> = BTreeMap::new();
    let chosen: Vec<(&Initiative, Vec<&str>)> = ws
        .initiatives_in_order()
        .into_iter()
        .map(|i| (i, journeys_of(ws, i)))
        .filter(|(i, journeys)| {
            let keep = shown(filter, i, journeys);
            if !keep {
                let count = hidden.entry(i.phase_id.as_str()).or_default();
                *count = count.saturating_add(1);
            }
            keep
        })
        .collect();
    let covered: Vec<&str> = match filter.journey_id.as_deref() {
        Some(id) => ws
            .journeys
            .get(id)
            .map(|j| j.id.as_str())
            .into_iter()
            .collect(),
        None => ws
            .journeys_in_order()
            .into_iter()
            .map(|j| j.id.as_str())
            .collect(),
    };
    let mut involved: BTreeSet<&str> = covered.iter().copied().collect();
    for (_, journeys) in &chosen {
        involved.extend(journeys.iter().copied());
    }
    let analysed = Analysed::index(analyses, involved.into_iter());
    let readings = EffectReadings::gather(ws, chosen.iter().map(|(i, _)| *i));

    let views: Vec<InitiativeView> = chosen
        .iter()
        .map(|(initiative, journeys)| InitiativeView {
            initiative: (*initiative).clone(),
            quadrant: quadrant_of(initiative.impact, initiative.effort),
            evidence: evidence_of(&analysed, initiative),
            progress: progress_of(ws, &readings, initiative, today, filter.granularity),
            overdue: initiative.due.is_some_and(|due| due < today)
                && !matches!(
                    initiative.status,
                    InitiativeStatus::Done | InitiativeStatus::Dropped
                ),
            journey_ids: journeys.iter().map(|j| (*j).to_owned()).collect(),
        })
        .collect();

    let priority_order = priority_order(ws, &views);
    let initiative_count = u32::try_from(views.len()).unwrap_or(u32::MAX);
    let hidden_count = hidden.values().fold(0u32, |sum, n| sum.saturating_add(*n));
    let phases = phase_views(ws, views, &hidden);
    let coverage = covered
        .iter()
        .filter_map(|id| {
            let analysis = analysed.analyses.get(id)?;
            let name = ws.journeys.get(*id).map(|j| j.name.as_str()).unwrap_or("");
            Some(coverage_of(name, analysis, ws.initiatives.values()))
        })
        .collect();
    PlanView {
        today,
        granularity: filter.granularity,
        phases,
        priority_order,
        initiative_count,
        hidden_count,
        coverage,
    }
}

/// The ids of `views` by priority (see `PlanView::priority_order`). Each key is made once
/// (a phase's position is a look-up by id), not once per comparison.
fn priority_order(ws: &Workspace, views: &[InitiativeView]) -> Vec<Id> {
    let phase_position = |id: &str| ws.phases.get(id).map_or(u32::MAX, |p| p.position);
    let mut order: Vec<_> = views
        .iter()
        .map(|v| {
            let i = &v.initiative;
            let key = (
                v.quadrant,
                Reverse(i.impact),
                i.effort,
                Reverse(v.evidence.score),
                phase_position(&i.phase_id),
                i.position,
            );
            (key, i.id.as_str())
        })
        .collect();
    order.sort_unstable();
    order.into_iter().map(|(_, id)| id.to_owned()).collect()
}

/// Every phase by position with its views (already in phase position order).
fn phase_views(
    ws: &Workspace,
    views: Vec<InitiativeView>,
    hidden: &BTreeMap<&str, u32>,
) -> Vec<PhaseView> {
    let mut phases: Vec<PhaseView> = ws
        .phases_in_order()
        .into_iter()
        .map(|phase| PhaseView {
            phase: phase.clone(),
            initiatives: Vec::new(),
            counts: StatusCounts::default(),
            done_share: None,
            hidden_count: hidden.get(phase.id.as_str()).copied().unwrap_or(0),
        })
        .collect();
    let place: BTreeMap<Id, usize> = phases
        .iter()
        .enumerate()
        .map(|(n, p)| (p.phase.id.clone(), n))
        .collect();
    for view in views {
        if let Some(phase) = place
            .get(&view.initiative.phase_id)
            .and_then(|n| phases.get_mut(*n))
        {
            phase.counts.add(view.initiative.status);
            phase.initiatives.push(view);
        }
    }
    for phase in &mut phases {
        phase.done_share = phase.counts.done_share();
    }
    phases
}

impl PlanView {
    /// Every shown initiative, phase by phase.
    pub fn initiatives(&self) -> impl Iterator<Item = &InitiativeView> {
        self.phases.iter().flat_map(|p| p.initiatives.iter())
    }

    /// The shown initiatives in `priority_order`.
    pub fn by_priority(&self) -> Vec<&InitiativeView> {
        let by_id: BTreeMap<&str, &InitiativeView> = self
            .initiatives()
            .map(|v| (v.initiative.id.as_str(), v))
            .collect();
        self.priority_order
            .iter()
            .filter_map(|id| by_id.get(id.as_str()).copied())
            .collect()
    }

    /// The shown initiatives grouped by owner (trimmed; `""` for none, last), owners sorted
    /// case-insensitively, each group in phase then position order.
    pub fn by_owner(&self) -> Vec<(String, Vec<&InitiativeView>)> {
        let mut groups: BTreeMap<(bool, String, String), Vec<&InitiativeView>> = BTreeMap::new();
        for view in self.initiatives() {
            let owner = view.initiative.owner.trim().to_owned();
            groups
                .entry((owner.is_empty(), owner.to_lowercase(), owner))
                .or_default()
                .push(view);
        }
        groups
            .into_iter()
            .map(|((_, _, owner), views)| (owner, views))
            .collect()
    }
}
