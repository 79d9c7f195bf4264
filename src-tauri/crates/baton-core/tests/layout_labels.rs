//! Arrows that never collide: on the demo and on the 10,000-step journey, handoffs running along
//! the same gutter are at least `MIN_TRACK_SPACING` apart, no label (chain mark, markers, pill)
//! overlaps another or a card, and the layout's bounds hold every route and label.

use baton_core::layout::{layout, Layout, LayoutStyle, Point, MIN_TRACK_SPACING};
use baton_core::synthetic::{synthetic_model, SyntheticSpec};
use baton_core::*;

const EPS: f32 = 0.01;

fn demo_layouts() -> Vec<(String, Layout)> {
    let mut ws = Workspace::new_file("Demo");
    ws.apply(&templates::demo_edit(&ws)).unwrap();
    let mut out = Vec::new();
    for journey in ws.journeys_in_order() {
        let model = ws.journey_map(&journey.id).unwrap();
        for style in [LayoutStyle::default(), LayoutStyle::presentation()] {
            out.push((journey.name.clone(), layout(&model, &style)));
        }
    }
    out
}

fn medium_layout() -> Layout {
    layout(
        &synthetic_model(&SyntheticSpec::medium()),
        &LayoutStyle::default(),
    )
}

/// No two labels share any area, and none covers a card.
fn assert_no_label_overlaps(name: &str, l: &Layout) {
    let mut labels: Vec<_> = l
        .handoffs
        .iter()
        .map(|h| (&h.handoff_id, h.label))
        .collect();
    // Sweep by left edge so the 10,000-step map is checked in reasonable time.
    labels.sort_by(|a, b| a.1.x.total_cmp(&b.1.x));
    for (i, (id, a)) in labels.iter().enumerate() {
        assert!(a.w > 0.0 && a.h > 0.0, "{name}: empty label {id}");
        for (other, b) in labels[i + 1..].iter().take_while(|(_, b)| b.x < a.x + a.w) {
            assert!(
                !a.overlaps(b.x, b.y, b.w, b.h),
                "{name}: the labels of {id} and {other} overlap: {a:?} {b:?}"
            );
        }
    }
    let mut cards: Vec<_> = l.cards.iter().collect();
    cards.sort_by(|a, b| a.x.total_cmp(&b.x));
    for (id, a) in &labels {
        let first = cards.partition_point(|c| c.x + c.w <= a.x);
        for c in cards[first..].iter().take_while(|c| c.x < a.x + a.w) {
            assert!(
                !a.overlaps(c.x, c.y, c.w, c.h),
                "{name}: the label of {id} covers the card {}",
                c.step_id
            );
        }
    }
}

/// A run along a gutter: its fixed coordinate, its span, and the handoff.
struct Run<'a> {
    at: f32,
    from: f32,
    to: f32,
    handoff: &'a str,
}

/// The vertical runs (every vertical segment lies in a vertical gutter) and the horizontal
/// runs along horizontal gutters (the segments between two gutters: not a card's stub).
fn runs(l: &Layout) -> (Vec<Run<'_>>, Vec<Run<'_>>) {
    let (mut vertical, mut horizontal) = (Vec::new(), Vec::new());
    for h in &l.handoffs {
        let n = h.points.len();
        for (k, w) in h.points.windows(2).enumerate() {
            let (p, q): (Point, Point) = (w[0], w[1]);
            if p.x == q.x {
                vertical.push(Run {
                    at: p.x,
                    from: p.y.min(q.y),
                    to: p.y.max(q.y),
                    handoff: &h.handoff_id,
                });
            } else if k > 0 && k + 2 < n {
                horizontal.push(Run {
                    at: p.y,
                    from: p.x.min(q.x),
                    to: p.x.max(q.x),
                    handoff: &h.handoff_id,
                });
            }
        }
    }
    (vertical, horizontal)
}

/// Runs of different handoffs whose spans overlap are `MIN_TRACK_SPACING` apart or more, unless
/// they lie in different gutters (farther apart than a gutter is wide).
fn assert_runs_apart(name: &str, mut runs: Vec<Run<'_>>, gutter: f32) {
    runs.sort_by(|a, b| a.at.total_cmp(&b.at));
    for (i, a) in runs.iter().enumerate() {
        for b in runs[i + 1..].iter().take_while(|b| b.at - a.at <= gutter) {
            let side_by_side = a.from < b.to - EPS && b.from < a.to - EPS;
            if a.handoff != b.handoff && side_by_side {
                assert!(
                    b.at - a.at >= MIN_TRACK_SPACING - EPS,
                    "{name}: {} and {} run {} apart",
                    a.handoff,
                    b.handoff,
                    b.at - a.at
                );
            }
        }
    }
}

