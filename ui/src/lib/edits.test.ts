import { describe, expect, it } from "vitest";
import { connectHandoff, createLane, createStep, deleteEdit, duplicateAsFuture, idsNeededToDuplicate, updateStep } from "./edits";
import type { JourneyModel, Step } from "./types";

const step: Step = {
  id: "s1", journey_id: "j", stage_id: "st", lane_id: "l", position: 2, title: "Old", notes: "",
  touchpoint: null, verification: false, resolution: false, emotion: null,
};

describe("edit builders", () => {
  it("updates keep the placement fields whatever the patch says", () => {
    const e = updateStep(step, { title: "New", position: 9, stage_id: "elsewhere" } as Partial<Step>);
    expect(e).toEqual({ op: "update_step", step: { ...step, title: "New" } });
  });
  it("an emotion card starts neutral, other cards carry no emotion", () => {
    const emo = createStep("j", "id", "st", "l", 0, "Feels", "emotion");
    const act = createStep("j", "id", "st", "l", 0, "Does", "actor");
    expect(emo.op === "create_step" && emo.step.emotion).toBe(0);
    expect(act.op === "create_step" && act.step.emotion).toBeNull();
  });
  it("only actor lanes get actor attributes", () => {
    const a = createLane("j", "l1", 0, "Agent", "actor");
    const c = createLane("j", "l2", 1, "Customer", "customer");
    expect(a.op === "create_lane" && a.lane.sourcing).toBe("in_house");
    expect(c.op === "create_lane" && c.lane.sourcing).toBeNull();
  });
  it("a drawn handoff joins the two cards", () => {
    const e = connectHandoff("j", "h", "a", "b");
    expect(e.op === "connect_handoff" && [e.handoff.from_step_id, e.handoff.to_step_id]).toEqual(["a", "b"]);
  });
  it("deleting a handoff disconnects it", () => {
    expect(deleteEdit({ kind: "handoff", id: "h" })).toEqual({ op: "disconnect_handoff", id: "h" });
  });
});

describe("duplicateAsFuture", () => {
  const model: JourneyModel = {
    journey: { id: "j", name: "Lost card", description: "", persona_id: null, state: "current", origin_id: null, position: 0 },
    stages: [{ id: "st", journey_id: "j", name: "Call", description: "", position: 0 }],
    lanes: [
      { id: "l", journey_id: "j", name: "Customer", kind: "customer", position: 0, department: null, sourcing: null, work: null, visibility: null },
      { id: "l2", journey_id: "j", name: "Agent", kind: "actor", position: 1, department: "CC", sourcing: "outsourced", work: "manual", visibility: "frontstage" },
    ],
    steps: [step, { ...step, id: "s2", lane_id: "l2", position: 0 }],
    handoffs: [{
      id: "h", journey_id: "j", from_step_id: "s1", to_step_id: "s2", mode: "blind", context: "none",
      customer_repeats: true, reverify: false, wait_minutes: 5, sensitive: false, secure_channel: false,
      checklist: [{ id: "c", text: "notes", done: true }], note: "",
    }],
    targets: [], responses: [], scores: [],
  };
  it("re-creates everything under fresh ids in one batch, remembering the origin", () => {
    const n = idsNeededToDuplicate(model);
    expect(n).toBe(8);
    const ids = Array.from({ length: n }, (_, i) => `n${i}`);
    const e = duplicateAsFuture(model, ids, 3);
    if (e.op !== "batch") throw new Error("not a batch");
    expect(e.edits).toHaveLength(1 + 1 + 2 + 2 + 1);
    const j = e.edits[0];
    expect(j.op === "create_journey" && [j.journey.state, j.journey.origin_id, j.journey.position]).toEqual(["future", "j", 3]);
    const h = e.edits[6];
    if (h.op !== "connect_handoff") throw new Error("no handoff");
    expect(h.handoff.from_step_id).toBe("n4");
    expect(h.handoff.to_step_id).toBe("n5");
    expect(h.handoff.checklist[0].id).toBe("n7");
    const used = JSON.stringify(e);
    for (const old of ['"id":"st"', '"id":"s1"', '"lane_id":"l"', '"journey_id":"j"']) expect(used).not.toContain(old);
  });
  it("refuses to run short of ids", () => {
    expect(() => duplicateAsFuture(model, ["a"], 0)).toThrow();
  });
});
