import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { startTestServer, type TestServer } from '../testing/test-server';
import { enqueueNotifications, MAX_ATTEMPTS, NotificationDispatcher } from './outbox';
import { fileTransport, type OutgoingMessage, type Transport } from './transport';

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer({ tickets: 0 });
});
afterEach(() => server.close());

const message = (i: number) => ({
  id: `n-${i}`,
  ticketId: 't-1',
  recipient: 'ava.adams@example.com',
  subject: `INC-000001 escalated (${i})`,
  body: 'Your ticket is now with Technical support.',
  createdAt: 1_800_000_000_000 + i,
});

describe('notification outbox', () => {
  test('the file transport writes each queued message once, after the queue commit', async () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'tierdesk-mail-')), 'outbox.jsonl');
    await server.db.transaction().execute((trx) => enqueueNotifications(trx, [message(1), message(2)]));
    const dispatcher = new NotificationDispatcher(server.db, fileTransport(file));
    expect(await dispatcher.kick()).toBe(2);
    expect(await dispatcher.kick()).toBe(0);
    const lines = readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as OutgoingMessage);
    expect(lines.map((l) => l.id)).toEqual(['n-1', 'n-2']);
  });

  test('one kick sends a burst larger than a page (escalations after downtime)', async () => {
    await server.db.transaction().execute((trx) => enqueueNotifications(trx, Array.from({ length: 250 }, (_, i) => message(i))));
    const sent: string[] = [];
    const dispatcher = new NotificationDispatcher(server.db, { name: 'memory', send: async (m) => void sent.push(m.id) });
    expect(await dispatcher.kick()).toBe(250);
    expect(new Set(sent).size).toBe(250);
  });

  test('keeps a message queued when the transport fails and sends it on a later drain', async () => {
    await server.db.transaction().execute((trx) => enqueueNotifications(trx, [message(1)]));
    let fail = true;
    const sent: string[] = [];
    const flaky: Transport = {
      name: 'flaky',
      send: async (m) => {
        if (fail) throw new Error('relay down');
        sent.push(m.id);
      },
    };
    const dispatcher = new NotificationDispatcher(server.db, flaky);
    expect(await dispatcher.kick()).toBe(0);
    const row = await server.db.selectFrom('notifications').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'queued', attempts: 1, last_error: 'Error: relay down' });
    fail = false;
    expect(await dispatcher.kick()).toBe(1);
    expect(sent).toEqual(['n-1']);
  });

  test('gives up after the last attempt and marks the message failed', async () => {
    await server.db.transaction().execute((trx) => enqueueNotifications(trx, [message(1)]));
    const down: Transport = { name: 'down', send: async () => Promise.reject(new Error('no route')) };
    const dispatcher = new NotificationDispatcher(server.db, down);
    for (let i = 0; i < MAX_ATTEMPTS; i++) await dispatcher.kick();
    const row = await server.db.selectFrom('notifications').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS });
  });

  test('stop waits for the message being sent, is marked sent, and leaves the rest queued for the next start', async () => {
    await server.db.transaction().execute((trx) => enqueueNotifications(trx, [message(1), message(2), message(3)]));
    const sent: string[] = [];
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let started!: () => void;
    const sending = new Promise<void>((resolve) => (started = resolve));
    const dispatcher = new NotificationDispatcher(server.db, {
      name: 'slow',
      send: async (m) => {
        started();
        await held;
        sent.push(m.id);
      },
    });
    const drain = dispatcher.kick();
    await sending;
    let stopped = false;
    const stopping = dispatcher.stop().then(() => void (stopped = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(await drain).toBe(1);
    expect(sent).toEqual(['n-1']);
    const rows = await server.db.selectFrom('notifications').select(['id', 'status']).orderBy('id').execute();
    expect(rows).toEqual([
      { id: 'n-1', status: 'sent' },
      { id: 'n-2', status: 'queued' },
      { id: 'n-3', status: 'queued' },
    ]);
    expect(await dispatcher.kick()).toBe(0);
  });
});
