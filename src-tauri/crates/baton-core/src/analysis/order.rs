//! The handoff order (DOMAIN.md, "Journey order"): a handoff that arrives at a step comes before
//! those that leave it; otherwise handoffs go by their sending step's journey order, then their
//! receiving step's (then id). A cycle is broken at the handoff whose sending step comes last
//! in journey order (ties: the later receiving step, then the larger id): its arrival stops
//! constraining the handoffs of that cycle, so the order always exists and never loops.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use super::index::JourneyIndex;
use crate::id_map::{self, IdMap};

/// Indices into `JourneyIndex::handoffs`.
pub(super) struct HandoffOrder {
    pub order: Vec<usize>,
    /// The handoffs at which a cycle was broken, in handoff order.
    pub cycle_breaks: Vec<usize>,
}

pub(super) fn handoff_order(journey: &JourneyIndex) -> HandoffOrder {
    let handoffs = &journey.handoffs;
    // (sending place, receiving place, index): handoffs are sorted by id, so the index breaks
    // the remaining ties by id.
    // Steps outside the journey come after every step of it.
    let key: Vec<(usize, usize, usize)> = journey
        .handoff_ends
        .iter()
        .enumerate()
        .map(|(i, (from, to))| (from.unwrap_or(usize::MAX), to.unwrap_or(usize::MAX), i))
        .collect();

    let mut leaving: IdMap<&str, Vec<usize>> = id_map::with_capacity(handoffs.len());
    for (i, h) in handoffs.iter().enumerate() {
        leaving.entry(h.from_step_id.as_str()).or_default().push(i);
    }
    // h -> g when h arrives at the step g leaves: h comes first.
    let mut successors: Vec<Vec<usize>> = handoffs
        .iter()
        .map(|h| {
            leaving
                .get(h.to_step_id.as_str())
                .cloned()
                .unwrap_or_default()
        })
        .collect();

    let cycle_breaks = break_cycles(&mut successors, &key);

    let mut pending = vec![0usize; handoffs.len()];
    for next in successors.iter().flatten() {
        pending[*next] += 1;
    }
    let mut ready: BinaryHeap<Reverse<(usize, usize, usize)>> = key
        .iter()
        .filter(|k| pending[k.2] == 0)
        .map(|k| Reverse(*k))
        .collect();
    let mut order = Vec::with_capacity(handoffs.len());
    while let Some(Reverse((_, _, i))) = ready.pop() {
        order.push(i);
        for &next in &successors[i] {
            pending[next] -= 1;
            if pending[next] == 0 {
                ready.push(Reverse(key[next]));
            }
        }
    }
    let mut place = vec![0usize; handoffs.len()];
    for (at, &i) in order.iter().enumerate() {
        place[i] = at;
    }
    let mut cycle_breaks = cycle_breaks;
    cycle_breaks.sort_by_key(|&i| place[i]);
    HandoffOrder {
        order,
        cycle_breaks,
    }
}

/// Remove, cycle by cycle, the constraints that the latest-sending handoff of each cycle puts
/// on the rest of it, until the constraints form no cycle. Returns where it broke them.
fn break_cycles(successors: &mut [Vec<usize>], key: &[(usize, usize, usize)]) -> Vec<usize> {
    let mut breaks = Vec::new();
    loop {
        let components = cyclic_components(successors);
        if components.is_empty() {
            return breaks;
        }
        for component in components {
            let mut member = vec![false; successors.len()];
            for &h in &component {
                member[h] = true;
            }
            // The component is non-empty by construction; fall back to no break otherwise.
            let Some(&latest) = component.iter().max_by_key(|&&h| key[h]) else {
                continue;
            };
            successors[latest].retain(|&next| !member[next]);
            breaks.push(latest);
        }
    }
}

/// The strongly connected components of more than one node (Tarjan, iterative so that long
/// journeys cannot overflow the stack). A node never succeeds itself: a handoff joins two lanes.
fn cyclic_components(successors: &[Vec<usize>]) -> Vec<Vec<usize>> {
    const UNSEEN: usize = usize::MAX;
    let n = successors.len();
    let mut index = vec![UNSEEN; n];
    let mut low = vec![0usize; n];
    let mut on_stack = vec![false; n];
    let mut stack = Vec::new();
    let mut calls: Vec<(usize, usize)> = Vec::new();
    let mut next_index = 0;
    let mut components = Vec::new();

    for root in 0..n {
        if index[root] != UNSEEN {
            continue;
        }
        index[root] = next_index;
        low[root] = next_index;
        next_index += 1;
        stack.push(root);
        on_stack[root] = true;
        calls.push((root, 0));
        while let Some(&(node, edge)) = calls.last() {
            if let Some(&next) = successors[node].get(edge) {
                if let Some(call) = calls.last_mut() {
                    call.1 += 1;
                }
                if index[next] == UNSEEN {
                    index[next] = next_index;
                    low[next] = next_index;
                    next_index += 1;
                    stack.push(next);
                    on_stack[next] = true;
                    calls.push((next, 0));
                } else if on_stack[next] {
                    low[node] = low[node].min(index[next]);
                }
                continue;
            }
            calls.pop();
            if let Some(&(parent, _)) = calls.last() {
                low[parent] = low[parent].min(low[node]);
            }
            if low[node] == index[node] {
                let mut component = Vec::new();
                while let Some(member) = stack.pop() {
                    on_stack[member] = false;
                    component.push(member);
                    if member == node {
                        break;
                    }
                }
                if component.len() > 1 {
                    components.push(component);
                }
            }
        }
    }
    components
}
