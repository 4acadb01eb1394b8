import { describe, expect, test } from 'vitest';
import { MINUTE_MS } from '../time/duration';
import { AGENTS, goodHandoff, NEW_TICKET, T0, TicketStory } from './testing/harness';

function opened() {
  const story = new TicketStory();
  story.do(AGENTS.l1, T0, 'createTicket', NEW_TICKET);
  return story;
}

function accepted() {
  const story = opened();
  story.do(AGENTS.l1, T0 + 5 * MINUTE_MS, 'acceptTicket', { ticketId: 't-1' });
  return story;
}

describe('createTicket', () => {
  test('opens a ticket in the category entry tier with priority from impact × urgency and running clocks', () => {
    const story = opened();
    expect(story.ticket).toMatchObject({ number: 'INC-000042', priority: 'P3', tier: 'L1', group: 'service-desk', status: 'new', assignee: null });
    expect(story.ticket.sla.response.state).toBe('running');
    expect(story.ticket.sla.resolution.state).toBe('running');
    expect(story.agg!.events.map((e) => e.event.type)).toEqual(['created']);
  });

  test('refuses an unknown category naming the field, and vendor liaisons', () => {
    const story = new TicketStory();
    expect(story.try(AGENTS.l1, T0, 'createTicket', { ...NEW_TICKET, category: 'astrology' })).toMatchObject({ ok: false, field: 'category' });
    expect(story.try(AGENTS.vendor, T0, 'createTicket', NEW_TICKET)).toMatchObject({ ok: false, code: 'forbidden' });
  });
});

describe('acceptTicket', () => {
  test('makes the acceptor the owner and stops the response clock', () => {
    const story = accepted();
    expect(story.ticket).toMatchObject({ assignee: 'l1', status: 'assigned' });
    expect(story.ticket.sla.response.state).toBe('stopped');
  });

  test('refuses someone of another tier, and a ticket someone already owns', () => {
    const story = opened();
    expect(story.try(AGENTS.l3, T0, 'acceptTicket', { ticketId: 't-1' })).toMatchObject({ ok: false, code: 'forbidden' });
    story.do(AGENTS.l1, T0, 'acceptTicket', { ticketId: 't-1' });
    expect(story.try(AGENTS.l1b, T0, 'acceptTicket', { ticketId: 't-1' })).toMatchObject({ ok: false, code: 'conflict' });
  });
});

describe('updateFields', () => {
  test('merges edits of different fields made on the same version', () => {
    const story = accepted();
    const base = story.ticket.version;
    story.do(AGENTS.l1, T0 + 10 * MINUTE_MS, 'updateFields', { ticketId: 't-1', baseVersion: base, fields: { title: 'VPN drops (home office)' } });
    story.do(AGENTS.l1b, T0 + 11 * MINUTE_MS, 'updateFields', { ticketId: 't-1', baseVersion: base, fields: { service: 'Remote access' } });
    expect(story.ticket).toMatchObject({ title: 'VPN drops (home office)', service: 'Remote access' });
  });

  test('refuses a concurrent edit of the same field, naming it', () => {
    const story = accepted();
    const base = story.ticket.version;
    story.do(AGENTS.l1, T0 + 10 * MINUTE_MS, 'updateFields', { ticketId: 't-1', baseVersion: base, fields: { title: 'First title' } });
    const second = story.try(AGENTS.l1b, T0 + 11 * MINUTE_MS, 'updateFields', { ticketId: 't-1', baseVersion: base, fields: { title: 'Second title' } });
    expect(second).toMatchObject({ ok: false, code: 'conflict', field: 'fields.title' });
    expect(story.ticket.title).toBe('First title');
  });

  test('re-targets the clocks when impact or urgency change the priority', () => {
    const story = accepted();
    const dueBefore = story.ticket.sla.resolution.dueAt!;
    story.do(AGENTS.l1, T0 + 20 * MINUTE_MS, 'updateFields', { ticketId: 't-1', baseVersion: story.ticket.version, fields: { impact: 'high', urgency: 'high' } });
    expect(story.ticket.priority).toBe('P1');
    expect(story.ticket.sla.resolution.dueAt!).toBeLessThan(dueBefore);
    expect(story.agg!.events.map((e) => e.event.type)).toContain('priority_changed');
  });
});

