import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseSnapshotPage } from '../../shared/sync/pull';
import type { DamagedRecordError } from '../repo/stored-record';
import { newTicket, TestClient } from '../testing/push-client';
import { startTestServer, type TestServer } from '../testing/test-server';

// One bad row (a hand edit, a bad restore) must not stop every client's sync
// or jam an agent's queue: reads of many rows skip it and report it, a
// mutation on it is refused with everything the agent sent kept, and a read
// of that one ticket answers 500 naming the row and the field.

let server: TestServer;
let l1: TestClient;
const reported: DamagedRecordError[] = [];
let damagedEventId: string;
let damagedAuditSeq: number;

beforeAll(async () => {
  server = await startTestServer({ tickets: 0, damaged: (error) => reported.push(error) });
  l1 = new TestClient(server, await server.login('l1.agent@demo.test'));
  const created = await l1.push(
    l1.entry('createTicket', newTicket('dmg-ticket')),
    l1.entry('createTicket', newTicket('dmg-log')),
    l1.entry('createTicket', newTicket('dmg-audit')),
    // A second log entry and audit entry each, so the healthy rest of a damaged ticket's log and trail can be seen to arrive.
    l1.entry('addWorkNote', { ticketId: 'dmg-log', noteId: 'dmg-log-note', body: 'Asked the requester for the charger model', visibility: 'internal' }),
    l1.entry('addWorkNote', { ticketId: 'dmg-audit', noteId: 'dmg-audit-note', body: 'Asked the requester for the charger model', visibility: 'internal' }),
  );
  expect(created.body.results?.map((r) => r.status)).toEqual(['applied', 'applied', 'applied', 'applied', 'applied']);

  const ticket = await server.db.selectFrom('tickets').select('data').where('id', '=', 'dmg-ticket').executeTakeFirstOrThrow();
  await server.db
    .updateTable('tickets')
    .set({ data: JSON.stringify({ ...(JSON.parse(ticket.data) as object), priority: 'P9' }) })
    .where('id', '=', 'dmg-ticket')
    .execute();
  const event = await server.db.selectFrom('ticket_events').select('id').where('ticket_id', '=', 'dmg-log').orderBy('seq').executeTakeFirstOrThrow();
  damagedEventId = event.id;
  await server.db.updateTable('ticket_events').set({ data: '{"id": "cut off' }).where('id', '=', damagedEventId).execute();
  const audit = await server.db.selectFrom('audit_log').select('seq').where('entity_id', '=', 'dmg-audit').orderBy('seq').executeTakeFirstOrThrow();
  damagedAuditSeq = Number(audit.seq);
  await server.db.updateTable('audit_log').set({ data: 'not json' }).where('seq', '=', damagedAuditSeq).execute();
});
afterAll(() => server.close());

