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
    expect(toApiError("disk full")).toEqual({ kind: "internal", message: "disk full", field: null });
    expect(toApiError(new Error("boom"))).toEqual({ kind: "internal", message: "boom", field: null });
  });
});

describe("unwrap", () => {
  it("returns the data of an ok result", async () => {
    const { unwrap } = await import("./api");
    await expect(unwrap(Promise.resolve({ status: "ok" as const, data: 42 }))).resolves.toBe(42);
  });
  it("throws the typed error of an error result, field included", async () => {
    const { unwrap } = await import("./api");
    const r = Promise.resolve({ status: "error" as const, error: { kind: "invalid", message: "Title is empty", field: "title" } });
    await expect(unwrap(r)).rejects.toEqual({ kind: "invalid", message: "Title is empty", field: "title" });
  });
});
