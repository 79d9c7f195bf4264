//! The swimlane geometry, computed once here and drawn by the UI and the exporters alike.
//!
//! The map is a grid of cells (stage columns x lane rows). Every cell is surrounded by gutters:
//! a vertical gutter left of each column and right of the last, a horizontal gutter above each
//! lane and below the last. Cards sit inside their cell, stacked by position; handoff arrows run
//! only through the gutters and the empty padding beside cards, so they never cross a card.
//! All coordinates are f32 in map space, origin top left, y downwards.

pub mod labels;
mod route;
pub mod text;
mod tracks;

pub use labels::LabelBox;
pub use tracks::MIN_TRACK_SPACING;

use serde::{Deserialize, Serialize};
use specta::Type;

use crate::id_map::{self, IdMap};
use crate::model::{Handoff, Id, JourneyModel, Lane, LaneKind, Stage, Step};

/// How a layout length is typed for TypeScript: `number`. specta-typescript types every float
/// as `number | null` (serde_json writes NaN as null), but a layout holds only finite lengths,
/// so the UI would otherwise check for a null that never comes. Only the generated type changes:
/// the field stays `f32` and crosses IPC as a JSON number.
pub type TsNumber = i32;

/// Sizes of everything on the map, in map units (pixels at 100%).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct LayoutStyle {
    #[specta(type = TsNumber)]
    pub card_width: f32,
    /// A card is at least this tall: room for two lines of title.
    #[specta(type = TsNumber)]
    pub card_min_height: f32,
    /// Space between a card's edge and its text.
    #[specta(type = TsNumber)]
    pub card_padding: f32,
    #[specta(type = TsNumber)]
    pub font_size: f32,
    #[specta(type = TsNumber)]
    pub line_height: f32,
    /// Average character width as a fraction of the font size, for the approximate measurement
    /// of titles (see [`text::text_width`]).
    #[specta(type = TsNumber)]
    pub char_width_factor: f32,
    /// Space between a cell's edge and its cards.
    #[specta(type = TsNumber)]
    pub cell_padding: f32,
    /// Space between stacked cards in one cell.
    #[specta(type = TsNumber)]
    pub card_gap: f32,
    /// Width of the gutters between cells, where handoff arrows run: the narrowest. A gutter
    /// where more arrows run side by side is wider, as its own tracks need (each stage column and
    /// lane row gives the width of the gutters either side).
    #[specta(type = TsNumber)]
    pub gutter_width: f32,
    #[specta(type = TsNumber)]
    pub stage_header_height: f32,
    #[specta(type = TsNumber)]
    pub lane_header_width: f32,
    #[specta(type = TsNumber)]
    pub emotion_lane_height: f32,
    pub max_title_lines: u32,
}

impl Default for LayoutStyle {
    fn default() -> Self {
        Self {
            card_width: 168.0,
            card_min_height: 52.0,
            card_padding: 8.0,
            font_size: 13.0,
            line_height: 18.0,
            char_width_factor: 0.55,
            cell_padding: 10.0,
            card_gap: 8.0,
            gutter_width: 28.0,
            stage_header_height: 44.0,
            lane_header_width: 176.0,
            emotion_lane_height: 120.0,
            max_title_lines: 4,
        }
    }
}

impl LayoutStyle {
    /// Larger type and cards for a projector or a printed wall map.
    pub fn presentation() -> Self {
        Self {
            card_width: 220.0,
            card_min_height: 68.0,
            card_padding: 10.0,
            font_size: 17.0,
            line_height: 24.0,
            char_width_factor: 0.55,
            cell_padding: 14.0,
            card_gap: 10.0,
            gutter_width: 36.0,
            stage_header_height: 56.0,
            lane_header_width: 220.0,
            emotion_lane_height: 160.0,
            max_title_lines: 4,
        }
    }

    /// The width a title may take inside a card.
    pub fn text_width_available(&self) -> f32 {
        (self.card_width - 2.0 * self.card_padding).max(0.0)
    }

    fn column_width(&self) -> f32 {
        self.card_width + 2.0 * self.cell_padding
    }

