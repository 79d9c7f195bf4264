//! A synthetic improvement plan over a workspace's journeys (the `plan` bench, the app's
//! Plan view bench): `count` initiatives spread over the phases, each linking two steps and a
//! handoff, naming that handoff's `send_notes` suggestion and expecting an effect on a step
//! that has responses, started in the middle of the responses' dates, so that evidence,
//! coverage and measured progress all have work to do.

use std::collections::BTreeSet;

use crate::edit::Edit;
use crate::model::*;
use crate::scores::score_range;

/// One `Edit::Batch` creating `count` initiatives in `ws` (none when it has no phase or no
/// step). Without handoffs or responses the initiatives link and expect less.
pub fn synthetic_plan(ws: &Workspace, count: usize) -> Edit {
    let phases: Vec<&Id> = ws.phases_in_order().into_iter().map(|p| &p.id).collect();
    let steps: Vec<&Id> = ws.steps.keys().collect();
    let handoffs: Vec<&Id> = ws.handoffs.keys().collect();
    // Step subjects with responses (each pair once), and the middle of the responses' dates.
    let answered: Vec<(&Subject, &Id)> = ws
        .responses
        .values()
        .filter(|r| r.subject.kind == SubjectKind::Step)
        .map(|r| (&r.subject, &r.metric_id))
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let mut dates: Vec<chrono::NaiveDate> = ws.responses.values().map(|r| r.date).collect();
    dates.sort();
    let middle = dates.get(dates.len() / 2).copied();
    let mut edits = Vec::new();
    if phases.is_empty() || steps.is_empty() {
        return Edit::Batch {
            label: "Plan".into(),
            edits,
        };
    }
    for n in 0..count {
        let phase = phases[n % phases.len()];
        let effect = (!answered.is_empty()).then(|| answered[n * 7 % answered.len()]);
        let mut step_ids = vec![steps[n * 11 % steps.len()].clone()];
        let expected_effect = effect.and_then(|(subject, metric_id)| {
            if step_ids[0] != subject.id {
                step_ids.push(subject.id.clone());
            }
            let (_, high) = score_range(ws.metrics.get(metric_id)?);
            Some(ExpectedEffect {
                metric_id: metric_id.clone(),
                subject: Some(subject.clone()),
                value: high,
            })
        });
        let handoff = (!handoffs.is_empty()).then(|| handoffs[n * 3 % handoffs.len()]);
        edits.push(Edit::CreateInitiative {
            initiative: Initiative {
                id: new_id(),
                phase_id: phase.clone(),
                position: u32::try_from(n / phases.len()).unwrap_or(u32::MAX),
                title: format!("Initiative {n}"),
                description: String::new(),
                owner: format!("Owner {}", n % 12),
                status: InitiativeStatus::InProgress,
                impact: (n % 5 + 1) as u8,
                effort: (n * 3 % 5 + 1) as u8,
                started: middle,
                due: middle.map(|m| m + chrono::Days::new(90)),
                step_ids,
                handoff_ids: handoff.into_iter().cloned().collect(),
                suggestion_keys: handoff
                    .map(|h| format!("send_notes:{h}"))
                    .into_iter()
                    .collect(),
                expected_effect,
            },
        });
    }
    Edit::Batch {
        label: "Plan".into(),
        edits,
    }
}
