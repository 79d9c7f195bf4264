// How the plan names what an initiative addresses: the linked cards and handoffs of the journey
// on screen by their titles (the plan's other journeys are not loaded: they are named as such).
import type { Handoff, Id, Step } from "../lib/types";

export interface LinkLookups {
  steps: { get(id: Id): Step | undefined };
  handoffs: { get(id: Id): Handoff | undefined };
}

/** A linked card's name for its chip. */
export function stepLabel(look: LinkLookups | null, id: Id): string {
  return look?.steps.get(id)?.title ?? "A card of another journey";
}

/** A linked handoff's name for its chip: "From → To". */
export function handoffLabel(look: LinkLookups | null, id: Id): string {
  const h = look?.handoffs.get(id);
  if (!h) return "A handoff of another journey";
  const from = look?.steps.get(h.from_step_id)?.title ?? "?";
  const to = look?.steps.get(h.to_step_id)?.title ?? "?";
  return `${from} → ${to}`;
}

/** Adds `id` to `list` once; the list is returned unchanged when it holds it already. */
export function withLink(list: Id[], id: Id): Id[] {
  return list.includes(id) ? list : [...list, id];
}

/** `text` cut to `max` characters with an ellipsis, so a title built from names stays short
 * (and within Rust's 200 characters for a title: two names of 80 and a few words). */
export function clip(text: string, max = 80): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join("")}…`;
}
