//! The draft plan of a journey (DOMAIN.md, "Draft plan"): for every suggestion that no
//! initiative addresses yet, a `proposed` initiative, all in one `Edit::Batch` (one undo step).
//! Title from the rule, description from its reason; links and suggestion key from its
//! evidence; phase, effort and owner by rule:
//!
//! | rule | phase | effort | owner |
//! |---|---|---|---|
//! | measure_touchpoint | 1 | 1 | (none) |
//! | send_notes | 1 | 1 | sending lane's department |
//! | secure_route | 1 | 2 | sending lane's department |
//! | blind_to_assisted | 2 | 2 | sending lane's department |
//! | carry_verification | 2 | 3 | receiving lane's department |
//! | flag_chain | 2 | 3 | receiving lane's department of the flagged handoff |
//! | concentrate_touchpoints | 2 | 4 | (none) |
//! | investigate_touchpoint | 3 | 2 | the touchpoint lane's department |
//!
//! Impact from the evidence the initiative would have (>= 60: 5, >= 40: 4, >= 20: 3, >= 10: 2,
//! else 1). The journey's `measure_touchpoint` suggestions become ONE initiative ("Measure the N
//! unscored touchpoints"). Expected effect: for `investigate_touchpoint` the missed target; for
//! a handoff rule the receiving step's target when it has exactly one. Phases are taken by
//! position (the last one when the file has fewer than the rule's).

use std::collections::{BTreeMap, BTreeSet};

use crate::analysis::{JourneyAnalysis, Suggestion, SuggestionRule};
use crate::apply::{MAX_LONG_TEXT_CHARS, MAX_NAME_CHARS};
use crate::edit::Edit;
use crate::error::{EditError, EditErrorKind};
use crate::model::*;
use crate::scores::{score_range, Granularity};

use super::evidence::evidence_of_links;
use super::journeys::{analyse_one, Analysed, JourneyAnalyses};

/// Impact 1..5 from an evidence score.
pub fn impact_of_evidence(evidence: u32) -> u8 {
    match evidence {
        60.. => 5,
        40..=59 => 4,
        20..=39 => 3,
        10..=19 => 2,
        _ => 1,
    }
}

/// The draft plan of `journey_id` as one `Edit::Batch` of `CreateInitiative` edits, or `None`
/// when every suggestion is addressed already (so drafting twice adds nothing the second time).
/// Analyses the journey first; a caller that holds its analysis calls `draft_plan_from`.
/// Errors: the journey does not exist, or the file has no phase to put initiatives in.
pub fn draft_plan(ws: &Workspace, journey_id: &str) -> Result<Option<Edit>, EditError> {
    let analyses = analyse_one(ws, journey_id, Granularity::default())
        .ok_or_else(|| EditError::not_found(EntityKind::Journey, journey_id))?;
    draft_plan_from(ws, journey_id, &analyses)
}

/// `draft_plan` from the analyses the caller holds (the journey's own, at the default
/// granularity, must be among them, else the journey counts as not found).
pub fn draft_plan_from(
    ws: &Workspace,
    journey_id: &str,
    analyses: &JourneyAnalyses,
) -> Result<Option<Edit>, EditError> {
    let journey = ws
        .journeys
        .get(journey_id)
        .ok_or_else(|| EditError::not_found(EntityKind::Journey, journey_id))?;
    let analysed = Analysed::index(analyses, std::iter::once(journey.id.as_str()));
    let Some(analysis) = analysed.analyses.get(journey.id.as_str()).copied() else {
        return Err(EditError::not_found(EntityKind::Journey, journey_id));
    };
    let addressed: BTreeSet<&str> = ws
        .initiatives
        .values()
        .flat_map(|i| i.suggestion_keys.iter().map(String::as_str))
        .collect();
    let open: Vec<&Suggestion> = analysis
        .suggestions
        .iter()
        .filter(|s| !addressed.contains(s.key.as_str()))
        .collect();
    if open.is_empty() {
        return Ok(None);
    }
    let phases = ws.phases_in_order();
    if phases.is_empty() {
        return Err(EditError::new(
            EditErrorKind::NotFound,
            EntityKind::Phase,
            None,
            None,
            "The plan has no phase to put the draft in: add a phase first",
        ));
    }
    let drafter = Drafter {
        ws,
        analysis,
        analysed: &analysed,
    };
    let mut drafts: Vec<Draft> = Vec::new();
    let measures: Vec<&Suggestion> = open
        .iter()
        .copied()
        .filter(|s| s.rule == SuggestionRule::MeasureTouchpoint)
        .collect();
    if !measures.is_empty() {
        drafts.push(drafter.measure_all(&measures));
    }
    drafts.extend(
        open.iter()
            .filter(|s| s.rule != SuggestionRule::MeasureTouchpoint)
            .map(|s| drafter.one(s)),
    );
    let mut next_position: BTreeMap<&str, u32> = BTreeMap::new();
    let edits = drafts
        .into_iter()
        .map(|draft| {
            let phase = phases[draft.phase.min(phases.len() - 1)];
            let position = next_position.entry(phase.id.as_str()).or_insert_with(|| {
                u32::try_from(ws.initiatives_of_phase(&phase.id).len()).unwrap_or(u32::MAX)
            });
            let initiative = draft.into_initiative(&phase.id, *position);
            *position = position.saturating_add(1);
            Edit::CreateInitiative { initiative }
        })
        .collect();
    Ok(Some(Edit::Batch {
        label: truncate(&format!("Draft plan for {}", journey.name), MAX_NAME_CHARS),
        edits,
    }))
}

