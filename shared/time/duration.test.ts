import { expect, test } from 'vitest';
import { DAY_MS, HOUR_MS, MINUTE_MS, formatDuration, parseDuration } from './duration';

test.each([
  ['15m', 15 * MINUTE_MS],
  ['4h', 4 * HOUR_MS],
  ['1h30m', 90 * MINUTE_MS],
  ['2d', 2 * DAY_MS],
  ['1d2h3m', DAY_MS + 2 * HOUR_MS + 3 * MINUTE_MS],
])('parses %s', (text, ms) => {
  expect(parseDuration(text)).toBe(ms);
});

test.each(['', '0m', 'soon', '1x', '-5m', '1.5h', 'm'])('refuses %j', (text) => {
  expect(parseDuration(text)).toBeUndefined();
});

test('formats durations compactly', () => {
  expect(formatDuration(90 * MINUTE_MS)).toBe('1h30m');
  expect(formatDuration(2 * DAY_MS)).toBe('2d');
  expect(formatDuration(0)).toBe('0m');
});
