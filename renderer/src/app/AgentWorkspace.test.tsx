import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { TierdeskDb } from '../db/db';
import { makeTicket } from '../test/tickets';
import { GROUPS, L1, L2, Providers, fakeLayout } from '../test/workspace-harness';
import { AgentWorkspace } from './AgentWorkspace';
import { useAppStore } from './store';
import type { Agent } from '../../../shared/model/agent';

const NOW = Date.now();
let db: TierdeskDb;

beforeEach(async () => {
  fakeLayout(vi);
  db = new TierdeskDb(`workspace-${Math.random()}`);
  await db.groups.bulkPut(GROUPS);
  await db.agents.bulkPut([L1, L2, { ...L1, id: 'agent-l1b', name: 'Dana Fox', email: 'dana.fox@demo.test' }]);
  await db.tickets.bulkPut([
    // P1 (24×7 clocks) created 5 h ago: both clocks breached. Tickets whose order a test checks are P1, so it does not depend on the hour the test runs.
    makeTicket(1, { createdAt: NOW - 5 * 3600_000, title: 'Printer jams on floor 3' }),
    makeTicket(2, { createdAt: NOW - 60_000, title: 'VPN drops every hour', requester: { name: 'Big Boss', email: 'boss@example.com', vip: true } }),
    makeTicket(3, { createdAt: NOW - 10 * 60_000, assignee: 'agent-l1b', title: 'Outlook keeps asking for a password', category: 'email', priority: 'P2' }),
    makeTicket(4, { createdAt: NOW - 5 * 60_000, group: 'network-ops', assignee: null, tier: 'L2', status: 'pending_acceptance', title: 'Branch WAN down' }),
    makeTicket(5, { createdAt: NOW - 20 * 60_000, status: 'resolved', title: 'Old resolved one' }),
    makeTicket(6, { createdAt: NOW - 2 * 60_000, assignee: null, status: 'new', title: 'New starter needs access', category: 'access', priority: 'P3' }),
  ]);
});
afterEach(async () => {
  vi.restoreAllMocks();
  db.close();
  await db.delete();
});

function show(agent: Agent = L1) {
  render(
    <Providers db={db} agent={agent}>
      <AgentWorkspace agent={agent} onSyncNow={() => {}} />
    </Providers>,
  );
}

const rowNumbers = () => [...document.querySelectorAll('[data-ticket]')].map((r) => r.getAttribute('data-ticket'));
const heading = () => screen.getByRole('heading', { level: 1 });
const navCount = (name: RegExp) => within(screen.getByRole('button', { name })).getByText(/^\d+$/).textContent;

