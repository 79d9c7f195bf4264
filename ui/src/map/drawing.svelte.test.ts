import { describe, expect, it } from "vitest";
import { flushSync } from "svelte";
import { DETAIL_ZOOM, DrawingController } from "./drawing.svelte";
import { ViewportController } from "./viewport.svelte";
import { gridLayout } from "./fixture.test-util";
import { intersects, grow } from "../lib/cull";
import type { Layout } from "../lib/types";

function setUp(layout: Layout) {
  const viewport = new ViewportController(() => layout);
  viewport.width = 1000;
  viewport.height = 600;
  const cards = new Map(layout.cards.map((c) => [c.step_id, c]));
  const drawing = new DrawingController(
    { layout: () => layout, card: (id) => cards.get(id), key: () => "journey", layOut: () => {} },
    viewport,
  );
  return { viewport, drawing };
}
const boxOf = (c: { x: number; y: number; w: number; h: number }) => ({ x: c.x, y: c.y, width: c.w, height: c.h });

describe("what the map draws", () => {
  it("draws a small map whole, without culling", () => {
    const layout = gridLayout(5, 5);
    const { drawing } = setUp(layout);
    expect(drawing.everything).toBe(true);
    expect(drawing.shownCards).toBe(layout.cards);
    expect(drawing.shownHandoffs).toBe(layout.handoffs);
  });

  it("draws only what is near the screen of a large map, and follows a pan", () => {
    const layout = gridLayout(60, 20);
    const { viewport, drawing } = setUp(layout);
    expect(drawing.everything).toBe(false);
    expect(drawing.drawStep(Infinity).done).toBe(true);
    const near = grow(viewport.visible, 1000);
    expect(drawing.shownCards.length).toBeGreaterThan(10);
    expect(drawing.shownCards.length).toBeLessThan(layout.cards.length / 4);
    expect(drawing.shownCards.every((c) => intersects(boxOf(c), near))).toBe(true);
    expect(drawing.shownCards.some((c) => c.step_id === "c0_0")).toBe(true);
    expect(drawing.shownHandoffs.some((h) => h.handoff_id === "h0_0")).toBe(true);

    viewport.set({ tx: -8000, ty: -1000, zoom: 1 });
    flushSync();
    drawing.drawStep(Infinity);
    expect(drawing.shownCards.some((c) => c.step_id === "c0_0")).toBe(false);
    expect(drawing.shownCards.some((c) => c.step_id === "c40_12")).toBe(true);
  });

  it("adds at most a budget of cards a frame, nearest the screen's centre first", () => {
    const layout = gridLayout(60, 20);
    const { viewport, drawing } = setUp(layout);
    const first = drawing.drawStep(16);
    expect(first.done).toBe(false);
    expect(drawing.drawnCards.size).toBeLessThanOrEqual(16);
    const centre = { x: viewport.visible.x + 500, y: viewport.visible.y + 300 };
    const far = layout.cards.find((c) => c.step_id === "c0_0")!;
    // The top-left card is far from the centre: not among the first drawn.
    expect(drawing.drawnCards.has(far.step_id) && Math.hypot(far.x - centre.x, far.y - centre.y) > 400).toBe(false);
    let steps = 1;
    while (!drawing.drawStep(16).done) steps++;
    expect(steps).toBeGreaterThan(1);
    expect(drawing.drawnCards.has("c0_0")).toBe(true);
  });

  it("draws cards without text below the detail zoom, by the settled zoom", () => {
    const layout = gridLayout(5, 5);
    const { viewport, drawing } = setUp(layout);
    expect(drawing.detail).toBe(true);
    expect(drawing.full("c0_0")).toBe(true);
    viewport.set({ ...viewport.vp, zoom: DETAIL_ZOOM - 0.2 });
    // Far enough to redraw at once.
    expect(viewport.renderZoom).toBe(DETAIL_ZOOM - 0.2);
    expect(drawing.detail).toBe(false);
    expect(drawing.full("c0_0")).toBe(false);
  });

  it("draws what a zoom in progress reveals without text until the zoom settles", () => {
    const layout = gridLayout(60, 20);
    const { viewport, drawing } = setUp(layout);
    drawing.drawStep(Infinity);
    const before = new Set(drawing.drawnCards);
    viewport.zoomBy(1 / 1.2);
    expect(viewport.scaling).toBe(true);
    flushSync();
    drawing.drawStep(Infinity);
    const revealed = [...drawing.drawnCards].filter((id) => !before.has(id));
    expect(revealed.length).toBeGreaterThan(0);
    expect(revealed.every((id) => !drawing.full(id))).toBe(true);
    expect([...before].every((id) => drawing.full(id))).toBe(true);
    viewport.renderZoom = viewport.vp.zoom;
    drawing.settle();
    expect(revealed.every((id) => drawing.full(id))).toBe(true);
  });
});
