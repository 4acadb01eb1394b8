import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { MINUTE_MS } from '../time/duration';
import { crossing } from './alert-fixtures';
import type { AlertCrossing } from './alert-schedule';
import { DEFAULT_ALERT_SETTINGS } from './alert-settings';
import { AlertScheduler, type FiredMemory } from './alert-scheduler';
import type { FiredAlert } from './fired-alert';
import type { AlertNotification } from './plan-alerts';

const M = MINUTE_MS;
// shared/ has no DOM or Node typings; the fake timers live on globalThis all the same.
const host = globalThis as unknown as { setTimeout(fn: () => void, ms: number): unknown; clearTimeout(handle: unknown): void };
const timers = { now: () => Date.now(), setTimeout: (fn: () => void, ms: number) => host.setTimeout(fn, ms), clearTimeout: (h: unknown) => host.clearTimeout(h) };

function memory(): FiredMemory & { map: Map<string, FiredAlert> } {
  const map = new Map<string, FiredAlert>();
  return {
    map,
    record: (entries) => entries.forEach((e) => map.set(e.key, e)),
    acknowledge: (keys, now) => {
      let n = 0;
      for (const key of keys) {
        const e = map.get(key);
        if (e && e.acknowledgedAt === null) {
          map.set(key, { ...e, acknowledgedAt: now });
          n++;
        }
      }
      return n;
    },
    prune: () => undefined,
  };
}

let shown: AlertNotification[];
let scheduler: AlertScheduler;
let fired: ReturnType<typeof memory>;

function start(crossings: AlertCrossing[], clockOffsetMs = 0) {
  scheduler.setSchedule({ version: 1, clockOffsetMs, crossings });
}

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
  shown = [];
  fired = memory();
  scheduler = new AlertScheduler({ timers, memory: fired, settings: { ...DEFAULT_ALERT_SETTINGS, breachRepeatMinutes: 10 }, notify: (n) => shown.push(n) });
});
afterEach(() => {
  scheduler.dispose();
  vi.useRealTimers();
});

describe('AlertScheduler', () => {
  test('keeps exactly one timer, armed for the next crossing, and fires on time', () => {
    start([crossing(1, 75, 30 * M), crossing(2, 75, 50 * M)]);
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(30 * M - 1);
    expect(shown).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(shown.map((n) => n.ticketNumber)).toEqual(['INC-000001']);
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(20 * M);
    expect(shown.map((n) => n.ticketNumber)).toEqual(['INC-000001', 'INC-000002']);
    expect(vi.getTimerCount()).toBe(0);
  });

  test('a new schedule replaces the old timer rather than adding one', () => {
    start([crossing(1, 75, 30 * M)]);
    start([crossing(1, 75, 40 * M)]);
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(30 * M);
    expect(shown).toEqual([]);
    vi.advanceTimersByTime(10 * M);
    expect(shown).toHaveLength(1);
  });

  test('fires on the local clock when the local clock is behind the server', () => {
    // Server time is 5 minutes ahead: a crossing at server 30:00 happens at local 25:00.
    start([crossing(1, 75, 30 * M)], 5 * M);
    vi.advanceTimersByTime(25 * M);
    expect(shown).toHaveLength(1);
  });

  test('repeats an unacknowledged breach until it is acknowledged', () => {
    start([crossing(1, 100, 0)]);
    expect(shown.map((n) => n.kind)).toEqual(['crossing']);
    vi.advanceTimersByTime(10 * M);
    expect(shown.map((n) => n.kind)).toEqual(['crossing', 'repeat']);
    expect(scheduler.unacknowledgedBreaches()).toEqual(['t1:resolution:100']);
    expect(scheduler.acknowledge(['t1:resolution:100'])).toBe(1);
    expect(scheduler.unacknowledgedBreaches()).toEqual([]);
    vi.advanceTimersByTime(60 * M);
    expect(shown).toHaveLength(2);
    expect(vi.getTimerCount()).toBe(0);
  });

  test('a pause holds alerts and wakes at its end even with nothing else due', () => {
    const changes = vi.fn();
    scheduler = new AlertScheduler({ timers, memory: fired, settings: DEFAULT_ALERT_SETTINGS, notify: (n) => shown.push(n), onChange: changes });
    start([crossing(1, 75, 10 * M)]);
    expect(scheduler.pause(60)).toBe(60 * M);
    vi.advanceTimersByTime(10 * M);
    expect(shown).toEqual([]);
    expect(scheduler.pausedUntil).toBe(60 * M);
    vi.advanceTimersByTime(50 * M);
    expect(shown).toHaveLength(1);
    expect(scheduler.pausedUntil).toBeNull();
    expect(changes).toHaveBeenCalled();
  });

  test('resuming (pause 0) delivers what was held at once', () => {
    start([crossing(1, 75, 0)]);
    scheduler.pause(0);
    expect(shown).toHaveLength(1);
    start([crossing(2, 75, 5 * M)]);
    scheduler.pause(60);
    vi.advanceTimersByTime(5 * M);
    expect(shown).toHaveLength(1);
    scheduler.pause(0);
    expect(shown).toHaveLength(2);
  });

  test('splits a wait longer than a day into day-long timers', () => {
    start([crossing(1, 75, 3 * 24 * 60 * M)]);
    vi.advanceTimersByTime(2 * 24 * 60 * M);
    expect(vi.getTimerCount()).toBe(1);
    expect(shown).toEqual([]);
    vi.advanceTimersByTime(24 * 60 * M);
    expect(shown).toHaveLength(1);
  });

  test('lists the next breaches ahead, soonest first', () => {
    start([crossing(3, 100, 50 * M), crossing(1, 75, 5 * M), crossing(2, 100, 20 * M)]);
    expect(scheduler.upcomingBreaches(5).map((c) => c.ticketNumber)).toEqual(['INC-000002', 'INC-000003']);
  });

  test('refuses settings whose shift calendar cannot be built and keeps the old ones', () => {
    expect(() => scheduler.setSettings({ ...DEFAULT_ALERT_SETTINGS, shift: { timeZone: 'Mars/Olympus', week: { mon: [['08:00', '17:00']] } } })).toThrow(/timeZone/);
    start([crossing(1, 75, 0)]);
    expect(shown).toHaveLength(1);
  });
});
