// What the map's actions do (lib/actions.ts declares them and their keys): add a stage, lane or
// card (named in place before it exists), connect, delete, move the selection, edit a title,
// cancel, find, zoom and present. Provided to the action registry while the map is on screen.
import { app } from "../lib/state.svelte";
import { provide, provideTyping } from "../lib/actions";
import { LANE_KIND_LABELS } from "../lib/labels";
import { cellOf, moveCursor, nextStageCell, type Direction } from "../lib/cursor";
import { newCardRect, newLaneRect, newStageRect } from "../lib/newEntity";
import * as E from "../lib/edits";
import type { Id, LaneKind } from "../lib/types";
import type { MapData } from "./data.svelte";
import type { ViewportController } from "./viewport.svelte";
import type { CaptureStep, EditingController } from "./editing.svelte";
import type { Rect } from "../lib/viewport";
import type { GestureController } from "./gestures.svelte";
import type { FindController } from "./find.svelte";
import { KeyEdits } from "./keyEdits.svelte";
import { CardClipboard } from "./clipboard.svelte";
import { extendWith, selectedCards } from "./multiSelect.svelte";
import { api } from "../lib/api";

type Cell = { stageId: Id; laneId: Id };

/** How many fresh ids the map keeps at hand, so a card's editor opens on the key that asks for
 * it (rapid capture) instead of after a round trip, while the next keys are already arriving. */
const SPARE_IDS = 16;

export class MapCommands {
  /** The editing keys on the selection (Alt+arrows, V, R, T, digits, handoff modes) and the
   * choices by key. */
  readonly keys: KeyEdits;
  private spareIds: Id[] = [];
  private fetchingIds: Promise<void> | null = null;

  constructor(
    private readonly data: MapData,
    private readonly viewport: ViewportController,
    private readonly editing: EditingController,
    private readonly gestures: GestureController,
    private readonly find: FindController,
  ) {
    this.keys = new KeyEdits(data, (kind) => void this.addLane(kind));
  }

  /** Registers the map's actions; returns what unregisters them. */
  provide(): () => void {
    const act = (run: () => void) => ({ run, enabled: () => !!this.data.model });
    const vp = this.viewport;
    this.refillIds(); // ids at hand before the first card is asked for
    const untype = provideTyping((text) => this.typeOnMap(text));
    const unprovide = provide({
      find: act(() => this.find.show()),
      find_next: act(() => this.find.step(1)),
      find_prev: act(() => this.find.step(-1)),
      zoom_in: act(() => vp.zoomBy(1.2)),
      zoom_out: act(() => vp.zoomBy(1 / 1.2)),
      zoom_reset: act(() => vp.zoomReset()),
      zoom_fit: act(() => vp.fit()),
      next_stage: act(() => vp.stepStage(1)),
      prev_stage: act(() => vp.stepStage(-1)),
      next_page: act(() => vp.pageStage(1)),
      prev_page: act(() => vp.pageStage(-1)),
      reveal_mode: act(() => (vp.presentReveal = !vp.presentReveal)),
      cancel: act(() => this.cancel()),
      delete: act(() => void this.deleteSelection()),
      add_stage: act(() => void this.addStage()),
      add_card: act(() => void this.addCard()),
      edit_title: act(() => this.editTitle()),
      connect: act(() => {
        if (app.selection?.kind === "step") this.gestures.connectFrom = app.selection.id;
      }),
      move_left: act(() => this.moveSelection("left")),
      move_right: act(() => this.moveSelection("right")),
      move_up: act(() => this.moveSelection("up")),
      move_down: act(() => this.moveSelection("down")),
      extend_left: act(() => extendWith(() => this.moveSelection("left"))),
      extend_right: act(() => extendWith(() => this.moveSelection("right"))),
      extend_up: act(() => extendWith(() => this.moveSelection("up"))),
      extend_down: act(() => extendWith(() => this.moveSelection("down"))),
    });
    const unkeys = this.keys.provide();
    const unclip = new CardClipboard(this.data).provide();
    return () => {
      untype();
      unprovide();
      unkeys();
      unclip();
    };
  }

  async addStage(): Promise<void> {
    const model = this.data.model;
    if (!model) return;
    const sel = app.selection;
    const stages = this.data.stages;
    const after = sel?.kind === "stage" ? stages.get(sel.id)?.position : sel?.kind === "cell" ? stages.get(sel.stageId)?.position : undefined;
    const position = after === undefined ? model.stages.length : after + 1;
    const id = await this.freshId();
    const layout = this.data.layout;
    if (!layout) return;
    const index = after === undefined ? null : model.stages.findIndex((s) => s.position === after);
    const at = newStageRect(layout, index);
    this.viewport.reveal(at);
    this.editing.startCreating("stage", id, "New stage", at, (name) =>
      E.createStage(model.journey.id, id, position, name),
    );
  }