describe('addWorkNote', () => {
  test('a public note while nobody has responded records the response', () => {
    const story = opened();
    story.do(AGENTS.l1, T0 + 3 * MINUTE_MS, 'addWorkNote', { ticketId: 't-1', noteId: 'n1', body: 'Called Ava back.', visibility: 'public', contact: 'phone_call' });
    expect(story.ticket.sla.response.state).toBe('stopped');
  });

  test('an internal note does not stop the response clock', () => {
    const story = opened();
    story.do(AGENTS.l1, T0 + 3 * MINUTE_MS, 'addWorkNote', { ticketId: 't-1', noteId: 'n1', body: 'Looks like the VPN issue.', visibility: 'internal' });
    expect(story.ticket.sla.response.state).toBe('running');
  });

  test('refuses an agent outside the ticket groups', () => {
    const story = opened();
    expect(story.try(AGENTS.l3, T0, 'addWorkNote', { ticketId: 't-1', noteId: 'n1', body: 'hello there', visibility: 'internal' })).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
  });
});

describe('escalateFunctional', () => {
  test('refuses a note with missing parts, naming the field', () => {
    const story = accepted();
    const outcome = story.try(AGENTS.l1, T0 + 30 * MINUTE_MS, 'escalateFunctional', {
      ticketId: 't-1',
      toTier: 'L2',
      handoffNote: goodHandoff({ businessImpact: 'n/a' }),
    });
    expect(outcome).toMatchObject({ ok: false, code: 'invalid_handoff', field: 'handoffNote.businessImpact' });
  });

  test('moves the ticket unowned to the receiving tier, starts its accept clock and tells the requester', () => {
    const story = accepted();
    const outcome = story.do(AGENTS.l1, T0 + 30 * MINUTE_MS, 'escalateFunctional', { ticketId: 't-1', toTier: 'L2', handoffNote: goodHandoff() });
    expect(story.ticket).toMatchObject({ tier: 'L2', group: 'network-ops', assignee: null, status: 'pending_acceptance' });
    expect(story.ticket.sla.acceptance?.state).toBe('running');
    expect(outcome.notifications).toHaveLength(1);
    expect(outcome.notifications[0]!.body).toMatch(/escalated to Technical support/);
    expect(story.agg!.events.map((e) => e.event.type).slice(-3)).toEqual(['escalated', 'handoff_note', 'notification_queued']);
  });

  test('refuses escalating a ticket that already waits in the next tier', () => {
    const story = accepted();
    story.do(AGENTS.l1, T0 + 30 * MINUTE_MS, 'escalateFunctional', { ticketId: 't-1', toTier: 'L2', handoffNote: goodHandoff() });
    const again = story.try(AGENTS.lead, T0 + 31 * MINUTE_MS, 'escalateFunctional', { ticketId: 't-1', toTier: 'L3', handoffNote: goodHandoff(), skipReason: 'Because I say so, honestly' });
    expect(again).toMatchObject({ ok: false, code: 'conflict' });
  });

  test('a tier skip by an agent needs a lead; a lead may skip with a recorded reason', () => {
    const story = accepted();
    const skip = story.try(AGENTS.l1, T0 + 30 * MINUTE_MS, 'escalateFunctional', { ticketId: 't-1', toTier: 'L3', handoffNote: goodHandoff(), skipReason: 'Needs engineering' });
    expect(skip).toMatchObject({ ok: false, code: 'needs_lead_approval', field: 'toTier' });
    story.do(AGENTS.lead, T0 + 40 * MINUTE_MS, 'escalateFunctional', {
      ticketId: 't-1',
      toTier: 'L3',
      handoffNote: goodHandoff(),
      skipReason: 'Concentrator firmware bug, L2 cannot change it',
    });
    const escalated = story.agg!.events.find((e) => e.event.type === 'escalated')!.event;
    expect(escalated).toMatchObject({ approval: { by: 'lead', role: 'lead' } });
    expect(story.ticket.tier).toBe('L3');
  });

  test('an S1 ticket may go straight from L1 to L3', () => {
    const story = new TicketStory();
    story.do(AGENTS.l1, T0, 'createTicket', { ...NEW_TICKET, severity: 'S1', impact: 'high', urgency: 'high' });
    story.do(AGENTS.l1, T0 + MINUTE_MS, 'acceptTicket', { ticketId: 't-1' });
    story.do(AGENTS.l1, T0 + 5 * MINUTE_MS, 'escalateFunctional', { ticketId: 't-1', toTier: 'L3', handoffNote: goodHandoff({ priority: 'P1' }) });
    expect(story.ticket.tier).toBe('L3');
  });

  test('refuses a handoff note copied from the previous one', () => {
    const story = accepted();
    story.do(AGENTS.l1, T0 + 30 * MINUTE_MS, 'escalateFunctional', { ticketId: 't-1', toTier: 'L2', handoffNote: goodHandoff() });
    story.do(AGENTS.l2, T0 + 40 * MINUTE_MS, 'acceptTicket', { ticketId: 't-1' });
    const copy = story.try(AGENTS.l2, T0 + 90 * MINUTE_MS, 'escalateFunctional', { ticketId: 't-1', toTier: 'L3', handoffNote: goodHandoff() });
    expect(copy).toMatchObject({ ok: false, code: 'invalid_handoff', field: 'handoffNote' });
  });
});

