import { describe, expect, test } from 'vitest';
import { MINUTE_MS } from '../../time/duration';
import { AGENTS, goodHandoff, NEW_TICKET, T0, TicketStory } from '../testing/harness';

const REASON = 'Concentrator firmware bug: only engineering can patch it';

/** L1 owns t-1 (network, P3) and has asked a lead to approve a skip straight to L3. */
function requested() {
  const story = new TicketStory();
  story.do(AGENTS.l1, T0, 'createTicket', NEW_TICKET);
  story.do(AGENTS.l1, T0 + 5 * MINUTE_MS, 'acceptTicket', { ticketId: 't-1' });
  story.do(AGENTS.l1, T0 + 30 * MINUTE_MS, 'requestTierSkip', { ticketId: 't-1', toTier: 'L3', handoffNote: goodHandoff(), skipReason: REASON });
  return story;
}

const types = (story: TicketStory) => story.agg!.events.map((e) => e.event.type);

describe('requestTierSkip', () => {
  test('keeps the owner and the tier, and holds the note and reason on the ticket for a lead', () => {
    const story = requested();
    expect(story.ticket).toMatchObject({ tier: 'L1', assignee: 'l1', status: 'assigned' });
    expect(story.ticket.skipRequest).toMatchObject({ toTier: 'L3', reason: REASON, by: 'l1', role: 'l1_agent', at: T0 + 30 * MINUTE_MS, trigger: 'troubleshooting_exhausted' });
    expect(story.ticket.skipRequest!.note).toEqual(goodHandoff());
    expect(story.agg!.events.at(-1)!.event).toMatchObject({ type: 'skip_requested', by: 'l1', toTier: 'L3', reason: REASON });
  });

  test('checks the note as an escalation would, and wants a real reason', () => {
    const story = new TicketStory();
    story.do(AGENTS.l1, T0, 'createTicket', NEW_TICKET);
    story.do(AGENTS.l1, T0 + MINUTE_MS, 'acceptTicket', { ticketId: 't-1' });
    const at = T0 + 30 * MINUTE_MS;
    expect(story.try(AGENTS.l1, at, 'requestTierSkip', { ticketId: 't-1', toTier: 'L3', handoffNote: goodHandoff({ workaround: '' }), skipReason: REASON })).toMatchObject({
      ok: false,
      code: 'invalid_handoff',
      field: 'handoffNote.workaround',
    });
    expect(story.try(AGENTS.l1, at, 'requestTierSkip', { ticketId: 't-1', toTier: 'L3', handoffNote: goodHandoff(), skipReason: 'because' })).toMatchObject({ ok: false, field: 'skipReason' });
    expect(story.ticket.skipRequest ?? null).toBeNull();
  });

  test('is only for a move that needs approval, by someone who cannot approve it, on a ticket they own', () => {
    const story = new TicketStory();
    story.do(AGENTS.l1, T0, 'createTicket', NEW_TICKET);
    const at = T0 + 30 * MINUTE_MS;
    const ask = (who: (typeof AGENTS)[keyof typeof AGENTS], toTier: 'L2' | 'L3') => story.try(who, at, 'requestTierSkip', { ticketId: 't-1', toTier, handoffNote: goodHandoff(), skipReason: REASON });
    expect(ask(AGENTS.l1, 'L3')).toMatchObject({ ok: false, code: 'forbidden' });
    story.do(AGENTS.l1, T0 + MINUTE_MS, 'acceptTicket', { ticketId: 't-1' });
    expect(ask(AGENTS.l1, 'L2')).toMatchObject({ ok: false, field: 'toTier', message: expect.stringMatching(/needs no approval/) });
    expect(ask(AGENTS.lead, 'L3')).toMatchObject({ ok: false, field: 'toTier', message: expect.stringMatching(/approve a tier skip yourself/) });
    expect(ask(AGENTS.l1b, 'L3')).toMatchObject({ ok: false, code: 'forbidden' });
  });

  test('one request at a time', () => {
    const story = requested();
    const again = story.try(AGENTS.l1, T0 + 35 * MINUTE_MS, 'requestTierSkip', { ticketId: 't-1', toTier: 'L4', handoffNote: goodHandoff(), skipReason: REASON });
    expect(again).toMatchObject({ ok: false, code: 'conflict' });
  });
});