    fn empty_lane_height(&self) -> f32 {
        self.card_min_height + 2.0 * self.cell_padding
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, Type)]
pub struct Point {
    #[specta(type = TsNumber)]
    pub x: f32,
    #[specta(type = TsNumber)]
    pub y: f32,
}

/// A stage's column of cells (its header sits above `y = style.stage_header_height`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct StageColumn {
    pub stage_id: Id,
    pub name: String,
    #[specta(type = TsNumber)]
    pub x: f32,
    #[specta(type = TsNumber)]
    pub width: f32,
    /// The widths of the vertical gutters left and right of the column (its header reaches
    /// halfway into each, so the headers tile).
    #[specta(type = TsNumber)]
    pub gutter_before: f32,
    #[specta(type = TsNumber)]
    pub gutter_after: f32,
}

/// A lane's row of cells (its header sits left of `x = style.lane_header_width`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct LaneRow {
    pub lane_id: Id,
    pub name: String,
    pub kind: LaneKind,
    #[specta(type = TsNumber)]
    pub y: f32,
    #[specta(type = TsNumber)]
    pub height: f32,
    /// The heights of the horizontal gutters above and below the row (its header reaches
    /// halfway into each, so the headers tile).
    #[specta(type = TsNumber)]
    pub gutter_before: f32,
    #[specta(type = TsNumber)]
    pub gutter_after: f32,
}

/// One step's card. Emotion steps have no card: they are points of an [`EmotionCurve`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct CardBox {
    pub step_id: Id,
    #[specta(type = TsNumber)]
    pub x: f32,
    #[specta(type = TsNumber)]
    pub y: f32,
    #[specta(type = TsNumber)]
    pub w: f32,
    #[specta(type = TsNumber)]
    pub h: f32,
    /// The title wrapped to the card, at most `max_title_lines` lines.
    pub lines: Vec<String>,
    /// The title did not fit: the last line ends with an ellipsis.
    pub clipped: bool,
}

/// Where and which way an arrow head points.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, Type)]
pub struct ArrowEnd {
    pub tip: Point,
    /// Unit direction of the last segment.
    #[specta(type = TsNumber)]
    pub dx: f32,
    #[specta(type = TsNumber)]
    pub dy: f32,
}

/// An orthogonal polyline from the sending card's edge to the receiving card's edge.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct HandoffPath {
    pub handoff_id: Id,
    pub points: Vec<Point>,
    pub arrow: ArrowEnd,
    /// The centre of `label`.
    pub label_anchor: Point,
    /// Where the handoff's chain mark, markers (re-verify, retell) and friction or score pill
    /// go, stacked and centred: in the gutter beside the sender, on the arrow's run when there is
    /// room, never over a card or another handoff's label.
    pub label: LabelBox,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct EmotionPoint {
    pub step_id: Id,
    pub emotion: i32,
    #[specta(type = TsNumber)]
    pub x: f32,
    #[specta(type = TsNumber)]
    pub y: f32,
}

/// The points of one emotion lane's curve, left to right; the UI draws a smooth curve through them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct EmotionCurve {
    pub lane_id: Id,
    pub points: Vec<EmotionPoint>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct Layout {
    #[specta(type = TsNumber)]
    pub width: f32,
    #[specta(type = TsNumber)]
    pub height: f32,
    pub style: LayoutStyle,
    pub stages: Vec<StageColumn>,
    pub lanes: Vec<LaneRow>,
    pub cards: Vec<CardBox>,
    pub handoffs: Vec<HandoffPath>,
    pub emotion_curves: Vec<EmotionCurve>,
}

/// The cell grid: column and lane positions, and the gutters between them, each as wide as the
/// arrows running along it need.
struct Grid {
    /// Left edge of each stage's column.
    column_x: Vec<f32>,
    column_width: f32,
    /// Left edge of each vertical gutter: gutter `c` lies left of column `c`; one more after the last.
    vertical_gutter_x: Vec<f32>,
    /// Width of each vertical gutter.
    vertical_gutter_w: Vec<f32>,
    lane_y: Vec<f32>,
    lane_height: Vec<f32>,
    /// Top edge of each horizontal gutter: gutter `l` lies above lane `l`; one more below the last.
    horizontal_gutter_y: Vec<f32>,
    /// Height of each horizontal gutter.
    horizontal_gutter_h: Vec<f32>,
    cell_padding: f32,
}

