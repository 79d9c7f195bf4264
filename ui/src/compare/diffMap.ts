// The Compare view's map of differences as the screen reads it: which mark an item on the map
// has, which item a change of the list is on the map, and the legend's wording. Rust builds the
// map (ghosts, marks, trails: baton-session `compare_map`); this only looks things up.
import type { DiffMap, DiffMark, DiffStatus, ItemChange, VersionRef } from "../bindings";

/** The marks of a map by the id of their item on it. */
export function marksById(map: DiffMap): Map<string, DiffMark> {
  return new Map(map.marks.map((m) => [m.id, m]));
}

/** The id on the map of each change, by its index in the list (a change with no mark is not drawn). */
export function idsByChange(map: DiffMap): Map<number, string> {
  return new Map(map.marks.map((m) => [m.change, m.id]));
}

/** The legend, in the order it reads. */
export const LEGEND: { status: DiffStatus; label: string }[] = [
  { status: "added", label: "Added" },
  { status: "removed", label: "Removed" },
  { status: "changed", label: "Changed" },
  { status: "moved", label: "Moved" },
];

/** Where a change's item can be shown on the live map: the journey now that B (or A) is. */
export function liveItemOf(change: ItemChange, a: VersionRef | null, b: VersionRef | null): { journeyId: string; id: string } | null {
  if (b?.kind === "journey" && change.b_id) return { journeyId: b.id, id: change.b_id };
  if (a?.kind === "journey" && change.a_id) return { journeyId: a.id, id: change.a_id };
  return null;
}

/** How many changes a list shows at most (the map marks them all). */
export const LISTED = 500;

