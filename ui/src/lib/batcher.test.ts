import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createBatcher, TYPING_DELAY_MS } from "./batcher";

describe("typing batcher", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("gathers keystrokes into one commit after a pause", () => {
    const commits: [string, object][] = [];
    const b = createBatcher<{ title?: string; notes?: string }>((k, p) => commits.push([k, p]));
    b.push("s1", { title: "C" });
    vi.advanceTimersByTime(100);
    b.push("s1", { title: "Ca" });
    vi.advanceTimersByTime(100);
    b.push("s1", { notes: "n" });
    b.push("s1", { title: "Cal" });
    vi.advanceTimersByTime(TYPING_DELAY_MS - 1);
    expect(commits).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(commits).toEqual([["s1", { title: "Cal", notes: "n" }]]);
  });

  it("commits the previous entity at once when another one is typed into", () => {
    const commits: string[] = [];
    const b = createBatcher<{ title?: string }>((k) => commits.push(k));
    b.push("a", { title: "x" });
    b.push("b", { title: "y" });
    expect(commits).toEqual(["a"]);
    b.flush();
    expect(commits).toEqual(["a", "b"]);
    b.flush();
    expect(commits).toEqual(["a", "b"]);
  });

  it("forgets pending typing on cancel", () => {
    const commits: string[] = [];
    const b = createBatcher<{ title?: string }>((k) => commits.push(k));
    b.push("a", { title: "x" });
    b.cancel();
    vi.advanceTimersByTime(TYPING_DELAY_MS * 2);
    expect(commits).toEqual([]);
    expect(b.pendingKey()).toBeNull();
  });
});
