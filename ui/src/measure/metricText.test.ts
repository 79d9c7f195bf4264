import { describe, expect, it } from "vitest";
import { deleteSentence, describeMetric } from "./metricText";
import type { Metric } from "../lib/types";

const uses = (targets: number, scores: number, responses: number, initiatives: number) => ({ metric_id: "m", targets, scores, responses, initiatives });

describe("the Metrics dialog's words", () => {
  it("says every count Rust gave before a delete, and nothing when nothing uses the metric", () => {
    expect(deleteSentence("NPS", uses(1, 3, 1200, 1))).toBe(
      "Deleting NPS also deletes 1 target, 3 entered scores and 1,200 survey responses, and clears 1 initiative's expected effect. Undo brings them back.",
    );
    expect(deleteSentence("Effort", uses(0, 0, 2, 0))).toBe("Deleting Effort also deletes 2 survey responses. Undo brings them back.");
    expect(deleteSentence("Effort", uses(0, 0, 0, 2))).toBe("Deleting Effort clears 2 initiatives' expected effects. Undo brings them back.");
    expect(deleteSentence("CES", uses(0, 0, 0, 0))).toBe("Nothing else uses CES.");
  });
  it("tells a custom metric's scale and direction, and a built-in's formula", () => {
    const m: Metric = { id: "x", name: "Effort", kind: "custom", scale_min: 1, scale_max: 10, direction: "lower_is_better", position: 3 };
    expect(describeMetric(m)).toBe("custom: mean answer, answers 1 to 10, lower is better");
    expect(describeMetric({ ...m, kind: "nps", scale_min: 0 })).toBe("built-in: % promoters minus % detractors, answers 0 to 10");
  });
});
