import { describe, expect, test } from 'vitest';
import type { TicketEvent } from '../model/ticket-event';
import { defaultPolicy } from '../policy/default-policy';
import { agent, created, ny } from '../testing/ticket-events';
import { HOUR_MS } from '../time/duration';
import { computeClocks } from './compute-clocks';
import { explainClock } from './explain-clock';

describe('explainClock', () => {
  const events: TicketEvent[] = [
    created(ny('2026-11-25T18:00')),
    { type: 'paused', at: ny('2026-11-27T10:00'), ...agent, clock: 'resolution', reason: 'awaiting_customer' },
    { type: 'paused', at: ny('2026-11-27T10:05'), ...agent, clock: 'response', reason: 'lunch' },
    { type: 'resumed', at: ny('2026-11-30T09:00'), ...agent, clock: 'resolution' },
  ];
  const now = ny('2026-11-30T12:00');
  const clocks = computeClocks(events, defaultPolicy, now);

  test('tells the calendar, the late start over a holiday, the pause with who and why, thresholds and where it stands', () => {
    const why = explainClock(clocks, 'resolution', defaultPolicy, now)!;
    expect(why.entries.map((e) => e.kind)).toEqual(['calendar', 'closed', 'started', 'threshold', 'paused', 'status']);
    expect(why.text).toBe(
      [
        'Resolution clock (P3)',
        '- Calendar "business" (America/New_York): Mon–Fri 08:00–17:00; closed Sat, Sun; public holidays (US) closed.',
        '- Wed 2026-11-25 18:00 -05:00 → Fri 2026-11-27 08:00 -05:00: closed, holiday (Thanksgiving Day); not counted.',
        '- Fri 2026-11-27 08:00 -05:00: clock started at the first open instant (created Wed 2026-11-25 18:00 -05:00, outside open hours); target 27h on "business".',
        '- Fri 2026-11-27 08:00 -05:00: reached clock start → notify assignment group (not recorded as fired).',
        '- Fri 2026-11-27 10:00 -05:00: paused by agent-l1 (l1_agent) — Awaiting customer; resumed Mon 2026-11-30 09:00 -05:00; 8h of open time not counted.',
        '- Mon 2026-11-30 12:00 -05:00: running, 5h of 27h used (19%), 22h left, due Wed 2026-12-02 16:00 -05:00.',
      ].join('\n'),
    );
    const paused = why.entries.find((e) => e.kind === 'paused');
    expect(paused).toMatchObject({ reason: 'awaiting_customer', by: 'agent-l1', excludedMs: 8 * HOUR_MS });
  });

  test('names who paused when the caller knows the name', () => {
    const why = explainClock(clocks, 'resolution', defaultPolicy, now, { agentName: (id) => (id === 'agent-l1' ? 'Alex Rivera' : undefined) })!;
    expect(why.entries.find((e) => e.kind === 'paused')?.text).toMatch(/: paused by Alex Rivera \(l1_agent\) — Awaiting customer;/);
  });

  test('shows a pause the policy refused, on the clock it was meant for', () => {
    const why = explainClock(clocks, 'response', defaultPolicy, now)!;
    expect(why.entries.find((e) => e.kind === 'ignored')?.text).toBe(
      'Fri 2026-11-27 10:05 -05:00: paused not applied — "lunch" is not a pause reason in the policy; use one of: Awaiting customer (awaiting_customer), Awaiting vendor (awaiting_vendor), Scheduled change window (change_window).',
    );
  });

  test('explains a re-target that breached the clock, in the agent’s time zone when asked', () => {
    const upgraded: TicketEvent[] = [
      created(ny('2026-03-02T08:00'), { priority: 'P4' }),
      { type: 'priority_changed', at: ny('2026-03-02T13:00'), ...agent, priority: 'P1', reason: 'payments down' },
    ];
    const at = ny('2026-03-02T13:30');
    const why = explainClock(computeClocks(upgraded, defaultPolicy, at), 'resolution', defaultPolicy, at, { timeZone: 'Europe/Berlin' })!;
    const text = why.entries.filter((e) => e.kind === 'retargeted' || e.kind === 'breached').map((e) => e.text);
    expect(text).toEqual([
      'Mon 2026-03-02 19:00 +01:00: priority P4 → P1; target 45h "business" → 4h "24x7" (kept 5h already used).',
      'Mon 2026-03-02 19:00 +01:00: target breached.',
    ]);
  });

  test('summarises long runs of nights and weekends instead of listing them all', () => {
    const at = ny('2026-03-20T12:00');
    const why = explainClock(computeClocks([created(ny('2026-03-02T09:00'), { priority: 'P5' })], defaultPolicy, at), 'resolution', defaultPolicy, at, { maxClosedPeriods: 3 })!;
    expect(why.entries.filter((e) => e.kind === 'closed')).toHaveLength(3);
    expect(why.entries.find((e) => e.kind === 'closed_more')).toMatchObject({ count: 11 });
  });

  test('has nothing to explain for a clock that does not exist', () => {
    expect(explainClock(clocks, 'acceptance', defaultPolicy, now)).toBeNull();
  });
});
