import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { civilFromDays, daysFromCivil, weekdayOfDay, yearOfDay } from './civil';

const DAY_MS = 86_400_000;

describe('civil day arithmetic', () => {
  test('agrees with Date for any day from 1600 to 2400, before 1970 included', () => {
    fc.assert(
      fc.property(fc.integer({ min: -135_000, max: 157_000 }), (day) => {
        const date = new Date(day * DAY_MS);
        expect(weekdayOfDay(day)).toBe((date.getUTCDay() + 6) % 7); // 0 = Monday
        expect(yearOfDay(day)).toBe(date.getUTCFullYear());
        expect(civilFromDays(day)).toEqual({ year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() });
        expect(daysFromCivil(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate())).toBe(day);
      }),
      { numRuns: 2000 },
    );
  });
});
