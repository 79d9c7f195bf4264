import { describe, expect, it } from "vitest";
import {
  badgesFor,
  chainMarks,
  chartGeometry,
  evidenceOf,
  formatGap,
  formatScore,
  frictionBand,
  frictionStroke,
  insightsPanelState,
  isEmptyInsights,
  statusColourVar,
  summaryRows,
  toggleEvidence,
} from "./insights";
import { applyInsightsUpdate } from "./insightsPatch";
import { StalePatch } from "./viewPatch";
import type { JourneyInsights, MetricScores, ScorePoint, Suggestion, Summary } from "./types";

function point(label: string, value: number, sample = 10): ScorePoint {
  return { period: { start: "2026-01-01", end: "2026-01-31", label }, value, sample_size: sample, origin: { type: "responses" } };
}

function metric(over: Partial<MetricScores> = {}): MetricScores {
  const series = over.series ?? [point("2026-10", 50), point("2026-11", 75)];
  return {
    metric_id: "csat",
    metric_name: "CSAT",
    metric_kind: "csat",
    direction: "higher_is_better",
    score_min: 0,
    score_max: 100,
    latest: series[series.length - 1] ?? null,
    target: 80,
    gap: -5,
    normalised_gap: -0.05,
    status: "near",
    series,
    verbatims: [],
    verbatim_count: 0,
    ...over,
  };
}

const summary: Summary = {
  steps: 9, handoffs: 4, customer_visible_handoffs: 3, touchpoints: 5, parties: 3, blind_handoffs: 2, assisted_handoffs: 1,
  automated_handoffs: 1, blind_share: 2 / 3, reverifications: 2, retellings: 2, flagged_chains: 1, longest_chain: 3,
  mean_friction: 41.5, max_friction: 85,
};

function insights(over: { chains?: JourneyInsights["analysis"]["chains"]; handoffs?: number; subjects?: number } = {}): JourneyInsights {
  return {
    journey_id: "j",
    revision: 3,
    scores: {
      journey_id: "j",
      granularity: "month",
      subjects: Array.from({ length: over.subjects ?? 0 }, (_, i) => ({ subject: { kind: "step", id: `s${i}` }, metrics: [metric()] })),
    },
    analysis: {
      summary: { ...summary, handoffs: over.handoffs ?? summary.handoffs },
      handoffs: [],
      chains: over.chains ?? [],
      crossings: { department: 2, sourcing: 1, automation: 1, total: 4 },
      hotspots: { handoffs: [], touchpoints: [] },
      suggestions: [],
    },
  };
}

describe("status colours and formats", () => {
  it("maps each status to its token", () => {
    expect(statusColourVar("meets")).toBe("var(--score-meets)");
    expect(statusColourVar("near")).toBe("var(--score-near)");
    expect(statusColourVar("misses")).toBe("var(--score-misses)");
    expect(statusColourVar("no_target")).toBe("var(--score-none)");
    expect(statusColourVar("no_score")).toBe("var(--score-none)");
  });

  it("formats scores by metric kind", () => {
    expect(formatScore("csat", 66.4)).toBe("66%");
    expect(formatScore("nps", 12.4)).toBe("+12");
    expect(formatScore("nps", -30)).toBe("−30");
    expect(formatScore("nps", 0)).toBe("0");
    expect(formatScore("ces", 5.25)).toBe("5.3");
    expect(formatScore("custom", 4)).toBe("4.0");
    expect(formatScore("csat", null)).toBe("–");
    expect(formatGap("csat", -12.2)).toBe("−12 pts");
    expect(formatGap("ces", 0.34)).toBe("+0.3");
    expect(formatGap("nps", 0)).toBe("±0 pts");
  });
});

describe("badges", () => {
  it("shows scored metrics that fit, at least one", () => {
    const nps = metric({ metric_id: "nps", metric_name: "NPS", metric_kind: "nps", latest: point("2026-11", -20), status: "misses" });
    const unscored = metric({ metric_id: "ces", metric_kind: "ces", latest: null, status: "no_score" });
    const both = badgesFor([metric(), unscored, nps], 200);
    expect(both.map((b) => [b.label, b.status])).toEqual([["CSAT 75%", "near"], ["NPS −20", "misses"]]);
    // "CSAT 75%" is 8 characters: ceil(8 * 6.6 + 12) = 65.
    expect(both[0].width).toBe(65);
    // Room for one only: the first stays even when it alone is wider than the room.
    expect(badgesFor([metric(), nps], 100).length).toBe(1);
    expect(badgesFor([metric()], 10).length).toBe(1);
    expect(badgesFor(undefined, 100)).toEqual([]);
    // Compact: the value alone, "75%" -> ceil(3 * 6.6 + 12) = 32.
    const compact = badgesFor([metric()], 0, true);
    expect([compact[0].label, compact[0].width]).toEqual(["75%", 32]);
    expect(compact[0].title).toContain("CSAT");
  });
});

