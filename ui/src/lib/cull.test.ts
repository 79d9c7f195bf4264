import { describe, expect, it } from "vitest";
import { boundsOf, cull, cullBoxes, cullByBounds, CULL_THRESHOLD, intersects, snapRect } from "./cull";

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

describe("culling without an object per item", () => {
  const row = Array.from({ length: CULL_THRESHOLD + 50 }, (_, i) => ({ x: i * 200, y: 0, w: 100, h: 50 }));
  const screen = { x: 0, y: 0, width: 1000, height: 600 };
  it("keeps the same cards as cull", () => {
    const byCull = cull(row, (c) => ({ x: c.x, y: c.y, width: c.w, height: c.h }), screen, 200);
    expect(cullBoxes(row, screen, 200)).toEqual(byCull);
  });
  it("keeps the items whose precomputed bounds meet the screen", () => {
    const bounds = row.map((c) => ({ x: c.x, y: c.y, width: c.w, height: c.h }));
    const kept = cullByBounds(row, bounds, screen, 0);
    expect(kept.map((c) => c.x)).toEqual([0, 200, 400, 600, 800]);
  });
  it("draws everything on small maps", () => {
    expect(cullBoxes(row.slice(0, 3), { x: 9000, y: 9000, width: 1, height: 1 })).toHaveLength(3);
  });
});

describe("snapRect", () => {
  it("grows a rect out to the grid and contains it", () => {
    expect(snapRect({ x: 10, y: -70, width: 100, height: 20 }, 64)).toEqual({ x: 0, y: -128, width: 128, height: 128 });
  });
  it("gives the same rect for small moves inside one grid cell", () => {
    const a = snapRect({ x: 70, y: 70, width: 300, height: 200 }, 64);
    const b = snapRect({ x: 75, y: 72, width: 300, height: 200 }, 64);
    expect(b).toEqual(a);
  });
});
