import { describe, expect, it } from "vitest";
import { findMatches, stepIndex } from "./find";
import type { Step } from "./types";

const step = (id: string, title: string, notes = ""): Step => ({
  id, journey_id: "j", stage_id: "s", lane_id: "l", position: 0, title, notes,
  touchpoint: null, verification: false, resolution: false, emotion: null, origin_id: null,
});

describe("findMatches", () => {
  const steps = [step("a", "Calls the bank"), step("b", "Agent answers"), step("c", "Waits", "on the BANK's hold music")];
  it("matches titles and notes case-insensitively, in journey order", () => {
    expect(findMatches(steps, "bank")).toEqual(["a", "c"]);
  });
  it("matches nothing for a blank query", () => {
    expect(findMatches(steps, "   ")).toEqual([]);
  });
});

describe("stepIndex", () => {
  it("wraps forwards and backwards", () => {
    expect(stepIndex(2, 3, 1)).toBe(0);
    expect(stepIndex(0, 3, -1)).toBe(2);
    expect(stepIndex(1, 3, 1)).toBe(2);
  });
  it("starts at the first or last match", () => {
    expect(stepIndex(-1, 4, 1)).toBe(0);
    expect(stepIndex(-1, 4, -1)).toBe(3);
  });
  it("has nowhere to go without matches", () => {
    expect(stepIndex(0, 0, 1)).toBe(-1);
  });
});
