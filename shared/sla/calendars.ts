import { perPolicy } from '../policy/per-policy';
import type { Policy } from '../policy/schema';
import { createSpecCalendar, type SpecCalendar } from './calendar';

/** Resolves a policy calendar id to its calendar (a BusinessCalendar, usable wherever a ClockCalendar is). */
export type CalendarLookup = (calendarId: string) => SpecCalendar;

const lookups = perPolicy((policy): CalendarLookup => {
  const cache = new Map<string, SpecCalendar>();
  return (calendarId) => {
    const cached = cache.get(calendarId);
    if (cached) return cached;
    const spec = policy.calendars[calendarId];
    if (!spec) throw new Error(`calendars.${calendarId}: calendar is not defined in the policy`);
    const calendar = createSpecCalendar(spec);
    cache.set(calendarId, calendar);
    return calendar;
  };
});

/**
 * The policy's calendars, built once per policy object and id: a calendar
 * caches its holidays and DST days, so rebuilding it per ticket would redo
 * that work. Every clock reads time through the calendar named in its snapshot.
 */
export function calendarLookup(policy: Policy): CalendarLookup {
  return lookups(policy);
}
