import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { Agent } from '../../../../shared/model/agent';
import { TierdeskDb } from '../../db/db';
import { mutate } from '../../sync/mutate';
import { GROUPS, L1, L2, Providers } from '../../test/workspace-harness';
import { draftKey } from '../drafts/use-draft';
import { EditFieldsDialog } from './EditFieldsDialog';

let db: TierdeskDb;
const TICKET = 'ticket-mail';
const LEAD: Agent = { id: 'agent-lead', email: 'lead@demo.test', name: 'Dana Fox', role: 'lead', tier: 'L1', groups: ['service-desk'] };

beforeEach(async () => {
  db = new TierdeskDb(`edit-${Math.random()}`);
  await db.groups.bulkPut(GROUPS);
  await db.agents.bulkPut([L1, L2, LEAD]);
  await mutate(db, L1, 'createTicket', {
    ticketId: TICKET,
    title: 'Shared mailbox missing',
    description: 'Since the migration',
    requester: { name: 'Ava Adams', email: 'ava.adams@example.com', vip: false },
    category: 'email',
    service: 'Exchange',
    impact: 'low',
    urgency: 'medium',
    severity: 'S3',
    channel: 'email',
  });
  await mutate(db, L1, 'acceptTicket', { ticketId: TICKET });
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

  test('a refused edit opens on the ticket as it is now, with the agent’s fields on top', async () => {
    const base = (await db.tickets.get(TICKET))!.version;
    await mutate(db, LEAD, 'updateFields', { ticketId: TICKET, baseVersion: base, fields: { service: 'Exchange Online' } });
    await open({ id: 9, args: { ticketId: TICKET, baseVersion: base, fields: { title: 'Payroll shared mailbox missing' } } });
    expect(control('Title').value).toBe('Payroll shared mailbox missing');
    expect(control('Service').value).toBe('Exchange Online');
  });
});
