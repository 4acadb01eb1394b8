import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { verifyAuditChain } from '../audit/audit-log';
import { newTicket, TestClient } from '../testing/push-client';
import { startTestServer, type TestServer } from '../testing/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ tickets: 10 });
});
afterAll(() => server.close());

async function l1Client() {
  return new TestClient(server, await server.login('l1.agent@demo.test'));
}

const noteCount = async (ticketId: string) =>
  (await server.db.selectFrom('ticket_events').select('id').where('ticket_id', '=', ticketId).where('type', '=', 'note_added').execute()).length;

describe('POST /v1/push', () => {
  test('returns 401 without a token', async () => {
    const res = await fetch(`${server.url}/v1/push`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(res.status).toBe(401);
  });

  test('applies mutations in order and numbers the new ticket', async () => {
    const client = await l1Client();
    const { status, body } = await client.push(
      client.entry('createTicket', newTicket('push-t1')),
      client.entry('acceptTicket', { ticketId: 'push-t1' }),
      client.entry('addWorkNote', { ticketId: 'push-t1', noteId: 'push-n1', body: 'Tried another charger.', visibility: 'internal' }),
    );
    expect(status).toBe(200);
    expect(body.lastMutationId).toBe(3);
    expect(body.results!.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);
    const row = await server.db.selectFrom('tickets').selectAll().where('id', '=', 'push-t1').executeTakeFirstOrThrow();
    expect(row.number).toMatch(/^INC-\d{6}$/);
    expect(row).toMatchObject({ assignee_id: 'agent-l1', status: 'in_progress' });
    const changes = await client.pullAll();
    expect(changes.lastMutationId).toBe(3);
    expect(changes.some((c) => c.kind === 'ticket' && c.value.id === 'push-t1' && c.value.number === row.number)).toBe(true);
  });

  test('ignores a mutation id it has already applied', async () => {
    const client = await l1Client();
    const create = client.entry('createTicket', newTicket('push-t2'));
    const note = client.entry('addWorkNote', { ticketId: 'push-t2', noteId: 'dup-n1', body: 'Only once.', visibility: 'internal' });
    await client.push(create, note);
    const again = await client.push(create, note);
    expect(again.status).toBe(200);
    expect(again.body.results!.map((r) => r.status)).toEqual(['duplicate', 'duplicate']);
    expect(await noteCount('push-t2')).toBe(1);
  });

  test('refuses a gap with 409 and writes nothing', async () => {
    const client = await l1Client();
    await client.push(client.entry('createTicket', newTicket('push-t3')));
    const skipped = client.entry('addWorkNote', { ticketId: 'push-t3', noteId: 'gap-n1', body: 'Skipped ahead.', visibility: 'internal' }, 5);
    const res = await client.push(skipped);
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ error: 'mutation_gap', field: 'mutations[0].id' });
    expect(await noteCount('push-t3')).toBe(0);
  });

  test('records a refused mutation with its reason, advances the id, and tells only that client', async () => {
    const client = await l1Client();
    await client.pullAll();
    await client.push(client.entry('createTicket', newTicket('push-t4')));
    const res = await client.push(client.entry('resolve', { ticketId: 'push-t4', resolution: 'Replaced the charger.' }));
    expect(res.body.results![0]).toMatchObject({ status: 'refused', code: 'forbidden' });
    expect(res.body.lastMutationId).toBe(2);
    const next = await client.push(client.entry('acceptTicket', { ticketId: 'push-t4' }));
    expect(next.body.results![0]!.status).toBe('applied');
    const changes = await client.pullAll();
    const refused = changes.filter((c) => c.kind === 'refused');
    expect(refused).toEqual([{ kind: 'refused', value: expect.objectContaining({ mutationId: 2, name: 'resolve', code: 'forbidden' }) }]);

    const other = new TestClient(server, client.token);
    expect((await other.pullAll()).some((c) => c.kind === 'refused')).toBe(false);
  });

  test('refuses a client id that belongs to another agent', async () => {
    const client = await l1Client();
    await client.push(client.entry('createTicket', newTicket('push-t5')));
    const thief = new TestClient(server, await server.login('l2.engineer@demo.test'), client.clientId);
    const res = await thief.push(thief.entry('acceptTicket', { ticketId: 'push-t5' }, 2));
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ field: 'clientId' });
  });

  test('queues the requester notification on a handoff and audits every step in an intact chain', async () => {
    const client = await l1Client();
    await client.push(
      client.entry('createTicket', newTicket('push-t6')),
      client.entry('acceptTicket', { ticketId: 'push-t6' }),
      client.entry('escalateFunctional', {
        ticketId: 'push-t6',
        toTier: 'L2',
        handoffNote: {
          steps: [{ action: 'Tried two known-good chargers', outcome: 'Neither charges the laptop' }],
          businessImpact: 'Ava cannot work away from her desk',
          workaround: 'Using a loan laptop for meetings',
          involved: ['Alex Rivera (service desk)'],
          nextTierNeeds: 'Hardware diagnosis of the charging port or the battery',
          kbArticlesChecked: ['kb-hardware-1'],
          category: 'hardware',
          priority: 'P3',
        },
      }),
    );
    const notes = await server.db.selectFrom('notifications').selectAll().where('ticket_id', '=', 'push-t6').execute();
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ recipient: 'ava.adams@example.com', status: 'queued' });
    expect(notes[0]!.subject).toMatch(/escalated to Technical support/);
    const audit = await server.db.selectFrom('audit_log').select('action').where('entity_id', '=', 'push-t6').execute();
    expect(audit.map((a) => a.action)).toEqual(['ticket.created', 'ticket.accepted', 'ticket.escalated_functional']);
    expect(await verifyAuditChain(server.db)).toMatchObject({ ok: true });
    // The trail syncs to clients that can see the ticket, as summaries with their chain hashes.
    const trail = (await client.pullAll()).flatMap((c) => (c.kind === 'audit' && c.value.ticketId === 'push-t6' ? [c.value] : []));
    expect(trail.map((e) => e.action)).toEqual(['ticket.created', 'ticket.accepted', 'ticket.escalated_functional']);
    expect(trail[2]).toMatchObject({ actorId: 'agent-l1', reason: expect.stringMatching(/Troubleshooting exhausted/), hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const vendor = new TestClient(server, await server.login('vendor.liaison@demo.test'));
    expect((await vendor.pullAll()).some((c) => c.kind === 'audit' && c.value.ticketId === 'push-t6')).toBe(false);
  });

  test('dates an offline action by when it was done, within what is plausible', async () => {
    const client = await l1Client();
    const t = server.clock.now;
    await client.push(client.entry('createTicket', newTicket('push-t7'), 1, t - 3 * 3600_000));
    await client.push(client.entry('addWorkNote', { ticketId: 'push-t7', noteId: 'late', body: 'Done offline.', visibility: 'internal' }, 2, t + 3600_000));
    const events = await server.db.selectFrom('ticket_events').select(['type', 'at']).where('ticket_id', '=', 'push-t7').orderBy('seq').execute();
    expect(events.map((e) => [e.type, Number(e.at)])).toEqual([
      ['created', t - 3 * 3600_000],
      ['note_added', t],
    ]);
  });
});

