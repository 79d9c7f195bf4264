//! Orthogonal routing of handoff arrows through the gutters.
//!
//! An arrow leaves its sending card by the side facing the receiver, crosses the empty cell
//! padding to the neighbouring vertical gutter, runs along it (and, when the columns are more than
//! one apart, along the horizontal gutter next to the receiving lane and down the vertical gutter
//! beside the receiving column), then enters the receiving card's facing side. Arrows whose runs
//! along a gutter overlap get tracks at least `MIN_TRACK_SPACING` apart (`tracks.rs`, planned
//! before the grid so the gutters are made wide enough), and arrows sharing a card side get
//! separate ports along its height, so parallel arrows don't sit on top of each other.

use super::labels::{self, LabelRequest};
use super::tracks::{Tracks, MIN_TRACK_SPACING};
use super::MapParts;
use super::{ArrowEnd, CardBox, Grid, HandoffPath, Placed, Point};
use crate::id_map::IdMap;
use crate::model::Step;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    Left,
    Right,
}

/// Which card sides and gutters one handoff uses.
pub(super) struct Plan {
    /// The handoff's index in the model.
    handoff: usize,
    /// The sending and receiving cards.
    from: usize,
    to: usize,
    pub source: Placed,
    pub target: Placed,
    exit: Side,
    entry: Side,
    /// The vertical gutter beside the sending card.
    pub first_vertical: usize,
    /// When the columns are more than one apart: the horizontal gutter to run along and the
    /// vertical gutter beside the receiving card.
    pub crossing: Option<(usize, usize)>,
}

/// The plan of every handoff whose two ends have cards, in the model's order.
pub(super) fn plan_all(
    model: MapParts<'_>,
    placed: &[Placed],
    card_of_step: &IdMap<&str, usize>,
) -> Vec<Plan> {
    model
        .handoffs
        .iter()
        .enumerate()
        .filter_map(|(i, h)| {
            let from = *card_of_step.get(h.from_step_id.as_str())?;
            let to = *card_of_step.get(h.to_step_id.as_str())?;
            Some(plan(i, from, to, placed))
        })
        .collect()
}

fn plan(handoff: usize, from: usize, to: usize, placed: &[Placed]) -> Plan {
    let (source, target) = (placed[from], placed[to]);
    let (exit, entry, first, last) = if target.stage > source.stage {
        (Side::Right, Side::Left, source.stage + 1, target.stage)
    } else if target.stage < source.stage {
        (Side::Left, Side::Right, source.stage, target.stage + 1)
    } else {
        // Same column: out of the right side, along the right gutter, back in from the right.
        (Side::Right, Side::Right, source.stage + 1, source.stage + 1)
    };
    let crossing = (first != last).then(|| {
        // The horizontal gutter on the receiving lane's side that faces the sender.
        let horizontal = if target.lane > source.lane {
            target.lane
        } else {
            target.lane + 1
        };
        (horizontal, last)
    });
    Plan {
        handoff,
        from,
        to,
        source,
        target,
        exit,
        entry,
        first_vertical: first,
        crossing,
    }
}

/// Hands out evenly spread offsets to the users of each card side, in the order they were
/// registered, so the result depends only on the input order.
struct Ports {
    count: Vec<u32>,
    next: Vec<u32>,
}

impl Ports {
    fn new(slots: usize) -> Self {
        Self {
            count: vec![0; slots],
            next: vec![0; slots],
        }
    }

    fn register(&mut self, slot: usize) {
        self.count[slot] += 1;
    }

    /// The next user's fraction of the slot's extent, strictly between 0 and 1. Beyond
    /// `capacity` users, tracks are reused in turn.
    fn take(&mut self, slot: usize, capacity: u32) -> f32 {
        let k = self.next[slot];
        self.next[slot] += 1;
        let lanes = self.count[slot].min(capacity.max(1));
        ((k % lanes) + 1) as f32 / (lanes + 1) as f32
    }
}

