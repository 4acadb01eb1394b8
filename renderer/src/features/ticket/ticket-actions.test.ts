import { describe, expect, test } from 'vitest';
import { AGENTS, goodHandoff, NEW_TICKET, T0, TicketStory } from '../../../../shared/mutations/testing/harness';
import { autoClose } from '../../../../shared/mutations/ops/auto-close';
import { defaultPolicy } from '../../../../shared/policy/default-policy';
import { HOUR_MS, MINUTE_MS } from '../../../../shared/time/duration';
import { availability } from './ticket-actions';

/** Created and accepted by L1 (service desk). */
function owned() {
  const story = new TicketStory();
  story.do(AGENTS.l1, T0, 'createTicket', NEW_TICKET);
  story.do(AGENTS.l1, T0 + MINUTE_MS, 'acceptTicket', { ticketId: 't-1' });
  return story;
}

describe('what the action bar offers', () => {
  test('L1 escalates but cannot send back (there is no lower tier)', () => {
    const can = availability(owned().ticket, AGENTS.l1);
    expect(can.escalate).toBeNull();
    expect(can.sendBack).toBe('L1 is the first tier.');
  });

  test('in L2: while it waits, L2 may send it straight back; once taken, only its owner', () => {
    const story = owned();
    story.do(AGENTS.l1, T0 + 30 * MINUTE_MS, 'escalateFunctional', { ticketId: 't-1', toTier: 'L2', handoffNote: goodHandoff() });
    expect(availability(story.ticket, AGENTS.l2).sendBack).toBeNull();
    expect(availability(story.ticket, AGENTS.l2).escalate).toBe('It waits for acceptance in L2.');
    // A lead may dispatch it to someone of L2; an L2 engineer takes it with Accept instead.
    expect(availability(story.ticket, AGENTS.lead).assign).toBeNull();
    expect(availability(story.ticket, AGENTS.l2).assign).toBe('It waits for acceptance in L2.');
    story.do(AGENTS.l2, T0 + 40 * MINUTE_MS, 'acceptTicket', { ticketId: 't-1' });
    expect(availability(story.ticket, AGENTS.l2).sendBack).toBeNull();
    expect(availability(story.ticket, AGENTS.l1).sendBack).toMatch(/only .* groups|this one is in/);
  });

  test('a closed ticket is final: no note, no edit, no reopen', () => {
    const story = owned();
    story.do(AGENTS.l1, T0 + HOUR_MS, 'resolve', { ticketId: 't-1', resolution: 'Reset the VPN profile with the user.' });
    const closed = autoClose(story.agg!, defaultPolicy, T0 + HOUR_MS + defaultPolicy.closeResolvedAfter, 'auto')!.ticket;
    const can = availability(closed, AGENTS.l1);
    expect(can.note).toMatch(/closed ticket is final/);
    expect(can.edit).not.toBeNull();
    expect(can.reopen).not.toBeNull();
    expect(availability(story.ticket, AGENTS.l1).note).toBeNull();
  });
});
