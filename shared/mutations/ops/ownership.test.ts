import { describe, expect, test } from 'vitest';
import { MINUTE_MS } from '../../time/duration';
import { AGENTS, goodHandoff, NEW_TICKET, T0, TicketStory } from '../testing/harness';

const WHY = 'Alex is off sick today; Blake takes his open tickets';

/** L1 (`l1`) owns t-1, a network ticket of the service desk. */
function owned() {
  const story = new TicketStory();
  story.do(AGENTS.l1, T0, 'createTicket', NEW_TICKET);
  story.do(AGENTS.l1, T0 + 5 * MINUTE_MS, 'acceptTicket', { ticketId: 't-1' });
  return story;
}
const at = T0 + 30 * MINUTE_MS;

describe('assignTicket', () => {
  test('a lead gives the ticket to someone of its group and tier, with the reason on the timeline and in the audit', () => {
    const story = owned();
    const outcome = story.do(AGENTS.lead, at, 'assignTicket', { ticketId: 't-1', assignee: 'l1b', reason: WHY });
    expect(story.ticket).toMatchObject({ assignee: 'l1b', status: 'assigned', tier: 'L1', group: 'service-desk' });
    expect(story.agg!.events.at(-1)!.event).toEqual({ type: 'owner_changed', at, by: 'lead', role: 'lead', from: 'l1', to: 'l1b', reason: WHY });
    expect(outcome.audit).toMatchObject({ action: 'ticket.assigned', reason: WHY });
    // The clocks run on: a change of owner is not a pause.
    expect(story.ticket.sla.resolution.state).toBe('running');
  });

  test('a lead puts it back in the queue, and anyone of the tier can then accept it', () => {
    const story = owned();
    const outcome = story.do(AGENTS.lead, at, 'assignTicket', { ticketId: 't-1', assignee: null, reason: 'Rebalancing the morning queue' });
    expect(story.ticket).toMatchObject({ assignee: null, status: 'new' });
    expect(outcome.audit.action).toBe('ticket.released');
    story.do(AGENTS.l1b, at + MINUTE_MS, 'acceptTicket', { ticketId: 't-1' });
    expect(story.ticket).toMatchObject({ assignee: 'l1b', status: 'assigned' });
  });

  test('its owner may release it to the queue, but not give it to someone; others may do neither', () => {
    const story = owned();
    expect(story.try(AGENTS.l1, at, 'assignTicket', { ticketId: 't-1', assignee: 'l1b', reason: WHY })).toMatchObject({ ok: false, code: 'forbidden', field: 'assignee' });
    expect(story.try(AGENTS.l1b, at, 'assignTicket', { ticketId: 't-1', assignee: null, reason: WHY })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(story.try(AGENTS.l1b, at, 'assignTicket', { ticketId: 't-1', assignee: 'l1b', reason: WHY })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(story.try(AGENTS.l2, at, 'assignTicket', { ticketId: 't-1', assignee: null, reason: WHY })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(story.ticket.assignee).toBe('l1');
    story.do(AGENTS.l1, at, 'assignTicket', { ticketId: 't-1', assignee: null, reason: 'Going off shift; needs someone on site tomorrow' });
    expect(story.ticket).toMatchObject({ assignee: null, status: 'new' });
    expect(story.agg!.events.at(-1)!.event).toMatchObject({ type: 'owner_changed', by: 'l1', from: 'l1', to: null });
  });

  test('never hands a ticket to someone who could not work on it, naming the field', () => {
    const story = owned();
    expect(story.try(AGENTS.lead, at, 'assignTicket', { ticketId: 't-1', assignee: 'l2', reason: WHY })).toMatchObject({ ok: false, code: 'invalid', field: 'assignee' });
    expect(story.try(AGENTS.lead, at, 'assignTicket', { ticketId: 't-1', assignee: 'vendor', reason: WHY })).toMatchObject({ ok: false, code: 'invalid', field: 'assignee' });
    expect(story.try(AGENTS.lead, at, 'assignTicket', { ticketId: 't-1', assignee: 'nobody-here', reason: WHY })).toMatchObject({ ok: false, code: 'invalid', field: 'assignee' });
    expect(story.try(AGENTS.lead, at, 'assignTicket', { ticketId: 't-1', assignee: 'l1', reason: WHY })).toMatchObject({ ok: false, code: 'invalid_state', field: 'assignee' });
    expect(story.ticket.assignee).toBe('l1');
  });

  test('wants a reason', () => {
    const story = owned();
    expect(() => story.try(AGENTS.lead, at, 'assignTicket', { ticketId: 't-1', assignee: 'l1b', reason: '   ' })).toThrow(/reason/);
  });

  test("a lead dispatches a ticket waiting for its tier: an acceptance on that agent's behalf, which stops the accept-within clock", () => {
    const story = owned();
    story.do(AGENTS.l1, at, 'escalateFunctional', { ticketId: 't-1', toTier: 'L2', handoffNote: goodHandoff() });
    expect(story.ticket.status).toBe('pending_acceptance');
    expect(story.ticket.sla.acceptance?.state).toBe('running');
    // Only a lead, only to someone of that tier, and not "back to the queue" (it is there).
    expect(story.try(AGENTS.l1b, at + MINUTE_MS, 'assignTicket', { ticketId: 't-1', assignee: 'l2', reason: WHY })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(story.try(AGENTS.lead, at + MINUTE_MS, 'assignTicket', { ticketId: 't-1', assignee: 'l1b', reason: WHY })).toMatchObject({ ok: false, code: 'invalid', field: 'assignee' });
    expect(story.try(AGENTS.lead, at + MINUTE_MS, 'assignTicket', { ticketId: 't-1', assignee: null, reason: WHY })).toMatchObject({ ok: false, code: 'invalid_state', field: 'assignee' });
    const dispatchAt = at + 2 * MINUTE_MS;
    // The clocks come out as if L2 had accepted it themselves at that moment.
    const selfAccepted = owned();
    selfAccepted.do(AGENTS.l1, at, 'escalateFunctional', { ticketId: 't-1', toTier: 'L2', handoffNote: goodHandoff() });
    selfAccepted.do(AGENTS.l2, dispatchAt, 'acceptTicket', { ticketId: 't-1' });
    story.do(AGENTS.lead, dispatchAt, 'assignTicket', { ticketId: 't-1', assignee: 'l2', reason: 'Sam knows the branch routers' });
    expect(story.ticket).toMatchObject({ assignee: 'l2', status: 'assigned', tier: 'L2' });
    expect(story.ticket.sla).toEqual(selfAccepted.ticket.sla);
    expect(story.ticket.sla.acceptance?.state ?? 'gone').not.toBe('running');
    expect(story.agg!.events.slice(-2).map((e) => e.event)).toEqual([
      { type: 'accepted', at: dispatchAt, by: 'lead', role: 'lead', tier: 'L2', onBehalfOf: 'l2' },
      { type: 'owner_changed', at: dispatchAt, by: 'lead', role: 'lead', from: null, to: 'l2', reason: 'Sam knows the branch routers' },
    ]);
  });

  test('leaves a resolved ticket alone', () => {
    const story = owned();
    story.do(AGENTS.l1, at, 'escalateFunctional', { ticketId: 't-1', toTier: 'L2', handoffNote: goodHandoff() });
    story.do(AGENTS.l2, at + 2 * MINUTE_MS, 'acceptTicket', { ticketId: 't-1' });
    story.do(AGENTS.l2, at + 3 * MINUTE_MS, 'resolve', { ticketId: 't-1', resolution: 'Replaced the VPN profile; stable for an hour.', kbDraft: { articleId: 'kb-vpn', title: 'VPN drops: replace the profile', body: 'Remove and re-add the VPN profile; confirm with the user.' } });
    expect(story.try(AGENTS.lead, at + 4 * MINUTE_MS, 'assignTicket', { ticketId: 't-1', assignee: null, reason: WHY })).toMatchObject({ ok: false, code: 'invalid_state' });
  });

  test('a paused ticket keeps its pause with its new owner', () => {
    const story = owned();
    story.do(AGENTS.l1, at, 'pauseClock', { ticketId: 't-1', clock: 'resolution', reason: 'awaiting_customer' });
    expect(story.ticket.status).toBe('on_hold');
    story.do(AGENTS.lead, at + MINUTE_MS, 'assignTicket', { ticketId: 't-1', assignee: 'l1b', reason: WHY });
    expect(story.ticket).toMatchObject({ assignee: 'l1b', status: 'on_hold' });
    expect(story.ticket.sla.resolution.state).toBe('paused');
  });
});
