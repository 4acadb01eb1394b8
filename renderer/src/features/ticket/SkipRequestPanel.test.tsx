import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { Agent } from '../../../../shared/model/agent';
import type { TierdeskDb } from '../../db/db';
import { mutate } from '../../sync/mutate';
import { goodHandoff, NEW_TICKET } from '../../../../shared/mutations/testing/harness';
import { deskWithOwnedTicket, L1, L2, LEAD, Providers } from '../../test/workspace-harness';
import { draftKey } from '../drafts/use-draft';
import { SkipRequestPanel } from './SkipRequestPanel';

const TICKET = 'ticket-skip';
const REASON = 'Concentrator firmware bug: only engineering can patch it';
const NOTE = goodHandoff({ businessImpact: 'The whole Lyon branch loses the CRM every ten minutes' });

let db: TierdeskDb;
beforeEach(async () => {
  db = await deskWithOwnedTicket('skip', [L1, L2, LEAD], { ...NEW_TICKET, ticketId: TICKET });
  await mutate(db, L1, 'requestTierSkip', { ticketId: TICKET, toTier: 'L3', skipReason: REASON, handoffNote: NOTE });
});
afterEach(async () => {
  db.close();
  await db.delete();
});

async function show(agent: Agent) {
  const ticket = (await db.tickets.get(TICKET))!;
  render(
    <Providers db={db} agent={agent}>
      <SkipRequestPanel ticket={ticket} agent={agent} agents={new Map([L1, L2, LEAD].map((a) => [a.id, a]))} kb={new Map()} />
    </Providers>,
  );
  const panel = screen.getByRole('region', { name: /Tier skip waiting for a lead: L1 → L3/ });
  // The reason box opens once its stored draft (if any) has been read.
  if (agent !== L2) await waitFor(() => expect(screen.getByRole('textbox')).toBeEnabled());
  return panel;
}

const reasonBox = () => screen.getByLabelText('Your reason (recorded with the decision)');

describe('a tier skip waiting for a lead', () => {
  test('shows who asked, why, and the note the next tier will get', async () => {
    const panel = await show(L2);
    expect(panel).toHaveTextContent(`Alex Rivera asked on`);
    expect(panel).toHaveTextContent(REASON);
    expect(panel).toHaveTextContent('The whole Lyon branch loses the CRM every ten minutes');
    // Neither a lead nor the one who asked: nothing to decide here.
    expect(screen.queryByRole('button')).toBeNull();
    expect(panel).toHaveTextContent('A lead or manager decides');
  });

  test('a lead approves with a reason: the ticket goes to L3 with the note, and the reason draft is gone', async () => {
    const user = userEvent.setup();
    await show(LEAD);
    await user.click(screen.getByRole('button', { name: 'Approve and escalate to L3' }));
    // No reason yet: refused by the shared rules, nothing queued, said beside the field.
    await waitFor(() => expect(reasonBox()).toHaveAccessibleDescription(/say why the skip is approved/));
    expect((await db.outbox.toArray()).map((r) => r.name)).not.toContain('decideTierSkip');
    await user.type(reasonBox(), 'Confirmed with engineering on the bridge call');
    await user.click(screen.getByRole('button', { name: 'Approve and escalate to L3' }));
    await waitFor(async () => expect((await db.tickets.get(TICKET))!.tier).toBe('L3'));
    const ticket = (await db.tickets.get(TICKET))!;
    expect([ticket.status, ticket.assignee, ticket.skipRequest]).toEqual(['pending_acceptance', null, null]);
    await waitFor(async () => expect(await db.drafts.get(draftKey('skip-decision', TICKET))).toBeUndefined());
  });

  test('a lead declines, and the owner keeps the ticket', async () => {
    const user = userEvent.setup();
    await show(LEAD);
    await user.type(reasonBox(), 'Network ops can reflash it');
    await user.click(screen.getByRole('button', { name: 'Decline' }));
    await waitFor(async () => expect((await db.tickets.get(TICKET))!.skipRequest).toBeNull());
    expect((await db.tickets.get(TICKET))!).toMatchObject({ tier: 'L1', assignee: L1.id });
  });

  test('the agent who asked can only withdraw it', async () => {
    const user = userEvent.setup();
    await show(L1);
    expect(screen.queryByRole('button', { name: /Approve/ })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Withdraw the request' }));
    await waitFor(async () => expect((await db.tickets.get(TICKET))!.skipRequest).toBeNull());
  });
});
