import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createSettleTimer } from "./settle";

describe("createSettleTimer", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("runs once, a pause after the last of a burst of requests", () => {
    const run = vi.fn();
    const t = createSettleTimer(250, run);
    t.request();
    vi.advanceTimersByTime(200);
    t.request();
    vi.advanceTimersByTime(200);
    expect(run).not.toHaveBeenCalled();
    expect(t.waiting()).toBe(true);
    vi.advanceTimersByTime(50);
    expect(run).toHaveBeenCalledTimes(1);
    expect(t.waiting()).toBe(false);
  });

  it("waits on while the user is busy, and activity alone asks for nothing", () => {
    const run = vi.fn();
    const t = createSettleTimer(250, run);
    t.postpone();
    vi.advanceTimersByTime(1000);
    expect(run).not.toHaveBeenCalled();
    t.request();
    for (let i = 0; i < 10; i++) {
      vi.advanceTimersByTime(100);
      t.postpone();
    }
    expect(run).not.toHaveBeenCalled();
    vi.advanceTimersByTime(250);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it("runs a waiting run at once when flushed, and only then", () => {
    const run = vi.fn();
    const t = createSettleTimer(250, run);
    t.flush();
    expect(run).not.toHaveBeenCalled();
    t.request();
    t.flush();
    expect(run).toHaveBeenCalledTimes(1);
    expect(t.waiting()).toBe(false);
    vi.advanceTimersByTime(1000);
    expect(run).toHaveBeenCalledTimes(1);
  });
});
