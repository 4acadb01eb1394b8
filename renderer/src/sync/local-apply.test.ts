import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { Agent } from '../../../shared/model/agent';
import { NEW_TICKET } from '../../../shared/mutations/testing/harness';
import { TierdeskDb } from '../db/db';
import { readLog } from '../db/ticket-log';
import { makeTicket } from '../test/tickets';
import { rebaseTicket, settleTickets } from './local-apply';
import { mutate } from './mutate';
import { readClientState } from './sync-state';

const me: Agent = { id: 'agent-l1', email: 'l1.agent@demo.test', name: 'Alex', role: 'l1_agent', tier: 'L1', groups: ['service-desk'] };
const note = (body: string) => ({ ticketId: 't-1', noteId: crypto.randomUUID(), body, visibility: 'internal' as const });
let db: TierdeskDb;

beforeEach(async () => {
  db = new TierdeskDb(`local-apply-${Math.random()}`);
  await db.groups.bulkPut([{ id: 'service-desk', name: 'Service Desk', tier: 'L1', categories: ['network'] }]);
  await db.tickets.put(makeTicket(1, { createdAt: Date.now() - 60_000 }));
});
afterEach(async () => {
  db.close();
  await db.delete();
});

/** The server has answered these mutations (applied or refused): their outbox rows go, as a pull does. */
const answered = (...ids: number[]) => db.outbox.bulkDelete(ids);

describe('settleTickets', () => {
  test("tickets with nothing pending show the server's copy again, without optimistic entries; one created here and refused disappears", async () => {
    await mutate(db, me, 'addWorkNote', note('first'));
    await mutate(db, me, 'addWorkNote', note('second'));
    await mutate(db, me, 'createTicket', { ...NEW_TICKET, ticketId: 'made-offline' });
    expect(await db.tickets.get('t-1')).toMatchObject({ pending: 2 });
    expect((await readLog(db, 't-1')).map((e) => e.pending)).toEqual([1, 1]);
    expect(await db.tickets.get('made-offline')).toMatchObject({ origin: 'local', pending: 1 });

    await answered(1, 2, 3);
    await settleTickets(db, ['t-1', 'made-offline']);

    expect(await db.tickets.get('t-1')).toMatchObject({ pending: 0, version: 1, origin: 'server' });
    expect(await db.serverTickets.count()).toBe(0);
    expect(await readLog(db, 't-1')).toEqual([]);
    expect(await db.tickets.get('made-offline')).toBeUndefined();
    expect(await db.logs.get('made-offline')).toBeUndefined();
  });

  test("keeps the server's entries of a settled ticket", async () => {
    await mutate(db, me, 'addWorkNote', note('mine'));
    const [optimistic] = await readLog(db, 't-1');
    // The server's copy of my note arrived (same id, now confirmed) beside another agent's note.
    await db.logs.put({ ticketId: 't-1', events: [{ ...optimistic!, pending: 0 }, { ...optimistic!, id: 'other:1:0', seq: 2, pending: 0 }] });
    await answered(1);
    await settleTickets(db, ['t-1']);
    expect((await readLog(db, 't-1')).map((e) => [e.id, e.pending])).toEqual([
      [optimistic!.id, 0],
      ['other:1:0', 0],
    ]);
  });
});

describe('rebaseTicket', () => {
  test('re-applies what is still pending on the server copy; what was answered leaves the view and the log', async () => {
    await mutate(db, me, 'addWorkNote', note('answered'));
    await mutate(db, me, 'addWorkNote', note('still pending'));
    await answered(1);
    await rebaseTicket(db, 't-1', me, (await readClientState(db)).clientId);
    expect(await db.tickets.get('t-1')).toMatchObject({ pending: 1 });
    const log = await readLog(db, 't-1');
    expect(log.map((e) => [(e.event as { body?: string }).body, e.pending])).toEqual([['still pending', 1]]);
  });
});
