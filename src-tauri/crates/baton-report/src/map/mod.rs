//! The journey map as SVG, drawn from core's layout (the same geometry as the screen) with the
//! screen's colours, markers and badges. Text is `<text>`, so it stays selectable and searchable;
//! every piece of user text goes through [`xml::escape`](crate::xml::escape).

mod handoffs;
pub mod palette;

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write;

use baton_core::analysis::{self, JourneyAnalysis};
use baton_core::insights::{self, MetricScores, ScoreStatus};
use baton_core::layout::{self, text, Layout, LayoutStyle};
use baton_core::scores::Granularity;
use baton_core::{Id, JourneyModel, LaneKind, Metric, Step, Workspace};

use crate::error::ReportError;
use crate::fonts;
use crate::xml::{push_escaped, push_num};
pub use palette::{Palette, Theme};

/// What to draw besides the map itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MapOptions {
    /// Score pills on cards and handoffs (latest score, coloured by status against the target).
    pub scores: bool,
    /// Handoffs coloured and thickened by friction, with their friction score.
    pub friction: bool,
    /// Flagged transfer chains: a halo and "place/length" on each of their handoffs.
    pub chains: bool,
    pub theme: Theme,
}

impl Default for MapOptions {
    fn default() -> Self {
        Self {
            scores: true,
            friction: false,
            chains: true,
            theme: Theme::Light,
        }
    }
}

/// A drawn map: the SVG document and its size in map units (CSS pixels).
#[derive(Debug, Clone)]
pub struct MapDrawing {
    pub svg: String,
    pub width: f32,
    pub height: f32,
    /// Where the map can be cut into pages without cutting a card: the middles of the gutters
    /// between stage columns (x) and between lanes (y), in drawing units, in order.
    pub column_cuts: Vec<f32>,
    pub row_cuts: Vec<f32>,
    /// The width of the lane names' column at the left, repeated on each page of a split map.
    pub lane_header_width: f32,
}

/// The map of one journey of `ws`, analysed with the default options.
pub fn map_svg(
    ws: &Workspace,
    journey_id: &str,
    options: &MapOptions,
) -> Result<MapDrawing, ReportError> {
    let model = ws
        .journey_model(journey_id)
        .ok_or_else(|| ReportError::journey_not_found(journey_id))?;
    let analysis = analysis::analyze(ws, journey_id);
    Ok(map_svg_of(&model, &ws.metrics, analysis.as_ref(), options))
}

/// The map of `model`; scores need `metrics`, friction and chains need `analysis` (without it
/// they are left out).
pub fn map_svg_of(
    model: &JourneyModel,
    metrics: &BTreeMap<Id, Metric>,
    analysis: Option<&JourneyAnalysis>,
    options: &MapOptions,
) -> MapDrawing {
    let layout = layout::layout(model, &LayoutStyle::default());
    let scores = if options.scores {
        insights::journey_scores(model, metrics, Granularity::default())
            .subjects
            .into_iter()
            .map(|s| (s.subject.id, s.metrics))
            .collect()
    } else {
        HashMap::new()
    };
    let map = Map {
        model,
        layout: &layout,
        analysis,
        scores,
        options,
        palette: Palette::of(options.theme),
        steps: model.steps.iter().map(|s| (s.id.as_str(), s)).collect(),
    };
    MapDrawing {
        svg: map.draw(),
        width: layout.width,
        height: layout.height,
        column_cuts: layout
            .stages
            .iter()
            .skip(1)
            .map(|s| s.x - s.gutter_before / 2.0)
            .collect(),
        row_cuts: layout
            .lanes
            .iter()
            .skip(1)
            .map(|l| l.y - l.gutter_before / 2.0)
            .collect(),
        lane_header_width: layout.style.lane_header_width,
    }
}

/// Everything one drawing reads.
struct Map<'a> {
    model: &'a JourneyModel,
    layout: &'a Layout,
    analysis: Option<&'a JourneyAnalysis>,
    /// Latest readings by subject id (step or handoff), empty without the scores option.
    scores: HashMap<Id, Vec<MetricScores>>,
    options: &'a MapOptions,
    palette: Palette,
    steps: HashMap<&'a str, &'a Step>,
}