describe('damaged stored records', () => {
  test('a pull skips each damaged row, reports it by table, id and field, and serves everything else', async () => {
    reported.length = 0;
    const reader = new TestClient(server, await server.login('lead@demo.test'));
    const changes = await reader.pullAll();

    const tickets = changes.flatMap((c) => (c.kind === 'ticket' ? [c.value.id] : []));
    expect(tickets).toEqual(expect.arrayContaining(['dmg-log', 'dmg-audit']));
    expect(tickets).not.toContain('dmg-ticket');
    const events = changes.flatMap((c) => (c.kind === 'event' ? [c.value] : []));
    expect(events.map((e) => e.id)).not.toContain(damagedEventId);
    expect(events.filter((e) => e.ticketId === 'dmg-log').length).toBeGreaterThan(0);
    // Entries of a ticket the page could not read are held back with it (the client could not place them).
    expect(events.filter((e) => e.ticketId === 'dmg-ticket')).toEqual([]);
    const audit = changes.flatMap((c) => (c.kind === 'audit' ? [c.value] : []));
    expect(audit.map((a) => a.seq)).not.toContain(damagedAuditSeq);
    expect(audit.filter((a) => a.ticketId === 'dmg-audit').length).toBeGreaterThan(0);

    const named = reported.map((e) => ({ table: e.table, id: e.id, field: e.field }));
    expect(named).toEqual(
      expect.arrayContaining([
        { table: 'tickets', id: 'dmg-ticket', field: 'priority' },
        { table: 'ticket_events', id: damagedEventId, field: undefined },
        { table: 'audit_log', id: String(damagedAuditSeq), field: undefined },
      ]),
    );
    expect(reported.find((e) => e.table === 'ticket_events')?.message).toMatch(/not JSON/);
  });

  test('a snapshot skips each damaged row the same way, reports it, and serves everything else', async () => {
    reported.length = 0;
    const res = await fetch(`${server.url}/v1/pull/snapshot?limit=2000`, { headers: { authorization: `Bearer ${await server.login('lead@demo.test')}` } });
    expect(res.status).toBe(200);
    const { page, invalid } = parseSnapshotPage(await res.json());
    expect(invalid).toEqual([]);
    const tickets = page.changes.flatMap((c) => (c.kind === 'ticket' ? [c.value.id] : []));
    expect(tickets).toEqual(['dmg-audit', 'dmg-log']);
    const events = page.changes.flatMap((c) => (c.kind === 'log' ? (JSON.parse(c.entries) as Array<{ id: string; ticketId: string }>) : []));
    expect(events.map((e) => e.id)).not.toContain(damagedEventId);
    expect(events.filter((e) => e.ticketId === 'dmg-log').length).toBeGreaterThan(0);
    expect(events.filter((e) => e.ticketId === 'dmg-ticket')).toEqual([]);
    const audit = page.changes.flatMap((c) => (c.kind === 'audit' ? [c.value] : []));
    expect(audit.map((a) => a.seq)).not.toContain(damagedAuditSeq);
    expect(audit.filter((a) => a.ticketId === 'dmg-audit').length).toBeGreaterThan(0);
    expect(reported.map((e) => ({ table: e.table, id: e.id, field: e.field }))).toEqual(
      expect.arrayContaining([
        { table: 'tickets', id: 'dmg-ticket', field: 'priority' },
        { table: 'ticket_events', id: damagedEventId, field: undefined },
        { table: 'audit_log', id: String(damagedAuditSeq), field: undefined },
      ]),
    );
  });

  test('a mutation on a damaged ticket or log is refused naming the row; the rest of the push applies and the queue moves on', async () => {
    const agent = new TestClient(server, await server.login('l1.agent@demo.test'));
    const note = (ticketId: string, i: number) => agent.entry('addWorkNote', { ticketId, noteId: `dmg-note-${i}`, body: `Checked the charger, attempt ${i}`, visibility: 'internal' });
    const res = await agent.push(note('dmg-ticket', 1), note('dmg-log', 2), note('dmg-audit', 3));
    expect(res.status).toBe(200);
    expect(res.body.lastMutationId).toBe(3);
    const [onTicket, onLog, healthy] = res.body.results!;
    expect(onTicket).toMatchObject({ id: 1, status: 'refused', code: 'damaged_record', field: 'priority' });
    expect(onTicket!.reason).toMatch(/tickets row dmg-ticket is damaged/);
    expect(onLog).toMatchObject({ id: 2, status: 'refused', code: 'damaged_record' });
    expect(onLog!.reason).toContain(`ticket_events row ${damagedEventId}`);
    expect(healthy).toMatchObject({ id: 3, status: 'applied' });

    // The refusals reach the client like any other, so what was typed lands in Needs attention.
    const refused = (await agent.pullAll()).flatMap((c) => (c.kind === 'refused' ? [c.value] : []));
    expect(refused.map((r) => [r.mutationId, r.code])).toEqual([
      [1, 'damaged_record'],
      [2, 'damaged_record'],
    ]);
    const stored = await server.db.selectFrom('refused_mutations').select(['mutation_id', 'args']).where('client_id', '=', agent.clientId).orderBy('mutation_id').execute();
    expect(JSON.parse(stored[0]!.args)).toMatchObject({ body: 'Checked the charger, attempt 1' });
  });

  test('reading the one damaged ticket answers 500 damaged_record naming the field', async () => {
    const token = await server.login('lead@demo.test');
    const get = (id: string) => fetch(`${server.url}/v1/tickets/${id}`, { headers: { authorization: `Bearer ${token}` } });
    const broken = await get('dmg-ticket');
    expect(broken.status).toBe(500);
    expect(await broken.json()).toMatchObject({ error: 'damaged_record', field: 'priority' });
    const brokenLog = await get('dmg-log');
    expect(brokenLog.status).toBe(500);
    expect(await brokenLog.json()).toMatchObject({ error: 'damaged_record', message: expect.stringContaining(damagedEventId) });
    expect((await get('dmg-audit')).status).toBe(200);
  });
});
