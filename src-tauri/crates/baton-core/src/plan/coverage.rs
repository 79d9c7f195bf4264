//! Coverage of a journey by the plan: the suggestions that a non-dropped initiative addresses
//! (by key) and those none does; the flagged chains and the five worst handoffs that no
//! non-dropped initiative links. Unaddressed items are listed, not only counted: the first
//! fifty unaddressed suggestions whole (a big journey has thousands, which `baton analyze`
//! lists; copying them all was a fifth of `plan_view`), with the count of all of them.

use serde::{Deserialize, Serialize};
use specta::Type;

use crate::analysis::{HandoffHotspot, JourneyAnalysis, Suggestion, TransferChain};
use crate::id_map::{self, IdMap};
use crate::model::{Id, Initiative, InitiativeStatus};

/// How many of the worst handoffs coverage looks at.
pub const WORST_HANDOFFS: usize = 5;

/// How many unaddressed suggestions coverage lists whole.
pub const LISTED_SUGGESTIONS: usize = 50;

/// One journey's coverage by the plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct Coverage {
    pub journey_id: Id,
    pub journey_name: String,
    /// Keys of the journey's suggestions that a non-dropped initiative addresses, in the
    /// analysis' suggestion order.
    pub addressed_suggestions: Vec<String>,
    /// The first `LISTED_SUGGESTIONS` of the suggestions no non-dropped initiative addresses,
    /// whole, in the analysis' order.
    pub unaddressed_suggestions: Vec<Suggestion>,
    /// How many suggestions no non-dropped initiative addresses (listed or not).
    pub unaddressed_suggestion_count: u32,
    /// How many transfer chains are flagged (two transfers or more).
    pub flagged_chains: u32,
    /// The flagged chains none of whose handoffs a non-dropped initiative links.
    pub unaddressed_chains: Vec<TransferChain>,
    /// The journey's worst handoffs (at most five, friction above 0, worst first).
    pub worst_handoffs: Vec<HandoffHotspot>,
    /// Those of `worst_handoffs` that no non-dropped initiative links, worst first.
    pub unaddressed_handoffs: Vec<HandoffHotspot>,
}

/// The coverage of one analysed journey by `initiatives` (dropped ones are ignored here).
pub(super) fn coverage_of<'i>(
    journey_name: &str,
    analysis: &JourneyAnalysis,
    initiatives: impl Iterator<Item = &'i Initiative>,
) -> Coverage {
    let mut keys: IdMap<&str, ()> = id_map::with_capacity(0);
    let mut handoffs: IdMap<&str, ()> = id_map::with_capacity(0);
    for initiative in initiatives.filter(|i| i.status != InitiativeStatus::Dropped) {
        keys.extend(initiative.suggestion_keys.iter().map(|k| (k.as_str(), ())));
        handoffs.extend(initiative.handoff_ids.iter().map(|h| (h.as_str(), ())));
    }
    let (addressed, unaddressed): (Vec<&Suggestion>, Vec<&Suggestion>) = analysis
        .suggestions
        .iter()
        .partition(|s| keys.contains_key(s.key.as_str()));
    let flagged: Vec<&TransferChain> = analysis.chains.iter().filter(|c| c.flagged).collect();
    let worst: Vec<HandoffHotspot> = analysis
        .hotspots
        .handoffs
        .iter()
        .take(WORST_HANDOFFS)
        .cloned()
        .collect();
    Coverage {
        journey_id: analysis.journey_id.clone(),
        journey_name: journey_name.to_owned(),
        addressed_suggestions: addressed.iter().map(|s| s.key.clone()).collect(),
        unaddressed_suggestion_count: u32::try_from(unaddressed.len()).unwrap_or(u32::MAX),
        unaddressed_suggestions: unaddressed
            .into_iter()
            .take(LISTED_SUGGESTIONS)
            .cloned()
            .collect(),
        flagged_chains: u32::try_from(flagged.len()).unwrap_or(u32::MAX),
        unaddressed_chains: flagged
            .into_iter()
            .filter(|c| {
                !c.handoff_ids
                    .iter()
                    .any(|h| handoffs.contains_key(h.as_str()))
            })
            .cloned()
            .collect(),
        unaddressed_handoffs: worst
            .iter()
            .filter(|h| !handoffs.contains_key(h.handoff_id.as_str()))
            .cloned()
            .collect(),
        worst_handoffs: worst,
    }
}
