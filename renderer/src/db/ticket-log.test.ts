import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { TierdeskDb, type EventRow } from './db';
import { appendToLogs, countLogEntries, decodeLog, mergeLog, readLog, writeLog } from './ticket-log';

const entry = (id: string, ticketId: string, seq: number, pending: 0 | 1 = 0, body = id): EventRow => ({
  id,
  ticketId,
  seq,
  pending,
  event: { type: 'note_added', at: 1_000 + seq, by: 'agent-l1', role: 'l1_agent', noteId: id, body, visibility: 'internal', contact: null },
});

describe('mergeLog', () => {
  test('keeps log order by seq, then id, whatever order entries arrive in', () => {
    const merged = mergeLog([entry('c', 't', 3)], [entry('b', 't', 2), entry('a2', 't', 1), entry('a1', 't', 1)]);
    expect(merged.map((e) => e.id)).toEqual(['a1', 'a2', 'b', 'c']);
  });

  test("the server's copy of an entry replaces my optimistic one with the same id", () => {
    const mine = entry('c1:7:0', 't', 4, 1, 'typed offline');
    const server = { ...entry('c1:7:0', 't', 5, 0, 'typed offline') };
    const merged = mergeLog([entry('s', 't', 4), mine], [server]);
    expect(merged.map((e) => [e.id, e.seq, e.pending])).toEqual([
      ['s', 4, 0],
      ['c1:7:0', 5, 0],
    ]);
  });

  test('of duplicate ids arriving together the last wins', () => {
    expect(mergeLog([], [entry('a', 't', 1, 1), entry('a', 't', 1, 0)]).map((e) => e.pending)).toEqual([0]);
  });
});

describe('logs in IndexedDB', () => {
  let db: TierdeskDb;
  afterEach(async () => {
    db.close();
    await Dexie.delete(db.name);
  });

  test('appending groups entries per ticket and merges them into what is stored', async () => {
    db = new TierdeskDb(`logs-${Math.random()}`);
    await appendToLogs(db, [entry('a', 't-1', 1), entry('x', 't-2', 1)]);
    await appendToLogs(db, [entry('b', 't-1', 2, 1), entry('y', 't-2', 2)]);
    await appendToLogs(db, [entry('b', 't-1', 2, 0)]);
    expect((await readLog(db, 't-1')).map((e) => [e.id, e.pending])).toEqual([
      ['a', 0],
      ['b', 0],
    ]);
    expect((await readLog(db, 't-2')).map((e) => e.id)).toEqual(['x', 'y']);
    expect(await db.logs.count()).toBe(2);
    expect(await countLogEntries(db)).toBe(4);
  });

  test('writing an empty log removes the record; an unknown ticket reads as an empty log', async () => {
    db = new TierdeskDb(`logs-${Math.random()}`);
    await writeLog(db, 't-1', [entry('b', 't-1', 2), entry('a', 't-1', 1)]);
    expect((await readLog(db, 't-1')).map((e) => e.id)).toEqual(['a', 'b']);
    await writeLog(db, 't-1', []);
    expect(await db.logs.get('t-1')).toBeUndefined();
    expect(await readLog(db, 'nope')).toEqual([]);
  });
});

describe('a log that came whole as text (a snapshot)', () => {
  let db: TierdeskDb;
  afterEach(async () => {
    if (!db) return;
    db.close();
    await Dexie.delete(db.name);
  });

  const text = (...rows: EventRow[]) => JSON.stringify(rows.map(({ pending: _pending, ...stored }) => stored));

  test('is read as its entries, checked, merged with entries added since (by id), in log order', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const stored = {
      ticketId: 't',
      // An entry this version cannot read (a seq of 0), and one of another ticket: both left out, and said.
      entries: JSON.stringify([...JSON.parse(text(entry('a', 't', 1), entry('b', 't', 2, 0, 'old'))), { ...entry('x', 't', 0), pending: undefined }, { ...entry('y', 'other', 3), pending: undefined }]),
      events: [entry('b', 't', 2, 0, 'new'), entry('mine', 't', 3, 1)],
    };
    const log = decodeLog(stored);
    expect(log.events.map((e) => [e.id, e.pending, (e.event as { body: string }).body])).toEqual([
      ['a', 0, 'a'],
      ['b', 0, 'new'],
      ['mine', 1, 'mine'],
    ]);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('2 entries this version cannot read left out'));
    // New objects each read: the stored value is not shared with callers.
    expect(decodeLog(stored).events[2]).not.toBe(stored.events[1]);
    warn.mockRestore();
  });

  test('stored in the database, reads back through readLog and takes new entries like any log', async () => {
    db = new TierdeskDb(`log-text-${Math.random()}`);
    await db.logs.put({ ticketId: 't', events: [], entries: text(entry('a', 't', 1), entry('b', 't', 2)) } as never);
    expect((await readLog(db, 't')).map((e) => e.id)).toEqual(['a', 'b']);
    await db.transaction('rw', db.logs, () => appendToLogs(db, [entry('c', 't', 3), entry('b', 't', 2, 0, 'again')]));
    expect((await readLog(db, 't')).map((e) => [e.id, (e.event as { body: string }).body])).toEqual([
      ['a', 'a'],
      ['b', 'again'],
      ['c', 'c'],
    ]);
    expect(await countLogEntries(db)).toBe(3);
  });

  test('whose text is not JSON reads as the entries added since, and says so', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(decodeLog({ ticketId: 't', entries: '[{"id": "cut off', events: [entry('c', 't', 3)] }).events.map((e) => e.id)).toEqual(['c']);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('not JSON'), expect.anything());
    warn.mockRestore();
  });
});
