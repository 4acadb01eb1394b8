import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startApiProcess, type ApiProcess } from '../../scripts/lib/api-process';
import { freePort } from '../e2e/support';
import { SyncClient, tokenFor } from './sync-client';

let dataDir: string;
let port: number;
let api: ApiProcess | undefined;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'tierdesk-crash-'));
  port = await freePort();
});
afterAll(async () => {
  await api?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const start = (env: Record<string, string> = {}) => startApiProcess({ port, dataDir, env: { TIERDESK_SEED_TICKETS: '5', ...env } });

describe('a server killed in the middle of applying a mutation', () => {
  test('keeps neither its effects nor its id, and applies it exactly once when it comes back', async () => {
    // Mutation 3 of the client kills the server after writing its effects, before commit.
    api = await start({ TIERDESK_FAULT: 'push-before-commit:3' });
    const client = await SyncClient.signIn(api.url, 'l1.agent@demo.test');
    await client.sync();
    const ticketId = `crash-${Date.now()}`;
    await client.mutate('createTicket', {
      ticketId,
      title: 'Scanner does not send to email',
      description: 'Scan to email fails on the second floor.',
      requester: { name: 'Omar Olsen', email: 'omar.olsen@example.com', vip: false },
      category: 'hardware',
      service: 'Printers',
      impact: 'low',
      urgency: 'low',
      severity: 'S4',
      channel: 'email',
    });
    await client.mutate('acceptTicket', { ticketId });
    await client.mutate('addWorkNote', { ticketId, noteId: 'crash-note', body: 'Checked the SMTP relay settings.', visibility: 'internal' });

    await expect(client.sync()).rejects.toThrow();
    const child = api.child;
    if (child.exitCode === null && child.signalCode === null) await new Promise((resolve) => child.once('exit', resolve));
    expect(child.signalCode).toBe('SIGKILL');
    expect(await client.db.outbox.count()).toBe(3);

    api = await start();
    const observer = await SyncClient.signIn(api.url, 'lead@demo.test');
    await observer.sync();
    expect(await observer.ticket(ticketId)).toMatchObject({ assignee: 'agent-l1' });
    expect(await observer.notes(ticketId)).toEqual([]);

    // The same app (same database) signs in again after the outage.
    const fresh = await SyncClient.signIn(api.url, 'l1.agent@demo.test', client.db);
    await fresh.sync();
    await fresh.sync();
    expect(await fresh.db.outbox.count()).toBe(0);
    await observer.sync();
    expect(await observer.notes(ticketId)).toEqual(['Checked the SMTP relay settings.']);

    const audit = await fetch(`${api.url}/v1/audit/verify`, { headers: { authorization: `Bearer ${await tokenFor(api.url, 'manager@demo.test')}` } });
    expect(await audit.json()).toMatchObject({ ok: true });
  });
});
