// The timeline's scale: days from the earliest date shown to the latest, as percentages of its
// width. Dates are ISO days ("2027-01-20"), read as UTC so no time zone shifts a bar.

const DAY = 86_400_000;

export function dayNumber(iso: string): number | null {
  const t = Date.parse(`${iso}T00:00:00Z`);
  return Number.isNaN(t) ? null : Math.round(t / DAY);
}

export interface Span {
  first: number;
  last: number;
}

/** The span that holds every given day and today, with at least a week's width. */
export function spanOf(days: (number | null)[], today: number): Span {
  const known = days.filter((d): d is number => d !== null);
  const first = Math.min(today, ...known);
  const last = Math.max(today, ...known);
  return { first, last: Math.max(last, first + 7) };
}

/** Where `day` falls across `span`, in percent. */
export function at(span: Span, day: number): number {
  return ((day - span.first) / (span.last - span.first)) * 100;
}
