//! Evidence of an initiative: the friction it addresses, so that a manager sees when the
//! declared impact and the data disagree. The sum of the friction scores of its handoffs (each
//! once, however often it is listed), plus, for each of its touchpoints that misses a target,
//! round(|normalised gap| x 100) per metric missed.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};
use specta::Type;

use crate::model::{Id, Initiative};

use super::journeys::Analysed;

/// The friction an initiative addresses, with its parts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct Evidence {
    /// The total: `handoffs`' friction plus `touchpoints`' points (0 when it links nothing
    /// measured).
    pub score: u32,
    /// Each linked handoff once, in the initiative's order, with its friction (0..100).
    pub handoffs: Vec<HandoffEvidence>,
    /// Each missed target of a linked touchpoint, in the initiative's step order, then metric
    /// position.
    pub touchpoints: Vec<TouchpointEvidence>,
}

/// A linked handoff's part of the evidence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct HandoffEvidence {
    pub handoff_id: Id,
    /// Its friction score (0..100).
    pub friction: u32,
}

/// A linked touchpoint's missed target, part of the evidence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct TouchpointEvidence {
    pub step_id: Id,
    pub metric_id: Id,
    /// The gap to target as a share of the metric's score range (negative: below target).
    pub normalised_gap: f64,
    /// round(|normalised_gap| x 100).
    pub points: u32,
}

/// The evidence of the given links (an initiative's or a draft's).
pub(super) fn evidence_of_links(
    analysed: &Analysed,
    step_ids: &[Id],
    handoff_ids: &[Id],
) -> Evidence {
    let mut seen = BTreeSet::new();
    let handoffs: Vec<HandoffEvidence> = handoff_ids
        .iter()
        .filter(|id| seen.insert(id.as_str()))
        .filter_map(|id| {
            Some(HandoffEvidence {
                handoff_id: id.clone(),
                friction: analysed.friction(id)?,
            })
        })
        .collect();
    let mut seen_steps = BTreeSet::new();
    let touchpoints: Vec<TouchpointEvidence> = step_ids
        .iter()
        .filter(|id| seen_steps.insert(id.as_str()))
        .flat_map(|step_id| {
            analysed
                .misses(step_id)
                .iter()
                .map(|miss| TouchpointEvidence {
                    step_id: step_id.clone(),
                    metric_id: miss.metric_id.to_owned(),
                    normalised_gap: miss.normalised_gap,
                    points: points_of_gap(miss.normalised_gap),
                })
                .collect::<Vec<_>>()
        })
        .collect();
    let score = handoffs.iter().map(|h| h.friction).sum::<u32>()
        + touchpoints.iter().map(|t| t.points).sum::<u32>();
    Evidence {
        score,
        handoffs,
        touchpoints,
    }
}

/// The evidence of an initiative.
pub(super) fn evidence_of(analysed: &Analysed, initiative: &Initiative) -> Evidence {
    evidence_of_links(analysed, &initiative.step_ids, &initiative.handoff_ids)
}

/// round(|gap| x 100): a normalised gap lies in -1..1, so this is 0..100.
fn points_of_gap(normalised_gap: f64) -> u32 {
    let points = (normalised_gap.abs() * 100.0).round();
    if points.is_finite() {
        points.clamp(0.0, 100.0) as u32
    } else {
        0
    }
}
