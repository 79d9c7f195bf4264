import { describe, expect, it } from "vitest";
import { hiddenWords, isFiltered, NO_OWNER, NO_PLAN_FILTER, ownerChoice, withChoice } from "./planFilter";

describe("the plan's filter", () => {
  it("chooses and clears each field, All being the empty choice", () => {
    const f = withChoice(NO_PLAN_FILTER, "journey_id", "j1");
    expect(f).toEqual({ ...NO_PLAN_FILTER, journey_id: "j1" });
    expect(isFiltered(f)).toBe(true);
    expect(withChoice(f, "journey_id", "")).toEqual(NO_PLAN_FILTER);
    expect(withChoice(NO_PLAN_FILTER, "status", "done").status).toBe("done");
    expect(withChoice(NO_PLAN_FILTER, "quadrant", "money_pit").quadrant).toBe("money_pit");
    expect(isFiltered(NO_PLAN_FILTER)).toBe(false);
  });
  it("tells 'no owner' from 'any owner'", () => {
    const none = withChoice(NO_PLAN_FILTER, "owner", NO_OWNER);
    expect(none.owner).toBe("");
    expect(isFiltered(none)).toBe(true);
    expect(ownerChoice(none)).toBe(NO_OWNER);
    expect(withChoice(none, "owner", "").owner).toBeNull();
    const ops = withChoice(NO_PLAN_FILTER, "owner", "Ops");
    expect(ownerChoice(ops)).toBe("Ops");
    expect(ownerChoice(NO_PLAN_FILTER)).toBe("");
  });
  it("says how many it hides", () => {
    expect(hiddenWords(0)).toBe("none hidden");
    expect(hiddenWords(3)).toBe("3 hidden by the filter");
  });
});
