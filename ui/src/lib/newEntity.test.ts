import { describe, expect, it } from "vitest";
import { newCardRect, newLaneRect, newStageRect } from "./newEntity";
import type { CardBox, Layout } from "./types";

const style = {
  card_width: 160, card_min_height: 56, card_padding: 8, font_size: 13, line_height: 16, char_width_factor: 0.55,
  cell_padding: 12, card_gap: 8, gutter_width: 24, stage_header_height: 48, lane_header_width: 180,
  emotion_lane_height: 120, max_title_lines: 4,
};
const layout: Layout = {
  width: 600, height: 400, style,
  stages: [{ stage_id: "a", name: "A", x: 180, width: 200 }, { stage_id: "b", name: "B", x: 380, width: 200 }],
  lanes: [{ lane_id: "l", name: "L", kind: "actor", y: 48, height: 100 }, { lane_id: "m", name: "M", kind: "customer", y: 148, height: 80 }],
  cards: [], handoffs: [], emotion_curves: [],
} as unknown as Layout;
const card = (y: number, h: number): CardBox => ({ step_id: "c", x: 192, y, w: 176, h, lines: [], clipped: false });

describe("where a new entity's editor stands", () => {
  it("a new stage follows the column it is added after, or the last", () => {
    expect(newStageRect(layout, 0)).toEqual({ x: 380, y: 0, width: 200, height: 48 });
    expect(newStageRect(layout, null)).toEqual({ x: 580, y: 0, width: 200, height: 48 });
  });
  it("the first stage of an empty journey starts right of the lane headers", () => {
    expect(newStageRect({ ...layout, stages: [] }, null).x).toBe(180);
  });
  it("a new lane goes below the row it is added after, or the last", () => {
    expect(newLaneRect(layout, 0).y).toBe(148);
    expect(newLaneRect(layout, null).y).toBe(228);
  });
  it("a new card goes below the cell's lowest card, or at the top of an empty cell", () => {
    expect(newCardRect(layout, "b", "m", [])).toEqual({ x: 392, y: 160, width: 176, height: 56 });
    expect(newCardRect(layout, "a", "l", [card(80, 60), card(60, 10)])?.y).toBe(148);
  });
  it("no editor for a cell that is gone", () => {
    expect(newCardRect(layout, "gone", "l", [])).toBeNull();
  });
});
