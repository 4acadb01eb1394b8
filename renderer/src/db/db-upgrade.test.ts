import { Dexie } from 'dexie';
import { afterEach, describe, expect, test } from 'vitest';
import { shippedSchema as shippedVersions } from '../test/shipped-schema';
import { makeTicket } from '../test/tickets';
import { TierdeskDb } from './db';
import { FACET } from './search-keys';
import { readLog } from './ticket-log';
import { fromRecord } from './ticket-record';

const T0 = Date.UTC(2026, 10, 24, 9, 0);
let name = '';

afterEach(async () => {
  await Dexie.delete(name);
});

/** A database as an older release left it, under a new name. */
function shippedSchema(last: 2 | 4 | 6): Dexie {
  name = `upgrade-${Math.random()}`;
  return shippedVersions(name, last);
}

describe('schema version 3', () => {
  test('adds search keys and risk instants to tickets stored by version 2', async () => {
    // A database as version 2 left it: records without the new fields.
    const old = shippedSchema(2);
    const ticket = makeTicket(7, { createdAt: T0, title: 'Printer jams' });
    await old.table('tickets').put({ ...fromRecord(ticket), open: 1, nextDueAt: ticket.nextDueAt, origin: 'server', pending: 0 });
    old.close();

    const db = new TierdeskDb(name);
    const found = await db.tickets.where('keys').equals('printer').toArray();
    expect(found.map((t) => t.number)).toEqual(['INC-000007']);
    expect(found[0]!.riskAt).toBe(ticket.riskAt);
    db.close();
  });
});

describe('schema version 5', () => {
  test('moves log entries stored one per record into one log per ticket, in log order, and drops the old table', async () => {
    const old = shippedSchema(4);
    const note = (id: string, ticketId: string, seq: number, pending: 0 | 1, body: string) => ({
      id,
      ticketId,
      seq,
      pending,
      event: { type: 'note_added', at: T0 + seq, by: 'agent-l1', role: 'l1_agent', noteId: id, body, visibility: 'internal', contact: null },
    });
    await old.table('events').bulkPut([
      note('b', 't-1', 2, 1, 'mine, not yet sent'),
      note('x', 't-2', 1, 0, 'other ticket'),
      note('a', 't-1', 1, 0, 'first'),
    ]);
    old.close();

    const db = new TierdeskDb(name);
    await db.open();
    const one = await readLog(db, 't-1');
    expect(one.map((e) => [e.id, e.seq, e.pending])).toEqual([
      ['a', 1, 0],
      ['b', 2, 1],
    ]);
    expect((await readLog(db, 't-2')).map((e) => e.id)).toEqual(['x']);
    expect(db.tables.map((t) => t.name)).not.toContain('events');
    db.close();
  });
});

describe('schema version 7', () => {
  test('moves tickets and logs stored one per record into buckets, empties the old stores, and reads them back with their indexes', async () => {
    const old = shippedSchema(6);
    // More than one step of the move, ids that end alike (one bucket) and not.
    const tickets = Array.from({ length: 5_200 }, (_, i) => makeTicket(i + 1, { createdAt: T0, title: i % 2 ? 'Printer jams' : 'VPN drops' }));
    // Stored before the requester facet: search keys without it. And one record this version cannot read.
    const withoutFacet = tickets.map((t) => ({ ...t, keys: t.keys.filter((k) => !k.startsWith('#r:')) }));
    const damaged = { ...withoutFacet[5_198]!, id: 'damaged-1', number: 'INC-DAMAGED', requester: null };
    await old.table('tickets').bulkPut([...withoutFacet, damaged]);
    await old.table('logs').bulkPut(
      tickets.slice(0, 300).map((t, i) => ({
        ticketId: t.id,
        events: [{ id: `e-${i}`, ticketId: t.id, seq: 1, pending: 0, event: { type: 'note_added', at: T0, by: 'agent-l1', role: 'l1_agent', noteId: `n-${i}`, body: 'x', visibility: 'internal', contact: null } }],
      })),
    );
    old.close();

    const db = new TierdeskDb(name);
    expect(await db.tickets.count()).toBe(5_201);
    expect(await db.tickets.where('keys').equals('printer').count()).toBe(2_600);
    // The search keys were worked out again on the way: every open ticket has its requester facet; the damaged one moved as stored.
    expect(withoutFacet.some((t) => t.keys.includes(FACET.requester('ava')))).toBe(false);
    expect(await db.tickets.where('keys').equals(FACET.requester('ava')).count()).toBe(await countOpen(tickets));
    expect(await db.tickets.get('damaged-1')).toEqual(damaged);
    expect((await db.tickets.get(tickets[4_321]!.id))?.number).toBe(tickets[4_321]!.number);
    expect((await readLog(db, tickets[17]!.id)).map((e) => e.id)).toEqual(['e-17']);
    expect(await db.logs.count()).toBe(300);
    // The old stores are empty; the heads were worked out from the records and written, so the next start reads heads only.
    const idb = db.backendDB();
    const count = (store: string) =>
      new Promise<number>((resolve) => {
        const request = idb.transaction(store, 'readonly').objectStore(store).count();
        request.onsuccess = () => resolve(request.result);
      });
    expect(await count('tickets')).toBe(0);
    expect(await count('logs')).toBe(0);
    await db.buckets.flushNow();
    expect(await db.table('ticketHeads').get(['\u0000dirty', ''])).toBeUndefined();
    db.close();
    const again = new TierdeskDb(name);
    // The damaged record too: it is open as stored.
    expect(await again.tickets.where('[open+nextDueAt]').between([1, -Infinity], [1, Infinity]).count()).toBe((await countOpen(tickets)) + 1);
    again.close();
  });
});

async function countOpen(tickets: ReadonlyArray<{ open: number }>): Promise<number> {
  return tickets.filter((t) => t.open === 1).length;
}
