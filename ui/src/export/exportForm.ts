// The Export dialog's form: what the user has chosen, turned into the request Rust checks.
// Which options a format takes, its page sizes and warnings all come from Rust
// (`export_choices`); nothing here decides what is valid.
import type { ExportChoices, ExportFormat, ExportOption, ExportPaper, ExportProgress, ExportRequest, FormatGroup, FormatInfo } from "../bindings";
import type { Id } from "../lib/types";

export interface ExportForm {
  format: ExportFormat;
  /** The journeys a plan reports on. */
  journeys: Id[];
  /** The one journey a map or BPMN export draws. */
  journey: Id | null;
  scores: boolean;
  friction: boolean;
  chains: boolean;
  lightTheme: boolean;
  scale: number;
  paper: ExportPaper;
  author: string;
  /** `YYYY-MM-DD`, or empty for today. */
  date: string;
}

export const GROUP_LABELS: Record<FormatGroup, string> = {
  plan: "Improvement plan",
  map: "Journey map",
  data: "Data",
};

export const PAPER_LABELS: Record<ExportPaper, string> = {
  a4: "A4",
  letter: "US Letter",
  a3: "A3",
  fit: "One page, the map's size",
};

/** The form a dialog opens with: the plan report in the Plan view, the shown journey's map
 * (as a picture) on the map; every journey for a plan. */
export function initialForm(choices: ExportChoices, mode: "map" | "plan", shownJourney: Id | null): ExportForm {
  const journey = choices.journeys.some((j) => j.id === shownJourney) ? shownJourney : (choices.journeys[0]?.id ?? null);
  const format: ExportFormat = mode === "map" && journey ? "map_png" : "plan_pdf";
  return withFormat(
    {
      format,
      journeys: choices.journeys.map((j) => j.id),
      journey,
      scores: true,
      friction: false,
      chains: true,
      lightTheme: true,
      scale: choices.default_scale,
      paper: "a4",
      author: "",
      date: "",
    },
    format,
    choices,
  );
}

export function formatInfo(choices: ExportChoices, format: ExportFormat): FormatInfo | null {
  return choices.formats.find((f) => f.format === format) ?? null;
}

/** The form with another format chosen: a page size the format lacks becomes its first one. */
export function withFormat(form: ExportForm, format: ExportFormat, choices: ExportChoices): ExportForm {
  const papers = formatInfo(choices, format)?.papers ?? [];
  const paper = papers.length === 0 || papers.includes(form.paper) ? form.paper : papers[0];
  return { ...form, format, paper };
}

export function takes(info: FormatInfo | null, option: ExportOption): boolean {
  return !!info && info.options.includes(option);
}

/** The formats by group, in Rust's order. */
export function groupedFormats(choices: ExportChoices): { group: FormatGroup; formats: FormatInfo[] }[] {
  const groups: { group: FormatGroup; formats: FormatInfo[] }[] = [];
  for (const f of choices.formats) {
    const last = groups[groups.length - 1];
    if (last && last.group === f.group) last.formats.push(f);
    else groups.push({ group: f.group, formats: [f] });
  }
  return groups;
}

/** The request for Rust: the journeys the format takes (all checked ones, or the one). */
export function requestOf(form: ExportForm, info: FormatInfo | null): ExportRequest {
  const count = info?.journeys ?? "many";
  const journeyIds = count === "many" ? [...form.journeys] : count === "one" && form.journey ? [form.journey] : [];
  return {
    format: form.format,
    journey_ids: journeyIds,
    scores: form.scores,
    friction: form.friction,
    chains: form.chains,
    light_theme: form.lightTheme,
    scale: form.scale,
    paper: form.paper,
    author: form.author,
    date: form.date,
  };
}

/** The journeys list with `id` checked or not (kept in the file's order). */
export function toggledJourney(form: ExportForm, id: Id, on: boolean, choices: ExportChoices): Id[] {
  const chosen = new Set(form.journeys);
  if (on) chosen.add(id);
  else chosen.delete(id);
  return choices.journeys.map((j) => j.id).filter((j) => chosen.has(j));
}

/** The same request (to ask for a preview only when something changed). */
export function requestKey(r: ExportRequest): string {
  return JSON.stringify(r);
}

/** How far along a running export is, 0 to 100: steps begun, the current one counted half. */
export function progressPercent(p: ExportProgress | null): number {
  if (!p || p.steps <= 0) return 0;
  return Math.round(((Math.min(p.step, p.steps) - 0.5) / p.steps) * 100);
}

/** A fresh id naming one export (its Cancel and its "Show in folder"). */
export function newJobId(): string {
  const bytes = new Uint8Array(8);
  crypto.getRandomValues(bytes);
  return "export-" + Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}
