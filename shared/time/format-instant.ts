import { Temporal } from 'temporal-polyfill';

const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;
const pad = (n: number) => String(n).padStart(2, '0');

/** "Mon 2026-03-02 09:00 -05:00": wall time in `timeZone`, with the offset so DST days read unambiguously. Locale-free on purpose (same text in Node and browsers). */
export function formatInstant(ms: number, timeZone: string): string {
  const z = Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(timeZone);
  return `${DAYS[z.dayOfWeek - 1]} ${z.toPlainDate().toString()} ${pad(z.hour)}:${pad(z.minute)} ${z.offset}`;
}

/**
 * A duration in hours and minutes ("27h", "1h5m", "0m"), never days: 27
 * business hours are three business days, not "1d3h".
 */
export function formatSpan(ms: number): string {
  const minutes = Math.round(Math.abs(ms) / 60_000);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${ms < 0 ? '-' : ''}${h ? `${h}h` : ''}${m || !h ? `${m}m` : ''}`;
}
