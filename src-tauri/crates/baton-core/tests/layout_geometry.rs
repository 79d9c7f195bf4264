//! Geometry of the swimlane layout: cells, cards, handoff routes and emotion curves.

use std::collections::HashMap;

use baton_core::layout::{layout, CardBox, Layout, LayoutStyle, Point};
use baton_core::synthetic::{synthetic_model, SyntheticSpec};
use baton_core::*;

const EPS: f32 = 0.01;

fn journey() -> Journey {
    Journey {
        id: "j".into(),
        name: "Lost card".into(),
        description: String::new(),
        persona_id: None,
        state: JourneyState::Current,
        origin_id: None,
        position: 0,
    }
}

fn stage(i: u32) -> Stage {
    Stage {
        id: format!("s{i}"),
        journey_id: "j".into(),
        name: format!("Stage {i}"),
        description: String::new(),
        position: i,
        origin_id: None,
    }
}

fn lane(i: u32, kind: LaneKind) -> Lane {
    Lane {
        id: format!("l{i}"),
        journey_id: "j".into(),
        name: format!("Lane {i}"),
        kind,
        position: i,
        department: None,
        sourcing: None,
        work: None,
        visibility: None,
        origin_id: None,
    }
}

fn step(id: &str, stage: u32, lane: u32, position: u32, title: &str) -> Step {
    Step {
        id: id.into(),
        journey_id: "j".into(),
        stage_id: format!("s{stage}"),
        lane_id: format!("l{lane}"),
        position,
        title: title.into(),
        notes: String::new(),
        touchpoint: None,
        verification: false,
        resolution: false,
        emotion: None,
        origin_id: None,
    }
}

fn handoff(id: &str, from: &str, to: &str) -> Handoff {
    Handoff {
        id: id.into(),
        journey_id: "j".into(),
        from_step_id: from.into(),
        to_step_id: to.into(),
        mode: HandoffMode::Blind,
        context: ContextTransfer::None,
        customer_repeats: false,
        reverify: false,
        wait_minutes: 0,
        sensitive: false,
        secure_channel: false,
        checklist: Vec::new(),
        note: String::new(),
        origin_id: None,
    }
}

fn model(
    stages: u32,
    lanes: Vec<LaneKind>,
    steps: Vec<Step>,
    handoffs: Vec<Handoff>,
) -> JourneyModel {
    JourneyModel {
        journey: journey(),
        stages: (0..stages).map(stage).collect(),
        lanes: lanes
            .into_iter()
            .enumerate()
            .map(|(i, k)| lane(i as u32, k))
            .collect(),
        steps,
        handoffs,
        targets: Vec::new(),
        responses: Vec::new(),
        scores: Vec::new(),
    }
}

fn medium() -> (JourneyModel, Layout) {
    let model = synthetic_model(&SyntheticSpec::medium());
    let layout = layout(&model, &LayoutStyle::default());
    (model, layout)
}

fn small() -> (JourneyModel, Layout) {
    let model = synthetic_model(&SyntheticSpec::small());
    let layout = layout(&model, &LayoutStyle::default());
    (model, layout)
}

fn card_by_step(layout: &Layout) -> HashMap<&str, &CardBox> {
    layout
        .cards
        .iter()
        .map(|c| (c.step_id.as_str(), c))
        .collect()
}

/// Whether the axis-aligned segment a-b passes through the open interior of the card.
fn crosses_interior(a: Point, b: Point, card: &CardBox) -> bool {
    let (left, right) = (card.x + EPS, card.x + card.w - EPS);
    let (top, bottom) = (card.y + EPS, card.y + card.h - EPS);
    let (x0, x1) = (a.x.min(b.x), a.x.max(b.x));
    let (y0, y1) = (a.y.min(b.y), a.y.max(b.y));
    x0 < right && x1 > left && y0 < bottom && y1 > top
}

