// Several cards selected (Shift+arrows, Shift+click) and acted on as ONE edit: the selection
// model itself, then Delete and Ctrl+X on the map against the fake shell, whose card-list edits
// are recorded here (baton-core builds them in the real app).
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { app } from "../lib/state.svelte";
import { api, setApi } from "../lib/api";
import type { Edit, Id } from "../lib/types";
import { cardsOf, extended, sameSelection, selectedCards, toggleCard, toggled } from "./multiSelect.svelte";
import { key, openMap, settle, type Harness } from "./harness.test-util";

const step = (id: Id) => ({ kind: "step" as const, id });

describe("the selection model", () => {
  it("a plain selection is its card alone; gathered cards belong to the focus they were gathered with", () => {
    expect(cardsOf(null, step("a"))).toEqual(["a"]);
    expect(cardsOf(null, { kind: "cell", stageId: "s", laneId: "l" })).toEqual([]);
    const set = extended(null, step("a"), step("b"));
    expect(cardsOf(set, step("b"))).toEqual(["a", "b"]);
    // Another selection (a plain arrow, a click) leaves a single card again.
    expect(cardsOf(set, step("c"))).toEqual(["c"]);
    // Through an empty cell the cards stay selected, and the next card joins them.
    const viaCell = extended(set, step("b"), { kind: "cell", stageId: "s", laneId: "l" });
    expect(cardsOf(viaCell, { kind: "cell", stageId: "s", laneId: "l" })).toEqual(["a", "b"]);
    expect(cardsOf(extended(viaCell, { kind: "cell", stageId: "s", laneId: "l" }, step("a")), step("a"))).toEqual(["a", "b"]);
  });

  it("Shift+click adds a card, or takes it out with the focus on the last one left", () => {
    const two = toggled(null, step("a"), "b");
    expect(two.focus).toEqual(step("b"));
    expect(cardsOf(two, two.focus)).toEqual(["a", "b"]);
    const back = toggled(two, two.focus, "b");
    expect(back.focus).toEqual(step("a"));
    expect(cardsOf(back, back.focus)).toEqual(["a"]);
    const none = toggled(null, step("a"), "a");
    expect(none.focus).toBeNull();
    expect(cardsOf(none, none.focus)).toEqual([]);
  });

  it("compares selections by value", () => {
    expect(sameSelection(step("a"), step("a"))).toBe(true);
    expect(sameSelection(step("a"), { kind: "stage", id: "a" })).toBe(false);
    expect(sameSelection({ kind: "cell", stageId: "s", laneId: "l" }, { kind: "cell", stageId: "s", laneId: "l" })).toBe(true);
    expect(sameSelection({ kind: "cell", stageId: "s", laneId: "l" }, { kind: "cell", stageId: "s", laneId: "m" })).toBe(false);
    expect(sameSelection(null, null)).toBe(true);
  });
});

describe("a multi-selection on the map", () => {
  let map: Harness | null = null;
  let asked: { what: string; ids: Id[] }[] = [];
  const model = () => {
    const m = app.view?.model;
    if (!m) throw new Error("no journey on screen");
    return m;
  };

  beforeEach(async () => {
    map?.close();
    await app.close();
    map = await openMap();
    asked = [];
    const fake = api();
    // The real app's baton-core builds these as one Batch; the fake builds the same shape.
    const batch = (ids: Id[]): Edit => ({ op: "batch", label: "Delete cards", edits: ids.map((id) => ({ op: "delete_step", id })) });
    setApi({
      ...fake,
      copyCards: async (_doc, ids) => {
        asked.push({ what: "copy", ids });
        return { stages: [], lanes: [], steps: [], handoffs: [] } as never;
      },
      deleteCardsEdit: async (_doc, ids) => {
        asked.push({ what: "delete", ids });
        return batch(ids);
      },
    });
  });
  afterEach(() => app.selection = null);

  /** Two cards side by side: a lane with a card in each of the first two stages. */
  function neighbours(): [Id, Id] {
    const m = model();
    const stages = [...m.stages].sort((a, b) => a.position - b.position);
    const first = (stageId: Id, laneId: Id) => m.steps.filter((s) => s.stage_id === stageId && s.lane_id === laneId).sort((a, b) => a.position - b.position)[0];
    for (const lane of m.lanes) {
      const a = first(stages[0].id, lane.id);
      const b = first(stages[1].id, lane.id);
      if (a && b) return [a.id, b.id];
    }
    throw new Error("the demo has no lane with cards in its first two stages");
  }

  it("Shift+arrow gathers two cards and Delete removes both in one edit that one undo restores", async () => {
    const [a, b] = neighbours();
    const before = model().steps.length;
    app.selection = step(a);
    expect(key("ArrowRight", { shift: true })).toBe(true);
    expect(app.selection).toEqual(step(b));
    expect(selectedCards()).toEqual([a, b]);
    expect(key("Delete")).toBe(true);
    await settle();
    expect(asked).toEqual([{ what: "delete", ids: [a, b] }]);
    expect(model().steps.length).toBe(before - 2);
    await app.undo();
    expect(model().steps.length).toBe(before);
    expect(model().steps.some((s) => s.id === a) && model().steps.some((s) => s.id === b)).toBe(true);
  });

  it("Shift+click adds a card, Ctrl+X copies and deletes the two as one edit; a plain arrow selects one again", async () => {
    const [a, b] = neighbours();
    app.selection = step(a);
    toggleCard(b);
    expect(selectedCards()).toEqual([a, b]);
    key("x", { ctrl: true });
    await settle();
    expect(asked).toEqual([
      { what: "copy", ids: [a, b] },
      { what: "delete", ids: [a, b] },
    ]);
    await app.undo();
    app.selection = step(a);
    toggleCard(b);
    key("ArrowLeft");
    expect(selectedCards()).toEqual([a]);
  });
});
