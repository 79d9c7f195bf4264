// DEV ONLY: the fake shell's in-memory file and its canned readings and insights (see fake.ts).
import type { Handoff, Id, Journey, JourneyInsights, Lane, MetricScores, Persona, ScorePoint, Stage, Step, Suggestion } from "../lib/types";

export interface Db {
  journeys: Journey[];
  personas: Persona[];
  stages: Stage[];
  lanes: Lane[];
  steps: Step[];
  handoffs: Handoff[];
  /** Readings per step or handoff id (the fake has no survey engine: they are given). */
  scores: Record<Id, MetricScores[]>;
}

// ---- fake readings and a crude imitation of baton-core's analysis (dev only) ----
export type Said = [date: string, who: string | null, value: number, comment: string];
const MONTHS = ["2026-09", "2026-10", "2026-11"];

function reading(id: string, name: string, kind: MetricScores["metric_kind"], range: [number, number], values: number[], target: number | null, said: Said[]): MetricScores {
  const series: ScorePoint[] = values.map((value, i) => {
    const m = MONTHS[MONTHS.length - values.length + i];
    return { period: { start: `${m}-01`, end: `${m}-28`, label: m }, value, sample_size: 40 + i * 7, origin: { type: "responses" } };
  });
  const latest = series[series.length - 1] ?? null;
  const gap = latest && target !== null ? (latest.value ?? 0) - target : null;
  const norm = gap === null ? null : gap / (range[1] - range[0]);
  const status = !latest ? "no_score" : target === null ? "no_target" : (norm ?? 0) >= 0 ? "meets" : (norm ?? 0) >= -0.05 ? "near" : "misses";
  return {
    metric_id: id, metric_name: name, metric_kind: kind, direction: "higher_is_better", score_min: range[0], score_max: range[1],
    latest, target, gap, normalised_gap: norm, status, series,
    verbatims: said.map(([date, who, value, comment], i) => ({ response_id: `${id}-${i}`, date, respondent: who, value, comment })),
    verbatim_count: said.length,
  };
}
export const csat = (values: number[], target: number | null, said: Said[]) => reading("csat", "CSAT", "csat", [0, 100], values, target, said);
export const nps = (values: number[], target: number | null) => reading("nps", "NPS", "nps", [-100, 100], values, target, []);