fn on_side_edge(p: Point, card: &CardBox) -> bool {
    let on_vertical_edge = (p.x - card.x).abs() < EPS || (p.x - (card.x + card.w)).abs() < EPS;
    on_vertical_edge && p.y > card.y && p.y < card.y + card.h
}

#[test]
fn lane_height_fits_its_tallest_cell() {
    let long =
        "A long title that wraps onto several lines inside the card for sure, and then some more";
    let steps = vec![
        step("a", 0, 0, 0, "Short"),
        step("b", 1, 0, 0, long),
        step("c", 1, 0, 1, long),
        step("d", 1, 0, 2, "Third"),
        step("e", 0, 1, 0, "Alone"),
    ];
    let m = model(2, vec![LaneKind::Customer, LaneKind::Actor], steps, vec![]);
    let style = LayoutStyle::default();
    let l = layout(&m, &style);
    let cards = card_by_step(&l);
    let tallest_cell_bottom = cards["d"].y + cards["d"].h;
    let lane0 = &l.lanes[0];
    assert!((lane0.y + lane0.height - (tallest_cell_bottom + style.cell_padding)).abs() < EPS);
    // The other cell of the lane is shorter and fits too.
    assert!(cards["a"].y + cards["a"].h <= lane0.y + lane0.height);
    // A lane with one card is only as tall as that card and its padding.
    let lane1 = &l.lanes[1];
    assert!((lane1.height - (cards["e"].h + 2.0 * style.cell_padding)).abs() < EPS);
    assert!(lane1.height < lane0.height);
}

#[test]
fn cards_never_overlap_and_lie_inside_their_cell() {
    let (model, layout) = medium();
    let stage_of: HashMap<&str, usize> = model
        .stages
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id.as_str(), i))
        .collect();
    let lane_of: HashMap<&str, usize> = model
        .lanes
        .iter()
        .enumerate()
        .map(|(i, l)| (l.id.as_str(), i))
        .collect();
    let steps: HashMap<&str, &Step> = model.steps.iter().map(|s| (s.id.as_str(), s)).collect();
    let emotion_steps = model.steps.iter().filter(|s| s.emotion.is_some()).count();
    assert_eq!(layout.cards.len(), model.steps.len() - emotion_steps);
    let mut by_cell: HashMap<(usize, usize), Vec<&CardBox>> = HashMap::new();
    for card in &layout.cards {
        let step = steps[card.step_id.as_str()];
        let (s, l) = (
            stage_of[step.stage_id.as_str()],
            lane_of[step.lane_id.as_str()],
        );
        let (column, row) = (&layout.stages[s], &layout.lanes[l]);
        assert!(card.x >= column.x && card.x + card.w <= column.x + column.width + EPS);
        assert!(card.y >= row.y && card.y + card.h <= row.y + row.height + EPS);
        by_cell.entry((s, l)).or_default().push(card);
    }
    // Cards of different cells are separated by their cells; within a cell, check every pair.
    for cards in by_cell.values() {
        for (i, a) in cards.iter().enumerate() {
            for b in &cards[i + 1..] {
                let apart = a.y + a.h <= b.y + EPS || b.y + b.h <= a.y + EPS;
                assert!(apart, "{} overlaps {}", a.step_id, b.step_id);
            }
        }
    }
    // Columns and lanes don't overlap each other.
    for w in layout.stages.windows(2) {
        assert!(w[0].x + w[0].width < w[1].x);
    }
    for w in layout.lanes.windows(2) {
        assert!(w[0].y + w[0].height < w[1].y);
    }
}

#[test]
fn cards_stack_in_position_order() {
    let steps = vec![step("second", 0, 0, 1, "B"), step("first", 0, 0, 0, "A")];
    let l = layout(
        &model(1, vec![LaneKind::Customer], steps, vec![]),
        &LayoutStyle::default(),
    );
    let cards = card_by_step(&l);
    assert!(cards["first"].y < cards["second"].y);
}

