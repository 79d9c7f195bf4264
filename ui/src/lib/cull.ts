// Drawing only what is on screen once a map is large (DESIGN: cull off-screen cards).
import type { Rect } from "./viewport";

/** Below this many cards every card is drawn: culling would cost more than it saves. */
export const CULL_THRESHOLD = 150;

export function intersects(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

export function grow(r: Rect, by: number): Rect {
  return { x: r.x - by, y: r.y - by, width: r.width + 2 * by, height: r.height + 2 * by };
}

/** The items whose box meets the visible rect (grown by a margin so scrolling never shows holes). */
export function cull<T>(items: T[], box: (item: T) => Rect, visible: Rect, margin = 200): T[] {
  if (items.length < CULL_THRESHOLD) return items;
  const area = grow(visible, margin);
  return items.filter((it) => intersects(box(it), area));
}

/** The edges of `visible` grown by `margin`, for the tight loops below. */
function edges(visible: Rect, margin: number): { x0: number; y0: number; x1: number; y1: number } {
  const r = grow(visible, margin);
  return { x0: r.x, y0: r.y, x1: r.x + r.width, y1: r.y + r.height };
}

/** The bounding box of a polyline. */
export function boundsOf(points: { x: number; y: number }[]): Rect {
  if (points.length === 0) return { x: 0, y: 0, width: 0, height: 0 };
  let x0 = Infinity,
    y0 = Infinity,
    x1 = -Infinity,
    y1 = -Infinity;
  for (const p of points) {
    x0 = Math.min(x0, p.x);
    y0 = Math.min(y0, p.y);
    x1 = Math.max(x1, p.x);
    y1 = Math.max(y1, p.y);
  }
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

/** The smallest rect on a grid of `step` that contains `r`. */
export function snapRect(r: Rect, step: number): Rect {
  const x0 = Math.floor(r.x / step) * step;
  const y0 = Math.floor(r.y / step) * step;
  const x1 = Math.ceil((r.x + r.width) / step) * step;
  const y1 = Math.ceil((r.y + r.height) / step) * step;
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

/**
 * The cards (or any x, y, w, h boxes) meeting `visible` grown by `margin`: `cull` without an
 * object per item, since it runs on every frame of a pan over up to 10,000 cards.
 */
export function cullBoxes<T extends { x: number; y: number; w: number; h: number }>(items: T[], visible: Rect, margin = 200): T[] {
  if (items.length < CULL_THRESHOLD) return items;
  const { x0, y0, x1, y1 } = edges(visible, margin);
  const out: T[] = [];
  for (const it of items) {
    if (it.x < x1 && it.x + it.w > x0 && it.y < y1 && it.y + it.h > y0) out.push(it);
  }
  return out;
}

/** `items` whose precomputed bounds (`bounds[i]` for `items[i]`) meet `visible` grown by `margin`. */
export function cullByBounds<T>(items: T[], bounds: Rect[], visible: Rect, margin = 200): T[] {
  if (items.length < CULL_THRESHOLD) return items;
  const { x0, y0, x1, y1 } = edges(visible, margin);
  const out: T[] = [];
  for (let i = 0; i < items.length; i++) {
    const b = bounds[i];
    if (b.x < x1 && b.x + b.width > x0 && b.y < y1 && b.y + b.height > y0) out.push(items[i]);
  }
  return out;
}