/// An initiative to be, before it has a phase and a position.
struct Draft {
    /// 0-based phase position.
    phase: usize,
    title: String,
    description: String,
    owner: String,
    impact: u8,
    effort: u8,
    step_ids: Vec<Id>,
    handoff_ids: Vec<Id>,
    suggestion_keys: Vec<String>,
    expected_effect: Option<ExpectedEffect>,
}

impl Draft {
    fn into_initiative(self, phase_id: &str, position: u32) -> Initiative {
        Initiative {
            id: new_id(),
            phase_id: phase_id.to_owned(),
            position,
            title: truncate(&self.title, MAX_NAME_CHARS),
            description: truncate(&self.description, MAX_LONG_TEXT_CHARS),
            owner: truncate(self.owner.trim(), MAX_NAME_CHARS),
            status: InitiativeStatus::Proposed,
            impact: self.impact,
            effort: self.effort,
            started: None,
            due: None,
            step_ids: self.step_ids,
            handoff_ids: self.handoff_ids,
            suggestion_keys: self.suggestion_keys,
            expected_effect: self.expected_effect,
        }
    }
}

/// At most `max` characters (never cutting a character in two).
fn truncate(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((end, _)) => text[..end].to_owned(),
        None => text.to_owned(),
    }
}

/// Drafts initiatives from one journey's suggestions.
struct Drafter<'a> {
    ws: &'a Workspace,
    analysis: &'a JourneyAnalysis,
    analysed: &'a Analysed<'a>,
}

