// A snapshot on the map: how it is named on screen, and restoring it as a new journey from
// there (one edit, one undo step; the new journey is then shown).
import { api } from "./api";
import { app } from "./state.svelte";
import type { EditAnswer, Id } from "./types";

/** When a snapshot was taken, as the user reads it ("6 Dec 2026, 16:10"). */
export function snapshotDate(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
}

/** The journey an edit's answer created (a restored snapshot's), if it created one. */
export function createdJourney(answer: EditAnswer | null): Id | null {
  return answer?.outcome.touched.find((t) => t.kind === "journey")?.id ?? null;
}

/** Restores the snapshot on screen as a new journey and shows that journey; false when it
 * could not (the reason is in `app.error`). */
export async function restoreShownSnapshot(): Promise<boolean> {
  const shown = app.snapshot;
  if (!shown) return false;
  // Rust refuses every change while a snapshot is on screen: its journey comes back first.
  await app.leaveSnapshot();
  let answer: EditAnswer | null = null;
  try {
    await app.change(async (doc, screen) => (answer = await api().restoreSnapshot(doc, shown.id, screen)));
  } catch (e) {
    app.fail(e, null);
    return false;
  }
  app.error = null;
  const created = createdJourney(answer);
  if (created) await app.selectJourney(created);
  return true;
}
