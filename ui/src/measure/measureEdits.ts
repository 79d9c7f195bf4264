// The measure screens' gestures as edits (one each, so one undo step each). Rust validates
// every value and names the field at fault; these only assemble what the user typed.
import type { Edit, Id, Metric, MetricEntries, Subject } from "../lib/types";

/** A number typed in a field; null when it is not one (the field then says so). */
export function typedNumber(text: string): number | null {
  const t = text.trim().replace(",", ".");
  if (t === "") return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

/** The edit setting, changing or clearing (`value` null) the subject's target on a metric;
 * null when nothing changes. */
export function targetEdit(entries: MetricEntries, subject: Subject, value: number | null, newId: Id): Edit | null {
  const held = entries.target;
  if (value === null) return held ? { op: "delete_target", id: held.id } : null;
  if (held) return held.value === value ? null : { op: "update_target", target: { ...held, value } };
  return { op: "create_target", target: { id: newId, subject, metric_id: entries.metric.id, value } };
}

export interface ScoreForm {
  metricId: Id;
  value: string;
  sampleSize: string;
  periodStart: string;
  periodEnd: string;
  source: string;
}

export interface ResponseForm {
  metricId: Id;
  value: string;
  date: string;
  comment: string;
}

/** Why a form cannot be sent yet: a field that holds no number or date (Rust checks the rest). */
export interface FormGap {
  field: string;
  message: string;
}

const NOT_A_NUMBER = "Type a number";
const NO_DATE = "Choose a date";

export function scoreEdit(subject: Subject, form: ScoreForm, id: Id): Edit | FormGap {
  const value = typedNumber(form.value);
  if (value === null) return { field: "value", message: NOT_A_NUMBER };
  const sample = typedNumber(form.sampleSize);
  if (sample === null || !Number.isInteger(sample) || sample < 0) return { field: "sample_size", message: "Type a whole number of answers" };
  if (!form.periodStart) return { field: "period_start", message: NO_DATE };
  if (!form.periodEnd) return { field: "period_end", message: NO_DATE };
  return {
    op: "create_score",
    score: { id, subject, metric_id: form.metricId, value, sample_size: sample, period_start: form.periodStart, period_end: form.periodEnd, source: form.source },
  };
}

export function responseEdit(subject: Subject, form: ResponseForm, id: Id): Edit | FormGap {
  const value = typedNumber(form.value);
  if (value === null) return { field: "value", message: NOT_A_NUMBER };
  if (!form.date) return { field: "date", message: NO_DATE };
  const comment = form.comment.trim() === "" ? null : form.comment;
  return {
    op: "add_responses",
    responses: [{ id, subject, metric_id: form.metricId, value, date: form.date, respondent: null, comment }],
  };
}

export function isGap(x: Edit | FormGap): x is FormGap {
  return !("op" in x);
}

/** A new custom metric, last in the list. */
export function createMetricEdit(id: Id, name: string, scaleMin: number, scaleMax: number, lowerIsBetter: boolean, position: number): Edit {
  const metric: Metric = { id, name, kind: "custom", scale_min: scaleMin, scale_max: scaleMax, direction: lowerIsBetter ? "lower_is_better" : "higher_is_better", position };
  return { op: "create_metric", metric };
}

export function renameMetricEdit(m: Metric, name: string): Edit | null {
  return m.name === name ? null : { op: "update_metric", metric: { ...m, name } };
}

/** Today as the date inputs write it (local time: the day the user sees). */
export function today(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}
