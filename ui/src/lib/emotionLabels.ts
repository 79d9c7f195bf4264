// Where each emotion point's value ("+2", "0", "−1") is written: above the point, or below when
// that would overlap a label already placed, or farther out; never over another label.
import type { EmotionPoint } from "./types";

export interface EmotionLabel {
  stepId: string;
  text: string;
  /** The text's centre and baseline, in map units. */
  x: number;
  y: number;
}

/** The label font's size in the editor, in map units (presentation writes them at the cards'
 * size, so that they read at 18 px like the titles). */
export const LABEL_FONT = 11;
/** The room a label takes per unit of font size: a character's width, the line's height. */
const CHAR_WIDTH_PER_FONT = 7 / 11;
const HEIGHT_PER_FONT = 13 / 11;
/** Distance from a point's centre to the nearer edge of its label (the point's radius is 7). */
const CLEARANCE = 10;

/** An emotion as people write it: a sign on the positives, a true minus on the negatives. */
export function emotionText(emotion: number): string {
  if (emotion > 0) return `+${emotion}`;
  if (emotion < 0) return `−${-emotion}`;
  return "0";
}

interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

function overlaps(a: Box, b: Box): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

/** The radius of a drawn point. */
const POINT_RADIUS = 7;

/** The labels of one curve's points (given left to right), written at `font` map units: none
 * covers another or a point. */
export function emotionLabels(points: readonly EmotionPoint[], font = LABEL_FONT): EmotionLabel[] {
  const r = POINT_RADIUS;
  const CHAR_WIDTH = font * CHAR_WIDTH_PER_FONT;
  const HEIGHT = font * HEIGHT_PER_FONT;
  const placed: Box[] = points.map((p) => ({ left: p.x - r, right: p.x + r, top: p.y - r, bottom: p.y + r }));
  return points.map((p) => {
    const text = emotionText(p.emotion);
    const half = (text.length * CHAR_WIDTH) / 2 + 1;
    // Above, below, then alternately farther out, until one is free.
    let box: Box | null = null;
    for (let ring = 0; box === null; ring++) {
      for (const side of [-1, 1]) {
        const near = CLEARANCE + ring * HEIGHT;
        const top = side < 0 ? p.y - near - HEIGHT : p.y + near;
        const candidate = { left: p.x - half, right: p.x + half, top, bottom: top + HEIGHT };
        if (!placed.some((b) => overlaps(b, candidate))) {
          box = candidate;
          break;
        }
      }
    }
    placed.push(box);
    return { stepId: p.step_id, text, x: p.x, y: box.bottom - (3 * font) / LABEL_FONT };
  });
}
