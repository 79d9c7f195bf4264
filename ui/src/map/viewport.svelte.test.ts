import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { SETTLE_MS, ViewportController } from "./viewport.svelte";
import { gridLayout } from "./fixture.test-util";
import type { Layout } from "../lib/types";

let layout: Layout | null;
let activity: number;
function viewport(): ViewportController {
  const v = new ViewportController(() => layout, () => activity++);
  v.width = 1000;
  v.height = 600;
  return v;
}

beforeEach(() => {
  layout = gridLayout(20, 10);
  activity = 0;
  vi.useFakeTimers();
});
afterEach(() => vi.useRealTimers());

describe("the map's viewport", () => {
  it("zooms about the centre and reports the zoom in percent, telling of the activity", () => {
    const v = viewport();
    v.zoomBy(2);
    expect(v.vp.zoom).toBe(2);
    expect(v.percent).toBe(200);
    // The layout point at the screen's centre stays there.
    expect((500 - v.vp.tx) / 2).toBeCloseTo(500);
    expect(activity).toBe(1);
    v.zoomReset();
    expect(v.vp.zoom).toBe(1);
  });

  it("draws the layers again at the new zoom only once zooming pauses", () => {
    const v = viewport();
    v.zoomBy(1.2);
    expect(v.renderZoom).toBe(1);
    expect(v.scaling).toBe(true);
    expect(v.layerTransform(0, 0)).toContain("scale(1.2)");
    vi.advanceTimersByTime(SETTLE_MS - 1);
    v.zoomBy(1.2);
    vi.advanceTimersByTime(SETTLE_MS - 1);
    expect(v.renderZoom).toBe(1);
    vi.advanceTimersByTime(1);
    expect(v.renderZoom).toBeCloseTo(1.44);
    expect(v.scaling).toBe(false);
  });

  it("draws again at once when the scale drifts far enough to blur", () => {
    const v = viewport();
    v.zoomBy(0.3);
    expect(v.renderZoom).toBe(v.vp.zoom);
  });

  it("keeps the pan over the layout and pans by the wheel, sideways with shift", () => {
    const v = viewport();
    v.wheel({ deltaX: 0, deltaY: -500, zoom: false, shift: false }, 0, 0);
    expect(v.vp.ty).toBeLessThanOrEqual(0);
    v.wheel({ deltaX: 0, deltaY: 300, zoom: false, shift: false }, 0, 0);
    expect(v.vp.ty).toBe(-300);
    v.wheel({ deltaX: 0, deltaY: 200, zoom: false, shift: true }, 0, 0);
    expect(v.vp).toMatchObject({ tx: -200, ty: -300 });
    v.wheel({ deltaX: 0, deltaY: -100, zoom: true, shift: false }, 0, 0);
    expect(v.vp.zoom).toBeGreaterThan(1);
  });

  it("fits the whole map, never past 100%", () => {
    layout = gridLayout(8, 4);
    const v = viewport();
    v.fit();
    expect(v.vp.zoom).toBeCloseTo(Math.min(1000 / layout!.width, 600 / layout!.height));
    layout = gridLayout(1, 1);
    v.fit();
    expect(v.vp.zoom).toBe(1);
  });

  it("reveals a card off screen beside the sticky headers, and leaves one in view alone", () => {
    const v = viewport();
    const far = layout!.cards.find((c) => c.step_id === "c15_8")!;
    v.reveal({ x: far.x, y: far.y, width: far.w, height: far.h });
    const r = v.visible;
    expect(far.x).toBeGreaterThanOrEqual(r.x + 180);
    expect(far.x + far.w).toBeLessThanOrEqual(r.x + r.width);
    expect(far.y + far.h).toBeLessThanOrEqual(r.y + r.height);
    const before = { ...v.vp };
    v.reveal({ x: far.x, y: far.y, width: far.w, height: far.h });
    expect(v.vp).toEqual(before);
  });

  it("focuses cards, handoffs and stages by id, and ignores ids it does not know", () => {
    const v = viewport();
    v.focus(["c18_9", "h17_9"]);
    const r = v.visible;
    expect(r.x + r.width).toBeGreaterThan(180 + 18 * 200);
    const before = { ...v.vp };
    v.focus(["nothing"]);
    expect(v.vp).toEqual(before);
  });

  it("presents stage by stage, clamped to the stages there are", () => {
    const v = viewport();
    v.showStage(3);
    expect(v.presentStage).toBe(3);
    const centre = 180 + (1000 - 180) / 2;
    expect(v.vp.tx + (180 + 3 * 200 + 100) * v.vp.zoom).toBeCloseTo(centre);
    v.showStage(99);
    expect(v.presentStage).toBe(19);
    v.showStage(-1);
    expect(v.presentStage).toBe(0);
  });

  it("does nothing without a layout, and reset goes back to the top-left", () => {
    layout = null;
    const v = viewport();
    v.fit();
    v.focus(["c0_0"]);
    v.showStage(1);
    expect(v.vp).toEqual({ tx: 0, ty: 0, zoom: 1 });
    v.set({ tx: -50, ty: -50, zoom: 2 });
    v.reset();
    expect(v.vp).toEqual({ tx: 0, ty: 0, zoom: 1 });
  });

  it("presents fitted from the first stage, cues the end past the last, and gives back the view it found", () => {
    layout = gridLayout(6, 5); // 1380 x 548 units, 13-unit text: 18 px text needs 1.38x
    const v = viewport();
    v.set({ tx: -120, ty: -40, zoom: 0.8 });
    const before = { ...v.vp };
    v.presenting(true);
    v.presentFit();
    // 548 units at 1.38x are taller than the 600 px screen: the text stays at 18 px all the same.
    expect(v.vp.zoom * 13).toBeGreaterThanOrEqual(18);
    expect(v.vp.zoom * 13).toBeLessThan(18.01);
    expect(v.presentFits).toBe(false);
    expect([v.vp.ty, v.presentBelow, v.presentAbove]).toEqual([0, true, false]);
    for (let i = 0; i < 5; i++) v.stepStage(1);
    expect([v.presentStage, v.presentEnded]).toEqual([5, false]);
    v.stepStage(1);
    expect([v.presentStage, v.presentEnded]).toEqual([5, true]);
    v.stepStage(-1);
    expect([v.presentStage, v.presentEnded]).toEqual([4, false]);
    v.presenting(false);
    expect(v.vp).toEqual(before);
  });

  it("pages down a stage taller than the screen, then on to the next stage's top; back up the same way", () => {
    layout = gridLayout(6, 5); // at 18 px text the map is 759 px tall on a 600 px screen
    const v = viewport();
    v.presenting(true);
    v.presentFit();
    const zoom = v.vp.zoom;
    v.pageStage(1);
    // The same stage, scrolled to its bottom lane (the rest was less than a screenful).
    expect(v.presentStage).toBe(0);
    expect(v.vp.ty).toBeCloseTo(600 - 548 * zoom);
    expect([v.presentBelow, v.presentAbove]).toEqual([false, true]);
    expect(v.vp.zoom).toBe(zoom);
    // Right keeps the height in the lanes; Down at the bottom is the next stage, from its top.
    v.stepStage(1);
    expect([v.presentStage, v.presentAbove]).toEqual([1, true]);
    v.pageStage(1);
    expect([v.presentStage, v.vp.ty]).toEqual([2, 0]);
    // Up at the top: the previous stage, from its bottom; then up the stage.
    v.pageStage(-1);
    expect([v.presentStage, v.presentBelow]).toEqual([1, false]);
    v.pageStage(-1);
    expect([v.presentStage, v.vp.ty]).toEqual([1, 0]);
    // Past the last stage's bottom: the end cue; back from it, the last stage as it was.
    for (let i = 0; i < 20 && !v.presentEnded; i++) v.pageStage(1);
    expect([v.presentStage, v.presentEnded, v.presentBelow]).toEqual([5, true, false]);
    v.pageStage(-1);
    expect([v.presentStage, v.presentEnded, v.presentAbove]).toEqual([5, false, true]);
    // At the first stage's top, up does nothing.
    for (let i = 0; i < 20; i++) v.pageStage(-1);
    expect([v.presentStage, v.vp.ty]).toEqual([0, 0]);
  });

  it("a map that fits whole is never paged: Down is the next stage", () => {
    layout = gridLayout(2, 2); // 580 x 248 units: 1.72x fits the screen, text over 18 px
    const v = viewport();
    v.presenting(true);
    v.presentFit();
    expect(v.presentFits).toBe(true);
    expect(v.vp.zoom * 13).toBeGreaterThanOrEqual(18);
    v.pageStage(1);
    expect(v.presentStage).toBe(1);
  });

  it("opens a journey fitted, as far as its text stays legible", () => {
    layout = gridLayout(3, 2); // 780 x 248: fits whole at 100%
    const v = viewport();
    v.set({ tx: -10, ty: 0, zoom: 2 });
    v.openFitted();
    expect(v.vp).toEqual({ tx: 0, ty: 0, zoom: 1 });
    layout = gridLayout(200, 10);
    v.openFitted();
    expect(v.vp.zoom * 13).toBeCloseTo(8);
  });
});

