import { describe, expect, it } from "vitest";
import { customerLane, handoffRows, laneRows, planSummary } from "./bpmnPreview";
import type { BpmnPlan } from "../bindings";

const plan = (handoffs = 2): BpmnPlan => ({
  journey_name: "Lost card",
  stages: ["Notice", "Block"],
  lanes: [
    { name: "Customer", department: null, customer: true, work: "manual" },
    { name: "Agent", department: "Contact centre", customer: false, work: "manual" },
    { name: "Card system", department: null, customer: false, work: "automated" },
  ],
  steps: [
    { title: "Calls", lane: 0, stage: 0, position: 0, touchpoint: false, bpmn_id: "t1" },
    { title: "Blocks the card", lane: 1, stage: 1, position: 0, touchpoint: true, bpmn_id: "t2" },
    { title: "Flags the card", lane: 2, stage: 1, position: 0, touchpoint: false, bpmn_id: "t3" },
  ],
  handoffs: Array.from({ length: handoffs }, (_, i) => ({ from: i % 2, to: (i % 2) + 1, mode: "assisted" as const, message: i === 0 })),
  from_diagram: true,
  assumptions: [],
});

describe("BPMN import preview", () => {
  it("sums the plan up with where its stages come from", () => {
    expect(planSummary(plan())).toBe("3 lanes · 3 steps · 2 handoffs · 2 stages (from the diagram's columns)");
    expect(planSummary({ ...plan(1), from_diagram: false, stages: ["Only"] })).toBe("3 lanes · 3 steps · 1 handoff · 1 stage (from the flow's depth)");
  });
  it("counts each lane's steps and says which lane is the customer's", () => {
    expect(laneRows(plan()).map((l) => [l.name, l.steps, l.customer, l.automated])).toEqual([
      ["Customer", 1, true, false],
      ["Agent", 1, false, false],
      ["Card system", 1, false, true],
    ]);
    expect(customerLane(plan())).toBe("Customer");
    expect(customerLane({ ...plan(), lanes: plan().lanes.map((l) => ({ ...l, customer: false })) })).toBeNull();
  });
  it("names both ends of each handoff and counts the ones not listed", () => {
    const { rows, more } = handoffRows(plan(15));
    expect(rows).toHaveLength(12);
    expect(more).toBe(3);
    expect(rows[0]).toEqual({ from: "Calls", to: "Blocks the card", fromLane: "Customer", toLane: "Agent", message: true });
    expect(rows[1]).toMatchObject({ from: "Blocks the card", toLane: "Card system", message: false });
  });
});
