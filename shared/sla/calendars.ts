import type { Policy } from '../policy/schema';
import { calendar24x7 } from './calendar-24x7';
import type { CalendarSpec } from './calendar-spec';
import { WEEKDAYS } from './calendar-spec';
import type { ClockCalendar } from './clock-snapshot';

export type CalendarLookup = (calendarId: string) => ClockCalendar;

function isAlwaysOpen(spec: CalendarSpec): boolean {
  return (
    !spec.holidays?.length &&
    !spec.holidayRegion &&
    WEEKDAYS.every((day) => {
      const intervals = spec.week[day];
      return intervals?.length === 1 && intervals[0]?.[0] === '00:00' && intervals[0]?.[1] === '24:00';
    })
  );
}

/**
 * Resolves the policy's calendar ids. This is the seam for business calendars:
 * every clock reads time through the calendar named in its snapshot.
 */
export function calendarLookup(policy: Policy): CalendarLookup {
  const cache = new Map<string, ClockCalendar>();
  return (calendarId) => {
    const cached = cache.get(calendarId);
    if (cached) return cached;
    const spec = policy.calendars[calendarId];
    if (!spec) throw new Error(`calendars.${calendarId}: calendar is not defined in the policy`);
    if (!isAlwaysOpen(spec)) {
      throw new Error(`calendars.${calendarId}: business-hours calendars are not supported yet`);
    }
    cache.set(calendarId, calendar24x7);
    return calendar24x7;
  };
}
