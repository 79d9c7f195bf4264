// Deleting a persona: when journeys are for it, they are named first (Rust lists them) and the
// delete waits for a yes; deleting unlinks them, and undo relinks them (one edit).
import { api, toApiError } from "../lib/api";
import { deleteEdit } from "../lib/edits";
import { app } from "../lib/state.svelte";
import type { Id, JourneyName } from "../lib/types";

class PersonaDelete {
  /** The delete waiting for a yes, with the journeys it would unlink. */
  asking = $state<{ id: Id; name: string; journeys: JourneyName[] } | null>(null);

  async ask(id: Id, name: string): Promise<void> {
    const doc = app.doc?.doc;
    if (!doc) return;
    try {
      const journeys = await api().personaUses(doc, id);
      if (journeys.length === 0) await app.apply(deleteEdit({ kind: "persona", id }), id);
      else this.asking = { id, name, journeys };
    } catch (e) {
      app.error = { ...toApiError(e), about: id };
    }
  }

  async confirm(): Promise<void> {
    const a = this.asking;
    this.asking = null;
    if (a) await app.apply(deleteEdit({ kind: "persona", id: a.id }), a.id);
  }

  cancel(): void {
    this.asking = null;
  }
}

export const personaDelete = new PersonaDelete();

/** "Maya is the persona of 2 journeys: Report a lost card, Open an account." */
export function usedBySentence(name: string, journeys: readonly JourneyName[]): string {
  const n = journeys.length;
  return `${name} is the persona of ${n === 1 ? "1 journey" : `${n} journeys`}: ${journeys.map((j) => j.name).join(", ")}. Deleting ${name} leaves ${n === 1 ? "it" : "them"} without a persona; undo links ${n === 1 ? "it" : "them"} again.`;
}
