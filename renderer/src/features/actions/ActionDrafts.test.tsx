import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { TierdeskDb } from '../../db/db';
import type { TicketRecord } from '../../db/ticket-record';
import { mutate } from '../../sync/mutate';
import { deskWithOwnedTicket, L1, L2, Providers } from '../../test/workspace-harness';
import { draftKey } from '../drafts/use-draft';
import { AssignDialog } from './AssignDialog';
import { HierarchicalDialog } from './HierarchicalDialog';
import { NoteDialog } from './NoteDialog';
import { PauseDialog } from './PauseDialog';
import { ReopenDialog } from './ReopenDialog';

let db: TierdeskDb;
const TICKET = 'ticket-printer';

beforeEach(async () => {
  db = await deskWithOwnedTicket('drafts', [L1, L2], {
    ticketId: TICKET,
    title: 'Printer on floor 3 jams on every job',
    description: 'Reported by phone',
    category: 'hardware',
    service: 'Printing',
    impact: 'low',
    urgency: 'medium',
    severity: 'S3',
    channel: 'phone',
  });
});
afterEach(async () => {
  db.close();
  await db.delete();
});

type Dialog = (props: { ticket: TicketRecord; refused?: { id: number; args: unknown }; onClose(): void }) => ReactElement;

/** Each dialog with free text: the draft kind it stores under, the text field, what to type and the button that sends it. */
type Case = { name: string; Dialog: Dialog; kind: string; field: string; text: string; submit: RegExp; refusedArgs(text: string): unknown; resolved?: boolean };
const DIALOGS: Case[] = [
  {
    name: 'work note',
    Dialog: NoteDialog,
    kind: 'note',
    field: 'Note',
    text: 'Cleared the paper path; rollers look worn.',
    submit: /^Add note$/,
    refusedArgs: (body) => ({ ticketId: TICKET, noteId: 'n-refused', body, visibility: 'internal', contact: null }),
  },
  {
    name: 'pause',
    Dialog: PauseDialog,
    kind: 'pause',
    field: 'Note (optional)',
    text: 'Requester sends the printer logs after 14:00.',
    submit: /^Pause clock$/,
    refusedArgs: (note) => ({ ticketId: TICKET, clock: 'resolution', reason: 'awaiting_customer', note }),
  },
  {
    name: 'hierarchical escalation',
    Dialog: HierarchicalDialog,
    kind: 'hierarchical',
    field: 'Reason',
    text: 'The whole floor cannot print payroll; needs a replacement approved today.',
    submit: /^Notify management$/,
    refusedArgs: (reason) => ({ ticketId: TICKET, toRole: 'team_lead', trigger: 'sla_breach_risk', reason }),
  },
  {
    name: 'release to the queue',
    Dialog: AssignDialog,
    kind: 'assign',
    field: 'Reason',
    text: 'Going off shift; the printer needs someone on site tomorrow.',
    submit: /^Release$/,
    refusedArgs: (reason) => ({ ticketId: TICKET, assignee: null, reason }),
  },
  {
    name: 'reopen',
    Dialog: ReopenDialog,
    kind: 'reopen',
    field: 'Why is it reopened?',
    text: 'Jams again after the fix, same tray.',
    submit: /^Reopen$/,
    refusedArgs: (reason) => ({ ticketId: TICKET, reason }),
    resolved: true,
  },
];

async function open(Dialog: Dialog, refused?: { id: number; args: unknown }) {
  const ticket = (await db.tickets.get(TICKET))!;
  const view = render(
    <Providers db={db} agent={L1}>
      <Dialog ticket={ticket} onClose={() => {}} {...(refused && { refused })} />
    </Providers>,
  );
  await screen.findByRole('button', { name: /^Cancel$/ });
  return view;
}

const textField = (label: string) => screen.getByLabelText(label) as HTMLTextAreaElement;

