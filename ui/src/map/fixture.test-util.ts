// A grid layout for the map controllers' unit tests: `stages` x `lanes` cells of 200 x 100
// layout units, right of 180-unit lane headers and below 48-unit stage headers, one card of
// 160 x 60 per cell (ids `c<stage>_<lane>`), a handoff between each card and the next one right.
import type { CardBox, Layout } from "../lib/types";

export const style = {
  card_width: 160, card_min_height: 56, card_padding: 8, font_size: 13, line_height: 16, char_width_factor: 0.55,
  cell_padding: 12, card_gap: 8, gutter_width: 24, stage_header_height: 48, lane_header_width: 180,
  emotion_lane_height: 120, max_title_lines: 4,
};

export function gridLayout(stages: number, lanes: number): Layout {
  const cards: CardBox[] = [];
  const handoffs: Layout["handoffs"] = [];
  for (let s = 0; s < stages; s++) {
    for (let l = 0; l < lanes; l++) {
      const x = 180 + s * 200 + 20;
      const y = 48 + l * 100 + 20;
      cards.push({ step_id: `c${s}_${l}`, x, y, w: 160, h: 60, lines: [`card ${s} ${l}`], clipped: false });
      if (s + 1 < stages) {
        const points = [{ x: x + 160, y: y + 30 }, { x: x + 200, y: y + 30 }];
        handoffs.push({ handoff_id: `h${s}_${l}`, points, arrow: { tip: points[1], dx: 1, dy: 0 }, label_anchor: { x: x + 180, y: y + 30 }, label: { x: x + 158, y: y + 21, w: 44, h: 18 } });
      }
    }
  }
  return {
    width: 180 + stages * 200,
    height: 48 + lanes * 100,
    style,
    stages: Array.from({ length: stages }, (_, s) => ({ stage_id: `s${s}`, name: `Stage ${s}`, x: 180 + s * 200, width: 200, gutter_before: 0, gutter_after: 0 })),
    lanes: Array.from({ length: lanes }, (_, l) => ({ lane_id: `l${l}`, name: `Lane ${l}`, kind: "actor" as const, y: 48 + l * 100, height: 100, gutter_before: 0, gutter_after: 0 })),
    cards,
    handoffs,
    emotion_curves: [],
  };
}
