// The map's pointer gestures as one state machine: a press starts a gesture (pan, card drag,
// handoff drawing, stage or lane reorder), moves update it, the release ends it in a selection
// or an edit. The overlay draws what a gesture in progress shows (drop cell, drag ghost,
// connect line, header offsets); the static layers never read it.
import { getContext, setContext } from "svelte";
import { cardAt, cellAt, dropPosition, headerDropIndex } from "../lib/hit";
import { moveStep } from "../lib/edits";
import { panBy, toLayout, type Rect, type Viewport } from "../lib/viewport";
import type { Selection } from "../lib/state.svelte";
import type { CardBox, Edit, Id, Layout, Point, Step } from "../lib/types";
import type { ViewportController } from "./viewport.svelte";
import { toggleCard } from "./multiSelect.svelte";

type CellRef = { stageId: Id; laneId: Id };

export type Gesture =
  | { kind: "pan"; start: Point; vp0: Viewport; moved: boolean; cell: CellRef | null; onCard?: boolean }
  | { kind: "card"; id: Id; start: Point; delta: Point; moved: boolean }
  | { kind: "connect"; from: Id; pointer: Point; target: Id | null }
  | { kind: "stage"; id: Id; index: number; start: number; delta: number; moved: boolean }
  | { kind: "lane"; id: Id; index: number; start: number; delta: number; moved: boolean };

/** What gestures need from the map (the app state in the map, plain functions in tests). */
export interface GestureHost {
  layout(): Layout | null;
  /** The cards drawn: only they can be pressed. */
  shownCards(): CardBox[];
  step(id: Id): Step | undefined;
  card(id: Id): CardBox | undefined;
  cellCards(stageId: Id, laneId: Id, except: Id | null): CardBox[];
  select(selection: Selection): void;
  apply(edit: Edit, about: Id): Promise<unknown>;
  connect(from: Id, to: Id): Promise<unknown>;
  /** Presentation mode: the map is shown, not edited. */
  presenting(): boolean;
  /** A snapshot is shown: presses select and pan, nothing is dragged or drawn. */
  readOnly?(): boolean;
  /** Gives the keyboard focus to the map. */
  focus(): void;
}

/** Pointer travel (pixels) before a press on the background becomes a pan. */
const PAN_SLOP = 3;
/** Travel before a card or header press becomes a drag. */
const DRAG_SLOP = 4;

export class GestureController {
  current = $state<Gesture | null>(null);
  /** Keyboard handoff drawing: the card it leaves from; arrows pick the target, Enter connects. */
  connectFrom = $state<Id | null>(null);
  /** The map is being panned by a drag. */
  readonly panning: boolean;
  /** The dragged card and how far it has moved (layout units), once it has. */
  readonly dragged: { id: Id; delta: Point } | null;
  /** The cell a dragged card would land in. */
  readonly dropCell: Rect | null;
  /** The card a handoff being drawn by pointer would end on. */
  readonly connectTarget: Id | null;