impl Drafter<'_> {
    /// The `measure_touchpoint` suggestions as one initiative.
    fn measure_all(&self, suggestions: &[&Suggestion]) -> Draft {
        let n = suggestions.len();
        let title = if n == 1 {
            "Measure the 1 unscored touchpoint".to_owned()
        } else {
            format!("Measure the {n} unscored touchpoints")
        };
        let reasons: Vec<&str> = suggestions.iter().map(|s| s.reason.as_str()).collect();
        let step_ids = unique(suggestions.iter().flat_map(|s| s.step_ids.iter()));
        let evidence = evidence_of_links(self.analysed, &step_ids, &[]);
        Draft {
            phase: 0,
            title,
            description: reasons.join("\n"),
            owner: String::new(),
            impact: impact_of_evidence(evidence.score),
            effort: 1,
            step_ids,
            handoff_ids: Vec::new(),
            suggestion_keys: suggestions.iter().map(|s| s.key.clone()).collect(),
            expected_effect: None,
        }
    }

    /// One suggestion (any rule but `measure_touchpoint`) as one initiative.
    fn one(&self, s: &Suggestion) -> Draft {
        let key_id = s.key.split(':').nth(1).unwrap_or("");
        let first_handoff = s.handoff_ids.first().and_then(|h| self.ws.handoffs.get(h));
        let sending = first_handoff.map(|h| h.from_step_id.as_str());
        let receiving = first_handoff.map(|h| h.to_step_id.as_str());
        let (phase, effort, owner_step, receiving_step, title) = match s.rule {
            SuggestionRule::SendNotes => (
                0,
                1,
                sending,
                receiving,
                format!(
                    "Send the notes along: {}",
                    self.handoff_words(first_handoff)
                ),
            ),
            SuggestionRule::SecureRoute => (
                0,
                2,
                sending,
                receiving,
                format!("Secure the route: {}", self.handoff_words(first_handoff)),
            ),
            SuggestionRule::BlindToAssisted => (
                1,
                2,
                sending,
                receiving,
                format!("Make it assisted: {}", self.handoff_words(first_handoff)),
            ),
            SuggestionRule::CarryVerification => {
                // Keyed by the re-verifying step, or by the handoff marked `reverify`.
                let step = match self.ws.handoffs.get(key_id) {
                    Some(h) => Some(h.to_step_id.as_str()),
                    None => self.ws.steps.get(key_id).map(|st| st.id.as_str()),
                };
                (
                    1,
                    3,
                    step,
                    step,
                    format!("Carry the verification across to {}", self.step_title(step)),
                )
            }
            SuggestionRule::FlagChain => {
                let flag = self
                    .analysis
                    .chains
                    .iter()
                    .find(|c| c.handoff_ids.first().map(String::as_str) == Some(key_id))
                    .and_then(|c| c.flag_at_handoff_id.as_ref())
                    .and_then(|h| self.ws.handoffs.get(h));
                let step = flag.map(|h| h.to_step_id.as_str());
                (
                    1,
                    3,
                    step,
                    step,
                    format!(
                        "Flag the chain of {} transfers at {}",
                        s.handoff_ids.len(),
                        self.step_title(step)
                    ),
                )
            }
            SuggestionRule::ConcentrateTouchpoints => {
                let stage = self.ws.stages.get(key_id).map_or("", |st| st.name.as_str());
                (
                    1,
                    4,
                    None,
                    None,
                    format!("Concentrate the touchpoints of {stage}"),
                )
            }
            SuggestionRule::InvestigateTouchpoint | SuggestionRule::MeasureTouchpoint => {
                let step = self.ws.steps.get(key_id).map(|st| st.id.as_str());
                let metric = s
                    .metric_ids
                    .first()
                    .and_then(|m| self.ws.metrics.get(m))
                    .map_or("", |m| m.name.as_str());
                (
                    2,
                    2,
                    step,
                    None,
                    format!("Investigate {} on {metric}", self.step_title(step)),
                )
            }
        };
        let expected_effect = if s.rule == SuggestionRule::InvestigateTouchpoint {
            s.metric_ids
                .first()
                .and_then(|metric_id| self.target_effect(key_id, Some(metric_id)))
        } else {
            receiving_step.and_then(|step| self.target_effect(step, None))
        };
        let evidence = evidence_of_links(self.analysed, &s.step_ids, &s.handoff_ids);
        Draft {
            phase,
            title,
            description: s.reason.clone(),
            owner: self.department_of(owner_step),
            impact: impact_of_evidence(evidence.score),
            effort,
            step_ids: s.step_ids.clone(),
            handoff_ids: s.handoff_ids.clone(),
            suggestion_keys: vec![s.key.clone()],
            expected_effect,
        }
    }

    fn step_title(&self, step_id: Option<&str>) -> String {
        step_id
            .and_then(|id| self.ws.steps.get(id))
            .map(|s| format!("\"{}\"", s.title))
            .unwrap_or_else(|| "a step".to_owned())
    }

    fn handoff_words(&self, handoff: Option<&Handoff>) -> String {
        match handoff {
            Some(h) => format!(
                "{} → {}",
                self.step_title(Some(&h.from_step_id)),
                self.step_title(Some(&h.to_step_id))
            ),
            None => "a handoff".to_owned(),
        }
    }

    /// The department of a step's lane (empty when it has none).
    fn department_of(&self, step_id: Option<&str>) -> String {
        step_id
            .and_then(|id| self.ws.steps.get(id))
            .and_then(|step| self.ws.lanes.get(&step.lane_id))
            .and_then(|lane| lane.department.clone())
            .unwrap_or_default()
    }

    /// The target of `step_id` on `metric_id` as an expected effect; without a metric, its only
    /// target when it has exactly one. A target outside its metric's score range is skipped
    /// (the initiative would not validate).
    fn target_effect(&self, step_id: &str, metric_id: Option<&String>) -> Option<ExpectedEffect> {
        let subject = Subject {
            kind: SubjectKind::Step,
            id: step_id.to_owned(),
        };
        let targets: Vec<&Target> = self
            .ws
            .targets
            .values()
            .filter(|t| t.subject == subject)
            .filter(|t| metric_id.is_none_or(|m| &t.metric_id == m))
            .collect();
        let [target] = targets.as_slice() else {
            return None;
        };
        let metric = self.ws.metrics.get(&target.metric_id)?;
        let (low, high) = score_range(metric);
        (low..=high)
            .contains(&target.value)
            .then(|| ExpectedEffect {
                metric_id: target.metric_id.clone(),
                subject: Some(subject),
                value: target.value,
            })
    }
}

/// The ids in first-seen order, each once.
fn unique<'i>(ids: impl Iterator<Item = &'i Id>) -> Vec<Id> {
    let mut seen = BTreeSet::new();
    ids.filter(|id| seen.insert(id.as_str())).cloned().collect()
}