/// The cell a card sits in.
#[derive(Debug, Clone, Copy)]
struct Placed {
    stage: usize,
    lane: usize,
}

/// What the layout reads of a journey, in [`JourneyModel`]'s orders. Borrowed, so a caller
/// that keeps its lists elsewhere (the app keeps the map between edits) lays them out as they are.
#[derive(Debug, Clone, Copy)]
pub struct MapParts<'a> {
    pub stages: &'a [Stage],
    pub lanes: &'a [Lane],
    pub steps: &'a [Step],
    pub handoffs: &'a [Handoff],
}

impl<'a> From<&'a JourneyModel> for MapParts<'a> {
    fn from(model: &'a JourneyModel) -> Self {
        MapParts {
            stages: &model.stages,
            lanes: &model.lanes,
            steps: &model.steps,
            handoffs: &model.handoffs,
        }
    }
}

/// The whole map geometry of a journey. Steps, handoffs or emotion points that refer to a stage,
/// lane or step not in the model are left out rather than failing: the layout draws what exists.
pub fn layout(model: &JourneyModel, style: &LayoutStyle) -> Layout {
    layout_parts(model.into(), style)
}

/// [`layout`] of the parts of a journey.
pub fn layout_parts(model: MapParts<'_>, style: &LayoutStyle) -> Layout {
    layout_parts_reusing(model, style, |_| None)
}

