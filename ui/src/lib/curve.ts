// The emotion lane's smooth curve through the layout's points (a Catmull-Rom spline drawn as
// cubic Béziers): presentation of given points, not layout.
import type { Point } from "./types";

export function smoothPath(points: Point[]): string {
  if (points.length === 0) return "";
  if (points.length === 1) return `M${points[0].x},${points[0].y}`;
  let d = `M${points[0].x},${points[0].y}`;
  for (let i = 0; i < points.length - 1; i++) {
    const p0 = points[i - 1] ?? points[i];
    const p1 = points[i];
    const p2 = points[i + 1];
    const p3 = points[i + 2] ?? p2;
    const c1x = p1.x + (p2.x - p0.x) / 6;
    const c1y = p1.y + (p2.y - p0.y) / 6;
    const c2x = p2.x - (p3.x - p1.x) / 6;
    const c2y = p2.y - (p3.y - p1.y) / 6;
    d += ` C${c1x},${c1y} ${c2x},${c2y} ${p2.x},${p2.y}`;
  }
  return d;
}

export function polylinePath(points: Point[]): string {
  return points.map((p, i) => `${i === 0 ? "M" : "L"}${p.x},${p.y}`).join(" ");
}

/** The last segment's end and its unit direction, skipping repeated points; null if none. */
function lastDirection(points: Point[]): { end: Point; dx: number; dy: number } | null {
  const end = points[points.length - 1];
  for (let i = points.length - 2; i >= 0; i--) {
    const dx = end.x - points[i].x;
    const dy = end.y - points[i].y;
    const len = Math.hypot(dx, dy);
    if (len > 0) return { end, dx: dx / len, dy: dy / len };
  }
  return null;
}

/**
 * A handoff's arrowhead: a triangle `length` long and `width` wide with its tip on the route's
 * last point, along the last segment. Drawn as a plain path rather than an SVG marker because
 * WebKit lays out a marker again for every path that uses it: with markers, each handoff
 * scrolled into view cost about four times as much as without.
 */
export function arrowHeadPath(points: Point[], length: number, width: number): string {
  const dir = lastDirection(points);
  if (!dir) return "";
  const { end, dx, dy } = dir;
  const bx = end.x - dx * length;
  const by = end.y - dy * length;
  const hx = (-dy * width) / 2;
  const hy = (dx * width) / 2;
  const r = (n: number) => Math.round(n * 100) / 100;
  return `M${r(end.x)},${r(end.y)} L${r(bx + hx)},${r(by + hy)} L${r(bx - hx)},${r(by - hy)} Z`;
}

/** The route shortened by `by` at its end, so a thick line stops inside its arrowhead. */
export function trimEnd(points: Point[], by: number): Point[] {
  const dir = lastDirection(points);
  if (!dir) return points;
  const { end, dx, dy } = dir;
  return [...points.slice(0, -1), { x: end.x - dx * by, y: end.y - dy * by }];
}
