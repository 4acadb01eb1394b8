import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { TierdeskDb } from '../../db/db';
import { mutate } from '../../sync/mutate';
import { deskWithOwnedTicket, L1, L2, LEAD, Providers } from '../../test/workspace-harness';
import { draftKey } from '../drafts/use-draft';
import { EditFieldsDialog } from './EditFieldsDialog';

let db: TierdeskDb;
const TICKET = 'ticket-mail';

beforeEach(async () => {
  db = await deskWithOwnedTicket('edit', [L1, L2, LEAD], {
    ticketId: TICKET,
    title: 'Shared mailbox missing',
    description: 'Since the migration',
    category: 'email',
    service: 'Exchange',
    impact: 'low',
    urgency: 'medium',
    severity: 'S3',
    channel: 'email',
  });
});
afterEach(async () => {
  db.close();
  await db.delete();
});

async function open(refused?: { id: number; args: unknown }) {
  const ticket = (await db.tickets.get(TICKET))!;
  const view = render(
    <Providers db={db} agent={L1}>
      <EditFieldsDialog ticket={ticket} onClose={() => {}} {...(refused && { refused })} />
    </Providers>,
  );
  await screen.findByRole('form', { name: 'Edit fields' });
  return view;
}

const form = () => screen.getByRole('form', { name: 'Edit fields' });
const control = (label: string) => within(form()).getByLabelText(label) as HTMLInputElement;
const save = (user: ReturnType<typeof userEvent.setup>) => user.click(within(form()).getByRole('button', { name: 'Save changes' }));
const outboxEdits = async () => (await db.outbox.orderBy('id').toArray()).filter((r) => r.name === 'updateFields');

