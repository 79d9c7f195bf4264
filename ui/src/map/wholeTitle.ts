// A card title cut to fit shows whole when the card is selected (the keyboard's focus), as the
// hover tooltip shows it to the mouse.
import type { Selection } from "../lib/state.svelte";
import type { CardBox, Id } from "../lib/types";

/** The selected card's box and whole title, when its drawn title is clipped; else null. */
export function wholeTitleOf(
  selection: Selection,
  card: (id: Id) => CardBox | undefined,
  title: (id: Id) => string | undefined,
): { box: CardBox; title: string } | null {
  if (selection?.kind !== "step") return null;
  const box = card(selection.id);
  const text = title(selection.id);
  return box?.clipped && text ? { box, title: text } : null;
}
