import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { startApiProcess, type ApiProcess } from '../../scripts/lib/api-process';
import { freePort } from '../../test/e2e/support';
import { createPgTestDatabase } from '../testing/pg-test-db';
import { PgPokeRelay } from './pg-poke-relay';
import { PokeBus } from './poke-bus';

let database: { url: string; drop(): Promise<void> };
const cleanup: Array<() => Promise<unknown>> = [];

beforeEach(async () => {
  database = await createPgTestDatabase();
});
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
  await database.drop();
});

async function relayed(): Promise<{ bus: PokeBus; relay: PgPokeRelay; seen: number[]; remote: { count: number } }> {
  const bus = new PokeBus();
  const seen: number[] = [];
  bus.subscribe((rev) => seen.push(rev));
  const remote = { count: 0 };
  const relay = new PgPokeRelay(database.url, bus, undefined, () => remote.count++);
  await relay.start();
  cleanup.push(() => relay.close());
  return { bus, relay, seen, remote };
}

describe('pokes across API processes on one PostgreSQL database', () => {
  test('a poke in one process reaches the other once, and its own streams once (no echo)', async () => {
    const a = await relayed();
    const b = await relayed();
    a.bus.poke(7);
    // NOTIFY goes through the database: on a busy 2-core CI machine that can take longer than poll's default second.
    await expect.poll(() => b.seen, { timeout: 5_000 }).toEqual([7]);
    b.bus.poke(8);
    await expect.poll(() => a.seen, { timeout: 5_000 }).toEqual([7, 8]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(a.seen).toEqual([7, 8]);
    expect(b.seen).toEqual([7, 8]);
    // Only pokes from the other process count as remote (they wake that process's escalation runner).
    expect([a.remote.count, b.remote.count]).toEqual([1, 1]);
  });

  test('after its connection is cut it reconnects and relays again', async () => {
    const a = await relayed();
    const b = await relayed();
    const admin = new pg.Client({ connectionString: database.url });
    await admin.connect();
    cleanup.push(() => admin.end());
    // Cut every LISTEN session but our own, as a database restart or a proxy timeout would.
    await admin.query(`select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`);
    // Both notice the cut and listen again on a new connection.
    await expect.poll(() => [a.relay.connections, b.relay.connections], { timeout: 10_000 }).toEqual([2, 2]);
    expect(a.relay.listening && b.relay.listening).toBe(true);
    a.bus.poke(3);
    await expect.poll(() => b.seen, { timeout: 5_000 }).toEqual([3]);
  });

  test('two real API processes: a note pushed through one pokes a live stream opened on the other', { timeout: 120_000 }, async () => {
    const start = async (): Promise<ApiProcess> => {
      const dataDir = mkdtempSync(path.join(os.tmpdir(), 'tierdesk-relay-'));
      const api = await startApiProcess({ port: await freePort(), dataDir, env: { DATABASE_URL: database.url, TIERDESK_SEED_TICKETS: '20' } });
      cleanup.push(async () => {
        await api.stop();
        rmSync(dataDir, { recursive: true, force: true });
      });
      return api;
    };
    const first = await start();
    const second = await start();
    const login = async (url: string) => {
      const res = await fetch(`${url}/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'l1.agent@demo.test', password: 'demo' }) });
      return ((await res.json()) as { token: string }).token;
    };
    const token = await login(first.url);

    const controller = new AbortController();
    cleanup.push(async () => controller.abort());
    const stream = await fetch(`${first.url}/v1/events`, { headers: { authorization: `Bearer ${token}` }, signal: controller.signal });
    const reader = stream.body!.pipeThrough(new TextDecoderStream()).getReader();
    let received = '';
    const pokes = async () => {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        received += value;
      }
    };
    void pokes().catch(() => undefined);
    await expect.poll(() => received).toContain('event: hello');

    const other = await login(second.url);
    const pull = await fetch(`${second.url}/v1/pull?limit=200`, { headers: { authorization: `Bearer ${other}` } });
    const page = (await pull.json()) as { changes: Array<{ kind: string; value: { id: string; group: string; status: string } }> };
    const ticket = page.changes.find((c) => c.kind === 'ticket' && c.value.group === 'service-desk' && c.value.status !== 'closed')!.value.id;
    const push = await fetch(`${second.url}/v1/push`, {
      method: 'POST',
      headers: { authorization: `Bearer ${other}`, 'content-type': 'application/json' },
      body: JSON.stringify({ version: 1, clientId: 'relay-test', mutations: [{ id: 1, name: 'addWorkNote', clientTime: Date.now(), args: { ticketId: ticket, noteId: 'relay-note', body: 'Called the user back.', visibility: 'internal' } }] }),
    });
    expect(((await push.json()) as { results: Array<{ status: string }> }).results[0]!.status).toBe('applied');
    await expect.poll(() => received, { timeout: 10_000 }).toContain('event: poke');
  });
});
