import { Temporal } from 'temporal-polyfill';
import { describe, expect, test } from 'vitest';
import { ValidationError } from '../errors';
import { HOUR_MS, MINUTE_MS } from '../time/duration';
import { createCalendar, createSpecCalendar, type CalendarSpec } from './calendar';

const WEEKDAYS_9_TO_5: CalendarSpec['week'] = {
  mon: [['08:00', '17:00']],
  tue: [['08:00', '17:00']],
  wed: [['08:00', '17:00']],
  thu: [['08:00', '17:00']],
  fri: [['08:00', '17:00']],
};
const NY = 'America/New_York';
const business = createSpecCalendar({ timeZone: NY, week: WEEKDAYS_9_TO_5, holidayRegion: 'US' });

/** Local wall time in `zone` → epoch ms ('compatible', like the calendar). */
const at = (local: string, zone = NY) => Temporal.ZonedDateTime.from(`${local}[${zone}]`).epochMilliseconds;
const utc = (iso: string) => Temporal.Instant.from(iso).epochMilliseconds;
const local = (ms: number, zone = NY) =>
  Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(zone).toPlainDateTime().toString().slice(0, 16);

function daily(intervals: Array<[string, string]>, timeZone: string): CalendarSpec {
  const week = Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, intervals]));
  return { timeZone, week };
}

describe('business hours Mon–Fri 08:00–17:00 in New York with US public holidays', () => {
  test('a start before hours counts from the opening', () => {
    expect(local(business.addBusinessTime(at('2026-03-02T06:00'), 2 * HOUR_MS))).toBe('2026-03-02T10:00');
  });

  test('a start on the same day just before opening ends just after it', () => {
    expect(local(business.addBusinessTime(at('2026-03-02T07:59'), 2 * MINUTE_MS))).toBe('2026-03-02T08:02');
  });

  test('a start after hours counts from the next business morning', () => {
    expect(local(business.addBusinessTime(at('2026-03-02T18:00'), 2 * HOUR_MS))).toBe('2026-03-03T10:00');
    expect(local(business.addBusinessTime(at('2026-03-06T17:00'), HOUR_MS))).toBe('2026-03-09T09:00');
  });

  test('a duration that uses up the day ends at the closing instant, not the next opening', () => {
    expect(local(business.addBusinessTime(at('2026-03-02T08:00'), 9 * HOUR_MS))).toBe('2026-03-02T17:00');
  });

  test('a 16 h target started Monday 09:00 breaches on the second business day at 16:00', () => {
    const due = business.addBusinessTime(at('2026-03-02T09:00'), 16 * HOUR_MS);
    expect(local(due)).toBe('2026-03-03T16:00');
    expect(business.businessTimeBetween(at('2026-03-02T09:00'), due)).toBe(16 * HOUR_MS);
  });

  test('the weekend of the spring-forward change (2026-03-08) costs no business time and no hour is lost', () => {
    const friday = at('2026-03-06T15:00');
    const due = business.addBusinessTime(friday, 4 * HOUR_MS);
    expect(local(due)).toBe('2026-03-09T10:00');
    expect(due - friday).toBe(66 * HOUR_MS); // 67 wall-clock hours minus the skipped one
    expect(business.businessTimeBetween(friday, due)).toBe(4 * HOUR_MS);
  });

  test('the weekend of the fall-back change (2026-11-01) keeps Monday 08:00 at 13:00 UTC', () => {
    const due = business.addBusinessTime(at('2026-10-30T16:00'), 2 * HOUR_MS);
    expect(due).toBe(utc('2026-11-02T14:00:00Z'));
  });

  test('a public holiday is closed all day and its observed weekday substitute too (July 4 2026 is a Saturday)', () => {
    expect(business.isOpen(at('2026-07-03T10:00'))).toBe(false);
    expect(local(business.addBusinessTime(at('2026-07-02T16:00'), 2 * HOUR_MS))).toBe('2026-07-06T09:00');
    expect(business.holidaysBetween(at('2026-07-01T00:00'), at('2026-07-06T00:00')).map((h) => h.date)).toEqual([
      '2026-07-03',
      '2026-07-04',
    ]);
  });

  test('observances and optional days stay open (Christmas Eve, the day after Thanksgiving)', () => {
    expect(business.isOpen(at('2026-12-24T10:00'))).toBe(true);
    expect(business.isOpen(at('2026-11-27T10:00'))).toBe(true);
    expect(business.isOpen(at('2026-11-26T10:00'))).toBe(false);
  });

  test('an explicit holiday on a weekend changes nothing on a weekday schedule', () => {
    const withSunday = createCalendar({ timeZone: NY, week: WEEKDAYS_9_TO_5, holidays: ['2026-03-08'] });
    const plain = createCalendar({ timeZone: NY, week: WEEKDAYS_9_TO_5 });
    const from = at('2026-03-02T00:00');
    const to = at('2026-03-16T00:00');
    expect(withSunday.businessTimeBetween(from, to)).toBe(plain.businessTimeBetween(from, to));
    expect(plain.businessTimeBetween(from, to)).toBe(90 * HOUR_MS);
  });

  test('a holiday adds exactly one weekday to a five-day target (Thanksgiving week)', () => {
    const due = business.addBusinessTime(at('2026-11-23T08:00'), 45 * HOUR_MS);
    expect(local(due)).toBe('2026-11-30T17:00');
  });

  test('nextOpen is the instant itself when open and the next opening otherwise', () => {
    expect(business.nextOpen(at('2026-03-04T10:00'))).toBe(at('2026-03-04T10:00'));
    expect(local(business.nextOpen(at('2026-11-25T17:00')))).toBe('2026-11-27T08:00');
    expect(local(business.nextOpen(at('2026-12-31T20:00')))).toBe('2027-01-04T08:00');
  });

  test('a year of business time is the weekdays minus the eleven weekday holidays of 2026', () => {
    expect(business.businessTimeBetween(at('2026-01-01T00:00'), at('2027-01-01T00:00'))).toBe(250 * 9 * HOUR_MS);
  });
});

