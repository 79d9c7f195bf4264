import { describe, expect, it } from "vitest";
import { createLatestOnly } from "./latest";

/** A fetch whose answers the test releases by hand, in any order. */
function manualFetch() {
  const calls: { n: number; resolve: (v: number) => void; reject: (e: unknown) => void }[] = [];
  let n = 0;
  const fetch = () =>
    new Promise<number>((resolve, reject) => {
      n += 1;
      calls.push({ n, resolve, reject });
    });
  return { fetch, calls };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe("latest only", () => {
  it("delivers a lone request", async () => {
    const { fetch, calls } = manualFetch();
    const got: number[] = [];
    const l = createLatestOnly(fetch, (v) => got.push(v), () => {});
    l.request();
    calls[0].resolve(1);
    await l.idle();
    expect(got).toEqual([1]);
  });

  it("collapses a burst into one re-run and drops the stale answer", async () => {
    const { fetch, calls } = manualFetch();
    const got: number[] = [];
    const l = createLatestOnly(fetch, (v) => got.push(v), () => {});
    l.request();
    l.request();
    l.request();
    l.request();
    expect(calls.length).toBe(1);
    calls[0].resolve(1);
    await tick();
    expect(calls.length).toBe(2);
    calls[1].resolve(2);
    await l.idle();
    expect(got).toEqual([2]);
    expect(calls.length).toBe(2);
  });

  it("reports a failure only when it is the latest", async () => {
    const { fetch, calls } = manualFetch();
    const got: number[] = [];
    const errors: unknown[] = [];
    const l = createLatestOnly(fetch, (v) => got.push(v), (e) => errors.push(e));
    l.request();
    l.request();
    calls[0].reject("old failure");
    await tick();
    calls[1].reject("new failure");
    await l.idle();
    expect(errors).toEqual(["new failure"]);
    expect(got).toEqual([]);
    l.request();
    calls[2].resolve(3);
    await l.idle();
    expect(got).toEqual([3]);
  });
});
