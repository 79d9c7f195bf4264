// Pan and zoom of the map: one affine transform, screen = layout * zoom + (tx, ty).
import type { Point } from "./types";

export interface Viewport {
  tx: number;
  ty: number;
  zoom: number;
}
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const MIN_ZOOM = 0.25;
export const MAX_ZOOM = 3;

export function clampZoom(z: number): number {
  return Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, z));
}

/** Zoom by `factor`, keeping the layout point under the screen point (px, py) in place. */
export function zoomAt(vp: Viewport, factor: number, px: number, py: number): Viewport {
  const zoom = clampZoom(vp.zoom * factor);
  const k = zoom / vp.zoom;
  return { zoom, tx: px - (px - vp.tx) * k, ty: py - (py - vp.ty) * k };
}

export function panBy(vp: Viewport, dx: number, dy: number): Viewport {
  return { ...vp, tx: vp.tx + dx, ty: vp.ty + dy };
}

export function toLayout(vp: Viewport, p: Point): Point {
  return { x: (p.x - vp.tx) / vp.zoom, y: (p.y - vp.ty) / vp.zoom };
}

/** The part of the layout the screen shows. */
export function visibleRect(vp: Viewport, viewWidth: number, viewHeight: number): Rect {
  return {
    x: -vp.tx / vp.zoom,
    y: -vp.ty / vp.zoom,
    width: viewWidth / vp.zoom,
    height: viewHeight / vp.zoom,
  };
}

/** The whole layout in view, never enlarged past 100%, anchored top-left. */
export function fitToView(
  layoutWidth: number,
  layoutHeight: number,
  viewWidth: number,
  viewHeight: number,
): Viewport {
  if (layoutWidth <= 0 || layoutHeight <= 0 || viewWidth <= 0 || viewHeight <= 0) {
    return { tx: 0, ty: 0, zoom: 1 };
  }
  const zoom = clampZoom(Math.min(1, viewWidth / layoutWidth, viewHeight / layoutHeight));
  return { tx: 0, ty: 0, zoom };
}

/** The smallest map text a presentation shows, in screen pixels: readable from the back of a room. */
export const PRESENT_MIN_TEXT_PX = 18;
/** How far a presentation enlarges a small map to fill the screen. */
const PRESENT_MAX_ZOOM = 2;

/**
 * A presentation's zoom: the whole map on screen (enlarged up to 2x when small), but never so
 * small that text of `fontSize` layout units is under 18 px; `fits` is false when the map is
 * then wider or taller than the screen: the presentation goes stage by stage at 18 px, and
 * scrolls down a stage taller than the screen (keys and wheel) rather than shrink its text.
 */
export function presentationZoom(
  layoutWidth: number,
  layoutHeight: number,
  viewWidth: number,
  viewHeight: number,
  fontSize: number,
): { zoom: number; fits: boolean } {
  if (layoutWidth <= 0 || layoutHeight <= 0 || viewWidth <= 0 || viewHeight <= 0 || fontSize <= 0) return { zoom: 1, fits: true };
  const whole = Math.min(PRESENT_MAX_ZOOM, viewWidth / layoutWidth, viewHeight / layoutHeight);
  // Rounded up (to 1/10,000), so that the text is never a rounding under 18 px.
  const readable = clampZoom(Math.ceil((PRESENT_MIN_TEXT_PX / fontSize) * 10_000) / 10_000);
  return whole >= readable ? { zoom: clampZoom(whole), fits: true } : { zoom: readable, fits: false };
}

/**
 * Keep the map from drifting away: the layout's top-left may not move right of or below the
 * screen's top-left, and its far edge may not leave the screen by more than it must.
 */
export function clampPan(
  vp: Viewport,
  layoutWidth: number,
  layoutHeight: number,
  viewWidth: number,
  viewHeight: number,
): Viewport {
  const minTx = Math.min(0, viewWidth - layoutWidth * vp.zoom);
  const minTy = Math.min(0, viewHeight - layoutHeight * vp.zoom);
  return {
    zoom: vp.zoom,
    tx: Math.min(0, Math.max(minTx, vp.tx)),
    ty: Math.min(0, Math.max(minTy, vp.ty)),
  };
}

/**
 * Scroll just enough to bring `r` (layout units) into the part of the screen not covered by
 * the sticky headers (`insetLeft`, `insetTop`, in layout units).
 */
export function revealRect(
  vp: Viewport,
  r: Rect,
  viewWidth: number,
  viewHeight: number,
  insetLeft: number,
  insetTop: number,
): Viewport {
  const margin = 24;
  const left = (insetLeft + 0) * vp.zoom + margin;
  const top = insetTop * vp.zoom + margin;
  let { tx, ty } = vp;
  const sx0 = r.x * vp.zoom + tx;
  const sx1 = (r.x + r.width) * vp.zoom + tx;
  const sy0 = r.y * vp.zoom + ty;
  const sy1 = (r.y + r.height) * vp.zoom + ty;
  if (sx0 < left) tx += left - sx0;
  else if (sx1 > viewWidth - margin) tx -= Math.min(sx1 - (viewWidth - margin), sx0 - left);
  if (sy0 < top) ty += top - sy0;
  else if (sy1 > viewHeight - margin) ty -= Math.min(sy1 - (viewHeight - margin), sy0 - top);
  return { zoom: vp.zoom, tx, ty };
}

/**
 * Centre `r` (layout units) in the part of the screen the sticky headers leave free (`insetLeft`,
 * `insetTop`, in layout units at zoom 1), zooming out (never below `minZoom`, never in) when it
 * does not fit, with a 48 px margin. The hotspot and evidence clicks use it.
 */
export function focusRect(
  vp: Viewport,
  r: Rect,
  viewWidth: number,
  viewHeight: number,
  insetLeft: number,
  insetTop: number,
  minZoom = 0.5,
): Viewport {
  const margin = 48;
  const fitZoom = Math.min(
    (viewWidth - insetLeft * vp.zoom - 2 * margin) / Math.max(1, r.width),
    (viewHeight - insetTop * vp.zoom - 2 * margin) / Math.max(1, r.height),
  );
  const zoom = fitZoom >= vp.zoom ? vp.zoom : clampZoom(Math.max(minZoom, fitZoom));
  const freeLeft = insetLeft * zoom;
  const freeTop = insetTop * zoom;
  const cx = freeLeft + (viewWidth - freeLeft) / 2;
  const cy = freeTop + (viewHeight - freeTop) / 2;
  return { zoom, tx: cx - (r.x + r.width / 2) * zoom, ty: cy - (r.y + r.height / 2) * zoom };
}

/** The smallest rectangle holding all of `rects`; null when there are none. */
export function unionRect(rects: Rect[]): Rect | null {
  if (rects.length === 0) return null;
  const x0 = Math.min(...rects.map((r) => r.x));
  const y0 = Math.min(...rects.map((r) => r.y));
  const x1 = Math.max(...rects.map((r) => r.x + r.width));
  const y1 = Math.max(...rects.map((r) => r.y + r.height));
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}