/// [`layout_parts`], taking a card's wrapped title from `known` when it has one instead of
/// wrapping it again: a caller that laid the map out before in the same style knows which titles
/// did not change since, and wrapping is about half the work of laying out a big map.
pub fn layout_parts_reusing(
    model: MapParts<'_>,
    style: &LayoutStyle,
    mut known: impl FnMut(&Step) -> Option<text::WrappedTitle>,
) -> Layout {
    let stage_index: IdMap<&str, usize> = model
        .stages
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id.as_str(), i))
        .collect();
    let lane_index: IdMap<&str, usize> = model
        .lanes
        .iter()
        .enumerate()
        .map(|(i, l)| (l.id.as_str(), i))
        .collect();
    let stage_count = model.stages.len();
    let lane_count = model.lanes.len();

    // Steps per cell, in cell order, so stacking follows `position` whatever the input order.
    let mut cells: Vec<Vec<usize>> = vec![Vec::new(); stage_count * lane_count];
    for (i, step) in model.steps.iter().enumerate() {
        if let (Some(&s), Some(&l)) = (
            stage_index.get(step.stage_id.as_str()),
            lane_index.get(step.lane_id.as_str()),
        ) {
            cells[s * lane_count + l].push(i);
        }
    }
    for cell in &mut cells {
        cell.sort_by(|&a, &b| {
            let (a, b) = (&model.steps[a], &model.steps[b]);
            (a.position, &a.id).cmp(&(b.position, &b.id))
        });
    }

    // Wrap every card title once; heights follow.
    let available = style.text_width_available();
    let mut wrapped: Vec<Option<text::WrappedTitle>> = vec![None; model.steps.len()];
    let mut lane_height: Vec<f32> = model
        .lanes
        .iter()
        .map(|l| match l.kind {
            LaneKind::Emotion => style.emotion_lane_height,
            _ => style.empty_lane_height(),
        })
        .collect();
    for (cell_index, cell) in cells.iter().enumerate() {
        let lane = cell_index % lane_count.max(1);
        if model.lanes[lane].kind == LaneKind::Emotion || cell.is_empty() {
            continue;
        }
        let mut stacked = 2.0 * style.cell_padding;
        for (k, &step_index) in cell.iter().enumerate() {
            let step = &model.steps[step_index];
            let title =
                known(step).unwrap_or_else(|| text::wrap_title(&step.title, available, style));
            stacked += card_height(title.lines.len(), style);
            if k > 0 {
                stacked += style.card_gap;
            }
            wrapped[step_index] = Some(title);
        }
        lane_height[lane] = lane_height[lane].max(stacked);
    }

    // Which cards there will be, and their cells: the handoffs' routes are planned on these,
    // and their tracks decide how wide the gutters must be before the grid is built.
    let mut card_steps: Vec<usize> = Vec::with_capacity(model.steps.len());
    let mut placed = Vec::with_capacity(model.steps.len());
    let mut card_of_step: IdMap<&str, usize> = id_map::with_capacity(model.steps.len());
    for (cell_index, cell) in cells.iter().enumerate() {
        let (stage, lane) = (cell_index / lane_count, cell_index % lane_count);
        for &step in cell.iter().filter(|&&step| wrapped[step].is_some()) {
            card_of_step.insert(model.steps[step].id.as_str(), card_steps.len());
            card_steps.push(step);
            placed.push(Placed { stage, lane });
        }
    }
    let plans = route::plan_all(model, &placed, &card_of_step);
    let tracks = tracks::assign(&plans, stage_count + 1, lane_count + 1);
    let widths = |needs: &[u32]| -> Vec<f32> {
        needs
            .iter()
            .map(|&n| style.gutter_width.max(tracks::width_for(n)))
            .collect()
    };
    let grid = build_grid(
        stage_count,
        lane_height,
        widths(&tracks.vertical),
        widths(&tracks.horizontal),
        style,
    );

    let stages = model
        .stages
        .iter()
        .enumerate()
        .map(|(i, s)| StageColumn {
            stage_id: s.id.clone(),
            name: s.name.clone(),
            x: grid.column_x[i],
            width: grid.column_width,
            gutter_before: grid.vertical_gutter_w[i],
            gutter_after: grid.vertical_gutter_w[i + 1],
        })
        .collect();
    let lanes = model
        .lanes
        .iter()
        .enumerate()
        .map(|(i, l)| LaneRow {
            lane_id: l.id.clone(),
            name: l.name.clone(),
            kind: l.kind,
            y: grid.lane_y[i],
            height: grid.lane_height[i],
            gutter_before: grid.horizontal_gutter_h[i],
            gutter_after: grid.horizontal_gutter_h[i + 1],
        })
        .collect();

    // Cards, in cell order, each below the one before in its cell.
    let mut cards: Vec<CardBox> = Vec::with_capacity(card_steps.len());
    for (card, &step) in card_steps.iter().enumerate() {
        let Placed { stage, lane } = placed[card];
        let Some(title) = wrapped[step].take() else {
            continue;
        };
        let y = match cards.last() {
            Some(above)
                if card > 0 && placed[card - 1].stage == stage && placed[card - 1].lane == lane =>
            {
                above.y + above.h + style.card_gap
            }
            _ => grid.lane_y[lane] + style.cell_padding,
        };
        cards.push(CardBox {
            step_id: model.steps[step].id.clone(),
            x: grid.column_x[stage] + style.cell_padding,
            y,
            w: style.card_width,
            h: card_height(title.lines.len(), style),
            lines: title.lines,
            clipped: title.clipped,
        });
    }

    let steps_of_cards: Vec<&Step> = card_steps.iter().map(|&i| &model.steps[i]).collect();
    let handoffs = route::route_handoffs(model, &steps_of_cards, &cards, &plans, &tracks, &grid);
    let emotion_curves = emotion_curves(model, &cells, &grid, style);
    let (width, height) = bounds(&grid, &handoffs);

    Layout {
        width,
        height,
        style: style.clone(),
        stages,
        lanes,
        cards,
        handoffs,
        emotion_curves,
    }
}

/// The map's size: the grid with its last gutters as the margin right and below, grown to hold
/// every route and label (a label pushed past the last lane by a crowded gutter is never clipped).
fn bounds(grid: &Grid, handoffs: &[HandoffPath]) -> (f32, f32) {
    let end = |at: &[f32], size: &[f32]| {
        at.last().copied().unwrap_or(0.0) + size.last().copied().unwrap_or(0.0)
    };
    let mut width = end(&grid.vertical_gutter_x, &grid.vertical_gutter_w);
    let mut height = end(&grid.horizontal_gutter_y, &grid.horizontal_gutter_h);
    for h in handoffs {
        width = width.max(h.label.x + h.label.w);
        height = height.max(h.label.y + h.label.h + grid.cell_padding);
        for p in &h.points {
            width = width.max(p.x + grid.cell_padding);
            height = height.max(p.y + grid.cell_padding);
        }
    }
    (width, height)
}

