//! From the graph to the journey: customer lane, steps in columns, handoffs and lane work.

use std::collections::{BTreeSet, VecDeque};

use baton_core::model::{HandoffMode, Work};

use super::read::{End, Model};
use super::{BpmnError, BpmnOptions, BpmnPlan, PlannedHandoff, PlannedLane, PlannedStep};

fn is_customer_name(name: &str) -> bool {
    let lower = name.trim().to_lowercase();
    ["customer", "client", "customers", "clients"].contains(&lower.as_str())
}

pub(super) fn plan(model: &Model, options: &BpmnOptions) -> Result<BpmnPlan, BpmnError> {
    let mut assumptions = model.assumptions.clone();
    // Steps, in document order.
    let step_nodes: Vec<usize> = (0..model.nodes.len())
        .filter(|ix| model.nodes[*ix].step.is_some())
        .collect();
    if step_nodes.is_empty() {
        return Err(BpmnError::NoTask);
    }
    let mut step_of_node = vec![None; model.nodes.len()];
    for (step, node) in step_nodes.iter().enumerate() {
        step_of_node[*node] = Some(step);
    }

    let customer = customer_lane(model, options, &mut assumptions)?;
    let lanes = plan_lanes(model, &step_nodes, customer, &mut assumptions);
    let (columns, from_diagram) = columns(model, &step_nodes, &mut assumptions);
    let stage_count = columns.iter().copied().max().map_or(0, |m| m + 1);
    let stages: Vec<String> = (1..=stage_count).map(|n| format!("Stage {n}")).collect();
    assumptions.push(format!(
        "BPMN has no stages: {stage_count} stage(s) named \"Stage 1\"... were cut from {}.",
        if from_diagram {
            "the diagram's x positions (a new stage where a task's centre is more than the median task width past the stage's first)"
        } else {
            "the depth of each task in the flow (the file has no diagram)"
        }
    ));

    let mut steps: Vec<PlannedStep> = step_nodes
        .iter()
        .enumerate()
        .map(|(step, node)| PlannedStep {
            title: model.nodes[*node].name.clone(),
            lane: model.nodes[*node].lane as u32,
            stage: columns[step] as u32,
            position: 0,
            touchpoint: false,
            bpmn_id: model.nodes[*node].id.clone(),
        })
        .collect();
    order_cells(model, &step_nodes, &mut steps);

    let successors = successors(model);
    let mut pairs: BTreeSet<(usize, usize, bool)> = BTreeSet::new();
    for (step, node) in step_nodes.iter().enumerate() {
        for next in next_steps(&successors, *node, &step_of_node) {
            if steps[step].lane != steps[next].lane {
                pairs.insert((step, next, false));
            }
        }
    }
    // A message flow joins steps; one that ends on an event (a message start or catch event)
    // reaches the steps that event leads to, one that leaves an event (a message end or throw
    // event) comes from the steps leading to it.
    let predecessors = predecessors(model);
    let mut through_events = false;
    for (source, target) in &model.messages {
        let from_customer = match source {
            End::Node(node) => Some(model.nodes[*node].lane) == customer,
            End::Pool(pool_lanes) => customer.is_some_and(|c| pool_lanes.contains(&c)),
        };
        let End::Node(target) = target else {
            continue;
        };
        let to_steps = match step_of_node[*target] {
            Some(step) => vec![step],
            None => next_steps(&successors, *target, &step_of_node),
        };
        let from_steps = match source {
            End::Node(source) => match step_of_node[*source] {
                Some(step) => vec![step],
                None => next_steps(&predecessors, *source, &step_of_node),
            },
            End::Pool(_) => Vec::new(),
        };
        let on_event = step_of_node[*target].is_none()
            || matches!(source, End::Node(n) if step_of_node[*n].is_none());
        for to in to_steps {
            through_events |= on_event;
            if from_customer && steps[to].lane as usize != customer.unwrap_or(usize::MAX) {
                steps[to].touchpoint = true;
            }
            for from in &from_steps {
                if steps[*from].lane != steps[to].lane {
                    pairs.insert((*from, to, true));
                }
            }
        }
    }
    if through_events {
        assumptions.push(
            "A message flow ending on an event reaches the tasks that event leads to (and one \
             leaving an event comes from the tasks leading to it)."
                .to_string(),
        );
    }
    let mut handoffs: Vec<PlannedHandoff> = Vec::new();
    for (from, to, message) in pairs {
        // One handoff per pair of steps, even when both a flow and a message join them.
        if handoffs
            .iter()
            .any(|h| h.from == from as u32 && h.to == to as u32)
        {
            continue;
        }
        let automated = model.nodes[step_nodes[from]].step == Some(true);
        handoffs.push(PlannedHandoff {
            from: from as u32,
            to: to as u32,
            mode: if automated {
                HandoffMode::Automated
            } else {
                HandoffMode::Assisted
            },
            message,
        });
    }
    if !handoffs.is_empty() {
        assumptions.push(
            "Handoffs are automated when they leave a service, script, business-rule or send task, \
             assisted otherwise; their context is \"partial\" and a note asks to review them."
                .to_string(),
        );
    }
    if steps.iter().any(|s| s.touchpoint) {
        assumptions.push(
            "Steps receiving a message from the customer are touchpoints (channel \"other\")."
                .to_string(),
        );
    }
    Ok(BpmnPlan {
        journey_name: model.name.clone(),
        stages,
        lanes,
        steps,
        handoffs,
        from_diagram,
        assumptions,
    })
}

