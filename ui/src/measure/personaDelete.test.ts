import { describe, expect, it } from "vitest";
import { usedBySentence } from "./personaDelete.svelte";

describe("deleting a persona journeys are for", () => {
  it("names every journey Rust listed and says undo links them again", () => {
    expect(usedBySentence("Maya", [{ id: "a", name: "Report a lost card" }])).toBe(
      "Maya is the persona of 1 journey: Report a lost card. Deleting Maya leaves it without a persona; undo links it again.",
    );
    expect(usedBySentence("Maya", [{ id: "a", name: "Lost card" }, { id: "b", name: "Open an account" }])).toBe(
      "Maya is the persona of 2 journeys: Lost card, Open an account. Deleting Maya leaves them without a persona; undo links them again.",
    );
  });
});
