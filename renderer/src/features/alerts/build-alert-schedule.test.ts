import { describe, expect, test } from 'vitest';
import type { Agent } from '../../../../shared/model/agent';
import { defaultPolicy } from '../../../../shared/policy/default-policy';
import { calendarLookup } from '../../../../shared/sla/calendars';
import { makeTicket, skipRequestAt } from '../../test/tickets';
import { alertReason, buildAlertSchedule } from './build-alert-schedule';

const calendars = calendarLookup(defaultPolicy);
const agent: Agent = { id: 'agent-l1', email: 'l1.agent@demo.test', name: 'L One', role: 'l1_agent', tier: 'L1', groups: ['service-desk'] };
const T0 = Date.parse('2026-03-02T10:00:00Z');
const MIN = 60_000;

describe('alertReason', () => {
  test.each([
    ['owned', { assignee: 'agent-l1' }, 'owned'],
    ['pending in my group and tier', { assignee: null, status: 'pending_acceptance' as const }, 'pending_acceptance'],
    ['pending in another group', { assignee: null, status: 'pending_acceptance' as const, group: 'network' }, null],
    ['pending in my group but another tier', { assignee: null, status: 'pending_acceptance' as const, tier: 'L2' as const }, null],
    ["someone else's", { assignee: 'agent-x' }, null],
    ['resolved', { assignee: 'agent-l1', status: 'resolved' as const }, null],
  ])('%s → %s', (_name, overrides, expected) => {
    expect(alertReason(makeTicket(1, { createdAt: T0, ...overrides }), agent, new Set())).toBe(expected);
  });

  test('a watched ticket of someone else is watched', () => {
    expect(alertReason(makeTicket(1, { createdAt: T0, assignee: 'agent-x' }), agent, new Set(['t-1']))).toBe('watched');
  });

  test("a tier skip waiting in one of the approver's groups is theirs to approve; the asker still owns it", () => {
    const waiting = makeTicket(1, { createdAt: T0, assignee: 'agent-x', skipRequest: skipRequestAt(T0) });
    expect(alertReason(waiting, agent, new Set(), new Set(['service-desk']))).toBe('skip_approval');
    expect(alertReason(waiting, agent, new Set(), new Set(['network']))).toBe(null);
    expect(alertReason(waiting, agent, new Set())).toBe(null);
    expect(alertReason({ ...waiting, assignee: 'agent-l1' }, agent, new Set(), new Set(['service-desk']))).toBe('owned');
    expect(alertReason(makeTicket(2, { createdAt: T0, assignee: 'agent-x' }), agent, new Set(), new Set(['service-desk']))).toBe(null);
  });
});

describe('buildAlertSchedule', () => {
  test('P1 on 24×7: 75%, 90% and breach of the 15 min response and 4 h resolution targets', () => {
    const ticket = makeTicket(1, { createdAt: T0, priority: 'P1', severity: 'S1' });
    const crossings = buildAlertSchedule([ticket], agent, new Set(), [75, 90, 100], T0, calendars);
    const response = crossings.filter((c) => c.clock === 'response');
    expect(response.map((c) => [c.threshold, (c.at - T0) / MIN])).toEqual([
      [75, 11.25],
      [90, 13.5],
      [100, 15],
    ]);
    expect(response[0]).toMatchObject({ ticketNumber: 'INC-000001', severity: 'S1', dueAt: T0 + 15 * MIN, reason: 'owned' });
    expect(crossings.filter((c) => c.clock === 'resolution').map((c) => (c.at - T0) / MIN)).toEqual([180, 216, 240]);
  });

  test('business-calendar targets cross on business time (overnight gap skipped)', () => {
    // P3 response: 2 h business time; created Monday 16:30 New York (EST, 21:30Z).
    const created = Date.parse('2026-03-02T21:30:00Z');
    const ticket = makeTicket(2, { createdAt: created, priority: 'P3' });
    const breach = buildAlertSchedule([ticket], agent, new Set(), [100], created, calendars).find((c) => c.clock === 'response')!;
    // 30 min on Monday, then 1 h 30 min from Tuesday 08:00 → 09:30 local (14:30Z).
    expect(new Date(breach.at).toISOString()).toBe('2026-03-03T14:30:00.000Z');
  });

  test('sends only the highest threshold already reached, plus those ahead', () => {
    const ticket = makeTicket(1, { createdAt: T0, priority: 'P1' });
    const now = T0 + 14 * MIN;
    const response = buildAlertSchedule([ticket], agent, new Set(), [75, 90, 100], now, calendars).filter((c) => c.clock === 'response');
    expect(response.map((c) => c.threshold)).toEqual([100, 90]);
  });

  test('paused and stopped clocks schedule nothing; tickets not mine, pending or watched are left out', () => {
    const t = makeTicket(1, { createdAt: T0 });
    const paused = { ...t, sla: { ...t.sla, response: { ...t.sla.response, state: 'paused' as const, dueAt: null } } };
    const crossings = buildAlertSchedule([paused, makeTicket(2, { createdAt: T0, assignee: 'agent-x' })], agent, new Set(), [75], T0, calendars);
    expect(crossings.map((c) => `${c.ticketNumber}:${c.clock}`)).toEqual(['INC-000001:resolution']);
  });
});
