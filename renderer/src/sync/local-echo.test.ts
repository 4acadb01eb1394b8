import { renderHook, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { Agent } from '../../../shared/model/agent';
import { TierdeskDb } from '../db/db';
import type { TicketRecord } from '../db/ticket-record';
import { useTicketWindow } from '../features/queue/use-ticket-window';
import { makeTicket } from '../test/tickets';
import { commitEcho, dropEcho, echoed, publishEcho, subscribeEchoes } from './local-echo';
import { mutate } from './mutate';

const me: Agent = { id: 'agent-l1', email: 'l1.agent@demo.test', name: 'Alex', role: 'l1_agent', tier: 'L1', groups: ['service-desk'] };
const stored = makeTicket(1, { createdAt: Date.now() - 60_000 });
const edited = (title: string): TicketRecord => ({ ...stored, title, version: stored.version + 1 });

describe('the local echo of my own writes', () => {
  test('shows the new record to reads that began before its commit, and the stored one to reads after', () => {
    const echo = edited('Echoed');
    publishEcho(echo);
    expect(echoed(stored.id, stored, 10)).toBe(echo);
    commitEcho(echo, 100);
    expect(echoed(stored.id, stored, 99)).toBe(echo);
    expect(echoed(stored.id, stored, 100)).toBe(stored);
  });

  test('a read that already has the write shows it from IndexedDB, however early it began', () => {
    const echo = edited('Stored already');
    publishEcho(echo);
    const read = { ...echo };
    expect(echoed(stored.id, read, 0)).toBe(read);
    dropEcho(echo);
  });

  test('a failed write is un-echoed at once, and tells the rows', () => {
    const listener = vi.fn();
    const unsubscribe = subscribeEchoes(listener);
    const echo = edited('Never kept');
    publishEcho(echo);
    dropEcho(echo);
    expect(echoed(stored.id, stored, 0)).toBe(stored);
    expect(listener).toHaveBeenCalledTimes(2);
    unsubscribe();
  });

  test('a newer echo of the same ticket is not dropped by an older write finishing', () => {
    const older = edited('Older');
    const newer = edited('Newer');
    publishEcho(older);
    publishEcho(newer);
    dropEcho(older);
    expect(echoed(stored.id, stored, 0)).toBe(newer);
    dropEcho(newer);
  });
});

describe('mutate and the echo', () => {
  let db: TierdeskDb;
  beforeEach(async () => {
    db = new TierdeskDb(`echo-${Math.random()}`);
    await db.groups.bulkPut([{ id: 'service-desk', name: 'Service Desk', tier: 'L1', categories: ['network'] }]);
    await db.tickets.put(stored);
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    db.close();
    await db.delete();
  });

  test('the visible rows show a write before IndexedDB has committed it, then read IndexedDB again', async () => {
    const { result } = renderHook(() => useTicketWindow(db, [stored.id], 0, 0));
    await waitFor(() => expect(result.current.get(stored.id)?.title).toBe(stored.title));
    // Hold the commit: the transaction stays busy (reads in a loop) until released, as a slow disk would.
    let released = false;
    const release = () => (released = true);
    const put = db.tickets.put.bind(db.tickets);
    const slowPut = async (record: TicketRecord, key?: string) => {
      const out = await put(record, key);
      while (!released) await db.tickets.get(stored.id);
      return out;
    };
    vi.spyOn(db.tickets, 'put').mockImplementation(slowPut as unknown as typeof db.tickets.put);
    const write = mutate(db, me, 'updateFields', { ticketId: stored.id, baseVersion: stored.version, fields: { title: 'Edited while committing' } });
    let committed = false;
    void write.then(() => (committed = true));
    await waitFor(() => expect(result.current.get(stored.id)?.title).toBe('Edited while committing'));
    expect(committed).toBe(false);
    release();
    await write;
    expect(await db.outbox.count()).toBe(1);
    await waitFor(() => expect(result.current.get(stored.id)).toMatchObject({ title: 'Edited while committing', pending: 1 }));
  });

  test('a write that fails to store takes its echo back: the row shows what is stored', async () => {
    const { result } = renderHook(() => useTicketWindow(db, [stored.id], 0, 0));
    await waitFor(() => expect(result.current.get(stored.id)?.title).toBe(stored.title));
    let echoSeen = false;
    const failingAdd = async () => {
      // Let the echo reach the row first (the transaction kept busy meanwhile), then fail like a full disk.
      while (!echoSeen) await db.tickets.get(stored.id);
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    vi.spyOn(db.outbox, 'add').mockImplementation(failingAdd as unknown as typeof db.outbox.add);
    const write = mutate(db, me, 'updateFields', { ticketId: stored.id, baseVersion: stored.version, fields: { title: 'Lost to the full disk' } });
    await waitFor(() => expect(result.current.get(stored.id)?.title).toBe('Lost to the full disk'));
    echoSeen = true;
    await expect(write).rejects.toThrow(/NOT saved/);
    await waitFor(() => expect(result.current.get(stored.id)?.title).toBe(stored.title));
    expect(await db.tickets.get(stored.id)).toMatchObject({ title: stored.title, pending: 0 });
  });
});
