//! What a brand-new client file holds before the user does anything. This is the file's initial
//! state, not an edit, so undo never takes it away.

use crate::model::*;

/// The built-in metrics of DOMAIN.md: name, kind, response scale.
const BUILT_IN_METRICS: [(&str, MetricKind, f64, f64); 3] = [
    ("CSAT", MetricKind::Csat, 1.0, 5.0),
    ("NPS", MetricKind::Nps, 0.0, 10.0),
    ("CES", MetricKind::Ces, 1.0, 7.0),
];

/// Seed 003's three phases of an improvement plan: name and goal.
const PLAN_PHASES: [(&str, &str); 3] = [
    (
        "Baseline mapping and immediate fixes",
        "Map the current journeys, benchmark every touchpoint and fix what is plainly broken.",
    ),
    (
        "Deep-dive analysis and strategic overhaul",
        "Find the causes behind the worst handoffs and redesign them.",
    ),
    (
        "Iteration and continuous engagement",
        "Keep measuring, adjust, and keep the people who own each handoff involved.",
    ),
];

impl Workspace {
    /// A new client file named `name`, with the built-in metrics and the three plan phases.
    pub fn new_file(name: &str) -> Workspace {
        let mut ws = Workspace {
            info: WorkspaceInfo {
                name: name.trim().to_owned(),
                description: String::new(),
            },
            ..Workspace::default()
        };
        for (position, (metric_name, kind, scale_min, scale_max)) in (0u32..).zip(BUILT_IN_METRICS)
        {
            let metric = Metric {
                id: new_id(),
                name: metric_name.to_owned(),
                kind,
                scale_min,
                scale_max,
                direction: Direction::HigherIsBetter,
                position,
            };
            ws.metrics.insert(metric.id.clone(), metric);
        }
        for (position, (phase_name, goal)) in (0u32..).zip(PLAN_PHASES) {
            let phase = Phase {
                id: new_id(),
                name: phase_name.to_owned(),
                goal: goal.to_owned(),
                start: None,
                end: None,
                position,
            };
            ws.phases.insert(phase.id.clone(), phase);
        }
        ws
    }
}