describe("chart geometry", () => {
  it("scales values and target into the box, padded and inside the score range", () => {
    // Values 50, 75 and target 80: spread 30, margin max(3, 5) = 5 -> domain 45..85.
    const g = chartGeometry(metric(), 220, 100, 10);
    expect(g.domain).toEqual([45, 85]);
    // x: first at the left pad, last at the right pad.
    expect(g.points.map((p) => p.x)).toEqual([10, 210]);
    // y: 50 is 5/40 up the 80 px inner height -> 10 + 80 * (1 - 0.125) = 80; 75 -> 10 + 80 * 0.25 = 30.
    expect(g.points.map((p) => p.y)).toEqual([80, 30]);
    // target 80 -> 10 + 80 * (1 - 35/40) = 20.
    expect(g.targetY).toBe(20);
    expect(g.path).toBe("M10 80 L210 30");
    expect(g.ticks.map((t) => t.value)).toEqual([45, 65, 85]);
  });

  it("keeps the domain within the metric's range", () => {
    const g = chartGeometry(metric({ series: [point("a", 98), point("b", 100)], target: 95 }), 220, 100, 10);
    // 95..100, margin max(0.5, 5) = 5 -> 90..105, capped at 100.
    expect(g.domain).toEqual([90, 100]);
  });

  it("centres a single point and survives a flat series without a target", () => {
    const g = chartGeometry(metric({ series: [point("a", 4)], target: null, score_min: 1, score_max: 7 }), 200, 100, 10);
    expect(g.points[0].x).toBe(100);
    expect(g.targetY).toBeNull();
    // 4 with margin max(0, 0.3) -> 3.7..4.3.
    expect(g.domain[0]).toBeCloseTo(3.7);
    expect(g.domain[1]).toBeCloseTo(4.3);
    expect(g.points[0].y).toBeCloseTo(50);
  });

  it("draws no line without points", () => {
    const g = chartGeometry(metric({ series: [], latest: null }), 200, 100, 10);
    expect(g.points).toEqual([]);
    expect(g.path).toBe("");
    expect(g.targetY).not.toBeNull();
  });
});

describe("friction view", () => {
  it("bands and strokes by score", () => {
    expect([0, 1, 29, 30, 59, 60, 100].map(frictionBand)).toEqual(["none", "low", "low", "medium", "medium", "high", "high"]);
    expect(frictionStroke(0)).toEqual({ width: 1.5, colour: "var(--friction-none)", band: "none" });
    expect(frictionStroke(50).width).toBe(4.5);
    expect(frictionStroke(100).width).toBe(7.5);
    expect(frictionStroke(140).width).toBe(7.5);
  });
});

describe("chains and evidence", () => {
  it("numbers flagged chains and places each handoff in its chain", () => {
    const marks = chainMarks(
      insights({
        chains: [
          { handoff_ids: ["h1"], flagged: false, flag_at_handoff_id: null },
          { handoff_ids: ["h2", "h3", "h4"], flagged: true, flag_at_handoff_id: "h3" },
          { handoff_ids: ["h5", "h6"], flagged: true, flag_at_handoff_id: "h6" },
        ],
      }).analysis.chains,
    );
    expect(marks.has("h1")).toBe(false);
    expect(marks.get("h2")).toEqual({ chain: 1, place: 1, length: 3, flagHere: false });
    expect(marks.get("h3")).toEqual({ chain: 1, place: 2, length: 3, flagHere: true });
    expect(marks.get("h6")).toEqual({ chain: 2, place: 2, length: 2, flagHere: true });
    expect(chainMarks(undefined).size).toBe(0);
  });

  it("highlights a suggestion's steps, handoffs and stages, and toggles off on a second click", () => {
    const s: Suggestion = {
      key: "blind_to_assisted:h2", rule: "blind_to_assisted", reason: "r", seeds: ["004"], sources: ["Are You Missing an Easy Customer Service Opportunity with the Handoff?"],
      step_ids: ["a", "b"], handoff_ids: ["h2"], stage_ids: ["st"], metric_ids: ["csat"],
    };
    const e = evidenceOf(s);
    expect([...e.ids].sort()).toEqual(["a", "b", "h2", "st"]);
    expect(toggleEvidence(null, e)).toBe(e);
    expect(toggleEvidence(e, evidenceOf(s))).toBeNull();
    const other = { key: "x", ids: new Set(["c"]) };
    expect(toggleEvidence(e, other)).toBe(other);
  });
});

