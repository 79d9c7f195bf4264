// What the insights panel, the score badges, the friction view, the chain marks and the
// inspector's score history show, derived from the shell's `JourneyInsights`. Every number is
// computed in Rust (baton-core analysis and insights); this only picks, formats and maps them to
// colour tokens. Numbers arrive as `number | null` (serde writes NaN as null): null reads as missing.
import type {
  CrossingTotals,
  FrictionFactor,
  Id,
  JourneyInsights,
  MetricKind,
  MetricScores,
  ScoreStatus,
  SubjectScores,
  Suggestion,
  SuggestionRule,
  Summary,
  TransferChain,
} from "./types";

// ---- score status and colour ----

export const STATUS_LABELS: Record<ScoreStatus, string> = {
  meets: "Meets its target",
  near: "Just below its target",
  misses: "Below its target",
  no_target: "No target set",
  no_score: "Not measured yet",
};

/** The colour token of a score status (tokens.css, `--score-*`, light and dark). */
export function statusColourVar(status: ScoreStatus): string {
  switch (status) {
    case "meets":
      return "var(--score-meets)";
    case "near":
      return "var(--score-near)";
    case "misses":
      return "var(--score-misses)";
    default:
      return "var(--score-none)";
  }
}

/** A score as people read it: CSAT "66%", NPS "+12" / "−30", CES and custom "5.2". */
export function formatScore(kind: MetricKind, value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "–";
  switch (kind) {
    case "csat":
      return `${Math.round(value)}%`;
    case "nps": {
      const n = Math.round(value);
      return n > 0 ? `+${n}` : n < 0 ? `−${-n}` : "0";
    }
    default:
      return (Math.round(value * 10) / 10).toFixed(1);
  }
}

/** A gap with its sign ("+4 pts", "−12 pts", "−0.3"); positive is always better. */
export function formatGap(kind: MetricKind, gap: number | null | undefined): string {
  if (gap === null || gap === undefined || !Number.isFinite(gap)) return "–";
  const sign = gap > 0 ? "+" : gap < 0 ? "−" : "±";
  const size = Math.abs(gap);
  if (kind === "csat" || kind === "nps") return `${sign}${Math.round(size)} pts`;
  return `${sign}${(Math.round(size * 10) / 10).toFixed(1)}`;
}

/** One plain sentence on where a subject stands on a metric. */
export function standingSentence(m: MetricScores): string {
  const latest = formatScore(m.metric_kind, m.latest?.value);
  const target = formatScore(m.metric_kind, m.target);
  switch (m.status) {
    case "meets":
      return `${latest} against a target of ${target}: on target.`;
    case "near":
      return `${latest} against a target of ${target}: within 5% of the scale, one survey wave could tip it.`;
    case "misses":
      return `${latest} against a target of ${target}: ${formatGap(m.metric_kind, m.gap).replace("−", "")} short.`;
    case "no_target":
      return `${latest}, with no target to compare it with. Set one to track the gap.`;
    case "no_score":
      return `Target ${target}, nothing measured yet. Import survey responses or enter a score.`;
  }
}

// ---- badges ----

export interface Badge {
  metricId: Id;
  label: string;
  status: ScoreStatus;
  /** Width in map units, from the text length (11 px bold, about 6.6 px a character). */
  width: number;
  title: string;
}

/** Short metric names for a pill ("CSAT"); a custom metric's name cut to 8 characters. */
export function metricShortName(m: Pick<MetricScores, "metric_kind" | "metric_name">): string {
  if (m.metric_kind !== "custom") return m.metric_kind.toUpperCase();
  const n = m.metric_name.trim();
  return n.length > 8 ? n.slice(0, 7) + "…" : n;
}

/**
 * The pills of one subject: its scored metrics in metric order, as many as fit in `room` map
 * units (at least one, so a scored card always shows its first score). `compact` pills show the
 * value alone (handoffs: their pill sits in a narrow gutter); the metric is in the title.
 */
