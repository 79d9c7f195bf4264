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
