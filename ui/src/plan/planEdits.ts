// The Plan view's gestures turned into edits: moving an initiative by keys or by a drop, and
// moving a phase. Positions only: what an initiative is worth, and whether a move is allowed,
// are Rust's (the edit is refused there with a typed error when it is not).
import type { Edit, Id, Initiative, Phase, Suggestion, TouchpointHotspot } from "../lib/types";

/** What the board shows of the plan's order: each phase's id, its shown initiatives in order
 * with their stored positions, and how many it holds (`size`: a filter may hide some, so a
 * shown card's index is not its position). */
export interface BoardOrder {
  phases: { id: Id; initiatives: { id: Id; position: number }[]; size: number }[];
}

export type Direction = "up" | "down" | "left" | "right";

/** Where an initiative is on the board: its phase's index and its index among the shown. */
export function placeOf(order: BoardOrder, id: Id): { phase: number; index: number } | null {
  for (let phase = 0; phase < order.phases.length; phase++) {
    const index = order.phases[phase].initiatives.findIndex((i) => i.id === id);
    if (index >= 0) return { phase, index };
  }
  return null;
}

/** The move a key asks for: up and down past the neighbouring shown card of the phase, left
 * and right to the neighbouring phase at the same height among its shown cards (or its end).
 * Null at an edge, where the key does nothing. */
export function keyMove(order: BoardOrder, id: Id, direction: Direction): Edit | null {
  const at = placeOf(order, id);
  if (!at) return null;
  const here = order.phases[at.phase];
  if (direction === "up" || direction === "down") {
    const neighbour = here.initiatives[at.index + (direction === "up" ? -1 : 1)];
    if (!neighbour) return null;
    return { op: "move_initiative", id, phase_id: here.id, position: neighbour.position };
  }
  const target = order.phases[at.phase + (direction === "left" ? -1 : 1)];
  if (!target) return null;
  const level = target.initiatives[at.index];
  return { op: "move_initiative", id, phase_id: target.id, position: level ? level.position : target.size };
}

/** The move a drop asks for: `id` dropped in phase `phaseId` before the initiative `before`
 * (at the phase's end when null). Null when it would not move. */
export function dropMove(order: BoardOrder, id: Id, phaseId: Id, before: Id | null): Edit | null {
  const from = placeOf(order, id);
  const phase = order.phases.find((p) => p.id === phaseId);
  if (!from || !phase || before === id) return null;
  const source = order.phases[from.phase];
  const fromPosition = source.initiatives[from.index].position;
  const same = source.id === phaseId;
  let to = before === null ? phase.size : (phase.initiatives.find((i) => i.id === before)?.position ?? -1);
  if (to < 0) return null;
  // Within its phase, the card leaves its place first: the places after it shift up by one.
  if (same && fromPosition < to) to -= 1;
  if (same && to === fromPosition) return null;
  return { op: "move_initiative", id, phase_id: phaseId, position: to };
}

/** The move of a phase one place left or right; null at an edge. */
export function phaseMove(order: BoardOrder, phaseId: Id, direction: "left" | "right"): Edit | null {
  const at = order.phases.findIndex((p) => p.id === phaseId);
  const to = at + (direction === "left" ? -1 : 1);
  if (at < 0 || to < 0 || to >= order.phases.length) return null;
  return { op: "move_phase", id: phaseId, position: to };
}

/** `initiative` with `patch` applied, as one edit (the inspector's fields). */
export function updateInitiative(initiative: Initiative, patch: Partial<Initiative>): Edit {
  return { op: "update_initiative", initiative: { ...initiative, ...patch } };
}

export function updatePhase(phase: Phase, patch: Partial<Phase>): Edit {
  return { op: "update_phase", phase: { ...phase, ...patch } };
}

/** A new phase at the end of the plan, named `name`. */
export function createPhase(id: Id, name: string, position: number): Edit {
  return { op: "create_phase", phase: { id, name, goal: "", start: null, end: null, position } };
}

/** A new, proposed initiative at the end of phase `phaseId`, linked to what `links` names. */
export function createInitiative(
  id: Id,
  phaseId: Id,
  position: number,
  title: string,
  links: { step_ids?: Id[]; handoff_ids?: Id[]; suggestion_keys?: string[] } = {},
): Edit {
  return {
    op: "create_initiative",
    initiative: {
      id,
      phase_id: phaseId,
      position,
      title,
      description: "",
      owner: "",
      status: "proposed",
      impact: 3,
      effort: 3,
      started: null,
      due: null,
      step_ids: links.step_ids ?? [],
      handoff_ids: links.handoff_ids ?? [],
      suggestion_keys: links.suggestion_keys ?? [],
      expected_effect: null,
    },
  };
}

/** "Plan a fix" on a suggestion: a new initiative named after its rule, described by its reason,
 * linked to its evidence and its key, at the end of phase `phaseId`. */
export function fixForSuggestion(id: Id, phaseId: Id, position: number, s: Suggestion, title: string): Edit {
  const edit = createInitiative(id, phaseId, position, title, {
    step_ids: s.step_ids,
    handoff_ids: s.handoff_ids,
    suggestion_keys: [s.key],
  });
  if (edit.op === "create_initiative") edit.initiative.description = s.reason;
  return edit;
}

/** "Plan a fix" on a handoff hotspot: a new initiative linked to the handoff, its friction in
 * the description, at the end of phase `phaseId`. */
export function fixForHandoff(id: Id, phaseId: Id, position: number, handoffId: Id, friction: number, title: string): Edit {
  const edit = createInitiative(id, phaseId, position, title, { handoff_ids: [handoffId] });
  if (edit.op === "create_initiative") edit.initiative.description = `Friction ${friction} of 100 (a hotspot of the analysis).`;
  return edit;
}

/** "Plan a fix" on a touchpoint hotspot: a new initiative linked to the touchpoint, expected to
 * bring the hotspot's metric up to its target there (Rust checks the value is in range). */
export function fixForTouchpoint(id: Id, phaseId: Id, position: number, hotspot: TouchpointHotspot, title: string, reason: string): Edit {
  const edit = createInitiative(id, phaseId, position, title, { step_ids: [hotspot.step_id] });
  if (edit.op !== "create_initiative") return edit;
  edit.initiative.description = reason;
  if (hotspot.target !== null) {
    edit.initiative.expected_effect = { metric_id: hotspot.metric_id, subject: { kind: "step", id: hotspot.step_id }, value: hotspot.target };
  }
  return edit;
}
