const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "45s", "12m", "3h 05m", "2d 4h": compact enough for a queue row. */
export function formatSpan(ms: number): string {
  const abs = Math.abs(ms);
  if (abs < MINUTE) return `${Math.floor(abs / 1000)}s`;
  if (abs < HOUR) return `${Math.floor(abs / MINUTE)}m ${String(Math.floor((abs % MINUTE) / 1000)).padStart(2, '0')}s`;
  if (abs < DAY) return `${Math.floor(abs / HOUR)}h ${String(Math.floor((abs % HOUR) / MINUTE)).padStart(2, '0')}m`;
  return `${Math.floor(abs / DAY)}d ${Math.floor((abs % DAY) / HOUR)}h`;
}

export function formatClockTime(ms: number, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(ms);
}

export function formatDateTime(ms: number, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(ms);
}

/**
 * A moment in the coming days, as short as stays unambiguous: "08:00" later
 * today, "Mon 08:00" within the week, else the date and time.
 */
export function formatUpcoming(ms: number, nowMs: number, locale?: string): string {
  const time = new Intl.DateTimeFormat(locale, { timeStyle: 'short' }).format(ms);
  const day = (t: number) => new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'numeric', day: 'numeric' }).format(t);
  if (day(ms) === day(nowMs)) return time;
  if (ms - nowMs < 6 * DAY) return `${new Intl.DateTimeFormat(locale, { weekday: 'short' }).format(ms)} ${time}`;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(ms);
}
