import { Dexie } from 'dexie';
import { afterEach, describe, expect, test } from 'vitest';
import { makeTicket } from '../test/tickets';
import { TierdeskDb } from './db';
import { fromRecord } from './ticket-record';

const T0 = Date.UTC(2026, 10, 24, 9, 0);
let name = '';

afterEach(async () => {
  await Dexie.delete(name);
});

describe('schema version 3', () => {
  test('adds search keys and risk instants to tickets stored by version 2', async () => {
    name = `upgrade-${Math.random()}`;
    // A database as version 2 left it: records without the new fields.
    const old = new Dexie(name);
    old.version(1).stores({ tickets: 'id, &number, [open+nextDueAt], [open+group+nextDueAt], [open+assignee+nextDueAt], updatedAt', syncState: 'key', session: 'key' });
    old.version(2).stores({ serverTickets: 'id', events: 'id, [ticketId+seq]', kb: 'id, category, updatedAt', agents: 'id', groups: 'id', outbox: 'id, ticketId', needsAttention: 'id, ticketId, refusedAt', drafts: 'key, ticketId' });
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