describe('the edit fields dialog', () => {
  test('shows the new priority before saving and sends only the fields that changed', async () => {
    const user = userEvent.setup();
    await open();
    expect(within(form()).getByText('Priority stays P4')).toBeInTheDocument();
    await user.selectOptions(control('Impact'), 'high');
    await user.selectOptions(control('Urgency'), 'high');
    expect(within(form()).getByText(/Priority P4 → P1/)).toBeInTheDocument();
    await save(user);
    await waitFor(async () => expect(await outboxEdits()).toHaveLength(1));
    const [edit] = await outboxEdits();
    expect(edit!.args).toMatchObject({ ticketId: TICKET, fields: { impact: 'high', urgency: 'high' } });
    expect(Object.keys((edit!.args as { fields: object }).fields)).toEqual(['impact', 'urgency']);
    expect(await db.tickets.get(TICKET)).toMatchObject({ impact: 'high', urgency: 'high', priority: 'P1' });
    expect(await db.drafts.get(draftKey('edit', TICKET))).toBeUndefined();
  });

  test('with nothing changed, nothing is sent', async () => {
    const user = userEvent.setup();
    await open();
    await save(user);
    expect(await within(form()).findByRole('alert')).toHaveTextContent('Nothing changed yet.');
    expect(await outboxEdits()).toHaveLength(0);
  });

  test('an edit merges with someone else’s edit of another field', async () => {
    const user = userEvent.setup();
    await open();
    await user.clear(control('Service'));
    await user.type(control('Service'), 'Outlook');
    const base = (await db.tickets.get(TICKET))!.version;
    await mutate(db, LEAD, 'updateFields', { ticketId: TICKET, baseVersion: base, fields: { description: 'Since the migration; also on phones' } });
    await save(user);
    await waitFor(async () => expect(await outboxEdits()).toHaveLength(2));
    expect(await db.tickets.get(TICKET)).toMatchObject({ description: 'Since the migration; also on phones', service: 'Outlook' });
  });

  test('an edit of a field someone else changed meanwhile is refused with the text kept; saving again is a decision to replace it', async () => {
    const user = userEvent.setup();
    await open();
    await user.clear(control('Title'));
    await user.type(control('Title'), 'Shared mailbox "Payroll" missing in Outlook');
    // Meanwhile the lead changes the title on the version this edit started from.
    const base = (await db.tickets.get(TICKET))!.version;
    await mutate(db, LEAD, 'updateFields', { ticketId: TICKET, baseVersion: base, fields: { title: 'Payroll mailbox missing' } });
    await save(user);
    expect(await within(form()).findByRole('alert')).toHaveTextContent(/title was changed by someone else/);
    expect(control('Title')).toHaveAttribute('aria-invalid', 'true');
    expect(control('Title')).toHaveAccessibleDescription(/changed by someone else since you opened the ticket \(now "Payroll mailbox missing"\)/);
    expect(control('Title').value).toBe('Shared mailbox "Payroll" missing in Outlook');
    expect(await outboxEdits()).toHaveLength(1); // only the lead's
    expect(await db.tickets.get(TICKET)).toMatchObject({ title: 'Payroll mailbox missing' });

    await save(user);
    await waitFor(async () => expect(await outboxEdits()).toHaveLength(2));
    expect(await db.tickets.get(TICKET)).toMatchObject({ title: 'Shared mailbox "Payroll" missing in Outlook' });
  });

  test('a half-done edit survives closing the dialog', async () => {
    const user = userEvent.setup();
    const view = await open();
    await user.type(control('Description'), ' and only in Outlook for Mac.');
    view.unmount();
    await open();
    expect(control('Description').value).toBe('Since the migration and only in Outlook for Mac.');
    expect(screen.getByText(/Draft restored/)).toBeInTheDocument();
  });

  test('a kept draft shows what others changed since in the fields the agent did not touch', async () => {
    const user = userEvent.setup();
    const view = await open();
    await user.clear(control('Title'));
    await user.type(control('Title'), 'Shared mailbox missing in Outlook');
    view.unmount();
    const base = (await db.tickets.get(TICKET))!.version;
    await mutate(db, LEAD, 'updateFields', { ticketId: TICKET, baseVersion: base, fields: { urgency: 'high', service: 'Exchange Online' } });
    await open();
    expect(control('Title').value).toBe('Shared mailbox missing in Outlook');
    expect(control('Urgency').value).toBe('high');
    expect(control('Service').value).toBe('Exchange Online');
    expect(within(form()).getByText('Priority stays P3')).toBeInTheDocument();
    await save(user);
    await waitFor(async () => expect(await outboxEdits()).toHaveLength(2));
    const [, mine] = await outboxEdits();
    expect((mine!.args as { fields: object }).fields).toEqual({ title: 'Shared mailbox missing in Outlook' });
    expect(await db.tickets.get(TICKET)).toMatchObject({ title: 'Shared mailbox missing in Outlook', urgency: 'high', service: 'Exchange Online', priority: 'P3' });
  });

  test('an emptied title is refused in words, before anything is sent', async () => {
    const user = userEvent.setup();
    await open();
    await user.clear(control('Title'));
    await user.type(control('Title'), '   ');
    await save(user);
    expect(control('Title')).toHaveAccessibleDescription(/The title cannot be empty/);
    expect(await outboxEdits()).toHaveLength(0);
  });

  test('a refused edit says why, and shows beside each changed field what the ticket says now', async () => {
    const base = (await db.tickets.get(TICKET))!.version;
    await mutate(db, LEAD, 'updateFields', { ticketId: TICKET, baseVersion: base, fields: { title: 'Lead title' } });
    const reason = 'title was changed by someone else since you opened the ticket (now "Lead title")';
    await db.needsAttention.put({ id: 12, name: 'updateFields', args: { ticketId: TICKET, baseVersion: base, fields: { title: 'My title' } }, clientTime: 1, ticketId: TICKET, queuedAt: 1, code: 'conflict', field: 'fields.title', reason, refusedAt: 2 });
    await open({ id: 12, args: { ticketId: TICKET, baseVersion: base, fields: { title: 'My title' } } });
    expect(await within(form()).findByText(/Refused by the server: title was changed by someone else/)).toBeInTheDocument();
    expect(control('Title').value).toBe('My title');
    expect(control('Title')).toHaveAccessibleDescription('On the ticket now: Lead title');
  });

  test('a refused edit opens on the ticket as it is now, with the agent’s fields on top', async () => {
    const base = (await db.tickets.get(TICKET))!.version;
    await mutate(db, LEAD, 'updateFields', { ticketId: TICKET, baseVersion: base, fields: { service: 'Exchange Online' } });
    await open({ id: 9, args: { ticketId: TICKET, baseVersion: base, fields: { title: 'Payroll shared mailbox missing' } } });
    expect(control('Title').value).toBe('Payroll shared mailbox missing');
    expect(control('Service').value).toBe('Exchange Online');
  });
});
