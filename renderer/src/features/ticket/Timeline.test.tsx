import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, test } from 'vitest';
import { AGENTS, goodHandoff, NEW_TICKET, T0, TicketStory } from '../../../../shared/mutations/testing/harness';
import type { EventRow } from '../../db/db';
import { Timeline } from './Timeline';

/** A ticket's log as the app stores it: created, accepted, a note, a handoff (with its requester message), then an automatic escalation step. */
function log(): EventRow[] {
  const story = new TicketStory();
  story.do(AGENTS.l1, T0, 'createTicket', { ...NEW_TICKET, ticketId: 'x' });
  story.do(AGENTS.l1, T0 + 60_000, 'acceptTicket', { ticketId: 'x' });
  story.do(AGENTS.l1, T0 + 120_000, 'addWorkNote', { ticketId: 'x', noteId: 'n1', body: 'Called Ava back: still drops', visibility: 'internal' });
  story.do(AGENTS.l1, T0 + 180_000, 'escalateFunctional', { ticketId: 'x', toTier: 'L2', handoffNote: goodHandoff() });
  const rows: EventRow[] = story.agg!.events.map((e) => ({ ...e, pending: 0 }));
  const last = rows[rows.length - 1]!;
  rows.push({ ...last, id: 'x:step', seq: last.seq + 1, event: { type: 'action_fired', at: T0 + 240_000, by: 'tierdesk-escalation', role: 'system', actionId: 'p1-response-50' } });
  return rows;
}

const entries = () => within(screen.getByRole('list')).getAllByRole('listitem').map((li) => li.getAttribute('data-event'));

describe('the timeline', () => {
  test('shows everything newest first, and can be narrowed to what people did or to the notes and handoffs', async () => {
    const user = userEvent.setup();
    render(<Timeline events={log()} agents={new Map()} kb={new Map()} />);
    expect(entries()).toEqual(['action_fired', 'notification_queued', 'handoff_note', 'escalated', 'note_added', 'accepted', 'created']);
    expect(screen.getByRole('radio', { name: 'Everything (7)' })).toBeChecked();

    await user.click(screen.getByRole('radio', { name: 'By people (5)' }));
    expect(entries()).toEqual(['handoff_note', 'escalated', 'note_added', 'accepted', 'created']);

    await user.click(screen.getByRole('radio', { name: 'Notes and handoffs (2)' }));
    expect(entries()).toEqual(['handoff_note', 'note_added']);
    expect(screen.getByText('Called Ava back: still drops')).toBeInTheDocument();
    expect(screen.getByRole('table', { name: 'Steps tried' })).toBeInTheDocument();
  });
});
