import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { Agent } from '../../../../shared/model/agent';
import type { HandoffNote } from '../../../../shared/handoff/handoff-note';
import type { TierdeskDb } from '../../db/db';
import { mutate } from '../../sync/mutate';
import { deskWithOwnedTicket, L1, L2, Providers } from '../../test/workspace-harness';
import { draftKey } from '../drafts/use-draft';
import { HandoffDialog } from './HandoffDialog';

let db: TierdeskDb;
const TICKET = 'ticket-vpn';
const KB = { id: 'kb-vpn', title: 'Reinstall the VPN profile', body: 'Remove the VPN profile, reinstall it from the software center and reconnect.', category: 'network', tags: [], sourceTicketId: null, createdBy: 'agent-l2', createdAt: 0, updatedAt: 0, version: 1 };

const GOOD_NOTE: HandoffNote = {
  steps: [{ action: 'Reinstalled the VPN profile from the software center', outcome: 'Connection still drops after about ten minutes' }],
  businessImpact: 'Sales team in the Lyon branch cannot reach the CRM while travelling',
  workaround: 'none',
  involved: ['Alex Rivera', 'Ava Adams (requester)'],
  nextTierNeeds: 'Check the VPN concentrator logs for session resets from this client',
  kbArticlesChecked: ['kb-vpn'],
  category: 'network',
  priority: 'P2',
};

/** A real ticket, acted out with the same mutations the app records: created, accepted and noted by L1. */
beforeEach(async () => {
  db = await deskWithOwnedTicket('handoff', [L1, L2], {
    ticketId: TICKET,
    title: 'VPN drops every ten minutes',
    description: 'Reported by phone',
    category: 'network',
    service: 'VPN',
    impact: 'medium',
    urgency: 'high',
    severity: 'S2',
    channel: 'phone',
  });
  await db.kb.put(KB);
  await mutate(db, L1, 'addWorkNote', { ticketId: TICKET, noteId: 'n1', body: 'Reinstalled the VPN profile. Still drops after ten minutes.', visibility: 'internal', contact: null });
});
afterEach(async () => {
  db.close();
  await db.delete();
});

async function open(agent: Agent = L1, onClose = () => {}, direction: 'up' | 'down' = 'up', refused?: { id: number; args: unknown }) {
  const ticket = (await db.tickets.get(TICKET))!;
  const view = render(
    <Providers db={db} agent={agent}>
      <HandoffDialog ticket={ticket} onClose={onClose} direction={direction} refused={refused} />
    </Providers>,
  );
  await screen.findByRole('form', { name: 'Handoff note' });
  return view;
}

const field = (label: string | RegExp) => screen.getByLabelText(label) as HTMLTextAreaElement;
const send = () => userEvent.click(screen.getByRole('button', { name: /^Escalate to L\d/ }));

async function fill(user: ReturnType<typeof userEvent.setup>, note: HandoffNote) {
  const set = async (label: string | RegExp, text: string) => {
    await user.clear(field(label));
    if (text) await user.type(field(label), text);
  };
  await set('Step 1: what was tried', note.steps[0]!.action);
  await set('Outcome', note.steps[0]!.outcome);
  await set('Current business impact', note.businessImpact);
  await set('Workaround applied', note.workaround);
  await set('Who has been involved (one per line)', note.involved.join('\n'));
  await set(/needs to do or know/, note.nextTierNeeds);
}

