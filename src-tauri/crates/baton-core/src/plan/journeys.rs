//! What the plan reads of the journeys' analyses, gathered once per `plan_view` or
//! `draft_plan`: each journey is analysed at most once, whatever the number of initiatives.

use std::collections::{BTreeMap, BTreeSet};

use crate::analysis::{analyze_with, AnalysisOptions, JourneyAnalysis};
use crate::id_map::{self, IdMap};
use crate::model::{Id, Initiative, Workspace};
use crate::scores::Granularity;

/// A touchpoint below its target on one metric.
pub(super) struct Miss<'a> {
    pub metric_id: &'a str,
    /// Negative: the gap as a share of the metric's score range.
    pub normalised_gap: f64,
}

/// The analyses of some journeys, indexed for the plan.
pub(super) struct Analysed<'a> {
    /// By journey id.
    pub analyses: BTreeMap<&'a str, JourneyAnalysis>,
    /// Friction of every handoff of the analysed journeys.
    friction: IdMap<String, u32>,
    /// The missed targets of every touchpoint of the analysed journeys, by metric position.
    misses: IdMap<String, Vec<(Id, f64)>>,
}

impl<'a> Analysed<'a> {
    /// Analyse each of `journey_ids` that exists (once each).
    pub fn build(
        ws: &'a Workspace,
        journey_ids: &BTreeSet<&'a str>,
        granularity: Granularity,
    ) -> Self {
        let options = AnalysisOptions {
            granularity,
            ..AnalysisOptions::default()
        };
        let analyses: BTreeMap<&str, JourneyAnalysis> = journey_ids
            .iter()
            .filter_map(|id| Some((*id, analyze_with(ws, id, &options)?)))
            .collect();
        let handoff_count = analyses.values().map(|a| a.handoffs.len()).sum();
        let mut friction = id_map::with_capacity(handoff_count);
        let mut misses: IdMap<String, Vec<(Id, f64)>> = id_map::with_capacity(0);
        for analysis in analyses.values() {
            for h in &analysis.handoffs {
                friction.insert(h.handoff_id.clone(), h.friction.score);
            }
            for touchpoint in &analysis.touchpoints {
                for standing in &touchpoint.standings {
                    if let Some(gap) = standing.normalised_gap.filter(|g| *g < 0.0) {
                        misses
                            .entry(touchpoint.step_id.clone())
                            .or_default()
                            .push((standing.metric_id.clone(), gap));
                    }
                }
            }
        }
        Analysed {
            analyses,
            friction,
            misses,
        }
    }

    /// The friction of a handoff of an analysed journey.
    pub fn friction(&self, handoff_id: &str) -> Option<u32> {
        self.friction.get(handoff_id).copied()
    }

    /// The targets a touchpoint misses, by metric position.
    pub fn misses(&self, step_id: &str) -> Vec<Miss<'_>> {
        self.misses
            .get(step_id)
            .map(|list| {
                list.iter()
                    .map(|(metric_id, normalised_gap)| Miss {
                        metric_id,
                        normalised_gap: *normalised_gap,
                    })
                    .collect()
            })
            .unwrap_or_default()
    }
}

/// The journeys an initiative is about: those of the steps and handoffs it links, of its
/// expected effect's subject, and of the ids its suggestion keys name. Sorted, each once.
pub(super) fn journeys_of<'w>(ws: &'w Workspace, initiative: &Initiative) -> BTreeSet<&'w str> {
    let mut journeys = BTreeSet::new();
    let mut add_id = |id: &str| {
        if let Some(step) = ws.steps.get(id) {
            journeys.insert(step.journey_id.as_str());
        } else if let Some(handoff) = ws.handoffs.get(id) {
            journeys.insert(handoff.journey_id.as_str());
        } else if let Some(stage) = ws.stages.get(id) {
            journeys.insert(stage.journey_id.as_str());
        }
    };
    for id in initiative.step_ids.iter().chain(&initiative.handoff_ids) {
        add_id(id);
    }
    if let Some(subject) = initiative
        .expected_effect
        .as_ref()
        .and_then(|e| e.subject.as_ref())
    {
        add_id(&subject.id);
    }
    for key in &initiative.suggestion_keys {
        // `rule:id` or `rule:id:metric id`: the first id names the journey's step, handoff or
        // stage.
        if let Some(id) = key.split(':').nth(1) {
            add_id(id);
        }
    }
    journeys
}
