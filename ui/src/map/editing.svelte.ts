// The map's in-place title editing: a card, stage or lane renamed where it stands, and a new
// one named before it exists so that it is created with its name (one edit, one undo step).
// Shared through context (`setEditing`/`getEditing`) by the map host and its title editor.
import { getContext, setContext } from "svelte";
import { app } from "../lib/state.svelte";
import { renameEdit, type Named } from "../lib/edits";
import type { CardBox, Edit, Id, Layout } from "../lib/types";
import type { Rect, Viewport } from "../lib/viewport";

/**
 * A title being edited. A new entity carries `create`: what creates it with a name, where its
 * editor stands (`at`, layout coordinates: the layout has no box for it yet) and the name it
 * was offered (Escape creates it with that, as adding it did before it was named first).
 */
export interface Editing {
  kind: Named;
  id: Id;
  value: string;
  create?: {
    build: (name: string) => Edit;
    at: Rect;
    offered: string;
    /** Rapid capture: opens the next new card's editor (`same` cell, or the `next` stage's),
     * at once, while this one is still being created. */
    chain?: CaptureChain;
  };
  /** The editor opened by typing: its caret goes after the text, which is not selected. */
  typed?: boolean;
}

/** Where rapid capture goes after a card is committed: Enter stays in the cell, Tab moves on. */
export type CaptureStep = "same" | "next";
/** Opens the next captured card's editor; `after` is where the committed one's editor stood. */
export type CaptureChain = (to: CaptureStep, after: Rect) => void;

export class EditingController {
  current = $state<Editing | null>(null);
  /** Bumped each time an editor opens: the editor takes the focus and selects its text. */
  opened = $state(0);

  /** @param focusMap gives the keyboard focus back to the map when editing ends */
  constructor(private readonly focusMap: () => void) {}

  /** Renames `kind` `id` in place, starting from its name now. */
  start(kind: Named, id: Id): void {
    const model = app.view?.model;
    const value =
      kind === "step"
        ? app.viewLookups?.steps.get(id)?.title
        : kind === "stage"
          ? model?.stages.find((s) => s.id === id)?.name
          : model?.lanes.find((l) => l.id === id)?.name;
    if (value !== undefined) this.open({ kind, id, value });
  }

  /** Names a new `kind` `id` in place, offering `value`; `build` creates it with the name given. */
  startCreating(kind: Named, id: Id, value: string, at: Rect, build: (name: string) => Edit): void {
    this.open({ kind, id, value, create: { build, at, offered: value } });
  }

  /** Names a new card in place for rapid capture, `chain` opening the next one. Opened by
   * typing, `typed` is its text and nothing is offered (an editor left empty creates nothing,
   * as do the next ones chained); otherwise `offered` is, selected. */
  startCapture(id: Id, typed: string, offered: string, at: Rect, build: (name: string) => Edit, chain: CaptureChain): void {
    const value = typed !== "" ? typed : offered;
    this.open({ kind: "step", id, value, typed: typed !== "", create: { build, at, offered: typed !== "" ? "" : offered, chain } });
  }

  /** Enter, Tab or blur: the new entity created with its name, or the rename applied. With
   * `next` (rapid capture) the next card's editor opens at once; an empty one ends capture. */
  async commit(next: CaptureStep | null = null): Promise<void> {
    const ed = this.current;
    if (!ed) return;
    this.current = null;
    if (ed.create) {
      if (ed.create.offered === "" && ed.value.trim() === "") return this.focusMap();
      const created = this.create(ed, ed.value);
      if (next && ed.create.chain) {
        // The map has the keys back if no next card opens (Tab past the last stage).
        this.focusMap();
        return ed.create.chain(next, ed.create.at);
      }
      await created;
    }
    // Built when it runs, from the entity as it is then (see `app.apply`).
    else await app.apply(() => renameEdit(app.view?.model ?? null, app.viewLookups?.steps ?? null, ed.kind, ed.id, ed.value), ed.id);
    this.focusMap();
  }

  /** Escape: a rename is dropped; a new entity is still created, with the name it was offered
   * (in rapid capture, where none is offered, with what was typed, if anything). */
  async cancel(): Promise<void> {
    const ed = this.current;
    this.current = null;
    this.focusMap();
    if (!ed?.create) return;
    const name = ed.create.offered !== "" ? ed.create.offered : ed.value;
    if (name.trim() !== "") await this.create(ed, name);
  }

  private open(ed: Editing): void {
    this.current = ed;
    this.opened++;
  }

  /** Creates `ed`'s entity named `name`. The edit is built when it runs, after the edits
   * queued before it: a card captured right after another takes its place below it. */
  private async create(ed: Editing, name: string): Promise<void> {
    const build = ed.create?.build;
    if (build && (await app.apply(() => build(name), null))) app.selection = { kind: ed.kind, id: ed.id };
  }
}

/** Where the editor of `ed` sits on screen: over the card, the stage's header or the lane's
 * header it edits (`card`: the edited card's box), or where a new one will stand. */
export function editorBox(
  ed: Editing,
  layout: Layout,
  card: CardBox | undefined,
  vp: Viewport,
): { x: number; y: number; w: number; h: number } | null {
  const z = vp.zoom;
  const at = ed.create?.at;
  if (ed.kind === "step") {
    const c = at ?? (card ? { x: card.x, y: card.y, width: card.w, height: card.h } : null);
    return c ? { x: c.x * z + vp.tx, y: c.y * z + vp.ty, w: c.width * z, h: Math.max(c.height * z, 48) } : null;
  }
  if (ed.kind === "stage") {
    const col = at ?? layout.stages.find((s) => s.stage_id === ed.id);
    return col ? { x: col.x * z + vp.tx, y: 0, w: col.width * z, h: layout.style.stage_header_height * z } : null;
  }
  const row = at ?? layout.lanes.find((l) => l.lane_id === ed.id);
  return row ? { x: 0, y: row.y * z + vp.ty, w: layout.style.lane_header_width * z, h: Math.max(48, Math.min(row.height, 96) * z) } : null;
}

const KEY = Symbol("map editing");

export function setEditing(editing: EditingController): EditingController {
  return setContext(KEY, editing);
}

export function getEditing(): EditingController {
  return getContext<EditingController>(KEY);
}