describe('the handoff dialog', () => {
  test('starts from the ticket: its notes as steps, who was involved, the current category and priority', async () => {
    await open();
    expect(field('Step 1: what was tried').value).toBe('Reinstalled the VPN profile');
    expect(field('Outcome').value).toBe('Still drops after ten minutes.');
    expect(field('Who has been involved (one per line)').value).toBe('Alex Rivera\nAva Adams (requester)');
    expect(screen.getByText(/Category/)).toHaveTextContent('Category network, priority P2');
  });

  test('refuses an empty note with an error beside each field, keeps the text and writes nothing', async () => {
    const user = userEvent.setup();
    await open();
    await fill(user, { ...GOOD_NOTE, steps: [{ action: '', outcome: '' }], businessImpact: '', involved: [], nextTierNeeds: '', workaround: '' });
    await send();
    expect(await screen.findByRole('alert')).toHaveTextContent(/Not sent: \d+ problems/);
    expect(screen.getByText('What was tried is empty')).toBeInTheDocument();
    expect(screen.getByText('The business impact is empty')).toBeInTheDocument();
    expect(screen.getByText(/The workaround is empty; write "none"/)).toBeInTheDocument();
    expect(screen.getByText('What L2 needs is empty')).toBeInTheDocument();
    expect(screen.getByText(/list the knowledge articles you checked/)).toBeInTheDocument();
    expect(field('Step 1: what was tried')).toHaveAttribute('aria-invalid', 'true');
    expect((await db.outbox.toArray()).filter((r) => r.name === 'escalateFunctional').length).toBe(0);
    expect((await db.tickets.get(TICKET))!.tier).toBe('L1');
  });

  test('refuses boilerplate with the reason and keeps what was typed', async () => {
    const user = userEvent.setup();
    await open();
    await fill(user, { ...GOOD_NOTE, businessImpact: 'n/a', nextTierNeeds: 'asdf asdf' });
    await send();
    expect(await screen.findByText('The business impact "n/a" is a placeholder, not an answer')).toBeInTheDocument();
    expect(screen.getByText(/What L2 needs looks like keyboard mashing/)).toBeInTheDocument();
    expect(field('Current business impact').value).toBe('n/a');
    expect(field(/needs to do or know/).value).toBe('asdf asdf');
  });

  test('refuses a note copied from the previous handoff and says why', async () => {
    await mutate(db, L1, 'escalateFunctional', { ticketId: TICKET, toTier: 'L2', handoffNote: GOOD_NOTE });
    await mutate(db, L2, 'acceptTicket', { ticketId: TICKET });
    const user = userEvent.setup();
    await open(L2);
    await fill(user, GOOD_NOTE);
    await user.click(screen.getByLabelText(/Reinstall the VPN profile/));
    await send();
    expect(await screen.findByText(/this note is \d+% the same as the previous handoff/)).toBeInTheDocument();
    expect(field('Current business impact').value).toBe(GOOD_NOTE.businessImpact);
    expect((await db.tickets.get(TICKET))!.tier).toBe('L2');
  });

  test('escalates with a proper note: the ticket waits in L2, the action is queued and the draft is gone', async () => {
    const user = userEvent.setup();
    let closed = false;
    await open(L1, () => (closed = true));
    await fill(user, GOOD_NOTE);
    await user.click(screen.getByLabelText(/Reinstall the VPN profile/));
    await send();
    await waitFor(() => expect(closed).toBe(true));
    const ticket = (await db.tickets.get(TICKET))!;
    expect([ticket.tier, ticket.status, ticket.assignee]).toEqual(['L2', 'pending_acceptance', null]);
    expect((await db.outbox.toArray()).filter((r) => r.name === 'escalateFunctional').length).toBe(1);
    expect(await db.drafts.get(draftKey('handoff', TICKET))).toBeUndefined();
  });

  test('asks why when a tier is skipped, and sends the note to a lead as a request to approve', async () => {
    const user = userEvent.setup();
    let closed = false;
    await open(L1, () => (closed = true));
    await user.selectOptions(screen.getByLabelText('Escalate to'), 'L3');
    const notice = screen.getByRole('note');
    expect(notice).toHaveTextContent('This skips a tier');
    expect(notice).toHaveTextContent('A lead must approve a skip');
    expect(within(notice).getByLabelText('Why skip a tier?')).toBeInTheDocument();
    await fill(user, GOOD_NOTE);
    const ask = () => user.click(screen.getByRole('button', { name: 'Ask a lead to approve' }));
    await ask();
    expect(await screen.findByText(/say why this ticket skips a tier/)).toBeInTheDocument();
    expect(await db.outbox.count()).toBe(3);
    await user.type(screen.getByLabelText('Why skip a tier?'), 'Concentrator outage: only engineering has access');
    await user.click(screen.getByLabelText(/Reinstall the VPN profile/));
    await ask();
    await waitFor(() => expect(closed).toBe(true));
    // L1 keeps the ticket; the request (with the whole note) waits on it for a lead.
    const ticket = (await db.tickets.get(TICKET))!;
    expect([ticket.tier, ticket.assignee]).toEqual(['L1', L1.id]);
    expect(ticket.skipRequest).toMatchObject({ toTier: 'L3', reason: 'Concentrator outage: only engineering has access', by: L1.id });
    expect(ticket.skipRequest!.note.businessImpact).toBe(GOOD_NOTE.businessImpact);
    expect((await db.outbox.toArray()).map((r) => r.name)).toContain('requestTierSkip');
    expect(await db.drafts.get(draftKey('handoff', TICKET))).toBeUndefined();
  });

  test('keeps the draft when the dialog is closed and brings it back when it opens again', async () => {
    const user = userEvent.setup();
    const view = await open();
    await user.type(field(/needs to do or know/), 'Check the concentrator logs');
    await waitFor(async () => expect(await db.drafts.get(draftKey('handoff', TICKET))).toBeDefined());
    view.unmount();
    await open();
    expect(field(/needs to do or know/).value).toBe('Check the concentrator logs');
    expect(screen.getByText(/Draft restored/)).toBeInTheDocument();
  });

  test('saves what was typed at once when the dialog goes away before the autosave fired', async () => {
    const user = userEvent.setup();
    const view = await open();
    await user.type(field('Current business impact'), ' Also the CEO.');
    view.unmount();
    await waitFor(async () => {
      const draft = await db.drafts.get(draftKey('handoff', TICKET));
      expect((draft?.value as { businessImpact: string } | undefined)?.businessImpact).toMatch(/Also the CEO\.$/);
    });
  });
});

