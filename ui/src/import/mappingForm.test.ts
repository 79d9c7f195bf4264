import { describe, expect, it } from "vitest";
import { badLabels, editLabel, needsMapping, withSelectedTarget, presetOf, readableMapping, switchSource, valueColumnChoices, withOffer, withPreset } from "./mappingForm";
import { targetChoices } from "./targets";
import type { MapModel, PresetChoice, SavedOffer, SurveyMapping } from "../bindings";

const mapping = (over: Partial<SurveyMapping> = {}): SurveyMapping => ({
  skip_rows: 0,
  target: { kind: "fixed", text: "step-1" },
  metric: { kind: "fixed", text: "NPS" },
  value_column: "Q1",
  date_column: "Date",
  date_format: "iso",
  respondent_column: null,
  comment_column: "Q3",
  labels: [{ label: "Very satisfied", value: 5 }],
  ...over,
});

const qualtrics: PresetChoice = {
  preset: "qualtrics",
  label: "Qualtrics",
  mapping: mapping({ skip_rows: 2, date_column: "StartDate", respondent_column: "ResponseId", target: { kind: "fixed", text: "" }, comment_column: null }),
};

describe("the mapping step's form", () => {
  it("lists the rating columns first, the others after", () => {
    expect(valueColumnChoices(["StartDate", "Q1", "Q2", "Q3"], ["Q2", "Q1"])).toEqual({ ratings: ["Q1", "Q2"], others: ["StartDate", "Q3"] });
  });
  it("takes a preset's own columns and keeps the user's question, target, metric and comment", () => {
    const next = withPreset(mapping(), qualtrics);
    expect(next).toMatchObject({ skip_rows: 2, date_column: "StartDate", respondent_column: "ResponseId" });
    expect(next).toMatchObject({ value_column: "Q1", target: { text: "step-1" }, metric: { text: "NPS" }, comment_column: "Q3" });
    expect(presetOf(next, [qualtrics])?.preset).toBe("qualtrics");
    expect(presetOf(mapping(), [qualtrics])).toBeNull();
  });
  it("replaces the whole form with a saved mapping, as a copy", () => {
    const offer: SavedOffer = { id: "m1", name: "Post-call IVR survey", exact: true, missing_columns: [], mapping: mapping({ value_column: "Q9" }), sheet: "Form1" };
    const picked = withOffer(offer);
    expect(picked).toEqual({ mapping: offer.mapping, sheet: "Form1" });
    picked.mapping.labels.push({ label: "x", value: 1 });
    expect(offer.mapping.labels).toHaveLength(1);
  });
  it("starts a switched source empty and keeps an unswitched one", () => {
    expect(switchSource({ kind: "fixed", text: "NPS" }, "column")).toEqual({ kind: "column", text: "" });
    expect(switchSource({ kind: "fixed", text: "NPS" }, "fixed")).toEqual({ kind: "fixed", text: "NPS" });
  });
  it("flags labels being typed and leaves them out of the preview's mapping", () => {
    let labels = editLabel(mapping().labels, 0, { value: "4.5" });
    expect(labels[0].value).toBe(4.5);
    labels = [...labels, { label: "", value: 3 }, { label: "Meh", value: NaN }];
    labels = editLabel(labels, 2, { value: "" });
    expect([...badLabels(labels)]).toEqual([1, 2]);
    expect(readableMapping(mapping({ labels })).labels).toEqual([{ label: "Very satisfied", value: 4.5 }]);
  });
  it("takes the selected card as the target only when none is chosen", () => {
    const none = mapping({ target: { kind: "fixed", text: "" } });
    expect(withSelectedTarget(none, "card-9").target).toEqual({ kind: "fixed", text: "card-9" });
    expect(withSelectedTarget(none, null)).toBe(none);
    expect(withSelectedTarget(mapping(), "card-9").target.text).toBe("step-1");
    expect(withSelectedTarget(mapping({ target: { kind: "column", text: "" } }), "card-9").target.kind).toBe("column");
  });
  it("opens the step for a file without Baton's columns or read through a mapping", () => {
    expect(needsMapping({ problem: null, reading: { mapping: null, sheet: null } })).toBe(false);
    expect(needsMapping({ problem: "the header lacks value", reading: { mapping: null, sheet: null } })).toBe(true);
    expect(needsMapping({ problem: null, reading: { mapping: mapping(), sheet: null } })).toBe(true);
  });
});

describe("the target drop-down", () => {
  it("lists the steps in reading order, named by stage and lane", () => {
    const model = {
      stages: [
        { id: "s2", name: "Fix", position: 1 },
        { id: "s1", name: "Notice", position: 0 },
      ],
      lanes: [
        { id: "l1", name: "Maya", position: 0 },
        { id: "l2", name: "Agent", position: 1 },
      ],
      steps: [
        { id: "c", stage_id: "s2", lane_id: "l1", position: 0, title: "Waits" },
        { id: "b", stage_id: "s1", lane_id: "l2", position: 0, title: "Answers" },
        { id: "a", stage_id: "s1", lane_id: "l1", position: 0, title: "Calls" },
      ],
    } as unknown as MapModel;
    expect(targetChoices(model)).toEqual([
      { id: "a", label: "Notice · Maya · Calls" },
      { id: "b", label: "Notice · Agent · Answers" },
      { id: "c", label: "Fix · Maya · Waits" },
    ]);
    expect(targetChoices(null)).toEqual([]);
  });
});
