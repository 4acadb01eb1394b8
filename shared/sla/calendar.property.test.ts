import fc from 'fast-check';
import Holidays from 'date-holidays';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, test } from 'vitest';
import { DAY_MS, HOUR_MS } from '../time/duration';
import { createCalendar, type BusinessCalendar, type CalendarSpec } from './calendar';
import { WEEKDAYS } from './calendar-spec';

// Zones with unusual rules: midnight changes (Santiago, Havana, old São Paulo), 30-minute DST (Lord Howe),
// odd offsets (Kolkata, Chatham), a skipped calendar day (Apia, 2011-12-30), no DST at all (UTC).
const ZONES = [
  'America/New_York', 'Europe/Berlin', 'Australia/Lord_Howe', 'America/Santiago', 'America/Havana',
  'America/Sao_Paulo', 'Asia/Kolkata', 'Pacific/Chatham', 'Pacific/Apia', 'UTC', 'Africa/Casablanca',
];
const REGIONS = [undefined, 'US', 'DE-BY', 'GB', 'BR'];
const FROM = Temporal.Instant.from('2005-01-01T00:00:00Z').epochMilliseconds;
const TO = Temporal.Instant.from('2035-01-01T00:00:00Z').epochMilliseconds;

const hhmm = (halfHours: number) =>
  `${String(Math.floor(halfHours / 2)).padStart(2, '0')}:${halfHours % 2 ? '30' : '00'}`;

const dayIntervals = fc
  .uniqueArray(fc.integer({ min: 0, max: 48 }), { maxLength: 6 })
  .map((points) => {
    const sorted = [...points].sort((a, b) => a - b);
    const out: Array<[string, string]> = [];
    for (let i = 0; i + 1 < sorted.length; i += 2) out.push([hhmm(sorted[i]!), hhmm(sorted[i + 1]!)]);
    return out;
  });

const specArb: fc.Arbitrary<CalendarSpec> = fc
  .record({
    timeZone: fc.constantFrom(...ZONES),
    days: fc.array(dayIntervals, { minLength: 7, maxLength: 7 }),
    holidays: fc.array(fc.date({ min: new Date(FROM), max: new Date(TO), noInvalidDate: true }), { maxLength: 6 }),
    region: fc.constantFrom(...REGIONS),
  })
  .filter((r) => r.days.some((d) => d.length > 0))
  .map((r) => ({
    timeZone: r.timeZone,
    week: Object.fromEntries(WEEKDAYS.map((w, i) => [w, r.days[i]!])),
    holidays: r.holidays.map((d) => d.toISOString().slice(0, 10)),
    ...(r.region ? { holidayRegion: r.region } : {}),
  }));

const instant = fc.integer({ min: FROM, max: TO });

/** A DST (or other offset) change of the zone, found from a year and half; null where the zone has none. */
function transitionNear(timeZone: string, year: number, secondHalf: boolean): number | null {
  const from = Temporal.ZonedDateTime.from({ timeZone, year, month: secondHalf ? 7 : 1, day: 1 });
  return from.getTimeZoneTransition('next')?.epochMilliseconds ?? null;
}

/** Uniform instants, and instants within 40 hours of an offset change, where calendars go wrong. */
const instantIn = (spec: CalendarSpec) =>
  fc.oneof(
    instant,
    fc
      .tuple(fc.integer({ min: 2005, max: 2034 }), fc.boolean(), fc.integer({ min: -40 * HOUR_MS, max: 40 * HOUR_MS }))
      .map(([year, half, offset]) => (transitionNear(spec.timeZone, year, half) ?? FROM) + offset),
  );
const withInstants = <T>(extra: (spec: CalendarSpec) => fc.Arbitrary<T>) =>
  specArb.chain((spec) => fc.tuple(fc.constant(spec), instantIn(spec), extra(spec)));
const duration = fc.oneof(
  fc.integer({ min: 0, max: 3 * DAY_MS }),
  fc.integer({ min: 0, max: 400 * DAY_MS }),
  fc.constantFrom(0, 1, HOUR_MS, 9 * HOUR_MS),
);