export function badgesFor(metrics: MetricScores[] | undefined, room: number, compact = false): Badge[] {
  const out: Badge[] = [];
  let used = 0;
  for (const m of metrics ?? []) {
    if (!m.latest || m.latest.value === null) continue;
    const value = formatScore(m.metric_kind, m.latest.value);
    const label = compact ? value : `${metricShortName(m)} ${value}`;
    const width = Math.ceil(label.length * 6.6 + 12);
    if (out.length > 0 && used + 4 + width > room) break;
    used += (out.length > 0 ? 4 : 0) + width;
    out.push({
      metricId: m.metric_id,
      label,
      status: m.status,
      width,
      title: `${m.metric_name}: ${standingSentence(m)}`,
    });
  }
  return out;
}

/** Subject id → its metrics, for the map and the inspector (`subjects`: the insights' scores). */
export function scoresBySubject(subjects: readonly SubjectScores[] | undefined): Map<Id, MetricScores[]> {
  return new Map((subjects ?? []).map((s) => [s.subject.id, s.metrics]));
}

// ---- the score history chart ----

export interface ChartPoint {
  x: number;
  y: number;
  value: number;
  label: string;
  sample: number;
}
export interface ChartGeometry {
  points: ChartPoint[];
  /** The polyline through the points ("M x y L x y ..."), empty without points. */
  path: string;
  /** The target line's y, or null without a target. */
  targetY: number | null;
  /** The value domain drawn, bottom to top. */
  domain: [number, number];
  /** Two or three labelled values on the y axis, bottom first. */
  ticks: { y: number; value: number }[];
}

/**
 * Scales a series to a `width` x `height` box with `pad` inside. y: the values and the target,
 * widened by 10 % of their spread (at least 5 % of the metric's range) and kept inside the
 * metric's score range, so small moves stay visible without inventing impossible values.
 * x: points spread evenly in series order (periods are ordered, and evenly spaced ticks read
 * better in a 300 px chart than true time gaps).
 */
