//! Suggestions: DOMAIN.md's rules drawn from the seeds. Each has a stable key (rule prefix and
//! the ids it is about), names its evidence by id and gives its reason naming steps and lanes by
//! title. Order: by rule (as listed in `SuggestionRule`), then in journey or handoff order.

use std::collections::BTreeMap;

use crate::model::{ContextTransfer, Handoff, HandoffMode, Id, Metric, Sourcing};

use super::index::{JourneyIndex, StepName};
use super::{
    HandoffAnalysis, Reverification, Suggestion, SuggestionRule, TouchpointStanding, TransferChain,
};
use crate::id_map::{self, IdMap};

/// What the analysis found, that the rules read.
pub(super) struct Findings<'r> {
    pub handoffs: &'r [HandoffAnalysis],
    /// The places in `journey.handoffs` of `handoffs`, in the same order.
    pub handoff_order: &'r [usize],
    pub chains: &'r [TransferChain],
    pub reverifications: &'r [Reverification],
    pub touchpoints: &'r [TouchpointStanding],
    /// Touchpoints with no score on any metric, in journey order.
    pub unscored_touchpoints: &'r [&'r str],
}

pub(super) fn suggestions(
    metrics: &BTreeMap<Id, Metric>,
    journey: &JourneyIndex,
    findings: &Findings,
) -> Vec<Suggestion> {
    let mut handoff_place: IdMap<&str, usize> = id_map::with_capacity(journey.handoffs.len());
    let mut arriving: IdMap<&str, Vec<&str>> = id_map::with_capacity(journey.handoffs.len());
    for (place, h) in journey.handoffs.iter().enumerate() {
        handoff_place.insert(h.id.as_str(), place);
        arriving
            .entry(h.to_step_id.as_str())
            .or_default()
            .push(h.id.as_str());
    }
    let rules = Rules {
        metrics,
        journey,
        handoff_place,
        arriving,
    };
    // Each analysed handoff with its place in `journey.handoffs`.
    let analysed = || {
        findings
            .handoffs
            .iter()
            .zip(findings.handoff_order.iter().copied())
    };
    let mut all = Vec::new();
    all.extend(
        findings
            .chains
            .iter()
            .filter(|c| c.flagged)
            .map(|c| rules.flag_chain(c)),
    );
    all.extend(analysed().filter_map(|(h, place)| rules.blind_to_assisted(h, place)));
    all.extend(
        findings
            .reverifications
            .iter()
            .filter_map(|r| rules.carry_verification(r)),
    );
    all.extend(analysed().filter_map(|(h, place)| rules.send_notes(h, place)));
    all.extend(rules.concentrate_touchpoints());
    all.extend(analysed().filter_map(|(h, place)| rules.secure_route(h, place)));
    all.extend(
        findings
            .unscored_touchpoints
            .iter()
            .map(|s| rules.measure_touchpoint(s)),
    );
    all.extend(
        findings
            .touchpoints
            .iter()
            .flat_map(|t| rules.investigate_touchpoint(t)),
    );
    all
}

struct Rules<'a, 'w> {
    metrics: &'w BTreeMap<Id, Metric>,
    journey: &'a JourneyIndex<'w>,
    /// Handoff id -> place in `journey.handoffs`.
    handoff_place: IdMap<&'w str, usize>,
    /// Step id -> ids of the handoffs arriving at it, by handoff id.
    arriving: IdMap<&'w str, Vec<&'w str>>,
}

fn seeds(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| (*s).to_owned()).collect()
}

/// The title of a seed article ("000".."004"), as a suggestion names its source: people read
/// the article's title, never an internal number. Seed 000 has no title; it is named by what
/// its opening sentence is about.
pub fn source_title(seed: &str) -> Option<&'static str> {
    Some(match seed {
        "000" => "Handoffs in In-house and Outsourced Business Processes",
        "001" => "Seamlessness in Action: The Crucial Role of Handoffs in Processes",
        "002" => "Business Process Handoffs",
        "003" => {
            "The Critical Role of Seamless Handoffs in Enhancing Customer Experience: A Deeper Dive"
        }
        "004" => "Are You Missing an Easy Customer Service Opportunity with the Handoff?",
        _ => return None,
    })
}

