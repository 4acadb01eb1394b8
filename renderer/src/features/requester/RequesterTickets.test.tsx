import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { AgentWorkspace, TopbarButtons } from '../../app/AgentWorkspace';
import { resetAppStore, useAppStore } from '../../app/store';
import { TierdeskDb } from '../../db/db';
import { makeTicket } from '../../test/tickets';
import { GROUPS, L1, Providers, fakeLayout } from '../../test/workspace-harness';
import { REQUESTER_HISTORY_MAX, REQUESTER_LIST_MAX, requesterOpenTickets, requesterResolvedTickets } from './requester-tickets';
import { RequesterHistory, RequesterTickets } from './RequesterTickets';

const T0 = Date.UTC(2026, 10, 24, 15, 0, 0);
const AVA = { name: 'Ava Adams', email: 'ava.adams@example.com', vip: false };
const BEN = { name: 'Ben Berg', email: 'ben.berg@example.com', vip: false };
let db: TierdeskDb;

beforeEach(async () => {
  fakeLayout(vi);
  resetAppStore();
  db = new TierdeskDb(`requester-${Math.random()}`);
  await db.groups.bulkPut(GROUPS);
  await db.agents.put(L1);
  await db.tickets.bulkPut([
    makeTicket(1, { createdAt: T0 - 3_600_000, requester: AVA, title: 'VPN drops every few minutes' }),
    makeTicket(2, { createdAt: T0 - 60_000, requester: AVA, title: 'Cannot print to floor 3' }),
    makeTicket(3, { createdAt: T0 - 120_000, requester: { ...AVA, name: 'A. Adams' }, title: 'Outlook asks for the password' }),
    makeTicket(4, { createdAt: T0, requester: AVA, title: 'Old laptop fault', status: 'resolved' }),
    makeTicket(5, { createdAt: T0, requester: BEN, title: 'Ben cannot sign in' }),
  ]);
});
afterEach(async () => {
  vi.restoreAllMocks();
  db.close();
  await db.delete();
});

describe('requesterOpenTickets', () => {
  test("finds the requester's open tickets by email (any case, spaces trimmed), newest first, without the one on screen or closed ones", async () => {
    const found = await requesterOpenTickets(db, ' Ava.Adams@Example.com ', 't-1');
    expect(found.count).toBe(2);
    expect(found.tickets.map((t) => t.number)).toEqual(['INC-000002', 'INC-000003']);
    expect((await requesterOpenTickets(db, AVA.email)).count).toBe(3);
  });

  test('an email still being typed, or nobody known, finds nothing', async () => {
    expect((await requesterOpenTickets(db, 'ava.adams')).count).toBe(0);
    expect((await requesterOpenTickets(db, 'ava.adams@example')).count).toBe(0);
    expect((await requesterOpenTickets(db, 'zoe@example.com')).count).toBe(0);
  });

  test(`lists at most ${REQUESTER_LIST_MAX} and counts them all`, async () => {
    await db.tickets.bulkPut(Array.from({ length: 12 }, (_, i) => makeTicket(100 + i, { createdAt: T0 + i, requester: BEN })));
    const found = await requesterOpenTickets(db, BEN.email);
    expect(found.count).toBe(13);
    expect(found.tickets).toHaveLength(REQUESTER_LIST_MAX);
    expect(found.tickets[0]!.number).toBe('INC-000111');
  });
});

describe('RequesterTickets', () => {
  test('lists the other open tickets under the open one; a click opens it; it follows tickets closing', async () => {
    const user = userEvent.setup();
    const ticket = (await db.tickets.get('t-1'))!;
    render(
      <Providers db={db} agent={L1}>
        <RequesterTickets ticket={ticket} groups={GROUPS} />
      </Providers>,
    );
    const section = await screen.findByRole('region', { name: 'Other open tickets from Ava Adams (2)' });
    expect(within(section).getAllByRole('button').map((b) => b.textContent)).toEqual([
      expect.stringMatching(/^INC-000002 Cannot print to floor 3/),
      expect.stringMatching(/^INC-000003 Outlook asks for the password/),
    ]);
    await user.click(within(section).getByRole('button', { name: /INC-000003/ }));
    expect(useAppStore.getState().detailId).toBe('t-3');
    await db.tickets.put(makeTicket(2, { createdAt: T0 - 60_000, requester: AVA, status: 'closed' }));
    await screen.findByRole('region', { name: 'Other open tickets from Ava Adams (1)' });
  });

  test('shows nothing when the requester has no other open ticket', async () => {
    const ticket = (await db.tickets.get('t-5'))!;
    const view = render(
      <Providers db={db} agent={L1}>
        <RequesterTickets ticket={ticket} groups={GROUPS} />
      </Providers>,
    );
    await new Promise((r) => setTimeout(r, 50));
    expect(view.container).toBeEmptyDOMElement();
  });
});

