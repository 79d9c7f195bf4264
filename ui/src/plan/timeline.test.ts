import { describe, expect, it } from "vitest";
import { at, dayNumber, spanOf } from "./timeline";

describe("timeline scale", () => {
  it("reads ISO days and refuses anything else", () => {
    expect(dayNumber("1970-01-02")).toBe(1);
    expect(dayNumber("not a date")).toBeNull();
  });
  it("spans every date and today, at least a week wide", () => {
    const s = spanOf([dayNumber("2027-01-01"), null, dayNumber("2027-03-01")], dayNumber("2026-12-06")!);
    expect(at(s, dayNumber("2026-12-06")!)).toBe(0);
    expect(at(s, dayNumber("2027-03-01")!)).toBe(100);
    const lone = spanOf([], 100);
    expect(lone).toEqual({ first: 100, last: 107 });
  });
});
