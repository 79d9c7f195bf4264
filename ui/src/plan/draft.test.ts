import { describe, expect, it } from "vitest";
import { createInitiative } from "./planEdits";
import { draftedInitiatives } from "./draft";

describe("draftedInitiatives", () => {
  it("lists the new initiatives of a batch in order, nested batches included", () => {
    const a = createInitiative("a", "p1", 0, "Send the notes");
    const b = createInitiative("b", "p2", 0, "Flag the chain");
    const edit = { op: "batch" as const, label: "Draft plan", edits: [a, { op: "batch" as const, label: "inner", edits: [b] }, { op: "delete_phase" as const, id: "x" }] };
    expect(draftedInitiatives(edit).map((i) => i.id)).toEqual(["a", "b"]);
    expect(draftedInitiatives(null)).toEqual([]);
  });
});
