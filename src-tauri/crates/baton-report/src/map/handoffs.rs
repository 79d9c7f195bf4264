//! Handoff arrows: mode colour and dash (or friction colour and width in the friction view),
//! arrowhead, chain halo and place, re-verify and retell markers, friction or score pill.

use std::collections::HashMap;
use std::fmt::Write;

use baton_core::layout::{HandoffPath, Point};
use baton_core::{Handoff, HandoffMode, Id};

use super::palette::{friction_width, FrictionBand};
use super::{Map, BUBBLE, SHIELD};
use crate::xml::num;

/// A handoff's place in a flagged chain: chain number (from 1), place (from 1), length.
#[derive(Debug, Clone, Copy)]
struct ChainMark {
    chain: usize,
    place: usize,
    length: usize,
}

/// Heights of the labels stacked at a handoff's anchor, as on the screen.
const CHAIN_H: f32 = 18.0;
const MARKERS_H: f32 = 22.0;
const PILL_H: f32 = 18.0;
const HEAD: f32 = 10.0;

pub(super) fn draw(map: &Map<'_>, out: &mut String) {
    let handoffs: HashMap<&str, &Handoff> = map
        .model
        .handoffs
        .iter()
        .map(|h| (h.id.as_str(), h))
        .collect();
    let friction: HashMap<&str, u32> = map
        .analysis
        .map(|a| {
            a.handoffs
                .iter()
                .map(|h| (h.handoff_id.as_str(), h.friction.score))
                .collect()
        })
        .unwrap_or_default();
    let chains = if map.options.chains {
        chain_marks(map)
    } else {
        HashMap::new()
    };
    for path in &map.layout.handoffs {
        let Some(h) = handoffs.get(path.handoff_id.as_str()) else {
            continue;
        };
        let score = friction.get(h.id.as_str()).copied();
        draw_one(map, out, h, path, score, chains.get(&h.id).copied());
    }
}

fn chain_marks(map: &Map<'_>) -> HashMap<Id, ChainMark> {
    let mut marks = HashMap::new();
    let flagged = map
        .analysis
        .into_iter()
        .flat_map(|a| a.chains.iter())
        .filter(|c| c.flagged);
    for (n, chain) in flagged.enumerate() {
        for (i, id) in chain.handoff_ids.iter().enumerate() {
            let mark = ChainMark {
                chain: n + 1,
                place: i + 1,
                length: chain.handoff_ids.len(),
            };
            marks.insert(id.clone(), mark);
        }
    }
    marks
}

