// Plain words for enum values, as the inspector and lane headers show them.
import type { ContextTransfer, HandoffMode, LaneKind, Lane, Sourcing, Visibility, Work } from "./types";

export const LANE_KIND_LABELS: Record<LaneKind, string> = {
  customer: "Customer",
  actor: "Actor",
  emotion: "Emotion",
  thoughts: "Thoughts",
  pains: "Pains",
  opportunities: "Opportunities",
  channels: "Channels",
  notes: "Notes",
};
export const SOURCING_LABELS: Record<Sourcing, string> = { in_house: "In-house", outsourced: "Outsourced", offshore: "Offshore" };
export const WORK_LABELS: Record<Work, string> = { manual: "Manual", automated: "Automated" };
export const VISIBILITY_LABELS: Record<Visibility, string> = { frontstage: "Frontstage", backstage: "Backstage", support: "Support" };
export const MODE_LABELS: Record<HandoffMode, string> = { assisted: "Assisted (warm)", blind: "Blind (cold)", automated: "Automated" };
export const CONTEXT_LABELS: Record<ContextTransfer, string> = { full: "Full", partial: "Partial", none: "None" };

/** The CSS colour token of a lane's coloured edge. */
export function laneColourVar(l: Lane): string {
  if (l.kind === "actor") {
    const v = l.visibility ?? "frontstage";
    return `var(--lane-${v})`;
  }
  return `var(--lane-${l.kind})`;
}

/** The notice of an undo or redo: "Undone: create card". The history names the domain's
 * entities; the screen calls a step a card. */
export function changeNotice(did: "Undone" | "Redone", label: string): string {
  const words = label.replace(/\bsteps\b/g, "cards").replace(/\bstep\b/g, "card");
  return `${did}: ${words}`;
}
