//! Orthogonal routing of handoff arrows through the gutters.
//!
//! An arrow leaves its sending card by the side facing the receiver, crosses the empty cell
//! padding to the neighbouring vertical gutter, runs along it (and, when the columns are more than
//! one apart, along the horizontal gutter next to the receiving lane and down the vertical gutter
//! beside the receiving column), then enters the receiving card's facing side. Arrows sharing a
//! gutter get separate tracks spread across its width, and arrows sharing a card side get
//! separate ports along its height, so parallel arrows don't sit on top of each other.

use super::MapParts;
use super::{ArrowEnd, CardBox, Grid, HandoffPath, Placed, Point};
use crate::id_map::IdMap;

/// The closest two tracks in a gutter may be, in map units.
const MIN_TRACK_SPACING: f32 = 4.0;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    Left,
    Right,
}

/// Which card sides and gutters one handoff uses.
struct Plan {
    from: usize,
    to: usize,
    exit: Side,
    entry: Side,
    /// The vertical gutter beside the sending card.
    first_vertical: usize,
    /// When the columns are more than one apart: the horizontal gutter to run along and the
    /// vertical gutter beside the receiving card.
    crossing: Option<(usize, usize)>,
}

fn plan(from: usize, to: usize, placed: &[Placed]) -> Plan {
    let (source, target) = (&placed[from], &placed[to]);
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
        from,
        to,
        exit,
        entry,
        first_vertical: first,
        crossing,
    }
}

/// Hands out evenly spread offsets to the users of each slot (a gutter or a card side), in the
/// order they were registered, so the result depends only on the input order.
struct Tracks {
    count: Vec<u32>,
    next: Vec<u32>,
}

impl Tracks {
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

pub(super) fn route_handoffs(
    model: MapParts<'_>,
    cards: &[CardBox],
    placed: &[Placed],
    card_of_step: &IdMap<&str, usize>,
    grid: &Grid,
) -> Vec<HandoffPath> {
    let plans: Vec<(usize, Plan)> = model
        .handoffs
        .iter()
        .enumerate()
        .filter_map(|(i, h)| {
            let from = *card_of_step.get(h.from_step_id.as_str())?;
            let to = *card_of_step.get(h.to_step_id.as_str())?;
            Some((i, plan(from, to, placed)))
        })
        .collect();

    let port_slot = |card: usize, side: Side| card * 2 + usize::from(side == Side::Right);
    let mut vertical = Tracks::new(grid.vertical_gutter_x.len());
    let mut horizontal = Tracks::new(grid.horizontal_gutter_y.len());
    let mut ports = Tracks::new(cards.len() * 2);
    for (_, p) in &plans {
        ports.register(port_slot(p.from, p.exit));
        ports.register(port_slot(p.to, p.entry));
        vertical.register(p.first_vertical);
        if let Some((h, v)) = p.crossing {
            horizontal.register(h);
            vertical.register(v);
        }
    }

    let gutter_capacity = ((grid.gutter / MIN_TRACK_SPACING) as u32)
        .saturating_sub(1)
        .max(1);
    plans
        .into_iter()
        .map(|(i, p)| {
            let (source, target) = (&cards[p.from], &cards[p.to]);
            let port_capacity = |card: &CardBox| ((card.h / MIN_TRACK_SPACING) as u32).max(1);
            let start_y =
                source.y + source.h * ports.take(port_slot(p.from, p.exit), port_capacity(source));
            let end_y =
                target.y + target.h * ports.take(port_slot(p.to, p.entry), port_capacity(target));
            let gutter_x = |tracks: &mut Tracks, v: usize| {
                grid.vertical_gutter_x[v] + grid.gutter * tracks.take(v, gutter_capacity)
            };
            let first_x = gutter_x(&mut vertical, p.first_vertical);
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
            if let Some((h, v)) = p.crossing {
                let y =
                    grid.horizontal_gutter_y[h] + grid.gutter * horizontal.take(h, gutter_capacity);
                let last_x = gutter_x(&mut vertical, v);
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
            let points = simplify(points);
            HandoffPath {
                handoff_id: model.handoffs[i].id.clone(),
                arrow: arrow_end(&points),
                label_anchor: label_anchor(&points),
                points,
            }
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

/// The middle of the longest segment that runs in a gutter (any but the first and the last, when
/// there are such), where a marker covers no card.
fn label_anchor(points: &[Point]) -> Point {
    let segments: Vec<(Point, Point)> = points.windows(2).map(|w| (w[0], w[1])).collect();
    let inner = if segments.len() >= 3 {
        &segments[1..segments.len() - 1]
    } else {
        &segments[..]
    };
    let mut best: Option<(f32, Point)> = None;
    for &(a, b) in inner {
        let length = (b.x - a.x).abs() + (b.y - a.y).abs();
        if best.is_none_or(|(longest, _)| length > longest) {
            best = Some((
                length,
                Point {
                    x: (a.x + b.x) / 2.0,
                    y: (a.y + b.y) / 2.0,
                },
            ));
        }
    }
    best.map(|(_, p)| p)
        .or_else(|| points.first().copied())
        .unwrap_or(Point { x: 0.0, y: 0.0 })
}