#[test]
fn long_titles_wrap_to_at_most_four_lines_and_are_clipped() {
    let long = "Agent re-verifies the customer's identity again ".repeat(6);
    let steps = vec![
        step("long", 0, 0, 0, long.trim()),
        step("short", 0, 0, 1, "Calls"),
    ];
    let style = LayoutStyle::default();
    let l = layout(&model(1, vec![LaneKind::Customer], steps, vec![]), &style);
    let cards = card_by_step(&l);
    assert_eq!(cards["long"].lines.len(), 4);
    assert!(cards["long"].clipped);
    assert!(cards["long"].lines[3].ends_with('…'));
    assert!(cards["long"].h >= 4.0 * style.line_height);
    assert!(!cards["short"].clipped);
    assert_eq!(cards["short"].lines, vec!["Calls".to_owned()]);
    assert!((cards["short"].h - style.card_min_height).abs() < EPS);
    let (_, medium) = medium();
    assert!(medium
        .cards
        .iter()
        .all(|c| c.lines.len() <= 4
            && (c.clipped == c.lines.last().is_some_and(|l| l.ends_with('…')))));
    assert!(medium.cards.iter().any(|c| c.clipped));
}

fn assert_routes_are_clean(model: &JourneyModel, layout: &Layout) {
    let cards = card_by_step(layout);
    let handoffs: HashMap<&str, &Handoff> =
        model.handoffs.iter().map(|h| (h.id.as_str(), h)).collect();
    for path in &layout.handoffs {
        let handoff = handoffs[path.handoff_id.as_str()];
        let (source, target) = (
            cards[handoff.from_step_id.as_str()],
            cards[handoff.to_step_id.as_str()],
        );
        let (first, last) = (path.points[0], *path.points.last().unwrap());
        assert!(
            on_side_edge(first, source),
            "{} starts off its source edge",
            path.handoff_id
        );
        assert!(
            on_side_edge(last, target),
            "{} ends off its target edge",
            path.handoff_id
        );
        assert_eq!(path.arrow.tip, last);
        for pair in path.points.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            assert!(
                a.x == b.x || a.y == b.y,
                "{} has a diagonal segment",
                path.handoff_id
            );
            for card in &layout.cards {
                assert!(
                    !crosses_interior(a, b, card),
                    "{} crosses card {}",
                    path.handoff_id,
                    card.step_id
                );
            }
        }
    }
}

#[test]
fn handoff_paths_run_edge_to_edge_without_crossing_any_card() {
    let spec = SyntheticSpec {
        stages: 12,
        lanes: 9,
        steps: 600,
        handoffs: 400,
        responses: 0,
        seed: 3,
    };
    let model = synthetic_model(&spec);
    let layout = layout(&model, &LayoutStyle::default());
    assert_eq!(layout.handoffs.len(), model.handoffs.len());
    assert!(layout.handoffs.len() > 300);
    assert_routes_are_clean(&model, &layout);
}

#[test]
fn handoffs_in_every_direction_are_routed_cleanly() {
    // Forward, backward, same column, same lane far apart, upwards and downwards.
    let steps = vec![
        step("a", 0, 0, 0, "A"),
        step("a2", 0, 0, 1, "A2"),
        step("b", 1, 1, 0, "B"),
        step("c", 3, 2, 0, "C"),
        step("d", 0, 2, 0, "D"),
        step("e", 3, 0, 0, "E"),
    ];
    let handoffs = vec![
        handoff("h1", "a", "b"),
        handoff("h2", "b", "a2"),
        handoff("h3", "a", "d"),
        handoff("h4", "d", "a"),
        handoff("h5", "a", "c"),
        handoff("h6", "c", "a2"),
        handoff("h7", "e", "d"),
        handoff("h8", "d", "e"),
    ];
    let m = model(
        4,
        vec![LaneKind::Customer, LaneKind::Actor, LaneKind::Actor],
        steps,
        handoffs,
    );
    let l = layout(&m, &LayoutStyle::default());
    assert_eq!(l.handoffs.len(), 8);
    assert_routes_are_clean(&m, &l);
}

