import { describe, expect, test } from 'vitest';
import { formatSpan, formatUpcoming } from './format';

describe('formatUpcoming', () => {
  // Local times, so the test holds in any time zone.
  const noon = new Date(2026, 10, 24, 12, 0).getTime();
  const HOUR = 3_600_000;

  test('later today is the time alone, within the week the weekday too, further off the date', () => {
    expect(formatUpcoming(noon + HOUR, noon, 'en-GB')).toBe('13:00');
    expect(formatUpcoming(new Date(2026, 10, 25, 8, 0).getTime(), noon, 'en-GB')).toBe('Wed 08:00');
    expect(formatUpcoming(new Date(2026, 10, 30, 8, 0).getTime(), noon, 'en-GB')).toBe('Mon 08:00');
    expect(formatUpcoming(new Date(2026, 11, 4, 8, 0).getTime(), noon, 'en-GB')).toBe('4 Dec 2026, 08:00');
  });

  test('just after midnight is tomorrow, not today', () => {
    const late = new Date(2026, 10, 24, 23, 30).getTime();
    expect(formatUpcoming(late + HOUR, late, 'en-GB')).toBe('Wed 00:30');
  });
});

describe('formatSpan', () => {
  test('is compact at every scale', () => {
    expect(formatSpan(45_000)).toBe('45s');
    expect(formatSpan(12 * 60_000 + 5_000)).toBe('12m 05s');
    expect(formatSpan(3 * 3_600_000 + 5 * 60_000)).toBe('3h 05m');
    expect(formatSpan(-(2 * 86_400_000 + 4 * 3_600_000))).toBe('2d 4h');
  });
});
