// The Compare view's wording and choices: which versions can be compared with the journey on
// screen, and how a comparison's figures and changes read. The comparison itself (pairing,
// differences, figures, which way is better) comes whole from Rust (`baton_core::compare`).
import type { ChangeStatus, Comparison, FigureChange, ItemChange, ItemKind, Journey, Reading, SnapshotInfo, VersionRef } from "../bindings";

/** One version the pickers offer. */
export interface VersionChoice {
  key: string;
  version: VersionRef;
  label: string;
}

/** A stable key for a version, for `<select>` values. */
export function versionKey(v: VersionRef): string {
  return `${v.kind}:${v.id}`;
}

/** The versions to compare for `journey`: the journey now, the journeys copied from it or it
 * was copied from (a future state and its current state), then its snapshots, oldest first. */
export function versionChoices(journey: Journey, journeys: Journey[], snapshots: SnapshotInfo[]): VersionChoice[] {
  const journeyChoice = (j: Journey, label: string): VersionChoice => {
    const version: VersionRef = { kind: "journey", id: j.id };
    return { key: versionKey(version), version, label };
  };
  const related = journeys.filter((j) => j.id !== journey.id && (j.origin_id === journey.id || journey.origin_id === j.id));
  return [
    journeyChoice(journey, `Now: ${withState(journey)}`),
    ...related.map((j) => journeyChoice(j, `Now: ${withState(j)}`)),
    ...snapshots
      .filter((s) => s.journey_id === journey.id)
      .map((s): VersionChoice => {
        const version: VersionRef = { kind: "snapshot", id: s.id };
        return { key: versionKey(version), version, label: `Snapshot: ${s.name}` };
      }),
  ];
}

/** A journey's name with its state, unless the name says it already (a future-state copy is
 * named "… (future)"). */
function withState(j: Journey): string {
  return j.name.endsWith(`(${j.state})`) ? j.name : `${j.name} (${j.state} state)`;
}

/** The pair first shown: the latest snapshot against the journey now; without a snapshot, the
 * current state against the future state (whichever of the two is on screen); else none
 * (nothing to compare yet). */
export function defaultPair(choices: VersionChoice[], onScreenIsFuture: boolean): [VersionChoice, VersionChoice] | null {
  const now = choices[0];
  if (!now) return null;
  const snapshots = choices.filter((c) => c.version.kind === "snapshot");
  const latest = snapshots[snapshots.length - 1];
  if (latest) return [latest, now];
  const other = choices[1];
  if (!other) return null;
  return onScreenIsFuture ? [other, now] : [now, other];
}

export type Tone = "better" | "worse" | "same" | "neutral";

/** Whether a figure's difference is good news, bad news, none, or neither (a count). */
export function figureTone(f: FigureChange): Tone {
  if (f.difference === null || f.difference === 0) return "same";
  if (f.better === "neither") return "neutral";
  const lower = f.difference < 0;
  return (f.better === "lower") === lower ? "better" : "worse";
}

const PERCENT_KEYS = new Set(["blind_share"]);

/** A figure's value as shown: shares in %, means to one decimal, counts whole; none is "–". */
export function formatFigure(key: string, value: number | null): string {
  if (value === null) return "–";
  if (PERCENT_KEYS.has(key)) return `${Math.round(value * 100)} %`;
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

/** A difference with its sign ("+2", "−25", "0"), in the figure's unit. */
export function formatDifference(key: string, difference: number | null): string {
  if (difference === null) return "";
  if (difference === 0) return "0";
  const magnitude = formatFigure(key, Math.abs(difference));
  return `${difference > 0 ? "+" : "−"}${magnitude}`;
}

const KIND_WORDS: Record<ItemKind, string> = { stage: "Stage", lane: "Lane", step: "Card", handoff: "Handoff" };

/** What happened to an item, in a word or two. */
export function changeWord(change: ItemChange): string {
  const status: ChangeStatus = change.status;
  if (status === "added") return "added";
  if (status === "removed") return "removed";
  const changed = change.fields.length > 0;
  if (changed && change.moved) return "changed and moved";
  return changed ? "changed" : "moved";
}

/** The line of a change in the list: "Card removed", "Handoff changed". */
export function changeTitle(change: ItemChange): string {
  return `${KIND_WORDS[change.kind]} ${changeWord(change)}`;
}

/** Each changed field as "field: before → after" (an empty value reads "(none)"); a move as
 * "Stage / Lane → Stage / Lane". */
export function changeDetails(change: ItemChange): string[] {
  const shown = (text: string) => (text === "" ? "(none)" : text);
  const lines = change.fields.map((f) => `${f.field.replaceAll("_", " ")}: ${shown(f.before)} → ${shown(f.after)}`);
  const m = change.moved;
  if (m) lines.push(`moved: ${m.from_stage} / ${m.from_lane} → ${m.to_stage} / ${m.to_lane}`);
  return lines;
}

/** A latest score against its target, as one short phrase: "62 (target 75)", "no score". */
function readingWords(r: Reading | null): string {
  if (!r) return "none";
  const latest = r.latest === null ? "no score" : formatFigure("", r.latest);
  return r.target === null ? latest : `${latest} (target ${formatFigure("", r.target)})`;
}

/** What the comparison measured of a changed item, beside its fields: a handoff's friction, a
 * touchpoint's latest score against target per metric ("CSAT: 62 (target 75) → 70 (target
 * 75)"). Rust sends these only where they differ. `metricName` names a metric by id. */
export function measureLines(comparison: Comparison, change: ItemChange, metricName: (id: string) => string): string[] {
  const id = change.b_id;
  if (!id || change.status !== "kept") return [];
  if (change.kind === "handoff") {
    const h = comparison.handoffs.find((x) => x.b_id === id);
    return h ? [`friction: ${h.a} → ${h.b}`] : [];
  }
  if (change.kind !== "step") return [];
  return comparison.touchpoints.filter((t) => t.b_id === id).map((t) => `${metricName(t.metric_id)}: ${readingWords(t.a)} → ${readingWords(t.b)}`);
}
