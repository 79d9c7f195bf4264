// What the map's actions do (lib/actions.ts declares them and their keys): add a stage, lane or
// card (named in place before it exists), connect, delete, move the selection, edit a title,
// cancel, find, zoom and present. Provided to the action registry while the map is on screen.
import { app } from "../lib/state.svelte";
import { provide } from "../lib/actions";
import { LANE_KIND_LABELS } from "../lib/labels";
import { nearestInDirection } from "../lib/hit";
import { newCardRect, newLaneRect, newStageRect } from "../lib/newEntity";
import * as E from "../lib/edits";
import type { Id, LaneKind } from "../lib/types";
import type { MapData } from "./data.svelte";
import type { ViewportController } from "./viewport.svelte";
import type { EditingController } from "./editing.svelte";
import type { GestureController } from "./gestures.svelte";
import type { FindController } from "./find.svelte";

type Cell = { stageId: Id; laneId: Id };

export class MapCommands {
  constructor(
    private readonly data: MapData,
    private readonly viewport: ViewportController,
    private readonly editing: EditingController,
    private readonly gestures: GestureController,
    private readonly find: FindController,
  ) {}

  /** Registers the map's actions; returns what unregisters them. */
  provide(): () => void {
    const act = (run: () => void) => ({ run, enabled: () => !!this.data.model });
    const vp = this.viewport;
    return provide({
      find: act(() => this.find.show()),
      find_next: act(() => this.find.step(1)),
      find_prev: act(() => this.find.step(-1)),
      zoom_in: act(() => vp.zoomBy(1.2)),
      zoom_out: act(() => vp.zoomBy(1 / 1.2)),
      zoom_reset: act(() => vp.zoomReset()),
      zoom_fit: act(() => vp.fit()),
      next_stage: act(() => vp.showStage(vp.presentStage + 1)),
      prev_stage: act(() => vp.showStage(vp.presentStage - 1)),
      cancel: act(() => this.cancel()),
      delete: act(() => void this.deleteSelection()),
      add_stage: act(() => void this.addStage()),
      add_lane: act(() => void this.addLane("actor")),
      add_card: act(() => void this.addCard()),
      edit_title: act(() => this.editTitle()),
      connect: act(() => {
        if (app.selection?.kind === "step") this.gestures.connectFrom = app.selection.id;
      }),
      move_left: act(() => this.moveSelection("left")),
      move_right: act(() => this.moveSelection("right")),
      move_up: act(() => this.moveSelection("up")),
      move_down: act(() => this.moveSelection("down")),
    });
  }

  async addStage(): Promise<void> {
    const model = this.data.model;
    if (!model) return;
    const sel = app.selection;
    const stages = this.data.stages;
    const after = sel?.kind === "stage" ? stages.get(sel.id)?.position : sel?.kind === "cell" ? stages.get(sel.stageId)?.position : undefined;
    const position = after === undefined ? model.stages.length : after + 1;
    const [id] = await app.ids(1);
    const layout = this.data.layout;
    if (!layout) return;
    const index = after === undefined ? null : model.stages.findIndex((s) => s.position === after);
    this.editing.startCreating("stage", id, "New stage", newStageRect(layout, index), (name) =>
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
    const [id] = await app.ids(1);
    const layout = this.data.layout;
    if (!layout) return;
    const index = after === undefined ? null : model.lanes.findIndex((l) => l.position === after);
    this.editing.startCreating("lane", id, LANE_KIND_LABELS[kind], newLaneRect(layout, index), (name) =>
      E.createLane(model.journey.id, id, position, name, kind),
    );
  }

  /** A card in `cell` (by default the selected cell, the selected card's, else the first one). */
  async addCard(cell = this.targetCell()): Promise<void> {
    const model = this.data.model;
    if (!model || !cell) return;
    const lane = this.data.lanes.get(cell.laneId);
    if (!lane) return;
    const [id] = await app.ids(1);
    const cards = this.data.cellCards(cell.stageId, cell.laneId);
    const create = (title: string) => E.createStep(model.journey.id, id, cell.stageId, cell.laneId, cards.length, title, lane.kind);
    // An emotion is a point on the curve, not a titled card: it is created at once.
    const layout = this.data.layout;
    const at = lane.kind === "emotion" || !layout ? null : newCardRect(layout, cell.stageId, cell.laneId, cards);
    if (at) this.editing.startCreating("step", id, "New card", at, create);
    else if (await app.apply(create(lane.kind === "emotion" ? "Feeling" : "New card"), null)) app.selection = { kind: "step", id };
  }

  async connect(from: Id, to: Id): Promise<void> {
    const model = this.data.model;
    if (!model || from === to) return;
    const [id] = await app.ids(1);
    if (await app.apply(E.connectHandoff(model.journey.id, id, from, to), from)) app.selection = { kind: "handoff", id };
  }

  async deleteSelection(): Promise<void> {
    const s = app.selection;
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
    else app.selection = null;
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
    else if (sel?.kind === "cell") void this.addCard(sel);
  }

  moveSelection(dir: "left" | "right" | "up" | "down"): void {
    const { layout, model } = this.data;
    if (!layout || !model) return;
    const sel = app.selection;
    if (sel?.kind === "step") {
      const from = this.data.cards.get(sel.id);
      const next = from ? nearestInDirection(layout.cards, from, dir) : null;
      if (next) this.revealStep(next.step_id);
      return;
    }
    if (sel?.kind === "cell" || sel?.kind === "stage" || sel?.kind === "lane") {
      const stageId = sel.kind === "cell" ? sel.stageId : sel.kind === "stage" ? sel.id : model.stages[0]?.id;
      const laneId = sel.kind === "cell" ? sel.laneId : sel.kind === "lane" ? sel.id : model.lanes[0]?.id;
      const clamp = (i: number, n: number) => Math.max(0, Math.min(n - 1, i));
      const ns = clamp(model.stages.findIndex((s) => s.id === stageId) + (dir === "right" ? 1 : dir === "left" ? -1 : 0), model.stages.length);
      const nl = clamp(model.lanes.findIndex((l) => l.id === laneId) + (dir === "down" ? 1 : dir === "up" ? -1 : 0), model.lanes.length);
      const stage = model.stages[ns];
      const lane = model.lanes[nl];
      if (stage && lane) {
        app.selection = { kind: "cell", stageId: stage.id, laneId: lane.id };
        const col = layout.stages[ns];
        const row = layout.lanes[nl];
        if (col && row) this.viewport.reveal({ x: col.x, y: row.y, width: col.width, height: row.height });
      }
      return;
    }
    const first = layout.cards[0];
    if (first) app.selection = { kind: "step", id: first.step_id };
    else if (model.stages[0] && model.lanes[0]) app.selection = { kind: "cell", stageId: model.stages[0].id, laneId: model.lanes[0].id };
  }

  /** The cell a new card goes into: the selected cell, the selected card's, else the first one. */
  targetCell(): Cell | null {
    const sel = app.selection;
    const model = this.data.model;
    if (sel?.kind === "cell") return sel;
    if (sel?.kind === "step") {
      const s = this.data.steps.get(sel.id);
      if (s) return { stageId: s.stage_id, laneId: s.lane_id };
    }
    if (sel?.kind === "stage" && model?.lanes[0]) return { stageId: sel.id, laneId: model.lanes[0].id };
    if (sel?.kind === "lane" && model?.stages[0]) return { stageId: model.stages[0].id, laneId: sel.id };
    if (model?.stages[0] && model.lanes[0]) return { stageId: model.stages[0].id, laneId: model.lanes[0].id };
    return null;
  }
}
