import { describe, expect, test } from 'vitest';
import type { TicketEvent } from '../model/ticket-event';
import { defaultPolicy } from '../policy/default-policy';
import type { Policy } from '../policy/schema';
import { computeClocks } from '../sla/compute-clocks';
import { agent, created, engineer, ny, nyLocal, policyWith } from '../testing/ticket-events';
import { dueActions, nextActionAt } from './due-actions';

/** Drives the one-timer loop a caller runs: fire what is due, record it, sleep until nextActionAt. */
function runScheduler(events: TicketEvent[], policy: Policy, from: number, until: number) {
  const fired = new Set<string>();
  const log: Array<{ id: string; at: string; firedAt: string }> = [];
  let now = from;
  for (let wakeups = 0; wakeups < 100; wakeups++) {
    const clocks = computeClocks(events, policy, now);
    for (const action of dueActions(clocks, policy, now, fired)) {
      expect(fired.has(action.id)).toBe(false);
      fired.add(action.id);
      log.push({ id: action.id, at: nyLocal(action.dueAt), firedAt: nyLocal(now) });
    }
    const next = nextActionAt(clocks, policy, now, fired);
    if (next === null || next > until) break;
    expect(next).toBeGreaterThan(now);
    now = next;
  }
  return log;
}

describe('dueActions and nextActionAt', () => {
  test('a P3 ticket fires each threshold and time rule exactly once, at its instant, with one timer', () => {
    const log = runScheduler([created(ny('2026-03-02T09:00'))], defaultPolicy, ny('2026-03-02T09:00'), ny('2026-03-09T00:00'));
    expect(log.map((l) => `${l.id} @ ${l.at}`)).toEqual([
      't-1:resolution:0 @ 2026-03-02T09:00',
      't-1:response:0 @ 2026-03-02T09:00',
      't-1:response:50 @ 2026-03-02T10:00',
      't-1:response:75 @ 2026-03-02T10:30',
      't-1:response:100 @ 2026-03-02T11:00',
      't-1:resolution:50 @ 2026-03-03T13:30',
      't-1:rule:p3-two-business-days @ 2026-03-04T09:00',
      't-1:resolution:75 @ 2026-03-04T11:15',
      't-1:resolution:100 @ 2026-03-05T09:00',
    ]);
    expect(log.every((l) => l.at === l.firedAt)).toBe(true);
  });

  test('actions recorded as action_fired events are not due again', () => {
    const events: TicketEvent[] = [
      created(ny('2026-03-02T09:00')),
      { type: 'action_fired', at: ny('2026-03-02T09:00'), by: 'tray', role: 'system', actionId: 't-1:response:0' },
    ];
    const due = dueActions(computeClocks(events, defaultPolicy, ny('2026-03-02T09:01')), defaultPolicy, ny('2026-03-02T09:01'));
    expect(due.map((a) => a.id)).toEqual(['t-1:resolution:0']);
  });

  test('catching up after a long offline stretch returns every missed action once, oldest first', () => {
    const now = ny('2026-03-02T12:00');
    const due = dueActions(computeClocks([created(ny('2026-03-02T09:00'))], defaultPolicy, now), defaultPolicy, now);
    expect(due.map((a) => [a.id, nyLocal(a.dueAt), a.escalation])).toEqual([
      ['t-1:resolution:0', '2026-03-02T09:00', 'notification'],
      ['t-1:response:0', '2026-03-02T09:00', 'notification'],
      ['t-1:response:50', '2026-03-02T10:00', 'hierarchical'],
      ['t-1:response:75', '2026-03-02T10:30', 'hierarchical'],
      ['t-1:response:100', '2026-03-02T11:00', 'hierarchical'],
    ]);
    expect(due[4]?.actions).toEqual(['full_escalation', 'notify_management', 'audit_entry']);
  });

  test('P1 unresolved after 30 minutes is a functional escalation on calendar time', () => {
    const log = runScheduler([created(ny('2026-03-07T03:00'), { priority: 'P1', severity: 'S2' })], defaultPolicy, ny('2026-03-07T03:00'), ny('2026-03-07T04:00'));
    expect(log.map((l) => `${l.id} @ ${l.at}`)).toContain('t-1:rule:p1-unresolved-30m @ 2026-03-07T03:30');
    expect(log.map((l) => l.at)).toContain('2026-03-07T03:07');
  });

  test('an S1 raised on Friday evening pages at 20:15 while its business-hours clocks wait for Monday', () => {
    const log = runScheduler([created(ny('2026-03-06T20:00'), { priority: 'P2', severity: 'S1' })], defaultPolicy, ny('2026-03-06T20:00'), ny('2026-03-09T08:05'));
    expect(log.slice(0, 3).map((l) => `${l.id} @ ${l.at}`)).toEqual([
      't-1:rule:s1-open-15m @ 2026-03-06T20:15',
      't-1:resolution:0 @ 2026-03-09T08:00',
      't-1:response:0 @ 2026-03-09T08:00',
    ]);
  });

  test('a paused clock schedules nothing and a resolved ticket has nothing due', () => {
    const events: TicketEvent[] = [
      created(ny('2026-03-02T09:00')),
      { type: 'responded', at: ny('2026-03-02T09:10'), ...agent, via: 'public_reply' },
      { type: 'paused', at: ny('2026-03-02T09:20'), ...agent, clock: 'resolution', reason: 'awaiting_customer' },
    ];
    const now = ny('2026-03-02T09:30');
    const paused = computeClocks(events, defaultPolicy, now);
    const fired = new Set(dueActions(paused, defaultPolicy, now).map((a) => a.id));
    expect(nextActionAt(paused, defaultPolicy, now, fired)).toBeNull();
    const resolved = computeClocks([...events, { type: 'resolved', at: now, ...agent }], defaultPolicy, ny('2026-03-10T09:00'));
    expect(dueActions(resolved, defaultPolicy, ny('2026-03-10T09:00'))).toEqual([]);
    expect(nextActionAt(resolved, defaultPolicy, ny('2026-03-10T09:00'))).toBeNull();
  });

  test('under the restart rule the restarted clock fires its thresholds again under a new key', () => {
    const policy = policyWith((doc) => (doc.retargetRule = 'restart'));
    const events: TicketEvent[] = [
      created(ny('2026-03-02T09:00')),
      { type: 'priority_changed', at: ny('2026-03-02T10:30'), ...agent, priority: 'P2', reason: 'more users affected' },
    ];
    const log = runScheduler(events, policy, ny('2026-03-02T09:00'), ny('2026-03-02T11:00'));
    expect(log.filter((l) => l.id.includes('response')).map((l) => `${l.id} @ ${l.at}`)).toEqual([
      't-1:response:0 @ 2026-03-02T09:00',
      't-1:response:50 @ 2026-03-02T10:00',
      't-1:response@1:0 @ 2026-03-02T10:30',
      't-1:response@1:50 @ 2026-03-02T10:45',
      't-1:response@1:75 @ 2026-03-02T10:52',
      't-1:response@1:100 @ 2026-03-02T11:00',
    ]);
  });

  test('a ticket pending acceptance escalates on the receiving tier’s accept-within target until accepted', () => {
    const escalated: TicketEvent[] = [
      created(ny('2026-03-02T09:00')),
      { type: 'responded', at: ny('2026-03-02T09:05'), ...agent, via: 'public_reply' },
      { type: 'escalated', kind: 'functional', at: ny('2026-03-02T10:00'), ...agent, trigger: 'no_kb_resolution', fromTier: 'L1', toTier: 'L2', reason: 'needs a server admin' },
    ];
    const log = runScheduler(escalated, defaultPolicy, ny('2026-03-02T10:00'), ny('2026-03-02T11:30'));
    expect(log.filter((l) => l.id.includes('acceptance')).map((l) => `${l.id} @ ${l.at}`)).toEqual([
      't-1:acceptance#1:0 @ 2026-03-02T10:00',
      't-1:acceptance#1:75 @ 2026-03-02T10:45',
      't-1:acceptance#1:100 @ 2026-03-02T11:00',
    ]);
    const accepted = [...escalated, { type: 'accepted', at: ny('2026-03-02T10:30'), ...engineer, tier: 'L2' } as TicketEvent];
    const after = runScheduler(accepted, defaultPolicy, ny('2026-03-02T10:30'), ny('2026-03-02T11:30'));
    expect(after.filter((l) => l.id.includes('acceptance') && l.id !== 't-1:acceptance#1:0')).toEqual([]);
  });

  test('a severity-specific path replaces the default path for that severity only', () => {
    const policy = policyWith((doc) => {
      (doc.escalationMatrix as Record<string, unknown>).bySeverity = { S1: { resolution: [{ atPercent: 25, actions: ['page_senior_engineers'] }] } };
    });
    const at = ny('2026-03-02T10:05');
    const s1 = dueActions(computeClocks([created(ny('2026-03-02T09:00'), { priority: 'P1', severity: 'S1' })], policy, at), policy, at);
    expect(s1.filter((a) => a.clock === 'resolution').map((a) => a.id)).toEqual([
      't-1:rule:s1-open-15m',
      't-1:rule:p1-unresolved-30m',
      't-1:resolution:25',
    ]);
    const s2 = dueActions(computeClocks([created(ny('2026-03-02T09:00'), { priority: 'P1', severity: 'S2' })], policy, at), policy, at);
    expect(s2.map((a) => a.id)).toContain('t-1:resolution:0');
  });

  test('nextActionAt follows the path of the ticket’s severity and of the policy it is given, call after call', () => {
    const early = policyWith((doc) => {
      (doc.escalationMatrix as Record<string, unknown>).bySeverity = { S2: { response: [{ atPercent: 10, actions: ['alert_senior_it_management'] }] } };
    });
    const at = ny('2026-03-02T09:00');
    const next = (policy: Policy, severity: 'S2' | 'S3') => {
      const clocks = computeClocks([created(at, { priority: 'P3', severity })], policy, at);
      return nyLocal(nextActionAt(clocks, policy, at)!);
    };
    // P3: a 2 h response target; 10% of it is 12 minutes, the default path's first step (50%) is an hour.
    expect([next(early, 'S2'), next(early, 'S3'), next(defaultPolicy, 'S2'), next(early, 'S2')]).toEqual([
      '2026-03-02T09:12',
      '2026-03-02T10:00',
      '2026-03-02T10:00',
      '2026-03-02T09:12',
    ]);
  });

  test('a time rule is the next action until its instant and not from then on, whether or not its clock ran without a break', () => {
    const start = ny('2026-03-02T09:00');
    // P3: "open for two business days" (18 business hours) falls on Wednesday 09:00, resolution's 75% at 11:15.
    const straight: TicketEvent[] = [created(start)];
    // Paused for a minute of closed time on Monday night: the same open time, but in three phases.
    const broken: TicketEvent[] = [
      created(start),
      { type: 'paused', at: ny('2026-03-02T20:00'), ...agent, clock: 'resolution', reason: 'awaiting_customer' },
      { type: 'resumed', at: ny('2026-03-02T20:01'), ...agent, clock: 'resolution' },
    ];
    const next = (events: TicketEvent[], now: number) => nyLocal(nextActionAt(computeClocks(events, defaultPolicy, now), defaultPolicy, now)!);
    const rule = ny('2026-03-04T09:00');
    for (const events of [straight, broken]) {
      expect(next(events, rule - 1)).toBe('2026-03-04T09:00');
      expect(next(events, rule)).toBe('2026-03-04T11:15');
      expect(next(events, rule + 1)).toBe('2026-03-04T11:15');
    }
  });
});
