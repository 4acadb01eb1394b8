import type { CalendarSpec } from './calendar-spec';
import { WEEKDAYS } from './calendar-spec';

const NAMES = { mon: 'Mon', tue: 'Tue', wed: 'Wed', thu: 'Thu', fri: 'Fri', sat: 'Sat', sun: 'Sun' } as const;

/** "Mon–Fri 08:00–17:00; closed Sat, Sun; public holidays (US) closed" — the schedule in words, for explanations. */
export function describeCalendar(spec: CalendarSpec): string {
  const hours = WEEKDAYS.map((d) => (spec.week[d] ?? []).map(([a, b]) => `${a}–${b}`).join(', '));
  if (hours.every((h) => h === '00:00–24:00') && !spec.holidays?.length && !spec.holidayRegion) return 'open around the clock (24×7)';
  const runs: string[] = [];
  for (let i = 0; i < WEEKDAYS.length; ) {
    let j = i;
    while (j + 1 < WEEKDAYS.length && hours[j + 1] === hours[i]) j++;
    if (hours[i]) runs.push(`${NAMES[WEEKDAYS[i]!]}${j > i ? `–${NAMES[WEEKDAYS[j]!]}` : ''} ${hours[i]}`);
    i = j + 1;
  }
  const closed = WEEKDAYS.filter((_, i) => !hours[i]).map((d) => NAMES[d]);
  const parts = [runs.join('; ')];
  if (closed.length) parts.push(`closed ${closed.join(', ')}`);
  if (spec.holidayRegion) parts.push(`public holidays (${spec.holidayRegion}) closed`);
  if (spec.holidays?.length) parts.push(`${spec.holidays.length} listed holiday${spec.holidays.length > 1 ? 's' : ''} closed`);
  return parts.join('; ');
}
