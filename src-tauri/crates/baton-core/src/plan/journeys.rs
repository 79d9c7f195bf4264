//! What the plan reads of the journeys' analyses. The caller holds them (the app's session
//! keeps one per journey between edits; the CLI analyses once per command), and the plan
//! only indexes what it reads of them: each handoff's friction and each touchpoint's missed
//! targets, borrowed, so no journey is analysed again whatever the number of initiatives.

use std::collections::{BTreeMap, BTreeSet};

use crate::analysis::{analyze_with, AnalysisOptions, JourneyAnalysis};
use crate::id_map::{self, IdMap};
use crate::model::{Id, Initiative, SubjectKind, Workspace};
use crate::scores::Granularity;

/// Journey analyses by journey id, all at one granularity: what `plan_view` and
/// `draft_plan_from` read. A journey missing from it counts as unanalysed (its handoffs add no
/// evidence, it gets no coverage).
pub type JourneyAnalyses = BTreeMap<Id, JourneyAnalysis>;

/// The analyses `plan_view(ws, filter, ..)` reads, computed now at the filter's granularity
/// (for a caller that holds none, such as the CLI).
pub fn analyse_for_plan(ws: &Workspace, filter: &super::PlanFilter) -> JourneyAnalyses {
    let options = AnalysisOptions {
        granularity: filter.granularity,
        ..AnalysisOptions::default()
    };
    journeys_for_plan(ws, filter.journey_id.as_deref())
        .into_iter()
        .filter_map(|id| Some((id.to_owned(), analyze_with(ws, id, &options)?)))
        .collect()
}

/// The journeys whose analyses a plan filtered to `journey_id` reads: every journey, or the
/// chosen one and every journey its initiatives are about too.
pub fn journeys_for_plan<'w>(ws: &'w Workspace, journey_id: Option<&str>) -> BTreeSet<&'w str> {
    match journey_id {
        None => ws.journeys.keys().map(String::as_str).collect(),
        Some(chosen) => {
            let mut journeys: BTreeSet<&str> = ws
                .journeys
                .get_key_value(chosen)
                .map(|(id, _)| id.as_str())
                .into_iter()
                .collect();
            for initiative in ws.initiatives.values() {
                let about = journeys_of(ws, initiative);
                if about.contains(&chosen) {
                    journeys.extend(about);
                }
            }
            journeys
        }
    }
}

/// A touchpoint below its target on one metric.
pub(super) struct Miss<'a> {
    pub metric_id: &'a str,
    /// Negative: the gap as a share of the metric's score range.
    pub normalised_gap: f64,
}

/// Some of the held analyses, indexed for the plan (borrowed: nothing is copied).
pub(super) struct Analysed<'a> {
    /// By journey id.
    pub analyses: BTreeMap<&'a str, &'a JourneyAnalysis>,
    /// Friction of every handoff of the indexed journeys.
    friction: IdMap<&'a str, u32>,
    /// The missed targets of every touchpoint of the indexed journeys, by metric position.
    misses: IdMap<&'a str, Vec<Miss<'a>>>,
}

impl<'a> Analysed<'a> {
    /// Index the held analyses of `journey_ids` (those `held` lacks are left out).
    pub fn index<'j>(
        held: &'a JourneyAnalyses,
        journey_ids: impl Iterator<Item = &'j str>,
    ) -> Self {
        let analyses: BTreeMap<&'a str, &'a JourneyAnalysis> = journey_ids
            .filter_map(|id| held.get_key_value(id))
            .map(|(id, analysis)| (id.as_str(), analysis))
            .collect();
        let handoff_count = analyses.values().map(|a| a.handoffs.len()).sum();
        let mut friction = id_map::with_capacity(handoff_count);
        let mut misses: IdMap<&str, Vec<Miss>> = id_map::with_capacity(0);
        for analysis in analyses.values() {
            for h in &analysis.handoffs {
                friction.insert(h.handoff_id.as_str(), h.friction.score);
            }
            for touchpoint in &analysis.touchpoints {
                for standing in &touchpoint.standings {
                    if let Some(gap) = standing.normalised_gap.filter(|g| *g < 0.0) {
                        misses
                            .entry(touchpoint.step_id.as_str())
                            .or_default()
                            .push(Miss {
                                metric_id: standing.metric_id.as_str(),
                                normalised_gap: gap,
                            });
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

    /// The friction of a handoff of an indexed journey.
    pub fn friction(&self, handoff_id: &str) -> Option<u32> {
        self.friction.get(handoff_id).copied()
    }

    /// The targets a touchpoint misses, by metric position.
    pub fn misses(&self, step_id: &str) -> &[Miss<'a>] {
        self.misses.get(step_id).map_or(&[], Vec::as_slice)
    }
}

/// Analyse one journey at `granularity` (`None` when it does not exist).
pub(super) fn analyse_one(
    ws: &Workspace,
    journey_id: &str,
    granularity: Granularity,
) -> Option<JourneyAnalyses> {
    let options = AnalysisOptions {
        granularity,
        ..AnalysisOptions::default()
    };
    let analysis = analyze_with(ws, journey_id, &options)?;
    Some(BTreeMap::from([(journey_id.to_owned(), analysis)]))
}

/// The journeys an initiative is about: those of the steps and handoffs it links, of its
/// expected effect's subject, and of the ids its suggestion keys name. Sorted, each once.
pub(super) fn journeys_of<'w>(ws: &'w Workspace, initiative: &Initiative) -> Vec<&'w str> {
    let mut journeys: Vec<&str> = Vec::new();
    // Most initiatives are about one journey: a look at the last one added skips repeats.
    let mut add = |journey: Option<&'w Id>| {
        if let Some(journey) = journey {
            if journeys.last() != Some(&journey.as_str()) {
                journeys.push(journey.as_str());
            }
        }
    };
    let step = |id: &str| ws.steps.get(id).map(|s| &s.journey_id);
    let handoff = |id: &str| ws.handoffs.get(id).map(|h| &h.journey_id);
    for id in &initiative.step_ids {
        add(step(id));
    }
    for id in &initiative.handoff_ids {
        add(handoff(id));
    }
    if let Some(subject) = initiative
        .expected_effect
        .as_ref()
        .and_then(|e| e.subject.as_ref())
    {
        add(match subject.kind {
            SubjectKind::Step => step(&subject.id),
            SubjectKind::Handoff => handoff(&subject.id),
        });
    }
    for key in &initiative.suggestion_keys {
        // `rule:id` or `rule:id:metric id`: the first id names the journey's step, handoff or
        // stage.
        if let Some(id) = key.split(':').nth(1) {
            add(step(id)
                .or_else(|| handoff(id))
                .or_else(|| ws.stages.get(id).map(|s| &s.journey_id)));
        }
    }
    journeys.sort_unstable();
    journeys.dedup();
    journeys
}
