import { describe, expect, it } from "vitest";
import { MapData, type MapSource } from "./data.svelte";
import { gridLayout } from "./fixture.test-util";
import { lookupsOf } from "../lib/viewLookups";
import type { JourneyView, Layout } from "../lib/types";

/** A map of `stages` x `lanes` cards with their steps, as a compare answer's map holds it. */
function mapOf(stages: number, lanes: number): Pick<JourneyView, "model" | "layout"> {
  const layout: Layout = gridLayout(stages, lanes);
  const steps = layout.cards.map((c) => {
    const [s, l] = c.step_id.slice(1).split("_");
    return { id: c.step_id, stage_id: `s${s}`, lane_id: `l${l}`, title: c.step_id };
  });
  const model = { journey: { id: "j" }, stages: layout.stages.map((s) => ({ id: s.stage_id })), lanes: layout.lanes.map((l) => ({ id: l.lane_id })), steps, handoffs: [] };
  return { model, layout } as unknown as Pick<JourneyView, "model" | "layout">;
}

describe("MapData", () => {
  it("reads the app's journey by default (none open here)", () => {
    const data = new MapData();
    expect(data.layout).toBeNull();
    expect(data.model).toBeNull();
  });

  it("reads the source it is given, with no insights of the app's journey", () => {
    let map = $state.raw(mapOf(2, 2));
    const lookups = $derived(lookupsOf(map));
    const source: MapSource = { view: () => map, lookups: () => lookups, insights: () => null, evidence: () => null };
    const data = new MapData(source);
    expect(data.layout?.cards.length).toBe(4);
    expect(data.cards.get("c1_1")?.x).toBe(180 + 200 + 20);
    expect(data.steps.get("c0_1")?.lane_id).toBe("l1");
    expect(data.cellCards("s1", "l0").map((c) => c.step_id)).toEqual(["c1_0"]);
    expect(data.friction.size).toBe(0);
    expect(data.dimmed("c0_0")).toBe(false);
    // It follows the source: a new map is read at once.
    map = mapOf(3, 1);
    expect(data.layout?.cards.length).toBe(3);
    expect(data.cards.get("c2_0")).toBeDefined();
    expect(data.cards.get("c1_1")).toBeUndefined();
  });
});
