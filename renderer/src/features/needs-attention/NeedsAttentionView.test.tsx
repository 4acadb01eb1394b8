import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { AgentWorkspace } from '../../app/AgentWorkspace';
import { useAppStore } from '../../app/store';
import { TierdeskDb, type NeedsAttentionRow } from '../../db/db';
import { makeTicket } from '../../test/tickets';
import { GROUPS, L1, Providers, fakeLayout } from '../../test/workspace-harness';

let db: TierdeskDb;
const NOW = Date.now();
const NOTE_TEXT = 'Customer confirmed the VPN drops only on the hotel Wi-Fi; sent the MTU guide.';

function refused(id: number, overrides: Partial<NeedsAttentionRow> = {}): NeedsAttentionRow {
  return {
    id,
    name: 'addWorkNote',
    args: { ticketId: 't-1', noteId: `note-${id}`, body: NOTE_TEXT, visibility: 'internal', contact: null },
    clientTime: NOW - 60_000,
    ticketId: 't-1',
    queuedAt: NOW - 60_000,
    code: 'forbidden',
    field: null,
    reason: 'INC-000001 belongs to network-ops; you can act only on tickets of your groups',
    refusedAt: NOW - 30_000,
    ...overrides,
  };
}

beforeEach(async () => {
  fakeLayout(vi);
  db = new TierdeskDb(`attention-${Math.random()}`);
  await db.groups.bulkPut(GROUPS);
  await db.tickets.put(makeTicket(1, { createdAt: NOW - 60_000 }));
  await db.needsAttention.put(refused(7));
  useAppStore.getState().setView('attention');
});
afterEach(async () => {
  vi.restoreAllMocks();
  db.close();
  await db.delete();
});

function show() {
  render(
    <Providers db={db} agent={L1}>
      <AgentWorkspace agent={L1} onSyncNow={() => {}} />
    </Providers>,
  );
}

describe('Needs attention', () => {
  test('lists a refused action with the reason and every word the agent typed', async () => {
    show();
    expect(await screen.findByRole('heading', { name: 'Work note on INC-000001' })).toBeInTheDocument();
    expect(screen.getByText(/Refused .*: INC-000001 belongs to network-ops/)).toBeInTheDocument();
    expect(screen.getByText(NOTE_TEXT)).toBeInTheDocument();
  });

  test('retries it as a new action and removes the refused one once that is queued', async () => {
    const user = userEvent.setup();
    show();
    await user.click(await screen.findByRole('button', { name: 'Retry Work note on INC-000001' }));
    await waitFor(async () => expect(await db.needsAttention.count()).toBe(0));
    const queued = await db.outbox.toArray();
    expect(queued.map((r) => [r.name, (r.args as { body: string }).body])).toEqual([['addWorkNote', NOTE_TEXT]]);
    expect(await screen.findByText(/Nothing needs your attention/)).toBeInTheDocument();
  });

  test('opens the note dialog with the refused text to edit, and sends the edit', async () => {
    const user = userEvent.setup();
    show();
    await user.click(await screen.findByRole('button', { name: 'Edit Work note on INC-000001' }));
    const note = await screen.findByLabelText('Note');
    expect(note).toHaveValue(NOTE_TEXT);
    await user.type(note, ' Will call back at 3pm.');
    await user.click(screen.getByRole('button', { name: 'Add note' }));
    await waitFor(async () => expect(await db.needsAttention.count()).toBe(0));
    expect(((await db.outbox.toArray())[0]!.args as { body: string }).body).toBe(`${NOTE_TEXT} Will call back at 3pm.`);
  });

  test('discards only after a second, explicit confirmation', async () => {
    const user = userEvent.setup();
    show();
    await user.click(await screen.findByRole('button', { name: 'Discard Work note on INC-000001' }));
    expect(await db.needsAttention.count()).toBe(1);
    await user.click(screen.getByRole('button', { name: 'Keep it' }));
    expect(await db.needsAttention.count()).toBe(1);
    await user.click(screen.getByRole('button', { name: 'Discard Work note on INC-000001' }));
    await user.click(screen.getByRole('button', { name: 'Discard Work note on INC-000001 for good' }));
    await waitFor(async () => expect(await db.needsAttention.count()).toBe(0));
  });
});
