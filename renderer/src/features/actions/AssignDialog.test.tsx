import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { Agent } from '../../../../shared/model/agent';
import { goodHandoff, NEW_TICKET } from '../../../../shared/mutations/testing/harness';
import type { TierdeskDb } from '../../db/db';
import { makeTicket } from '../../test/tickets';
import { deskWithOwnedTicket, L1, L2, LEAD, Providers } from '../../test/workspace-harness';
import { mutate } from '../../sync/mutate';
import { AssignDialog } from './AssignDialog';

const TICKET = 'ticket-vpn';
const L1B: Agent = { id: 'agent-l1b', email: 'l1b@demo.test', name: 'Blake Chen', role: 'l1_agent', tier: 'L1', groups: ['service-desk'] };
let db: TierdeskDb;

beforeEach(async () => {
  db = await deskWithOwnedTicket('assign', [L1, L1B, L2, LEAD], { ...NEW_TICKET, ticketId: TICKET });
});
afterEach(async () => {
  db.close();
  await db.delete();
});

async function open(agent: Agent) {
  const ticket = (await db.tickets.get(TICKET))!;
  render(
    <Providers db={db} agent={agent}>
      <AssignDialog ticket={ticket} onClose={() => {}} />
    </Providers>,
  );
  const dialog = await screen.findByRole('dialog');
  // The form appears once its draft is read.
  await within(dialog).findByLabelText('Reason');
  return dialog;
}

describe('AssignDialog', () => {
  test("a lead picks from the ticket's group and tier (not the current owner, not other tiers), seeing each one's load, and the change shows at once", async () => {
    const user = userEvent.setup();
    const day = 24 * 3_600_000;
    // Blake already has two open tickets, one long breached; a closed one does not count.
    await db.tickets.bulkPut([
      makeTicket(901, { createdAt: Date.now() - 3 * day, assignee: 'agent-l1b' }),
      makeTicket(902, { createdAt: Date.now(), assignee: 'agent-l1b' }),
      makeTicket(903, { createdAt: Date.now() - 3 * day, assignee: 'agent-l1b', status: 'closed' }),
    ]);
    const dialog = await open(LEAD);
    expect(dialog).toHaveAccessibleName(/^Assign INC-|^Assign NEW-/);
    const owner = within(dialog).getByLabelText('New owner') as HTMLSelectElement;
    await waitFor(() =>
      expect([...owner.options].map((o) => o.text)).toEqual(['Nobody: back to the queue', 'Blake Chen — 2 open · 1 breached', 'Jordan Blake (you) — 0 open']),
    );
    await user.selectOptions(owner, 'agent-l1b');
    await user.type(within(dialog).getByLabelText('Reason'), 'Alex is off sick today');
    await user.click(within(dialog).getByRole('button', { name: 'Assign' }));
    await waitFor(async () => expect((await db.tickets.get(TICKET))?.assignee).toBe('agent-l1b'));
    const queued = (await db.outbox.orderBy('id').last())!;
    expect(queued).toMatchObject({ name: 'assignTicket', args: { ticketId: TICKET, assignee: 'agent-l1b', reason: 'Alex is off sick today' } });
  });

  test('its owner only releases it, with a reason; sent empty, the reason field is marked and nothing is queued', async () => {
    const user = userEvent.setup();
    const dialog = await open(L1);
    expect(within(dialog).queryByLabelText('New owner')).toBeNull();
    const before = await db.outbox.count();
    await user.click(within(dialog).getByRole('button', { name: 'Release' }));
    await waitFor(() => expect(within(dialog).getByLabelText('Reason')).toHaveAttribute('aria-invalid', 'true'));
    expect(await db.outbox.count()).toBe(before);
    await user.type(within(dialog).getByLabelText('Reason'), 'Going off shift');
    await user.click(within(dialog).getByRole('button', { name: 'Release' }));
    await waitFor(async () => expect(await db.tickets.get(TICKET)).toMatchObject({ assignee: null, status: 'new' }));
  });

  test('a lead dispatches a ticket waiting for L2 to someone of L2: accepted on their behalf, the accept-within clock stops', async () => {
    const user = userEvent.setup();
    await mutate(db, L1, 'escalateFunctional', { ticketId: TICKET, toTier: 'L2', handoffNote: goodHandoff() });
    expect(await db.tickets.get(TICKET)).toMatchObject({ status: 'pending_acceptance', tier: 'L2', group: 'network-ops' });
    const dispatcher: Agent = { ...LEAD, groups: ['service-desk', 'network-ops'] };
    const dialog = await open(dispatcher);
    expect(dialog).toHaveAccessibleDescription(/accepts it on their behalf, which stops the accept-within clock/);
    const owner = within(dialog).getByLabelText('New owner') as HTMLSelectElement;
    await waitFor(() => expect([...owner.options].map((o) => [o.text, o.disabled])).toEqual([['Choose who takes it', true], ['Jordan Blake (you) — 0 open', false], ['Sam Okafor — 0 open', false]]));
    await user.selectOptions(owner, 'agent-l2');
    await user.type(within(dialog).getByLabelText('Reason'), 'Sam knows the branch routers');
    await user.click(within(dialog).getByRole('button', { name: 'Assign' }));
    await waitFor(async () => expect(await db.tickets.get(TICKET)).toMatchObject({ assignee: 'agent-l2', status: 'assigned' }));
    expect((await db.tickets.get(TICKET))!.sla.acceptance?.state ?? 'gone').not.toBe('running');
  });
});
