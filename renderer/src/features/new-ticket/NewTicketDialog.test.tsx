import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { Agent } from '../../../../shared/model/agent';
import { AgentWorkspace, TopbarButtons } from '../../app/AgentWorkspace';
import { resetAppStore, useAppStore } from '../../app/store';
import { TierdeskDb } from '../../db/db';
import { GROUPS, L1, Providers, fakeLayout } from '../../test/workspace-harness';
import { draftKey } from '../drafts/use-draft';
import { makeTicket } from '../../test/tickets';
import { staticCommands } from '../keyboard/palette-commands';

let db: TierdeskDb;
const VENDOR: Agent = { id: 'agent-vendor', email: 'vendor@demo.test', name: 'Vera Vendor', role: 'vendor_liaison', tier: 'L4', groups: ['vendor'] };

beforeEach(async () => {
  fakeLayout(vi);
  resetAppStore();
  db = new TierdeskDb(`new-ticket-${Math.random()}`);
  await db.groups.bulkPut(GROUPS);
  await db.agents.put(L1);
});
afterEach(async () => {
  vi.restoreAllMocks();
  db.close();
  await db.delete();
});

function show(agent: Agent = L1) {
  return render(
    <Providers db={db} agent={agent}>
      <TopbarButtons agent={agent} />
      <AgentWorkspace agent={agent} onSyncNow={() => {}} />
    </Providers>,
  );
}

const dialog = () => screen.getByRole('dialog', { name: 'New ticket' });
const input = (label: string) => within(dialog()).getByLabelText(label) as HTMLInputElement;

async function openWithKey(user: ReturnType<typeof userEvent.setup>) {
  await screen.findByRole('button', { name: 'New ticket' });
  await user.keyboard('c');
  return screen.findByRole('form', { name: 'New ticket' });
}

async function fillValid(user: ReturnType<typeof userEvent.setup>) {
  await user.type(input('Title'), 'Laptop will not boot after the update');
  await user.type(input('Name'), 'Ava Adams');
  await user.type(input('Email'), 'ava.adams@example.com');
  await user.type(input('Service'), 'Laptops');
  await user.selectOptions(input('Category'), 'hardware');
  await user.selectOptions(input('Impact'), 'high');
  await user.selectOptions(input('Urgency'), 'high');
}