describe('decideTierSkip', () => {
  test("a lead's approval escalates with the requester's note and records the approval", () => {
    const story = requested();
    const outcome = story.do(AGENTS.lead, T0 + 45 * MINUTE_MS, 'decideTierSkip', { ticketId: 't-1', decision: 'approve', reason: 'Confirmed with engineering: firmware fix' });
    expect(story.ticket).toMatchObject({ tier: 'L3', group: 'platform-engineering', assignee: null, status: 'pending_acceptance', skipRequest: null });
    expect(types(story).slice(-4)).toEqual(['skip_decided', 'escalated', 'handoff_note', 'notification_queued']);
    const [decided, escalated, handoff] = story.agg!.events.slice(-4).map((e) => e.event);
    expect(decided).toMatchObject({ decision: 'approved', by: 'lead', requestedBy: 'l1', toTier: 'L3' });
    expect(escalated).toMatchObject({ by: 'lead', fromTier: 'L1', toTier: 'L3', approval: { by: 'lead', role: 'lead', reason: 'Confirmed with engineering: firmware fix' } });
    // The note is the requester's: written by them, handed over as they wrote it.
    expect(handoff).toMatchObject({ by: 'l1', role: 'l1_agent', note: goodHandoff(), skipReason: REASON });
    expect(outcome.notifications[0]!.body).toMatch(/escalated to/);
    expect(outcome.audit).toMatchObject({ action: 'ticket.escalated_functional' });
  });

  test('a decline leaves the ticket with its owner, and says why', () => {
    const story = requested();
    story.do(AGENTS.lead, T0 + 45 * MINUTE_MS, 'decideTierSkip', { ticketId: 't-1', decision: 'decline', reason: 'L2 network ops can reflash it' });
    expect(story.ticket).toMatchObject({ tier: 'L1', assignee: 'l1', skipRequest: null });
    expect(story.agg!.events.at(-1)!.event).toMatchObject({ type: 'skip_decided', decision: 'declined', reason: 'L2 network ops can reflash it' });
    // Declined, the owner may ask again (or escalate to L2).
    story.do(AGENTS.l1, T0 + 50 * MINUTE_MS, 'requestTierSkip', { ticketId: 't-1', toTier: 'L3', handoffNote: goodHandoff(), skipReason: `${REASON} (again)` });
  });

  test('only an approver decides; the requester may withdraw; a reason is required to decide', () => {
    const story = requested();
    const at = T0 + 40 * MINUTE_MS;
    expect(story.try(AGENTS.l1, at, 'decideTierSkip', { ticketId: 't-1', decision: 'approve', reason: 'I approve my own request' })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(story.try(AGENTS.l2, at, 'decideTierSkip', { ticketId: 't-1', decision: 'decline', reason: 'not mine to say' })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(story.try(AGENTS.lead, at, 'decideTierSkip', { ticketId: 't-1', decision: 'approve' })).toMatchObject({ ok: false, field: 'reason' });
    expect(story.try(AGENTS.l1b, at, 'decideTierSkip', { ticketId: 't-1', decision: 'withdraw' })).toMatchObject({ ok: false, code: 'forbidden' });
    story.do(AGENTS.l1, at, 'decideTierSkip', { ticketId: 't-1', decision: 'withdraw' });
    expect(story.ticket.skipRequest).toBeNull();
    expect(story.try(AGENTS.lead, at + MINUTE_MS, 'decideTierSkip', { ticketId: 't-1', decision: 'approve', reason: 'Too late, it was withdrawn' })).toMatchObject({ ok: false, code: 'conflict' });
  });

  test('a note made out of date by a later change is not sent on approval', () => {
    const story = requested();
    story.do(AGENTS.l1, T0 + 40 * MINUTE_MS, 'updateFields', { ticketId: 't-1', baseVersion: story.ticket.version, fields: { impact: 'high', urgency: 'high' } });
    const approve = story.try(AGENTS.lead, T0 + 45 * MINUTE_MS, 'decideTierSkip', { ticketId: 't-1', decision: 'approve', reason: 'Confirmed with engineering: firmware fix' });
    expect(approve).toMatchObject({ ok: false, code: 'invalid_handoff', message: expect.stringMatching(/Decline it so they can update it/) });
    expect(story.ticket.tier).toBe('L1');
  });

  test('escalating or resolving the ticket settles a waiting request', () => {
    const escalated = requested();
    escalated.do(AGENTS.l1, T0 + 40 * MINUTE_MS, 'escalateFunctional', { ticketId: 't-1', toTier: 'L2', handoffNote: goodHandoff() });
    expect(escalated.ticket.skipRequest).toBeNull();
    const resolved = requested();
    resolved.do(AGENTS.l1, T0 + 40 * MINUTE_MS, 'resolve', { ticketId: 't-1', resolution: 'Replaced the VPN concentrator cable, stable since.' });
    expect(resolved.ticket.skipRequest).toBeNull();
  });
});