describe('POST /v1/push with bad input', () => {
  test.each([
    ['malformed JSON', '{"version":1,', 'invalid_json', undefined],
    ['an unknown mutation', { version: 1, clientId: 'bad-input-1', mutations: [{ id: 1, name: 'dropTables', args: {}, clientTime: 0 }] }, 'invalid_input', 'mutations[0].name'],
    ['wrong types', { version: 1, clientId: 'bad-input-2', mutations: [{ id: 1, name: 'acceptTicket', args: { ticketId: 42 }, clientTime: 0 }] }, 'invalid_input', 'mutations[0].args.ticketId'],
    ['unknown fields', { version: 1, clientId: 'bad-input-3', mutations: [{ id: 1, name: 'acceptTicket', args: { ticketId: 'x', admin: true }, clientTime: 0 }] }, 'invalid_input', 'mutations[0].args'],
    ['an unknown top-level field', { version: 1, clientId: 'bad-input-4', mutations: [], sudo: true }, 'invalid_input', undefined],
    ['ids that are not consecutive', { version: 1, clientId: 'bad-input-5', mutations: [{ id: 1, name: 'acceptTicket', args: { ticketId: 'x' }, clientTime: 0 }, { id: 3, name: 'acceptTicket', args: { ticketId: 'x' }, clientTime: 0 }] }, 'invalid_input', 'mutations[1].id'],
  ])('answers 400 for %s and writes nothing', async (_name, body, error, field) => {
    const client = await l1Client();
    const before = await server.db.selectFrom('clients').select('client_id').execute();
    const res = await client.rawPush(body);
    expect(res.status).toBe(400);
    const json = (await res.json()) as { error: string; field?: string };
    expect(json.error).toBe(error);
    if (field) expect(json.field).toBe(field);
    expect(await server.db.selectFrom('clients').select('client_id').execute()).toEqual(before);
    expect((await fetch(`${server.url}/v1/health`)).status).toBe(200);
  });

  test('answers 413 for a huge body and 415 for a non-JSON body', async () => {
    const client = await l1Client();
    const huge = await client.rawPush({ version: 1, clientId: 'huge-body', mutations: [{ id: 1, name: 'addWorkNote', args: { body: 'x'.repeat(2_000_000) }, clientTime: 0 }] });
    expect(huge.status).toBe(413);
    expect((await client.rawPush('id=1', 'application/x-www-form-urlencoded')).status).toBe(415);
  });
});
