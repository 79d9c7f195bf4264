// What a draft plan will add, read from the edit Rust drafted (one batch of new initiatives),
// so the user sees it before it is applied.
import type { Edit, Initiative } from "../lib/types";

/** The initiatives a drafted edit creates, in its order (nested batches included). */
export function draftedInitiatives(edit: Edit | null): Initiative[] {
  if (!edit) return [];
  if (edit.op === "create_initiative") return [edit.initiative];
  if (edit.op === "batch") return edit.edits.flatMap(draftedInitiatives);
  return [];
}