export function fakeInsights(db: Db, jid: string, revision: number): JourneyInsights {
  const steps = db.steps.filter((s) => s.journey_id === jid);
  const byId = new Map(steps.map((s) => [s.id, s]));
  const lanes = new Map(db.lanes.map((l) => [l.id, l]));
  const hs = db.handoffs.filter((h) => h.journey_id === jid);
  const title = (id: string) => byId.get(id)?.title ?? "?";
  const analysed = hs.map((h, order) => {
    const items: { factor: import("../lib/types").FrictionFactor; points: number }[] = [];
    if (h.mode === "blind") items.push({ factor: "blind", points: 25 });
    if (h.context === "none") items.push({ factor: "context_none", points: 20 });
    if (h.context === "partial") items.push({ factor: "context_partial", points: 10 });
    if (h.reverify) items.push({ factor: "reverify", points: 15 });
    if (h.customer_repeats) items.push({ factor: "customer_repeats", points: 15 });
    if (h.wait_minutes > 0) items.push({ factor: "wait", points: Math.min(10, Math.floor(h.wait_minutes / 6)) });
    const a = lanes.get(byId.get(h.from_step_id)?.lane_id ?? ""), b = lanes.get(byId.get(h.to_step_id)?.lane_id ?? "");
    if (a?.department && b?.department && a.department !== b.department) items.push({ factor: "department_crossing", points: 5 });
    const uncapped = items.reduce((n, i) => n + i.points, 0);
    return {
      handoff_id: h.id, from_step_id: h.from_step_id, to_step_id: h.to_step_id, order, mode: h.mode,
      customer_visible: byId.get(h.to_step_id)?.touchpoint != null, crossings: [], satisfaction: [], drop: null,
      friction: { score: Math.min(100, uncapped), uncapped, items },
    };
  });
  const visible = analysed.filter((h) => h.customer_visible).map((h) => h.handoff_id);
  const chains = visible.length ? [{ handoff_ids: visible, flagged: visible.length >= 2, flag_at_handoff_id: visible[1] ?? null }] : [];
  const subjects = Object.entries(db.scores)
    .filter(([id]) => byId.has(id) || hs.some((h) => h.id === id))
    .map(([id, metrics]) => ({ subject: { kind: byId.has(id) ? ("step" as const) : ("handoff" as const), id }, metrics }));
  const touchHot = subjects
    .filter((s) => s.subject.kind === "step")
    .flatMap((s) => s.metrics.filter((m) => m.latest && m.target !== null).map((m) => ({ step_id: s.subject.id, metric_id: m.metric_id, latest: m.latest?.value ?? 0, target: m.target, gap: m.gap, normalised_gap: m.normalised_gap })))
    .sort((a, b) => (a.normalised_gap ?? 0) - (b.normalised_gap ?? 0));
  const suggestions: Suggestion[] = [];
  const sug = (rule: Suggestion["rule"], id: string, reason: string, seeds: string[], step_ids: string[], handoff_ids: string[]) =>
    suggestions.push({ key: `${rule}:${id}`, rule, reason, seeds, sources: [], step_ids, handoff_ids, stage_ids: [], metric_ids: [] });
  if (chains[0]?.flagged) sug("flag_chain", visible[0], `The customer is transferred ${visible.length} times before the need is met ("${title(analysed[0]?.from_step_id ?? "")}" to "${title(hs.find((h) => h.id === visible[visible.length - 1])?.to_step_id ?? "")}"). Flag the case at the second transfer and route it to a senior or special service lane.`, ["004"], [], visible);
  for (const h of hs) {
    if (h.mode === "blind" && h.customer_repeats) sug("blind_to_assisted", h.id, `The blind transfer from "${title(h.from_step_id)}" to "${title(h.to_step_id)}" is followed by the customer telling the story again. Make it an assisted (warm) transfer.`, ["004"], [h.from_step_id, h.to_step_id], [h.id]);
    if (h.reverify) sug("carry_verification", h.id, `The customer proves who they are again at "${title(h.to_step_id)}". Carry the verification across the internal referral.`, ["004"], [h.to_step_id], [h.id]);
    if (h.customer_repeats && h.context !== "full") sug("send_notes", h.id, `The customer repeats the story after "${title(h.from_step_id)}" with ${h.context} context passed on. Send the notes along with the case.`, ["000", "001"], [h.from_step_id, h.to_step_id], [h.id]);
  }
  for (const t of touchHot) if ((t.gap ?? 0) < 0) sug("investigate_touchpoint", `${t.step_id}:${t.metric_id}`, `"${title(t.step_id)}" scores ${Math.round(t.latest)} on CSAT against a target of ${t.target}. Investigate it.`, ["003"], [t.step_id], []);
  for (const s of steps) if (s.touchpoint && !db.scores[s.id]) sug("measure_touchpoint", s.id, `"${s.title}" is a touchpoint with no score. Measure it.`, ["003"], [s.id], []);
  const fr = analysed.map((h) => h.friction.score);
  const blind = hs.filter((h) => h.mode === "blind").length, assisted = hs.filter((h) => h.mode === "assisted").length;
  return {
    journey_id: jid,
    revision,
    scores: { journey_id: jid, granularity: "month", subjects },
    analysis: {
      summary: {
        steps: steps.length, handoffs: hs.length, customer_visible_handoffs: visible.length, touchpoints: steps.filter((s) => s.touchpoint).length,
        parties: new Set(steps.filter((s) => s.touchpoint && lanes.get(s.lane_id)?.kind === "actor").map((s) => lanes.get(s.lane_id)?.department ?? s.lane_id)).size,
        blind_handoffs: blind, assisted_handoffs: assisted, automated_handoffs: hs.length - blind - assisted,
        blind_share: blind + assisted ? blind / (blind + assisted) : null,
        reverifications: hs.filter((h) => h.reverify).length + Math.max(0, steps.filter((s) => s.verification).length - 1),
        retellings: hs.filter((h) => h.customer_repeats).length,
        flagged_chains: chains.filter((c) => c.flagged).length, longest_chain: visible.length,
        mean_friction: fr.length ? fr.reduce((a, b) => a + b, 0) / fr.length : null, max_friction: fr.length ? Math.max(...fr) : 0,
      },
      handoffs: analysed, chains,
      crossings: { department: 2, sourcing: 1, automation: 2, total: 5 },
      hotspots: {
        handoffs: analysed.filter((h) => h.friction.score > 0).sort((a, b) => b.friction.score - a.friction.score).map((h) => ({ handoff_id: h.handoff_id, friction: h.friction.score })),
        touchpoints: touchHot,
      },
      suggestions,
    },
  };
}
