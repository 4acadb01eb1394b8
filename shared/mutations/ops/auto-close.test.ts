import { describe, expect, test } from 'vitest';
import { AGENTS, NEW_TICKET, T0, TicketStory } from '../testing/harness';
import { defaultPolicy } from '../../policy/default-policy';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../../time/duration';
import { autoClose, autoCloseAt } from './auto-close';

function resolved() {
  const story = new TicketStory();
  story.do(AGENTS.l1, T0, 'createTicket', NEW_TICKET);
  story.do(AGENTS.l1, T0 + 5 * MINUTE_MS, 'acceptTicket', { ticketId: 't-1' });
  story.do(AGENTS.l1, T0 + HOUR_MS, 'resolve', { ticketId: 't-1', resolution: 'Reset the VPN profile with the user.' });
  return story;
}

describe('closing resolved tickets automatically', () => {
  test('is due closeResolvedAfter after the resolution, not before, and not for an open ticket', () => {
    const story = resolved();
    expect(defaultPolicy.closeResolvedAfter).toBe(2 * DAY_MS);
    expect(autoCloseAt(story.ticket, defaultPolicy)).toBe(T0 + HOUR_MS + 2 * DAY_MS);
    expect(autoClose(story.agg!, defaultPolicy, T0 + HOUR_MS + 2 * DAY_MS - 1, 'auto')).toBeNull();
    story.do(AGENTS.l1, T0 + DAY_MS, 'reopen', { ticketId: 't-1', reason: 'It happened again this morning' });
    expect(autoCloseAt(story.ticket, defaultPolicy)).toBeNull();
    expect(autoClose(story.agg!, defaultPolicy, T0 + 10 * DAY_MS, 'auto')).toBeNull();
  });

  test('closes with a system event after the log, keeps the stopped clocks, and a reopen is refused after it', () => {
    const story = resolved();
    const at = T0 + HOUR_MS + 2 * DAY_MS;
    const done = autoClose(story.agg!, defaultPolicy, at, 'auto-close:t-1')!;
    expect(done.ticket).toMatchObject({ status: 'closed', version: story.ticket.version + 1, updatedAt: at });
    expect(done.events).toEqual([{ id: 'auto-close:t-1:0', ticketId: 't-1', seq: story.agg!.events.length + 1, event: { type: 'closed', at, by: 'tierdesk-auto-close', role: 'system' } }]);
    expect(done.ticket.sla.resolution).toEqual(story.ticket.sla.resolution);
    story.agg = { ticket: done.ticket, events: [...story.agg!.events, ...done.events] };
    expect(story.try(AGENTS.l1, at + HOUR_MS, 'reopen', { ticketId: 't-1', reason: 'It happened again after the weekend' })).toMatchObject({ ok: false });
    // Final: no more notes or article marks either, and the refusal says what to do instead.
    const note = story.try(AGENTS.l1, at + HOUR_MS, 'addWorkNote', { ticketId: 't-1', noteId: 'late', body: 'The user called again about this.', visibility: 'internal' });
    expect(note).toMatchObject({ ok: false, code: 'invalid_state' });
    expect(note.ok === false && note.message).toBe('INC-000042 is closed, and a closed ticket is final; open a new ticket that refers to INC-000042');
    story.kb.push({ id: 'kb-1', title: 'VPN profile reset', body: 'Reset the VPN profile.', category: 'network', tags: [], sourceTicketId: null, createdBy: 'l2', createdAt: 0, updatedAt: 0, version: 1 });
    expect(story.try(AGENTS.l1, at + HOUR_MS, 'markKbArticle', { ticketId: 't-1', articleId: 'kb-1', outcome: 'resolved_with' })).toMatchObject({ ok: false, code: 'invalid_state' });
  });
});
