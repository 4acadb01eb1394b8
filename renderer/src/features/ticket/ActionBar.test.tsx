import { render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { goodHandoff, NEW_TICKET } from '../../../../shared/mutations/testing/harness';
import type { TierdeskDb } from '../../db/db';
import { mutate } from '../../sync/mutate';
import { deskWithOwnedTicket, L1, L2, LEAD, Providers } from '../../test/workspace-harness';
import { ActionBar } from './ActionBar';

let db: TierdeskDb;
const TICKET = 'ticket-bar';

beforeEach(async () => {
  db = await deskWithOwnedTicket('action-bar', [L1, L2, LEAD], { ...NEW_TICKET, ticketId: TICKET, title: 'VPN drops every ten minutes' });
});
afterEach(async () => {
  db.close();
  await db.delete();
});

async function bar(agent = L1) {
  const ticket = (await db.tickets.get(TICKET))!;
  render(
    <Providers db={db} agent={agent}>
      <ActionBar ticket={ticket} agent={agent} />
    </Providers>,
  );
  return screen.getByRole('toolbar');
}

describe('the action bar', () => {
  test('in the first tier there is nothing to send back to: no Send back button', async () => {
    const toolbar = await bar();
    expect(within(toolbar).getByRole('button', { name: /^Escalate/ })).toBeEnabled();
    expect(within(toolbar).queryByRole('button', { name: /^Send back/ })).toBeNull();
  });

  test('the L2 owner of an escalated ticket may send it back', async () => {
    await mutate(db, L1, 'escalateFunctional', { ticketId: TICKET, toTier: 'L2', handoffNote: goodHandoff({ priority: 'P3' }) });
    await mutate(db, L2, 'acceptTicket', { ticketId: TICKET });
    const toolbar = await bar(L2);
    const sendBack = within(toolbar).getByRole('button', { name: /^Send back/ });
    expect(sendBack).toBeEnabled();
    expect(sendBack).toHaveAttribute('aria-keyshortcuts', 'b');
  });

  test('a closed ticket gets one line saying it is final instead of a row of disabled buttons', async () => {
    await db.tickets.update(TICKET, { status: 'closed', open: 0 });
    const ticket = (await db.tickets.get(TICKET))!;
    render(
      <Providers db={db} agent={L1}>
        <ActionBar ticket={ticket} agent={L1} />
      </Providers>,
    );
    expect(screen.queryByRole('toolbar')).toBeNull();
    expect(screen.getByRole('note')).toHaveTextContent(/^Closed on .+\. A closed ticket is final: if the problem is back, log a new ticket that refers to NEW-ICKETBAR\. New follow-up ticket$/);
    expect(screen.getByRole('button', { name: 'New follow-up ticket' })).toBeEnabled();
  });

  test('Assign is there for a lead, Release for the owner, and nothing for anyone else', async () => {
    expect(within(await bar(LEAD)).getByRole('button', { name: /^Assign/ })).toBeEnabled();
    document.body.innerHTML = '';
    expect(within(await bar(L1)).getByRole('button', { name: /^Release/ })).toBeEnabled();
    document.body.innerHTML = '';
    expect(within(await bar(L2)).queryByRole('button', { name: /^Assign|^Release/ })).toBeNull();
  });
});
