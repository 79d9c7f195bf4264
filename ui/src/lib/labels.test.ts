import { describe, expect, it } from "vitest";
import { laneColourVar } from "./labels";
import type { Lane } from "./types";

const lane = (kind: Lane["kind"], visibility: Lane["visibility"] = null): Lane => ({
  id: "l", journey_id: "j", name: "n", kind, position: 0, department: null, sourcing: null, work: null, visibility, origin_id: null,
});

describe("lane colours", () => {
  it("colours actor lanes by visibility, frontstage when unset", () => {
    expect(laneColourVar(lane("actor", "backstage"))).toBe("var(--lane-backstage)");
    expect(laneColourVar(lane("actor", "support"))).toBe("var(--lane-support)");
    expect(laneColourVar(lane("actor"))).toBe("var(--lane-frontstage)");
  });
  it("colours other lanes by kind", () => {
    expect(laneColourVar(lane("customer"))).toBe("var(--lane-customer)");
    expect(laneColourVar(lane("pains"))).toBe("var(--lane-pains)");
  });
});