describe('daylight-saving changes are real elapsed time', () => {
  test('New York 2026-03-08: 00:00–06:00 holds 5 real hours', () => {
    const night = createCalendar(daily([['00:00', '06:00']], NY));
    expect(night.businessTimeBetween(at('2026-03-08T00:00'), at('2026-03-08T12:00'))).toBe(5 * HOUR_MS);
    expect(night.addBusinessTime(at('2026-03-08T00:00'), 3 * HOUR_MS)).toBe(utc('2026-03-08T08:00:00Z'));
    expect(local(night.addBusinessTime(at('2026-03-08T00:00'), 3 * HOUR_MS))).toBe('2026-03-08T04:00');
  });

  test('New York 2026-11-01: 00:00–03:00 holds 4 real hours, the repeated hour counted once per occurrence', () => {
    const night = createCalendar(daily([['00:00', '03:00']], NY));
    expect(night.businessTimeBetween(at('2026-11-01T00:00'), at('2026-11-01T12:00'))).toBe(4 * HOUR_MS);
    expect(night.addBusinessTime(at('2026-11-01T00:00'), 3 * HOUR_MS)).toBe(utc('2026-11-01T07:00:00Z'));
  });

  test('Berlin spring 2026-03-29: 01:00–04:00 holds 2 hours', () => {
    const berlin = createCalendar(daily([['01:00', '04:00']], 'Europe/Berlin'));
    expect(berlin.businessTimeBetween(at('2026-03-29T00:00', 'Europe/Berlin'), at('2026-03-29T12:00', 'Europe/Berlin'))).toBe(2 * HOUR_MS);
    expect(berlin.businessTimeBetween(at('2026-03-28T00:00', 'Europe/Berlin'), at('2026-03-28T12:00', 'Europe/Berlin'))).toBe(3 * HOUR_MS);
  });

  test('Berlin fall 2026-10-25: 01:00–04:00 holds 4 hours and its end is 03:00 UTC', () => {
    const berlin = createCalendar(daily([['01:00', '04:00']], 'Europe/Berlin'));
    expect(berlin.businessTimeBetween(at('2026-10-25T00:00', 'Europe/Berlin'), at('2026-10-25T12:00', 'Europe/Berlin'))).toBe(4 * HOUR_MS);
    expect(berlin.addBusinessTime(at('2026-10-25T00:00', 'Europe/Berlin'), 4 * HOUR_MS)).toBe(utc('2026-10-25T03:00:00Z'));
  });

  test('a boundary inside the skipped hour maps forward by the gap, as Temporal "compatible" does', () => {
    // 02:30 does not exist on 2026-03-08 in New York; it is read as 03:30 EDT.
    const gap = createCalendar({ timeZone: NY, week: { sun: [['02:30', '04:00']] } });
    expect(gap.businessTimeBetween(at('2026-03-08T00:00'), at('2026-03-08T12:00'))).toBe(30 * MINUTE_MS);
    expect(gap.isOpen(utc('2026-03-08T07:15:00Z'))).toBe(false);
    expect(gap.nextOpen(at('2026-03-08T00:00'))).toBe(utc('2026-03-08T07:30:00Z'));
    // An interval wholly inside the gap is empty; the other Sundays are 1.5 h.
    const inside = createCalendar({ timeZone: NY, week: { sun: [['02:00', '03:00']], mon: [['09:00', '10:00']] } });
    expect(inside.businessTimeBetween(at('2026-03-08T00:00'), at('2026-03-09T00:00'))).toBe(0);
    expect(gap.businessTimeBetween(at('2026-03-15T00:00'), at('2026-03-16T00:00'))).toBe(90 * MINUTE_MS);
  });

  test('intervals that the gap maps onto each other count their real time once', () => {
    // 01:00–02:30 becomes 06:00Z–07:30Z and 03:00–04:00 becomes 07:00Z–08:00Z: 2 real hours, not 2.5.
    const overlap = createCalendar({ timeZone: NY, week: { sun: [['01:00', '02:30'], ['03:00', '04:00']] } });
    expect(overlap.businessTimeBetween(at('2026-03-08T00:00'), at('2026-03-08T12:00'))).toBe(2 * HOUR_MS);
    expect(overlap.addBusinessTime(at('2026-03-08T00:00'), 2 * HOUR_MS)).toBe(utc('2026-03-08T08:00:00Z'));
  });

  test('a 24×7 spec is always open and plain arithmetic', () => {
    const always = createCalendar(daily([['00:00', '24:00']], NY));
    const start = at('2026-03-07T12:00');
    expect(always.addBusinessTime(start, 48 * HOUR_MS)).toBe(start + 48 * HOUR_MS);
    expect(always.isOpen(utc('2026-03-08T07:30:00Z'))).toBe(true);
  });

  test('an evening shift ending at 24:00 joins the next morning shift across midnight', () => {
    const shifts = createCalendar(daily([['00:00', '02:00'], ['22:00', '24:00']], 'UTC'));
    expect(shifts.addBusinessTime(utc('2026-05-01T23:00:00Z'), 2 * HOUR_MS)).toBe(utc('2026-05-02T01:00:00Z'));
  });
});