describe('requesterResolvedTickets', () => {
  const resolution = (text: string, at: number) => ({ text, kbArticleId: null, at, by: L1.id });

  test("finds the requester's resolved and closed tickets by email, most recently resolved first, without open ones or the one on screen", async () => {
    await db.tickets.bulkPut([
      makeTicket(6, { createdAt: T0 - 9e6, requester: AVA, title: 'VPN drops', status: 'closed', resolution: resolution('Reinstalled the VPN client', T0 - 5e6) }),
      makeTicket(7, { createdAt: T0 - 8e6, requester: { ...AVA, email: 'AVA.ADAMS@example.com' }, title: 'Printer', status: 'resolved', resolution: resolution('New toner', T0 - 1e6) }),
      makeTicket(8, { createdAt: T0 - 7e6, requester: BEN, title: 'Not Ava', status: 'resolved' }),
    ]);
    const found = await requesterResolvedTickets(db, ' ava.adams@example.com ', 't-4');
    expect(found.tickets.map((t) => t.number)).toEqual(['INC-000007', 'INC-000006']);
    expect((await requesterResolvedTickets(db, AVA.email)).count).toBe(3);
    expect((await requesterResolvedTickets(db, 'ava.adams')).count).toBe(0);
  });

  test(`lists at most ${REQUESTER_HISTORY_MAX} and counts them all`, async () => {
    await db.tickets.bulkPut(Array.from({ length: 8 }, (_, i) => makeTicket(200 + i, { createdAt: T0 + i, requester: BEN, status: 'resolved', resolution: resolution(`fix ${i}`, T0 + i) })));
    const found = await requesterResolvedTickets(db, BEN.email);
    expect(found.count).toBe(8);
    expect(found.tickets).toHaveLength(REQUESTER_HISTORY_MAX);
    expect(found.tickets[0]!.number).toBe('INC-000207');
  });
});

describe('RequesterHistory', () => {
  test('lists how the requester was helped before, under the open ticket; a click opens one; a reopened ticket leaves it', async () => {
    const user = userEvent.setup();
    await db.tickets.put(makeTicket(4, { createdAt: T0, requester: AVA, title: 'Old laptop fault', status: 'resolved', resolution: { text: 'Replaced the\nbattery (KB-12)', kbArticleId: null, at: T0 + 60_000, by: L1.id } }));
    render(
      <Providers db={db} agent={L1}>
        <RequesterHistory ticket={(await db.tickets.get('t-1'))!} />
      </Providers>,
    );
    const section = await screen.findByRole('region', { name: 'Resolved before for Ava Adams (1)' });
    expect(within(section).getByRole('button')).toHaveTextContent(/^INC-000004 Old laptop fault · resolved .+Replaced the battery \(KB-12\)$/);
    await user.click(within(section).getByRole('button', { name: /INC-000004/ }));
    expect(useAppStore.getState().detailId).toBe('t-4');
    await db.tickets.put(makeTicket(4, { createdAt: T0, requester: AVA, title: 'Old laptop fault', status: 'in_progress' }));
    await waitFor(() => expect(screen.queryByRole('region', { name: /Resolved before/ })).toBeNull());
  });
});

describe('the New ticket dialog', () => {
  /** The workspace with the New ticket dialog open (c). */
  async function openNewTicket() {
    const user = userEvent.setup();
    render(
      <Providers db={db} agent={L1}>
        <TopbarButtons agent={L1} />
        <AgentWorkspace agent={L1} onSyncNow={() => {}} />
      </Providers>,
    );
    await screen.findByRole('button', { name: 'New ticket' });
    await user.keyboard('c');
    return { user, dialog: await screen.findByRole('dialog', { name: 'New ticket' }) };
  }

  test("names the requester's open tickets once their email is typed, and drops the notice for someone else's email", async () => {
    const { user, dialog } = await openNewTicket();
    // The form appears once its draft is read.
    await user.type(await within(dialog).findByLabelText('Email'), 'ben.berg@example.com');
    const notice = (await within(dialog).findByText(/already has/)).closest<HTMLElement>('[role="status"]')!;
    expect(notice).toHaveTextContent('This requester already has an open ticket');
    expect(notice).toHaveTextContent('INC-000005 Ben cannot sign in');
    await user.clear(within(dialog).getByLabelText('Email'));
    await user.type(within(dialog).getByLabelText('Email'), 'new.person@example.com');
    await waitFor(() => expect(within(dialog).queryByText(/already has/)).toBeNull());
  });

  test('a ticket named in the New ticket dialog opens with a click; the dialog\'s text waits as a draft', async () => {
    const { user, dialog } = await openNewTicket();
    await user.type(await within(dialog).findByLabelText('Email'), 'ben.berg@example.com');
    await user.type(within(dialog).getByLabelText('Title'), 'Still cannot sign in');
    await user.click(await within(dialog).findByRole('button', { name: /^INC-000005 Ben cannot sign in/ }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'New ticket' })).toBeNull());
    await waitFor(() => expect(document.querySelector('[data-detail]')).toHaveAttribute('data-detail', 'INC-000005'));
    await user.keyboard('c');
    const again = await screen.findByRole('dialog', { name: 'New ticket' });
    await waitFor(() => expect(within(again).getByLabelText<HTMLInputElement>('Title').value).toBe('Still cannot sign in'));
    expect(within(again).getByLabelText<HTMLInputElement>('Email').value).toBe('ben.berg@example.com');
  });
});
