// Words and numbers of the plan as a card shows them. The figures (quadrant, progress, evidence,
// overdue) come from Rust's plan_view; this only puts them into words.
import type { Progress, ProgressState, Quadrant } from "../lib/types";

export const QUADRANT_LABELS: Record<Quadrant, string> = {
  quick_win: "quick win",
  big_bet: "big bet",
  fill_in: "fill-in",
  money_pit: "money pit",
};

export const PROGRESS_WORDS: Record<ProgressState, string> = {
  not_measurable: "no expected effect",
  not_started: "not started",
  no_baseline: "no baseline",
  awaiting_data: "awaiting data",
  already_met: "already met",
  achieved: "achieved",
  improving: "improving",
  no_change: "no change",
  worse: "worse",
};

/** A score as the bar's words show it: one decimal ("3.1", "-12.0"). */
function score(v: number | null): string {
  return v === null ? "?" : v.toFixed(1);
}

/** The progress bar's words: "CES 3.1 -> 4.2 of 5.0, 64 %" when baseline and current exist,
 * else the metric and target with the state in words ("CES to 5.0: awaiting data"), or the
 * state alone. */
export function progressWords(p: Progress): string {
  const state = PROGRESS_WORDS[p.state];
  const metric = p.metric_name ?? "";
  const target = p.expected != null ? ` of ${score(p.expected)}` : "";
  if (p.baseline && p.current) {
    const pct = p.percent != null ? `, ${Math.round(p.percent)} %` : "";
    return `${metric} ${score(p.baseline.value)} -> ${score(p.current.value)}${target}${pct} · ${state}`.trim();
  }
  if (metric && p.expected != null) return `${metric} to ${score(p.expected)}: ${state}`;
  return state;
}

/** The bar's filled width in percent (Rust clamps it to 0..100), or null when there is no bar. */
export function barWidth(p: Progress): number | null {
  return p.bar ?? null;
}
