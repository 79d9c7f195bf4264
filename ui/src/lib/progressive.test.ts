import { describe, expect, it } from "vitest";
import { budgetFor, stepToward, type Placed } from "./progressive";

const at = (id: string, x: number, y = 0): Placed => ({ id, box: { x, y, width: 10, height: 10 } });
const screen = { x: 0, y: 0, width: 100, height: 100 };
const keep = { x: -100, y: -100, width: 300, height: 300 };

describe("drawing a map a little at a time", () => {
  it("adds at most the budget, nearest the centre of the screen first", () => {
    const wanted = [at("far", 190), at("near", 45, 45), at("mid", 100), at("edge", 150)];
    const step = stepToward(new Set(), wanted, () => undefined, screen, keep, 2);
    expect([...step.drawn].sort()).toEqual(["mid", "near"]);
    expect(step.changed).toBe(2);
    expect(step.done).toBe(false);
    const next = stepToward(step.drawn, wanted, (id) => wanted.find((w) => w.id === id)?.box, screen, keep, 2);
    expect(next.drawn.size).toBe(4);
    expect(next.done).toBe(true);
  });
  it("keeps what is drawn inside the kept area and drops the rest a budget at a time", () => {
    const boxes = new Map([
      ["in-keep", at("in-keep", 150).box],
      ["gone1", at("gone1", 900).box],
      ["gone2", at("gone2", 950).box],
      ["gone3", at("gone3", 990).box],
    ]);
    const step = stepToward(new Set(boxes.keys()), [], (id) => boxes.get(id), screen, keep, 2);
    expect(step.drawn.has("in-keep")).toBe(true);
    expect(step.drawn.size).toBe(2);
    expect(step.done).toBe(false);
    const next = stepToward(step.drawn, [], (id) => boxes.get(id), screen, keep, 2);
    expect([...next.drawn]).toEqual(["in-keep"]);
    expect(next.done).toBe(true);
  });
  it("drops a deleted item at once", () => {
    const step = stepToward(new Set(["deleted"]), [], () => undefined, screen, keep, 0);
    expect(step.drawn.size).toBe(0);
    expect(step.changed).toBe(1);
  });
  it("sizes the budget from the measured cost of an item", () => {
    expect(budgetFor(6, 0.1)).toBe(60);
    expect(budgetFor(6, 10)).toBe(16);
    expect(budgetFor(6, 0)).toBe(2000);
    expect(budgetFor(6, 0.0001)).toBe(2000);
  });
});
