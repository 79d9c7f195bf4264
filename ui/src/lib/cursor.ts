// The keyboard cursor over the map's grid: every cell is reachable, empty or not. Inside a cell
// the arrows walk its cards in order; past the first or last card they step into the
// neighbouring lane; left and right step into the neighbouring stage, keeping the card's rank.
// Above the first lane are the stage headers, left of the first stage the lane headers.
// Pure: reads the model's ids and order only (the layout stays Rust's).
import type { Selection } from "./state.svelte";
import type { Id, JourneyModel } from "./types";

export type Direction = "left" | "right" | "up" | "down";

/** The grid the cursor walks: stages and lanes in order, each cell's cards in order. */
export interface Grid {
  stages: Id[];
  lanes: Id[];
  /** The cards of a cell, in order (empty when none). */
  cards(stageId: Id, laneId: Id): Id[];
  /** Where card `id` stands, if it is in this journey. */
  placeOf(id: Id): { stageId: Id; laneId: Id } | undefined;
  /** The handoff's source card, if `id` is a handoff of this journey. */
  handoffFrom(id: Id): Id | undefined;
}

const cellKey = (stageId: Id, laneId: Id) => `${stageId}\u0000${laneId}`;

/** The grid of `model` (stages and lanes by position, each cell's cards by position). */
export function gridOf(model: Pick<JourneyModel, "stages" | "lanes" | "steps" | "handoffs">): Grid {
  const cells = new Map<string, { id: Id; position: number }[]>();
  const places = new Map<Id, { stageId: Id; laneId: Id }>();
  for (const s of model.steps) {
    const key = cellKey(s.stage_id, s.lane_id);
    const list = cells.get(key) ?? [];
    list.push({ id: s.id, position: s.position });
    cells.set(key, list);
    places.set(s.id, { stageId: s.stage_id, laneId: s.lane_id });
  }
  const sorted = new Map([...cells].map(([k, list]) => [k, list.sort((a, b) => a.position - b.position).map((c) => c.id)]));
  const from = new Map(model.handoffs.map((h) => [h.id, h.from_step_id]));
  return {
    stages: [...model.stages].sort((a, b) => a.position - b.position).map((s) => s.id),
    lanes: [...model.lanes].sort((a, b) => a.position - b.position).map((l) => l.id),
    cards: (stageId, laneId) => sorted.get(cellKey(stageId, laneId)) ?? [],
    placeOf: (id) => places.get(id),
    handoffFrom: (id) => from.get(id),
  };
}

/** The cell at (stage index, lane index): its card of rank `rank` (clamped, or its last with
 * `last`), or the cell itself when it is empty. */
function enter(grid: Grid, si: number, li: number, rank: number | "last"): Selection {
  const stageId = grid.stages[si];
  const laneId = grid.lanes[li];
  if (stageId === undefined || laneId === undefined) return null;
  const cards = grid.cards(stageId, laneId);
  if (cards.length === 0) return { kind: "cell", stageId, laneId };
  const i = rank === "last" ? cards.length - 1 : Math.min(rank, cards.length - 1);
  return { kind: "step", id: cards[i] };
}

/** Where the cursor goes from `from` with an arrow `dir`; `from` itself at an edge. */
export function moveCursor(grid: Grid, from: Selection, dir: Direction): Selection {
  const sel = from?.kind === "handoff" ? stepOf(grid.handoffFrom(from.id)) : from;
  if (!sel) return enter(grid, 0, 0, 0);
  if (sel.kind === "stage") {
    const si = grid.stages.indexOf(sel.id);
    if (si < 0) return enter(grid, 0, 0, 0);
    if (dir === "down") return enter(grid, si, 0, 0) ?? sel;
    const next = grid.stages[si + (dir === "right" ? 1 : dir === "left" ? -1 : 0)];
    return next !== undefined ? { kind: "stage", id: next } : sel;
  }
  if (sel.kind === "lane") {
    const li = grid.lanes.indexOf(sel.id);
    if (li < 0) return enter(grid, 0, 0, 0);
    if (dir === "right") return enter(grid, 0, li, 0) ?? sel;
    const next = grid.lanes[li + (dir === "down" ? 1 : dir === "up" ? -1 : 0)];
    return next !== undefined ? { kind: "lane", id: next } : sel;
  }
  const place = sel.kind === "cell" ? sel : grid.placeOf(sel.id);
  if (!place) return enter(grid, 0, 0, 0);
  const si = grid.stages.indexOf(place.stageId);
  const li = grid.lanes.indexOf(place.laneId);
  if (si < 0 || li < 0) return enter(grid, 0, 0, 0);
  const cards = grid.cards(place.stageId, place.laneId);
  const rank = sel.kind === "step" ? Math.max(0, cards.indexOf(sel.id)) : 0;
  switch (dir) {
    case "up":
      if (sel.kind === "step" && rank > 0) return { kind: "step", id: cards[rank - 1] };
      return li > 0 ? enter(grid, si, li - 1, "last") : { kind: "stage", id: place.stageId };
    case "down":
      if (sel.kind === "step" && rank < cards.length - 1) return { kind: "step", id: cards[rank + 1] };
      return li < grid.lanes.length - 1 ? enter(grid, si, li + 1, 0) : sel;
    case "left":
      return si > 0 ? enter(grid, si - 1, li, rank) : { kind: "lane", id: place.laneId };
    case "right":
      return si < grid.stages.length - 1 ? enter(grid, si + 1, li, rank) : sel;
  }
}

function stepOf(id: Id | undefined): Selection {
  return id === undefined ? null : { kind: "step", id };
}

/** The cell `sel` stands in (a card's, or the cell itself). */
export function cellOf(grid: Grid, sel: Selection): { stageId: Id; laneId: Id } | null {
  if (sel?.kind === "cell") return { stageId: sel.stageId, laneId: sel.laneId };
  if (sel?.kind === "step") return grid.placeOf(sel.id) ?? null;
  return null;
}

/** The cell one stage right of `cell` in the same lane (rapid capture's Tab), or null at the end. */
export function nextStageCell(grid: Grid, cell: { stageId: Id; laneId: Id }): { stageId: Id; laneId: Id } | null {
  const si = grid.stages.indexOf(cell.stageId);
  const next = si < 0 ? undefined : grid.stages[si + 1];
  return next === undefined ? null : { stageId: next, laneId: cell.laneId };
}
