import { describe, expect, it } from "vitest";
import { FindController } from "./find.svelte";
import type { Step } from "../lib/types";

const step = (id: string, title: string): Step => ({
  id, journey_id: "j", stage_id: "s", lane_id: "l", position: 0, title, notes: "",
  touchpoint: null, verification: false, resolution: false, emotion: null, origin_id: null,
});
const steps = [step("a", "Calls the bank"), step("b", "Waits"), step("c", "Calls again")];

function controller() {
  const revealed: string[] = [];
  const find = new FindController(() => steps, (id) => revealed.push(id));
  return { find, revealed };
}

describe("the map's find controller", () => {
  it("matches as the query changes and marks matches only while open", () => {
    const { find } = controller();
    find.query = "calls";
    expect(find.matches).toEqual(["a", "c"]);
    expect(find.marked.size).toBe(0);
    find.show();
    expect([...find.marked]).toEqual(["a", "c"]);
    find.close();
    expect(find.marked.size).toBe(0);
  });
  it("steps through the matches both ways, wrapping, revealing each", () => {
    const { find, revealed } = controller();
    find.show();
    find.query = "calls";
    find.step(1);
    find.step(1);
    find.step(1);
    find.step(-1);
    expect(revealed).toEqual(["a", "c", "a", "c"]);
    expect(find.current).toBe("c");
    expect(find.countLabel).toBe("2 of 2");
  });
  it("starts again from the first match after typing", () => {
    const { find, revealed } = controller();
    find.query = "calls";
    find.step(1);
    find.step(1);
    find.typed();
    expect(find.countLabel).toBe("– of 2");
    find.step(1);
    expect(revealed.at(-1)).toBe("a");
  });
  it("says when nothing matches, and nothing before a query", () => {
    const { find, revealed } = controller();
    expect(find.countLabel).toBe("");
    find.query = "zebra";
    expect(find.countLabel).toBe("No match");
    find.step(1);
    expect(revealed).toEqual([]);
  });
  it("asks the bar to select its text each time it is shown", () => {
    const { find } = controller();
    find.show();
    find.show();
    expect(find.shown).toBe(2);
  });
});