#[test]
fn parallel_handoffs_get_separate_tracks() {
    let steps = vec![
        step("a", 0, 0, 0, "A"),
        step("b", 0, 0, 1, "B"),
        step("c", 2, 1, 0, "C"),
        step("d", 2, 1, 1, "D"),
    ];
    let handoffs = vec![handoff("h1", "a", "c"), handoff("h2", "b", "d")];
    let m = model(
        3,
        vec![LaneKind::Customer, LaneKind::Actor],
        steps,
        handoffs,
    );
    let l = layout(&m, &LayoutStyle::default());
    let (p, q) = (&l.handoffs[0].points, &l.handoffs[1].points);
    // Both run down the gutter right of stage 0, along the gutter above lane 1, and down the
    // gutter left of stage 2: each of those runs must be at a different offset.
    assert_eq!(p.len(), 6);
    assert_eq!(q.len(), 6);
    assert_ne!(p[1].x, q[1].x);
    assert_ne!(p[2].y, q[2].y);
    assert_ne!(p[3].x, q[3].x);
}

#[test]
fn three_handoffs_down_one_gutter_are_spread_and_labelled_apart() {
    // The case: three handoffs from one column to the next share the gutter between
    // them, all re-verifying and retelling, to customer-facing cards (so with chain rows).
    let mut steps = vec![];
    let mut handoffs = vec![];
    for i in 0..3u32 {
        steps.push(step(&format!("a{i}"), 0, 0, i, "Sends"));
        let mut to = step(&format!("b{i}"), 1, 2, i, "Receives");
        to.touchpoint = Some(Channel::Phone);
        steps.push(to);
        let mut h = handoff(&format!("h{i}"), &format!("a{i}"), &format!("b{i}"));
        h.reverify = true;
        h.customer_repeats = true;
        handoffs.push(h);
    }
    let kinds = vec![LaneKind::Customer, LaneKind::Actor, LaneKind::Actor];
    let l = layout(&model(2, kinds, steps, handoffs), &LayoutStyle::default());
    let mut xs: Vec<f32> = l.handoffs.iter().map(|h| h.points[1].x).collect();
    xs.sort_by(f32::total_cmp);
    assert!(
        xs[1] - xs[0] >= 12.0 - EPS && xs[2] - xs[1] >= 12.0 - EPS,
        "{xs:?}"
    );
    let labels: Vec<_> = l.handoffs.iter().map(|h| h.label).collect();
    for (i, a) in labels.iter().enumerate() {
        assert!(
            a.h >= 18.0 + 22.0 + 18.0 + 8.0,
            "room for chain, markers and pill"
        );
        for b in &labels[i + 1..] {
            assert!(!a.overlaps(b.x, b.y, b.w, b.h), "{a:?} {b:?}");
        }
        for c in &l.cards {
            assert!(
                !a.overlaps(c.x, c.y, c.w, c.h),
                "{a:?} covers {}",
                c.step_id
            );
        }
    }
}

