import { describe, expect, it } from "vitest";
import { applyList, StalePatch } from "./viewPatch";
import type { ListPatch } from "./types";

type Item = { id: string; v: number };
const id = (x: Item) => x.id;
const items = (...xs: [string, number][]): Item[] => xs.map(([i, v]) => ({ id: i, v }));
const patch = (p: Partial<ListPatch<Item>>): ListPatch<Item> => ({ upserts: [], removed: [], inserted: [], ...p });

describe("applyList", () => {
  const old = items(["a", 1], ["b", 2], ["c", 3]);

  it("returns the same array when nothing changed", () => {
    expect(applyList(old, patch({}), id)).toBe(old);
  });

  it("replaces changed items in place and drops removed ones", () => {
    const next = applyList(old, patch({ upserts: items(["b", 20]), removed: ["c"] }), id);
    expect(next).toEqual(items(["a", 1], ["b", 20]));
    expect(next[0]).toBe(old[0]);
  });

  it("puts inserted and moved items at their new indices", () => {
    // "a" moves to the end, "x" is new between "b" and "c".
    const [a] = items(["a", 1]);
    const next = applyList(old, patch({ removed: ["a"], inserted: [{ index: 1, item: { id: "x", v: 9 } }, { index: 3, item: a }] }), id);
    expect(next).toEqual(items(["b", 2], ["x", 9], ["c", 3], ["a", 1]));
    expect(applyList(old, patch({ inserted: [{ index: 0, item: { id: "z", v: 0 } }] }), id).map(id)).toEqual(["z", "a", "b", "c"]);
  });

  it("refuses a patch made for another view", () => {
    expect(() => applyList(old, patch({ inserted: [{ index: 7, item: { id: "x", v: 9 } }] }), id)).toThrow(StalePatch);
    expect(() => applyList(old, patch({ removed: ["zz"] }), id)).toThrow(StalePatch);
  });
});

describe("applyViewUpdate", () => {
  it("refuses a patch when no view is held, and takes a whole view as it is", async () => {
    const { applyViewUpdate } = await import("./viewPatch");
    const view = { model: { journey: {}, stages: [], lanes: [], steps: [], handoffs: [] }, layout: null, revision: 3, can_undo: true, can_redo: false } as never;
    expect(applyViewUpdate(null, { kind: "full", token: 1, view })).toBe(view);
    expect(() => applyViewUpdate(null, { kind: "patch", token: 2, patch: {} as never })).toThrow(StalePatch);
  });
});
