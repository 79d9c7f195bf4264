// Keyboard capture on the map against the fake shell: arrows reach empty cells, typing there
// starts a card, Enter and Tab chain the next one, each card with its title is one undo step.
import { beforeEach, describe, expect, it } from "vitest";
import { app } from "../lib/state.svelte";
import { key, openMap, settle, type Harness } from "./harness.test-util";
import type { Id } from "../lib/types";

let map: Harness | null = null;
let editing: Harness["editing"];
let data: Harness["data"];

/** Types `text` into the open editor, then presses `end` there as the title editor does. */
async function name(text: string, end: "Enter" | "Tab" | "Escape") {
  const ed = editing.current;
  if (!ed) throw new Error(`no editor open to type "${text}" into`);
  ed.value = ed.typed ? ed.value + text : text;
  if (end === "Escape") await editing.cancel();
  else void editing.commit(ed.create?.chain ? (end === "Enter" ? "same" : "next") : null);
}

const cellOf = (id: Id) => {
  const s = app.viewLookups?.steps.get(id);
  return s ? `${s.stage_id}/${s.lane_id}#${s.position}` : "missing";
};

describe("keyboard capture on the map", () => {
  beforeEach(async () => {
    map?.close();
    await app.close();
    map = await openMap();
    ({ editing, data } = map);
  });

  it("reaches an empty cell by arrows and starts a card there by typing", async () => {
    const model = app.view?.model;
    if (!model) throw new Error("no journey");
    // Find an empty cell in a titled lane, and put the cursor on the cell left of it... or on it.
    const lane = model.lanes.find((l) => l.kind !== "emotion")!;
    const empty = model.stages.find((s) => data.cellCards(s.id, lane.id).length === 0);
    if (!empty) throw new Error("the demo has no empty cell in that lane");
    app.selection = { kind: "lane", id: lane.id };
    for (let i = 0; i <= model.stages.findIndex((s) => s.id === empty.id); i++) key("ArrowRight");
    // Moving right enters cards at their rank; walking down and up again lands on the cell row.
    const sel = app.selection as { kind: string; stageId?: string };
    expect(sel.kind === "cell" ? sel.stageId : "a card").toBe(empty.id);
    const before = model.steps.length;
    expect(key("S", { shift: true })).toBe(true); // a capital letter types, it adds no stage
    expect(editing.current?.value).toBe("S");
    await name("igns in", "Escape");
    await settle();
    const created = app.view!.model.steps.find((s) => s.title === "Signs in");
    expect(created && cellOf(created.id)).toBe(`${empty.id}/${lane.id}#0`);
    expect(app.view!.model.steps.length).toBe(before + 1);
  });

  it("Enter chains cards in one cell, Tab moves to the next stage, Esc on an empty one ends: one undo step each", async () => {
    const model = app.view!.model;
    const lane = model.lanes.find((l) => l.kind !== "emotion")!;
    const [first, second] = model.stages;
    const already = data.cellCards(first.id, lane.id).length;
    const before = model.steps.length;
    app.selection = { kind: "cell", stageId: first.id, laneId: lane.id };
    expect(key("Enter")).toBe(true);
    await settle();
    await name("One", "Enter");
    await name("Two", "Tab");
    await name("Three", "Enter");
    await settle();
    expect(editing.current?.value).toBe("");
    await name("", "Escape");
    await settle();
    const steps = app.view!.model.steps;
    expect(steps.length).toBe(before + 3);
    const id = (t: string) => steps.find((s) => s.title === t)!.id;
    expect(cellOf(id("One"))).toBe(`${first.id}/${lane.id}#${already}`);
    expect(cellOf(id("Two"))).toBe(`${first.id}/${lane.id}#${already + 1}`);
    expect(cellOf(id("Three"))).toMatch(new RegExp(`^${second.id}/${lane.id}#`));
    await app.undo();
    expect(app.view!.model.steps.some((s) => s.title === "Three")).toBe(false);
    expect(app.view!.model.steps.some((s) => s.title === "Two")).toBe(true);
  });

  it("a digit on an emotion lane's empty cell is a point felt that much", async () => {
    const model = app.view!.model;
    const lane = model.lanes.find((l) => l.kind === "emotion");
    if (!lane) throw new Error("the demo has no emotion lane");
    const stage = model.stages[0];
    // Empties the cell first: the demo feels something at every stage.
    for (const p of model.steps.filter((p) => p.stage_id === stage.id && p.lane_id === lane.id)) await app.apply({ op: "delete_step", id: p.id });
    app.selection = { kind: "cell", stageId: stage.id, laneId: lane.id };
    expect(key("x")).toBe(false);
    expect(key("2")).toBe(true);
    await settle();
    const point = app.view!.model.steps.find((s) => s.stage_id === stage.id && s.lane_id === lane.id);
    expect(point?.emotion).toBe(2);
  });
});

describe("undo that talks", () => {
  beforeEach(async () => {
    map?.close();
    await app.close();
    map = await openMap();
    ({ editing, data } = map);
  });

  it("says what an undo and a redo did, in the history's words with cards for steps", async () => {
    const model = app.view!.model;
    app.selection = { kind: "cell", stageId: model.stages[0].id, laneId: model.lanes.find((l) => l.kind !== "emotion")!.id };
    key("Enter");
    await settle();
    await name("Orders the part", "Escape");
    await settle();
    await app.undo();
    expect(app.notice?.text).toBe("Undone: create card");
    await app.redo();
    expect(app.notice?.text).toBe("Redone: create card");
  });
});
