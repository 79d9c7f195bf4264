import { describe, expect, it } from "vitest";
import type { DiffMap, DiffMark, ItemChange } from "../bindings";
import { idsByChange, liveItemOf, marksById } from "./diffMap";

const mark = (id: string, change: number, status: DiffMark["status"] = "changed"): DiffMark => ({ kind: "step", id, status, change });
const mapWith = (marks: DiffMark[]): DiffMap => ({ marks, trails: [] }) as unknown as DiffMap;
const change = (over: Partial<ItemChange>): ItemChange => ({ kind: "step", status: "kept", a_id: "a", b_id: "b", name: "Block the card", fields: [], moved: null, ...over });

describe("the map's marks", () => {
  it("find an item's change and a change's item", () => {
    const map = mapWith([mark("s1", 0, "added"), mark("ghost:s2", 3, "removed")]);
    expect(marksById(map).get("ghost:s2")?.change).toBe(3);
    expect(marksById(map).get("s2")).toBeUndefined();
    expect(idsByChange(map).get(0)).toBe("s1");
    expect(idsByChange(map).get(1)).toBeUndefined();
  });
});

describe("liveItemOf", () => {
  const journey = { kind: "journey" as const, id: "j1" };
  const snapshot = { kind: "snapshot" as const, id: "snap" };
  it("is B's item when B is a journey now", () => {
    expect(liveItemOf(change({}), snapshot, journey)).toEqual({ journeyId: "j1", id: "b" });
  });
  it("is A's item when only A is a journey now", () => {
    expect(liveItemOf(change({}), journey, snapshot)).toEqual({ journeyId: "j1", id: "a" });
  });
  it("is none for an item removed from the journey now", () => {
    expect(liveItemOf(change({ status: "removed", b_id: null }), snapshot, journey)).toBeNull();
  });
});
