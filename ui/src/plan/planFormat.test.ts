import { describe, expect, it } from "vitest";
import type { Progress } from "../lib/types";
import { barWidth, progressWords } from "./planFormat";

const none: Progress = {
  state: "not_measurable",
  metric_id: null,
  metric_name: null,
  direction: null,
  score_min: null,
  score_max: null,
  expected: null,
  baseline: null,
  current: null,
  percent: null,
  bar: null,
};

const point = (value: number) => ({
  period: { start: "2026-10-01", end: "2026-10-31" },
  value,
  sample_size: 12,
  origin: { kind: "computed" },
}) as unknown as NonNullable<Progress["baseline"]>;

describe("progressWords", () => {
  it("says the numbers behind the bar", () => {
    const p: Progress = { ...none, state: "improving", metric_name: "CES", expected: 5, baseline: point(3.1), current: point(4.2), percent: 57.89, bar: 57.89 };
    expect(progressWords(p)).toBe("CES 3.1 -> 4.2 of 5.0, 58 % · improving");
    expect(barWidth(p)).toBeCloseTo(57.89);
  });
  it("keeps the unclamped number in words when it went the wrong way", () => {
    const p: Progress = { ...none, state: "worse", metric_name: "CSAT", expected: 80, baseline: point(60), current: point(50), percent: -50, bar: 0 };
    expect(progressWords(p)).toBe("CSAT 60.0 -> 50.0 of 80.0, -50 % · worse");
  });
  it("says the state in words when nothing is measured yet", () => {
    expect(progressWords({ ...none, state: "awaiting_data", metric_name: "CES", expected: 4 })).toBe("CES to 4.0: awaiting data");
    expect(progressWords(none)).toBe("no expected effect");
    expect(barWidth(none)).toBeNull();
  });
});
