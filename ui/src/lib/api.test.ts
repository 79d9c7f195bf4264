import { describe, expect, it } from "vitest";
import { toApiError } from "./api";

describe("toApiError", () => {
  it("keeps Rust's typed error with its field", () => {
    expect(toApiError({ kind: "empty", message: "The title is empty", field: "title" })).toEqual({
      kind: "empty",
      message: "The title is empty",
      field: "title",
    });
  });
  it("turns a bare string or exception into a readable internal error, never nothing", () => {
    expect(toApiError("disk full")).toEqual({ kind: "internal", message: "disk full" });
    expect(toApiError(new Error("boom"))).toEqual({ kind: "internal", message: "boom", field: null });
  });
});
