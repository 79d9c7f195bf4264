// Applies the shell's view updates: after an edit the shell sends only what changed in the
// journey's view (src-tauri/src/view_patch.rs), since a big journey's whole view is megabytes.

import type { JourneyView, ListPatch, ViewUpdate } from "./types";

/** A patch that does not fit the view it is applied to: the caller asks for the whole view. */
export class StalePatch extends Error {}

/**
 * `old` changed by `patch`: removals dropped, upserts replaced, insertions merged in at their
 * indices in one pass. Unchanged lists come back as the same array (nothing re-derives).
 */
export function applyList<T>(old: T[], patch: ListPatch<T>, id: (x: T) => string): T[] {
  if (patch.upserts.length === 0 && patch.removed.length === 0 && patch.inserted.length === 0) return old;
  const upserts = new Map(patch.upserts.map((x) => [id(x), x]));
  const removed = new Set(patch.removed);
  const kept = old.filter((x) => !removed.has(id(x))).map((x) => upserts.get(id(x)) ?? x);
  if (kept.length !== old.length - removed.size) throw new StalePatch("the patch removes what the view lacks");
  const ins = patch.inserted;
  if (ins.length === 0) return kept;
  const out: T[] = new Array(kept.length + ins.length);
  let k = 0;
  let n = 0;
  for (let at = 0; at < out.length; at++) {
    if (n < ins.length && ins[n].index === at) out[at] = ins[n++].item;
    else if (k < kept.length) out[at] = kept[k++];
    else throw new StalePatch(`the patch inserts at ${ins[n]?.index}, past the list's end`);
  }
  if (n !== ins.length) throw new StalePatch("the patch's insertions are out of order");
  return out;
}

/** The view after `update`: its whole view, or `held` patched. */
export function applyViewUpdate(held: JourneyView | null, update: ViewUpdate): JourneyView {
  if (update.kind === "full") return update.view;
  const p = update.patch;
  if (!held || !held.layout) throw new StalePatch("a patch needs the view it was made for");
  return {
    model: {
      journey: p.journey,
      stages: p.stages,
      lanes: p.lanes,
      steps: applyList(held.model.steps, p.steps, (s) => s.id),
      handoffs: applyList(held.model.handoffs, p.handoffs, (h) => h.id),
    },
    layout: {
      width: p.width,
      height: p.height,
      style: p.style,
      stages: p.stage_columns,
      lanes: p.lane_rows,
      emotion_curves: p.emotion_curves,
      cards: applyList(held.layout.cards, p.cards, (c) => c.step_id),
      handoffs: applyList(held.layout.handoffs, p.handoff_paths, (h) => h.handoff_id),
    },
    revision: p.revision,
    can_undo: p.can_undo,
    can_redo: p.can_redo,
  };
}
