import { describe, expect, it } from "vitest";
import { polylinePath, smoothPath } from "./curve";

describe("curves", () => {
  it("passes the smooth curve through every point", () => {
    const d = smoothPath([{ x: 0, y: 0 }, { x: 100, y: 50 }, { x: 200, y: -20 }]);
    expect(d.startsWith("M0,0")).toBe(true);
    expect(d).toContain(" 100,50");
    expect(d.endsWith(" 200,-20")).toBe(true);
    expect(d.match(/C/g)).toHaveLength(2);
  });
  it("draws nothing for no points", () => {
    expect(smoothPath([])).toBe("");
  });
  it("writes polylines as moves and lines", () => {
    expect(polylinePath([{ x: 1, y: 2 }, { x: 3, y: 4 }])).toBe("M1,2 L3,4");
  });
});
