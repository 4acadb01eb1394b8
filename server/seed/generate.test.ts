import { describe, expect, test } from 'vitest';
import { isOpenStatus } from '../../shared/model/levels';
import { parseStoredEvent } from '../../shared/model/stored-event';
import { parseTicket } from '../../shared/model/ticket';
import { defaultPolicy } from '../../shared/policy/default-policy';
import { calendarLookup } from '../../shared/sla/calendars';
import { clocksOf } from '../../shared/mutations/recompute';
import { readTicketClocks } from '../../shared/sla/ticket-sla';
import { dueActions } from '../../shared/escalation/due-actions';
import { generateTickets } from './generate';
import { demoKbArticles } from './kb-catalog';
import { Random } from './random';
import { AGENTS, TicketStory } from '../../shared/mutations/testing/harness';

const NOW = Date.UTC(2026, 10, 24, 15, 0);
const calendars = calendarLookup(defaultPolicy);
const kb = demoKbArticles(NOW);
const generate = (seed: number, count = 400) => [
  ...generateTickets({ count, nowMs: NOW, policy: defaultPolicy, calendars, random: new Random(seed), kb }),
];

describe('demo ticket generator', () => {
  test('is deterministic for the same seed and instant', () => {
    expect(generate(42, 40)).toEqual(generate(42, 40));
    expect(generate(43, 40)).not.toEqual(generate(42, 40));
  });

  test('produces valid tickets and logs with sequential human numbers', () => {
    const tickets = generate(1, 60);
    for (const { ticket, events } of tickets) {
      expect(() => parseTicket(ticket)).not.toThrow();
      events.forEach((e) => expect(() => parseStoredEvent(e)).not.toThrow());
      expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    }
    expect(tickets.slice(0, 3).map((t) => t.ticket.number)).toEqual(['INC-000001', 'INC-000002', 'INC-000003']);
  });

  test('leaves a few tier skips waiting for a lead, each one a lead can approve as it stands', () => {
    const waiting = generate(9, 400).filter(({ ticket }) => ticket.skipRequest);
    expect(waiting.length).toBeGreaterThan(0);
    for (const { ticket, events } of waiting) {
      expect(ticket).toMatchObject({ tier: 'L1', status: 'in_progress', skipRequest: { toTier: 'L3', by: ticket.assignee } });
      const story = new TicketStory();
      story.agg = { ticket, events };
      story.do(AGENTS.lead, NOW, 'decideTierSkip', { ticketId: ticket.id, decision: 'approve', reason: 'Approved for the demo check' });
      expect(story.ticket.tier).toBe('L3');
    }
  });

  test('stores clocks that match the log (the same rules computed them)', () => {
    for (const { ticket, events } of generate(5, 80)) {
      const clocks = clocksOf(events, defaultPolicy, NOW);
      expect(clocks.ignored).toEqual([]);
      expect(ticket.sla.resolution.state).toBe(clocks.resolution!.snapshot.state);
      expect(ticket.sla.resolution.dueAt).toBe(clocks.resolution!.snapshot.dueAt);
    }
  });

  test('spreads open tickets over fresh, past 50%, past 75% and breached', () => {
    const buckets = { fresh: 0, past50: 0, past75: 0, breached: 0 };
    for (const { ticket: t } of generate(42).filter(({ ticket: t }) => isOpenStatus(t.status) && t.status !== 'on_hold' && t.status !== 'pending_acceptance')) {
      const clocks = readTicketClocks(t.sla, NOW, calendars);
      const driving = t.sla.response.state === 'running' ? clocks.response : clocks.resolution;
      if (driving.percent >= 100) buckets.breached++;
      else if (driving.percent >= 75) buckets.past75++;
      else if (driving.percent >= 50) buckets.past50++;
      else buckets.fresh++;
    }
    for (const count of Object.values(buckets)) expect(count).toBeGreaterThan(12);
  });

  test('mixes severities, tiers, statuses and VIP requesters', () => {
    const tickets = generate(42).map((g) => g.ticket);
    expect(new Set(tickets.map((t) => t.severity)).size).toBe(4);
    expect(new Set(tickets.map((t) => t.tier)).size).toBe(4);
    expect(new Set(tickets.map((t) => t.status)).size).toBe(7);
    const vip = tickets.filter((t) => t.requester.vip).length;
    expect(vip).toBeGreaterThan(5);
    expect(vip).toBeLessThan(60);
  });

  test('gives the L1 demo account tickets of its own and leaves escalations unowned', () => {
    const tickets = generate(42).map((g) => g.ticket);
    expect(tickets.filter((t) => t.assignee === 'agent-l1').length).toBeGreaterThan(20);
    const pending = tickets.filter((t) => t.status === 'pending_acceptance');
    expect(pending.length).toBeGreaterThan(10);
    expect(pending.every((t) => t.assignee === null && t.sla.acceptance?.state === 'running')).toBe(true);
  });

  test('records a structured handoff note for every tier move', () => {
    for (const { events } of generate(9, 200)) {
      const escalations = events.filter((e) => e.event.type === 'escalated' && e.event.kind === 'functional');
      const notes = events.filter((e) => e.event.type === 'handoff_note');
      expect(notes.length).toBe(escalations.length);
    }
  });

  test('has tickets fixed at first contact and reopened, some still open with their owner and some fixed for good since', () => {
    const reopened = generate(13, 800).filter(({ events }) => events.some((e) => e.event.type === 'reopened'));
    const open = reopened.filter(({ ticket }) => ticket.status === 'in_progress');
    const fixed = reopened.filter(({ ticket }) => ticket.status === 'resolved' || ticket.status === 'closed');
    expect(open.length).toBeGreaterThan(2);
    expect(fixed.length).toBeGreaterThan(2);
    expect(open.length + fixed.length).toBe(reopened.length);
    for (const { ticket, events } of reopened) {
      const types = events.map((e) => e.event.type);
      expect(types.indexOf('resolved')).toBeLessThan(types.indexOf('reopened'));
      expect(ticket.assignee).not.toBeNull();
    }
    for (const { ticket } of open) expect(ticket.resolution).toBeNull();
    for (const { events } of fixed) expect(events.map((e) => e.event.type).lastIndexOf('resolved')).toBeGreaterThan(events.map((e) => e.event.type).indexOf('reopened'));
  });

  test('raises some urgent or VIP tickets to management, the functional owner keeping them', () => {
    const raised = generate(17, 800).filter(({ events }) => events.some((e) => e.event.type === 'escalated' && e.event.kind === 'hierarchical'));
    expect(raised.length).toBeGreaterThan(3);
    for (const { ticket, events } of raised) {
      expect(ticket.priority === 'P1' || ticket.priority === 'P2' || ticket.requester.vip).toBe(true);
      const raise = events.find((e) => e.event.type === 'escalated' && e.event.kind === 'hierarchical')!;
      expect(raise.event).toMatchObject({ level: 'team_lead' });
      expect(ticket.assignee).toBe(raise.event.by);
    }
  });

  test('sends some L2 tickets back to L1 with a return reason, where the L1 agent who had them resolves them', () => {
    const returned = generate(11, 1000).filter(({ events }) => events.some((e) => e.event.type === 'escalated' && e.event.kind === 'functional' && e.event.toTier === 'L1'));
    expect(returned.length).toBeGreaterThan(2);
    for (const { ticket, events } of returned) {
      const back = events.find((e) => e.event.type === 'escalated' && e.event.kind === 'functional' && e.event.toTier === 'L1')!.event;
      expect(back).toMatchObject({ fromTier: 'L2', trigger: 'fix_provided_follow_up' });
      expect(ticket).toMatchObject({ tier: 'L1' });
      expect(['resolved', 'closed']).toContain(ticket.status);
      const accepts = events.filter((e) => e.event.type === 'accepted').map((e) => e.event.by);
      expect(accepts.at(-1)).toBe(accepts[0]);
    }
  });

  test('records the escalation steps a running server would have carried out, when they came due, so nothing of the past is left to fire', () => {
    let fired = 0;
    for (const { ticket, events } of generate(5, 300)) {
      const ats = events.map((e) => e.event.at);
      expect(ats).toEqual([...ats].sort((a, b) => a - b));
      expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
      const steps = events.filter((e) => e.event.type === 'action_fired');
      fired += steps.length;
      for (const step of steps) expect(step.event).toMatchObject({ by: 'tierdesk-escalations', role: 'system' });
      if (isOpenStatus(ticket.status)) expect(dueActions(clocksOf(events, defaultPolicy, NOW), defaultPolicy, NOW)).toEqual([]);
    }
    expect(fired).toBeGreaterThan(100);
  });

  test('closes resolved tickets when the policy would have (closeResolvedAfter after the resolution), and only those', () => {
    for (const { ticket, events } of generate(6, 400)) {
      if (ticket.status === 'closed') {
        const close = events.at(-1)!.event;
        expect(close).toMatchObject({ type: 'closed', by: 'tierdesk-auto-close', at: ticket.resolution!.at + defaultPolicy.closeResolvedAfter });
        expect(close.at).toBeLessThanOrEqual(NOW);
      }
      if (ticket.status === 'resolved') expect(ticket.resolution!.at + defaultPolicy.closeResolvedAfter).toBeGreaterThan(NOW);
    }
  });
});
