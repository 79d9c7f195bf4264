// What the Plan view's filter holds, and how it reads. Which initiatives pass is decided in
// Rust (`plan_view`'s `PlanFilter`); this only builds the filter and puts it into words.
import type { InitiativeStatus, PlanFilter, Quadrant } from "../lib/types";

/** The whole plan: no journey, owner, status or quadrant chosen; scores by month (Rust's
 * default granularity, the insights' too). */
export const NO_PLAN_FILTER: PlanFilter = { journey_id: null, owner: null, status: null, quadrant: null, granularity: "month" };

/** The filter's four choices, each null for "all". */
export type FilterField = "journey_id" | "owner" | "status" | "quadrant";

/** Whether the filter chooses anything (it hides initiatives, or may). */
export function isFiltered(f: PlanFilter): boolean {
  // Rust reads a missing field as null (all).
  return f.journey_id != null || f.owner != null || f.status != null || f.quadrant != null;
}

/** `f` with one choice changed; a select's "" (All) clears it. Owner "" means "no owner" and
 * comes from its own option value (`NO_OWNER`). */
export function withChoice(f: PlanFilter, field: FilterField, value: string): PlanFilter {
  if (field === "owner") return { ...f, owner: value === "" ? null : value === NO_OWNER ? "" : value };
  if (field === "status") return { ...f, status: value === "" ? null : (value as InitiativeStatus) };
  if (field === "quadrant") return { ...f, quadrant: value === "" ? null : (value as Quadrant) };
  return { ...f, journey_id: value === "" ? null : value };
}

/** The owner select's value for "no owner" (a real owner is never this: Rust trims owners). */
export const NO_OWNER = " none";

/** The owner select's value for `f`. */
export function ownerChoice(f: PlanFilter): string {
  return f.owner == null ? "" : f.owner === "" ? NO_OWNER : f.owner;
}

/** "3 hidden by the filter" (or nothing to say). */
export function hiddenWords(hidden: number): string {
  if (hidden === 0) return "none hidden";
  return `${hidden} hidden by the filter`;
}
