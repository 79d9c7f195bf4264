import { describe, expect, it } from "vitest";
import { isGap, responseEdit, scoreEdit, targetEdit, typedNumber } from "./measureEdits";
import type { MetricEntries } from "../lib/types";

const subject = { kind: "step" as const, id: "s1" };
function entries(target: number | null): MetricEntries {
  return {
    metric: { id: "m1", name: "CSAT", kind: "csat", scale_min: 1, scale_max: 5, direction: "higher_is_better", position: 0 },
    score_min: 0,
    score_max: 100,
    target: target === null ? null : { id: "t1", subject, metric_id: "m1", value: target },
    scores: [],
    responses: [],
    response_count: 0,
  };
}

describe("measure edits", () => {
  it("reads typed numbers, with a decimal comma, and refuses text", () => {
    expect(typedNumber(" 72,5 ")).toBe(72.5);
    expect(typedNumber("-20")).toBe(-20);
    expect(typedNumber("")).toBeNull();
    expect(typedNumber("eighty")).toBeNull();
  });
  it("sets, changes and clears a target with one edit each, and nothing when unchanged", () => {
    expect(targetEdit(entries(null), subject, 80, "new")).toEqual({ op: "create_target", target: { id: "new", subject, metric_id: "m1", value: 80 } });
    expect(targetEdit(entries(80), subject, 85, "")).toEqual({ op: "update_target", target: { id: "t1", subject, metric_id: "m1", value: 85 } });
    expect(targetEdit(entries(80), subject, null, "")).toEqual({ op: "delete_target", id: "t1" });
    expect(targetEdit(entries(80), subject, 80, "")).toBeNull();
    expect(targetEdit(entries(null), subject, null, "")).toBeNull();
  });
  it("builds a typed score, or names the field that holds no number or date", () => {
    const form = { metricId: "m1", value: "72", sampleSize: "40", periodStart: "2026-09-01", periodEnd: "2026-09-30", source: "Q3" };
    const edit = scoreEdit(subject, form, "sc");
    expect(edit).toEqual({ op: "create_score", score: { id: "sc", subject, metric_id: "m1", value: 72, sample_size: 40, period_start: "2026-09-01", period_end: "2026-09-30", source: "Q3" } });
    const gap = scoreEdit(subject, { ...form, sampleSize: "4.5" }, "sc");
    expect(isGap(gap) && gap.field).toBe("sample_size");
    const noDate = scoreEdit(subject, { ...form, periodEnd: "" }, "sc");
    expect(isGap(noDate) && noDate.field).toBe("period_end");
  });
  it("builds one typed response, an empty comment being none", () => {
    expect(responseEdit(subject, { metricId: "m1", value: "4", date: "2026-11-02", comment: "  " }, "r")).toEqual({
      op: "add_responses",
      responses: [{ id: "r", subject, metric_id: "m1", value: 4, date: "2026-11-02", respondent: null, comment: null }],
    });
    const gap = responseEdit(subject, { metricId: "m1", value: "x", date: "2026-11-02", comment: "" }, "r");
    expect(isGap(gap) && gap.field).toBe("value");
  });
});