fn draw_one(
    map: &Map<'_>,
    out: &mut String,
    h: &Handoff,
    path: &HandoffPath,
    friction: Option<u32>,
    chain: Option<ChainMark>,
) {
    let palette = &map.palette;
    let friction_view = map.options.friction.then_some(friction).flatten();
    let (colour, width) = match friction_view {
        Some(score) => (
            palette.friction(FrictionBand::of(score)),
            friction_width(score),
        ),
        None => (palette.handoff(h.mode), 2.0),
    };
    let route = polyline(&path.points);
    out.push_str("<g>");
    if let Some(mark) = chain {
        let _ = write!(
            out,
            "<path d=\"{route}\" fill=\"none\" stroke=\"{}\" stroke-opacity=\"0.22\" stroke-width=\"9\" stroke-linecap=\"round\" stroke-linejoin=\"round\"/>",
            palette.chain(mark.chain)
        );
    }
    // The line stops inside its head, so a thick friction stroke cannot poke past the tip.
    let dash = match (friction_view, h.mode) {
        (Some(_), _) | (None, HandoffMode::Assisted) => "",
        (None, HandoffMode::Blind) => " stroke-dasharray=\"8 5\"",
        (None, HandoffMode::Automated) => " stroke-dasharray=\"1.5 4\" stroke-linecap=\"round\"",
    };
    let head = HEAD + width;
    let _ = write!(
        out,
        "<path d=\"{}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"{}\"{dash}/>",
        polyline(&trim_end(&path.points, path, head / 2.0)),
        num(width)
    );
    let _ = writeln!(
        out,
        "<path d=\"{}\" fill=\"{colour}\"/>",
        arrow_head(path, head)
    );

    let markers = h.reverify || h.customer_repeats;
    let pill_friction = friction_view.filter(|&s| s > 0);
    let score = (!map.options.friction)
        .then(|| map.scores.get(&h.id))
        .flatten()
        .and_then(|r| r.iter().find(|m| m.latest.is_some()));
    let has_pill = pill_friction.is_some() || score.is_some();
    let total = chain.map_or(0.0, |_| CHAIN_H)
        + if markers { MARKERS_H } else { 0.0 }
        + if has_pill { PILL_H } else { 0.0 };
    let anchor = path.label_anchor;
    let mut y = anchor.y - total / 2.0;
    if let Some(mark) = chain {
        let label = format!("{}/{}", mark.place, mark.length);
        map.pill(
            out,
            anchor.x - 19.0,
            y,
            38.0,
            palette.chain(mark.chain),
            &label,
            "#ffffff",
        );
        y += CHAIN_H;
    }
    if markers {
        let both = h.reverify && h.customer_repeats;
        let mut x = anchor.x - if both { 22.0 } else { 11.0 };
        if h.reverify {
            marker(out, x, y, map, SHIELD, "The customer verifies again");
            x += 22.0;
        }
        if h.customer_repeats {
            marker(out, x, y, map, BUBBLE, "The customer tells the story again");
        }
        y += MARKERS_H;
    }
    if let Some(score) = pill_friction {
        let band = FrictionBand::of(score);
        let ink = if band == FrictionBand::Low {
            "#1b2330"
        } else {
            "#ffffff"
        };
        map.pill(
            out,
            anchor.x - 16.0,
            y,
            32.0,
            palette.friction(band),
            &score.to_string(),
            ink,
        );
    } else if let Some(reading) = score {
        let room = f32::INFINITY;
        let label_w =
            super::pill_width(&format!("{} 000", super::short_name(&reading.metric_name)));
        map.score_pill(out, anchor.x - label_w / 2.0, y, reading, room);
    }
    out.push_str("</g>\n");
}

/// A round marker 22 wide in the blind-handoff colour, with a 24-unit icon.
fn marker(out: &mut String, x: f32, y: f32, map: &Map<'_>, icon: &str, title: &str) {
    let ink = map.palette.handoff_blind;
    let _ = write!(
        out,
        "<g transform=\"translate({},{})\"><title>{title}</title><circle cx=\"11\" cy=\"11\" r=\"10.25\" fill=\"{}\" stroke=\"{ink}\" stroke-width=\"1.5\"/><path transform=\"translate(3,3) scale(0.67)\" d=\"{icon}\" fill=\"none\" stroke=\"{ink}\" stroke-width=\"2.4\" stroke-linejoin=\"round\"/></g>",
        num(x),
        num(y),
        map.palette.surface
    );
}

fn polyline(points: &[Point]) -> String {
    let mut d = String::with_capacity(points.len() * 12);
    for (i, p) in points.iter().enumerate() {
        d.push(if i == 0 { 'M' } else { 'L' });
        d.push_str(&num(p.x));
        d.push(',');
        d.push_str(&num(p.y));
    }
    d
}

/// The route with its last point moved back `by` along the arrow.
fn trim_end(points: &[Point], path: &HandoffPath, by: f32) -> Vec<Point> {
    let mut trimmed = points.to_vec();
    if let Some(last) = trimmed.last_mut() {
        last.x = path.arrow.tip.x - path.arrow.dx * by;
        last.y = path.arrow.tip.y - path.arrow.dy * by;
    }
    trimmed
}

/// A triangle `size` long and wide with its tip on the arrow's tip.
fn arrow_head(path: &HandoffPath, size: f32) -> String {
    let a = &path.arrow;
    let (bx, by) = (a.tip.x - a.dx * size, a.tip.y - a.dy * size);
    let (hx, hy) = (-a.dy * size / 2.0, a.dx * size / 2.0);
    format!(
        "M{},{} L{},{} L{},{} Z",
        num(a.tip.x),
        num(a.tip.y),
        num(bx + hx),
        num(by + hy),
        num(bx - hx),
        num(by - hy)
    )
}