describe('escalateFunctional back down a tier (return)', () => {
  const returnNote = () =>
    goodHandoff({
      steps: [{ action: 'Reset the VPN session on the concentrator and raised the idle timeout', outcome: 'Tunnel stayed up for an hour in a test with Ava' }],
      nextTierNeeds: 'Confirm with Ava tomorrow morning that the VPN held all day, then resolve',
      involved: ['l2 (network ops)', 'Ava Adams (requester)'],
      kbArticlesChecked: [],
    });

  function withL2() {
    const story = accepted();
    story.do(AGENTS.l1, T0 + 30 * MINUTE_MS, 'escalateFunctional', { ticketId: 't-1', toTier: 'L2', handoffNote: goodHandoff() });
    story.do(AGENTS.l2, T0 + 40 * MINUTE_MS, 'acceptTicket', { ticketId: 't-1' });
    return story;
  }

  test('L2 returns a ticket to L1 with a return reason: it waits unowned in the service desk, the requester is told it was passed on', () => {
    const story = withL2();
    const outcome = story.do(AGENTS.l2, T0 + 90 * MINUTE_MS, 'escalateFunctional', { ticketId: 't-1', toTier: 'L1', trigger: 'fix_provided_follow_up', handoffNote: returnNote() });
    expect(story.ticket).toMatchObject({ tier: 'L1', group: 'service-desk', assignee: null, status: 'pending_acceptance' });
    expect(story.ticket.sla.acceptance?.state).toBe('running');
    const escalated = story.agg!.events.filter((e) => e.event.type === 'escalated').at(-1)!.event;
    expect(escalated).toMatchObject({ kind: 'functional', fromTier: 'L2', toTier: 'L1', trigger: 'fix_provided_follow_up' });
    expect(outcome.audit.action).toBe('ticket.returned_to_tier');
    expect(outcome.notifications[0]!.subject).toMatch(/^INC-000042 passed to Service desk/);
    expect(outcome.notifications[0]!.body).toMatch(/Expected next step: Confirm with Ava/);
    expect(outcome.notifications[0]!.body).not.toMatch(/escalated/);
    // L1 takes it back and may resolve it.
    story.do(AGENTS.l1, T0 + 100 * MINUTE_MS, 'acceptTicket', { ticketId: 't-1' });
    story.do(AGENTS.l1, T0 + 120 * MINUTE_MS, 'resolve', {
      ticketId: 't-1',
      resolution: 'VPN held all day after the concentrator change',
      kbDraft: { articleId: 'kb-vpn-idle', title: 'VPN drops: concentrator idle timeout', body: 'Raise the idle timeout on the concentrator; confirm with the user the next day.' },
    });
    expect(story.ticket.status).toBe('resolved');
  });

  test('while it waits for acceptance, someone of that tier may send it straight back without taking it; others may not', () => {
    const story = accepted();
    story.do(AGENTS.l1, T0 + 30 * MINUTE_MS, 'escalateFunctional', { ticketId: 't-1', toTier: 'L2', handoffNote: goodHandoff() });
    const premature = { ticketId: 't-1', toTier: 'L1' as const, trigger: 'escalated_without_first_line_work', handoffNote: returnNote() };
    expect(story.try(AGENTS.l1b, T0 + 40 * MINUTE_MS, 'escalateFunctional', premature)).toMatchObject({ ok: false, code: 'forbidden' });
    story.do(AGENTS.l2, T0 + 40 * MINUTE_MS, 'escalateFunctional', premature);
    expect(story.ticket).toMatchObject({ tier: 'L1', group: 'service-desk', assignee: null, status: 'pending_acceptance' });
    // Nobody in L2 accepted it: the L2 accept clock stopped unaccepted, L1's runs.
    expect(story.agg!.events.filter((e) => e.event.type === 'accepted').map((e) => e.event.by)).toEqual(['l1']);
    expect(story.ticket.sla.acceptance?.state).toBe('running');
  });

  test('an escalation trigger is not a reason to return, and a return reason is not a reason to escalate; both name the field', () => {
    const story = withL2();
    const up = story.try(AGENTS.l2, T0 + 90 * MINUTE_MS, 'escalateFunctional', { ticketId: 't-1', toTier: 'L1', trigger: 'troubleshooting_exhausted', handoffNote: returnNote() });
    expect(up).toMatchObject({ ok: false, code: 'invalid', field: 'trigger' });
    expect(up.ok === false && up.message).toMatch(/not a reason for returning a ticket to L1; use fix_provided_follow_up/);
    const down = story.try(AGENTS.l2, T0 + 90 * MINUTE_MS, 'escalateFunctional', { ticketId: 't-1', toTier: 'L3', trigger: 'fix_provided_follow_up', handoffNote: returnNote() });
    expect(down).toMatchObject({ ok: false, code: 'invalid', field: 'trigger' });
  });

  test('a return note is checked like any handoff: not a copy of the note that brought the ticket up, only by its owner', () => {
    const story = withL2();
    const copy = story.try(AGENTS.l2, T0 + 90 * MINUTE_MS, 'escalateFunctional', { ticketId: 't-1', toTier: 'L1', trigger: 'fix_provided_follow_up', handoffNote: goodHandoff({ kbArticlesChecked: [] }) });
    expect(copy).toMatchObject({ ok: false, code: 'invalid_handoff', field: 'handoffNote' });
    const notMine = story.try(AGENTS.l1, T0 + 90 * MINUTE_MS, 'escalateFunctional', { ticketId: 't-1', toTier: 'L1', trigger: 'fix_provided_follow_up', handoffNote: returnNote() });
    expect(notMine).toMatchObject({ ok: false });
  });
});