impl Map<'_> {
    fn style(&self) -> &LayoutStyle {
        &self.layout.style
    }

    fn draw(&self) -> String {
        let (w, h) = (self.layout.width, self.layout.height);
        // About 400 bytes a card with its text and badges.
        let mut out = String::with_capacity(4096 + 400 * self.layout.cards.len());
        out.push_str(r#"<?xml version="1.0" encoding="UTF-8"?>"#);
        out.push_str("\n<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"");
        push_num(&mut out, w);
        out.push_str("\" height=\"");
        push_num(&mut out, h);
        out.push_str("\" viewBox=\"0 0 ");
        push_num(&mut out, w);
        out.push(' ');
        push_num(&mut out, h);
        let _ = write!(
            out,
            "\" font-family=\"{}\" font-size=\"{}\">\n<title>",
            fonts::SVG_FONT_STACK,
            self.style().font_size
        );
        push_escaped(&mut out, &self.model.journey.name);
        out.push_str("</title>\n");
        self.rect(&mut out, 0.0, 0.0, w, h, self.palette.background, "");
        self.lanes(&mut out);
        self.stages(&mut out);
        self.emotion(&mut out);
        handoffs::draw(self, &mut out);
        self.cards(&mut out);
        out.push_str("</svg>\n");
        out
    }

    #[allow(clippy::too_many_arguments)]
    fn rect(&self, out: &mut String, x: f32, y: f32, w: f32, h: f32, fill: &str, extra: &str) {
        out.push_str("<rect x=\"");
        push_num(out, x);
        out.push_str("\" y=\"");
        push_num(out, y);
        out.push_str("\" width=\"");
        push_num(out, w.max(0.0));
        out.push_str("\" height=\"");
        push_num(out, h.max(0.0));
        let _ = writeln!(out, "\" fill=\"{fill}\"{extra}/>");
    }

    /// A `<text>` of user text at (x, y), shortened with an ellipsis to `max_width`.
    fn text(&self, out: &mut String, x: f32, y: f32, attrs: &str, value: &str, max_width: f32) {
        out.push_str("<text x=\"");
        push_num(out, x);
        out.push_str("\" y=\"");
        push_num(out, y);
        let _ = write!(out, "\"{attrs}>");
        push_escaped(out, &fit(value, max_width, self.style()));
        out.push_str("</text>\n");
    }

    /// Lane bands across the map, and the lane headers down its left edge.
    fn lanes(&self, out: &mut String) {
        let st = self.style();
        for (i, row) in self.layout.lanes.iter().enumerate() {
            // From the middle of the gutter above to the middle of the one below: bands tile.
            let top = row.y - row.gutter_before / 2.0;
            let band = row.height + (row.gutter_before + row.gutter_after) / 2.0;
            if i % 2 == 1 {
                let (x, w) = (
                    st.lane_header_width,
                    self.layout.width - st.lane_header_width,
                );
                self.rect(out, x, top, w, band, self.palette.lane_odd, "");
            }
            let border = format!(" stroke=\"{}\"", self.palette.border);
            let (laneh, header_w) = (band, st.lane_header_width);
            self.rect(
                out,
                0.0,
                top,
                header_w,
                laneh,
                self.palette.header_bg,
                &border,
            );
            let colour = self
                .model
                .lanes
                .iter()
                .find(|l| l.id == row.lane_id)
                .map_or(self.palette.lane_notes, |l| self.palette.lane(l));
            self.rect(out, 0.0, top + 1.0, 5.0, laneh - 2.0, colour, "");
            let attrs = format!(" font-weight=\"bold\" fill=\"{}\"", self.palette.text);
            let y = top + st.font_size + 10.0;
            self.text(out, 16.0, y, &attrs, &row.name, header_w - 28.0);
            let attrs = format!(" font-size=\"11\" fill=\"{}\"", self.palette.text_3);
            let sub = lane_kind_label(row.kind);
            self.text(
                out,
                16.0,
                y + st.font_size + 4.0,
                &attrs,
                sub,
                header_w - 28.0,
            );
        }
    }

    /// The stage header row along the top, and the corner naming the journey.
    fn stages(&self, out: &mut String) {
        let st = self.style();
        let head = st.stage_header_height;
        let border = format!(" stroke=\"{}\"", self.palette.border);
        let attrs = format!(" font-weight=\"bold\" fill=\"{}\"", self.palette.text);
        let baseline = head / 2.0 + st.font_size * 0.38;
        for col in &self.layout.stages {
            let x = col.x - col.gutter_before / 2.0;
            let w = col.width + (col.gutter_before + col.gutter_after) / 2.0;
            self.rect(out, x, 0.0, w, head, self.palette.header_bg, &border);
            self.text(
                out,
                col.x + 4.0,
                baseline,
                &attrs,
                &col.name,
                col.width - 8.0,
            );
        }
        let corner = st.lane_header_width;
        self.rect(out, 0.0, 0.0, corner, head, self.palette.header_bg, &border);
        let name = &self.model.journey.name;
        self.text(out, 12.0, baseline, &attrs, name, corner - 24.0);
    }

    /// Each emotion lane: a dotted neutral line, the smooth curve and its points.
    fn emotion(&self, out: &mut String) {
        let st = self.style();
        for curve in &self.layout.emotion_curves {
            let Some(row) = self
                .layout
                .lanes
                .iter()
                .find(|r| r.lane_id == curve.lane_id)
            else {
                continue;
            };
            let mid = row.y + row.height / 2.0;
            let _ = writeln!(
                out,
                "<line x1=\"{}\" x2=\"{}\" y1=\"{m}\" y2=\"{m}\" stroke=\"{}\" stroke-dasharray=\"3 4\"/>",
                crate::xml::num(st.lane_header_width),
                crate::xml::num(self.layout.width),
                self.palette.border,
                m = crate::xml::num(mid),
            );
            let points: Vec<(f32, f32)> = curve.points.iter().map(|p| (p.x, p.y)).collect();
            if points.len() > 1 {
                let _ = writeln!(
                    out,
                    "<path d=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"3\" stroke-linecap=\"round\"/>",
                    smooth_path(&points),
                    self.palette.lane_emotion
                );
            }
            for p in &curve.points {
                let _ = writeln!(
                    out,
                    "<circle cx=\"{}\" cy=\"{}\" r=\"7\" fill=\"{}\" stroke=\"{}\" stroke-width=\"3\"/>",
                    crate::xml::num(p.x),
                    crate::xml::num(p.y),
                    self.palette.surface,
                    self.palette.lane_emotion
                );
            }
        }
    }

    fn cards(&self, out: &mut String) {
        let st = self.style();
        let lane_colour: HashMap<&str, &str> = self
            .model
            .lanes
            .iter()
            .map(|l| (l.id.as_str(), self.palette.lane(l)))
            .collect();
        let text_attrs = format!(" fill=\"{}\"", self.palette.text);
        for card in &self.layout.cards {
            let Some(step) = self.steps.get(card.step_id.as_str()) else {
                continue;
            };
            out.push_str("<g transform=\"translate(");
            push_num(out, card.x);
            out.push(',');
            push_num(out, card.y);
            out.push_str(")\">\n");
            let border = format!(" rx=\"6\" stroke=\"{}\"", self.palette.card_border);
            self.rect(out, 0.0, 0.0, card.w, card.h, self.palette.card_bg, &border);
            let edge = lane_colour.get(step.lane_id.as_str()).copied();
            let edge = edge.unwrap_or(self.palette.lane_notes);
            self.rect(out, 1.5, 6.0, 3.0, card.h - 12.0, edge, " rx=\"1.5\"");
            let _ = write!(out, "<text{text_attrs}>");
            for (i, line) in card.lines.iter().enumerate() {
                out.push_str("<tspan x=\"");
                push_num(out, st.card_padding);
                out.push_str("\" y=\"");
                let y = st.card_padding + st.line_height * (i as f32 + 0.72);
                push_num(out, y);
                out.push_str("\">");
                push_escaped(out, line);
                out.push_str("</tspan>");
            }
            out.push_str("</text>\n");
            self.card_badges(out, step, card.w, card.h);
            out.push_str("</g>\n");
        }
    }

    /// Touchpoint dot, verification and resolution badges on the bottom edge, score pills on
    /// the top edge: all straddling the card's border, outside the text the layout wrapped.
    fn card_badges(&self, out: &mut String, step: &Step, w: f32, h: f32) {
        if step.touchpoint.is_some() {
            let _ = writeln!(
                out,
                "<circle cx=\"{}\" cy=\"0\" r=\"7\" fill=\"{}\" stroke=\"{}\" stroke-width=\"2\"><title>Touchpoint</title></circle>",
                crate::xml::num(w - 15.0),
                self.palette.surface,
                self.palette.lane_customer
            );
        }
        let mut x = 10.0;
        if step.verification {
            badge(out, x, h - 9.0, self.palette.badge_verify, SHIELD);
            x += 22.0;
        }
        if step.resolution {
            badge(out, x, h - 9.0, self.palette.badge_resolve, CHECK);
        }
        if let Some(readings) = self.scores.get(&step.id) {
            let mut x = 10.0;
            for reading in readings.iter().take(2) {
                if let Some(width) = self.score_pill(out, x, -9.0, reading, w - 30.0 - x) {
                    x += width + 4.0;
                }
            }
        }
    }

    /// A pill "CSAT 72" coloured by status, its left edge at x; its width, or `None` when there
    /// is no latest score or no room.
    fn score_pill(
        &self,
        out: &mut String,
        x: f32,
        y: f32,
        reading: &MetricScores,
        room: f32,
    ) -> Option<f32> {
        let latest = reading.latest.as_ref()?;
        let label = format!(
            "{} {}",
            short_name(&reading.metric_name),
            round(latest.value)
        );
        let width = pill_width(&label);
        if width > room {
            return None;
        }
        let colour = self.palette.status(reading.status);
        self.pill(out, x, y, width, colour, &label, self.palette.score_on);
        Some(width)
    }

    /// A rounded label 18 high, its top left at (x, y).
    #[allow(clippy::too_many_arguments)]
    fn pill(&self, out: &mut String, x: f32, y: f32, w: f32, fill: &str, label: &str, ink: &str) {
        self.rect(out, x, y, w, 18.0, fill, " rx=\"9\"");
        let attrs =
            format!(" font-size=\"11\" font-weight=\"bold\" text-anchor=\"middle\" fill=\"{ink}\"");
        self.text(out, x + w / 2.0, y + 13.0, &attrs, label, f32::INFINITY);
    }
}

/// A round badge 18 wide with a white icon (24-unit icon paths, scaled by half).
fn badge(out: &mut String, x: f32, y: f32, fill: &str, icon: &str) {
    let _ = writeln!(
        out,
        "<g transform=\"translate({},{})\"><circle cx=\"9\" cy=\"9\" r=\"9\" fill=\"{fill}\"/><path transform=\"translate(3,3) scale(0.5)\" d=\"{icon}\" fill=\"none\" stroke=\"#ffffff\" stroke-width=\"3\" stroke-linecap=\"round\" stroke-linejoin=\"round\"/></g>",
        crate::xml::num(x),
        crate::xml::num(y)
    );
}

/// The screen's icons (ui/src/lib/icons.ts), on a 24-unit grid.
const SHIELD: &str = "M12 3 5 6v5c0 5 3 8 7 10 4-2 7-5 7-10V6z";
const CHECK: &str = "m5 12 5 5 9-10";
const BUBBLE: &str = "M4 5h16v11H10l-4 4v-4H4z";

/// `text` shortened with an ellipsis so it measures at most `max_width` (core's measure).
fn fit(text_value: &str, max_width: f32, style: &LayoutStyle) -> String {
    if text::text_width(text_value, style) <= max_width {
        return text_value.to_owned();
    }
    let ellipsis = text::char_width('…', style);
    let mut width = 0.0;
    let mut out = String::new();
    for c in text_value.chars() {
        width += text::char_width(c, style);
        if width + ellipsis > max_width {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}

/// A metric's name as short as a pill needs: its first word, at most six characters.
fn short_name(name: &str) -> String {
    name.split_whitespace()
        .next()
        .unwrap_or("")
        .chars()
        .take(6)
        .collect()
}

fn round(value: f64) -> String {
    if (value - value.round()).abs() < 0.05 {
        format!("{}", value.round())
    } else {
        format!("{value:.1}")
    }
}

/// A pill's width for an 11-unit bold label (generous, so the label never touches the ends).
fn pill_width(label: &str) -> f32 {
    12.0 + label.chars().count() as f32 * 7.2
}

fn lane_kind_label(kind: LaneKind) -> &'static str {
    match kind {
        LaneKind::Customer => "Customer",
        LaneKind::Actor => "Actor",
        LaneKind::Emotion => "Emotion",
        LaneKind::Thoughts => "Thoughts",
        LaneKind::Pains => "Pains",
        LaneKind::Opportunities => "Opportunities",
        LaneKind::Channels => "Channels",
        LaneKind::Notes => "Notes",
    }
}

/// A Catmull-Rom spline through the points as cubic Béziers (as the screen draws it).
fn smooth_path(points: &[(f32, f32)]) -> String {
    let mut d = String::new();
    let Some(&(x0, y0)) = points.first() else {
        return d;
    };
    let _ = write!(d, "M{},{}", crate::xml::num(x0), crate::xml::num(y0));
    for i in 0..points.len().saturating_sub(1) {
        let p0 = points[i.saturating_sub(1)];
        let p1 = points[i];
        let p2 = points[i + 1];
        let p3 = *points.get(i + 2).unwrap_or(&p2);
        let c1 = (p1.0 + (p2.0 - p0.0) / 6.0, p1.1 + (p2.1 - p0.1) / 6.0);
        let c2 = (p2.0 - (p3.0 - p1.0) / 6.0, p2.1 - (p3.1 - p1.1) / 6.0);
        let n = crate::xml::num;
        let _ = write!(
            d,
            " C{},{} {},{} {},{}",
            n(c1.0),
            n(c1.1),
            n(c2.0),
            n(c2.1),
            n(p2.0),
            n(p2.1)
        );
    }
    d
}

/// A reading's status, for tests and the plan's scorecard colours.
pub fn status_colour(theme: Theme, status: ScoreStatus) -> &'static str {
    Palette::of(theme).status(status)
}
