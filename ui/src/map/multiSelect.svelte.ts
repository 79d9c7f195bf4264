// A selection of several cards: Shift+arrows and Shift+click gather cards besides the focused
// one (`app.selection`), and Delete, Ctrl+C/X/D act on all of them as one edit. The gathered
// cards belong to the focus they were gathered with: any other change of `app.selection`
// (a plain arrow, a click, Esc) leaves a single selection again without anyone clearing them.
import { app, type Selection } from "../lib/state.svelte";
import type { Id } from "../lib/types";

/** Cards gathered while `focus` was the selection. */
export interface CardSet {
  focus: Selection;
  cards: Id[];
}

/** Whether two selections name the same thing (compared by value, not by object). */
export function sameSelection(a: Selection, b: Selection): boolean {
  if (!a || !b) return a === b;
  if (a.kind === "cell") return b.kind === "cell" && a.stageId === b.stageId && a.laneId === b.laneId;
  return b.kind !== "cell" && a.kind === b.kind && a.id === b.id;
}

/** The cards selected: those of `set` when it was gathered with `selection`, and the focused
 * card, each once, in the order they were gathered. */
export function cardsOf(set: CardSet | null, selection: Selection): Id[] {
  const focus = selection?.kind === "step" ? [selection.id] : [];
  if (!set || !sameSelection(set.focus, selection)) return focus;
  return [...new Set([...set.cards, ...focus])];
}

/** Shift+arrow: the cursor moved from `before` to `next`, keeping what was selected (the card
 * it lands on joins the selection through `cardsOf`). */
export function extended(set: CardSet | null, before: Selection, next: Selection): CardSet {
  return { focus: next, cards: cardsOf(set, before) };
}

/** Shift+click on card `id`: it joins the selection and takes the focus, or leaves it when it
 * was in (the focus going to the last card still selected). */
export function toggled(set: CardSet | null, selection: Selection, id: Id): CardSet {
  const cards = cardsOf(set, selection);
  if (!cards.includes(id)) return { focus: { kind: "step", id }, cards };
  const rest = cards.filter((c) => c !== id);
  return { focus: rest.length > 0 ? { kind: "step", id: rest[rest.length - 1] } : null, cards: rest };
}

const state = $state<{ set: CardSet | null }>({ set: null });

/** The cards selected now (empty when the selection is not a card and none was gathered). */
export function selectedCards(): Id[] {
  return cardsOf(state.set, app.selection);
}

/** Shift+arrow: `move` moves the cursor; the cards selected before stay selected. */
export function extendWith(move: () => void): void {
  const before = app.selection;
  const set = state.set;
  move();
  if (!sameSelection(before, app.selection)) state.set = extended(set, before, app.selection);
}

/** Shift+click on card `id`. */
export function toggleCard(id: Id): void {
  const next = toggled(state.set, app.selection, id);
  app.selection = next.focus;
  state.set = next;
}
