import type { SpecCalendar } from './calendar';

export type ClosedPeriod = { from: number; to: number; holidays: string[] };

/** The closed stretches of [fromMs, toMs) on a calendar, each with the names of holidays it covers. */
export function closedPeriods(calendar: SpecCalendar, fromMs: number, toMs: number, limit = 500): ClosedPeriod[] {
  if (!(toMs > fromMs)) return [];
  const out: ClosedPeriod[] = [];
  let cursor = fromMs;
  const push = (from: number, to: number) => {
    if (to <= from) return;
    const holidays = calendar.holidaysBetween(from, to).map((h) => h.name);
    out.push({ from, to, holidays: [...new Set(holidays)] });
  };
  for (const [open, close] of calendar.openIntervals(fromMs, toMs, limit)) {
    push(cursor, open);
    cursor = close;
  }
  push(cursor, toMs);
  return out;
}