fn card_height(lines: usize, style: &LayoutStyle) -> f32 {
    (lines as f32 * style.line_height + 2.0 * style.card_padding).max(style.card_min_height)
}

/// The grid of `stage_count` columns and lanes of `lane_height`, with the gutters' widths
/// (`vertical_gutter_w`: one per stage and one after the last; `horizontal_gutter_h`: one per
/// lane and one below the last).
fn build_grid(
    stage_count: usize,
    lane_height: Vec<f32>,
    vertical_gutter_w: Vec<f32>,
    horizontal_gutter_h: Vec<f32>,
    style: &LayoutStyle,
) -> Grid {
    let column_width = style.column_width();
    let gutter = |widths: &[f32], i: usize| widths.get(i).copied().unwrap_or(style.gutter_width);
    let mut vertical_gutter_x = Vec::with_capacity(stage_count + 1);
    let mut column_x = Vec::with_capacity(stage_count);
    let mut x = style.lane_header_width;
    for i in 0..stage_count {
        vertical_gutter_x.push(x);
        column_x.push(x + gutter(&vertical_gutter_w, i));
        x += gutter(&vertical_gutter_w, i) + column_width;
    }
    vertical_gutter_x.push(x);

    let mut horizontal_gutter_y = Vec::with_capacity(lane_height.len() + 1);
    let mut lane_y = Vec::with_capacity(lane_height.len());
    let mut y = style.stage_header_height;
    for (i, height) in lane_height.iter().enumerate() {
        horizontal_gutter_y.push(y);
        lane_y.push(y + gutter(&horizontal_gutter_h, i));
        y += gutter(&horizontal_gutter_h, i) + height;
    }
    horizontal_gutter_y.push(y);

    // One width per gutter, whatever the tracks' count said.
    let fill = |mut widths: Vec<f32>, n: usize| {
        widths.resize(n, style.gutter_width);
        widths
    };
    Grid {
        column_x,
        column_width,
        vertical_gutter_w: fill(vertical_gutter_w, vertical_gutter_x.len()),
        vertical_gutter_x,
        lane_y,
        lane_height,
        horizontal_gutter_h: fill(horizontal_gutter_h, horizontal_gutter_y.len()),
        horizontal_gutter_y,
        cell_padding: style.cell_padding,
    }
}

/// One curve per emotion lane: each emotion step is a point, x spread across its stage's column
/// (at its centre when alone), y from +3 at the top of the lane to -3 at the bottom.
fn emotion_curves(
    model: MapParts<'_>,
    cells: &[Vec<usize>],
    grid: &Grid,
    style: &LayoutStyle,
) -> Vec<EmotionCurve> {
    let lane_count = model.lanes.len();
    let stage_count = model.stages.len();
    model
        .lanes
        .iter()
        .enumerate()
        .filter(|(_, lane)| lane.kind == LaneKind::Emotion)
        .map(|(lane, l)| {
            let top = grid.lane_y[lane] + style.cell_padding;
            let span = (grid.lane_height[lane] - 2.0 * style.cell_padding).max(0.0);
            let mut points = Vec::new();
            for stage in 0..stage_count {
                let cell: Vec<(usize, i8)> = cells[stage * lane_count + lane]
                    .iter()
                    .filter_map(|&s| model.steps[s].emotion.map(|e| (s, e.clamp(-3, 3))))
                    .collect();
                let left = grid.column_x[stage];
                for (k, &(step, emotion)) in cell.iter().enumerate() {
                    let x = left + grid.column_width * (k + 1) as f32 / (cell.len() + 1) as f32;
                    let y = top + span * f32::from(3 - emotion) / 6.0;
                    points.push(EmotionPoint {
                        step_id: model.steps[step].id.clone(),
                        emotion: i32::from(emotion),
                        x,
                        y,
                    });
                }
            }
            EmotionCurve {
                lane_id: l.id.clone(),
                points,
            }
        })
        .collect()
}
