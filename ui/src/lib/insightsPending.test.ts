// `app.insightsPending`: true from a change until the insights computed after it arrive, so the
// insights panel can say it is analysing instead of showing insights that predate the change.
// Run against the fake shell (src/dev/fake.ts), which analyses its own copy of the file.
import { describe, expect, it } from "vitest";
import { api, setApi } from "./api";
import { createFakeApi } from "../dev/fake";
import { updateStep } from "./edits";
import { app } from "./state.svelte";

async function until(done: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !done(); i++) await new Promise((r) => setTimeout(r, 10));
  if (!done()) throw new Error("timed out");
}

describe("insights pending", () => {
  it("is pending from a journey's opening and after each edit until its insights arrive", async () => {
    setApi(createFakeApi(new URLSearchParams("demo=demo")));
    await app.open(() => api().openDemo());
    expect(app.insights).toBeNull();
    expect(app.insightsPending).toBe(true);
    await until(() => !app.insightsPending);
    const first = app.insights;
    expect(first?.journey_id).toBe(app.journeyId);

    const step = app.view?.model.steps.find((s) => s.emotion === null);
    if (!step) throw new Error("the demo has no card");
    await app.apply(updateStep(step, { title: "Renamed" }));
    // The insights shown are still those from before the edit: pending until the fresh ones land.
    expect(app.insightsPending).toBe(true);
    expect(app.insights).toBe(first);
    await until(() => !app.insightsPending);
    expect(app.insights).not.toBe(first);
    await app.close();
  });
});
