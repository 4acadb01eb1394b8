import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { goodHandoff, NEW_TICKET } from '../../../../shared/mutations/testing/harness';
import type { Agent } from '../../../../shared/model/agent';
import type { TierdeskDb } from '../../db/db';
import { mutate } from '../../sync/mutate';
import { deskWithOwnedTicket, fakeLayout, GROUPS, L1, L2, Providers } from '../../test/workspace-harness';
import { TicketDetail } from './TicketDetail';

let db: TierdeskDb;
const TICKET = 'ticket-handoff';

beforeEach(async () => {
  fakeLayout(vi);
  db = await deskWithOwnedTicket('handoff-panel', [L1, L2], { ...NEW_TICKET, ticketId: TICKET, title: 'VPN drops every ten minutes' });
});
afterEach(async () => {
  db.close();
  await db.delete();
});

function show(agent: Agent) {
  render(
    <Providers db={db} agent={agent}>
      <TicketDetail ticketId={TICKET} agent={agent} groups={GROUPS} />
    </Providers>,
  );
}

const panel = () => screen.getByRole('heading', { level: 2, name: /^(Handoff|Sent back) from/ }).closest('details')!;

describe('the handoff panel', () => {
  test('a ticket created in its tier has none', async () => {
    show(L1);
    await screen.findByRole('heading', { name: 'Timeline' });
    expect(screen.queryByRole('heading', { level: 2, name: /^(Handoff|Sent back) from/ })).toBeNull();
  });

  test('while the ticket waits for acceptance the note it came with is open at the top; once worked it folds', async () => {
    await mutate(db, L1, 'escalateFunctional', { ticketId: TICKET, toTier: 'L2', handoffNote: goodHandoff({ priority: 'P3' }) });
    show(L2);
    await waitFor(() => expect(panel()).toHaveAttribute('open'));
    expect(within(panel()).getByRole('heading', { name: new RegExp(`^Handoff from L1: ${L1.name}, `) })).toBeInTheDocument();
    expect(within(panel()).getByText(goodHandoff().nextTierNeeds)).toBeVisible();
    expect(within(panel()).getByRole('table', { name: 'Steps tried' })).toBeVisible();
    // Above the ticket's fields and the timeline: the first thing after the clocks.
    const timeline = screen.getByRole('heading', { name: 'Timeline' });
    expect(panel().compareDocumentPosition(timeline) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();

    await mutate(db, L2, 'acceptTicket', { ticketId: TICKET });
    await waitFor(() => expect(panel()).not.toHaveAttribute('open'));
    await userEvent.setup().click(within(panel()).getByRole('heading', { name: /^Handoff from L1/ }));
    expect(panel()).toHaveAttribute('open');
  });

  test('a ticket sent back shows the note it came back with, not the one it went up with', async () => {
    await mutate(db, L1, 'escalateFunctional', { ticketId: TICKET, toTier: 'L2', handoffNote: goodHandoff({ priority: 'P3' }) });
    await mutate(db, L2, 'acceptTicket', { ticketId: TICKET });
    const back = goodHandoff({ priority: 'P3', nextTierNeeds: 'Confirm with Ava that the new profile holds for a full day' });
    await mutate(db, L2, 'escalateFunctional', { ticketId: TICKET, toTier: 'L1', trigger: 'fix_provided_follow_up', handoffNote: back });
    show(L1);
    await waitFor(() => expect(within(panel()).getByRole('heading', { name: new RegExp(`^Sent back from L2: ${L2.name}, `) })).toBeInTheDocument());
    expect(within(panel()).getByText(back.nextTierNeeds)).toBeInTheDocument();
    expect(within(panel()).queryByText(goodHandoff().nextTierNeeds)).toBeNull();
  });
});
