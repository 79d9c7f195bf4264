import { describe, expect, it } from "vitest";
import type { Id } from "../lib/types";
import { dropMove, fixForHandoff, fixForSuggestion, fixForTouchpoint, keyMove, phaseMove, type BoardOrder } from "./planEdits";

/** Phases of shown cards at dense positions (no filter). */
function board(...phases: [Id, Id[]][]): BoardOrder {
  return { phases: phases.map(([id, ids]) => ({ id, initiatives: ids.map((i, position) => ({ id: i, position })), size: ids.length })) };
}

const order = board(["p1", ["a", "b", "c"]], ["p2", ["d"]], ["p3", []]);

/** The same plan filtered: p1 holds a, x, b, y, c (x and y hidden), p2 holds z, d (z hidden). */
const filtered: BoardOrder = {
  phases: [
    { id: "p1", initiatives: [{ id: "a", position: 0 }, { id: "b", position: 2 }, { id: "c", position: 4 }], size: 5 },
    { id: "p2", initiatives: [{ id: "d", position: 1 }], size: 2 },
    { id: "p3", initiatives: [], size: 0 },
  ],
};

describe("keyMove", () => {
  it("moves within the phase and stops at its ends", () => {
    expect(keyMove(order, "b", "up")).toEqual({ op: "move_initiative", id: "b", phase_id: "p1", position: 0 });
    expect(keyMove(order, "b", "down")).toEqual({ op: "move_initiative", id: "b", phase_id: "p1", position: 2 });
    expect(keyMove(order, "a", "up")).toBeNull();
    expect(keyMove(order, "c", "down")).toBeNull();
  });
  it("moves to the neighbouring phase at the same height or its end", () => {
    expect(keyMove(order, "c", "right")).toEqual({ op: "move_initiative", id: "c", phase_id: "p2", position: 1 });
    expect(keyMove(order, "d", "right")).toEqual({ op: "move_initiative", id: "d", phase_id: "p3", position: 0 });
    expect(keyMove(order, "d", "left")).toEqual({ op: "move_initiative", id: "d", phase_id: "p1", position: 0 });
    expect(keyMove(order, "a", "left")).toBeNull();
    expect(keyMove(order, "nope", "left")).toBeNull();
  });
});

describe("dropMove", () => {
  it("drops before a card of another phase, or at its end", () => {
    expect(dropMove(order, "a", "p2", "d")).toEqual({ op: "move_initiative", id: "a", phase_id: "p2", position: 0 });
    expect(dropMove(order, "a", "p2", null)).toEqual({ op: "move_initiative", id: "a", phase_id: "p2", position: 1 });
    expect(dropMove(order, "a", "p3", null)).toEqual({ op: "move_initiative", id: "a", phase_id: "p3", position: 0 });
  });
  it("within a phase counts the place the card leaves", () => {
    expect(dropMove(order, "a", "p1", "c")).toEqual({ op: "move_initiative", id: "a", phase_id: "p1", position: 1 });
    expect(dropMove(order, "a", "p1", null)).toEqual({ op: "move_initiative", id: "a", phase_id: "p1", position: 2 });
    expect(dropMove(order, "c", "p1", "a")).toEqual({ op: "move_initiative", id: "c", phase_id: "p1", position: 0 });
  });
  it("is null when nothing would move", () => {
    expect(dropMove(order, "a", "p1", "a")).toBeNull();
    expect(dropMove(order, "a", "p1", "b")).toBeNull();
    expect(dropMove(order, "c", "p1", null)).toBeNull();
    expect(dropMove(order, "a", "nope", null)).toBeNull();
  });
});