describe('escalateHierarchical', () => {
  test('notifies management and keeps the owner', () => {
    const story = accepted();
    story.do(AGENTS.l1, T0 + 30 * MINUTE_MS, 'escalateHierarchical', { ticketId: 't-1', reason: 'VIP requester is asking for a manager', toRole: 'team_lead', trigger: 'requester_complaint' });
    expect(story.ticket.assignee).toBe('l1');
    expect(story.try(AGENTS.l1, T0, 'escalateHierarchical', { ticketId: 't-1', reason: 'Please look at this one', toRole: 'ceo', trigger: 'requester_complaint' })).toMatchObject({
      ok: false,
      field: 'toRole',
    });
  });
});

describe('pauseClock / resumeClock', () => {
  test('pauses only for a policy reason and role, and excludes the paused time', () => {
    const story = accepted();
    expect(story.try(AGENTS.l1, T0 + 10 * MINUTE_MS, 'pauseClock', { ticketId: 't-1', clock: 'resolution', reason: 'lunch' })).toMatchObject({
      ok: false,
      code: 'invalid_pause',
      field: 'reason',
    });
    expect(story.try(AGENTS.l1, T0 + 10 * MINUTE_MS, 'pauseClock', { ticketId: 't-1', clock: 'resolution', reason: 'awaiting_vendor' })).toMatchObject({
      ok: false,
      code: 'invalid_pause',
    });
    story.do(AGENTS.l1, T0 + 10 * MINUTE_MS, 'pauseClock', { ticketId: 't-1', clock: 'resolution', reason: 'awaiting_customer' });
    expect(story.ticket).toMatchObject({ status: 'on_hold' });
    expect(story.ticket.sla.resolution).toMatchObject({ state: 'paused', pauseReason: 'awaiting_customer' });
    story.do(AGENTS.l1, T0 + 70 * MINUTE_MS, 'resumeClock', { ticketId: 't-1', clock: 'resolution' });
    expect(story.ticket.status).toBe('in_progress');
    expect(story.ticket.sla.resolution.elapsedMs).toBe(10 * MINUTE_MS);
  });
});

