// Where a pointer is on the layout: which cell, which position in it, which header slot.
// Reads the Rust layout's boxes; computes no layout of its own.
import type { CardBox, Id, Layout, Point } from "./types";

export interface Cell {
  stageId: Id;
  laneId: Id;
}

export function cellAt(layout: Layout, p: Point): Cell | null {
  const col = layout.stages.find((c) => p.x >= c.x && p.x < c.x + c.width);
  const row = layout.lanes.find((r) => p.y >= r.y && p.y < r.y + r.height);
  return col && row ? { stageId: col.stage_id, laneId: row.lane_id } : null;
}

export function cardAt(cards: CardBox[], p: Point): CardBox | null {
  for (let i = cards.length - 1; i >= 0; i--) {
    const c = cards[i];
    if (p.x >= c.x && p.x <= c.x + c.width && p.y >= c.y && p.y <= c.y + c.height) return c;
  }
  return null;
}

/**
 * The position a dropped card takes in its target cell: before the first card whose middle is
 * below the pointer. `cellCards` are the cell's cards in order, without the dragged one.
 */
export function dropPosition(cellCards: CardBox[], y: number): number {
  const i = cellCards.findIndex((c) => y < c.y + c.height / 2);
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
  const cx = from.x + from.width / 2;
  const cy = from.y + from.height / 2;
  let best: CardBox | null = null;
  let bestScore = Infinity;
  for (const c of cards) {
    if (c.step_id === from.step_id) continue;
    const dx = c.x + c.width / 2 - cx;
    const dy = c.y + c.height / 2 - cy;
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
