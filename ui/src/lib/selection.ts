// What the user has selected on the map, and an error shown next to its cause.
import type { ApiError, Id } from "./types";

export type Selection =
  | { kind: "stage"; id: Id }
  | { kind: "lane"; id: Id }
  | { kind: "step"; id: Id }
  | { kind: "handoff"; id: Id }
  | { kind: "cell"; stageId: Id; laneId: Id }
  | null;

/** An error from Rust, with what it is about so it can be shown next to its cause. */
export interface ShownError extends ApiError {
  /** The id of the entity the failed edit was about, if any. */
  about: Id | null;
}

/** What a selection may point into: a journey's (or a snapshot's) lists. */
interface SelectableModel {
  stages: { id: Id }[];
  lanes: { id: Id }[];
  steps: { id: Id }[];
  handoffs: { id: Id }[];
}

/** True when what `s` selects is still in `m` (nothing selected is alive too). */
export function selectionAlive(s: Selection, m: SelectableModel): boolean {
  if (!s) return true;
  if (s.kind === "cell") return m.stages.some((x) => x.id === s.stageId) && m.lanes.some((x) => x.id === s.laneId);
  const list = s.kind === "stage" ? m.stages : s.kind === "lane" ? m.lanes : s.kind === "step" ? m.steps : m.handoffs;
  return list.some((x) => x.id === s.id);
}
