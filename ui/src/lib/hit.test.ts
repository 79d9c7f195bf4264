import { describe, expect, it } from "vitest";
import { cellAt, dropPosition, headerDropIndex, nearestInDirection } from "./hit";
import type { CardBox, Layout, LayoutStyle } from "./types";

const card = (id: string, x: number, y: number): CardBox => ({ step_id: id, x, y, w: 100, h: 40, lines: [id], clipped: false });
const style: LayoutStyle = {
  card_width: 100, card_min_height: 40, card_padding: 8, font_size: 13, line_height: 18, char_width_factor: 0.55,
  cell_padding: 10, card_gap: 8, gutter_width: 20, stage_header_height: 40, lane_header_width: 100,
  emotion_lane_height: 120, max_title_lines: 4,
};
// Columns at 120..320 and 340..540 (gutters of 20 before each), lanes at 60..160 and 180..340.
const layout: Layout = {
  width: 560, height: 360, style,
  stages: [{ stage_id: "a", name: "A", x: 120, width: 200, gutter_before: 20, gutter_after: 20 }, { stage_id: "b", name: "B", x: 340, width: 200, gutter_before: 20, gutter_after: 20 }],
  lanes: [
    { lane_id: "l1", name: "L1", kind: "customer", y: 60, height: 100, gutter_before: 20, gutter_after: 20 },
    { lane_id: "l2", name: "L2", kind: "actor", y: 180, height: 160, gutter_before: 20, gutter_after: 20 },
  ],
  cards: [], handoffs: [], emotion_curves: [],
};

describe("hit testing on the layout", () => {
  it("finds the cell under a point, none over the headers", () => {
    expect(cellAt(layout, { x: 350, y: 200 })).toEqual({ stageId: "b", laneId: "l2" });
    expect(cellAt(layout, { x: 50, y: 200 })).toBeNull();
    expect(cellAt(layout, { x: 150, y: 10 })).toBeNull();
  });
  it("gives a point in a gutter to the nearest cell", () => {
    expect(cellAt(layout, { x: 336, y: 170 })).toEqual({ stageId: "b", laneId: "l1" });
    expect(cellAt(layout, { x: 324, y: 176 })).toEqual({ stageId: "a", laneId: "l2" });
  });
  it("places a dropped card by the middles of the cell's cards", () => {
    const cell = [card("1", 0, 0), card("2", 0, 50), card("3", 0, 100)];
    expect(dropPosition(cell, 5)).toBe(0);
    expect(dropPosition(cell, 75)).toBe(2);
    expect(dropPosition(cell, 500)).toBe(3);
    expect(dropPosition([], 10)).toBe(0);
  });
  it("reorders headers by the others' middles", () => {
    const cols = [{ start: 0, size: 100 }, { start: 100, size: 100 }, { start: 200, size: 100 }];
    expect(headerDropIndex(cols, 0, 260)).toBe(2);
    expect(headerDropIndex(cols, 2, 10)).toBe(0);
    expect(headerDropIndex(cols, 1, 120)).toBe(1);
  });
  it("moves the selection to the card in line in the arrow's direction", () => {
    const cards = [card("a", 0, 0), card("b", 200, 0), card("c", 200, 300), card("d", 0, 100)];
    expect(nearestInDirection(cards, cards[0], "right")?.step_id).toBe("b");
    expect(nearestInDirection(cards, cards[0], "down")?.step_id).toBe("d");
    expect(nearestInDirection(cards, cards[0], "left")).toBeNull();
  });
});