describe('sending a ticket back down a tier', () => {
  const RETURN_NOTE: HandoffNote = {
    ...GOOD_NOTE,
    steps: [{ action: 'Found stale sessions for this client on the concentrator and cleared them', outcome: 'The tunnel stayed up for an hour in a test call with Ava' }],
    involved: ['Ben Okafor', 'Ava Adams (requester)'],
    nextTierNeeds: 'Call Ava tomorrow morning to confirm the VPN held all day, then resolve with the KB article',
    kbArticlesChecked: [],
  };

  /** L1 escalated the ticket with GOOD_NOTE and L2 took it. */
  async function withL2() {
    await mutate(db, L1, 'escalateFunctional', { ticketId: TICKET, toTier: 'L2', handoffNote: GOOD_NOTE });
    await mutate(db, L2, 'acceptTicket', { ticketId: TICKET });
  }

  test('offers the lower tiers and the policy\'s return reasons, and sends the ticket back to wait in L1', async () => {
    await withL2();
    const user = userEvent.setup();
    let closed = false;
    await open(L2, () => (closed = true), 'down');
    expect(screen.getByRole('dialog', { name: /^Send \S+ back to a lower tier$/ })).toBeInTheDocument();
    const to = screen.getByLabelText('Send back to') as HTMLSelectElement;
    expect([...to.options].map((o) => o.value)).toEqual(['L1']);
    const why = screen.getByLabelText('Why (reason)') as HTMLSelectElement;
    expect([...why.options].map((o) => o.value)).toEqual(['fix_provided_follow_up', 'belongs_to_lower_tier', 'escalated_without_first_line_work']);
    expect(screen.queryByText(/list the knowledge articles you checked/)).toBeNull();
    await fill(user, RETURN_NOTE);
    await user.click(screen.getByRole('button', { name: 'Send back to L1' }));
    await waitFor(() => expect(closed).toBe(true));
    const ticket = (await db.tickets.get(TICKET))!;
    expect([ticket.tier, ticket.group, ticket.status, ticket.assignee]).toEqual(['L1', 'service-desk', 'pending_acceptance', null]);
    const queued = (await db.outbox.toArray()).filter((r) => r.name === 'escalateFunctional').at(-1)!;
    expect(queued.args).toMatchObject({ toTier: 'L1', trigger: 'fix_provided_follow_up' });
    expect(await db.drafts.get(draftKey('return', TICKET))).toBeUndefined();
  });

  test('a return draft and an escalation draft of the same ticket are kept apart', async () => {
    await withL2();
    const user = userEvent.setup();
    const up = await open(L2, () => {}, 'up');
    await user.type(field(/needs to do or know/), 'Engineering must look at the concentrator firmware');
    await waitFor(async () => expect(await db.drafts.get(draftKey('handoff', TICKET))).toBeDefined());
    up.unmount();
    await open(L2, () => {}, 'down');
    expect(field(/needs to do or know/).value).toBe('');
    expect(screen.getByLabelText('Send back to')).toHaveValue('L1');
  });

  test('a refused return opened from Needs attention comes back as a return, with the reason the server gave', async () => {
    await withL2();
    const args = { ticketId: TICKET, toTier: 'L1', trigger: 'belongs_to_lower_tier', handoffNote: RETURN_NOTE };
    await open(L2, () => {}, 'up', { id: 99, args });
    expect(screen.getByRole('dialog', { name: /^Send \S+ back to a lower tier$/ })).toBeInTheDocument();
    expect(screen.getByLabelText('Why (reason)')).toHaveValue('belongs_to_lower_tier');
    expect(field(/needs to do or know/).value).toBe(RETURN_NOTE.nextTierNeeds);
  });
});
