import { describe, expect, it } from "vitest";
import { boundsOf, cull, CULL_THRESHOLD, intersects } from "./cull";

const box = (x: number, y: number) => ({ x, y, width: 100, height: 50 });

describe("cull", () => {
  it("draws everything on small maps", () => {
    const items = [box(5000, 5000), box(0, 0)];
    expect(cull(items, (b) => b, { x: 0, y: 0, width: 100, height: 100 })).toHaveLength(2);
  });
  it("drops far-away cards on large maps and keeps those near the screen", () => {
    const items = Array.from({ length: CULL_THRESHOLD + 50 }, (_, i) => box(i * 200, 0));
    const kept = cull(items, (b) => b, { x: 0, y: 0, width: 1000, height: 600 }, 200);
    expect(kept.length).toBeGreaterThan(5);
    expect(kept.length).toBeLessThan(10);
    expect(kept.every((b) => b.x < 1200)).toBe(true);
  });
});

describe("geometry", () => {
  it("intersects only overlapping boxes", () => {
    expect(intersects(box(0, 0), box(50, 25))).toBe(true);
    expect(intersects(box(0, 0), box(100, 0))).toBe(false);
  });
  it("bounds a polyline", () => {
    expect(boundsOf([{ x: 10, y: 5 }, { x: -2, y: 40 }, { x: 7, y: 1 }])).toEqual({ x: -2, y: 1, width: 12, height: 39 });
  });
});
