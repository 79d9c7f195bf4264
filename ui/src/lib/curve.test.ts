import { describe, expect, it } from "vitest";
import { arrowHeadPath, polylinePath, smoothPath, trimEnd } from "./curve";

describe("curves", () => {
  it("passes the smooth curve through every point", () => {
    const d = smoothPath([{ x: 0, y: 0 }, { x: 100, y: 50 }, { x: 200, y: -20 }]);
    expect(d.startsWith("M0,0")).toBe(true);
    expect(d).toContain(" 100,50");
    expect(d.endsWith(" 200,-20")).toBe(true);
    expect(d.match(/C/g)).toHaveLength(2);
  });
  it("draws nothing for no points", () => {
    expect(smoothPath([])).toBe("");
  });
  it("writes polylines as moves and lines", () => {
    expect(polylinePath([{ x: 1, y: 2 }, { x: 3, y: 4 }])).toBe("M1,2 L3,4");
  });
});

describe("arrowheads", () => {
  it("puts the tip on the last point, pointing along the last segment", () => {
    // Down, then right: the head points right, its base 10 back and 8 wide.
    expect(arrowHeadPath([{ x: 0, y: 0 }, { x: 0, y: 50 }, { x: 100, y: 50 }], 10, 8)).toBe("M100,50 L90,54 L90,46 Z");
  });
  it("skips a repeated last point, and draws nothing without a segment", () => {
    expect(arrowHeadPath([{ x: 0, y: 0 }, { x: 0, y: 20 }, { x: 0, y: 20 }], 10, 8)).toBe("M0,20 L-4,10 L4,10 Z");
    expect(arrowHeadPath([{ x: 5, y: 5 }], 10, 8)).toBe("");
  });
  it("trims a route's end along its last segment", () => {
    expect(trimEnd([{ x: 0, y: 0 }, { x: 0, y: 50 }, { x: 100, y: 50 }], 6)).toEqual([{ x: 0, y: 0 }, { x: 0, y: 50 }, { x: 94, y: 50 }]);
    expect(trimEnd([{ x: 1, y: 1 }], 6)).toEqual([{ x: 1, y: 1 }]);
  });
});
