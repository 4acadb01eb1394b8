import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { Agent } from '../../../shared/model/agent';
import { TierdeskDb } from '../db/db';
import { readLog } from '../db/ticket-log';
import { makeTicket } from '../test/tickets';
import { MutationInputError, MutationRefusedError, mutate } from './mutate';
import { discardRefused, exportOutbox, retryRefused } from './needs-attention';
import { StorageError } from './storage-errors';
import { requestPersistence } from './storage-persistence';

const me: Agent = { id: 'agent-l1', email: 'l1.agent@demo.test', name: 'Alex', role: 'l1_agent', tier: 'L1', groups: ['service-desk'] };
let db: TierdeskDb;

beforeEach(async () => {
  db = new TierdeskDb(`mutate-${Math.random()}`);
  await db.groups.bulkPut([{ id: 'service-desk', name: 'Service Desk', tier: 'L1', categories: ['network'] }]);
  await db.tickets.put(makeTicket(1, { createdAt: Date.now() - 60_000 }));
});
afterEach(async () => {
  vi.restoreAllMocks();
  db.close();
  await db.delete();
});

const note = (body: string) => ({ ticketId: 't-1', noteId: crypto.randomUUID(), body, visibility: 'internal' as const });

describe('mutate', () => {
  test('writes the outbox row and the optimistic change together, with increasing ids', async () => {
    const first = await mutate(db, me, 'addWorkNote', note('first'));
    const second = await mutate(db, me, 'addWorkNote', note('second'));
    expect([first.mutationId, second.mutationId]).toEqual([1, 2]);
    expect((await db.outbox.toArray()).map((r) => r.name)).toEqual(['addWorkNote', 'addWorkNote']);
    expect(await db.tickets.get('t-1')).toMatchObject({ pending: 2 });
    expect(await db.serverTickets.get('t-1')).toMatchObject({ id: 't-1', version: 1 });
    const events = await readLog(db, 't-1');
    expect(events.map((e) => e.pending)).toEqual([1, 1]);
  });

  test('refuses bad input and rule violations without writing anything', async () => {
    await expect(mutate(db, me, 'addWorkNote', { ...note(''), body: '' })).rejects.toBeInstanceOf(MutationInputError);
    await expect(mutate(db, me, 'resumeClock', { ticketId: 't-1', clock: 'resolution' })).rejects.toBeInstanceOf(MutationRefusedError);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.tickets.get('t-1')).toMatchObject({ pending: 0 });
  });

  test('a full disk aborts the whole action with a clear message and leaves what was stored intact', async () => {
    await mutate(db, me, 'addWorkNote', note('kept'));
    vi.spyOn(db.outbox, 'add').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const error = await mutate(db, me, 'addWorkNote', note('lost to the full disk')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageError);
    expect((error as StorageError).kind).toBe('quota');
    expect((error as Error).message).toMatch(/NOT saved.*still in the form/);
    expect((await db.outbox.toArray()).map((r) => (r.args as { body: string }).body)).toEqual(['kept']);
    expect(await db.tickets.get('t-1')).toMatchObject({ pending: 1 });
    expect((await readLog(db, 't-1')).map((e) => (e.event as { body?: string }).body)).toEqual(['kept']);
  });
});

describe('needs attention', () => {
  test('retry queues the edited action as a new mutation; discard drops only that row', async () => {
    await db.needsAttention.bulkPut([
      { id: 7, name: 'addWorkNote', args: note('refused once'), clientTime: 1, ticketId: 't-1', queuedAt: 1, code: 'forbidden', field: null, reason: 'x', refusedAt: 2 },
      { id: 8, name: 'addWorkNote', args: note('drop me'), clientTime: 1, ticketId: 't-1', queuedAt: 1, code: 'forbidden', field: null, reason: 'x', refusedAt: 2 },
    ]);
    await retryRefused(db, me, 7, { ...note('edited and retried') });
    expect((await db.outbox.toArray()).map((r) => (r.args as { body: string }).body)).toEqual(['edited and retried']);
    await discardRefused(db, 8);
    expect(await db.needsAttention.count()).toBe(0);
  });

  test('exports pending and refused work as JSON', async () => {
    await mutate(db, me, 'addWorkNote', note('not yet synced'));
    const exported = JSON.parse(await exportOutbox(db, new Date('2026-11-24T12:00:00Z'))) as { pending: Array<{ args: { body: string } }>; exportedAt: string };
    expect(exported).toMatchObject({ format: 'tierdesk-outbox', exportedAt: '2026-11-24T12:00:00.000Z' });
    expect(exported.pending.map((p) => p.args.body)).toEqual(['not yet synced']);
  });
});

describe('requestPersistence', () => {
  test('reports what the browser answered', async () => {
    const storage = (persisted: boolean, granted: boolean) =>
      ({ persisted: async () => persisted, persist: async () => granted }) as unknown as StorageManager;
    expect(await requestPersistence(storage(true, false))).toBe('persisted');
    expect(await requestPersistence(storage(false, true))).toBe('persisted');
    expect(await requestPersistence(storage(false, false))).toBe('not_persisted');
    expect(await requestPersistence({} as StorageManager)).toBe('unsupported');
  });
});
