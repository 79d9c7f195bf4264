import { describe, expect, it } from "vitest";
import { connectHandoff, createLane, createStep, deleteEdit, updateStep } from "./edits";
import type { Step } from "./types";

const step: Step = {
  id: "s1", journey_id: "j", stage_id: "st", lane_id: "l", position: 2, title: "Old", notes: "",
  touchpoint: null, verification: false, resolution: false, emotion: null, origin_id: null,
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
