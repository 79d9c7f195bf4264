// Find on the map: which cards match, and stepping through them.
import type { Step } from "./types";

/** Ids of the steps whose title or notes contain `query` (case-insensitive), in journey order. */
export function findMatches(steps: readonly Step[], query: string): string[] {
  const q = query.trim().toLocaleLowerCase();
  if (q === "") return [];
  return steps
    .filter((s) => s.title.toLocaleLowerCase().includes(q) || s.notes.toLocaleLowerCase().includes(q))
    .map((s) => s.id);
}

/** The next index when stepping forward (+1) or back (-1), wrapping; -1 when nothing matches. */
export function stepIndex(current: number, count: number, direction: 1 | -1): number {
  if (count === 0) return -1;
  if (current < 0 || current >= count) return direction === 1 ? 0 : count - 1;
  return (current + direction + count) % count;
}
