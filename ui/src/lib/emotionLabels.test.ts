import { describe, expect, it } from "vitest";
import { emotionLabels, emotionText } from "./emotionLabels";
import type { EmotionPoint } from "./types";

const pt = (i: number, x: number, y: number, emotion: number): EmotionPoint => ({ step_id: `e${i}`, emotion, x, y });

/** The box a label's text takes, as the placement reckons it (at the editor's 11-unit font: 7
 * units a character, 13 tall; in proportion at another size). */
function box(l: { text: string; x: number; y: number }, font = 11) {
  const k = font / 11;
  const half = (l.text.length * 7 * k) / 2;
  return { left: l.x - half, right: l.x + half, top: l.y + 3 * k - 13 * k, bottom: l.y + 3 * k };
}
const overlap = (a: ReturnType<typeof box>, b: ReturnType<typeof box>) =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

describe("emotion labels", () => {
  it("writes each value with its sign", () => {
    expect([3, 0, -2].map(emotionText)).toEqual(["+3", "0", "−2"]);
  });

  it("puts a lone point's value just above it", () => {
    const [l] = emotionLabels([pt(0, 100, 60, 2)]);
    expect(l.text).toBe("+2");
    expect(l.x).toBe(100);
    expect(box(l).bottom).toBeLessThanOrEqual(60 - 7);
  });

  it("never lets two labels, or a label and a point, overlap when points crowd, at the editor's size and presentation's", () => {
    // Ten points 12 units apart, at the same height and at alternating heights.
    for (const font of [11, 17]) {
      for (const ys of [[50], [50, 58], [50, 40, 62]]) {
        const points = Array.from({ length: 10 }, (_, i) => pt(i, 200 + i * 12, ys[i % ys.length], (i % 7) - 3));
        const labels = emotionLabels(points, font);
        expect(labels).toHaveLength(10);
        for (let i = 0; i < labels.length; i++) {
          for (let j = i + 1; j < labels.length; j++) expect(overlap(box(labels[i], font), box(labels[j], font))).toBe(false);
          for (const p of points) {
            const circle = { left: p.x - 7, right: p.x + 7, top: p.y - 7, bottom: p.y + 7 };
            expect(overlap(box(labels[i], font), circle)).toBe(false);
          }
        }
      }
    }
  });

  it("keeps a larger label clear of its point", () => {
    const [l] = emotionLabels([pt(0, 100, 60, -3)], 17);
    expect(box(l, 17).bottom).toBeLessThanOrEqual(60 - 7);
    expect(box(l, 17).bottom - box(l, 17).top).toBeCloseTo(13 * (17 / 11));
  });
});