describe('the agent workspace', () => {
  test('lists my open tickets ordered by time to breach, with a live count beside each view', async () => {
    show();
    await waitFor(() => expect(heading()).toHaveTextContent('My work (2)'));
    // The rows are laid out by the virtualizer a render after the list it counts (under load, after the heading).
    await waitFor(() => expect(rowNumbers()).toEqual(['INC-000001', 'INC-000002']));
    // The counts arrive together, a moment after the list (they are read second).
    await waitFor(() => {
      expect(navCount(/^My work/)).toBe('2');
      expect(navCount(/^Service Desk queue/)).toBe('4');
      expect(navCount(/^Breached/)).toBe('1');
      expect(navCount(/^All open/)).toBe('5');
    });
  });

  test('switches views from the navigation and with g then a letter', async () => {
    const user = userEvent.setup();
    show();
    await waitFor(() => expect(rowNumbers()).toHaveLength(2));
    await user.click(await screen.findByRole('button', { name: /^Service Desk queue/ }));
    await waitFor(() => expect(rowNumbers()).toHaveLength(4));
    expect(rowNumbers().slice(0, 2)).toEqual(['INC-000001', 'INC-000002']);
    await user.keyboard('gb');
    await waitFor(() => expect(heading()).toHaveTextContent('Breached (1)'));
    await waitFor(() => expect(rowNumbers()).toEqual(['INC-000001']));
    await user.keyboard('go');
    await waitFor(() => expect(rowNumbers()).toHaveLength(5));
    expect(rowNumbers()).not.toContain('INC-000005');
    await user.keyboard('gm');
    await waitFor(() => expect(heading()).toHaveTextContent('My work'));
  });

  test('filters by category, priority and VIP, and searches by words as the agent types', async () => {
    const user = userEvent.setup();
    show();
    await user.click(await screen.findByRole('button', { name: /^All open/ }));
    await waitFor(() => expect(rowNumbers()).toHaveLength(5));
    await user.selectOptions(screen.getByLabelText('Category'), 'email');
    await waitFor(() => expect(rowNumbers()).toEqual(['INC-000003']));
    await user.selectOptions(screen.getByLabelText('Category'), '');
    await user.click(screen.getByLabelText('VIP only'));
    await waitFor(() => expect(rowNumbers()).toEqual(['INC-000002']));
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    await user.keyboard('/');
    expect(screen.getByLabelText('Search tickets')).toHaveFocus();
    await user.keyboard('print');
    await waitFor(() => expect(rowNumbers()).toEqual(['INC-000001']));
    await user.clear(screen.getByLabelText('Search tickets'));
    await user.type(screen.getByLabelText('Search tickets'), 'inc-3');
    await waitFor(() => expect(rowNumbers()).toEqual(['INC-000003']));
  });

  test('sorts by priority with P1 first', async () => {
    const user = userEvent.setup();
    show();
    await user.click(await screen.findByRole('button', { name: /^All open/ }));
    await waitFor(() => expect(rowNumbers()).toHaveLength(5));
    await user.selectOptions(screen.getByLabelText('Sort'), 'priority');
    await waitFor(() => expect(rowNumbers()).toEqual(['INC-000001', 'INC-000004', 'INC-000002', 'INC-000003', 'INC-000006']));
  });

  test('each view keeps its own order; Recently resolved offers only the orders resolved tickets have', async () => {
    const user = userEvent.setup();
    // The newest number, last updated two hours ago (INC-000005 twenty minutes ago).
    await db.tickets.put(makeTicket(7, { createdAt: NOW - 3 * 3600_000, updatedAt: NOW - 2 * 3600_000, status: 'resolved', title: 'Resolved a while ago' }));
    show();
    await user.click(await screen.findByRole('button', { name: /^Recently resolved/ }));
    await waitFor(() => expect(rowNumbers()).toEqual(['INC-000005', 'INC-000007']));
    const sortMenu = () => screen.getByLabelText<HTMLSelectElement>('Sort');
    expect([...sortMenu().options].map((o) => o.text)).toEqual(['Recently updated', 'Newest first']);
    await user.selectOptions(sortMenu(), 'created');
    await waitFor(() => expect(rowNumbers()).toEqual(['INC-000007', 'INC-000005']));

    await user.click(screen.getByRole('button', { name: /^All open/ }));
    await waitFor(() => expect(rowNumbers()).toHaveLength(5));
    expect(sortMenu().value).toBe('due');
    expect([...sortMenu().options].map((o) => o.text)).toEqual(['Time to breach', 'Priority', 'Newest first', 'Recently updated']);
    await user.selectOptions(sortMenu(), 'priority');
    await user.click(screen.getByRole('button', { name: /^Recently resolved/ }));
    await waitFor(() => expect(sortMenu().value).toBe('created'));
    await waitFor(() => expect(rowNumbers()).toEqual(['INC-000007', 'INC-000005']));
  });

  test('moves the selection with j and k, opens it with Enter and closes it with Escape', async () => {
    const user = userEvent.setup();
    show();
    await waitFor(() => expect(heading()).toHaveTextContent('My work (2)'));
    await user.keyboard('j');
    expect(document.querySelector('[aria-current="true"]')).toHaveAttribute('data-ticket', 'INC-000001');
    await user.keyboard('j');
    expect(document.querySelector('[aria-current="true"]')).toHaveAttribute('data-ticket', 'INC-000002');
    await user.keyboard('k{Enter}');
    expect(await screen.findByRole('heading', { level: 2, name: 'Printer jams on floor 3' })).toBeInTheDocument();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('heading', { level: 2, name: 'Printer jams on floor 3' })).toBeNull());
  });

  test('after a click on a view, j then Enter opens the selected ticket (the view button does not take the Enter)', async () => {
    const user = userEvent.setup();
    show();
    await waitFor(() => expect(heading()).toHaveTextContent('My work (2)'));
    await user.click(await screen.findByRole('button', { name: /^Service Desk queue/ }));
    await waitFor(() => expect(heading()).toHaveTextContent(/^Service Desk queue/));
    await user.keyboard('j');
    const selected = document.querySelector('[aria-current="true"]')!.getAttribute('data-ticket');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(document.querySelector('[data-detail]')).toHaveAttribute('data-detail', selected));
  });

  test('accepts a new ticket with a, shows it waiting to sync, and says why a key cannot act', async () => {
    const user = userEvent.setup();
    show();
    await user.click(await screen.findByRole('button', { name: /^Service Desk queue/ }));
    await waitFor(() => expect(rowNumbers()).toContain('INC-000006'));
    await user.click(screen.getByRole('button', { name: /^Open INC-000006/ }));
    await screen.findByRole('heading', { level: 2, name: 'New starter needs access' });
    await user.keyboard('a');
    await waitFor(async () => expect((await db.tickets.get('t-6'))?.assignee).toBe(L1.id));
    expect(await db.outbox.count()).toBe(1);
    expect(await screen.findByText(/Waiting to sync: Accept/)).toBeInTheDocument();
    expect(screen.getByText('Accepted INC-000006').parentElement).toHaveAttribute('data-action-state', 'pending');
    await user.keyboard('a');
    expect(await screen.findByText('Accept INC-000006: You own it already.')).toBeInTheDocument();
  });

  test('opens the handoff dialog with e on the selected ticket, and Escape closes only the dialog', async () => {
    const user = userEvent.setup();
    show();
    await waitFor(() => expect(heading()).toHaveTextContent('My work (2)'));
    await user.keyboard('j');
    await user.keyboard('e');
    expect(await screen.findByRole('dialog', { name: 'Escalate INC-000001 to another tier' })).toBeInTheDocument();
    await screen.findByRole('form', { name: 'Handoff note' });
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(document.querySelector('[aria-current="true"]')).toHaveAttribute('data-ticket', 'INC-000001');
  });

  test('shows a ticket waiting in my tier under Pending my acceptance, with its accept-within clock', async () => {
    const ticket = makeTicket(4, { createdAt: NOW - 5 * 60_000, group: 'network-ops', assignee: null, tier: 'L2', status: 'pending_acceptance', title: 'Branch WAN down' });
    await db.tickets.put({ ...ticket, sla: { ...ticket.sla, acceptance: { ...ticket.sla.resolution, targetMs: 3600_000, elapsedMs: 0, since: NOW - 60_000, dueAt: NOW + 59 * 60_000 } } });
    const user = userEvent.setup();
    show(L2);
    await user.click(await screen.findByRole('button', { name: /^Pending my acceptance/ }));
    await waitFor(() => expect(rowNumbers()).toEqual(['INC-000004']));
    expect(screen.getByRole('columnheader', { name: 'Accept within' })).toBeInTheDocument();
    expect(screen.getByLabelText(/^Accept within: 5\dm \d\ds left/)).toBeInTheDocument();

    // Accepting it makes it mine: it leaves Pending my acceptance (the view and its count) for My work.
    await user.click(screen.getByRole('button', { name: /^Open INC-000004/ }));
    await screen.findByRole('heading', { level: 2, name: 'Branch WAN down' });
    await user.keyboard('a');
    await waitFor(async () => expect((await db.tickets.get('t-4'))?.assignee).toBe(L2.id));
    await waitFor(() => expect(rowNumbers()).toEqual([]));
    // Counts are recounted at most once a second (RECOUNT_MS).
    await waitFor(() => expect(navCount(/^Pending my acceptance/)).toBe('0'), { timeout: 3000 });
  });

  test('a ticket that leaves the list (not the first row) goes from it at once, and the heading follows', async () => {
    show();
    await waitFor(() => expect(rowNumbers()).toEqual(['INC-000001', 'INC-000002']));
    // As a pull would write it: someone else now owns the second ticket.
    const second = (await db.tickets.get('t-2'))!;
    await act(async () => {
      await db.tickets.put({ ...second, assignee: 'agent-l1b', version: second.version + 1 });
    });
    await waitFor(() => expect(rowNumbers()).toEqual(['INC-000001']));
    await waitFor(() => expect(heading()).toHaveTextContent('My work (1)'), { timeout: 3000 });
  });

  test('Recently resolved can be searched and filtered like the open views (the records decide: resolved tickets carry no search words)', async () => {
    const user = userEvent.setup();
    await db.tickets.bulkPut([
      makeTicket(7, { createdAt: NOW - 30 * 60_000, status: 'closed', title: 'Printer offline again', requester: { name: 'Big Boss', email: 'boss@example.com', vip: true } }),
      makeTicket(8, { createdAt: NOW - 40 * 60_000, status: 'resolved', title: 'Mailbox full', category: 'email' }),
    ]);
    show();
    await user.click(await screen.findByRole('button', { name: /^Recently resolved/ }));
    await waitFor(() => expect(rowNumbers()).toEqual(['INC-000005', 'INC-000007', 'INC-000008']));
    await user.type(screen.getByLabelText('Search tickets'), 'print');
    await waitFor(() => expect(rowNumbers()).toEqual(['INC-000007']));
    await waitFor(() => expect(heading()).toHaveTextContent('Recently resolved (1)'));
    await user.clear(screen.getByLabelText('Search tickets'));
    await user.type(screen.getByLabelText('Search tickets'), '8');
    await waitFor(() => expect(rowNumbers()).toEqual(['INC-000008']));
    await user.clear(screen.getByLabelText('Search tickets'));
    await user.type(screen.getByLabelText('Requester'), 'boss');
    await waitFor(() => expect(rowNumbers()).toEqual(['INC-000007']));
    act(() => useAppStore.getState().clearFilters());
    await user.click(screen.getByLabelText('VIP only'));
    await waitFor(() => expect(rowNumbers()).toEqual(['INC-000007']));
    act(() => useAppStore.getState().clearFilters());
    await waitFor(() => expect(rowNumbers()).toHaveLength(3));
  });

  test('the requester filter matches requesters only, not titles or ticket numbers', async () => {
    const user = userEvent.setup();
    show();
    await user.click(await screen.findByRole('button', { name: /^All open/ }));
    await waitFor(() => expect(rowNumbers().length).toBeGreaterThan(2));
    await user.type(screen.getByLabelText('Requester'), 'big');
    await waitFor(() => expect(rowNumbers()).toEqual(['INC-000002']));
    await user.clear(screen.getByLabelText('Requester'));
    await user.type(screen.getByLabelText('Requester'), 'vpn');
    await waitFor(() => expect(heading()).toHaveTextContent('All open (0)'));
    act(() => useAppStore.getState().clearFilters());
  });

  test('tells the agent what to do when a view is empty', async () => {
    show({ ...L1, id: 'agent-nobody' });
    expect(await screen.findByText(/Nothing assigned to you/)).toBeInTheDocument();
  });

  test('lists the shortcuts on ? and finds a ticket by number in the Ctrl+K palette', async () => {
    const user = userEvent.setup();
    show();
    await waitFor(() => expect(rowNumbers()).toHaveLength(2));
    await user.keyboard('?');
    expect(await screen.findByRole('dialog', { name: 'Keyboard shortcuts' })).toHaveTextContent('g then a');
    await user.keyboard('{Escape}');
    await user.keyboard('{Control>}k{/Control}');
    const palette = await screen.findByRole('dialog', { name: 'Command palette' });
    await user.keyboard('5');
    expect(await within(palette).findByRole('option', { name: /Open INC-000005: Old resolved one/ })).toBeInTheDocument();
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('heading', { level: 2, name: 'Old resolved one' })).toBeInTheDocument();
    act(() => useAppStore.getState().closeDetail());
  });

  test('Ctrl+K does not open the palette over a dialog the agent is typing in', async () => {
    const user = userEvent.setup();
    show();
    await waitFor(() => expect(rowNumbers()).toHaveLength(2));
    await user.keyboard('j');
    await user.keyboard('n');
    const note = await screen.findByRole('dialog', { name: /^Add a note to/ });
    await user.type(await within(note).findByLabelText('Note'), 'Half a thought');
    await user.keyboard('{Control>}k{/Control}');
    expect(screen.queryByRole('dialog', { name: 'Command palette' })).toBeNull();
    expect(within(note).getByLabelText('Note')).toHaveValue('Half a thought');
    await user.keyboard('{Escape}');
    act(() => useAppStore.getState().closeAction());
  });
});
