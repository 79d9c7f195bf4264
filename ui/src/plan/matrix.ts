// The matrix's geometry: impact (1..5, up) against effort (1..5, right), one cell per rating
// pair. Several initiatives with the same ratings share a cell, set around its centre.

export const CELL = 96;
export const PAD = 48;

/** The centre of the cell of `effort` and `impact`. */
export function cellCentre(effort: number, impact: number): { x: number; y: number } {
  return { x: PAD + (effort - 0.5) * CELL, y: PAD + (5 - impact + 0.5) * CELL };
}

/** Where the `k`-th of `n` dots of one cell stands, around the cell's centre. */
export function dotPlace(effort: number, impact: number, k: number, n: number): { x: number; y: number } {
  const c = cellCentre(effort, impact);
  if (n <= 1) return c;
  const angle = (2 * Math.PI * k) / n;
  const r = CELL * 0.28;
  return { x: c.x + r * Math.cos(angle), y: c.y + r * Math.sin(angle) };
}

/** The rating pair under a point of the matrix, clamped to 1..5. */
export function ratingsAt(x: number, y: number): { effort: number; impact: number } {
  const clamp = (v: number) => Math.min(5, Math.max(1, v));
  return { effort: clamp(Math.floor((x - PAD) / CELL) + 1), impact: clamp(5 - Math.floor((y - PAD) / CELL)) };
}

/** A dot's radius from its evidence: larger evidence, larger dot, within 6..22 px. */
export function dotRadius(evidence: number): number {
  return Math.min(22, 6 + Math.sqrt(Math.max(0, evidence)) * 1.6);
}
