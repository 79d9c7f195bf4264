//! Hotspots: handoffs ranked by friction, touchpoints ranked by gap to target.

use std::collections::HashMap;

use crate::model::Workspace;

use super::index::JourneyIndex;
use super::{HandoffAnalysis, HandoffHotspot, Hotspots, TouchpointHotspot, TouchpointStanding};

pub(super) fn hotspots(
    ws: &Workspace,
    journey: &JourneyIndex,
    handoffs: &[HandoffAnalysis],
    touchpoints: &[TouchpointStanding],
) -> Hotspots {
    // Handoffs arrive in handoff order; a stable sort keeps it among equal friction.
    let mut ranked: Vec<&HandoffAnalysis> =
        handoffs.iter().filter(|h| h.friction.score > 0).collect();
    ranked.sort_by_key(|h| std::cmp::Reverse(h.friction.score));

    let metric_position: HashMap<&str, u32> = ws
        .metrics
        .values()
        .map(|m| (m.id.as_str(), m.position))
        .collect();
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
    gaps.sort_by(|a, b| {
        a.normalised_gap
            .total_cmp(&b.normalised_gap)
            .then(journey.place(&a.step_id).cmp(&journey.place(&b.step_id)))
            .then(
                metric_position
                    .get(a.metric_id.as_str())
                    .cmp(&metric_position.get(b.metric_id.as_str())),
            )
            .then(a.metric_id.cmp(&b.metric_id))
    });
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
