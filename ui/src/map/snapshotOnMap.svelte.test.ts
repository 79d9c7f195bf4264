// A snapshot shown on the map, read only, against the fake shell (its journey and undo history
// are real; the snapshot, which only the real app makes, is the journey's view as it was before
// a change): the keys that edit do nothing, reading keys still work, and every way back (the
// Back action, Esc, the Plan view, another journey) brings the live journey back, editable.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { app } from "../lib/state.svelte";
import { api, setApi, type BatonApi } from "../lib/api";
import { updateStep } from "../lib/edits";
import type { JourneyView } from "../lib/types";
import { key, openMap, settle, type Harness } from "./harness.test-util";

let map: Harness | null = null;
/** What the screen asked the shell for, in order: "snapshot:<presentation>" or "journey". */
let asked: string[] = [];

/** The journey's view before a card is renamed, served as snapshot "s1" named "Before". */
async function withSnapshot(): Promise<{ frozen: JourneyView; cardId: string; oldTitle: string }> {
  map = await openMap();
  const frozen = app.view;
  const card = frozen?.model.steps.find((s) => s.emotion === null);
  if (!frozen || !card) throw new Error("the demo has no card");
  expect(await app.apply(updateStep(card, { title: "Renamed live" }), card.id)).toBe(true);
  const fake = api();
  const shell: BatonApi = {
    ...fake,
    openSnapshot: async (_doc, id, presentation) => {
      asked.push(`snapshot:${presentation}`);
      const snapshot = { id, journey_id: frozen.model.journey.id, name: "Before", created_at: "2026-12-06T10:00:00Z" };
      return { snapshot, view: { ...frozen, can_undo: false, can_redo: false } };
    },
    journeyViewUpdate: (...args) => {
      asked.push("journey");
      return fake.journeyViewUpdate(...args);
    },
  };
  setApi(shell);
  return { frozen, cardId: card.id, oldTitle: card.title };
}

async function until(done: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !done(); i++) await new Promise((r) => setTimeout(r, 10));
  if (!done()) throw new Error("timed out");
}

const titleOf = (id: string) => app.view?.model.steps.find((s) => s.id === id)?.title;

describe("a snapshot on the map", () => {
  beforeEach(async () => {
    map?.close();
    await app.close();
    asked = [];
  });
  afterEach(() => {
    app.presenting = false;
  });

  it("shows the frozen map read only: editing keys and typing change nothing, reading keys still work", async () => {
    const { cardId, oldTitle } = await withSnapshot();
    expect(app.canUndo).toBe(true);
    await until(() => app.insights !== null && !app.insightsPending);
    await app.openSnapshot("s1");
    expect(app.readOnly).toBe(true);
    // The live journey's figures are not drawn over the frozen map, even when they arrive late.
    expect(app.insights).toBeNull();
    app.refreshInsights();
    await until(() => !app.insightsPending);
    expect(app.insights).toBeNull();
    expect(app.snapshot?.name).toBe("Before");
    expect(titleOf(cardId)).toBe(oldTitle);
    expect(app.canUndo).toBe(false);

    app.selection = { kind: "step", id: cardId };
    for (const k of ["Delete", "Enter", "v", "r", "t", "b", "2", "n", "s", "h"]) expect(key(k), k).toBe(false);
    expect(key("z", { ctrl: true })).toBe(false);
    expect(key("d", { ctrl: true })).toBe(false);
    expect(key("ArrowRight", { alt: true })).toBe(false);
    expect(map!.editing.current).toBeNull();
    // Reading stays: find opens, the arrows move the selection.
    expect(key("f", { ctrl: true })).toBe(true);
    expect(key("ArrowDown")).toBe(true);
    await settle();
    expect(asked).toEqual(["snapshot:false"]);

    // Typing on a selected cell would start a card there: not on a snapshot.
    const card = app.view?.model.steps.find((s) => s.id === cardId);
    const lane = app.view?.model.lanes.find((l) => l.id === card?.lane_id && l.kind !== "emotion");
    if (!card || !lane) throw new Error("the card has no lane to type in");
    app.selection = { kind: "cell", stageId: card.stage_id, laneId: lane.id };
    expect(key("q")).toBe(false);
    expect(map!.editing.current).toBeNull();

    await app.leaveSnapshot();
    expect(app.readOnly).toBe(false);
    expect(titleOf(cardId)).toBe("Renamed live");
    expect(app.canUndo).toBe(true);
    expect(asked).toEqual(["snapshot:false", "journey"]);
    await until(() => app.insights !== null);
    // Editable again: Delete deletes the card, undo brings it back.
    app.selection = { kind: "step", id: cardId };
    expect(key("Delete")).toBe(true);
    await settle();
    expect(titleOf(cardId)).toBeUndefined();
    await app.undo();
    expect(titleOf(cardId)).toBe("Renamed live");
  });

  it("is left by Esc once nothing is selected, by the Plan view and by choosing a journey", async () => {
    const { cardId } = await withSnapshot();
    await app.openSnapshot("s1");
    app.selection = { kind: "step", id: cardId };
    expect(key("Escape")).toBe(true);
    expect(app.readOnly).toBe(true);
    expect(app.selection).toBeNull();
    expect(key("Escape")).toBe(true);
    expect(app.readOnly).toBe(false);
    await app.refreshJourney();
    expect(titleOf(cardId)).toBe("Renamed live");

    await app.openSnapshot("s1");
    app.mode = "plan";
    expect(app.readOnly).toBe(false);
    await app.refreshJourney();
    expect(titleOf(cardId)).toBe("Renamed live");
    app.mode = "map";

    await app.openSnapshot("s1");
    expect(app.mode).toBe("map");
    const journey = app.journeyId;
    if (!journey) throw new Error("no journey");
    await app.selectJourney(journey);
    expect(app.readOnly).toBe(false);
    expect(titleOf(cardId)).toBe("Renamed live");
  });

  it("presented, is laid out for presentation and Rust is asked for the snapshot again, not the journey", async () => {
    await withSnapshot();
    await app.openSnapshot("s1");
    app.presenting = true;
    await app.refreshJourney();
    expect(asked).toEqual(["snapshot:false", "snapshot:true"]);
    expect(app.readOnly).toBe(true);
  });

  it("a read_only refusal the screen did not expect shows the error and asks for the journey (ending Rust's snapshot)", async () => {
    const { cardId } = await withSnapshot();
    const shell = api();
    setApi({ ...shell, edit: () => Promise.reject({ kind: "read_only", message: "\"Before\" is a snapshot, read only: go back to the journey to change it." }) });
    const card = app.view?.model.steps.find((s) => s.id === cardId);
    if (!card) throw new Error("no card");
    expect(await app.apply(updateStep(card, { title: "Stray" }), cardId)).toBe(false);
    expect(app.error?.kind).toBe("read_only");
    expect(app.error?.message).toContain("read only");
    // Asked for by the refusal itself (nothing else asks for the journey here).
    await new Promise((r) => setTimeout(r, 30));
    expect(asked).toEqual(["journey"]);
    expect(titleOf(cardId)).toBe("Renamed live");
  });
});