#[test]
fn only_the_gutter_four_arrows_share_widens() {
    // Four handoffs from stage 1 to stage 2 run side by side down the gutter between them; the
    // gutters left of stage 1 and right of stage 2, and every horizontal gutter, carry none.
    let mut steps = vec![];
    let mut handoffs = vec![];
    for i in 0..4u32 {
        steps.push(step(&format!("a{i}"), 1, 0, i, "Sends"));
        steps.push(step(&format!("b{i}"), 2, 1, i, "Receives"));
        handoffs.push(handoff(
            &format!("h{i}"),
            &format!("a{i}"),
            &format!("b{i}"),
        ));
    }
    let kinds = vec![LaneKind::Customer, LaneKind::Actor];
    let style = LayoutStyle::default();
    let l = layout(&model(4, kinds, steps, handoffs), &style);
    let widths: Vec<f32> = l.stages.iter().map(|s| s.gutter_before).collect();
    // Four tracks 12 apart with 2 to spare each side: 40.
    assert_eq!(widths, [28.0, 28.0, 40.0, 28.0]);
    assert_eq!(l.stages[3].gutter_after, 28.0);
    assert_eq!(l.style.gutter_width, 28.0, "the style keeps the narrowest");
    assert!(l
        .lanes
        .iter()
        .all(|r| r.gutter_before == 28.0 && r.gutter_after == 28.0));
    // Columns follow their own gutters: the map is only as wide as the one wider gutter makes it.
    assert_eq!(l.stages[2].x - (l.stages[1].x + l.stages[1].width), 40.0);
    let plain = layout(&model(4, vec![LaneKind::Customer], vec![], vec![]), &style);
    assert_eq!(l.width - plain.width, 12.0);
    let mut xs: Vec<f32> = l.handoffs.iter().map(|h| h.points[1].x).collect();
    xs.sort_by(f32::total_cmp);
    assert!(xs.windows(2).all(|w| w[1] - w[0] >= 12.0 - EPS), "{xs:?}");
}

#[test]
fn a_label_sits_on_its_own_arrow_when_its_gutter_has_room() {
    let (_, layout) = small();
    for path in &layout.handoffs {
        let (a, b) = (path.label_anchor, path.label);
        assert!((a.x - (b.x + b.w / 2.0)).abs() < EPS && (a.y - (b.y + b.h / 2.0)).abs() < EPS);
        // The box covers a stretch of one of the arrow's vertical runs.
        let on_run = path.points.windows(2).any(|w| {
            let (p, q) = (w[0], w[1]);
            p.x == q.x
                && p.x >= b.x
                && p.x <= b.x + b.w
                && a.y >= p.y.min(q.y) - EPS
                && a.y <= p.y.max(q.y) + EPS
        });
        assert!(on_run, "{}", path.handoff_id);
    }
}

#[test]
fn emotion_maps_minus_three_to_plus_three_monotonically_inside_its_lane() {
    let mut steps = Vec::new();
    for (i, e) in (-3i8..=3).enumerate() {
        let mut s = step(&format!("e{i}"), i as u32, 0, 0, "Feeling");
        s.emotion = Some(e);
        steps.push(s);
    }
    let m = model(
        7,
        vec![LaneKind::Emotion, LaneKind::Customer],
        steps,
        vec![],
    );
    let l = layout(&m, &LayoutStyle::default());
    assert!(l.cards.is_empty(), "emotion steps are points, not cards");
    assert_eq!(l.emotion_curves.len(), 1);
    let curve = &l.emotion_curves[0];
    assert_eq!(curve.lane_id, "l0");
    assert_eq!(curve.points.len(), 7);
    let row = &l.lanes[0];
    for w in curve.points.windows(2) {
        assert!(w[1].emotion > w[0].emotion);
        assert!(w[1].y < w[0].y, "higher emotion is drawn higher");
        assert!(w[1].x > w[0].x);
    }
    for (p, column) in curve.points.iter().zip(&l.stages) {
        assert!(p.y > row.y && p.y < row.y + row.height);
        assert!(
            (p.x - (column.x + column.width / 2.0)).abs() < EPS,
            "a lone point sits at its stage's centre"
        );
    }
}

#[test]
fn empty_journey_yields_a_small_valid_layout() {
    let style = LayoutStyle::default();
    let l = layout(&model(0, vec![], vec![], vec![]), &style);
    assert!(l.width > 0.0 && l.height > 0.0);
    assert!(l.width <= style.lane_header_width + 2.0 * style.gutter_width);
    assert!(
        l.stages.is_empty() && l.lanes.is_empty() && l.cards.is_empty() && l.handoffs.is_empty()
    );
    // Stages without lanes and lanes without stages are fine too.
    let stages_only = layout(&model(3, vec![], vec![], vec![]), &style);
    assert_eq!(stages_only.stages.len(), 3);
    let lanes_only = layout(
        &model(
            0,
            vec![LaneKind::Customer, LaneKind::Emotion],
            vec![],
            vec![],
        ),
        &style,
    );
    assert_eq!(lanes_only.lanes.len(), 2);
    assert!(lanes_only.emotion_curves[0].points.is_empty());
}

