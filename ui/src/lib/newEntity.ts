// Where the in-place editor of a stage, lane or card that does not exist yet sits, in layout
// coordinates. A new entity is named before it is created, so that it is created with its name:
// one edit, one undo step (DESIGN: "one user action, one undo step"). Its editor stands where
// the layout will put it; the layout itself stays Rust's.
import type { CardBox, Layout } from "./types";
import type { Rect } from "./viewport";

/** A new stage's header, after the column at `after` (or after the last one). */
export function newStageRect(layout: Layout, after: number | null): Rect {
  const cols = layout.stages;
  const prev = cols[after ?? cols.length - 1];
  const width = prev?.width ?? layout.style.card_width + 2 * layout.style.cell_padding;
  const x = prev ? prev.x + prev.width : layout.style.lane_header_width;
  return { x, y: 0, width, height: layout.style.stage_header_height };
}

/** A new lane's header, below the row at `after` (or below the last one). */
export function newLaneRect(layout: Layout, after: number | null): Rect {
  const rows = layout.lanes;
  const prev = rows[after ?? rows.length - 1];
  const y = prev ? prev.y + prev.height : layout.style.stage_header_height;
  return { x: 0, y, width: layout.style.lane_header_width, height: layout.style.card_min_height };
}

/** A new card in the cell (stage `stageId`, lane `laneId`), below its last card `cards`. */
export function newCardRect(layout: Layout, stageId: string, laneId: string, cards: readonly CardBox[]): Rect | null {
  const col = layout.stages.find((s) => s.stage_id === stageId);
  const row = layout.lanes.find((l) => l.lane_id === laneId);
  if (!col || !row) return null;
  const s = layout.style;
  const last = cards.reduce<CardBox | null>((low, c) => (low === null || c.y > low.y ? c : low), null);
  const x = last ? last.x : col.x + s.cell_padding;
  const y = last ? last.y + last.h + s.card_gap : row.y + s.cell_padding;
  const width = last ? last.w : Math.max(0, col.width - 2 * s.cell_padding);
  return { x, y, width, height: s.card_min_height };
}