fn assert_inside(name: &str, l: &Layout) {
    for h in &l.handoffs {
        let b = h.label;
        assert!(
            b.x >= 0.0 && b.y >= 0.0 && b.x + b.w <= l.width && b.y + b.h <= l.height,
            "{name}: the label of {} is clipped at the map's edge",
            h.handoff_id
        );
        for p in &h.points {
            assert!(p.x >= 0.0 && p.x <= l.width && p.y >= 0.0 && p.y <= l.height);
        }
    }
}

/// The widest vertical and the widest horizontal gutter of the layout.
fn widest_gutters(l: &Layout) -> (f32, f32) {
    let widest = |gutters: &mut dyn Iterator<Item = f32>| gutters.fold(0.0_f32, f32::max);
    (
        widest(
            &mut l
                .stages
                .iter()
                .flat_map(|s| [s.gutter_before, s.gutter_after]),
        ),
        widest(
            &mut l
                .lanes
                .iter()
                .flat_map(|r| [r.gutter_before, r.gutter_after]),
        ),
    )
}

fn assert_never_collide(name: &str, l: &Layout) {
    assert_no_label_overlaps(name, l);
    let (vertical, horizontal) = runs(l);
    let (widest_vertical, widest_horizontal) = widest_gutters(l);
    assert_runs_apart(name, vertical, widest_vertical.max(l.style.gutter_width));
    assert_runs_apart(
        name,
        horizontal,
        widest_horizontal.max(l.style.gutter_width),
    );
    assert_inside(name, l);
}

/// Each gutter's tracks: the vertical runs that lie in the gutter starting at `x` of width `w`,
/// grouped into distinct x positions (the tracks in use).
fn tracks_in(runs: &[Run<'_>], x: f32, w: f32) -> usize {
    let mut xs: Vec<f32> = runs
        .iter()
        .filter(|r| r.at >= x - EPS && r.at <= x + w + EPS)
        .map(|r| r.at)
        .collect();
    xs.sort_by(f32::total_cmp);
    xs.dedup_by(|a, b| (*a - *b).abs() < EPS);
    xs.len()
}

#[test]
fn the_demo_s_arrows_and_labels_never_collide() {
    let layouts = demo_layouts();
    assert!(layouts.iter().any(|(_, l)| l.handoffs.len() >= 5));
    for (name, l) in &layouts {
        assert_never_collide(name, l);
    }
}

#[test]
fn the_10000_step_journey_s_arrows_and_labels_never_collide() {
    let l = medium_layout();
    assert!(l.cards.len() > 5_000 && l.handoffs.len() > 2_000);
    assert_never_collide("medium", &l);
}

#[test]
fn each_gutter_of_the_10000_step_journey_is_as_wide_as_its_own_arrows_need() {
    let l = medium_layout();
    let (vertical, _) = runs(&l);
    let widths: Vec<f32> = l.stages.iter().map(|s| s.gutter_before).collect();
    let widest = widths.iter().copied().fold(0.0_f32, f32::max);
    // A crowded gutter is wide; the others are not widened to match it: the map is much
    // narrower than it would be with every gutter as wide as the widest (as it was before).
    assert!(
        widest > 200.0,
        "the busiest gutter needs many tracks: {widest}"
    );
    assert!(widths.iter().any(|&w| w < widest / 2.0), "{widths:?}");
    let column = l.stages[0].width;
    let all_widest = l.style.lane_header_width
        + widths.len() as f32 * column
        + (widths.len() + 1) as f32 * widest;
    assert!(
        l.width < 0.85 * all_widest,
        "{} wide, {all_widest} with every gutter the widest: {widths:?}",
        l.width
    );
    // Each gutter is as wide as the tracks its arrows run on need (12 apart, 2 to spare each
    // side), never narrower than the style's.
    for s in &l.stages {
        let tracks = tracks_in(&vertical, s.x - s.gutter_before, s.gutter_before);
        let needed = (tracks.max(1) - 1) as f32 * MIN_TRACK_SPACING + 4.0;
        assert!(
            (s.gutter_before - needed.max(l.style.gutter_width)).abs() < EPS,
            "the gutter left of {} is {} wide for {tracks} tracks",
            s.stage_id,
            s.gutter_before
        );
    }
    // Neighbouring columns agree on the gutter between them, and the headers tile.
    for pair in l.stages.windows(2) {
        assert!((pair[0].gutter_after - pair[1].gutter_before).abs() < EPS);
        let gap = pair[1].x - (pair[0].x + pair[0].width);
        assert!((gap - pair[0].gutter_after).abs() < EPS);
    }
    for pair in l.lanes.windows(2) {
        assert!((pair[0].gutter_after - pair[1].gutter_before).abs() < EPS);
        let gap = pair[1].y - (pair[0].y + pair[0].height);
        assert!((gap - pair[0].gutter_after).abs() < EPS);
    }
}
