import { describe, expect, it } from "vitest";
import { lookupsOf, patchLookups } from "./viewLookups";
import { applyViewUpdate } from "./viewPatch";
import type { CardBox, Handoff, JourneyView, JourneyViewPatch, ListPatch, Step } from "./types";

const step = (id: string, title = id) => ({ id, title }) as unknown as Step;
const card = (id: string, y = 0) => ({ step_id: id, x: 0, y, w: 100, h: 40, lines: [id], clipped: false }) as CardBox;
const none = <T>(): ListPatch<T> => ({ upserts: [], removed: [], inserted: [] });

function view(steps: Step[], cards: CardBox[], handoffs: Handoff[] = []): JourneyView {
  return {
    model: { journey: {} as never, stages: [], lanes: [], steps, handoffs },
    layout: { width: 1, height: 1, style: {} as never, stages: [], lanes: [], emotion_curves: [], cards, handoffs: [] },
    revision: 1,
    can_undo: true,
    can_redo: false,
  };
}

function patchOf(p: Partial<JourneyViewPatch>): JourneyViewPatch {
  return {
    base: 1,
    journey: {} as never,
    stages: [],
    lanes: [],
    steps: none(),
    handoffs: none(),
    width: 1,
    height: 1,
    style: {} as never,
    stage_columns: [],
    lane_rows: [],
    emotion_curves: [],
    cards: none(),
    handoff_paths: none(),
    revision: 2,
    can_undo: true,
    can_redo: false,
    ...p,
  };
}

describe("view look-ups", () => {
  it("find what the patched view holds, as if built from it whole", () => {
    const held = view([step("a"), step("b"), step("c")], [card("a"), card("b", 50), card("c", 100)]);
    const patch = patchOf({
      steps: { upserts: [step("b", "Renamed")], removed: ["c"], inserted: [{ index: 0, item: step("d") }] },
      cards: { upserts: [card("b", 60)], removed: ["c"], inserted: [{ index: 0, item: card("d") }] },
    });
    const next = applyViewUpdate(held, { kind: "patch", token: 2, patch });
    const patched = patchLookups(lookupsOf(held), patch);
    const whole = lookupsOf(next);
    for (const id of ["a", "b", "c", "d"]) {
      expect(patched.steps.get(id)).toBe(whole.steps.get(id));
      expect(patched.cards.get(id)).toBe(whole.cards.get(id));
    }
    expect(patched.steps.get("b")?.title).toBe("Renamed");
    expect(patched.steps.get("c")).toBeUndefined();
  });

  it("keep the look-up of a list the patch left alone, and give a new one for a changed list", () => {
    const held = lookupsOf(view([step("a")], [card("a")]));
    const next = patchLookups(held, patchOf({ cards: { upserts: [card("a", 9)], removed: [], inserted: [] } }));
    expect(next.steps).toBe(held.steps);
    expect(next.handoffs).toBe(held.handoffs);
    expect(next.cards).not.toBe(held.cards);
    expect(next.cards.get("a")?.y).toBe(9);
  });

  it("move an item that was removed and inserted again", () => {
    const held = lookupsOf(view([step("a"), step("b")], [card("a"), card("b")]));
    const moved = step("a", "Moved");
    const next = patchLookups(held, patchOf({ steps: { upserts: [], removed: ["a"], inserted: [{ index: 1, item: moved }] } }));
    expect(next.steps.get("a")).toBe(moved);
  });
});
