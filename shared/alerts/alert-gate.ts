import type { Severity } from '../model/levels';
import { createCalendar, type BusinessCalendar } from '../sla/calendar';
import type { CalendarSpec } from '../sla/calendar-spec';
import { WEEKDAYS } from '../sla/calendar-spec';
import type { AlertSettings, QuietHours } from './alert-settings';

/**
 * When an alert may interrupt the agent: on shift and outside quiet hours.
 * Both are business calendars (the shift as the agent's own calendar, quiet
 * hours as its daily complement), so DST and holidays behave exactly as
 * they do for SLA clocks. S1 always gets through.
 */
export type AlertGate = {
  /** Whether an alert of `severity` may be shown at `ms`. */
  allows(ms: number, severity: Severity): boolean;
  /** The first instant ≥ `ms` at which a non-S1 alert may be shown; null when shift and quiet hours never overlap. */
  nextAllowed(ms: number): number | null;
};

/** The hours outside quiet hours, every day, as a calendar spec. */
export function quietHoursComplement(quiet: QuietHours): CalendarSpec {
  // Wrapping (22:00–07:00) leaves one open stretch; a daytime quiet window leaves two.
  const open: Array<[string, string]> =
    quiet.from > quiet.to
      ? [[quiet.to, quiet.from]]
      : ([
          ['00:00', quiet.from],
          [quiet.to, '24:00'],
        ] as Array<[string, string]>).filter(([a, b]) => a !== b);
  return { timeZone: quiet.timeZone, week: Object.fromEntries(WEEKDAYS.map((d) => [d, open])) };
}

/** Alternating nextOpen between two weekly calendars settles within a few rounds unless they never overlap. */
const MAX_ROUNDS = 64;

export function createAlertGate(settings: Pick<AlertSettings, 'quietHours' | 'shift'>): AlertGate {
  const calendars: BusinessCalendar[] = [];
  if (settings.shift) calendars.push(createCalendar(settings.shift));
  if (settings.quietHours) calendars.push(createCalendar(quietHoursComplement(settings.quietHours)));
  const open = (ms: number) => calendars.every((c) => c.isOpen(ms));
  return {
    allows: (ms, severity) => severity === 'S1' || open(ms),
    nextAllowed(ms) {
      let t = ms;
      for (let round = 0; round < MAX_ROUNDS; round++) {
        const before = t;
        for (const calendar of calendars) t = calendar.nextOpen(t);
        if (t === before) return t;
      }
      return null;
    },
  };
}
