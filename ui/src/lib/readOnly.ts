// A screen that may not be changed (a snapshot on the map): which actions are off then, and
// whether the screen is read only now (the app state says; lib/actions.ts asks).
import type { ActionId } from "./actions";

/** The actions that change the file, or would show the live journey for a snapshot (its
 * figures; an export or a copy, which read the file's journey, where a card may since have
 * changed or gone): off, keys and buttons, while the screen is read only. Reading stays: find,
 * zoom, selection, presentation. */
export const OFF_WHILE_READ_ONLY: ReadonlySet<ActionId> = new Set<ActionId>([
  "undo", "redo", "delete", "edit_title", "add_stage", "add_lane", "add_card", "connect",
  "nudge_left", "nudge_right", "nudge_up", "nudge_down", "cut", "paste", "duplicate",
  "toggle_verification", "toggle_resolution", "touchpoint",
  "emotion_negative", "emotion_0", "emotion_1", "emotion_2", "emotion_3",
  "handoff_blind", "handoff_assisted", "handoff_automated", "add_journey", "add_persona",
  "plan_move_up", "plan_move_down", "plan_move_left", "plan_move_right",
  "metrics", "export", "insights", "friction_view", "copy",
]);

let isReadOnly: () => boolean = () => false;

/** Says when the screen is read only (the app state provides it); returns what takes it back. */
export function provideReadOnly(readOnly: () => boolean): () => void {
  isReadOnly = readOnly;
  return () => {
    if (isReadOnly === readOnly) isReadOnly = () => false;
  };
}

/** The screen may not be changed now. */
export function readOnlyNow(): boolean {
  return isReadOnly();
}

/** `id` is off now: the screen is read only and `id` would change the file or show the live journey. */
export function offWhileReadOnly(id: ActionId): boolean {
  return OFF_WHILE_READ_ONLY.has(id) && isReadOnly();
}
