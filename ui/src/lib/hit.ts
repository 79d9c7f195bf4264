// Where a pointer is on the layout: which cell, which position in it, which header slot.
// Reads the Rust layout's boxes; computes no layout of its own.
import type { CardBox, Id, Layout, Point } from "./types";

export interface Cell {
  stageId: Id;
  laneId: Id;
}

/** The index of the span nearest to `v` (0 distance inside it), so gutters belong to a neighbour. */
function nearestSpan(spans: { start: number; size: number }[], v: number): number {
  let best = -1;
  let bestDistance = Infinity;
  spans.forEach((s, i) => {
    const d = v < s.start ? s.start - v : v > s.start + s.size ? v - (s.start + s.size) : 0;
    if (d < bestDistance) {
      bestDistance = d;
      best = i;
    }
  });
  return best;
}

/** The cell under a point of the map body (gutters count for the nearest cell); none over the headers. */
export function cellAt(layout: Layout, p: Point): Cell | null {
  if (p.x < layout.style.lane_header_width || p.y < layout.style.stage_header_height) return null;
  if (p.x > layout.width || p.y > layout.height) return null;
  const ci = nearestSpan(layout.stages.map((c) => ({ start: c.x, size: c.width })), p.x);
  const ri = nearestSpan(layout.lanes.map((r) => ({ start: r.y, size: r.height })), p.y);
  const col = layout.stages[ci];
  const row = layout.lanes[ri];
  return col && row ? { stageId: col.stage_id, laneId: row.lane_id } : null;
}

export function cardAt(cards: CardBox[], p: Point): CardBox | null {
  for (let i = cards.length - 1; i >= 0; i--) {
    const c = cards[i];
    if (p.x >= c.x && p.x <= c.x + c.w && p.y >= c.y && p.y <= c.y + c.h) return c;
  }
  return null;
}

/**
 * The position a dropped card takes in its target cell: before the first card whose middle is
 * below the pointer. `cellCards` are the cell's cards in order, without the dragged one.
 */
export function dropPosition(cellCards: CardBox[], y: number): number {
  const i = cellCards.findIndex((c) => y < c.y + c.h / 2);
  return i === -1 ? cellCards.length : i;
}

/** The index a dragged header takes: how many other headers' middles lie before the pointer. */
export function headerDropIndex(starts: { start: number; size: number }[], dragged: number, at: number): number {
  let index = 0;
  starts.forEach((s, i) => {
    if (i !== dragged && at > s.start + s.size / 2) index++;
  });
  return index;
}

/** The card nearest the current one in an arrow's direction, favouring cards in line with it. */
export function nearestInDirection(
  cards: CardBox[],
  from: CardBox,
  dir: "left" | "right" | "up" | "down",
): CardBox | null {
  const cx = from.x + from.w / 2;
  const cy = from.y + from.h / 2;
  let best: CardBox | null = null;
  let bestScore = Infinity;
  for (const c of cards) {
    if (c.step_id === from.step_id) continue;
    const dx = c.x + c.w / 2 - cx;
    const dy = c.y + c.h / 2 - cy;
    const along = dir === "left" ? -dx : dir === "right" ? dx : dir === "up" ? -dy : dy;
    const across = dir === "left" || dir === "right" ? Math.abs(dy) : Math.abs(dx);
    if (along <= 1) continue;
    const score = along + across * 2;
    if (score < bestScore) {
      bestScore = score;
      best = c;
    }
  }
  return best;
}