describe("summary", () => {
  it("gives every headline number a sentence and flags the worrying ones", () => {
    const rows = summaryRows(summary, { department: 2, sourcing: 1, automation: 1, total: 4 });
    const byKey = Object.fromEntries(rows.map((r) => [r.key, r]));
    expect(rows.every((r) => r.sentence.length > 10)).toBe(true);
    expect(byKey.blind_share.value).toBe("67%");
    expect(byKey.friction.value).toBe("42 / 85");
    expect(byKey.friction.alert).toBe(true);
    expect(byKey.chains.sentence).toContain("longest: 3");
    expect(byKey.handoffs.alert).toBe(false);
    const calm = summaryRows({ ...summary, blind_share: null, parties: 1, mean_friction: null, max_friction: 0 }, { department: 0, sourcing: 0, automation: 0, total: 0 });
    const calmByKey = Object.fromEntries(calm.map((r) => [r.key, r]));
    expect([calmByKey.blind_share.value, calmByKey.friction.value]).toEqual(["–", "–"]);
    expect(calmByKey.parties.alert).toBe(false);
  });

  it("says how to mark a touchpoint when there is none", () => {
    const none = summaryRows({ ...summary, touchpoints: 0 }, { department: 0, sourcing: 0, automation: 0, total: 0 });
    const row = none.find((r) => r.key === "touchpoints");
    expect(row?.alert).toBe(true);
    expect(row?.sentence).toContain("press T");
    expect(row?.sentence).toContain("touchpoint channel in the inspector");
    const some = summaryRows(summary, { department: 0, sourcing: 0, automation: 0, total: 0 }).find((r) => r.key === "touchpoints");
    expect(some?.sentence).not.toContain("press T");
  });

  it("the panel shows a loading state, not the empty state, while insights are computed", () => {
    const empty = insights({ handoffs: 0 });
    const some = insights({ handoffs: 2 });
    expect(insightsPanelState(null, true, false)).toBe("loading");
    // Empty insights that predate the last change (a journey just given its handoffs).
    expect(insightsPanelState(empty, true, false)).toBe("loading");
    expect(insightsPanelState(empty, false, false)).toBe("empty");
    // Insights with content stay on screen while fresh ones are computed.
    expect(insightsPanelState(some, true, false)).toBe("shown");
    expect(insightsPanelState(some, false, true)).toBe("error");
  });

  it("is empty without handoffs and readings", () => {
    expect(isEmptyInsights(insights({ handoffs: 0 }))).toBe(true);
    expect(isEmptyInsights(insights({ handoffs: 0, subjects: 1 }))).toBe(false);
    expect(isEmptyInsights(insights({ handoffs: 2 }))).toBe(false);
  });
});

describe("applyInsightsUpdate", () => {
  const empty = { upserts: [], removed: [], inserted: [] };

  it("takes whole insights as they are and refuses a patch when none are held", () => {
    const whole = insights({ subjects: 2 });
    expect(applyInsightsUpdate(null, { kind: "full", token: 1, insights: whole })).toBe(whole);
    expect(() => applyInsightsUpdate(null, { kind: "patch", token: 2, patch: {} as never })).toThrow(StalePatch);
  });

  it("patches the changed readings and keeps what did not change", () => {
    const held = insights({ subjects: 3, chains: [{ handoff_ids: ["h1", "h2"], flagged: true, flag_at_handoff_id: "h2" }] });
    const worse = { subject: { kind: "step" as const, id: "s1" }, metrics: [metric({ status: "misses", gap: -30 })] };
    const next = applyInsightsUpdate(held, {
      kind: "patch",
      token: 5,
      patch: {
        base: 4,
        revision: 9,
        summary: { ...held.analysis.summary, flagged_chains: 0 },
        crossings: held.analysis.crossings,
        handoffs: empty,
        chains: [],
        hotspots: null,
        suggestions: empty,
        granularity: "month",
        subjects: { upserts: [worse], removed: ["s2"], inserted: [] },
      },
    });
    expect(next.revision).toBe(9);
    expect(next.analysis.summary.flagged_chains).toBe(0);
    expect(next.analysis.chains).toEqual([]);
    // Null: the hotspots are as they were, the same object (nothing that reads them re-derives).
    expect(next.analysis.hotspots).toBe(held.analysis.hotspots);
    expect(next.analysis.suggestions).toBe(held.analysis.suggestions);
    expect(next.scores.subjects.map((s) => s.subject.id)).toEqual(["s0", "s1"]);
    expect(next.scores.subjects[0]).toBe(held.scores.subjects[0]);
    expect(next.scores.subjects[1].metrics[0].status).toBe("misses");
  });
});
