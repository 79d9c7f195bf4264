//! The friction score of a handoff (DOMAIN.md, "Friction score") and its breakdown.

use serde::{Deserialize, Serialize};
use specta::Type;

use crate::model::{ContextTransfer, Handoff, HandoffMode};

use super::{CrossingKind, Friction, FrictionFactor, FrictionItem, SatisfactionChange};

/// The weights of the friction score. `Default` gives DOMAIN.md's documented values.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct FrictionWeights {
    /// A blind (cold) transfer: 25.
    pub blind: u32,
    /// No context reaches the receiver: 20.
    pub context_none: u32,
    /// Part of the context reaches the receiver: 10.
    pub context_partial: u32,
    /// The customer verifies again: 15.
    pub reverify: u32,
    /// The customer tells their story again: 15.
    pub customer_repeats: u32,
    /// One point per this many minutes of waiting (floor): 6.
    pub wait_minutes_per_point: u32,
    /// At most this many points for waiting: 10.
    pub wait_max: u32,
    /// Per boundary crossed: 5.
    pub per_crossing: u32,
    /// Sensitive data without a secure channel: 10.
    pub sensitive_without_secure_channel: u32,
    /// A satisfaction drop (0..1) adds round(drop x this) when positive: 20.
    pub drop_scale: f64,
    /// The score never exceeds this: 100.
    pub cap: u32,
}

impl Default for FrictionWeights {
    fn default() -> Self {
        Self {
            blind: 25,
            context_none: 20,
            context_partial: 10,
            reverify: 15,
            customer_repeats: 15,
            wait_minutes_per_point: 6,
            wait_max: 10,
            per_crossing: 5,
            sensitive_without_secure_channel: 10,
            drop_scale: 20.0,
            cap: 100,
        }
    }
}

/// The friction of one handoff. Items worth 0 points are left out of the breakdown.
pub(super) fn friction(
    handoff: &Handoff,
    crossings: &[CrossingKind],
    drop: Option<&SatisfactionChange>,
    weights: &FrictionWeights,
) -> Friction {
    let mut items = Vec::new();
    let mut add = |factor: FrictionFactor, points: u32| {
        if points > 0 {
            items.push(FrictionItem { factor, points });
        }
    };
    if handoff.mode == HandoffMode::Blind {
        add(FrictionFactor::Blind, weights.blind);
    }
    match handoff.context {
        ContextTransfer::None => add(FrictionFactor::ContextNone, weights.context_none),
        ContextTransfer::Partial => add(FrictionFactor::ContextPartial, weights.context_partial),
        ContextTransfer::Full => {}
    }
    if handoff.reverify {
        add(FrictionFactor::Reverify, weights.reverify);
    }
    if handoff.customer_repeats {
        add(FrictionFactor::CustomerRepeats, weights.customer_repeats);
    }
    // A zero divisor (a user's odd weights) means waiting is not counted.
    if let Some(points) = handoff
        .wait_minutes
        .checked_div(weights.wait_minutes_per_point)
    {
        add(FrictionFactor::Wait, points.min(weights.wait_max));
    }
    for kind in crossings {
        let factor = match kind {
            CrossingKind::Department => FrictionFactor::DepartmentCrossing,
            CrossingKind::Sourcing => FrictionFactor::SourcingCrossing,
            CrossingKind::Automation => FrictionFactor::AutomationCrossing,
        };
        add(factor, weights.per_crossing);
    }
    if handoff.sensitive && !handoff.secure_channel {
        add(
            FrictionFactor::SensitiveWithoutSecureChannel,
            weights.sensitive_without_secure_channel,
        );
    }
    if let Some(change) = drop.filter(|c| c.drop > 0.0) {
        let points = (change.drop * weights.drop_scale).round();
        // A drop is at most 1, so the points fit; saturate rather than wrap on odd weights.
        add(
            FrictionFactor::SatisfactionDrop,
            points.clamp(0.0, u32::MAX as f64) as u32,
        );
    }
    let uncapped = items
        .iter()
        .fold(0u32, |sum, i| sum.saturating_add(i.points));
    Friction {
        score: uncapped.min(weights.cap),
        uncapped,
        items,
    }
}
