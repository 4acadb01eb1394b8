import { describe, expect, test } from 'vitest';
import { daysFromCivil, weekdayOfDay } from '../time/civil';
import { HOUR_MS } from '../time/duration';
import { CalendarDays } from './calendar-days';
import { checkCalendarSpec } from './calendar-week';
import { zoneOffsets } from './zone-offsets';

const NY = 'America/New_York';
const check = checkCalendarSpec({
  timeZone: NY,
  week: { mon: [['08:00', '17:00']], tue: [['08:00', '17:00']], wed: [['08:00', '17:00']], thu: [['08:00', '17:00']], fri: [['08:00', '17:00']], sun: [['01:00', '03:00']] },
  holidays: ['2026-03-02'],
  holidayRegion: 'US',
});
if (!check.ok) throw new Error('test calendar is invalid');
const normalized = check.calendar;
const days = new CalendarDays(normalized, zoneOffsets(NY));

/** The same sums day by day, from the exceptions and the weekly pattern. */
const naiveAmount = (day: number) => days.exception(day)?.amount ?? normalized.week.dayOpenMs[weekdayOfDay(day)]!;
const naiveBetween = (from: number, to: number) => {
  let sum = 0;
  for (let d = from; d < to; d++) sum += naiveAmount(d);
  return sum;
};

const jan1 = daysFromCivil(2026, 1, 1);
const dec31 = daysFromCivil(2026, 12, 31);

describe('per-day sums of a calendar', () => {
  test('a day amount follows holidays, DST days and the weekly pattern', () => {
    expect(days.amount(daysFromCivil(2026, 3, 2))).toBe(0); // listed holiday, a Monday
    expect(days.amount(daysFromCivil(2026, 3, 8))).toBe(HOUR_MS); // spring forward: 01:00–03:00 is 1 h
    expect(days.amount(daysFromCivil(2026, 11, 1))).toBe(3 * HOUR_MS); // fall back: 01:00–03:00 is 3 h
    expect(days.amount(daysFromCivil(2026, 3, 15))).toBe(2 * HOUR_MS);
    expect(days.amount(daysFromCivil(2026, 3, 3))).toBe(9 * HOUR_MS);
    expect(days.amount(daysFromCivil(2026, 11, 26))).toBe(0); // Thanksgiving
    for (let d = jan1 - 3; d <= dec31 + 3; d++) expect(days.amount(d)).toBe(naiveAmount(d));
  });

  test('open time between days matches the day-by-day sum, within a year and across years', () => {
    for (const [from, to] of [
      [jan1, jan1],
      [jan1 + 40, jan1 + 41],
      [jan1 + 60, jan1 + 75],
      [jan1, dec31 + 1],
      [dec31 - 5, dec31 + 9],
      [jan1 - 400, jan1 + 20],
    ] as const) {
      expect(days.openBetweenDays(from, to)).toBe(naiveBetween(from, to));
    }
  });

  test('yearEnd is the first day of the next local year', () => {
    expect(days.yearEnd(jan1)).toBe(dec31 + 1);
    expect(days.yearEnd(dec31)).toBe(dec31 + 1);
    expect(days.yearEnd(dec31 + 1)).toBe(daysFromCivil(2028, 1, 1));
  });

  test('dayReaching finds the first day whose cumulative open time reaches the amount', () => {
    for (const from of [jan1, jan1 + 59, daysFromCivil(2026, 11, 20), dec31 - 1]) {
      const available = days.openBetweenDays(from, dec31 + 1);
      for (const rest of [1, HOUR_MS, 9 * HOUR_MS, 9 * HOUR_MS + 1, 27 * HOUR_MS, 90 * HOUR_MS, available - 1, available]) {
        if (rest > available || rest <= 0) continue;
        const day = days.dayReaching(from, rest);
        expect(naiveBetween(from, day)).toBeLessThan(rest);
        expect(naiveBetween(from, day + 1)).toBeGreaterThanOrEqual(rest);
      }
    }
  });
});
