import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { NEW_TICKET } from '../../../../shared/mutations/testing/harness';
import type { TierdeskDb } from '../../db/db';
import { deskWithOwnedTicket, L1, Providers } from '../../test/workspace-harness';
import { NoteDialog } from './NoteDialog';

let db: TierdeskDb;
const TICKET = 'ticket-note';

beforeEach(async () => {
  db = await deskWithOwnedTicket('note-dialog', [L1], { ...NEW_TICKET, ticketId: TICKET });
});
afterEach(async () => {
  db.close();
  await db.delete();
});

async function show() {
  const ticket = (await db.tickets.get(TICKET))!;
  render(
    <Providers db={db} agent={L1}>
      <NoteDialog ticket={ticket} onClose={() => {}} />
    </Providers>,
  );
  return ticket;
}

const note = () => screen.getByLabelText<HTMLTextAreaElement>('Note');

describe('the Note dialog', () => {
  test("inserts the policy's templates filled in for the ticket: into an empty note with their visibility, after typed text otherwise", async () => {
    const user = userEvent.setup();
    const ticket = await show();
    const templates = await screen.findByLabelText<HTMLSelectElement>('Insert a template');
    await user.selectOptions(templates, 'Fix applied: please confirm');
    expect(note().value).toBe(`Hello Ava Adams,\n\nWe applied a fix for ${ticket.number}. Could you check that VPN works for you again and reply to confirm?\n\nThank you,\n${L1.name}`);
    expect(screen.getByRole('radio', { name: /^Requester/ })).toBeChecked();
    expect(screen.getByLabelText<HTMLSelectElement>('How the requester was reached').value).toBe('public_reply');
    expect(templates.value).toBe('');

    await user.clear(note());
    await user.click(screen.getByRole('radio', { name: 'Internal' }));
    await user.type(note(), 'Tried twice.');
    await user.selectOptions(templates, 'Called, no answer: voicemail left');
    expect(note().value).toBe(`Tried twice.\n\nCalled Ava Adams at the number on file: no answer. Left a voicemail asking them to call the service desk about ${ticket.number}.`);
    expect(screen.getByRole('radio', { name: 'Internal' })).toBeChecked();
    // What the template put in is part of the draft like anything typed.
    await waitFor(async () => expect(((await db.drafts.toArray())[0]?.value as { body: string } | undefined)?.body).toBe(note().value));
  });
});
