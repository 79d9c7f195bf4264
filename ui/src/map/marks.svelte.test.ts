import { describe, expect, it } from "vitest";
import { flushSync } from "svelte";
import { KeyedMarks } from "./marks.svelte";

describe("per-id marks", () => {
  it("answers for the ids marked, before and after they are first read", () => {
    const m = new KeyedMarks();
    m.set(["a", "b"]);
    expect(m.has("a")).toBe(true);
    expect(m.has("c")).toBe(false);
    m.set(["c"]);
    expect(m.has("a")).toBe(false);
    expect(m.has("b")).toBe(false);
    expect(m.has("c")).toBe(true);
    m.clear();
    expect(m.has("c")).toBe(false);
  });

  it("moving a mark wakes only the readers of the two ids it moved between", () => {
    const m = new KeyedMarks();
    const runs = new Map<string, number>();
    const ids = Array.from({ length: 100 }, (_, i) => `id${i}`);
    // Half the readers are effects, half read through a derived (as `{@const}` does).
    const stop = $effect.root(() => {
      ids.forEach((id, i) => {
        const marked = $derived(m.has(id));
        $effect(() => {
          if (i % 2 === 0) m.has(id);
          else void marked;
          runs.set(id, (runs.get(id) ?? 0) + 1);
        });
      });
    });
    flushSync();
    m.set(["id4"]);
    flushSync();
    m.set(["id7"]);
    flushSync();
    const woken = ids.filter((id) => (runs.get(id) ?? 0) > 1);
    expect(woken).toEqual(["id4", "id7"]);
    expect(runs.get("id4")).toBe(3);
    // Cleared (another journey opened) and marked again: the same readers are still told.
    m.clear();
    flushSync();
    m.set(["id9"]);
    flushSync();
    expect(runs.get("id9")).toBe(2);
    expect(m.has("id9")).toBe(true);
    stop();
  });
});