fn customer_lane(
    model: &Model,
    options: &BpmnOptions,
    assumptions: &mut Vec<String>,
) -> Result<Option<usize>, BpmnError> {
    match &options.customer_lane {
        Some(wanted) => {
            let wanted_lower = wanted.trim().to_lowercase();
            let found = model
                .lanes
                .iter()
                .position(|l| l.name.to_lowercase() == wanted_lower);
            match found {
                Some(ix) => Ok(Some(ix)),
                None => Err(BpmnError::UnknownCustomerLane {
                    name: wanted.chars().take(200).collect(),
                    known: model
                        .lanes
                        .iter()
                        .map(|l| format!("\"{}\"", l.name))
                        .collect::<Vec<_>>()
                        .join(", "),
                }),
            }
        }
        None => {
            let found = model.lanes.iter().position(|l| is_customer_name(&l.name));
            match found {
                Some(ix) => assumptions.push(format!(
                    "The lane \"{}\" was taken as the customer (its name says so; choose another with --customer).",
                    model.lanes[ix].name
                )),
                None => assumptions.push(
                    "No lane is named Customer or Client: every lane is an actor lane.".to_string(),
                ),
            }
            Ok(found)
        }
    }
}

fn plan_lanes(
    model: &Model,
    step_nodes: &[usize],
    customer: Option<usize>,
    assumptions: &mut Vec<String>,
) -> Vec<PlannedLane> {
    let mut lanes = Vec::with_capacity(model.lanes.len());
    for (ix, lane) in model.lanes.iter().enumerate() {
        let tasks: Vec<bool> = step_nodes
            .iter()
            .filter(|n| model.nodes[**n].lane == ix)
            .filter_map(|n| model.nodes[*n].step)
            .collect();
        if tasks.is_empty() {
            assumptions.push(format!(
                "The lane \"{}\" has no task: it is kept empty.",
                lane.name
            ));
        }
        let automated = !tasks.is_empty() && tasks.iter().all(|a| *a);
        lanes.push(PlannedLane {
            name: lane.name.clone(),
            department: lane.department.clone(),
            customer: Some(ix) == customer,
            work: if automated {
                Work::Automated
            } else {
                Work::Manual
            },
        });
    }
    if lanes.iter().any(|l| !l.customer) {
        assumptions.push(
            "Lanes whose tasks are all service, script, business-rule or send tasks are automated, others manual."
                .to_string(),
        );
    }
    lanes
}

/// The steps reached from `node` by sequence flows through events and gateways only (with
/// `predecessors` as the graph: the steps it is reached from).
fn next_steps(
    successors: &[Vec<usize>],
    node: usize,
    step_of_node: &[Option<usize>],
) -> Vec<usize> {
    let mut found = Vec::new();
    let mut seen = BTreeSet::from([node]);
    let mut queue = VecDeque::from([node]);
    while let Some(current) = queue.pop_front() {
        for to in &successors[current] {
            if !seen.insert(*to) {
                continue;
            }
            match step_of_node[*to] {
                Some(step) => found.push(step),
                None => queue.push_back(*to),
            }
        }
    }
    found
}

