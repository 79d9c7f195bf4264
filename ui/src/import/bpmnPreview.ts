// The BPMN import preview in words: the plan (lanes, steps, handoffs, stages, assumptions)
// comes whole from Rust; this only counts and names what the dialog lists.
import type { BpmnPlan } from "../bindings";

/** Handoffs listed before "and N more". */
export const HANDOFFS_LISTED = 12;

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString("en")} ${n === 1 ? one : many}`;

/** One line: lanes, steps, handoffs, stages and where the stages come from. */
export function planSummary(plan: BpmnPlan): string {
  const stages = `${plural(plan.stages.length, "stage")} (${plan.from_diagram ? "from the diagram's columns" : "from the flow's depth"})`;
  return [plural(plan.lanes.length, "lane"), plural(plan.steps.length, "step"), plural(plan.handoffs.length, "handoff"), stages].join(" · ");
}

export interface LaneRow {
  name: string;
  department: string | null;
  customer: boolean;
  automated: boolean;
  steps: number;
}

export function laneRows(plan: BpmnPlan): LaneRow[] {
  const counts = plan.lanes.map(() => 0);
  for (const s of plan.steps) if (s.lane < counts.length) counts[s.lane] += 1;
  return plan.lanes.map((l, i) => ({ name: l.name, department: l.department, customer: l.customer, automated: l.work === "automated", steps: counts[i] }));
}

export interface HandoffRow {
  from: string;
  to: string;
  fromLane: string;
  toLane: string;
  message: boolean;
}

/** The handoffs to list (step and lane names at both ends) and how many more there are. */
export function handoffRows(plan: BpmnPlan, max = HANDOFFS_LISTED): { rows: HandoffRow[]; more: number } {
  const step = (i: number) => plan.steps[i];
  const lane = (i: number) => plan.lanes[step(i)?.lane ?? -1]?.name ?? "";
  const rows = plan.handoffs.slice(0, max).map((h) => ({ from: step(h.from)?.title ?? "", to: step(h.to)?.title ?? "", fromLane: lane(h.from), toLane: lane(h.to), message: h.message }));
  return { rows, more: Math.max(0, plan.handoffs.length - rows.length) };
}

/** The lane marked as the customer's, by name (what Rust is asked with). */
export const customerLane = (plan: BpmnPlan): string | null => plan.lanes.find((l) => l.customer)?.name ?? null;
