import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { newTicket, TestClient } from '../testing/push-client';
import { runScript, type ScriptResult } from '../testing/run-script';
import { startTestServer, type TestServer } from '../testing/test-server';
import { checkStoredRecords, resyncRepaired } from './check-stored';
import type { DamagedRecordError } from './stored-record';

let server: TestServer;
let l1: TestClient;
let goodTicket: string;
let goodEvent: string;
let damagedEvent: string;

/** `npm run db:check` against this test server's database, as an operator runs it. */
const dbCheck = (...args: string[]): Promise<ScriptResult> =>
  runScript('server/repo/check-cli.ts', args, server.databaseUrl ? { DATABASE_URL: server.databaseUrl } : { TIERDESK_DATA_DIR: server.dataDir });

beforeAll(async () => {
  server = await startTestServer({ tickets: 0, damaged: () => undefined });
  l1 = new TestClient(server, await server.login('l1.agent@demo.test'));
  await l1.push(
    l1.entry('createTicket', newTicket('chk-ticket')),
    l1.entry('createTicket', newTicket('chk-log')),
    l1.entry('addWorkNote', { ticketId: 'chk-ticket', noteId: 'chk-note', body: 'Tried another charger', visibility: 'internal' }),
  );
  goodTicket = (await server.db.selectFrom('tickets').select('data').where('id', '=', 'chk-ticket').executeTakeFirstOrThrow()).data;
  const event = await server.db.selectFrom('ticket_events').select(['id', 'data']).where('ticket_id', '=', 'chk-log').orderBy('seq').executeTakeFirstOrThrow();
  damagedEvent = event.id;
  goodEvent = event.data;
  await server.db.updateTable('tickets').set({ data: goodTicket.replace('"title":', '"title":null,"x":') }).where('id', '=', 'chk-ticket').execute();
  await server.db.updateTable('ticket_events').set({ data: goodEvent.slice(0, 20) }).where('id', '=', damagedEvent).execute();
}, 60_000);
afterAll(() => server.close());

describe('checking stored records', () => {
  test('names every damaged row and its field, and counts what it read', async () => {
    const found: DamagedRecordError[] = [];
    const report = await checkStoredRecords(server.db, (error) => found.push(error));
    expect(found.map((e) => [e.table, e.id, e.field])).toEqual([
      ['tickets', 'chk-ticket', 'title'],
      ['ticket_events', damagedEvent, undefined],
    ]);
    expect(report.damaged).toBe(2);
    expect(report.checked.tickets).toBe(2);
    expect(report.checked.ticket_events).toBeGreaterThanOrEqual(3);
    expect(report.checked.kb_articles).toBeGreaterThan(0);
    expect(report.checked.audit_log).toBeGreaterThanOrEqual(3);
  });

  test('npm run db:check prints each damaged row and exits 1', async () => {
    const result = await dbCheck();
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('stored tickets row chk-ticket is damaged (title:');
    expect(result.stderr).toContain(`stored ticket_events row ${damagedEvent} is damaged (not JSON`);
    expect(result.stderr).toMatch(/2 damaged row\(s\) among 2 tickets/);
  }, 60_000);

  test('a repaired ticket is sent again with the log entries and trail pulls held back; a row still damaged is refused', async () => {
    const lead = new TestClient(server, await server.login('lead@demo.test'));
    const first = await lead.pullAll();
    expect(first.some((c) => c.kind === 'ticket' && c.value.id === 'chk-ticket')).toBe(false);
    expect(first.some((c) => c.kind === 'event' && c.value.ticketId === 'chk-ticket')).toBe(false);

    await expect(resyncRepaired(server.db, 'tickets', 'chk-ticket')).rejects.toThrow(/chk-ticket is damaged \(title:/);
    await server.db.updateTable('tickets').set({ data: goodTicket }).where('id', '=', 'chk-ticket').execute();
    const resync = await dbCheck('--resync', 'tickets:chk-ticket');
    expect(resync).toMatchObject({ code: 0 });

    const again = await lead.pullAll();
    expect(again.filter((c) => c.kind === 'ticket').map((c) => (c.kind === 'ticket' ? c.value.id : ''))).toEqual(['chk-ticket']);
    const events = again.flatMap((c) => (c.kind === 'event' ? [c.value.id] : []));
    expect(events).toHaveLength(2);
    expect(again.filter((c) => c.kind === 'audit').length).toBeGreaterThanOrEqual(2);
    // Works on it again: a note applies.
    const note = await l1.push(l1.entry('addWorkNote', { ticketId: 'chk-ticket', noteId: 'chk-note-2', body: 'Charger replaced', visibility: 'internal' }));
    expect(note.body.results?.[0]).toMatchObject({ status: 'applied' });
  }, 60_000);

  test('a repaired log entry is sent again on its own', async () => {
    const lead = new TestClient(server, await server.login('lead@demo.test'));
    await lead.pullAll();
    await server.db.updateTable('ticket_events').set({ data: goodEvent }).where('id', '=', damagedEvent).execute();
    await resyncRepaired(server.db, 'ticket_events', damagedEvent);
    const again = await lead.pullAll();
    expect(again.map((c) => (c.kind === 'event' ? c.value.id : c.kind))).toEqual([damagedEvent]);
    expect((await dbCheck()).code).toBe(0);
  }, 60_000);
});