  async addLane(kind: LaneKind): Promise<void> {
    const model = this.data.model;
    if (!model) return;
    const sel = app.selection;
    const lanes = this.data.lanes;
    const after = sel?.kind === "lane" ? lanes.get(sel.id)?.position : sel?.kind === "cell" ? lanes.get(sel.laneId)?.position : undefined;
    const position = after === undefined ? model.lanes.length : after + 1;
    const id = await this.freshId();
    const layout = this.data.layout;
    if (!layout) return;
    const index = after === undefined ? null : model.lanes.findIndex((l) => l.position === after);
    const at = newLaneRect(layout, index);
    this.viewport.reveal(at);
    this.editing.startCreating("lane", id, LANE_KIND_LABELS[kind], at, (name) =>
      E.createLane(model.journey.id, id, position, name, kind),
    );
  }

  /** A fresh id, from those at hand when there is one. */
  async freshId(): Promise<Id> {
    return this.takeSpareId() ?? (await app.ids(1))[0];
  }

  /** An id at hand, if any; those at hand are refilled in the background. */
  private takeSpareId(): Id | undefined {
    const id = this.spareIds.pop();
    this.refillIds();
    return id;
  }

  private refillIds(): void {
    if (this.spareIds.length < SPARE_IDS / 2 && !this.fetchingIds) {
      this.fetchingIds = app
        .ids(SPARE_IDS)
        .then((ids) => void this.spareIds.push(...ids))
        .catch(() => undefined) // none at hand: the next card asks for its own id
        .finally(() => (this.fetchingIds = null));
    }
  }

  /** A card in `cell` (by default the selected cell, the selected card's, else the first one),
   * named in place in rapid capture (`typed`: the text typed to start it). */
  async addCard(cell = this.targetCell(), typed = "", capture = false): Promise<void> {
    const lane = cell ? this.data.lanes.get(cell.laneId) : undefined;
    if (!cell || !lane) return;
    // An id at hand opens the editor on this very key press, before the next one arrives.
    const id = this.takeSpareId() ?? (await app.ids(1))[0];
    // An emotion is a point on the curve, not a titled card: it is created at once.
    if (lane.kind === "emotion") return void this.addEmotion(cell, id, typed);
    // Opened by a key that types nothing (N, Enter, double-click), it offers "New card"; only
    // the keyboard's capture (typing, Enter on a cell) chains the next card on Enter and Tab.
    this.capture(cell, id, typed, typed === "" ? "New card" : "", null, capture || typed !== "");
  }

  /** Opens the editor of a new card `id` in `cell` (below `after`, the editor of the card just
   * committed there, if any); Enter and Tab chain the next one. The edit is built when it runs,
   * so the card goes below those captured before it. */
  private capture(cell: Cell, id: Id, typed: string, offered: string, after: Rect | null, chained = true): void {
    const model = this.data.model;
    const layout = this.data.layout;
    const lane = this.data.lanes.get(cell.laneId);
    if (!model || !layout || !lane) return;
    const s = layout.style;
    const at = after
      ? { x: after.x, y: after.y + after.height + s.card_gap, width: after.width, height: s.card_min_height }
      : newCardRect(layout, cell.stageId, cell.laneId, this.data.cellCards(cell.stageId, cell.laneId));
    if (!at) return;
    this.viewport.reveal(at);
    const build = (title: string) => E.createStep(model.journey.id, id, cell.stageId, cell.laneId, this.countIn(cell), title, lane.kind);
    if (!chained) return this.editing.startCreating("step", id, offered, at, build);
    this.editing.startCapture(id, typed, offered, at, build, (to: CaptureStep, prev: Rect) => {
      const grid = this.data.grid;
      const next = to === "same" ? cell : grid ? nextStageCell(grid, cell) : null;
      const nextId = this.takeSpareId();
      if (next && nextId) this.capture(next, nextId, "", "", to === "same" ? prev : null);
      else if (next) void this.freshId().then((fetched) => this.capture(next, fetched, "", "", to === "same" ? prev : null));
      else this.viewport.reveal(prev);
    });
  }

  /** A point on an emotion lane's curve in `cell`, felt `typed` (a digit, maybe signed) or neutral. */
  private async addEmotion(cell: Cell, id: Id, typed: string): Promise<void> {
    const model = this.data.model;
    const lane = this.data.lanes.get(cell.laneId);
    if (!model || !lane) return;
    const felt = Number.parseInt(typed, 10);
    const edit = E.createStep(model.journey.id, id, cell.stageId, cell.laneId, this.countIn(cell), "Feeling", lane.kind);
    if (edit.op === "create_step" && Number.isInteger(felt) && Math.abs(felt) <= 3) edit.step.emotion = felt;
    if (await app.apply(edit, null)) app.selection = { kind: "step", id };
  }

  /** How many cards (or emotion points) `cell` holds now. */
  private countIn(cell: Cell): number {
    return this.data.grid?.cards(cell.stageId, cell.laneId).length ?? 0;
  }

