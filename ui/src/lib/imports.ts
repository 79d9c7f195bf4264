// Wording of the survey import dialog. What is accepted or rejected is decided in Rust; this
// only turns the preview's counts and reasons into the labels the dialog shows.
import type { ImportPreview, RejectReason, RejectedRow, SourceEncoding } from "../bindings";

/** Rejected rows listed before "and N more". */
export const REJECTED_LISTED = 20;

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString("en")} ${n === 1 ? one : many}`;

/** The commit button's label, or null when nothing can be imported. */
export function importLabel(p: Pick<ImportPreview, "accepted" | "rejected_count">): string | null {
  if (p.accepted === 0) return null;
  if (p.rejected_count === 0) return `Import ${plural(p.accepted, "row")}`;
  return `Import ${plural(p.accepted, "valid row")}, skip ${p.rejected_count.toLocaleString("en")}`;
}

/** Whether committing needs the user's consent to skip rejected rows (the CLI's --skip-invalid). */
export const mustSkip = (p: Pick<ImportPreview, "rejected_count">): boolean => p.rejected_count > 0;

export function encodingLabel(e: SourceEncoding): string {
  switch (e) {
    case "utf8":
      return "UTF-8";
    case "windows1252":
      return "Windows-1252 (Latin-1)";
    case "utf16_le":
      return "UTF-16 little-endian";
    case "utf16_be":
      return "UTF-16 big-endian";
  }
}

export function separatorLabel(s: string): string {
  return s === ";" ? "semicolon-separated" : s === "\t" ? "tab-separated" : "comma-separated";
}

/** One line summing up the file: rows, valid, rejected, encoding and separator. */
export function summary(p: Pick<ImportPreview, "rows" | "accepted" | "rejected_count" | "encoding" | "separator">): string {
  return [
    plural(p.rows, "row"),
    `${p.accepted.toLocaleString("en")} valid`,
    `${p.rejected_count.toLocaleString("en")} rejected`,
    encodingLabel(p.encoding),
    separatorLabel(p.separator),
  ].join(" · ");
}

const REASONS: Record<RejectReason["kind"], string> = {
  missing_value: "Missing value",
  unknown_target: "Unknown target",
  ambiguous_path: "Ambiguous path",
  target_outside_journey: "Other journey",
  unknown_metric: "Unknown metric",
  ambiguous_metric: "Ambiguous metric",
  not_a_number: "Not a number",
  off_scale: "Off scale",
  bad_date: "Bad date",
  too_long: "Too long",
  duplicate: "Duplicate",
};

export function reasonLabel(r: RejectReason): string {
  return REASONS[r.kind];
}

/** The rejected rows to list and how many more there are in the file. */
export function listedRejections(p: Pick<ImportPreview, "rejected" | "rejected_count">, max = REJECTED_LISTED): { rows: RejectedRow[]; more: number } {
  const rows = p.rejected.slice(0, max);
  return { rows, more: Math.max(0, p.rejected_count - rows.length) };
}

/** The sentence shown once the import is done. */
export function resultMessage(imported: number, skipped: number, undoKey: string): string {
  const skippedPart = skipped > 0 ? `, skipped ${plural(skipped, "rejected row")}` : "";
  return `Imported ${plural(imported, "response")}${skippedPart}. Undo with ${undoKey}.`;
}