describe("moves with a filter on", () => {
  it("go past the neighbouring shown card to its stored position", () => {
    expect(keyMove(filtered, "b", "up")).toEqual({ op: "move_initiative", id: "b", phase_id: "p1", position: 0 });
    expect(keyMove(filtered, "b", "down")).toEqual({ op: "move_initiative", id: "b", phase_id: "p1", position: 4 });
    expect(keyMove(filtered, "a", "right")).toEqual({ op: "move_initiative", id: "a", phase_id: "p2", position: 1 });
    expect(keyMove(filtered, "b", "right")).toEqual({ op: "move_initiative", id: "b", phase_id: "p2", position: 2 });
    expect(keyMove(filtered, "d", "left")).toEqual({ op: "move_initiative", id: "d", phase_id: "p1", position: 0 });
  });
  it("drop at a phase's end behind its hidden cards, and before a card at its position", () => {
    expect(dropMove(filtered, "a", "p2", null)).toEqual({ op: "move_initiative", id: "a", phase_id: "p2", position: 2 });
    expect(dropMove(filtered, "a", "p2", "d")).toEqual({ op: "move_initiative", id: "a", phase_id: "p2", position: 1 });
    expect(dropMove(filtered, "a", "p1", null)).toEqual({ op: "move_initiative", id: "a", phase_id: "p1", position: 4 });
    expect(dropMove(filtered, "c", "p1", "b")).toEqual({ op: "move_initiative", id: "c", phase_id: "p1", position: 2 });
    expect(dropMove(filtered, "a", "p1", "b")).toEqual({ op: "move_initiative", id: "a", phase_id: "p1", position: 1 });
  });
});

describe("phaseMove", () => {
  it("moves a phase one place and stops at the edges", () => {
    expect(phaseMove(order, "p2", "left")).toEqual({ op: "move_phase", id: "p2", position: 0 });
    expect(phaseMove(order, "p2", "right")).toEqual({ op: "move_phase", id: "p2", position: 2 });
    expect(phaseMove(order, "p1", "left")).toBeNull();
    expect(phaseMove(order, "p3", "right")).toBeNull();
  });
});

describe("fixForSuggestion", () => {
  it("links the suggestion's evidence and key and takes its reason", () => {
    const s = { key: "send_notes:h1", rule: "send_notes", reason: "Agent hands over without notes", seeds: [], sources: [], step_ids: ["s1"], handoff_ids: ["h1"], stage_ids: [], metric_ids: [] } as const;
    const edit = fixForSuggestion("i1", "p1", 4, { ...s, seeds: [], sources: [], step_ids: ["s1"], handoff_ids: ["h1"], stage_ids: [], metric_ids: [] }, "Send the notes along");
    expect(edit.op).toBe("create_initiative");
    if (edit.op !== "create_initiative") return;
    expect(edit.initiative).toMatchObject({ id: "i1", phase_id: "p1", position: 4, title: "Send the notes along", description: "Agent hands over without notes", step_ids: ["s1"], handoff_ids: ["h1"], suggestion_keys: ["send_notes:h1"], status: "proposed" });
  });
});

describe("Plan a fix on a hotspot", () => {
  it("links the handoff and says its friction", () => {
    const edit = fixForHandoff("i1", "p1", 2, "h1", 65, "Fix the handoff A → B");
    if (edit.op !== "create_initiative") throw new Error(edit.op);
    expect(edit.initiative).toMatchObject({ id: "i1", phase_id: "p1", position: 2, title: "Fix the handoff A → B", handoff_ids: ["h1"], step_ids: [], suggestion_keys: [], expected_effect: null });
    expect(edit.initiative.description).toContain("65 of 100");
  });
  it("links the touchpoint and expects its target on its metric", () => {
    const hotspot = { step_id: "s1", metric_id: "csat", latest: 60, target: 80, gap: -20, normalised_gap: -0.2 };
    const edit = fixForTouchpoint("i2", "p1", 0, hotspot, "Raise CSAT at Call", "CSAT is below its target here.");
    if (edit.op !== "create_initiative") throw new Error(edit.op);
    expect(edit.initiative).toMatchObject({ step_ids: ["s1"], handoff_ids: [], description: "CSAT is below its target here." });
    expect(edit.initiative.expected_effect).toEqual({ metric_id: "csat", subject: { kind: "step", id: "s1" }, value: 80 });
    const untargeted = fixForTouchpoint("i3", "p1", 0, { ...hotspot, target: null }, "Raise", "");
    if (untargeted.op !== "create_initiative") throw new Error(untargeted.op);
    expect(untargeted.initiative.expected_effect).toBeNull();
  });
});