describe('the New ticket dialog', () => {
  test('refuses missing fields one by one, writes nothing and keeps what was typed', async () => {
    const user = userEvent.setup();
    show();
    await openWithKey(user);
    await user.type(input('Title'), 'Printer jams');
    await user.type(input('Email'), 'not-an-address');
    await user.click(within(dialog()).getByRole('button', { name: 'Create ticket' }));
    expect(await within(dialog()).findByRole('alert')).toHaveTextContent(/nothing was saved yet/);
    expect(input('Name')).toHaveAccessibleDescription(/Who asked for help/);
    expect(input('Email')).toHaveAccessibleDescription(/An email address/);
    expect(input('Service')).toHaveAccessibleDescription(/Which service/);
    expect(input('Title')).toHaveAttribute('aria-invalid', 'false');
    expect(input('Title').value).toBe('Printer jams');
    expect(await db.outbox.count()).toBe(0);
    expect(await db.tickets.count()).toBe(0);

    // Fixing a field takes its message away; the others stay until they are fixed too.
    await user.type(input('Name'), 'Ava Adams');
    expect(input('Name')).toHaveAttribute('aria-invalid', 'false');
    expect(input('Service')).toHaveAttribute('aria-invalid', 'true');
  });

  test('shows the priority and the group from the policy, creates the ticket locally and opens it', async () => {
    const user = userEvent.setup();
    show();
    await openWithKey(user);
    expect(within(dialog()).getByText(/Priority P3/)).toBeInTheDocument();
    await fillValid(user);
    expect(within(dialog()).getByText(/Priority P1/)).toBeInTheDocument();
    expect(within(dialog()).getByText(/Goes to Service Desk \(L1\)/)).toBeInTheDocument();
    await user.click(within(dialog()).getByRole('button', { name: 'Create ticket' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'New ticket' })).not.toBeInTheDocument());

    // Logged by an L1 agent for L1: created, then taken by them (two actions, in that order).
    const [row, accept] = await db.outbox.orderBy('id').toArray();
    expect([row?.name, accept?.name]).toEqual(['createTicket', 'acceptTicket']);
    const ticket = await db.tickets.get(row!.ticketId);
    expect(ticket).toMatchObject({ title: 'Laptop will not boot after the update', priority: 'P1', group: 'service-desk', tier: 'L1', origin: 'local', assignee: L1.id, requester: { name: 'Ava Adams', email: 'ava.adams@example.com', vip: false } });
    expect(useAppStore.getState().detailId).toBe(ticket!.id);
    expect(await db.drafts.get(draftKey('new-ticket', ''))).toBeUndefined();
  });

  test('a ticket for another tier is only created, not taken (only that tier accepts it)', async () => {
    const user = userEvent.setup();
    show();
    await openWithKey(user);
    await fillValid(user);
    await user.selectOptions(input('Category'), 'payments');
    expect(within(dialog()).getByText(/Goes to Platform Engineering \(L3\)/)).toBeInTheDocument();
    expect(within(dialog()).queryByLabelText('Assign to me')).not.toBeInTheDocument();
    await user.click(within(dialog()).getByRole('button', { name: 'Create ticket' }));
    await waitFor(async () => expect(await db.outbox.count()).toBe(1));
    const [row] = await db.outbox.toArray();
    expect(await db.tickets.get(row!.ticketId)).toMatchObject({ tier: 'L3', group: 'platform-engineering', assignee: null });
  });

  test('keeps a half-written ticket as a draft when closed, and brings it back', async () => {
    const user = userEvent.setup();
    show();
    await openWithKey(user);
    await user.type(input('Title'), 'Badge reader at door 4 rejects every card');
    await user.click(within(dialog()).getByRole('button', { name: 'Cancel' }));
    await waitFor(async () => expect(JSON.stringify((await db.drafts.get(draftKey('new-ticket', '')))?.value)).toContain('door 4'));
    await user.click(screen.getByRole('button', { name: 'New ticket' }));
    await screen.findByRole('form', { name: 'New ticket' });
    expect(input('Title').value).toBe('Badge reader at door 4 rejects every card');
    expect(within(dialog()).getByText(/Draft restored/)).toBeInTheDocument();
  });

  test('a create the server refused is edited in the dialog and sent again under its own id', async () => {
    const user = userEvent.setup();
    const args = {
      ticketId: 'local-42',
      title: 'Payroll export fails',
      description: 'Since Monday',
      requester: { name: 'Noor Haddad', email: 'noor.haddad@example.com', vip: true },
      category: 'no-such-category',
      service: 'Payroll',
      impact: 'high',
      urgency: 'medium',
      severity: 'S2',
      channel: 'email',
    };
    await db.needsAttention.put({ id: 3, name: 'createTicket', args, clientTime: 1, ticketId: 'local-42', queuedAt: 1, code: 'invalid', field: 'category', reason: '"no-such-category" is not a category in the policy', refusedAt: 2 });
    // The accept that followed it offline was refused too, only because the ticket did not exist.
    await db.needsAttention.put({ id: 4, name: 'acceptTicket', args: { ticketId: 'local-42' }, clientTime: 1, ticketId: 'local-42', queuedAt: 1, code: 'not_found', field: null, reason: 'the ticket does not exist', refusedAt: 2 });
    // A new ticket half-typed meanwhile keeps its own draft.
    const halfTyped = { title: 'Half-typed: badge reader at door 4' };
    await db.drafts.put({ key: draftKey('new-ticket', ''), ticketId: '', kind: 'new-ticket', value: halfTyped, savedAt: 1 });
    useAppStore.getState().setView('attention');
    show();
    expect(await screen.findByRole('heading', { name: 'Accept on the new ticket “Payroll export fails”' })).toBeInTheDocument();
    await user.click(await screen.findByRole('button', { name: 'Edit Create ticket' }));
    expect(await within(dialog()).findByText(/Refused by the server: "no-such-category" is not a category/)).toBeInTheDocument();
    await screen.findByRole('form', { name: 'New ticket' });
    expect(input('Title').value).toBe('Payroll export fails');
    expect(input('Email').value).toBe('noor.haddad@example.com');
    expect(input('VIP').checked).toBe(true);
    await user.selectOptions(input('Category'), 'software');
    await user.click(within(dialog()).getByRole('button', { name: 'Create ticket' }));
    await waitFor(async () => expect(await db.needsAttention.count()).toBe(0));
    await waitFor(async () => expect(await db.outbox.count()).toBe(2));
    const [row, accept] = await db.outbox.orderBy('id').toArray();
    expect(row).toMatchObject({ name: 'createTicket', ticketId: 'local-42', args: { category: 'software', severity: 'S2', channel: 'email' } });
    // Sent again with the create (the agent works in L1, where it lands); the refused one is gone with the refused create.
    expect(accept).toMatchObject({ name: 'acceptTicket', ticketId: 'local-42' });
    expect((await db.drafts.get(draftKey('new-ticket', '')))?.value).toEqual(halfTyped);
  });

  test('starts at the requester\'s email; a known one fills in an empty name and VIP, and never overwrites a typed name', async () => {
    const now = Date.now();
    await db.tickets.bulkPut([
      makeTicket(1, { createdAt: now - 3600_000, requester: { name: 'Big Boss', email: 'boss@example.com', vip: true } }),
      // Known from a resolved ticket only (the resolved ones carry no requester key in the index).
      makeTicket(2, { createdAt: now - 7200_000, status: 'resolved', requester: { name: 'Ava Adams', email: 'ava.adams@example.com', vip: false } }),
    ]);
    const user = userEvent.setup();
    show();
    await openWithKey(user);
    await waitFor(() => expect(input('Email')).toHaveFocus());
    await user.keyboard('Boss@Example.com');
    await waitFor(() => expect(input('Name').value).toBe('Big Boss'));
    expect(input('VIP').checked).toBe(true);
    expect(within(dialog()).getByText(/^Known requester: Big Boss \(VIP\), as on INC-000001\./)).toBeInTheDocument();
    expect(within(dialog()).queryByRole('button', { name: 'Use these details' })).toBeNull();

    // Another known address with a name already there: the name stays until the agent asks for the known one.
    await user.clear(input('Email'));
    await user.type(input('Email'), 'ava.adams@example.com');
    expect(await within(dialog()).findByText(/^Known requester: Ava Adams, as on INC-000002\./)).toBeInTheDocument();
    expect(input('Name').value).toBe('Big Boss');
    await user.click(within(dialog()).getByRole('button', { name: 'Use these details' }));
    expect(input('Name').value).toBe('Ava Adams');
    expect(input('VIP').checked).toBe(false);

    // An address no ticket here has: no hint, nothing changed.
    await user.clear(input('Email'));
    await user.type(input('Email'), 'new.person@example.com');
    await waitFor(() => expect(within(dialog()).queryByText(/^Known requester/)).toBeNull());
    expect(input('Name').value).toBe('Ava Adams');
  });

  test('a closed ticket gets a follow-up with its requester and classification, in a draft of its own', async () => {
    const closed = makeTicket(9, {
      createdAt: Date.now() - 9 * 86_400_000,
      status: 'closed',
      title: 'Docking station will not power on',
      category: 'hardware',
      service: 'Docking stations',
      impact: 'low',
      urgency: 'high',
      severity: 'S2',
      requester: { name: 'Big Boss', email: 'boss@example.com', vip: true },
      resolution: { text: 'Replaced the power supply.', kbArticleId: null, at: Date.now() - 8 * 86_400_000, by: 'agent-l1' },
    });
    await db.tickets.put(closed);
    const user = userEvent.setup();
    show();
    // A new ticket half-typed, kept as a draft.
    await openWithKey(user);
    await user.type(input('Title'), 'Something else entirely');
    await user.click(within(dialog()).getByRole('button', { name: 'Cancel' }));

    act(() => useAppStore.getState().openDetail(closed.id));
    await user.click(await screen.findByRole('button', { name: 'New follow-up ticket' }));
    await screen.findByRole('form', { name: 'New ticket' });
    await waitFor(() => expect(input('Title').value).toBe('Follow-up to INC-000009: Docking station will not power on'));
    expect(within(dialog()).getByLabelText<HTMLTextAreaElement>('Description').value).toMatch(/^Follow-up to INC-000009 \(Docking station will not power on\), closed on .+\. It was resolved with: Replaced the power supply\.\n\n$/);
    expect([input('Email').value, input('Name').value, input('VIP').checked]).toEqual(['boss@example.com', 'Big Boss', true]);
    expect([input('Category').value, input('Service').value, input('Impact').value, input('Urgency').value, input('Severity').value]).toEqual(['hardware', 'Docking stations', 'low', 'high', 'S2']);
    await user.click(within(dialog()).getByRole('button', { name: 'Create ticket' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'New ticket' })).toBeNull());
    const created = (await db.outbox.toArray()).find((row) => row.name === 'createTicket')!;
    expect(created.args).toMatchObject({ title: 'Follow-up to INC-000009: Docking station will not power on', requester: { email: 'boss@example.com' }, category: 'hardware' });

    // The half-typed new ticket is still its own draft.
    await openWithKey(user);
    await waitFor(() => expect(input('Title').value).toBe('Something else entirely'));
  });

  test('is not offered to a vendor liaison (the rules refuse them)', async () => {
    const user = userEvent.setup();
    show(VENDOR);
    await screen.findByRole('button', { name: 'Settings' });
    expect(screen.queryByRole('button', { name: 'New ticket' })).not.toBeInTheDocument();
    await user.keyboard('c');
    expect(screen.queryByRole('dialog', { name: 'New ticket' })).not.toBeInTheDocument();
    expect(staticCommands(VENDOR, GROUPS).some((c) => c.id === 'app:new-ticket')).toBe(false);
    expect(staticCommands(L1, GROUPS).some((c) => c.id === 'app:new-ticket')).toBe(true);
  });
});
