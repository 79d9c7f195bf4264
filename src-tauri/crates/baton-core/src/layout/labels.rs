//! Where each handoff's label goes: the box that holds, top to bottom, its chain mark, its markers
//! (verifies again, tells again) and its friction or score pill, as the map draws them.
//!
//! A label sits in the vertical gutter beside the sender, on the arrow's run along it: the gutter
//! and the empty cell padding either side hold no card, so a label there never covers one. The
//! labels of one gutter are stacked so that none overlaps another: each goes at the free place
//! nearest the middle of its run, the labels with the shortest runs (the least choice) first.

use serde::{Deserialize, Serialize};
use specta::Type;

use super::{Grid, TsNumber};
use crate::model::{Handoff, Step};

/// A label's width: two 22-unit markers side by side, or the widest pill.
pub const LABEL_WIDTH: f32 = 44.0;
/// Heights of a label's rows as the map draws them, and the space between rows.
const CHAIN_ROW: f32 = 18.0;
const MARKER_ROW: f32 = 22.0;
const PILL_ROW: f32 = 18.0;
const ROW_GAP: f32 = 4.0;
/// The space kept between two labels of one gutter.
pub const LABEL_GAP: f32 = 4.0;

/// A handoff's label box, in map units (top left corner and size).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, Type)]
pub struct LabelBox {
    #[specta(type = TsNumber)]
    pub x: f32,
    #[specta(type = TsNumber)]
    pub y: f32,
    #[specta(type = TsNumber)]
    pub w: f32,
    #[specta(type = TsNumber)]
    pub h: f32,
}

impl LabelBox {
    /// Whether two boxes share any area (touching edges do not count).
    pub fn overlaps(&self, x: f32, y: f32, w: f32, h: f32) -> bool {
        self.x < x + w && x < self.x + self.w && self.y < y + h && y < self.y + self.h
    }
}

/// The height a handoff's label needs: a pill row always (friction or score, which the analysis
/// decides later), a marker row when it re-verifies or makes the customer retell, and a chain
/// row when the customer sees it (only customer-visible handoffs form transfer chains).
pub fn label_height(handoff: &Handoff, receiver: &Step) -> f32 {
    let mut rows = vec![PILL_ROW];
    if handoff.reverify || handoff.customer_repeats {
        rows.push(MARKER_ROW);
    }
    if receiver.touchpoint.is_some() {
        rows.push(CHAIN_ROW);
    }
    rows.iter().sum::<f32>() + ROW_GAP * (rows.len() - 1) as f32
}

/// What one label needs: its gutter, the x of the arrow's track there, the y span of the arrow's
/// run along it, and its height.
pub(super) struct LabelRequest {
    pub gutter: usize,
    pub x: f32,
    pub y0: f32,
    pub y1: f32,
    pub h: f32,
}

/// The boxes of `requests`, in their order.
pub(super) fn place(requests: &[LabelRequest], grid: &Grid) -> Vec<LabelBox> {
    let gutters = grid.vertical_gutter_x.len();
    let pad = grid.cell_padding;
    // Nothing may go above the first lane's top gutter: the stage headers are there.
    let top = grid.horizontal_gutter_y.first().copied().unwrap_or(0.0);
    let mut order: Vec<usize> = (0..requests.len()).collect();
    order.sort_by(|&a, &b| {
        let (ra, rb) = (&requests[a], &requests[b]);
        (ra.y1 - ra.y0).total_cmp(&(rb.y1 - rb.y0)).then(a.cmp(&b))
    });
    let mut taken: Vec<Vec<(f32, f32)>> = vec![Vec::new(); gutters];
    let mut boxes = vec![
        LabelBox {
            x: 0.0,
            y: 0.0,
            w: 0.0,
            h: 0.0
        };
        requests.len()
    ];
    for i in order {
        let r = &requests[i];
        let gx = grid.vertical_gutter_x.get(r.gutter).copied().unwrap_or(0.0);
        let gw = grid.vertical_gutter_w.get(r.gutter).copied().unwrap_or(0.0);
        // The band free of cards: the gutter, the padding of the columns either side (none left
        // of the first gutter, where the lane headers are), and the map's margin after the last.
        let left = if r.gutter > 0 { gx - pad } else { gx };
        let right = if r.gutter + 1 < gutters {
            gx + gw + pad
        } else {
            gx + 2.0 * gw
        };
        let w = LABEL_WIDTH.min(right - left);
        let x = (r.x - w / 2.0).clamp(left, right - w);
        let column = taken.get_mut(r.gutter);
        let centre = match &column {
            Some(column) => nearest_free(column, r.h, (r.y0 + r.y1) / 2.0, top),
            None => (r.y0 + r.y1) / 2.0,
        };
        let y = centre - r.h / 2.0;
        if let Some(column) = column {
            let at = column.partition_point(|&(a, _)| a < y);
            column.insert(at, (y, y + r.h));
        }
        boxes[i] = LabelBox { x, y, w, h: r.h };
    }
    boxes
}

/// The centre nearest `mid` for a box of height `h` that keeps `LABEL_GAP` from every taken
/// span (sorted by top) and stays below `top`.
fn nearest_free(taken: &[(f32, f32)], h: f32, mid: f32, top: f32) -> f32 {
    let mut best: Option<f32> = None;
    let mut free_from = top;
    let consider = |from: f32, to: f32, best: &mut Option<f32>| {
        if to - from >= h {
            let c = mid.clamp(from + h / 2.0, to - h / 2.0);
            if best.is_none_or(|b| (c - mid).abs() < (b - mid).abs()) {
                *best = Some(c);
            }
        }
    };
    for &(a, b) in taken {
        consider(free_from, a - LABEL_GAP, &mut best);
        free_from = free_from.max(b + LABEL_GAP);
        // Every later gap starts below this one: past the best found, none can be nearer.
        if let Some(found) = best {
            if free_from - h / 2.0 > mid + (found - mid).abs() {
                return found;
            }
        }
    }
    consider(free_from, f32::INFINITY, &mut best);
    best.unwrap_or(free_from + h / 2.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_label_takes_the_nearest_free_place_around_the_taken_ones() {
        // Nothing taken: exactly at the middle, but never above the top.
        assert_eq!(nearest_free(&[], 20.0, 100.0, 0.0), 100.0);
        assert_eq!(nearest_free(&[], 20.0, 5.0, 0.0), 10.0);
        // The middle is taken: just above or just below, whichever is nearer.
        let taken = [(90.0, 110.0)];
        assert_eq!(nearest_free(&taken, 20.0, 104.0, 0.0), 124.0);
        assert_eq!(nearest_free(&taken, 20.0, 96.0, 0.0), 76.0);
        // A gap too small for the box is skipped.
        let taken = [(50.0, 80.0), (90.0, 120.0)];
        assert_eq!(nearest_free(&taken, 20.0, 85.0, 0.0), 36.0);
    }
}