#[test]
fn steps_and_handoffs_pointing_nowhere_are_left_out() {
    let steps = vec![
        step("a", 0, 0, 0, "A"),
        step("ghost", 5, 0, 0, "Nowhere"),
        step("b", 0, 1, 0, "B"),
    ];
    let handoffs = vec![
        handoff("h1", "a", "b"),
        handoff("h2", "a", "ghost"),
        handoff("h3", "missing", "b"),
    ];
    let l = layout(
        &model(
            1,
            vec![LaneKind::Customer, LaneKind::Actor],
            steps,
            handoffs,
        ),
        &LayoutStyle::default(),
    );
    assert_eq!(l.cards.len(), 2);
    assert_eq!(l.handoffs.len(), 1);
    assert_eq!(l.handoffs[0].handoff_id, "h1");
}

#[test]
fn layout_is_deterministic() {
    let model = synthetic_model(&SyntheticSpec::medium());
    let style = LayoutStyle::presentation();
    let first = layout(&model, &style);
    let second = layout(&model, &style);
    assert_eq!(first, second);
    // And serialises identically, which is what the UI and the exporters receive.
    assert_eq!(
        serde_json::to_string(&first).unwrap(),
        serde_json::to_string(&second).unwrap()
    );
}

#[test]
fn presentation_style_draws_bigger_cards() {
    let m = model(
        1,
        vec![LaneKind::Customer],
        vec![step("a", 0, 0, 0, "Calls the bank")],
        vec![],
    );
    let normal = layout(&m, &LayoutStyle::default());
    let big = layout(&m, &LayoutStyle::presentation());
    assert!(big.cards[0].w > normal.cards[0].w && big.cards[0].h > normal.cards[0].h);
    assert!(big.width > normal.width);
}

#[test]
fn titles_known_from_an_earlier_layout_give_the_same_layout() {
    use baton_core::layout::{layout_parts_reusing, text::WrappedTitle};
    let (model, whole) = small();
    let cards = card_by_step(&whole);
    let mut asked = 0;
    let reused = layout_parts_reusing((&model).into(), &LayoutStyle::default(), |step| {
        asked += 1;
        cards.get(step.id.as_str()).map(|c| WrappedTitle {
            lines: c.lines.clone(),
            clipped: c.clipped,
        })
    });
    // Once per card (the emotion lane's steps are points, not cards).
    assert_eq!(asked, whole.cards.len());
    assert_eq!(reused, whole);
}

#[test]
fn a_known_title_is_used_as_given_and_the_cell_grows_with_it() {
    use baton_core::layout::{layout_parts_reusing, text::WrappedTitle};
    let (model, whole) = small();
    let first = &whole.cards[0].step_id;
    let four_lines = WrappedTitle {
        lines: vec!["a".into(), "b".into(), "c".into(), "d".into()],
        clipped: true,
    };
    let reused = layout_parts_reusing((&model).into(), &LayoutStyle::default(), |step| {
        (&step.id == first).then(|| four_lines.clone())
    });
    let style = LayoutStyle::default();
    let after = card_by_step(&reused)[first.as_str()];
    assert_eq!(after.lines, four_lines.lines);
    assert!(after.clipped);
    let four_lines_tall = 4.0 * style.line_height + 2.0 * style.card_padding;
    assert!((after.h - four_lines_tall.max(style.card_min_height)).abs() < EPS);
    // Every other title was wrapped as usual.
    for (id, card) in card_by_step(&reused) {
        if id != first {
            assert_eq!(card.lines, card_by_step(&whole)[id].lines, "{id}");
        }
    }
}