export function chartGeometry(
  m: Pick<MetricScores, "series" | "target" | "score_min" | "score_max">,
  width: number,
  height: number,
  pad: number,
): ChartGeometry {
  const series = m.series.filter((p) => p.value !== null && Number.isFinite(p.value));
  const values = series.map((p) => p.value as number);
  const target = m.target !== null && Number.isFinite(m.target) ? m.target : null;
  const all = target === null ? values : [...values, target];
  const lowEnd = m.score_min ?? 0;
  const highEnd = m.score_max ?? 100;
  const range = Math.max(1e-9, highEnd - lowEnd);
  let lo = all.length ? Math.min(...all) : lowEnd;
  let hi = all.length ? Math.max(...all) : highEnd;
  const margin = Math.max((hi - lo) * 0.1, range * 0.05);
  lo = Math.max(lowEnd, lo - margin);
  hi = Math.min(highEnd, hi + margin);
  if (hi - lo < 1e-9) {
    lo = lowEnd;
    hi = highEnd;
  }
  const innerW = Math.max(0, width - 2 * pad);
  const innerH = Math.max(0, height - 2 * pad);
  const yOf = (v: number) => pad + innerH * (1 - (v - lo) / (hi - lo));
  const xOf = (i: number) => (series.length <= 1 ? pad + innerW / 2 : pad + (innerW * i) / (series.length - 1));
  const points = series.map((p, i) => ({
    x: xOf(i),
    y: yOf(p.value as number),
    value: p.value as number,
    label: p.period.label,
    sample: p.sample_size,
  }));
  const path = points.map((p, i) => `${i === 0 ? "M" : "L"}${round2(p.x)} ${round2(p.y)}`).join(" ");
  const mid = (lo + hi) / 2;
  return {
    points,
    path,
    targetY: target === null ? null : yOf(target),
    domain: [lo, hi],
    ticks: [lo, mid, hi].map((value) => ({ y: yOf(value), value })),
  };
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

// ---- friction view ----

export type FrictionBand = "none" | "low" | "medium" | "high";

/** The bands of the legend: 0, 1–29, 30–59, 60–100. */
export const FRICTION_BANDS: { band: FrictionBand; label: string; from: number; to: number }[] = [
  { band: "none", label: "None", from: 0, to: 0 },
  { band: "low", label: "Low", from: 1, to: 29 },
  { band: "medium", label: "Medium", from: 30, to: 59 },
  { band: "high", label: "High", from: 60, to: 100 },
];

export function frictionBand(score: number): FrictionBand {
  if (score >= 60) return "high";
  if (score >= 30) return "medium";
  if (score >= 1) return "low";
  return "none";
}

/** Stroke width and colour token of a handoff in the friction view: 1.5 px at 0, 7.5 px at 100. */
export function frictionStroke(score: number): { width: number; colour: string; band: FrictionBand } {
  const s = Math.max(0, Math.min(100, score));
  const band = frictionBand(s);
  return { width: 1.5 + (6 * s) / 100, colour: `var(--friction-${band})`, band };
}

export const FRICTION_FACTOR_LABELS: Record<FrictionFactor, string> = {
  blind: "Blind (cold) transfer",
  context_none: "No context passed on",
  context_partial: "Part of the context passed on",
  reverify: "The customer verifies again",
  customer_repeats: "The customer tells the story again",
  wait: "Waiting",
  department_crossing: "Crosses a department",
  sourcing_crossing: "Crosses in-house / outsourced",
  automation_crossing: "Crosses manual / automated",
  sensitive_without_secure_channel: "Sensitive data, no secure channel",
  satisfaction_drop: "Satisfaction drops across it",
};

// ---- transfer chains ----

export interface ChainMark {
  /** 1-based number of the flagged chain, in handoff order. */
  chain: number;
  /** 1-based place of the handoff in its chain. */
  place: number;
  length: number;
  /** This is the chain's second transfer, where seed 004 says to flag it. */
  flagHere: boolean;
}

/** Handoff id → its mark, for the handoffs of flagged chains only (`chains`: the analysis's). */
export function chainMarks(chains: readonly TransferChain[] | undefined): Map<Id, ChainMark> {
  const out = new Map<Id, ChainMark>();
  let chain = 0;
  for (const c of chains ?? []) {
    if (!c.flagged) continue;
    chain += 1;
    c.handoff_ids.forEach((id, i) =>
      out.set(id, { chain, place: i + 1, length: c.handoff_ids.length, flagHere: c.flag_at_handoff_id === id }),
    );
  }
  return out;
}

/** The chain colour token; three colours, then they repeat. */
export function chainColourVar(chain: number): string {
  return `var(--chain-${((chain - 1) % 3) + 1})`;
}

// ---- evidence ----

export interface Evidence {
  /** What is highlighted: a suggestion key or `chain:<n>`. */
  key: string;
  ids: Set<Id>;
}

/** The steps, handoffs and stages a suggestion names as its evidence. */
export function evidenceOf(s: Suggestion): Evidence {
  return { key: s.key, ids: new Set([...s.step_ids, ...s.handoff_ids, ...s.stage_ids]) };
}

/** Clicking the highlighted suggestion again clears it; another one replaces it. */
export function toggleEvidence(current: Evidence | null, next: Evidence): Evidence | null {
  return current?.key === next.key ? null : next;
}

export const RULE_LABELS: Record<SuggestionRule, string> = {
  flag_chain: "Flag the transfer chain",
  blind_to_assisted: "Make the transfer assisted",
  carry_verification: "Carry the verification across",
  send_notes: "Send the notes along",
  concentrate_touchpoints: "Concentrate the touchpoints",
  secure_route: "Secure the route",
  measure_touchpoint: "Measure the touchpoint",
  investigate_touchpoint: "Investigate the score",
};

/** "2 cards, 1 handoff" */
export function evidenceSummary(s: Suggestion): string {
  const parts: string[] = [];
  const n = (count: number, one: string, many: string) => {
    if (count > 0) parts.push(`${count} ${count === 1 ? one : many}`);
  };
  n(s.step_ids.length, "card", "cards");
  n(s.handoff_ids.length, "handoff", "handoffs");
  n(s.stage_ids.length, "stage", "stages");
  return parts.join(", ") || "no map items";
}

// ---- headline metrics ----

export interface SummaryRow {
  key: string;
  label: string;
  value: string;
  /** What it means, in one plain sentence. */
  sentence: string;
  /** Worth a look: shown in the warning colour. */
  alert: boolean;
}

export function summaryRows(s: Summary, crossings: CrossingTotals): SummaryRow[] {
  const pct = (x: number | null) => (x === null ? "–" : `${Math.round(x * 100)}%`);
  return [
    { key: "handoffs", label: "Handoffs", value: `${s.handoffs}`, sentence: "Times the case passes from one lane to another.", alert: false },
    { key: "customer_visible", label: "Felt by the customer", value: `${s.customer_visible_handoffs}`, sentence: "Handoffs that land on a touchpoint: the customer is passed on.", alert: false },
    s.touchpoints === 0
      ? { key: "touchpoints", label: "Touchpoints", value: "0", sentence: "None marked yet. Select a card where the customer deals with you (customer or actor lane) and press T, or choose its touchpoint channel in the inspector.", alert: true }
      : { key: "touchpoints", label: "Touchpoints", value: `${s.touchpoints}`, sentence: "Steps where the customer deals with you directly.", alert: false },
    { key: "parties", label: "Parties", value: `${s.parties}`, sentence: "Teams the customer deals with. One is ideal: resolved in a single interaction.", alert: s.parties > 1 },
    { key: "blind_share", label: "Blind share", value: pct(s.blind_share), sentence: "Share of person-to-person handoffs done cold, without a briefing.", alert: (s.blind_share ?? 0) > 0 },
    { key: "reverifications", label: "Re-verifications", value: `${s.reverifications}`, sentence: "Times the customer proves who they are again after the first time.", alert: s.reverifications > 0 },
    { key: "retellings", label: "Retellings", value: `${s.retellings}`, sentence: "Handoffs after which the customer tells the story again.", alert: s.retellings > 0 },
    { key: "chains", label: "Flagged transfer chains", value: `${s.flagged_chains}`, sentence: `Runs of two transfers or more before the need is met (longest: ${s.longest_chain}).`, alert: s.flagged_chains > 0 },
    { key: "friction", label: "Friction, mean / max", value: s.mean_friction === null ? "–" : `${Math.round(s.mean_friction)} / ${s.max_friction}`, sentence: "0–100 per handoff: cold transfers, lost context, checks, waits and boundaries add up.", alert: s.max_friction >= 60 },
    { key: "crossings", label: "Boundary crossings", value: `${crossings.total}`, sentence: `Department ${crossings.department}, sourcing ${crossings.sourcing}, manual/automated ${crossings.automation}: each is a seam where cases get lost.`, alert: false },
  ];
}

/** True when there is nothing to analyse: no handoffs and no readings. */
export function isEmptyInsights(ins: JourneyInsights): boolean {
  return ins.analysis.summary.handoffs === 0 && ins.scores.subjects.length === 0;
}

/** What the insights panel shows: the error, a loading state while insights are computed (none
 * yet, or the ones held are empty and predate the last change: "nothing to analyse" would be
 * wrong for a journey just given its handoffs), the empty state's guidance, or the insights. */
export function insightsPanelState(ins: JourneyInsights | null, pending: boolean, failed: boolean): "error" | "loading" | "empty" | "shown" {
  if (failed) return "error";
  if (!ins) return "loading";
  if (isEmptyInsights(ins)) return pending ? "loading" : "empty";
  return "shown";
}
