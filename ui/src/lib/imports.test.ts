import { describe, expect, it } from "vitest";
import { importLabel, listedRejections, mustSkip, reasonLabel, resultMessage, summary } from "./imports";
import type { RejectedRow } from "../bindings";

const row = (line: number): RejectedRow => ({ line, reason: { kind: "bad_date", date: "x" }, message: "the date “x” is not yyyy-mm-dd" });

describe("import dialog wording", () => {
  it("offers a plain import only when nothing is rejected", () => {
    expect(importLabel({ accepted: 1, rejected_count: 0 })).toBe("Import 1 row");
    expect(importLabel({ accepted: 1200, rejected_count: 0 })).toBe("Import 1,200 rows");
    expect(mustSkip({ rejected_count: 0 })).toBe(false);
  });
  it("names the rows it skips when some are rejected", () => {
    expect(importLabel({ accepted: 3, rejected_count: 1 })).toBe("Import 3 valid rows, skip 1");
    expect(mustSkip({ rejected_count: 1 })).toBe(true);
  });
  it("offers no import when no row is valid", () => {
    expect(importLabel({ accepted: 0, rejected_count: 4 })).toBeNull();
  });
  it("sums the file up in one line", () => {
    expect(summary({ rows: 4, accepted: 3, rejected_count: 1, encoding: "windows1252", separator: ";" }))
      .toBe("4 rows · 3 valid · 1 rejected · Windows-1252 (Latin-1) · semicolon-separated");
    expect(summary({ rows: 2, accepted: 2, rejected_count: 0, encoding: "utf16_le", separator: "\t" }))
      .toBe("2 rows · 2 valid · 0 rejected · UTF-16 little-endian · tab-separated");
  });
  it("caps the rejected list and counts the rest from the file's total", () => {
    const rejected = Array.from({ length: 100 }, (_, i) => row(i + 2));
    const { rows, more } = listedRejections({ rejected, rejected_count: 5000 }, 20);
    expect(rows.map((r) => r.line).slice(0, 2)).toEqual([2, 3]);
    expect(rows).toHaveLength(20);
    expect(more).toBe(4980);
    expect(listedRejections({ rejected: [row(2)], rejected_count: 1 }).more).toBe(0);
  });
  it("labels every reason shortly", () => {
    expect(reasonLabel({ kind: "off_scale", value: 9, min: 1, max: 5, whole_numbers: true })).toBe("Off scale");
    expect(reasonLabel({ kind: "duplicate", existing_response_id: null, earlier_line: 3 })).toBe("Duplicate");
  });
  it("says what was imported and how to undo it", () => {
    expect(resultMessage(3, 1, "Ctrl+Z")).toBe("Imported 3 responses, skipped 1 rejected row. Undo with Ctrl+Z.");
    expect(resultMessage(1, 0, "⌘Z")).toBe("Imported 1 response. Undo with ⌘Z.");
  });
});