  constructor(
    private readonly host: GestureHost,
    private readonly viewport: ViewportController,
  ) {
    this.panning = $derived(this.current?.kind === "pan" && this.current.moved);
    this.dragged = $derived.by(() => {
      const g = this.current;
      return g?.kind === "card" && g.moved ? { id: g.id, delta: g.delta } : null;
    });
    this.dropCell = $derived.by(() => (this.dragged ? this.#dropCellOf(this.dragged.id, this.dragged.delta) : null));
    this.connectTarget = $derived(this.current?.kind === "connect" ? this.current.target : null);
  }

  /** A press on the map's background or a card, at screen point `p`; whether a gesture began.
   * With Shift a card joins (or leaves) the selected cards and nothing is dragged. */
  pressBody(p: Point, shift = false): boolean {
    const l = this.host.layout();
    if (!l || this.host.presenting()) return false;
    this.host.focus();
    const lp = toLayout(this.viewport.vp, p);
    const card = cardAt(this.host.shownCards(), lp);
    if (card && shift) {
      toggleCard(card.step_id);
      return false;
    }
    if (card) this.host.select({ kind: "step", id: card.step_id });
    if (card && !this.host.readOnly?.()) {
      this.current = { kind: "card", id: card.step_id, start: p, delta: { x: 0, y: 0 }, moved: false };
      return true;
    }
    // Read only, a card pressed is selected and a drag from it pans.
    const cell = card ? null : cellAt(l, lp);
    const at = cell ? { stageId: cell.stageId, laneId: cell.laneId } : null;
    this.current = { kind: "pan", start: p, vp0: this.viewport.vp, moved: false, cell: at, onCard: !!card };
    return true;
  }

  /** A press on an emotion point or a handoff: selects it, without a gesture. */
  pressItem(selection: Selection): void {
    if (this.host.presenting()) return;
    this.host.select(selection);
    this.host.focus();
  }

  /** What is at screen point `p`: a drawn card, else the cell under it. */
  hit(p: Point): { card: Id | null; cell: CellRef | null } | null {
    const l = this.host.layout();
    if (!l) return null;
    const lp = toLayout(this.viewport.vp, p);
    const card = cardAt(this.host.shownCards(), lp);
    if (card) return { card: card.step_id, cell: null };
    const cell = cellAt(l, lp);
    return { card: null, cell: cell ? { stageId: cell.stageId, laneId: cell.laneId } : null };
  }

  /** A press on the selected card's handle: a handoff drawn by pointer. */
  pressHandle(p: Point, from: Id): void {
    if (this.host.readOnly?.()) return;
    this.current = { kind: "connect", from, pointer: p, target: null };
  }

  /** A press on a stage header (dragged along x) or a lane header (along y). */
  pressHeader(kind: "stage" | "lane", id: Id, index: number, p: Point): boolean {
    if (this.host.presenting()) return false;
    this.host.focus();
    this.host.select({ kind, id });
    if (this.host.readOnly?.()) return false;
    this.current = { kind, id, index, start: kind === "stage" ? p.x : p.y, delta: 0, moved: false };
    return true;
  }

  move(p: Point): void {
    const g = this.current;
    if (!g) return;
    const zoom = this.viewport.vp.zoom;
    if (g.kind === "pan") {
      const dx = p.x - g.start.x;
      const dy = p.y - g.start.y;
      if (Math.abs(dx) + Math.abs(dy) > PAN_SLOP) g.moved = true;
      if (g.moved) this.viewport.set(panBy(g.vp0, dx, dy));
    } else if (g.kind === "card") {
      g.delta = { x: (p.x - g.start.x) / zoom, y: (p.y - g.start.y) / zoom };
      if (Math.abs(g.delta.x) + Math.abs(g.delta.y) > DRAG_SLOP / zoom) g.moved = true;
    } else if (g.kind === "connect") {
      g.pointer = p;
      const c = cardAt(this.host.shownCards(), toLayout(this.viewport.vp, p));
      g.target = c && c.step_id !== g.from ? c.step_id : null;
    } else {
      g.delta = ((g.kind === "stage" ? p.x : p.y) - g.start) / zoom;
      if (Math.abs(g.delta) > DRAG_SLOP) g.moved = true;
    }
  }

  /** The pointer is released: the gesture ends in a selection or an edit. */
  async release(): Promise<void> {
    const g = this.current;
    this.current = null;
    const l = this.host.layout();
    if (!g || !l) return;
    if (g.kind === "pan") {
      if (!g.moved && !g.onCard) this.host.select(g.cell ? { kind: "cell", ...g.cell } : null);
    } else if (g.kind === "card" && g.moved) {
      await this.#dropCard(l, g.id, g.delta);
    } else if (g.kind === "connect") {
      if (g.target) await this.host.connect(g.from, g.target);
    } else if ((g.kind === "stage" || g.kind === "lane") && g.moved) {
      const spans =
        g.kind === "stage" ? l.stages.map((c) => ({ start: c.x, size: c.width })) : l.lanes.map((r) => ({ start: r.y, size: r.height }));
      const span = spans[g.index];
      const to = headerDropIndex(spans, g.index, span.start + span.size / 2 + g.delta);
      if (to !== g.index) await this.host.apply({ op: g.kind === "stage" ? "move_stage" : "move_lane", id: g.id, position: to }, g.id);
    }
  }

  /** The pointer was taken away (pointercancel): the gesture ends without effect. */
  abort(): void {
    this.current = null;
  }

  /** Escape: ends the gesture or the keyboard handoff in progress; false when there was none. */
  cancel(): boolean {
    if (this.current) this.current = null;
    else if (this.connectFrom) this.connectFrom = null;
    else return false;
    return true;
  }

  /** How far header `index` of `kind` is dragged (layout units), 0 when it is not. */
  headerOffset(kind: "stage" | "lane", index: number): number {
    const g = this.current;
    return g?.kind === kind && g.moved && g.index === index ? g.delta : 0;
  }

  /** The line of a handoff being drawn by pointer, in screen pixels. */
  get connectLine(): { x1: number; y1: number; x2: number; y2: number } | null {
    const g = this.current;
    if (g?.kind !== "connect") return null;
    const c = this.host.card(g.from);
    if (!c) return null;
    const { zoom, tx, ty } = this.viewport.vp;
    return { x1: (c.x + c.w) * zoom + tx, y1: (c.y + c.h / 2) * zoom + ty, x2: g.pointer.x, y2: g.pointer.y };
  }

  /** The line of a handoff being drawn by keyboard (H, then arrows to `target`, the selected
   * card), from the source's right edge to the target's nearer side, in screen pixels. */
  keyConnectLine(target: Id | null): { x1: number; y1: number; x2: number; y2: number } | null {
    const from = this.connectFrom ? this.host.card(this.connectFrom) : undefined;
    const to = target && target !== this.connectFrom ? this.host.card(target) : undefined;
    if (!from || !to) return null;
    const { zoom, tx, ty } = this.viewport.vp;
    const backwards = to.x + to.w / 2 < from.x + from.w / 2;
    const x1 = backwards ? from.x : from.x + from.w;
    const x2 = backwards ? to.x + to.w : to.x;
    return { x1: x1 * zoom + tx, y1: (from.y + from.h / 2) * zoom + ty, x2: x2 * zoom + tx, y2: (to.y + to.h / 2) * zoom + ty };
  }

  async #dropCard(l: Layout, id: Id, delta: Point): Promise<void> {
    const s = this.host.step(id);
    const box = this.host.card(id);
    if (!s || !box) return;
    const centre = { x: box.x + box.w / 2 + delta.x, y: box.y + box.h / 2 + delta.y };
    const cell = cellAt(l, centre);
    if (!cell) return;
    const position = dropPosition(this.host.cellCards(cell.stageId, cell.laneId, s.id), centre.y);
    if (cell.stageId === s.stage_id && cell.laneId === s.lane_id && position === s.position) return;
    await this.host.apply(moveStep(s.id, cell.stageId, cell.laneId, position), s.id);
  }

  #dropCellOf(id: Id, delta: Point): Rect | null {
    const l = this.host.layout();
    const c = this.host.card(id);
    if (!l || !c) return null;
    const cell = cellAt(l, { x: c.x + c.w / 2 + delta.x, y: c.y + c.h / 2 + delta.y });
    if (!cell) return null;
    const col = l.stages.find((s) => s.stage_id === cell.stageId);
    const row = l.lanes.find((r) => r.lane_id === cell.laneId);
    return col && row ? { x: col.x, y: row.y, width: col.width, height: row.height } : null;
  }
}

const KEY = Symbol("map gestures");

export function setGestures(g: GestureController): GestureController {
  return setContext(KEY, g);
}

export function getGestures(): GestureController {
  return getContext<GestureController>(KEY);
}
