import { parseCivilDate, weekdayOfDay } from '../time/civil';
import { DAY_MS, MINUTE_MS } from '../time/duration';
import { CalendarSpecSchema, WEEKDAYS, type CalendarSpec } from './calendar-spec';
import { isKnownHolidayRegion } from './holiday-region';
import { canonicalTimeZone } from './zone-offsets';

/** The weekly schedule as numbers, ready for arithmetic. */
export type WeekPattern = {
  /** Per weekday (0 = Monday): flat [start, end, start, end, …] in ms after local midnight, merged, ascending. */
  days: number[][];
  dayOpenMs: number[];
  weekOpenMs: number;
  /** Open ms of the days before residue k of (day number mod 7), k = 0…7; residue 0 is a Thursday. */
  residuePrefix: number[];
  /** Open around the clock every day: a calendar-time (24×7) schedule. */
  alwaysOpen: boolean;
};

export type NormalizedCalendar = {
  timeZone: string;
  week: WeekPattern;
  /** Explicitly listed closed local days (day number → the date as written). */
  holidays: Map<number, string>;
  holidayRegion: string | undefined;
};

export type CalendarIssue = { path: Array<string | number>; message: string };

export type CalendarCheck = { ok: true; calendar: NormalizedCalendar } | { ok: false; issues: CalendarIssue[] };

const minutesOf = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

function weekPattern(days: number[][]): WeekPattern {
  const dayOpenMs = days.map((flat) => flat.reduce((sum, v, i) => sum + (i % 2 ? v : -v), 0));
  const residuePrefix = [0];
  for (let k = 0; k < 7; k++) residuePrefix.push(residuePrefix[k]! + dayOpenMs[weekdayOfDay(k)]!);
  return {
    days,
    dayOpenMs,
    weekOpenMs: residuePrefix[7]!,
    residuePrefix,
    alwaysOpen: dayOpenMs.every((ms) => ms === DAY_MS),
  };
}

/** Checks a calendar spec: structure first, then meaning (zone, intervals, dates, region, some open time). */
export function checkCalendarSpec(input: unknown): CalendarCheck {
  const parsed = CalendarSpecSchema.safeParse(input);
  if (!parsed.success) {
    return { ok: false, issues: parsed.error.issues.map((i) => ({ path: i.path.map((p) => (typeof p === 'number' ? p : String(p))), message: i.message })) };
  }
  const spec: CalendarSpec = parsed.data;
  const issues: CalendarIssue[] = [];
  const timeZone = canonicalTimeZone(spec.timeZone);
  if (timeZone === undefined) issues.push({ path: ['timeZone'], message: `"${spec.timeZone}" is not a known IANA time zone` });

  const days = WEEKDAYS.map((weekday) => {
    const intervals = (spec.week[weekday] ?? []).map(([from, to], index) => ({ from: minutesOf(from), to: minutesOf(to), index }));
    for (const iv of intervals) {
      if (iv.to <= iv.from) issues.push({ path: ['week', weekday, iv.index], message: 'interval ends before it starts (end is exclusive; use "24:00" for midnight)' });
    }
    const valid = intervals.filter((iv) => iv.to > iv.from).sort((a, b) => a.from - b.from);
    const flat: number[] = [];
    valid.forEach((iv, i) => {
      const prev = valid[i - 1];
      if (prev && iv.from < prev.to) {
        issues.push({ path: ['week', weekday, Math.max(iv.index, prev.index)], message: `interval overlaps week.${weekday}[${Math.min(iv.index, prev.index)}]` });
        return;
      }
      // Touching intervals (12:00–13:00, 13:00–17:00) are one open stretch.
      if (prev && iv.from === prev.to) flat[flat.length - 1] = iv.to * MINUTE_MS;
      else flat.push(iv.from * MINUTE_MS, iv.to * MINUTE_MS);
    });
    return flat;
  });

  const holidays = new Map<number, string>();
  (spec.holidays ?? []).forEach((text, i) => {
    const day = parseCivilDate(text);
    if (day === undefined) issues.push({ path: ['holidays', i], message: `"${text}" is not a real date` });
    else holidays.set(day, text);
  });
  if (spec.holidayRegion !== undefined && !isKnownHolidayRegion(spec.holidayRegion)) {
    issues.push({ path: ['holidayRegion'], message: `"${spec.holidayRegion}" is not a holiday region date-holidays knows (e.g. "US", "DE-BY")` });
  }
  const week = weekPattern(days);
  if (week.weekOpenMs === 0 && !issues.some((i) => i.path[0] === 'week')) {
    issues.push({ path: ['week'], message: 'the calendar has no open time: at least one day needs an interval' });
  }
  if (issues.length || timeZone === undefined) return { ok: false, issues };
  return { ok: true, calendar: { timeZone, week, holidays, holidayRegion: spec.holidayRegion } };
}
