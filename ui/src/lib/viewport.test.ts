import { describe, expect, it } from "vitest";
import { clampPan, fitToView, focusRect, MAX_ZOOM, PRESENT_MIN_TEXT_PX, presentationZoom, revealRect, toLayout, unionRect, visibleRect, zoomAt } from "./viewport";

describe("zoomAt", () => {
  it("keeps the layout point under the pointer fixed", () => {
    const vp = { tx: -120, ty: -40, zoom: 1 };
    const before = toLayout(vp, { x: 300, y: 200 });
    const after = toLayout(zoomAt(vp, 1.5, 300, 200), { x: 300, y: 200 });
    expect(after.x).toBeCloseTo(before.x);
    expect(after.y).toBeCloseTo(before.y);
  });
  it("clamps to the zoom range", () => {
    expect(zoomAt({ tx: 0, ty: 0, zoom: 2 }, 10, 0, 0).zoom).toBe(MAX_ZOOM);
  });
});

describe("fitToView", () => {
  it("shrinks a large map to fit and never enlarges a small one", () => {
    expect(fitToView(4000, 1000, 1000, 800).zoom).toBeCloseTo(0.25);
    expect(fitToView(500, 300, 1000, 800).zoom).toBe(1);
  });
  it("is the identity for an empty layout", () => {
    expect(fitToView(0, 0, 1000, 800)).toEqual({ tx: 0, ty: 0, zoom: 1 });
  });
});

describe("visibleRect and clampPan", () => {
  it("maps the screen back to layout units", () => {
    expect(visibleRect({ tx: -200, ty: -100, zoom: 2 }, 800, 600)).toEqual({ x: 100, y: 50, width: 400, height: 300 });
  });
  it("stops panning past the map's edges", () => {
    expect(clampPan({ tx: 50, ty: 50, zoom: 1 }, 2000, 2000, 800, 600)).toEqual({ tx: 0, ty: 0, zoom: 1 });
    expect(clampPan({ tx: -5000, ty: -5000, zoom: 1 }, 2000, 1000, 800, 600)).toEqual({ tx: -1200, ty: -400, zoom: 1 });
    expect(clampPan({ tx: -10, ty: -10, zoom: 1 }, 300, 300, 800, 600)).toEqual({ tx: 0, ty: 0, zoom: 1 });
  });
});

describe("revealRect", () => {
  it("scrolls a card hidden to the right into view and leaves a visible one alone", () => {
    const vp = { tx: 0, ty: 0, zoom: 1 };
    const moved = revealRect(vp, { x: 1500, y: 100, width: 180, height: 60 }, 1000, 600, 160, 48);
    expect(1500 + 180 + moved.tx).toBeLessThanOrEqual(1000);
    expect(revealRect(vp, { x: 300, y: 100, width: 180, height: 60 }, 1000, 600, 160, 48)).toEqual(vp);
  });
  it("scrolls a card hidden under the sticky headers out from under them", () => {
    const moved = revealRect({ tx: -400, ty: 0, zoom: 1 }, { x: 300, y: 100, width: 180, height: 60 }, 1000, 600, 160, 48);
    expect(300 + moved.tx).toBeGreaterThanOrEqual(160);
  });
});

describe("focusRect", () => {
  it("centres a rect that fits, keeping the zoom", () => {
    // Free area: x 176..1176 (centre 676), y 44..844 (centre 444).
    const vp = focusRect({ tx: 0, ty: 0, zoom: 1 }, { x: 1000, y: 500, width: 100, height: 50 }, 1176, 844, 176, 44);
    expect(vp.zoom).toBe(1);
    expect(1050 * vp.zoom + vp.tx).toBe(676);
    expect(525 * vp.zoom + vp.ty).toBe(444);
  });

  it("zooms out to fit a wide rect, but not below the floor", () => {
    // 2000 wide into 1000 - 96 free px: 0.452, floored at 0.5.
    const vp = focusRect({ tx: 0, ty: 0, zoom: 1 }, { x: 0, y: 0, width: 2000, height: 10 }, 1176, 844, 176, 44);
    expect(vp.zoom).toBe(0.5);
    const wide = focusRect({ tx: 0, ty: 0, zoom: 1 }, { x: 0, y: 0, width: 1200, height: 10 }, 1176, 844, 176, 44);
    // (1176 - 176 - 96) / 1200 = 0.7533...
    expect(wide.zoom).toBeCloseTo(0.7533, 3);
  });

  it("never zooms in", () => {
    const vp = focusRect({ tx: 0, ty: 0, zoom: 0.6 }, { x: 0, y: 0, width: 10, height: 10 }, 1176, 844, 176, 44);
    expect(vp.zoom).toBe(0.6);
  });
});

describe("unionRect", () => {
  it("holds every rect", () => {
    expect(unionRect([{ x: 10, y: 20, width: 5, height: 5 }, { x: 0, y: 30, width: 4, height: 10 }])).toEqual({ x: 0, y: 20, width: 15, height: 20 });
    expect(unionRect([])).toBeNull();
  });
});

describe("the presentation's zoom", () => {
  it("fits a map that can be read whole, enlarging a small one up to twice", () => {
    expect(presentationZoom(1000, 500, 1920, 1080, 20)).toEqual({ zoom: 1.92, fits: true });
    expect(presentationZoom(400, 200, 1920, 1080, 20)).toEqual({ zoom: 2, fits: true });
  });
  it("keeps text at 18 px or more, and then goes stage by stage", () => {
    // Fitting 3000 units into 1280 px would make 20-unit text 8.5 px.
    const z = presentationZoom(3000, 700, 1280, 720, 20);
    expect(z.fits).toBe(false);
    expect(z.zoom * 20).toBeCloseTo(PRESENT_MIN_TEXT_PX);
    expect(PRESENT_MIN_TEXT_PX).toBe(18);
  });
  it("never shrinks the text under 18 px for a map taller than the screen (it scrolls instead)", () => {
    // 3000 x 1000 units at 20-unit text: at 18 px (zoom 0.9) the map is 900 px tall, over 720.
    for (const [h, font] of [[1000, 20], [5000, 20], [900, 17], [700, 13]]) {
      const z = presentationZoom(3000, h, 1280, 720, font);
      expect(z.fits).toBe(false);
      expect(z.zoom * font).toBeGreaterThanOrEqual(PRESENT_MIN_TEXT_PX);
      expect(z.zoom * font).toBeLessThan(PRESENT_MIN_TEXT_PX + 0.01);
    }
    // A map as wide as the screen but too tall at 18 px does not fit whole either.
    expect(presentationZoom(1000, 3000, 1280, 720, 17).fits).toBe(false);
  });
});
