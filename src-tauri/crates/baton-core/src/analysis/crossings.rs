//! Boundary crossings of a handoff (DOMAIN.md, "Handoff"): department (both set and different,
//! compared trimmed and case-insensitively), sourcing (in-house on one side, outsourced or
//! offshore on the other), automation (manual on one side, automated on the other). An
//! attribute unset on either side crosses nothing.

use crate::model::Sourcing;

use super::index::JourneyIndex;
use super::{CrossingKind, CrossingTotals, HandoffAnalysis};

/// The crossings of a handoff between the steps at these places.
pub(super) fn crossings(
    journey: &JourneyIndex,
    (from, to): (Option<usize>, Option<usize>),
) -> Vec<CrossingKind> {
    let (Some(from), Some(to)) = (
        from.and_then(|p| journey.lane_at(p)),
        to.and_then(|p| journey.lane_at(p)),
    ) else {
        return Vec::new();
    };
    let ((from_place, from), (to_place, to)) = (from, to);
    let mut kinds = Vec::new();
    if let (Some(a), Some(b)) = (
        journey.department_key(from_place),
        journey.department_key(to_place),
    ) {
        if a != b {
            kinds.push(CrossingKind::Department);
        }
    }
    if let (Some(a), Some(b)) = (from.sourcing, to.sourcing) {
        if (a == Sourcing::InHouse) != (b == Sourcing::InHouse) {
            kinds.push(CrossingKind::Sourcing);
        }
    }
    if let (Some(a), Some(b)) = (from.work, to.work) {
        if a != b {
            kinds.push(CrossingKind::Automation);
        }
    }
    kinds
}

pub(super) fn totals(handoffs: &[HandoffAnalysis]) -> CrossingTotals {
    let mut totals = CrossingTotals::default();
    for kind in handoffs.iter().flat_map(|h| &h.crossings) {
        match kind {
            CrossingKind::Department => totals.department += 1,
            CrossingKind::Sourcing => totals.sourcing += 1,
            CrossingKind::Automation => totals.automation += 1,
        }
        totals.total += 1;
    }
    totals
}