describe.each(DIALOGS)('the $name dialog keeps what was typed', ({ Dialog, kind, field, text, submit, refusedArgs, resolved }) => {
  beforeEach(async () => {
    if (resolved) await mutate(db, L1, 'resolve', { ticketId: TICKET, resolution: 'Replaced the pickup rollers; test page printed.' });
  });

  test('a draft written while typing comes back when the dialog opens again', async () => {
    const user = userEvent.setup();
    const view = await open(Dialog);
    await user.type(textField(field), text);
    await waitFor(async () => expect((await db.drafts.get(draftKey(kind, TICKET)))?.value).toBeDefined());
    view.unmount();
    await open(Dialog);
    expect(textField(field).value).toBe(text);
    expect(screen.getByText(/Draft restored/)).toBeInTheDocument();
  });

  test('saves at once when the dialog goes away before the autosave fired', async () => {
    const user = userEvent.setup();
    const view = await open(Dialog);
    await user.type(textField(field), text);
    view.unmount();
    await waitFor(async () => expect(JSON.stringify((await db.drafts.get(draftKey(kind, TICKET)))?.value)).toContain(text));
  });

  test('a refused action being edited shows its own text, not an older draft', async () => {
    await db.drafts.put({ key: draftKey(kind, TICKET), ticketId: TICKET, kind, value: { reason: 'older draft', note: 'older draft', body: 'older draft' }, savedAt: 1 });
    await open(Dialog, { id: 7, args: refusedArgs(text) });
    expect(textField(field).value).toBe(text);
    // The draft of a new action on the same ticket is left as it was.
    expect(JSON.stringify((await db.drafts.get(draftKey(kind, TICKET)))?.value)).toContain('older draft');
  });

  test('an edit of a refused action closed half-way comes back as it was left', async () => {
    const user = userEvent.setup();
    const view = await open(Dialog, { id: 8, args: refusedArgs(text) });
    await user.type(textField(field), ' Edited.');
    view.unmount();
    await open(Dialog, { id: 8, args: refusedArgs(text) });
    await waitFor(() => expect(textField(field).value).toBe(`${text} Edited.`));
  });

  test('the draft is dropped once the action is recorded', async () => {
    const user = userEvent.setup();
    await open(Dialog);
    await user.type(textField(field), text);
    await user.click(screen.getByRole('button', { name: submit }));
    await waitFor(async () => expect(await db.outbox.count()).toBeGreaterThan(resolved ? 3 : 2));
    await waitFor(async () => expect(await db.drafts.get(draftKey(kind, TICKET))).toBeUndefined());
  });
});

describe.each(DIALOGS)('the $name dialog is sent from the keyboard', ({ Dialog, field, text, resolved }) => {
  beforeEach(async () => {
    if (resolved) await mutate(db, L1, 'resolve', { ticketId: TICKET, resolution: 'Replaced the pickup rollers; test page printed.' });
  });

  test('Enter in the text is a new line; Ctrl+Enter (or ⌘Enter) sends it with what was typed, as its button would', async () => {
    const user = userEvent.setup();
    await open(Dialog);
    const before = await db.outbox.count();
    await user.type(textField(field), `${text}{Enter}Second line.`);
    expect(textField(field).value).toBe(`${text}\nSecond line.`);
    expect(await db.outbox.count()).toBe(before);
    await user.keyboard('{Control>}{Enter}{/Control}');
    await waitFor(async () => expect(await db.outbox.count()).toBe(before + 1));
    const sent = (await db.outbox.orderBy('id').last())!;
    expect(JSON.stringify(sent.args)).toContain(`${text}\\nSecond line.`);
  });
});

describe.each(DIALOGS.filter((d) => d.kind !== 'pause'))('the $name dialog clears a field error once the field is edited', ({ Dialog, field, text, submit, resolved }) => {
  beforeEach(async () => {
    if (resolved) await mutate(db, L1, 'resolve', { ticketId: TICKET, resolution: 'Replaced the pickup rollers; test page printed.' });
  });

  test('sending it empty marks the field; typing in it takes the error and the summary away; nothing was queued', async () => {
    const user = userEvent.setup();
    await open(Dialog);
    const before = await db.outbox.count();
    await user.clear(textField(field));
    await user.click(screen.getByRole('button', { name: submit }));
    await waitFor(() => expect(textField(field)).toHaveAttribute('aria-invalid', 'true'));
    expect(screen.getByRole('alert')).toBeInTheDocument();
    await user.type(textField(field), text);
    expect(textField(field)).toHaveAttribute('aria-invalid', 'false');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(await db.outbox.count()).toBe(before);
  });
});
