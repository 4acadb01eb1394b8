import { describe, expect, test } from 'vitest';
import { HOUR_MS, MINUTE_MS } from '../time/duration';
import { calendar24x7 } from './calendar-24x7';
import {
  pauseClock,
  pauseClockInPlace,
  readClock,
  resumeClock,
  resumeClockInPlace,
  startClock,
  stopClock,
  stopClockInPlace,
} from './clock-snapshot';
import { nextDueAt, thresholdReached } from './ticket-sla';

const T0 = Date.UTC(2026, 10, 24, 9, 0);
const cal = calendar24x7;

describe('clock snapshot (calendar time)', () => {
  test('reads remaining time and % elapsed while running', () => {
    const clock = startClock('24x7', 4 * HOUR_MS, T0, cal);
    const reading = readClock(clock, T0 + HOUR_MS, cal);
    expect(reading.remainingMs).toBe(3 * HOUR_MS);
    expect(reading.percent).toBe(25);
    expect(reading.breachedAt).toBeNull();
    expect(clock.dueAt).toBe(T0 + 4 * HOUR_MS);
  });

  test('is breached from the due instant on', () => {
    const clock = startClock('24x7', 15 * MINUTE_MS, T0, cal);
    expect(readClock(clock, T0 + 15 * MINUTE_MS - 1, cal).breachedAt).toBeNull();
    const late = readClock(clock, T0 + 20 * MINUTE_MS, cal);
    expect(late.breachedAt).toBe(T0 + 15 * MINUTE_MS);
    expect(late.remainingMs).toBe(-5 * MINUTE_MS);
    expect(late.percent).toBeCloseTo(133.33, 1);
  });

  test('excludes paused time and keeps elapsed on resume', () => {
    const started = startClock('24x7', 2 * HOUR_MS, T0, cal);
    const paused = pauseClock(started, T0 + 30 * MINUTE_MS, 'awaiting_customer', cal);
    expect(readClock(paused, T0 + 5 * HOUR_MS, cal).elapsedMs).toBe(30 * MINUTE_MS);
    expect(paused.pauseReason).toBe('awaiting_customer');
    const resumed = resumeClock(paused, T0 + 5 * HOUR_MS, cal);
    expect(resumed.dueAt).toBe(T0 + 5 * HOUR_MS + 90 * MINUTE_MS);
    expect(readClock(resumed, T0 + 6 * HOUR_MS, cal).elapsedMs).toBe(90 * MINUTE_MS);
  });

  test('stopping records met or breached for good', () => {
    const clock = startClock('24x7', HOUR_MS, T0, cal);
    const met = stopClock(clock, T0 + 10 * MINUTE_MS, cal);
    expect(met.breachedAt).toBeNull();
    expect(readClock(met, T0 + 10 * HOUR_MS, cal).elapsedMs).toBe(10 * MINUTE_MS);
    const late = stopClock(clock, T0 + 2 * HOUR_MS, cal);
    expect(late.breachedAt).toBe(T0 + HOUR_MS);
    expect(stopClock(late, T0 + 3 * HOUR_MS, cal)).toBe(late);
  });

  test('next due time is the earliest running clock', () => {
    const response = startClock('24x7', 15 * MINUTE_MS, T0, cal);
    const resolution = startClock('24x7', 4 * HOUR_MS, T0, cal);
    expect(nextDueAt({ response, resolution })).toBe(T0 + 15 * MINUTE_MS);
    const met = stopClock(response, T0 + MINUTE_MS, cal);
    expect(nextDueAt({ response: met, resolution })).toBe(T0 + 4 * HOUR_MS);
  });

  test('threshold reached follows the policy thresholds', () => {
    const thresholds = [0, 50, 75, 100];
    expect(thresholdReached(10, thresholds)).toBeNull();
    expect(thresholdReached(50, thresholds)).toBe(50);
    expect(thresholdReached(99.9, thresholds)).toBe(75);
    expect(thresholdReached(180, thresholds)).toBe(100);
  });
});

describe('a clock resumed after its target passed', () => {
  test('stays due at the instant it breached, so it sorts among the overdue and not as due now', () => {
    const start = Date.UTC(2026, 10, 2, 9, 0);
    const clock = startClock('24x7', 4 * HOUR_MS, start, cal);
    const paused = pauseClock(clock, start + 6 * HOUR_MS, 'awaiting_customer', cal);
    expect(paused.breachedAt).toBe(start + 4 * HOUR_MS);
    const resumed = resumeClock(paused, start + 30 * HOUR_MS, cal);
    expect(resumed).toMatchObject({ state: 'running', dueAt: start + 4 * HOUR_MS, breachedAt: start + 4 * HOUR_MS });
    expect(nextDueAt({ response: resumed, resolution: resumed })).toBe(start + 4 * HOUR_MS);
  });
});

describe('in-place transitions', () => {
  test('give the same snapshot as the copying forms, on the object given', () => {
    const clock = startClock('24x7', 2 * HOUR_MS, T0, cal);
    const paused = pauseClock(clock, T0 + 30 * MINUTE_MS, 'awaiting_customer', cal);
    const resumed = resumeClock(paused, T0 + 5 * HOUR_MS, cal);
    const stopped = stopClock(resumed, T0 + 7 * HOUR_MS, cal);

    const own = startClock('24x7', 2 * HOUR_MS, T0, cal);
    expect(pauseClockInPlace(own, T0 + 30 * MINUTE_MS, 'awaiting_customer', cal)).toBe(own);
    expect(own).toStrictEqual(paused);
    expect(Object.keys(own)).toEqual(Object.keys(paused));
    expect(resumeClockInPlace(own, T0 + 5 * HOUR_MS, cal)).toBe(own);
    expect(own).toStrictEqual(resumed);
    expect(stopClockInPlace(own, T0 + 7 * HOUR_MS, cal)).toBe(own);
    expect(own).toStrictEqual(stopped);
  });

  test('leave a clock alone where the transition does not apply', () => {
    const stopped = stopClock(startClock('24x7', HOUR_MS, T0, cal), T0 + MINUTE_MS, cal);
    const before = { ...stopped };
    pauseClockInPlace(stopped, T0 + 2 * MINUTE_MS, 'awaiting_customer', cal);
    stopClockInPlace(stopped, T0 + 3 * MINUTE_MS, cal);
    expect(stopped).toStrictEqual(before);
    const running = startClock('24x7', HOUR_MS, T0, cal);
    const copy = { ...running };
    resumeClockInPlace(running, T0 + MINUTE_MS, cal);
    expect(running).toStrictEqual(copy);
  });

  test('the copying forms do not change the snapshot they are given', () => {
    const clock = startClock('24x7', HOUR_MS, T0, cal);
    const copy = { ...clock };
    pauseClock(clock, T0 + MINUTE_MS, 'awaiting_customer', cal);
    stopClock(clock, T0 + 2 * MINUTE_MS, cal);
    expect(clock).toStrictEqual(copy);
    const paused = pauseClock(clock, T0 + MINUTE_MS, 'awaiting_customer', cal);
    const pausedCopy = { ...paused };
    resumeClock(paused, T0 + HOUR_MS, cal);
    expect(paused).toStrictEqual(pausedCopy);
  });
});
