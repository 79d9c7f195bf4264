// The mapping step's form: what each choice does to the mapping being edited. No import rule
// lives here: Rust proposes the mapping, reads the file through it and says what is wrong;
// this only copies the user's choices into the mapping sent back for the live preview.
import type { AnswerLabel, DateFormat, FieldSource, ImportPreview, PresetChoice, SavedOffer, SurveyMapping } from "../bindings";

export const DATE_FORMATS: { format: DateFormat; label: string }[] = [
  { format: "iso", label: "ISO (2026-11-04)" },
  { format: "day_month_year", label: "Day first (04/11/2026)" },
  { format: "month_day_year", label: "Month first (11/04/2026)" },
  { format: "google_forms", label: "Google Forms (2026/11/04 10:23:45 AM GMT+1)" },
  { format: "excel_serial", label: "Excel day number (46330)" },
];

/** The header's columns as the rating question's choices: the rating columns first. */
export function valueColumnChoices(header: string[], ratingColumns: string[]): { ratings: string[]; others: string[] } {
  const rating = new Set(ratingColumns);
  return { ratings: header.filter((h) => rating.has(h)), others: header.filter((h) => !rating.has(h)) };
}

/** A preset picked: the tool's own columns (rows to skip, date and its format, respondent);
 * the question, target, metric, comment and labels the user chose stay. */
export function withPreset(mapping: SurveyMapping, choice: PresetChoice): SurveyMapping {
  const p = choice.mapping;
  return { ...mapping, skip_rows: p.skip_rows, date_column: p.date_column, date_format: p.date_format, respondent_column: p.respondent_column };
}

/** A copy to edit (plain JSON data; also out of a Svelte state proxy, which
 * `structuredClone` refuses). */
export const copyMapping = (m: SurveyMapping): SurveyMapping => JSON.parse(JSON.stringify(m)) as SurveyMapping;

/** A saved mapping picked: it replaces the whole form, and names its sheet. */
export function withOffer(offer: SavedOffer): { mapping: SurveyMapping; sheet: string | null } {
  return { mapping: copyMapping(offer.mapping), sheet: offer.sheet };
}

/** The preset whose columns the mapping uses, if one's do (to show it picked). */
export function presetOf(mapping: SurveyMapping, presets: PresetChoice[]): PresetChoice | null {
  return (
    presets.find((c) => c.mapping.skip_rows === mapping.skip_rows && c.mapping.date_column === mapping.date_column && c.mapping.date_format === mapping.date_format && c.mapping.respondent_column === mapping.respondent_column) ?? null
  );
}

/** A target or metric switched between a column and a fixed value; the text starts empty. */
export function switchSource(source: FieldSource, kind: FieldSource["kind"]): FieldSource {
  return source.kind === kind ? source : { kind, text: "" };
}

/** An optional column from a drop-down, where "" means none. */
export const optionalColumn = (value: string): string | null => (value === "" ? null : value);

/** The labels table after the row `at` changed; a value that is not a number is kept as NaN
 * for Rust to refuse, never guessed. */
export function editLabel(labels: AnswerLabel[], at: number, change: Partial<{ label: string; value: string }>): AnswerLabel[] {
  return labels.map((l, i) => (i !== at ? l : { label: change.label ?? l.label, value: change.value === undefined ? l.value : Number(change.value.trim() === "" ? NaN : change.value) }));
}

/** The labels whose text or value cannot be read (flagged beside them). */
export function badLabels(labels: AnswerLabel[]): Set<number> {
  const bad = new Set<number>();
  labels.forEach((l, i) => {
    if (l.label.trim() === "" || l.value === null || !Number.isFinite(l.value)) bad.add(i);
  });
  return bad;
}

/** The mapping to send: rows without a label or a number left out, so the preview reads
 * the rest while the user is still typing. */
export function readableMapping(mapping: SurveyMapping): SurveyMapping {
  const bad = badLabels(mapping.labels);
  return { ...mapping, labels: mapping.labels.filter((_, i) => !bad.has(i)) };
}

/** Whether the file needs the mapping step: it lacks Baton's columns or is read through one. */
export const needsMapping = (p: Pick<ImportPreview, "problem" | "reading">): boolean => p.problem !== null || p.reading.mapping !== null;

/** The card selected on the map as the fixed target, when the mapping has none yet: the
 * user usually imports answers about the card they are looking at. */
export function withSelectedTarget(mapping: SurveyMapping, stepId: string | null): SurveyMapping {
  if (!stepId || mapping.target.kind !== "fixed" || mapping.target.text !== "") return mapping;
  return { ...mapping, target: { kind: "fixed", text: stepId } };
}
