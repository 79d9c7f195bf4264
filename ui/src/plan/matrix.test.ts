import { describe, expect, it } from "vitest";
import { CELL, PAD, cellCentre, dotRadius, ratingsAt } from "./matrix";

describe("matrix geometry", () => {
  it("puts high impact up and high effort right, and reads a point back to its ratings", () => {
    expect(cellCentre(1, 5)).toEqual({ x: PAD + CELL / 2, y: PAD + CELL / 2 });
    for (const effort of [1, 3, 5])
      for (const impact of [1, 2, 5]) {
        const c = cellCentre(effort, impact);
        expect(ratingsAt(c.x, c.y)).toEqual({ effort, impact });
      }
  });
  it("clamps points outside the grid to the nearest rating", () => {
    expect(ratingsAt(-100, -100)).toEqual({ effort: 1, impact: 5 });
    expect(ratingsAt(10_000, 10_000)).toEqual({ effort: 5, impact: 1 });
  });
  it("grows dots with evidence, within bounds", () => {
    expect(dotRadius(0)).toBe(6);
    expect(dotRadius(100)).toBeGreaterThan(dotRadius(10));
    expect(dotRadius(10_000)).toBe(22);
  });
});
