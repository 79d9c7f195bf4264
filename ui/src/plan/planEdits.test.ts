import { describe, expect, it } from "vitest";
import { dropMove, fixForSuggestion, keyMove, phaseMove, type BoardOrder } from "./planEdits";

const order: BoardOrder = {
  phases: [
    { id: "p1", initiatives: ["a", "b", "c"] },
    { id: "p2", initiatives: ["d"] },
    { id: "p3", initiatives: [] },
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
