//! Transfer chains (DOMAIN.md): maximal runs of customer-visible handoffs in handoff order.
//! Between two consecutive ones the run breaks when a resolution step lies, in journey order,
//! from the first's receiving step to the second's sending step, both included. When the second
//! leaves from a step earlier than the first arrives at (a backward transfer), the same span
//! is read the other way round. Handoffs the customer does not see neither count nor break.

use super::index::JourneyIndex;
use super::{HandoffAnalysis, TransferChain};

/// `handoffs` are the analysed handoffs in handoff order; `handoff_order` their places in
/// `journey.handoffs`, in the same order.
pub(super) fn transfer_chains(
    journey: &JourneyIndex,
    handoffs: &[HandoffAnalysis],
    handoff_order: &[usize],
) -> Vec<TransferChain> {
    // resolutions_before[p] = resolution steps among the first p steps of the journey order.
    let mut resolutions_before = Vec::with_capacity(journey.steps.len() + 1);
    resolutions_before.push(0usize);
    for facts in &journey.facts {
        let so_far = resolutions_before.last().copied().unwrap_or(0);
        resolutions_before.push(so_far + usize::from(facts.resolution));
    }
    let resolution_between = |from_step: Option<usize>, to_step: Option<usize>| {
        let (Some(a), Some(b)) = (from_step, to_step) else {
            return false;
        };
        let (low, high) = (a.min(b), a.max(b));
        resolutions_before[high + 1] > resolutions_before[low]
    };

    let mut chains: Vec<Vec<&HandoffAnalysis>> = Vec::new();
    // The receiving step's place of the previous customer-visible handoff.
    let mut previous: Option<Option<usize>> = None;
    for (handoff, &h) in handoffs
        .iter()
        .zip(handoff_order)
        .filter(|(h, _)| h.customer_visible)
    {
        let (from, to) = journey.handoff_ends[h];
        let continues = previous.is_some_and(|arrived| !resolution_between(arrived, from));
        match chains.last_mut() {
            Some(chain) if continues => chain.push(handoff),
            _ => chains.push(vec![handoff]),
        }
        previous = Some(to);
    }
    chains
        .into_iter()
        .map(|chain| TransferChain {
            flagged: chain.len() >= 2,
            flag_at_handoff_id: chain.get(1).map(|h| h.handoff_id.clone()),
            handoff_ids: chain.iter().map(|h| h.handoff_id.clone()).collect(),
        })
        .collect()
}
