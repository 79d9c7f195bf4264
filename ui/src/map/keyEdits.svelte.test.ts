// The map's editing keys against the fake shell: a lane's kind chosen by key, headers reached
// by the arrows and moved with Alt+arrows, cards marked and moved (where core says), emotion points set, handoff
// modes; each key one edit that one undo takes back.
import { beforeEach, describe, expect, it } from "vitest";
import { app } from "../lib/state.svelte";
import { api, setApi } from "../lib/api";
import * as E from "../lib/edits";
import type { CardMove } from "../bindings";
import type { Id } from "../lib/types";
import { key, openMap, settle, type Harness } from "./harness.test-util";

let map: Harness | null = null;
const model = () => {
  const m = app.view?.model;
  if (!m) throw new Error("no journey on screen");
  return m;
};

describe("the map's editing keys", () => {
  beforeEach(async () => {
    map?.close();
    await app.close();
    map = await openMap();
  });

  it("L asks the kind by key, then names the lane in place, shown and created as one edit", async () => {
    const before = model().lanes.length;
    app.selection = { kind: "lane", id: model().lanes[0].id };
    expect(key("l")).toBe(true);
    const picking = map!.commands.keys.picking;
    expect(picking?.choices.map((c) => c.key).join("")).toBe("caetpohn");
    map!.commands.keys.pick("customer");
    await settle();
    const ed = map!.editing.current;
    expect(ed?.kind).toBe("lane");
    expect(ed?.value).toBe("Customer");
    if (ed) ed.value = "Fleet manager";
    await map!.editing.commit();
    const lane = model().lanes.find((l) => l.name === "Fleet manager");
    expect(lane?.kind).toBe("customer");
    expect(lane?.position).toBe(1);
    expect(model().lanes.length).toBe(before + 1);
    await app.undo();
    expect(model().lanes.length).toBe(before);
  });

  it("reaches a stage header with the arrows, moves it with Alt+arrows, deletes it and undo restores it", async () => {
    const first = model().stages[0];
    app.selection = { kind: "cell", stageId: first.id, laneId: model().lanes[0].id };
    // Up from the first lane is the stage's header (a card on the way up is walked first).
    const kind = () => app.selection?.kind;
    for (let i = 0; i < 10 && kind() !== "stage"; i++) key("ArrowUp");
    expect(app.selection).toEqual({ kind: "stage", id: first.id });
    expect(key("ArrowRight", { alt: true })).toBe(true);
    await settle();
    expect(model().stages.find((s) => s.id === first.id)?.position).toBe(1);
    const count = model().stages.length;
    expect(key("Delete")).toBe(true);
    await settle();
    expect(model().stages.length).toBe(count - 1);
    await app.undo();
    expect(model().stages.find((s) => s.id === first.id)?.position).toBe(1);
  });

  it("Alt+arrows move a card where baton-core's move_card says, each asked once the move before landed; V, R and T mark it", async () => {
    const m = model();
    const lane = m.lanes.find((l) => l.kind === "actor" || l.kind === "customer")!;
    const card = m.steps.find((s) => s.stage_id === m.stages[0].id && s.lane_id === lane.id);
    if (!card) throw new Error("the demo's first cell of that lane is empty");
    // The shell's move_card_edit (core's rule, unit-tested in Rust) answered here: one stage right
    // from where the card is when asked, none past the last stage.
    const asked: { id: Id; direction: CardMove; stageWhenAsked: Id | undefined }[] = [];
    const shell = api();
    setApi({
      ...shell,
      moveCardEdit: async (_doc, id, direction) => {
        const here = app.viewLookups?.steps.get(id);
        asked.push({ id, direction, stageWhenAsked: here?.stage_id });
        const next = model().stages[model().stages.findIndex((s) => s.id === here?.stage_id) + 1];
        return here && next ? E.moveStep(id, next.id, here.lane_id, 0) : null;
      },
    });
    app.selection = { kind: "step", id: card.id };
    key("ArrowRight", { alt: true });
    key("ArrowRight", { alt: true });
    await settle();
    expect(asked.map((a) => [a.id, a.direction])).toEqual([[card.id, "right"], [card.id, "right"]]);
    // The second press was asked from where the first put the card, not from a stale view.
    expect(asked.map((a) => a.stageWhenAsked)).toEqual([m.stages[0].id, m.stages[1].id]);
    expect(app.viewLookups?.steps.get(card.id)?.stage_id).toBe(m.stages[2].id);
    await app.undo();
    expect(app.viewLookups?.steps.get(card.id)?.stage_id).toBe(m.stages[1].id);
    key("v");
    key("r");
    key("t");
    expect(map!.commands.keys.picking?.title).toMatch(/channel/);
    map!.commands.keys.pick("phone");
    await settle();
    const marked = app.viewLookups?.steps.get(card.id);
    expect(app.error?.message ?? null).toBeNull();
    expect([marked?.verification, marked?.resolution, marked?.touchpoint]).toEqual([!card.verification, !card.resolution, "phone"]);
    await app.undo();
    expect(app.viewLookups?.steps.get(card.id)?.touchpoint).toBe(card.touchpoint);
  });

  it("Alt+arrow at the grid's edge (no move from core) changes nothing and shows no error", async () => {
    const card = model().steps.find((s) => s.emotion === null);
    if (!card) throw new Error("the demo has no card");
    const shell = api();
    setApi({ ...shell, moveCardEdit: async () => null });
    const undoBefore = app.canUndo;
    app.selection = { kind: "step", id: card.id };
    key("ArrowUp", { alt: true });
    await settle();
    expect(app.viewLookups?.steps.get(card.id)).toEqual(card);
    expect(app.error).toBeNull();
    expect(app.canUndo).toBe(undoBefore);
  });

  it("a refused move shows the shell's error next to the card", async () => {
    const card = model().steps.find((s) => s.emotion === null);
    if (!card) throw new Error("the demo has no card");
    const shell = api();
    setApi({ ...shell, moveCardEdit: () => Promise.reject({ kind: "not_found", message: "That card no longer exists." }) });
    app.selection = { kind: "step", id: card.id };
    key("ArrowDown", { alt: true });
    await settle();
    expect(app.error?.message).toBe("That card no longer exists.");
    expect(app.error?.about).toBe(card.id);
  });

  it("digits set an emotion point, - then a digit a negative one", async () => {
    const point = model().steps.find((s) => s.emotion !== null);
    if (!point) throw new Error("the demo has no emotion point");
    app.selection = { kind: "step", id: point.id };
    key("3");
    await settle();
    expect(app.viewLookups?.steps.get(point.id)?.emotion).toBe(3);
    key("-");
    key("2");
    await settle();
    expect(app.viewLookups?.steps.get(point.id)?.emotion).toBe(-2);
    key("0");
    await settle();
    expect(app.viewLookups?.steps.get(point.id)?.emotion).toBe(0);
  });

  it("B, A and U set a selected handoff's mode; R and V its retelling and re-verification", async () => {
    const h = model().handoffs[0];
    app.selection = { kind: "handoff", id: h.id };
    const now = () => app.viewLookups?.handoffs.get(h.id);
    key("b");
    await settle();
    expect(now()?.mode).toBe("blind");
    key("u");
    await settle();
    expect(now()?.mode).toBe("automated");
    key("a");
    key("r");
    key("v");
    await settle();
    expect(app.error?.message ?? null).toBeNull();
    expect([now()?.mode, now()?.customer_repeats, now()?.reverify]).toEqual(["assisted", !h.customer_repeats, !h.reverify]);
    await app.undo();
    expect(now()?.reverify).toBe(h.reverify);
  });
});
