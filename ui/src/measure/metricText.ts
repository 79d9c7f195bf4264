// How the Metrics dialog words a metric and what its delete takes with it (the counts are
// Rust's: `metricUses`).
import type { Metric, MetricUses } from "../lib/types";

const BUILT_IN: Record<string, string> = {
  csat: "built-in: % of 4 and 5 answers",
  nps: "built-in: % promoters minus % detractors",
  ces: "built-in: mean answer",
};

export function describeMetric(m: Metric): string {
  const scale = `answers ${m.scale_min} to ${m.scale_max}`;
  const better = m.direction === "lower_is_better" ? "lower is better" : "higher is better";
  return m.kind === "custom" ? `custom: mean answer, ${scale}, ${better}` : `${BUILT_IN[m.kind]}, ${scale}`;
}

function counted(n: number, one: string, many: string): string | null {
  return n === 0 ? null : `${n.toLocaleString("en")} ${n === 1 ? one : many}`;
}

/** "Deleting NPS also deletes 1 target, 3 scores and 120 responses, and clears 1 initiative's
 * expected effect." or "Nothing else uses NPS." */
export function deleteSentence(name: string, uses: MetricUses): string {
  const gone = [counted(uses.targets, "target", "targets"), counted(uses.scores, "entered score", "entered scores"), counted(uses.responses, "survey response", "survey responses")].filter((x): x is string => x !== null);
  const effects = counted(uses.initiatives, "initiative's expected effect", "initiatives' expected effects");
  if (gone.length === 0 && !effects) return `Nothing else uses ${name}.`;
  const list = gone.length > 1 ? `${gone.slice(0, -1).join(", ")} and ${gone[gone.length - 1]}` : (gone[0] ?? "");
  const parts = [list ? `also deletes ${list}` : null, effects ? `clears ${effects}` : null].filter(Boolean);
  return `Deleting ${name} ${parts.join(", and ")}. Undo brings them back.`;
}
