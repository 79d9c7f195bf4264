import { describe, expect, it } from "vitest";
import type { Handoff, Step } from "../lib/types";
import { clip, handoffLabel, stepLabel, withLink } from "./links";

const steps = new Map([
  ["s1", { id: "s1", title: "Calls the bank" } as Step],
  ["s2", { id: "s2", title: "Verifies again" } as Step],
]);
const handoffs = new Map([["h1", { id: "h1", from_step_id: "s1", to_step_id: "s2" } as Handoff]]);
const look = { steps, handoffs };

describe("links", () => {
  it("names cards and handoffs of the journey on screen, and says when they are elsewhere", () => {
    expect(stepLabel(look, "s1")).toBe("Calls the bank");
    expect(handoffLabel(look, "h1")).toBe("Calls the bank → Verifies again");
    expect(stepLabel(look, "zz")).toBe("A card of another journey");
    expect(handoffLabel(null, "h1")).toBe("A handoff of another journey");
  });
  it("adds a link once", () => {
    expect(withLink(["a"], "b")).toEqual(["a", "b"]);
    const list = ["a"];
    expect(withLink(list, "a")).toBe(list);
  });
});

describe("clip", () => {
  it("keeps short names and cuts long ones to the limit with an ellipsis, by character", () => {
    expect(clip("Calls the bank")).toBe("Calls the bank");
    const long = "é".repeat(100);
    expect([...clip(long)].length).toBe(80);
    expect(clip(long).endsWith("…")).toBe(true);
    expect(clip("abcdef", 4)).toBe("abc…");
    expect(clip("abcd", 4)).toBe("abcd");
  });
});