describe('resolve / reopen', () => {
  test('only the owning tier resolves', () => {
    const story = accepted();
    expect(story.try(AGENTS.l2, T0 + 60 * MINUTE_MS, 'resolve', { ticketId: 't-1', resolution: 'Replaced the VPN profile.' })).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
  });

  test('an escalated ticket needs a knowledge article linked or drafted', () => {
    const story = accepted();
    story.do(AGENTS.l1, T0 + 30 * MINUTE_MS, 'escalateFunctional', { ticketId: 't-1', toTier: 'L2', handoffNote: goodHandoff() });
    story.do(AGENTS.l2, T0 + 40 * MINUTE_MS, 'acceptTicket', { ticketId: 't-1' });
    expect(story.try(AGENTS.l2, T0 + 90 * MINUTE_MS, 'resolve', { ticketId: 't-1', resolution: 'Replaced the VPN profile.' })).toMatchObject({
      ok: false,
      code: 'kb_required',
    });
    const outcome = story.do(AGENTS.l2, T0 + 90 * MINUTE_MS, 'resolve', {
      ticketId: 't-1',
      resolution: 'Replaced the VPN profile.',
      kbDraft: { articleId: 'kb-new', title: 'VPN drops: stale profile', body: 'Delete the VPN profile and import the current one from the portal.' },
    });
    expect(outcome.kbArticles.map((a) => a.sourceTicketId)).toEqual(['t-1']);
    expect(story.ticket).toMatchObject({ status: 'resolved', resolution: { kbArticleId: 'kb-new' } });
    expect(story.ticket.sla.resolution.state).toBe('stopped');
  });

  test('reopen resumes the resolution clock', () => {
    const story = accepted();
    story.do(AGENTS.l1, T0 + 30 * MINUTE_MS, 'resolve', { ticketId: 't-1', resolution: 'Reset the VPN profile with the user.' });
    story.do(AGENTS.l1, T0 + 90 * MINUTE_MS, 'reopen', { ticketId: 't-1', reason: 'It happened again this morning' });
    expect(story.ticket.status).toBe('in_progress');
    expect(story.ticket.sla.resolution.state).toBe('running');
    expect(story.ticket.sla.resolution.elapsedMs).toBe(30 * MINUTE_MS);
  });
});
