//! The analysis side by side: summary figures, paired handoffs' friction, paired touchpoints'
//! latest score against target.

use std::collections::BTreeMap;

use crate::analysis::{HandoffAnalysis, Summary, TouchpointStanding};
use crate::id_map::{self, IdMap};
use crate::model::{Id, Metric};
use crate::scores::MetricStanding;

use super::pairing::Pairs;
use super::{Better, FigureChange, HandoffFrictionChange, Reading, TouchpointChange, Version};

type Figure = (
    &'static str,
    &'static str,
    Better,
    fn(&Summary) -> Option<f64>,
);

/// Every field of `Summary`, in its order, with the way it is better.
const FIGURES: &[Figure] = &[
    ("steps", "Steps", Better::Neither, |s| Some(s.steps.into())),
    ("handoffs", "Handoffs", Better::Lower, |s| {
        Some(s.handoffs.into())
    }),
    (
        "customer_visible_handoffs",
        "Customer-visible handoffs",
        Better::Lower,
        |s| Some(s.customer_visible_handoffs.into()),
    ),
    ("touchpoints", "Touchpoints", Better::Neither, |s| {
        Some(s.touchpoints.into())
    }),
    (
        "parties",
        "Parties the customer deals with",
        Better::Lower,
        |s| Some(s.parties.into()),
    ),
    ("blind_handoffs", "Blind handoffs", Better::Lower, |s| {
        Some(s.blind_handoffs.into())
    }),
    (
        "assisted_handoffs",
        "Assisted handoffs",
        Better::Neither,
        |s| Some(s.assisted_handoffs.into()),
    ),
    (
        "automated_handoffs",
        "Automated handoffs",
        Better::Neither,
        |s| Some(s.automated_handoffs.into()),
    ),
    ("blind_share", "Blind share", Better::Lower, |s| {
        s.blind_share
    }),
    ("reverifications", "Re-verifications", Better::Lower, |s| {
        Some(s.reverifications.into())
    }),
    ("retellings", "Retellings", Better::Lower, |s| {
        Some(s.retellings.into())
    }),
    (
        "flagged_chains",
        "Flagged transfer chains",
        Better::Lower,
        |s| Some(s.flagged_chains.into()),
    ),
    (
        "longest_chain",
        "Longest transfer chain",
        Better::Lower,
        |s| Some(s.longest_chain.into()),
    ),
    ("mean_friction", "Mean friction", Better::Lower, |s| {
        s.mean_friction
    }),
    ("max_friction", "Highest friction", Better::Lower, |s| {
        Some(s.max_friction.into())
    }),
];

pub(super) fn summary(a: &Summary, b: &Summary) -> Vec<FigureChange> {
    FIGURES
        .iter()
        .map(|&(key, label, better, value)| {
            let (a, b) = (value(a), value(b));
            FigureChange {
                key: key.to_owned(),
                label: label.to_owned(),
                a,
                b,
                difference: a.zip(b).map(|(a, b)| b - a),
                better,
            }
        })
        .collect()
}

/// Each paired handoff's friction, in B's handoff order.
pub(super) fn handoff_friction(
    a: Version<'_>,
    b: Version<'_>,
    pairs: &Pairs,
) -> Vec<HandoffFrictionChange> {
    let a_analysis = by_handoff(&a.analysis.handoffs);
    let b_index = index_of(b.model.handoffs.iter().map(|h| h.id.as_str()));
    let titles = titles(b);
    b.analysis
        .handoffs
        .iter()
        .filter_map(|after| {
            let bi = *b_index.get(after.handoff_id.as_str())?;
            let ai = pairs.handoffs.b_to_a[bi]?;
            let a_id = &a.model.handoffs[ai].id;
            let before = a_analysis.get(a_id.as_str())?;
            let (x, y) = (before.friction.score, after.friction.score);
            Some(HandoffFrictionChange {
                a_id: a_id.clone(),
                b_id: after.handoff_id.clone(),
                name: format!(
                    "{} → {}",
                    titles
                        .get(after.from_step_id.as_str())
                        .copied()
                        .unwrap_or(""),
                    titles.get(after.to_step_id.as_str()).copied().unwrap_or("")
                ),
                a: x,
                b: y,
                difference: i64::from(y)
                    .saturating_sub(i64::from(x))
                    .clamp(i64::from(i32::MIN), i64::from(i32::MAX))
                    as i32,
            })
        })
        .collect()
}

/// Each paired step that is a touchpoint with a score or target in either version: one entry
/// per metric either version has a standing on (by metric position, then id).
pub(super) fn touchpoints(
    a: Version<'_>,
    b: Version<'_>,
    pairs: &Pairs,
    metrics: &BTreeMap<Id, Metric>,
) -> Vec<TouchpointChange> {
    let a_standings = by_step(&a.analysis.touchpoints);
    let b_standings = by_step(&b.analysis.touchpoints);
    // Each metric's position, looked up by hash: the sort below runs once per touchpoint.
    let mut position: IdMap<&str, u32> = id_map::with_capacity(metrics.len());
    position.extend(metrics.values().map(|m| (m.id.as_str(), m.position)));
    let mut out = Vec::new();
    for (bi, step) in b.model.steps.iter().enumerate() {
        let Some(ai) = pairs.steps.b_to_a[bi] else {
            continue;
        };
        let a_id = &a.model.steps[ai].id;
        let before = a_standings
            .get(a_id.as_str())
            .map_or(&[][..], |t| &t.standings);
        let after = b_standings
            .get(step.id.as_str())
            .map_or(&[][..], |t| &t.standings);
        if before.is_empty() && after.is_empty() {
            continue;
        }
        let mut metric_ids: Vec<&Id> = before.iter().chain(after).map(|m| &m.metric_id).collect();
        metric_ids.sort_unstable_by_key(|id| {
            (position.get(id.as_str()).copied().unwrap_or(u32::MAX), *id)
        });
        metric_ids.dedup();
        for metric_id in metric_ids {
            let reading = |list: &[MetricStanding]| {
                list.iter()
                    .find(|m| &m.metric_id == metric_id)
                    .map(|m| Reading {
                        latest: m.latest.as_ref().map(|point| point.value),
                        target: m.target,
                        gap: m.gap,
                    })
            };
            out.push(TouchpointChange {
                a_id: a_id.clone(),
                b_id: step.id.clone(),
                title: step.title.clone(),
                metric_id: metric_id.clone(),
                a: reading(before),
                b: reading(after),
            });
        }
    }
    out
}

fn index_of<'m>(ids: impl Iterator<Item = &'m str>) -> IdMap<&'m str, usize> {
    let mut map = id_map::with_capacity(ids.size_hint().0);
    for (place, id) in ids.enumerate() {
        map.insert(id, place);
    }
    map
}

fn by_handoff(list: &[HandoffAnalysis]) -> IdMap<&str, &HandoffAnalysis> {
    let mut map = id_map::with_capacity(list.len());
    for h in list {
        map.insert(h.handoff_id.as_str(), h);
    }
    map
}

fn by_step(list: &[TouchpointStanding]) -> IdMap<&str, &TouchpointStanding> {
    let mut map = id_map::with_capacity(list.len());
    for t in list {
        map.insert(t.step_id.as_str(), t);
    }
    map
}

fn titles<'m>(v: Version<'m>) -> IdMap<&'m str, &'m str> {
    let mut map = id_map::with_capacity(v.model.steps.len());
    for s in &v.model.steps {
        map.insert(s.id.as_str(), s.title.as_str());
    }
    map
}
