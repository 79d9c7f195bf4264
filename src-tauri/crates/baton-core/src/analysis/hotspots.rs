//! Hotspots: handoffs ranked by friction, touchpoints ranked by gap to target.

use super::{HandoffAnalysis, HandoffHotspot, Hotspots, TouchpointHotspot, TouchpointStanding};

/// `touchpoints` come in journey order, each with its standings by metric position then id:
/// the order that breaks ties between equal gaps, so a stable sort by gap alone ranks them.
pub(super) fn hotspots(
    handoffs: &[HandoffAnalysis],
    touchpoints: &[TouchpointStanding],
) -> Hotspots {
    // Handoffs arrive in handoff order; a stable sort keeps it among equal friction.
    let mut ranked: Vec<&HandoffAnalysis> =
        handoffs.iter().filter(|h| h.friction.score > 0).collect();
    ranked.sort_by_key(|h| std::cmp::Reverse(h.friction.score));

    let mut gaps: Vec<TouchpointHotspot> = touchpoints
        .iter()
        .flat_map(|t| &t.standings)
        .filter_map(|s| {
            Some(TouchpointHotspot {
                step_id: s.subject.id.clone(),
                metric_id: s.metric_id.clone(),
                latest: s.latest.as_ref()?.value,
                target: s.target?,
                gap: s.gap?,
                normalised_gap: s.normalised_gap?,
            })
        })
        .collect();
    gaps.sort_by(|a, b| a.normalised_gap.total_cmp(&b.normalised_gap));
    Hotspots {
        handoffs: ranked
            .into_iter()
            .map(|h| HandoffHotspot {
                handoff_id: h.handoff_id.clone(),
                friction: h.friction.score,
            })
            .collect(),
        touchpoints: gaps,
    }
}
