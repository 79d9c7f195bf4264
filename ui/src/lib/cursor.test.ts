import { describe, expect, it } from "vitest";
import { gridOf, moveCursor, nextStageCell, type Direction } from "./cursor";
import type { Selection } from "./state.svelte";
import type { JourneyModel } from "./types";

// Stages a, b, c; lanes x, y, z. Cards: a/x has 1 and 2 (in that order, stored reversed),
// b/y has 3, c/x has 4; every other cell is empty. Handoff h joins 1 to 4.
const step = (id: string, stage_id: string, lane_id: string, position: number) => ({ id, stage_id, lane_id, position });
const model = {
  stages: [{ id: "b", position: 1 }, { id: "a", position: 0 }, { id: "c", position: 2 }],
  lanes: [{ id: "x", position: 0 }, { id: "y", position: 1 }, { id: "z", position: 2 }],
  steps: [step("2", "a", "x", 1), step("1", "a", "x", 0), step("3", "b", "y", 0), step("4", "c", "x", 0)],
  handoffs: [{ id: "h", from_step_id: "1", to_step_id: "4" }],
} as unknown as JourneyModel;
const grid = gridOf(model);
const cell = (stageId: string, laneId: string): Selection => ({ kind: "cell", stageId, laneId });
const card = (id: string): Selection => ({ kind: "step", id });
const walk = (from: Selection, ...dirs: Direction[]) => dirs.reduce((s, d) => moveCursor(grid, s, d), from);

describe("the keyboard cursor over the grid", () => {
  it("reaches every empty cell, which card-to-card jumps never did", () => {
    expect(walk(card("1"), "right")).toEqual(cell("b", "x"));
    expect(walk(card("2"), "down")).toEqual(cell("a", "y"));
    expect(walk(cell("a", "y"), "down")).toEqual(cell("a", "z"));
    expect(walk(cell("a", "z"), "right", "right")).toEqual(cell("c", "z"));
    expect(walk(cell("b", "x"), "down")).toEqual(card("3"));
  });

  it("walks a cell's cards in order before leaving it, and enters a cell at the same rank", () => {
    expect(walk(card("1"), "down")).toEqual(card("2"));
    expect(walk(card("2"), "up")).toEqual(card("1"));
    expect(walk(cell("a", "y"), "up")).toEqual(card("2"));
    expect(walk(card("4"), "left", "left")).toEqual(card("1"));
  });

  it("goes above the first lane to the stage header and left of the first stage to the lane header", () => {
    expect(walk(card("1"), "up")).toEqual({ kind: "stage", id: "a" });
    expect(walk(cell("a", "z"), "left")).toEqual({ kind: "lane", id: "z" });
    expect(walk({ kind: "stage", id: "a" }, "right", "right", "right")).toEqual({ kind: "stage", id: "c" });
    expect(walk({ kind: "stage", id: "b" }, "down")).toEqual(cell("b", "x"));
    expect(walk({ kind: "lane", id: "y" }, "up")).toEqual({ kind: "lane", id: "x" });
    expect(walk({ kind: "lane", id: "x" }, "right")).toEqual(card("1"));
  });

  it("stays put at the far edges", () => {
    expect(walk(cell("c", "z"), "right")).toEqual(cell("c", "z"));
    expect(walk(cell("c", "z"), "down")).toEqual(cell("c", "z"));
    expect(walk({ kind: "stage", id: "a" }, "up")).toEqual({ kind: "stage", id: "a" });
    expect(walk({ kind: "lane", id: "z" }, "left", "down")).toEqual({ kind: "lane", id: "z" });
  });

  it("starts at the first cell, and from a handoff at its source card", () => {
    expect(walk(null, "down")).toEqual(card("1"));
    expect(walk({ kind: "handoff", id: "h" }, "down")).toEqual(card("2"));
    expect(walk(card("gone"), "left")).toEqual(card("1"));
  });

  it("finds the next stage's cell in the same lane for rapid capture, none after the last", () => {
    expect(nextStageCell(grid, { stageId: "a", laneId: "y" })).toEqual({ stageId: "b", laneId: "y" });
    expect(nextStageCell(grid, { stageId: "c", laneId: "y" })).toBeNull();
  });
});
