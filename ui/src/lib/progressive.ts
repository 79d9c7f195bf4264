// Drawing a large map's off-screen margin a little at a time. A pan or zoom that brings a ring
// of new cards into view would otherwise create them all in one frame (hundreds of SVG groups
// when zooming out), and that frame misses the display's refresh. Instead each frame adds at
// most a budget of the wanted items, nearest the centre of the screen first, and drops at most
// a budget of those that left the area kept around the screen.
import { intersects } from "./cull";
import type { Rect } from "./viewport";

/** An item of a map layer: its id and the box it occupies in layout units. */
export interface Placed {
  id: string;
  box: Rect;
}

export interface Step {
  /** What is drawn after this step. */
  drawn: Set<string>;
  /** How many items were added or dropped (0: `drawn` holds the same items as before). */
  changed: number;
  /** Whether everything wanted is drawn and nothing outside `keep` is. */
  done: boolean;
}

function distanceToCentre(b: Rect, cx: number, cy: number): number {
  const dx = b.x + b.width / 2 - cx;
  const dy = b.y + b.height / 2 - cy;
  return dx * dx + dy * dy;
}

/**
 * One frame's step from `drawn` toward `wanted` (the items near the screen): adds at most
 * `budget` of the missing ones, nearest the centre of `screen` first; drops at most `budget`
 * drawn items that no longer meet `keep` (an area around the screen, larger than the wanted
 * one, so panning back and forth does not redraw the same cards). `boxOf` finds a drawn item's
 * box; an id it does not know (the item was deleted) is dropped at once.
 */
export function stepToward(
  drawn: ReadonlySet<string>,
  wanted: readonly Placed[],
  boxOf: (id: string) => Rect | undefined,
  screen: Rect,
  keep: Rect,
  budget: number,
): Step {
  const next = new Set<string>();
  const leaving: string[] = [];
  let gone = 0;
  for (const id of drawn) {
    const b = boxOf(id);
    if (b === undefined) {
      gone += 1;
      continue;
    }
    if (intersects(b, keep)) next.add(id);
    else leaving.push(id);
  }
  const missing = wanted.filter((w) => !next.has(w.id));
  const cx = screen.x + screen.width / 2;
  const cy = screen.y + screen.height / 2;
  if (missing.length > budget) {
    missing.sort((a, b) => distanceToCentre(a.box, cx, cy) - distanceToCentre(b.box, cx, cy));
  }
  const added = missing.slice(0, budget);
  for (const w of added) next.add(w.id);
  // Those that stay for now are kept drawn until a later step has budget to drop them.
  for (const id of leaving.slice(budget)) next.add(id);
  const dropped = Math.min(leaving.length, budget);
  return {
    drawn: next,
    changed: added.length + dropped + gone,
    done: missing.length <= budget && leaving.length <= budget,
  };
}

/**
 * How many items a frame may add: the time the frame may spend creating them over the time one
 * item took recently, between `min` (so drawing always moves on) and `max`.
 */
export function budgetFor(frameMs: number, msPerItem: number, min = 16, max = 2000): number {
  if (!(msPerItem > 0)) return max;
  return Math.max(min, Math.min(max, Math.floor(frameMs / msPerItem)));
}
