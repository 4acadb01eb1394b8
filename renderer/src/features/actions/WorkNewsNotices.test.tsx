import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { Agent } from '../../../../shared/model/agent';
import { resetAppStore, useAppStore } from '../../app/store';
import { TierdeskDb } from '../../db/db';
import { makeTicket } from '../../test/tickets';
import { L1, L2, LEAD, Providers } from '../../test/workspace-harness';
import { dismissWorkNews, keepWorkNews, readWorkNews } from '../../sync/work-news';
import { resetWatchList, setWatched } from '../alerts/watch-list';
import { WorkNewsNotices } from './WorkNewsNotices';

const T0 = Date.UTC(2026, 10, 24, 15);
let db: TierdeskDb;

beforeEach(async () => {
  resetAppStore();
  db = new TierdeskDb(`handed-${Math.random()}`);
  await db.agents.bulkPut([L1, LEAD]);
  await db.tickets.bulkPut([makeTicket(86, { createdAt: T0, title: 'Shared mailbox missing' }), makeTicket(87, { createdAt: T0, title: 'Printer jams' })]);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

/** The notices shown (not the list's own buttons). */
const entries = (list: HTMLElement) => within(list).queryAllByRole('listitem').filter((li) => li.classList.contains('recent')).map((li) => li.textContent);

/** Renders the notices for `agent` and waits for their list. */
async function showNotices(agent: Agent): Promise<HTMLElement> {
  render(
    <Providers db={db} agent={agent}>
      <WorkNewsNotices />
    </Providers>,
  );
  return screen.findByRole('list', { name: 'Tickets that came to you' });
}

describe('WorkNewsNotices', () => {
  test('says who gave the agent which ticket and why; Open goes to it, × dismisses; a ticket given twice shows once', async () => {
    const user = userEvent.setup();
    await keepWorkNews(db, [
      { kind: 'given', ticketId: 't-86', by: LEAD.id, reason: 'Alex is off sick', at: T0 },
      { kind: 'given', ticketId: 't-87', by: LEAD.id, reason: 'Rebalancing', at: T0 + 1 },
    ]);
    await keepWorkNews(db, [{ kind: 'given', ticketId: 't-86', by: LEAD.id, reason: 'Still off sick', at: T0 + 2 }]);
    const list = await showNotices(L1);
    await waitFor(() =>
      expect(entries(list)).toEqual([
        expect.stringContaining('Jordan Blake gave you INC-000086: Shared mailbox missing — Still off sick'),
        expect.stringContaining('Jordan Blake gave you INC-000087: Printer jams — Rebalancing'),
      ]),
    );
    await user.click(within(list).getByRole('button', { name: 'Open INC-000086' }));
    expect(useAppStore.getState().detailId).toBe('t-86');
    await waitFor(() => expect(entries(list)).toEqual([expect.stringContaining('INC-000087')]));
    await user.click(within(list).getByRole('button', { name: 'Dismiss: Jordan Blake gave you INC-000087' }));
    await waitFor(() => expect(screen.queryByRole('list', { name: 'Tickets that came to you' })).toBeNull());
    expect(await readWorkNews(db)).toEqual([]);
  });

  test('opening a ticket from anywhere (the queue, a link) is seeing its news: that entry goes, the others stay', async () => {
    await keepWorkNews(db, [
      { kind: 'given', ticketId: 't-86', by: LEAD.id, reason: 'Alex is off sick', at: T0 },
      { kind: 'given', ticketId: 't-87', by: LEAD.id, reason: 'Rebalancing', at: T0 + 1 },
    ]);
    const list = await showNotices(L1);
    await waitFor(() => expect(entries(list)).toHaveLength(2));
    act(() => useAppStore.getState().openDetail('t-87'));
    await waitFor(() => expect(entries(screen.getByRole('list', { name: 'Tickets that came to you' }))).toEqual([expect.stringContaining('INC-000086')]));
    expect((await readWorkNews(db)).map((h) => h.ticketId)).toEqual(['t-86']);
    // A ticket with no news: nothing is written (every ticket opened asks).
    const put = vi.spyOn(db.syncState, 'put');
    await dismissWorkNews(db, 't-99');
    expect(put).not.toHaveBeenCalled();
    expect((await readWorkNews(db)).map((h) => h.ticketId)).toEqual(['t-86']);
  });

  test('a ticket moved to my tier shows while it waits for acceptance in my group, and goes when a colleague accepts it first', async () => {
    await db.tickets.put(makeTicket(120, { createdAt: T0, title: 'BGP session flapping', tier: 'L2', group: 'network-ops', status: 'pending_acceptance', assignee: null }));
    await keepWorkNews(db, [
      { kind: 'escalated', ticketId: 't-120', by: L1.id, reason: 'Check the edge router logs', at: T0 },
      // Given to L1, not to this L2 engineer: not theirs to act on.
      { kind: 'given', ticketId: 't-86', by: LEAD.id, reason: 'Rebalancing', at: T0 },
    ]);
    const list = await showNotices(L2);
    expect(entries(list)).toEqual([
      expect.stringContaining('Alex Rivera escalated INC-000120 to L2: BGP session flapping — Check the edge router logs'),
    ]);
    await db.tickets.update('t-120', { status: 'in_progress', assignee: 'agent-l2b' });
    await waitFor(() => expect(screen.queryByRole('list', { name: 'Tickets that came to you' })).toBeNull());
  });

  test("a colleague's note on my ticket is news beside its hand-over; notes on tickets not mine are not", async () => {
    await db.tickets.put(makeTicket(88, { createdAt: T0, title: 'Not mine', assignee: 'agent-l1b' }));
    await keepWorkNews(db, [
      { kind: 'given', ticketId: 't-86', by: LEAD.id, reason: 'Alex is off sick', at: T0 },
      { kind: 'noted', ticketId: 't-86', by: LEAD.id, reason: 'Call the requester first', at: T0 + 1 },
      { kind: 'noted', ticketId: 't-86', by: LEAD.id, reason: 'An older note', at: T0 - 1 },
      { kind: 'noted', ticketId: 't-88', by: LEAD.id, reason: 'On a ticket of Blake', at: T0 + 2 },
    ]);
    const list = await showNotices(L1);
    expect(entries(list)).toEqual([
      expect.stringContaining('Jordan Blake wrote a note on INC-000086: Shared mailbox missing — Call the requester first'),
      expect.stringContaining('Jordan Blake gave you INC-000086: Shared mailbox missing — Alex is off sick'),
    ]);
  });

  test('a note on a ticket I watch shows while I watch it, saying so', async () => {
    const user = userEvent.setup();
    await db.tickets.put(makeTicket(88, { createdAt: T0, title: 'Core switch', assignee: 'agent-l1b' }));
    setWatched('t-88', true);
    try {
      await keepWorkNews(db, [{ kind: 'noted', ticketId: 't-88', by: LEAD.id, reason: 'Vendor on site at 3', at: T0 }]);
      const list = await showNotices(L1);
      expect(entries(list)).toEqual([expect.stringContaining('Jordan Blake wrote a note on INC-000088, which you watch: Core switch — Vendor on site at 3')]);
      await user.click(within(list).getByRole('button', { name: 'Dismiss: Jordan Blake wrote a note on INC-000088, which you watch' }));
      await waitFor(() => expect(screen.queryByRole('list', { name: 'Tickets that came to you' })).toBeNull());
      await keepWorkNews(db, [{ kind: 'noted', ticketId: 't-88', by: LEAD.id, reason: 'Vendor left', at: T0 + 1 }]);
      const again = await screen.findByRole('list', { name: 'Tickets that came to you' });
      expect(entries(again)).toEqual([expect.stringContaining('Vendor left')]);
      act(() => setWatched('t-88', false));
      await waitFor(() => expect(screen.queryByRole('list', { name: 'Tickets that came to you' })).toBeNull());
    } finally {
      localStorage.clear();
      resetWatchList();
    }
  });

  test('a ticket I watch resolved by someone else shows with how it was fixed, while it stays resolved', async () => {
    await db.tickets.put(makeTicket(88, { createdAt: T0, title: 'Core switch', assignee: 'agent-l1b', status: 'resolved' }));
    setWatched('t-88', true);
    try {
      await keepWorkNews(db, [{ kind: 'resolved', ticketId: 't-88', by: LEAD.id, reason: 'Replaced the line card', at: T0 }]);
      const list = await showNotices(L1);
      expect(entries(list)).toEqual([expect.stringContaining('Jordan Blake resolved INC-000088, which you watch: Core switch — Replaced the line card')]);
      await db.tickets.update('t-88', { status: 'in_progress', open: 1 });
      await waitFor(() => expect(screen.queryByRole('list', { name: 'Tickets that came to you' })).toBeNull());
    } finally {
      localStorage.clear();
      resetWatchList();
    }
  });

  test('shows the newest three, the rest behind "more"; Dismiss all clears them', async () => {
    const user = userEvent.setup();
    await db.tickets.bulkPut([90, 91, 92, 93, 94].map((n) => makeTicket(n, { createdAt: T0, title: `Ticket ${n}` })));
    await keepWorkNews(db, [90, 91, 92, 93, 94].map((n) => ({ kind: 'given' as const, ticketId: `t-${n}`, by: LEAD.id, reason: `reason ${n}`, at: T0 + n })));
    const list = await showNotices(L1);
    await waitFor(() => expect(entries(list)).toHaveLength(3));
    expect(entries(list)[0]).toContain('INC-000094');
    await user.click(within(list).getByRole('button', { name: '2 more' }));
    expect(entries(list)).toHaveLength(5);
    expect(within(list).getByRole('button', { name: 'Show fewer' })).toHaveAttribute('aria-expanded', 'true');
    await user.click(within(list).getByRole('button', { name: 'Dismiss all' }));
    await waitFor(() => expect(screen.queryByRole('list', { name: 'Tickets that came to you' })).toBeNull());
    expect(await readWorkNews(db)).toEqual([]);
  });

  test('news not yet opened or dismissed is still there after a restart (a new connection to the same database)', async () => {
    await keepWorkNews(db, [{ kind: 'given', ticketId: 't-86', by: LEAD.id, reason: 'Alex is off sick', at: T0 }]);
    db.close();
    db = new TierdeskDb(db.name);
    const list = await showNotices(L1);
    expect(entries(list)).toEqual([expect.stringContaining('Jordan Blake gave you INC-000086: Shared mailbox missing — Alex is off sick')]);
  });

  test('keeps the newest ten, one per ticket and kind; an entry it cannot read is left out, the rest still shown', async () => {
    await keepWorkNews(db, Array.from({ length: 12 }, (_, n) => ({ kind: 'given' as const, ticketId: `t-${n}`, by: LEAD.id, reason: `reason ${n}`, at: T0 + n })));
    expect((await readWorkNews(db)).map((h) => h.ticketId)).toEqual(['t-11', 't-10', 't-9', 't-8', 't-7', 't-6', 't-5', 't-4', 't-3', 't-2']);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await db.syncState.put({ key: 'news', list: [{ kind: 'given', ticketId: 't-86', by: LEAD.id, at: 'yesterday' }, { kind: 'given', ticketId: 't-87', by: LEAD.id, reason: 'Rebalancing', at: T0 }] as never });
    expect(await readWorkNews(db)).toEqual([{ kind: 'given', ticketId: 't-87', by: LEAD.id, reason: 'Rebalancing', at: T0 }]);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/work news entry 0 left out: reason: .*; at: /));
    warn.mockRestore();
  });
});