/// Each step's column (0-based, contiguous), and whether the diagram gave them.
fn columns(
    model: &Model,
    step_nodes: &[usize],
    assumptions: &mut Vec<String>,
) -> (Vec<usize>, bool) {
    let bounds: Option<Vec<_>> = step_nodes.iter().map(|n| model.nodes[*n].bounds).collect();
    if let Some(bounds) = bounds {
        let mut widths: Vec<f64> = bounds.iter().map(|b| b.width.max(0.0)).collect();
        widths.sort_by(f64::total_cmp);
        let median = widths[widths.len() / 2];
        let mut order: Vec<usize> = (0..bounds.len()).collect();
        let centre = |i: usize| bounds[i].x + bounds[i].width / 2.0;
        order.sort_by(|a, b| centre(*a).total_cmp(&centre(*b)));
        let mut columns = vec![0; bounds.len()];
        let mut column = 0;
        let mut first = centre(order[0]);
        for i in order {
            if centre(i) > first + median {
                column += 1;
                first = centre(i);
            }
            columns[i] = column;
        }
        return (columns, true);
    }
    if model.has_diagram {
        assumptions.push(
            "Some tasks have no shape in the diagram: stages come from flow depth.".to_string(),
        );
    }
    (depth_columns(model, step_nodes), false)
}

/// Columns by flow depth: the number of steps on the shortest flow path from a node without
/// incoming flows (a start), compressed to contiguous columns.
fn depth_columns(model: &Model, step_nodes: &[usize]) -> Vec<usize> {
    let n = model.nodes.len();
    let mut incoming = vec![false; n];
    for (_, to) in &model.sequence {
        incoming[*to] = true;
    }
    let mut depth: Vec<Option<usize>> = vec![None; n];
    let mut queue = VecDeque::new();
    for node in 0..n {
        if !incoming[node] {
            depth[node] = Some(usize::from(model.nodes[node].step.is_some()));
            queue.push_back(node);
        }
    }
    // 0-1 breadth-first search: entering a step costs one, an event or gateway nothing.
    let successors = successors(model);
    while let Some(current) = queue.pop_front() {
        let base = depth[current].unwrap_or(0);
        for to in &successors[current] {
            let cost = usize::from(model.nodes[*to].step.is_some());
            if depth[*to].is_none_or(|d| d > base + cost) {
                depth[*to] = Some(base + cost);
                if cost == 0 {
                    queue.push_front(*to);
                } else {
                    queue.push_back(*to);
                }
            }
        }
    }
    let raw: Vec<usize> = step_nodes.iter().map(|s| depth[*s].unwrap_or(0)).collect();
    let distinct: BTreeSet<usize> = raw.iter().copied().collect();
    let distinct: Vec<usize> = distinct.into_iter().collect();
    raw.iter()
        .map(|d| distinct.binary_search(d).unwrap_or(0))
        .collect()
}

/// Positions in each cell: by y in the diagram, else in document order.
fn order_cells(model: &Model, step_nodes: &[usize], steps: &mut [PlannedStep]) {
    let mut order: Vec<usize> = (0..steps.len()).collect();
    let y = |i: usize| model.nodes[step_nodes[i]].bounds.map_or(0.0, |b| b.y);
    order.sort_by(|a, b| y(*a).total_cmp(&y(*b)).then(a.cmp(b)));
    let mut next: std::collections::HashMap<(u32, u32), u32> = Default::default();
    for i in order {
        let slot = next.entry((steps[i].stage, steps[i].lane)).or_insert(0);
        steps[i].position = *slot;
        *slot += 1;
    }
}

/// Each node's direct predecessors by sequence flow.
fn predecessors(model: &Model) -> Vec<Vec<usize>> {
    let mut predecessors = vec![Vec::new(); model.nodes.len()];
    for (from, to) in &model.sequence {
        predecessors[*to].push(*from);
    }
    predecessors
}

/// Each node's direct successors by sequence flow.
fn successors(model: &Model) -> Vec<Vec<usize>> {
    let mut successors = vec![Vec::new(); model.nodes.len()];
    for (from, to) in &model.sequence {
        successors[*from].push(*to);
    }
    successors
}
