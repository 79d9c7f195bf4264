import { describe, expect, it } from "vitest";
import { wholeTitleOf } from "./wholeTitle";
import type { CardBox } from "../lib/types";

const box = (id: string, clipped: boolean): CardBox => ({ step_id: id, x: 10, y: 20, w: 160, h: 60, lines: ["Ask the courier for a…"], clipped });
const cards = new Map([
  ["long", box("long", true)],
  ["short", box("short", false)],
]);
const titles = new Map([
  ["long", "Ask the courier for a replacement part delivered before noon"],
  ["short", "Call"],
]);
const of = (s: Parameters<typeof wholeTitleOf>[0]) => wholeTitleOf(s, (id) => cards.get(id), (id) => titles.get(id));

describe("a clipped card title on keyboard focus", () => {
  it("shows whole over the selected card when it was cut", () => {
    expect(of({ kind: "step", id: "long" })).toEqual({ box: cards.get("long"), title: titles.get("long") });
  });
  it("shows nothing for a title that fits, a card not in view, or another selection", () => {
    expect(of({ kind: "step", id: "short" })).toBeNull();
    expect(of({ kind: "step", id: "gone" })).toBeNull();
    expect(of({ kind: "cell", stageId: "s", laneId: "l" })).toBeNull();
    expect(of(null)).toBeNull();
  });
});
