// What the Plan view holds beside the plan itself (which lives in `app.plan`, renewed by every
// change): the selected initiative and the tab shown.
import { app } from "../lib/state.svelte";
import type { Id, Initiative, PhaseView, PlanScreen } from "../lib/types";
import type { BoardOrder } from "./planEdits";

export type PlanTab = "board" | "matrix" | "timeline";

class PlanUi {
  selected = $state<Id | null>(null);
  tab = $state<PlanTab>("board");
  /** The initiative being dragged on the board. */
  dragging = $state<Id | null>(null);
}

export const planUi = new PlanUi();

/** The board's order: each phase's id, its shown initiatives and how many it holds. */
export function boardOrder(screen: PlanScreen): BoardOrder {
  return {
    phases: screen.plan.phases.map((p) => ({
      id: p.phase.id,
      initiatives: p.initiatives.map((i) => ({ id: i.initiative.id, position: i.initiative.position })),
      size: endOf(p),
    })),
  };
}

/** The position after a phase's last initiative, shown or hidden by the filter: where a new
 * one goes. */
export function endOf(phase: PhaseView): number {
  return phase.initiatives.length + phase.hidden_count;
}

/** The selected initiative as the file holds it now, or null (also when it was deleted). */
export function selectedInitiative(): Initiative | null {
  const id = planUi.selected;
  if (!id || !app.plan) return null;
  for (const p of app.plan.plan.phases) {
    const found = p.initiatives.find((i) => i.initiative.id === id);
    if (found) return found.initiative;
  }
  return null;
}

export const STATUS_LABELS: Record<Initiative["status"], string> = {
  proposed: "Proposed",
  planned: "Planned",
  in_progress: "In progress",
  done: "Done",
  dropped: "Dropped",
};

/** A date of the plan ("2027-01-20") as the user reads it ("20 Jan 2027"). */
export function shortDate(iso: string | null): string {
  if (!iso) return "";
  const [y, m, d] = iso.split("-").map(Number);
  if (!y || !m || !d) return iso;
  const month = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][m - 1];
  return `${d} ${month} ${y}`;
}