describe('long durations', () => {
  test('ten years of business time lands on the same instant as summing it year by year', () => {
    const start = at('2026-01-05T08:00');
    const tenYears = 10 * 2250 * HOUR_MS;
    let stepwise = start;
    for (let i = 0; i < 10; i++) stepwise = business.addBusinessTime(stepwise, 2250 * HOUR_MS);
    const direct = business.addBusinessTime(start, tenYears);
    expect(direct).toBe(stepwise);
    expect(business.businessTimeBetween(start, direct)).toBe(tenYears);
  });
});

function fieldsOf(spec: unknown): string[] {
  try {
    createCalendar(spec as CalendarSpec);
  } catch (error) {
    if (error instanceof ValidationError) return error.fields.map((f) => f.field);
    throw error;
  }
  throw new Error('expected a ValidationError');
}

describe('invalid calendar specs are refused naming the field', () => {
  test('an unknown time zone names timeZone', () => {
    expect(fieldsOf({ timeZone: 'Mars/Olympus_Mons', week: WEEKDAYS_9_TO_5 })).toEqual(['timeZone']);
  });

  test('"25:00" names the interval', () => {
    expect(fieldsOf({ timeZone: NY, week: { mon: [['08:00', '12:00'], ['13:00', '25:00']] } })).toEqual(['week.mon[1][1]']);
  });

  test('a reversed interval names it', () => {
    expect(fieldsOf({ timeZone: NY, week: { tue: [['17:00', '08:00']], wed: [['08:00', '17:00']] } })).toEqual(['week.tue[0]']);
  });

  test('overlapping intervals name the later one', () => {
    expect(fieldsOf({ timeZone: NY, week: { mon: [['08:00', '12:00'], ['11:00', '17:00']] } })).toEqual(['week.mon[1]']);
  });

  test('a date that does not exist names the holiday', () => {
    expect(fieldsOf({ timeZone: NY, week: WEEKDAYS_9_TO_5, holidays: ['2026-12-25', '2026-02-30'] })).toEqual(['holidays[1]']);
  });

  test('an unknown holiday region names holidayRegion, even a bad state of a known country', () => {
    expect(fieldsOf({ timeZone: NY, week: WEEKDAYS_9_TO_5, holidayRegion: 'XX' })).toEqual(['holidayRegion']);
    expect(fieldsOf({ timeZone: NY, week: WEEKDAYS_9_TO_5, holidayRegion: 'DE-ZZ' })).toEqual(['holidayRegion']);
  });

  test('a calendar with no open time at all is refused instead of looping', () => {
    expect(fieldsOf({ timeZone: NY, week: {} })).toEqual(['week']);
    expect(fieldsOf({ timeZone: NY, week: { mon: [] } })).toEqual(['week']);
  });

  test('an unknown weekday key is refused', () => {
    expect(fieldsOf({ timeZone: NY, week: { monday: [['08:00', '17:00']] } }).length).toBeGreaterThan(0);
  });
});
