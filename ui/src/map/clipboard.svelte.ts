// Ctrl+C, Ctrl+X, Ctrl+V and Ctrl+D on the map: the selected cards (with the handoffs among the
// cards copied) copied, cut, pasted into the selected cell (in this journey or another) and
// duplicated. Each is ONE edit that baton-core builds (the shell's `copy_cards`,
// `paste_cards_edit`, `duplicate_cards_edit`, `delete_cards_edit`), so one undo takes it back.
import { app } from "../lib/state.svelte";
import { api } from "../lib/api";
import { provide, type Handler } from "../lib/actions";
import { cellOf } from "../lib/cursor";
import type { Clipboard } from "../bindings";
import type { Id } from "../lib/types";
import type { MapData } from "./data.svelte";
import { selectedCards } from "./multiSelect.svelte";

/** What was copied last, kept while the app runs (a paste into another journey or file works). */
let copied: Clipboard | null = null;

export class CardClipboard {
  constructor(private readonly data: MapData) {}

  provide(): () => void {
    const onCard = (run: () => Promise<void>): Handler => ({
      run: () => void run().catch((e) => app.fail(e, this.selectedCard())),
      enabled: () => this.selectedCard() !== null,
    });
    return provide({
      copy: onCard(() => this.copy()),
      cut: onCard(() => this.cut()),
      duplicate: onCard(() => this.duplicate()),
      paste: {
        run: () => void this.paste().catch((e) => app.fail(e, null)),
        enabled: () => copied !== null && this.target() !== null,
      },
    });
  }

  /** The first selected card (what a failure is shown next to). */
  private selectedCard(): Id | null {
    return selectedCards()[0] ?? null;
  }

  async copy(): Promise<void> {
    const ids = selectedCards();
    const doc = app.doc?.doc;
    if (ids.length > 0 && doc) copied = await api().copyCards(doc, ids);
  }

  async cut(): Promise<void> {
    const ids = selectedCards();
    const doc = app.doc?.doc;
    if (ids.length === 0 || !doc) return;
    copied = await api().copyCards(doc, ids);
    await app.apply(await api().deleteCardsEdit(doc, ids), ids[0]);
  }

  async duplicate(): Promise<void> {
    const ids = selectedCards();
    const doc = app.doc?.doc;
    if (ids.length > 0 && doc) await app.apply(await api().duplicateCardsEdit(doc, ids), ids[0]);
  }

  /** Where a paste goes: the selected cell, or after the selected card in its cell. */
  private target(): { stageId: Id; laneId: Id; position: number | null } | null {
    const grid = this.data.grid;
    const sel = app.selection;
    const cell = grid ? cellOf(grid, sel) : null;
    if (!cell || !grid) return null;
    const rank = sel?.kind === "step" ? grid.cards(cell.stageId, cell.laneId).indexOf(sel.id) : -1;
    return { ...cell, position: rank >= 0 ? rank + 1 : null };
  }

  async paste(): Promise<void> {
    const doc = app.doc?.doc;
    const journey = this.data.model?.journey.id;
    const at = this.target();
    if (!doc || !journey || !at || !copied) return;
    const edit = await api().pasteCardsEdit(doc, copied, { journey_id: journey, stage_id: at.stageId, lane_id: at.laneId, position: at.position });
    await app.apply(edit, null);
  }
}