/// The routes of the planned handoffs (`tracks` from `tracks::assign` on the same plans), and
/// their labels placed.
pub(super) fn route_handoffs(
    model: MapParts<'_>,
    steps_of_cards: &[&Step],
    cards: &[CardBox],
    plans: &[Plan],
    tracks: &Tracks,
    grid: &Grid,
) -> Vec<HandoffPath> {
    let port_slot = |card: usize, side: Side| card * 2 + usize::from(side == Side::Right);
    let mut ports = Ports::new(cards.len() * 2);
    for p in plans {
        ports.register(port_slot(p.from, p.exit));
        ports.register(port_slot(p.to, p.entry));
    }
    let mut requests = Vec::with_capacity(plans.len());
    let mut routes: Vec<(usize, Vec<Point>)> = Vec::with_capacity(plans.len());
    for (k, p) in plans.iter().enumerate() {
        let (source, target) = (&cards[p.from], &cards[p.to]);
        let port_capacity = |card: &CardBox| ((card.h / MIN_TRACK_SPACING) as u32).max(1);
        let start_y =
            source.y + source.h * ports.take(port_slot(p.from, p.exit), port_capacity(source));
        let end_y =
            target.y + target.h * ports.take(port_slot(p.to, p.entry), port_capacity(target));
        let gutter_x = |v: usize, track: super::tracks::Track| {
            grid.vertical_gutter_x[v] + track.offset(grid.vertical_gutter_w[v])
        };
        let first_x = gutter_x(p.first_vertical, tracks.first[k]);
        let mut points = vec![
            Point {
                x: edge_x(source, p.exit),
                y: start_y,
            },
            Point {
                x: first_x,
                y: start_y,
            },
        ];
        // The first vertical run, where the label goes.
        let mut run_end = end_y;
        if let (Some((h, v)), Some((h_track, v_track))) = (p.crossing, tracks.crossing[k]) {
            let y = grid.horizontal_gutter_y[h] + h_track.offset(grid.horizontal_gutter_h[h]);
            let last_x = gutter_x(v, v_track);
            run_end = y;
            points.push(Point { x: first_x, y });
            points.push(Point { x: last_x, y });
            points.push(Point {
                x: last_x,
                y: end_y,
            });
        } else {
            points.push(Point {
                x: first_x,
                y: end_y,
            });
        }
        points.push(Point {
            x: edge_x(target, p.entry),
            y: end_y,
        });
        requests.push(LabelRequest {
            gutter: p.first_vertical,
            x: first_x,
            y0: start_y.min(run_end),
            y1: start_y.max(run_end),
            h: labels::label_height(&model.handoffs[p.handoff], steps_of_cards[p.to]),
        });
        routes.push((p.handoff, simplify(points)));
    }
    let boxes = labels::place(&requests, grid);
    routes
        .into_iter()
        .zip(boxes)
        .map(|((i, points), label)| HandoffPath {
            handoff_id: model.handoffs[i].id.clone(),
            arrow: arrow_end(&points),
            label_anchor: Point {
                x: label.x + label.w / 2.0,
                y: label.y + label.h / 2.0,
            },
            label,
            points,
        })
        .collect()
}

fn edge_x(card: &CardBox, side: Side) -> f32 {
    match side {
        Side::Left => card.x,
        Side::Right => card.x + card.w,
    }
}

/// Drops repeated points and the middle of three points on one line.
fn simplify(points: Vec<Point>) -> Vec<Point> {
    let mut out: Vec<Point> = Vec::with_capacity(points.len());
    for p in points {
        if out.last() == Some(&p) {
            continue;
        }
        if out.len() >= 2 {
            let (a, b) = (out[out.len() - 2], out[out.len() - 1]);
            if (a.x == b.x && b.x == p.x) || (a.y == b.y && b.y == p.y) {
                out.pop();
            }
        }
        out.push(p);
    }
    out
}

fn arrow_end(points: &[Point]) -> ArrowEnd {
    let tip = points.last().copied().unwrap_or(Point { x: 0.0, y: 0.0 });
    let before = if points.len() >= 2 {
        points[points.len() - 2]
    } else {
        tip
    };
    let (dx, dy) = (tip.x - before.x, tip.y - before.y);
    let length = (dx * dx + dy * dy).sqrt();
    if length > 0.0 {
        ArrowEnd {
            tip,
            dx: dx / length,
            dy: dy / length,
        }
    } else {
        ArrowEnd {
            tip,
            dx: 1.0,
            dy: 0.0,
        }
    }
}
