//! Tracks in the gutters: where, across a gutter's width, each arrow runs along it.
//!
//! Two arrows need separate tracks only when their runs along the same gutter overlap, so the
//! runs of each gutter are coloured like intervals (by start, each to the first track free
//! there): the fewest tracks that keep overlapping runs apart. Spans are counted in grid steps
//! (cell `k` is `2k + 1`, the gutter before it `2k`), which do not depend on the gutters' width,
//! so the tracks are known before the grid is built and each gutter is made wide enough for its
//! own tracks (a gutter few arrows run along stays narrow however crowded another is).

use super::route::Plan;

/// The closest two arrows running side by side in a gutter may be, in map units.
pub const MIN_TRACK_SPACING: f32 = 12.0;

/// One arrow's place across one gutter: track `index` of the `of` that gutter needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Track {
    pub index: u32,
    pub of: u32,
}

impl Track {
    /// Offset from the gutter's edge: tracks centred, `MIN_TRACK_SPACING` apart or spread evenly
    /// when the gutter is wider than that needs.
    pub fn offset(self, gutter: f32) -> f32 {
        let spacing = MIN_TRACK_SPACING.max(gutter / (self.of + 1) as f32);
        let from_centre = self.index as f32 - (self.of - 1) as f32 / 2.0;
        gutter / 2.0 + from_centre * spacing
    }
}

/// The tracks of every planned route, in the order of the plans.
pub(super) struct Tracks {
    /// Along the vertical gutter beside the sender.
    pub first: Vec<Track>,
    /// Along the horizontal gutter and the vertical gutter beside the receiver, when it crosses.
    pub crossing: Vec<Option<(Track, Track)>>,
    /// How many tracks each vertical gutter needs, left to right (at least 1).
    pub vertical: Vec<u32>,
    /// How many tracks each horizontal gutter needs, top to bottom (at least 1).
    pub horizontal: Vec<u32>,
}

/// The gutter width that keeps `tracks` tracks `MIN_TRACK_SPACING` apart, with 2 units to spare
/// on each side (the cell padding beyond keeps them clear of the cards).
pub(super) fn width_for(tracks: u32) -> f32 {
    tracks.saturating_sub(1) as f32 * MIN_TRACK_SPACING + 4.0
}

/// A run along one gutter: its span in grid steps and which route (and which of its runs) it is.
struct Run {
    gutter: usize,
    from: u32,
    to: u32,
    route: usize,
    /// 0: the first vertical run; 1: the horizontal run; 2: the last vertical run.
    part: u8,
}

fn run(gutter: usize, a: usize, b: usize, route: usize, part: u8) -> Run {
    let (a, b) = (a as u32, b as u32);
    Run {
        gutter,
        from: a.min(b),
        to: a.max(b),
        route,
        part,
    }
}

pub(super) fn assign(plans: &[Plan], verticals: usize, horizontals: usize) -> Tracks {
    let mut vertical_runs = Vec::with_capacity(plans.len() * 2);
    let mut horizontal_runs = Vec::new();
    for (route, p) in plans.iter().enumerate() {
        let source_lane = 2 * p.source.lane + 1;
        let target_lane = 2 * p.target.lane + 1;
        match p.crossing {
            None => vertical_runs.push(run(p.first_vertical, source_lane, target_lane, route, 0)),
            Some((h, v)) => {
                vertical_runs.push(run(p.first_vertical, source_lane, 2 * h, route, 0));
                horizontal_runs.push(run(h, 2 * p.first_vertical, 2 * v, route, 1));
                vertical_runs.push(run(v, 2 * h, target_lane, route, 2));
            }
        }
    }
    let unplaced = Track { index: 0, of: 1 };
    let mut first = vec![unplaced; plans.len()];
    let mut crossing: Vec<Option<(Track, Track)>> = plans
        .iter()
        .map(|p| p.crossing.map(|_| (unplaced, unplaced)))
        .collect();
    let mut needs = [Vec::new(), Vec::new()];
    for (need, (runs, gutters)) in needs
        .iter_mut()
        .zip([(vertical_runs, verticals), (horizontal_runs, horizontals)])
    {
        let (coloured, counts) = colour(runs, gutters);
        *need = counts;
        for (r, track) in coloured {
            match (r.part, &mut crossing[r.route]) {
                (0, _) => first[r.route] = track,
                (1, Some((h, _))) => *h = track,
                (_, Some((_, v))) => *v = track,
                (_, None) => {}
            }
        }
    }
    let [vertical, horizontal] = needs;
    Tracks {
        first,
        crossing,
        vertical,
        horizontal,
    }
}

/// Each run with its track: per gutter, by start, the first track whose last run ended before;
/// and how many tracks each of the `gutters` needs (at least 1).
fn colour(mut runs: Vec<Run>, gutters: usize) -> (Vec<(Run, Track)>, Vec<u32>) {
    runs.sort_by_key(|r| (r.gutter, r.from, r.to, r.route));
    let mut out: Vec<(Run, u32)> = Vec::with_capacity(runs.len());
    let mut counts = vec![1u32; gutters];
    let mut ends: Vec<u32> = Vec::new();
    let mut gutter = usize::MAX;
    for r in runs {
        if r.gutter != gutter {
            gutter = r.gutter;
            ends.clear();
        }
        let index = match ends.iter().position(|&end| end < r.from) {
            Some(free) => {
                ends[free] = r.to;
                free
            }
            None => {
                ends.push(r.to);
                ends.len() - 1
            }
        };
        if let Some(count) = counts.get_mut(r.gutter) {
            *count = (*count).max(ends.len() as u32);
        }
        out.push((r, index as u32));
    }
    let coloured = out
        .into_iter()
        .map(|(r, index)| {
            let of = counts.get(r.gutter).copied().unwrap_or(1).max(1);
            (r, Track { index, of })
        })
        .collect();
    (coloured, counts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tracks_are_centred_and_at_least_the_minimum_apart() {
        let at = |index, of| Track { index, of }.offset(28.0);
        assert_eq!(at(0, 1), 14.0);
        assert_eq!((at(0, 3), at(1, 3), at(2, 3)), (2.0, 14.0, 26.0));
        assert!(at(1, 2) - at(0, 2) >= MIN_TRACK_SPACING);
        // A wide gutter spreads few tracks evenly.
        let wide = |index| Track { index, of: 2 }.offset(300.0);
        assert_eq!((wide(0), wide(1)), (100.0, 200.0));
    }
}
