//! Every ordered list of a workspace (personas, journeys, the stages and lanes of a journey, the
//! steps of a cell, metrics, phases, the initiatives of a phase) must use the positions
//! 0..n-1, each once, as the core keeps them: a duplicate or a gap means the file was changed
//! outside Baton.

use std::collections::BTreeMap;

use baton_core::{Id, Workspace};

/// Each list whose positions are not 0..n-1: (where, what is wrong).
pub fn problems(ws: &Workspace) -> Vec<(String, String)> {
    let mut found = Vec::new();
    let mut check = |table: &str, list: String, items: BTreeMap<String, Vec<(u32, &Id)>>| {
        for (container, mut members) in items {
            members.sort();
            let dense = members
                .iter()
                .enumerate()
                .all(|(expected, (position, _))| *position as usize == expected);
            if dense {
                continue;
            }
            let positions: Vec<String> = members
                .iter()
                .map(|(position, id)| format!("{id} at {position}"))
                .collect();
            let place = if container.is_empty() {
                format!("table {table}")
            } else {
                format!("table {table}, {list} {container}")
            };
            found.push((
                place,
                format!(
                    "positions must be 0 to {} with each used once, but they are: {}",
                    members.len().saturating_sub(1),
                    positions.join(", ")
                ),
            ));
        }
    };
    check(
        "persona",
        String::new(),
        one_list(ws.personas.values().map(|v| (v.position, &v.id)).collect()),
    );
    check(
        "journey",
        String::new(),
        one_list(ws.journeys.values().map(|v| (v.position, &v.id)).collect()),
    );
    check(
        "stage",
        "the stages of journey".into(),
        grouped(
            ws.stages
                .values()
                .map(|v| (v.journey_id.clone(), v.position, &v.id)),
        ),
    );
    check(
        "lane",
        "the lanes of journey".into(),
        grouped(
            ws.lanes
                .values()
                .map(|v| (v.journey_id.clone(), v.position, &v.id)),
        ),
    );
    check(
        "step",
        "the cell (stage, lane)".into(),
        grouped(ws.steps.values().map(|v| {
            (
                format!("({}, {})", v.stage_id, v.lane_id),
                v.position,
                &v.id,
            )
        })),
    );
    check(
        "metric",
        String::new(),
        one_list(ws.metrics.values().map(|v| (v.position, &v.id)).collect()),
    );
    check(
        "phase",
        String::new(),
        one_list(ws.phases.values().map(|v| (v.position, &v.id)).collect()),
    );
    check(
        "initiative",
        "the initiatives of phase".into(),
        grouped(
            ws.initiatives
                .values()
                .map(|v| (v.phase_id.clone(), v.position, &v.id)),
        ),
    );
    found
}

fn grouped<'a>(
    items: impl Iterator<Item = (String, u32, &'a Id)>,
) -> BTreeMap<String, Vec<(u32, &'a Id)>> {
    let mut groups: BTreeMap<String, Vec<(u32, &Id)>> = BTreeMap::new();
    for (container, position, id) in items {
        groups.entry(container).or_default().push((position, id));
    }
    groups
}

fn one_list(items: Vec<(u32, &Id)>) -> BTreeMap<String, Vec<(u32, &Id)>> {
    BTreeMap::from([(String::new(), items)])
}
