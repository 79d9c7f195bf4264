import { describe, expect, it } from "vitest";
import { arrowHeadPath, monotoneSegments, polylinePath, smoothPath, trimEnd } from "./curve";
import type { Point } from "./types";

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
  it("never overshoots its points: each segment stays between its two values", () => {
    // The case: two equal points between lower ones, and sharp turns.
    const cases: Point[][] = [
      [{ x: 0, y: 100 }, { x: 60, y: 20 }, { x: 120, y: 20 }, { x: 180, y: 100 }],
      [{ x: 0, y: 0 }, { x: 30, y: 100 }, { x: 40, y: 0 }, { x: 200, y: 90 }, { x: 210, y: 90 }],
      [{ x: 0, y: 50 }, { x: 100, y: 10 }],
    ];
    for (const points of cases) {
      const segments = monotoneSegments(points);
      expect(segments).toHaveLength(points.length - 1);
      for (const s of segments) {
        const [lo, hi] = [Math.min(s.p0.y, s.p1.y), Math.max(s.p0.y, s.p1.y)];
        for (let t = 0; t <= 1.0001; t += 0.05) {
          const u = 1 - t;
          const y = u * u * u * s.p0.y + 3 * u * u * t * s.c1.y + 3 * u * t * t * s.c2.y + t * t * t * s.p1.y;
          expect(y).toBeGreaterThanOrEqual(lo - 1e-9);
          expect(y).toBeLessThanOrEqual(hi + 1e-9);
        }
      }
    }
  });
  it("joins two equal points with a flat segment", () => {
    const [, flat] = monotoneSegments([{ x: 0, y: 80 }, { x: 50, y: 20 }, { x: 100, y: 20 }, { x: 150, y: 80 }]);
    expect([flat.c1.y, flat.c2.y]).toEqual([20, 20]);
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
