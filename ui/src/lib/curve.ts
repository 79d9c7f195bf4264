// Paths drawn from the layout's points: presentation of given points, not layout.
import type { Point } from "./types";

/** One cubic Bézier segment: from `p0` through controls `c1`, `c2` to `p1`. */
export interface Bezier {
  p0: Point;
  c1: Point;
  c2: Point;
  p1: Point;
}

/**
 * The emotion curve through points left to right, as cubic segments of a monotone cubic
 * (Fritsch–Butland tangents): between two points the curve never goes above the higher nor below
 * the lower, so two equal points are joined by a flat line and no point is overshot.
 */
export function monotoneSegments(points: Point[]): Bezier[] {
  const n = points.length;
  if (n < 2) return [];
  const h: number[] = [];
  const d: number[] = [];
  for (let i = 0; i < n - 1; i++) {
    h.push(points[i + 1].x - points[i].x);
    d.push(h[i] > 0 ? (points[i + 1].y - points[i].y) / h[i] : 0);
  }
  // Tangents: zero at a peak, a trough or a flat; otherwise a weighted harmonic mean of the
  // slopes either side, which keeps every segment within its two points' values.
  const m = points.map((_, i) => {
    if (i === 0) return d[0];
    if (i === n - 1) return d[n - 2];
    const [a, b] = [d[i - 1], d[i]];
    if (a * b <= 0) return 0;
    const w1 = 2 * h[i] + h[i - 1];
    const w2 = h[i] + 2 * h[i - 1];
    return (w1 + w2) / (w1 / a + w2 / b);
  });
  // At an end, a tangent steeper than three times the slope would overshoot: clamp it.
  m[0] = clampTangent(m[0], d[0]);
  m[n - 1] = clampTangent(m[n - 1], d[n - 2]);
  return d.map((_, i) => {
    const [p0, p1] = [points[i], points[i + 1]];
    const third = h[i] / 3;
    return {
      p0,
      c1: { x: p0.x + third, y: p0.y + m[i] * third },
      c2: { x: p1.x - third, y: p1.y - m[i + 1] * third },
      p1,
    };
  });
}

function clampTangent(m: number, slope: number): number {
  if (slope === 0 || m * slope <= 0) return 0;
  return Math.sign(m) * Math.min(Math.abs(m), 3 * Math.abs(slope));
}

/** The SVG path of `monotoneSegments`: a move to the first point, then one cubic per segment. */
export function smoothPath(points: Point[]): string {
  if (points.length === 0) return "";
  let d = `M${points[0].x},${points[0].y}`;
  for (const s of monotoneSegments(points)) d += ` C${s.c1.x},${s.c1.y} ${s.c2.x},${s.c2.y} ${s.p1.x},${s.p1.y}`;
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
