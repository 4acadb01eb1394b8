import { describe, expect, test } from 'vitest';
import { isOpenStatus } from '../../shared/model/levels';
import { parseTicket } from '../../shared/model/ticket';
import { defaultPolicy } from '../../shared/policy/default-policy';
import { calendarLookup } from '../../shared/sla/calendars';
import { readTicketClocks } from '../../shared/sla/ticket-sla';
import { generateTickets } from './generate';
import { Random } from './random';

const NOW = Date.UTC(2026, 10, 24, 15, 0);
const calendars = calendarLookup(defaultPolicy);
const generate = (seed: number, count = 400) => [
  ...generateTickets({ count, nowMs: NOW, policy: defaultPolicy, calendars, random: new Random(seed) }),
];

describe('demo ticket generator', () => {
  test('is deterministic for the same seed and instant', () => {
    expect(generate(42, 50)).toEqual(generate(42, 50));
    expect(generate(43, 50)).not.toEqual(generate(42, 50));
  });

  test('produces valid tickets with sequential human numbers', () => {
    const tickets = generate(1, 30);
    tickets.forEach((t) => expect(() => parseTicket(t)).not.toThrow());
    expect(tickets.slice(0, 3).map((t) => t.number)).toEqual(['INC-000001', 'INC-000002', 'INC-000003']);
  });

  test('spreads open tickets over fresh, past 50%, past 75% and breached', () => {
    const buckets = { fresh: 0, past50: 0, past75: 0, breached: 0 };
    for (const t of generate(42).filter((t) => isOpenStatus(t.status) && t.status !== 'on_hold')) {
      const clocks = readTicketClocks(t.sla, NOW, calendars);
      const driving = t.sla.response.state === 'running' ? clocks.response : clocks.resolution;
      if (driving.percent >= 100) buckets.breached++;
      else if (driving.percent >= 75) buckets.past75++;
      else if (driving.percent >= 50) buckets.past50++;
      else buckets.fresh++;
    }
    for (const count of Object.values(buckets)) expect(count).toBeGreaterThan(15);
  });

  test('mixes severities, tiers, statuses and VIP requesters', () => {
    const tickets = generate(42);
    expect(new Set(tickets.map((t) => t.severity)).size).toBe(4);
    expect(new Set(tickets.map((t) => t.tier)).size).toBe(4);
    expect(new Set(tickets.map((t) => t.status)).size).toBe(7);
    const vip = tickets.filter((t) => t.requester.vip).length;
    expect(vip).toBeGreaterThan(5);
    expect(vip).toBeLessThan(60);
  });

  test('gives the L1 demo account tickets of its own and leaves escalations unowned', () => {
    const tickets = generate(42);
    expect(tickets.filter((t) => t.assignee === 'agent-l1').length).toBeGreaterThan(20);
    expect(tickets.filter((t) => t.status === 'pending_acceptance').every((t) => t.assignee === null)).toBe(true);
  });
});