/** Independent reference: each local day resolved through Temporal, holidays straight from date-holidays. */
function reference(spec: CalendarSpec) {
  const closed = new Set(spec.holidays ?? []);
  const regionYears = new Set<number>();
  const source = spec.holidayRegion
    ? new Holidays(Object.fromEntries(['country', 'state'].map((k, i) => [k, spec.holidayRegion!.split('-')[i]]).filter(([, v]) => v)) as { country: string })
    : undefined;
  const addYear = (year: number) => {
    if (!source || regionYears.has(year)) return;
    regionYears.add(year);
    for (const h of source.getHolidays(year)) if (h.type === 'public') closed.add(h.date.slice(0, 10));
  };
  const intervalsOf = (date: Temporal.PlainDate): Array<[number, number]> => {
    addYear(date.year);
    if (closed.has(date.toString())) return [];
    const start = date.toZonedDateTime(spec.timeZone).epochMilliseconds;
    const end = date.add({ days: 1 }).toZonedDateTime(spec.timeZone).epochMilliseconds;
    const weekday = WEEKDAYS[date.dayOfWeek - 1]!;
    const toUtc = (hm: string) =>
      hm === '24:00'
        ? end
        : date.toPlainDateTime(Temporal.PlainTime.from(hm)).toZonedDateTime(spec.timeZone, { disambiguation: 'compatible' }).epochMilliseconds;
    return (spec.week[weekday] ?? [])
      .map(([a, b]): [number, number] => [Math.max(start, toUtc(a)), Math.min(end, toUtc(b))])
      .filter(([a, b]) => b > a);
  };
  const dateOf = (ms: number) => Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(spec.timeZone).toPlainDate();
  return {
    isOpen: (ms: number) => intervalsOf(dateOf(ms)).some(([a, b]) => ms >= a && ms < b),
    between(s: number, e: number) {
      // Union per day, so intervals mapped onto each other in a DST gap count once.
      let total = 0;
      for (let d = dateOf(s); Temporal.PlainDate.compare(d, dateOf(e)) <= 0; d = d.add({ days: 1 })) {
        let covered = -Infinity;
        for (const [a, b] of intervalsOf(d).sort((x, y) => x[0] - y[0])) {
          const from = Math.max(a, s, covered);
          const to = Math.min(b, e);
          if (to > from) total += to - from;
          covered = Math.max(covered, b);
        }
      }
      return total;
    },
  };
}

const calendars = new WeakMap<CalendarSpec, BusinessCalendar>();
const calendarOf = (spec: CalendarSpec) => {
  let cal = calendars.get(spec);
  if (!cal) calendars.set(spec, (cal = createCalendar(spec)));
  return cal;
};

describe('calendar properties over random schedules, zones and instants', () => {
  test('isOpen agrees with a day-by-day Temporal reference', () => {
    fc.assert(
      fc.property(specArb.chain((spec) => fc.tuple(fc.constant(spec), fc.array(instantIn(spec), { minLength: 1, maxLength: 20 }))), ([spec, instants]) => {
        const cal = calendarOf(spec);
        const ref = reference(spec);
        for (const t of instants) expect(cal.isOpen(t)).toBe(ref.isOpen(t));
      }),
    );
  });

  test('businessTimeBetween agrees with the reference over spans of up to 40 days', () => {
    fc.assert(
      fc.property(withInstants(() => fc.integer({ min: 0, max: 40 * DAY_MS })), ([spec, s, span]) => {
        expect(calendarOf(spec).businessTimeBetween(s, s + span)).toBe(reference(spec).between(s, s + span));
      }),
      { numRuns: 60 },
    );
  });

  test('addBusinessTime is monotonic in the duration', () => {
    fc.assert(
      fc.property(withInstants(() => fc.tuple(duration, duration)), ([spec, s, [a, b]]) => {
        const cal = calendarOf(spec);
        const [small, large] = a <= b ? [a, b] : [b, a];
        expect(cal.addBusinessTime(s, small)).toBeLessThanOrEqual(cal.addBusinessTime(s, large));
      }),
    );
  });

  test('adding a then b is adding a + b', () => {
    fc.assert(
      fc.property(withInstants(() => fc.tuple(duration, duration)), ([spec, s, [a, b]]) => {
        const cal = calendarOf(spec);
        expect(cal.addBusinessTime(cal.addBusinessTime(s, a), b)).toBe(cal.addBusinessTime(s, a + b));
      }),
    );
  });

  test('the open time between a start and start + d is exactly d', () => {
    fc.assert(
      fc.property(withInstants(() => duration), ([spec, s, d]) => {
        const cal = calendarOf(spec);
        expect(cal.businessTimeBetween(s, cal.addBusinessTime(s, d))).toBe(d);
      }),
    );
  });

  test('a positive duration never ends inside closed time, only in open time or at a closing instant', () => {
    fc.assert(
      fc.property(withInstants(() => duration.filter((d) => d > 0)), ([spec, s, d]) => {
        const cal = calendarOf(spec);
        const end = cal.addBusinessTime(s, d);
        // The millisecond before the end was open: the end is open itself or exactly where open time closed.
        expect(cal.isOpen(end - 1)).toBe(true);
      }),
    );
  });

  test('nextOpen is open, not earlier than the instant, and skips only closed time', () => {
    fc.assert(
      fc.property(withInstants(() => fc.constant(0)), ([spec, t]) => {
        const cal = calendarOf(spec);
        const next = cal.nextOpen(t);
        expect(next).toBeGreaterThanOrEqual(t);
        expect(cal.isOpen(next)).toBe(true);
        expect(cal.businessTimeBetween(t, next)).toBe(0);
      }),
    );
  });
});
