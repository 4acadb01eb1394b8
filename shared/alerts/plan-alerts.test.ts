import { describe, expect, test } from 'vitest';
import { MINUTE_MS } from '../time/duration';
import { crossing } from './alert-fixtures';
import { createAlertGate } from './alert-gate';
import { alertKey, type AlertCrossing } from './alert-schedule';
import { DEFAULT_ALERT_SETTINGS, type AlertSettings } from './alert-settings';
import type { FiredAlert } from './fired-alert';
import { planAlerts, type AlertPlan } from './plan-alerts';

const M = MINUTE_MS;
const alwaysOpen = createAlertGate({ quietHours: null, shift: null });

/** Runs the plan at `now`, remembering what it recorded, like a scheduler would. */
function runner(crossings: AlertCrossing[], settings: Partial<AlertSettings> = {}, gate = alwaysOpen) {
  const fired = new Map<string, FiredAlert>();
  let pausedUntil: number | null = null;
  return {
    fired,
    pause: (until: number | null) => (pausedUntil = until),
    at(now: number): AlertPlan {
      const plan = planAlerts({ crossings, fired, settings: { ...DEFAULT_ALERT_SETTINGS, ...settings }, gate, pausedUntil, now });
      for (const entry of plan.record) fired.set(entry.key, entry);
      return plan;
    },
  };
}

describe('planAlerts: each threshold once', () => {
  test('announces a crossing at its instant and never again', () => {
    const r = runner([crossing(1, 75, 10 * M)]);
    const before = r.at(0);
    expect(before.notifications).toEqual([]);
    expect(before.wakeAt).toBe(10 * M);
    const at = r.at(10 * M);
    expect(at.notifications).toHaveLength(1);
    expect(at.notifications[0]).toMatchObject({ kind: 'crossing', ticketNumber: 'INC-000001', title: 'INC-000001: 75% of the resolution SLA used', acknowledgeKeys: [] });
    expect(at.wakeAt).toBeNull();
    expect(r.at(11 * M).notifications).toEqual([]);
  });

  test('when several thresholds of a clock are due at once, shows only the highest but remembers all', () => {
    const r = runner([crossing(1, 75, 1 * M, { dueAt: 5 * M }), crossing(1, 90, 3 * M, { dueAt: 5 * M }), crossing(1, 100, 5 * M)]);
    const plan = r.at(6 * M);
    expect(plan.notifications.map((n) => n.title)).toEqual(['INC-000001 breached its resolution SLA']);
    expect([...r.fired.keys()].sort()).toEqual(['t1:resolution:100', 't1:resolution:75', 't1:resolution:90']);
  });

  test('ignores thresholds the agent did not ask for', () => {
    const r = runner([crossing(1, 50, 0)], { thresholds: [75, 100] });
    expect(r.at(0).notifications).toEqual([]);
    expect(r.fired.size).toBe(0);
  });

  test('keeps the response and resolution clocks of one ticket apart', () => {
    const r = runner([crossing(1, 100, 0, { clock: 'response' }), crossing(1, 100, 0, { clock: 'resolution' })]);
    expect(r.at(0).notifications).toHaveLength(2);
  });
});

describe('planAlerts: breach repeats', () => {
  test('repeats an unacknowledged breach every breachRepeatMinutes', () => {
    const r = runner([crossing(1, 100, 0)], { breachRepeatMinutes: 10 });
    expect(r.at(0).notifications[0]).toMatchObject({ kind: 'crossing', acknowledgeKeys: ['t1:resolution:100'] });
    expect(r.at(9 * M).notifications).toEqual([]);
    expect(r.at(9 * M).wakeAt).toBe(10 * M);
    const again = r.at(10 * M);
    expect(again.notifications[0]).toMatchObject({ kind: 'repeat', title: 'Still breached: INC-000001 (resolution)' });
    expect(again.notifications[0]!.body).toContain('breached 10 min ago');
    expect(again.wakeAt).toBe(20 * M);
  });

  test('stops repeating once acknowledged', () => {
    const r = runner([crossing(1, 100, 0)], { breachRepeatMinutes: 10 });
    r.at(0);
    const key = alertKey({ ticketId: 't1', clock: 'resolution', threshold: 100 });
    r.fired.set(key, { ...r.fired.get(key)!, acknowledgedAt: 2 * M });
    expect(r.at(10 * M).notifications).toEqual([]);
    expect(r.at(10 * M).wakeAt).toBeNull();
  });

  test('does not repeat warnings, nor breaches when repeats are off', () => {
    const warn = runner([crossing(1, 90, 0)], { breachRepeatMinutes: 10 });
    warn.at(0);
    expect(warn.at(60 * M).notifications).toEqual([]);
    const off = runner([crossing(1, 100, 0)], { breachRepeatMinutes: 0 });
    off.at(0);
    expect(off.at(60 * M).notifications).toEqual([]);
  });
});

