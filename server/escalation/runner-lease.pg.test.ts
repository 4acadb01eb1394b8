import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { startApiProcess, type ApiProcess } from '../../scripts/lib/api-process';
import { freePort } from '../../test/e2e/support';
import { newTicket, TestClient } from '../testing/push-client';
import { createPgTestDatabase } from '../testing/pg-test-db';
import { startTestServer, type TestServer } from '../testing/test-server';
import { EscalationRunner, type Timer } from './escalation-runner';
import { PgAdvisoryLease } from './runner-lease';

// Several API processes on one PostgreSQL desk: one runs the escalation matrix, the others stand by.
const cleanup: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

function runnerOn(server: TestServer, armed: number[]): EscalationRunner {
  const runner = new EscalationRunner({
    db: server.db,
    now: () => server.clock.now,
    afterCommit: () => {},
    lease: new PgAdvisoryLease(server.databaseUrl!),
    leaseRetryMs: 15_000,
    schedule: (_run, delayMs): Timer => {
      armed.push(delayMs);
      return { cancel: () => {} };
    },
  });
  cleanup.push(() => runner.stop());
  return runner;
}

async function firedSteps(server: TestServer, ticketId: string): Promise<string[]> {
  const rows = await server.db.selectFrom('ticket_events').select('id').where('ticket_id', '=', ticketId).where('type', '=', 'action_fired').orderBy('id').execute();
  return rows.map((r) => r.id);
}

describe('escalation runner lease on PostgreSQL', () => {
  test('only the lease holder runs; a standby takes over when it lets go', async () => {
    const server = await startTestServer({ tickets: 0 });
    cleanup.push(() => server.close());
    const client = new TestClient(server, await server.login('l1.agent@demo.test'));
    await client.push(client.entry('createTicket', newTicket('lease-1')));
    const armedA: number[] = [];
    const armedB: number[] = [];
    const a = runnerOn(server, armedA);
    const b = runnerOn(server, armedB);

    expect((await a.kick()).fired).toBe(2);
    expect(a.state).toBe('running');
    const standby = await b.kick();
    expect(standby).toMatchObject({ checked: 0, fired: 0 });
    expect(b.state).toBe('standby');
    // It tries again after the retry interval.
    expect(armedB.at(-1)).toBe(15_000);
    expect(await firedSteps(server, 'lease-1')).toHaveLength(2);

    // A second ticket while A still runs: B stays out of it.
    await client.push(client.entry('createTicket', newTicket('lease-2')));
    expect((await b.kick()).fired).toBe(0);

    await a.stop();
    const takeover = await b.kick();
    expect(b.state).toBe('running');
    expect(takeover.fired).toBe(2);
    expect(await firedSteps(server, 'lease-2')).toHaveLength(2);
    expect(await firedSteps(server, 'lease-1')).toHaveLength(2);
  });

  test('two real API processes: one runs, the other stands by, fires nothing twice, and takes over when the first stops', { timeout: 120_000 }, async () => {
    const database = await createPgTestDatabase();
    cleanup.push(() => database.drop());
    const start = async (): Promise<ApiProcess> => {
      const dataDir = mkdtempSync(path.join(os.tmpdir(), 'tierdesk-lease-'));
      const api = await startApiProcess({ port: await freePort(), dataDir, env: { DATABASE_URL: database.url, TIERDESK_SEED_TICKETS: '20', TIERDESK_RUNNER_LEASE_RETRY_MS: '300' } });
      cleanup.push(async () => {
        await api.stop();
        rmSync(dataDir, { recursive: true, force: true });
      });
      return api;
    };
    const health = async (api: ApiProcess) => ((await (await fetch(`${api.url}/v1/health`)).json()) as { escalations: string }).escalations;
    const first = await start();
    await expect.poll(() => health(first), { timeout: 30_000 }).toBe('running');
    const second = await start();
    await expect.poll(() => health(second), { timeout: 10_000 }).toBe('standby');

    // A ticket created through the standby: the poke reaches the running process, which fires its first steps, once.
    // A P1 runs on the 24×7 calendar, so its 0% steps are due at once whatever the time of day the test runs.
    const login = await fetch(`${second.url}/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'l1.agent@demo.test', password: 'demo' }) });
    const { token } = (await login.json()) as { token: string };
    const push = await fetch(`${second.url}/v1/push`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ version: 1, clientId: 'lease-test-client', mutations: [{ id: 1, name: 'createTicket', clientTime: Date.now(), args: { ...newTicket('lease-api-1'), impact: 'high', urgency: 'high' } }] }),
    });
    expect(((await push.json()) as { results: Array<{ status: string }> }).results[0]!.status).toBe('applied');
    const fired = async () => {
      const res = await fetch(`${second.url}/v1/tickets/lease-api-1`, { headers: { authorization: `Bearer ${token}` } });
      const { events } = (await res.json()) as { events: Array<{ id: string; event: { type: string } }> };
      return events.filter((e) => e.event.type === 'action_fired').map((e) => e.id).sort();
    };
    await expect.poll(fired, { timeout: 10_000 }).toHaveLength(2);
    await new Promise((r) => setTimeout(r, 500));
    expect(await fired()).toHaveLength(2);

    await first.stop();
    await expect.poll(() => health(second), { timeout: 10_000 }).toBe('running');
  });
});
