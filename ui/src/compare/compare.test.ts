import { describe, expect, it } from "vitest";
import type { Comparison, FigureChange, ItemChange, Journey, SnapshotInfo } from "../bindings";
import { changeDetails, changeTitle, defaultPair, figureTone, formatDifference, formatFigure, measureLines, versionChoices } from "./compare";

const journey = (id: string, over: Partial<Journey> = {}): Journey => ({
  id,
  name: `Journey ${id}`,
  description: "",
  persona_id: null,
  state: "current",
  origin_id: null,
  position: 0,
  ...over,
});

const snapshot = (id: string, journeyId: string, name: string): SnapshotInfo => ({ id, journey_id: journeyId, name, created_at: "2026-12-06T12:00:00Z" });

const figure = (over: Partial<FigureChange>): FigureChange => ({ key: "mean_friction", label: "Mean friction", a: 85, b: 60, difference: -25, better: "lower", ...over });

const change = (over: Partial<ItemChange>): ItemChange => ({ kind: "step", status: "kept", a_id: "a", b_id: "b", name: "Block the card", fields: [], moved: null, ...over });

describe("versionChoices", () => {
  it("offers the journey now, its related journeys, then its own snapshots", () => {
    const current = journey("j1");
    const future = journey("j2", { state: "future", origin_id: "j1", name: "Lost card (future)" });
    const unrelated = journey("j3");
    const choices = versionChoices(current, [current, future, unrelated], [snapshot("s1", "j1", "Before"), snapshot("s2", "j3", "Other's")]);
    expect(choices.map((c) => c.label)).toEqual(["Now: Journey j1 (current state)", "Now: Lost card (future)", "Snapshot: Before"]);
    expect(choices.map((c) => c.key)).toEqual(["journey:j1", "journey:j2", "snapshot:s1"]);
  });

  it("offers a future state's current state too", () => {
    const current = journey("j1");
    const future = journey("j2", { state: "future", origin_id: "j1" });
    const choices = versionChoices(future, [current, future], []);
    expect(choices.map((c) => c.key)).toEqual(["journey:j2", "journey:j1"]);
    expect(choices.map((c) => c.label)).toEqual(["Now: Journey j2 (future state)", "Now: Journey j1 (current state)"]);
  });

  it("never says a journey's state twice", () => {
    const future = journey("j2", { state: "future", origin_id: "j1", name: "Lost card (future)" });
    expect(versionChoices(future, [future], [])[0].label).toBe("Now: Lost card (future)");
  });
});

describe("defaultPair", () => {
  it("is the latest snapshot against the journey now", () => {
    const current = journey("j1");
    const pair = defaultPair(versionChoices(current, [current], [snapshot("s1", "j1", "Old"), snapshot("s2", "j1", "New")]), false);
    expect(pair?.map((c) => c.key)).toEqual(["snapshot:s2", "journey:j1"]);
  });

  it("is the current state against the future state without snapshots, and none with nothing to compare", () => {
    const current = journey("j1");
    const future = journey("j2", { origin_id: "j1", state: "future" });
    expect(defaultPair(versionChoices(current, [current, future], []), false)?.map((c) => c.key)).toEqual(["journey:j1", "journey:j2"]);
    expect(defaultPair(versionChoices(future, [current, future], []), true)?.map((c) => c.key)).toEqual(["journey:j1", "journey:j2"]);
    expect(defaultPair(versionChoices(current, [current], []), false)).toBeNull();
  });
});

describe("figures", () => {
  it("judge a difference by the way the figure is better", () => {
    expect(figureTone(figure({}))).toBe("better");
    expect(figureTone(figure({ difference: 5 }))).toBe("worse");
    expect(figureTone(figure({ better: "higher", difference: 5 }))).toBe("better");
    expect(figureTone(figure({ difference: 0 }))).toBe("same");
    expect(figureTone(figure({ difference: null }))).toBe("same");
    expect(figureTone(figure({ better: "neither", difference: -1 }))).toBe("neutral");
  });

  it("read as percentages, one decimal or whole numbers, with signed differences", () => {
    expect(formatFigure("blind_share", 0.5)).toBe("50 %");
    expect(formatFigure("mean_friction", 72.333)).toBe("72.3");
    expect(formatFigure("steps", 12)).toBe("12");
    expect(formatFigure("mean_friction", null)).toBe("–");
    expect(formatDifference("mean_friction", -25)).toBe("−25");
    expect(formatDifference("blind_share", 0.25)).toBe("+25 %");
    expect(formatDifference("steps", 0)).toBe("0");
    expect(formatDifference("steps", null)).toBe("");
  });
});

describe("changes", () => {
  it("say what happened and list the fields with their old and new values", () => {
    expect(changeTitle(change({ status: "removed", a_id: "a", b_id: null }))).toBe("Card removed");
    expect(changeTitle(change({ kind: "handoff", fields: [{ field: "mode", before: "blind", after: "assisted" }] }))).toBe("Handoff changed");
    const both = change({
      fields: [{ field: "wait_minutes", before: "", after: "30" }],
      moved: { from_stage: "Call", from_lane: "Agent", to_stage: "Resolve", to_lane: "Cards" },
    });
    expect(changeTitle(both)).toBe("Card changed and moved");
    expect(changeDetails(both)).toEqual(["wait minutes: (none) → 30", "moved: Call / Agent → Resolve / Cards"]);
  });
});

describe("measureLines", () => {
  const reading = (latest: number | null, target: number | null) => ({ latest, target, gap: latest !== null && target !== null ? latest - target : null });
  const comparison = {
    handoffs: [{ a_id: "h1", b_id: "h1", name: "A → B", a: 80, b: 55, difference: -25 }],
    touchpoints: [
      { a_id: "s1", b_id: "s1", title: "Calls", metric_id: "m1", a: reading(62, 75), b: reading(70.5, 75) },
      { a_id: "s1", b_id: "s1", title: "Calls", metric_id: "m2", a: null, b: reading(null, 8) },
    ],
  } as unknown as Comparison;
  const name = (id: string) => ({ m1: "CSAT", m2: "CES" })[id] ?? id;

  it("gives a changed handoff's friction before and after", () => {
    expect(measureLines(comparison, change({ kind: "handoff", a_id: "h1", b_id: "h1" }), name)).toEqual(["friction: 80 → 55"]);
  });

  it("gives a changed touchpoint's score against target per metric", () => {
    expect(measureLines(comparison, change({ a_id: "s1", b_id: "s1" }), name)).toEqual(["CSAT: 62 (target 75) → 70.5 (target 75)", "CES: none → no score (target 8)"]);
  });

  it("gives nothing for an item Rust measured no difference on, an added or a removed one", () => {
    expect(measureLines(comparison, change({ kind: "handoff", a_id: "h2", b_id: "h2" }), name)).toEqual([]);
    expect(measureLines(comparison, change({ status: "added", a_id: null, b_id: "s1" }), name)).toEqual([]);
    expect(measureLines(comparison, change({ status: "removed", a_id: "s1", b_id: null }), name)).toEqual([]);
  });
});
