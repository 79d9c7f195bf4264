import { describe, expect, it } from "vitest";
import type { ExportChoices, FormatInfo } from "../bindings";
import { formatInfo, groupedFormats, initialForm, newJobId, progressPercent, requestKey, requestOf, takes, toggledJourney, withFormat } from "./exportForm";

function format(f: Partial<FormatInfo> & Pick<FormatInfo, "format" | "group">): FormatInfo {
  return { label: f.format, description: "", extension: "x", journeys: "many", options: [], papers: [], preview: false, warning: null, ...f };
}

const choices: ExportChoices = {
  formats: [
    format({ format: "plan_pdf", group: "plan", options: ["author", "date"], papers: ["a4", "letter"], preview: true }),
    format({ format: "plan_xlsx", group: "plan", options: ["date"] }),
    format({ format: "map_png", group: "map", journeys: "one", options: ["scores", "scale"], preview: true }),
    format({ format: "map_pdf", group: "map", journeys: "one", papers: ["fit", "a4", "a3"], preview: true }),
    format({ format: "json", group: "data", journeys: "whole_file", warning: "plain text" }),
  ],
  journeys: [
    { id: "j1", name: "Lost card" },
    { id: "j2", name: "Onboarding" },
    { id: "j3", name: "Claims" },
  ],
  today: "2026-03-31",
  default_scale: 2,
  max_scale: 8,
  author_max_chars: 200,
};

describe("the export form", () => {
  it("opens on the plan report in the Plan view and on the shown journey's picture on the map", () => {
    const plan = initialForm(choices, "plan", "j2");
    expect(plan.format).toBe("plan_pdf");
    expect(plan.journeys).toEqual(["j1", "j2", "j3"]);
    expect(plan.scale).toBe(2);
    const map = initialForm(choices, "map", "j2");
    expect(map.format).toBe("map_png");
    expect(map.journey).toBe("j2");
    expect(initialForm(choices, "map", "gone").journey).toBe("j1");
    expect(initialForm({ ...choices, journeys: [] }, "map", null).format).toBe("plan_pdf");
  });

  it("keeps a page size the new format has, and takes its first one otherwise", () => {
    const f = { ...initialForm(choices, "plan", null), paper: "letter" as const };
    expect(withFormat(f, "plan_pdf", choices).paper).toBe("letter");
    expect(withFormat(f, "map_pdf", choices).paper).toBe("fit");
    expect(withFormat(f, "plan_xlsx", choices).paper).toBe("letter");
  });

  it("sends every checked journey for a plan, the one for a map, none for the whole file", () => {
    const f = { ...initialForm(choices, "map", "j3"), journeys: ["j1", "j3"] };
    expect(requestOf({ ...f, format: "plan_xlsx" }, formatInfo(choices, "plan_xlsx")).journey_ids).toEqual(["j1", "j3"]);
    expect(requestOf({ ...f, format: "map_png" }, formatInfo(choices, "map_png")).journey_ids).toEqual(["j3"]);
    const json = requestOf({ ...f, format: "json" }, formatInfo(choices, "json"));
    expect(json.journey_ids).toEqual([]);
    expect(json).toMatchObject({ format: "json", scale: 2, light_theme: true, date: "" });
  });

  it("keeps the journeys in the file's order when ticked", () => {
    const f = { ...initialForm(choices, "plan", null), journeys: ["j3"] };
    expect(toggledJourney(f, "j1", true, choices)).toEqual(["j1", "j3"]);
    expect(toggledJourney(f, "j3", false, choices)).toEqual([]);
  });

  it("lists formats by group and knows which options each takes", () => {
    expect(groupedFormats(choices).map((g) => [g.group, g.formats.length])).toEqual([
      ["plan", 2],
      ["map", 2],
      ["data", 1],
    ]);
    expect(takes(formatInfo(choices, "map_png"), "scale")).toBe(true);
    expect(takes(formatInfo(choices, "plan_pdf"), "scale")).toBe(false);
    expect(takes(null, "date")).toBe(false);
  });

  it("tells requests apart, measures progress and names jobs uniquely", () => {
    const f = initialForm(choices, "plan", null);
    const a = requestOf(f, formatInfo(choices, f.format));
    expect(requestKey(a)).toBe(requestKey({ ...a }));
    expect(requestKey(a)).not.toBe(requestKey({ ...a, author: "Dana" }));
    expect(progressPercent(null)).toBe(0);
    expect(progressPercent({ step: 1, steps: 3, label: "" })).toBe(17);
    expect(progressPercent({ step: 3, steps: 3, label: "" })).toBe(83);
    expect(progressPercent({ step: 9, steps: 3, label: "" })).toBe(83);
    const ids = new Set(Array.from({ length: 50 }, newJobId));
    expect(ids.size).toBe(50);
    for (const id of ids) expect(id.length).toBeLessThanOrEqual(64);
  });
});