impl<'w> Rules<'_, 'w> {
    fn suggestion(
        &self,
        key: String,
        rule: SuggestionRule,
        reason: String,
        seed: &[&str],
    ) -> Suggestion {
        Suggestion {
            key,
            rule,
            reason,
            seeds: seeds(seed),
            sources: seed
                .iter()
                .filter_map(|s| source_title(s))
                .map(str::to_owned)
                .collect(),
            step_ids: Vec::new(),
            handoff_ids: Vec::new(),
            stage_ids: Vec::new(),
            metric_ids: Vec::new(),
        }
    }

    fn handoff(&self, id: &str) -> Option<&'w Handoff> {
        self.handoff_place
            .get(id)
            .map(|&place| self.journey.handoffs[place])
    }

    /// How reasons name the handoff at `place` in `journey.handoffs`: "from … to …".
    fn describe_handoff(&self, place: usize) -> HandoffName<'_> {
        let handoff = self.journey.handoffs[place];
        let (from, to) = self.journey.handoff_ends[place];
        HandoffName {
            from: self.describe_step(from, &handoff.from_step_id),
            to: self.describe_step(to, &handoff.to_step_id),
        }
    }

    /// `JourneyIndex::describe` of a step whose place is already known.
    fn describe_step<'s>(&'s self, place: Option<usize>, id: &'s str) -> StepName<'s> {
        match place {
            Some(place) => self.journey.describe_at(place),
            None => self.journey.describe(id),
        }
    }

    /// How a reason names the hand-over between the steps at `from` and `to`: an internal
    /// referral only when no outsourced or offshore party is on either side (seed 000: handoffs
    /// to an outsourcer are between companies, not within one).
    fn referral(&self, from: Option<usize>, to: Option<usize>) -> String {
        let lane =
            |place: Option<usize>| place.and_then(|p| self.journey.lane_at(p)).map(|(_, l)| l);
        let (sender, receiver) = (lane(from), lane(to));
        let outside = |l: Option<&crate::model::Lane>| match l.and_then(|l| l.sourcing) {
            Some(Sourcing::Outsourced) => Some("outsourced"),
            Some(Sourcing::Offshore) => Some("offshore"),
            _ => None,
        };
        match (outside(sender), outside(receiver), receiver) {
            (_, Some(how), Some(l)) => format!("the hand-over to the {how} “{}”", l.name.trim()),
            (Some(_), None, Some(l)) => format!("the hand-over back to “{}”", l.name.trim()),
            _ => "the internal referral".to_owned(),
        }
    }

    fn metric_name(&self, id: &str) -> String {
        self.metrics
            .get(id)
            .map_or_else(|| id.to_owned(), |m| m.name.clone())
    }

    /// Seed 004: flag after the second transfer, route to a senior or special service lane.
    fn flag_chain(&self, chain: &TransferChain) -> Suggestion {
        let legs: Vec<&Handoff> = chain
            .handoff_ids
            .iter()
            .filter_map(|id| self.handoff(id))
            .collect();
        let mut path: Vec<&str> = Vec::new();
        for leg in &legs {
            if path.last() != Some(&leg.from_step_id.as_str()) {
                path.push(&leg.from_step_id);
            }
            path.push(&leg.to_step_id);
        }
        let route: Vec<String> = path
            .iter()
            .map(|s| self.journey.describe(s).to_string())
            .collect();
        let flag_at = chain
            .flag_at_handoff_id
            .as_deref()
            .and_then(|id| self.handoff(id))
            .map(|h| self.journey.describe(&h.to_step_id).to_string())
            .unwrap_or_default();
        let first = chain.handoff_ids.first().cloned().unwrap_or_default();
        let mut s = self.suggestion(
            format!("flag_chain:{first}"),
            SuggestionRule::FlagChain,
            format!(
                "The customer is passed on {} times in a row: {}. Flag the case after the second transfer (at {}) and route it to a senior or special service lane.",
                chain.handoff_ids.len(),
                route.join(" → "),
                flag_at
            ),
            &["004"],
        );
        s.handoff_ids = chain.handoff_ids.clone();
        s.step_ids = path.iter().map(|s| (*s).to_owned()).collect();
        s
    }

    /// Seed 004: a blind handoff followed by a drop or a retelling should be assisted.
    fn blind_to_assisted(&self, h: &HandoffAnalysis, place: usize) -> Option<Suggestion> {
        let handoff = self.journey.handoffs[place];
        if h.mode != HandoffMode::Blind || (h.drop.is_none() && !handoff.customer_repeats) {
            return None;
        }
        let mut effects = Vec::new();
        if let Some(drop) = &h.drop {
            effects.push(format!(
                "{} falls by {:.0} % of its range",
                self.metric_name(&drop.metric_id),
                drop.drop * 100.0
            ));
        }
        if handoff.customer_repeats {
            effects.push("the customer has to tell their story again".to_owned());
        }
        let mut s = self.suggestion(
            format!("blind_to_assisted:{}", h.handoff_id),
            SuggestionRule::BlindToAssisted,
            format!(
                "The blind transfer {}: {}. Make it assisted: brief the receiver before letting the customer go.",
                self.describe_handoff(place),
                effects.join(" and ")
            ),
            &["004"],
        );
        s.handoff_ids = vec![h.handoff_id.clone()];
        s.step_ids = vec![h.from_step_id.clone(), h.to_step_id.clone()];
        s.metric_ids = h.drop.iter().map(|d| d.metric_id.clone()).collect();
        Some(s)
    }

    /// Seed 004: carry the verification across the internal referral.
    fn carry_verification(&self, event: &Reverification) -> Option<Suggestion> {
        Some(match event {
            Reverification::Step {
                step_id,
                first_verification_step_id,
            } => {
                let arriving: Vec<Id> = self
                    .arriving
                    .get(step_id.as_str())
                    .map(|ids| ids.iter().map(|id| (*id).to_owned()).collect())
                    .unwrap_or_default();
                let place = |id: &str| self.journey.step_place.get(id).copied();
                let mut s = self.suggestion(
                    format!("carry_verification:{step_id}"),
                    SuggestionRule::CarryVerification,
                    format!(
                        "The customer proves who they are again at {}, after doing so at {}. Carry the verification across {}.",
                        self.journey.describe(step_id),
                        self.journey.describe(first_verification_step_id),
                        self.referral(place(first_verification_step_id), place(step_id))
                    ),
                    &["004"],
                );
                s.step_ids = vec![step_id.clone(), first_verification_step_id.clone()];
                s.handoff_ids = arriving;
                s
            }
            Reverification::Handoff { handoff_id } => {
                let place = *self.handoff_place.get(handoff_id.as_str())?;
                let handoff = self.journey.handoffs[place];
                let mut s = self.suggestion(
                    format!("carry_verification:{handoff_id}"),
                    SuggestionRule::CarryVerification,
                    format!(
                        "The customer must verify their identity again after the handoff {}. Carry the verification across {}.",
                        self.describe_handoff(place),
                        {
                            let (from, to) = self.journey.handoff_ends[place];
                            self.referral(from, to)
                        }
                    ),
                    &["004"],
                );
                s.handoff_ids = vec![handoff_id.clone()];
                s.step_ids = vec![handoff.from_step_id.clone(), handoff.to_step_id.clone()];
                s
            }
        })
    }

    /// Seeds 000 and 001: a retelling where context is none or partial: send the notes along.
    fn send_notes(&self, h: &HandoffAnalysis, place: usize) -> Option<Suggestion> {
        let handoff = self.journey.handoffs[place];
        let context = match handoff.context {
            ContextTransfer::Full => return None,
            ContextTransfer::Partial => "only part of the context",
            ContextTransfer::None => "no context",
        };
        if !handoff.customer_repeats {
            return None;
        }
        let mut s = self.suggestion(
            format!("send_notes:{}", h.handoff_id),
            SuggestionRule::SendNotes,
            format!(
                "The customer tells their story again after the handoff {}, which passes on {}. Send the notes along so the receiver starts where the sender stopped.",
                self.describe_handoff(place),
                context
            ),
            &["000", "001"],
        );
        s.handoff_ids = vec![h.handoff_id.clone()];
        s.step_ids = vec![h.from_step_id.clone(), h.to_step_id.clone()];
        Some(s)
    }

    /// Seed 000: touchpoints of several parties in one stage: concentrate them.
    fn concentrate_touchpoints(&self) -> Vec<Suggestion> {
        // Touchpoint places by stage place, in journey order.
        let mut by_stage: Vec<Vec<usize>> = vec![Vec::new(); self.journey.stages.len()];
        for (place, facts) in self.journey.facts.iter().enumerate() {
            if let (true, Some(stage)) = (facts.touchpoint, facts.stage) {
                by_stage[stage].push(place);
            }
        }
        let mut out = Vec::new();
        for (stage, places) in self.journey.stages.iter().zip(&by_stage) {
            // Party key -> display name (the last seen, in journey order).
            let mut parties: BTreeMap<&str, &str> = BTreeMap::new();
            let mut steps = Vec::new();
            for &place in places {
                if let Some((key, name)) = self.journey.party_at(place) {
                    parties.insert(key, name);
                    steps.push(self.journey.steps[place].id.clone());
                }
            }
            if parties.len() < 2 {
                continue;
            }
            let names: Vec<&str> = parties.into_values().collect();
            let mut s = self.suggestion(
                format!("concentrate_touchpoints:{}", stage.id),
                SuggestionRule::ConcentrateTouchpoints,
                format!(
                    "In “{}” the customer deals with {} parties ({}) at {} touchpoints. Concentrate them into one interaction (single interaction resolution).",
                    stage.name.trim(),
                    names.len(),
                    names.join(", "),
                    steps.len()
                ),
                &["000"],
            );
            s.stage_ids = vec![stage.id.clone()];
            s.step_ids = steps;
            out.push(s);
        }
        out
    }

    /// Seed 001: sensitive data without a secure channel: fix the route.
    fn secure_route(&self, h: &HandoffAnalysis, place: usize) -> Option<Suggestion> {
        let handoff = self.journey.handoffs[place];
        if !handoff.sensitive || handoff.secure_channel {
            return None;
        }
        let mut s = self.suggestion(
            format!("secure_route:{}", h.handoff_id),
            SuggestionRule::SecureRoute,
            format!(
                "Sensitive data changes hands {} without a secure channel. Fix the route: send it by an approved, secure channel.",
                self.describe_handoff(place)
            ),
            &["001"],
        );
        s.handoff_ids = vec![h.handoff_id.clone()];
        s.step_ids = vec![h.from_step_id.clone(), h.to_step_id.clone()];
        Some(s)
    }

    /// Seed 003: a touchpoint with no score: measure it.
    fn measure_touchpoint(&self, step_id: &str) -> Suggestion {
        let mut s = self.suggestion(
            format!("measure_touchpoint:{step_id}"),
            SuggestionRule::MeasureTouchpoint,
            format!(
                "The touchpoint {} has no score. Measure it: survey customers there and benchmark it.",
                self.journey.describe(step_id)
            ),
            &["003"],
        );
        s.step_ids = vec![step_id.to_owned()];
        s
    }

    /// Seed 003: a touchpoint below its target: investigate it.
    fn investigate_touchpoint(&self, touchpoint: &TouchpointStanding) -> Vec<Suggestion> {
        touchpoint
            .standings
            .iter()
            .filter(|s| s.gap.is_some_and(|g| g < 0.0))
            .filter_map(|standing| {
                let latest = standing.latest.as_ref()?.value;
                let target = standing.target?;
                let mut s = self.suggestion(
                    format!(
                        "investigate_touchpoint:{}:{}",
                        touchpoint.step_id, standing.metric_id
                    ),
                    SuggestionRule::InvestigateTouchpoint,
                    format!(
                        "The touchpoint {} scores {} on {} against a target of {}. Investigate why it falls short.",
                        self.journey.describe(&touchpoint.step_id),
                        format_number(latest),
                        self.metric_name(&standing.metric_id),
                        format_number(target)
                    ),
                    &["003"],
                );
                s.step_ids = vec![touchpoint.step_id.clone()];
                s.metric_ids = vec![standing.metric_id.clone()];
                Some(s)
            })
            .collect()
    }
}

/// A score as people write it: no decimals when whole, else one.
fn format_number(value: f64) -> String {
    if value.fract() == 0.0 {
        format!("{value:.0}")
    } else {
        format!("{value:.1}")
    }
}

/// "from “A” (Lane) to “B” (Lane)", written straight into a reason.
struct HandoffName<'a> {
    from: StepName<'a>,
    to: StepName<'a>,
}

impl std::fmt::Display for HandoffName<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "from {} to {}", self.from, self.to)
    }
}