describe('planAlerts: storms', () => {
  test('folds tickets breaching within the window into one summary', () => {
    const r = runner([crossing(1, 100, 0), crossing(2, 100, 4 * M), crossing(3, 100, 9 * M), crossing(4, 100, 40 * M)]);
    const plan = r.at(0);
    expect(plan.notifications).toHaveLength(1);
    expect(plan.notifications[0]).toMatchObject({
      kind: 'storm',
      title: '3 tickets breach within 15 min',
      body: 'INC-000001, INC-000002, INC-000003',
      ticketNumber: 'INC-000001',
      acknowledgeKeys: ['t1:resolution:100', 't2:resolution:100', 't3:resolution:100'],
    });
    // The announced ones stay quiet at their own instants; the fourth comes on its own.
    expect(r.at(4 * M).notifications).toEqual([]);
    expect(r.at(9 * M).notifications).toEqual([]);
    expect(plan.wakeAt).toBe(10 * M);
    // Later, three unacknowledged repeats and a fresh breach are a storm again.
    const later = r.at(40 * M);
    expect(later.notifications.map((n) => [n.kind, n.title])).toEqual([['storm', '4 tickets breached']]);
  });

  test('a breach announced ahead repeats only after it really happened', () => {
    const r = runner([crossing(1, 100, 0), crossing(2, 100, 0), crossing(3, 100, 12 * M)], { breachRepeatMinutes: 10 });
    r.at(0);
    expect(r.fired.get('t3:resolution:100')!.lastNotifiedAt).toBe(12 * M);
    const at10 = r.at(10 * M);
    expect(at10.notifications[0]!.body).not.toContain('INC-000003');
  });

  test('names a mixed storm and lists at most five tickets', () => {
    const items = [1, 2, 3, 4, 5, 6].map((n) => crossing(n, 100, 0)).concat([crossing(7, 75, 0)]);
    const plan = runner(items).at(0);
    expect(plan.notifications[0]!.title).toBe('7 tickets need attention: 6 breach, 1 near breach');
    expect(plan.notifications[0]!.body).toBe('INC-000001, INC-000002, INC-000003, INC-000004, INC-000005 and 2 more');
  });

  test('below stormMin each ticket gets its own notification', () => {
    const plan = runner([crossing(1, 100, 0), crossing(2, 100, 0)], { stormMin: 3 }).at(0);
    expect(plan.notifications.map((n) => n.kind)).toEqual(['crossing', 'crossing']);
  });

  test('never folds S1 into a summary', () => {
    const plan = runner([crossing(1, 100, 0, { severity: 'S1' }), crossing(2, 100, 0), crossing(3, 100, 0), crossing(4, 100, 0)]).at(0);
    expect(plan.notifications.map((n) => [n.kind, n.critical])).toEqual([
      ['crossing', true],
      ['storm', false],
    ]);
    expect(plan.notifications[1]!.title).toBe('3 tickets breached');
  });
});

describe('planAlerts: quiet hours, shift and pause', () => {
  const night = createAlertGate({ quietHours: { from: '22:00', to: '07:00', timeZone: 'UTC' }, shift: null });
  const T = (hhmm: string) => Date.parse(`2026-03-02T${hhmm}:00Z`);

  test('holds non-S1 alerts during quiet hours and delivers them, coalesced, when they end', () => {
    const r = runner([crossing(1, 100, T('23:00')), crossing(2, 100, T('23:30')), crossing(3, 75, T('02:00') + 86_400_000)], {}, night);
    const atNight = r.at(T('23:45'));
    expect(atNight.notifications).toEqual([]);
    expect(atNight.wakeAt).toBe(T('07:00') + 86_400_000);
    const morning = r.at(T('07:00') + 86_400_000);
    expect(morning.notifications).toHaveLength(1);
    expect(morning.notifications[0]!.title).toBe('3 tickets need attention: 2 breach, 1 near breach');
  });

  test('lets S1 through in quiet hours', () => {
    const r = runner([crossing(1, 100, T('23:00'), { severity: 'S1' })], {}, night);
    expect(r.at(T('23:00')).notifications).toHaveLength(1);
  });

  test('holds breach repeats in quiet hours too', () => {
    const r = runner([crossing(1, 100, T('21:50'))], { breachRepeatMinutes: 10 }, night);
    expect(r.at(T('21:50')).notifications).toHaveLength(1);
    expect(r.at(T('22:00')).notifications).toEqual([]);
    expect(r.at(T('22:00')).wakeAt).toBe(T('07:00') + 86_400_000);
  });

  test('pausing holds everything but S1 until the pause ends', () => {
    const r = runner([crossing(1, 100, 10 * M), crossing(2, 100, 10 * M, { severity: 'S1' })]);
    r.pause(60 * M);
    const paused = r.at(10 * M);
    expect(paused.notifications.map((n) => n.ticketNumber)).toEqual(['INC-000002']);
    expect(paused.wakeAt).toBe(20 * M);
    expect(r.at(20 * M).notifications.map((n) => n.ticketNumber)).toEqual(['INC-000002']);
    // The S1 keeps repeating on its own schedule; the held breach arrives when the pause ends.
    expect(r.at(60 * M).notifications.map((n) => [n.ticketNumber, n.kind])).toEqual([
      ['INC-000002', 'repeat'],
      ['INC-000001', 'crossing'],
    ]);
  });

  test('waits for settings to change when shift and quiet hours never overlap', () => {
    const never = createAlertGate({
      quietHours: { from: '07:00', to: '18:00', timeZone: 'UTC' },
      shift: { timeZone: 'UTC', week: { mon: [['08:00', '17:00']] } },
    });
    const plan = runner([crossing(1, 100, 0)], {}, never).at(0);
    expect(plan.notifications).toEqual([]);
    expect(plan.wakeAt).toBeNull();
  });
});