  /** Typing on the map: on an empty cell, the text starts a new card there (on an emotion
   * lane's cell, a digit is the feeling). True when it did. */
  typeOnMap(text: string): boolean {
    const sel = app.selection;
    if (sel?.kind !== "cell" || this.editing.current || this.gestures.connectFrom) return false;
    const lane = this.data.lanes.get(sel.laneId);
    if (lane?.kind === "emotion" && !/^[0-3]$/.test(text)) return false;
    void this.addCard(sel, text);
    return true;
  }

  async connect(from: Id, to: Id): Promise<void> {
    const model = this.data.model;
    if (!model || from === to) return;
    const id = await this.freshId();
    if (await app.apply(E.connectHandoff(model.journey.id, id, from, to), from)) app.selection = { kind: "handoff", id };
  }

  /** Delete: several selected cards go in one edit baton-core builds; else the selection. */
  async deleteSelection(): Promise<void> {
    const s = app.selection;
    const cards = selectedCards();
    const doc = app.doc?.doc;
    if (cards.length > 1 && doc) {
      const edit = await api().deleteCardsEdit(doc, cards).catch((e) => void app.fail(e, cards[0]));
      if (edit) await app.apply(edit, cards[0]);
      return;
    }
    if (!s || s.kind === "cell") return;
    await app.apply(E.deleteEdit(s), s.id);
  }

  /** Selects card `id` and brings it into view (find). */
  revealStep(id: Id): void {
    app.selection = { kind: "step", id };
    const c = this.data.cards.get(id);
    if (c) this.viewport.reveal({ x: c.x, y: c.y, width: c.w, height: c.h });
  }

  /** Escape on the map: the innermost thing in progress ends. */
  cancel(): void {
    if (this.gestures.cancel()) return;
    if (this.find.open) this.find.close();
    else if (app.evidence) app.evidence = null;
    else if (app.selection || !app.readOnly) app.selection = null;
    // Nothing else open on a snapshot: Esc goes back to the journey.
    else void app.leaveSnapshot();
  }

  /** Enter or F2: the selected card, stage or lane's title edited in place; on a cell, a new
   * card; while connecting, the handoff to the selected card. */
  editTitle(): void {
    const sel = app.selection;
    const from = this.gestures.connectFrom;
    if (from && sel?.kind === "step") {
      this.gestures.connectFrom = null;
      void this.connect(from, sel.id);
    } else if (sel?.kind === "step" || sel?.kind === "stage" || sel?.kind === "lane") this.editing.start(sel.kind, sel.id);
    else if (sel?.kind === "cell") void this.addCard(sel, "", true);
  }

  /** An arrow: the cursor moves over the whole grid (lib/cursor.ts), empty cells and the
   * headers included, and what it lands on is brought into view. */
  moveSelection(dir: Direction): void {
    const { layout, grid } = this.data;
    if (!layout || !grid) return;
    const next = moveCursor(grid, app.selection, dir);
    if (!next) return;
    app.selection = next;
    const box = this.boxOf(next);
    if (box) this.viewport.reveal(box);
  }

  /** Where `sel` is drawn, in layout coordinates. */
  private boxOf(sel: NonNullable<typeof app.selection>): Rect | null {
    const layout = this.data.layout;
    if (!layout) return null;
    if (sel.kind === "step") {
      const c = this.data.cards.get(sel.id);
      return c ? { x: c.x, y: c.y, width: c.w, height: c.h } : null;
    }
    const col = sel.kind === "cell" ? sel.stageId : sel.kind === "stage" ? sel.id : null;
    const row = sel.kind === "cell" ? sel.laneId : sel.kind === "lane" ? sel.id : null;
    const c = col === null ? null : layout.stages.find((s) => s.stage_id === col);
    const r = row === null ? null : layout.lanes.find((l) => l.lane_id === row);
    if (c && r) return { x: c.x, y: r.y, width: c.width, height: r.height };
    if (c) return { x: c.x, y: 0, width: c.width, height: layout.style.stage_header_height };
    if (r) return { x: 0, y: r.y, width: layout.style.lane_header_width, height: r.height };
    return null;
  }

  /** The cell a new card goes into: the selected cell, the selected card's, else the first one. */
  targetCell(): Cell | null {
    const sel = app.selection;
    const model = this.data.model;
    const grid = this.data.grid;
    const here = grid ? cellOf(grid, sel) : null;
    if (here) return here;
    if (sel?.kind === "stage" && model?.lanes[0]) return { stageId: sel.id, laneId: model.lanes[0].id };
    if (sel?.kind === "lane" && model?.stages[0]) return { stageId: model.stages[0].id, laneId: sel.id };
    if (model?.stages[0] && model.lanes[0]) return { stageId: model.stages[0].id, laneId: model.lanes[0].id };
    return null;
  }
}
