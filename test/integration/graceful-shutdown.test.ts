import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startApiProcess, type ApiProcess } from '../../scripts/lib/api-process';
import { verifyAuditChain } from '../../server/audit/audit-log';
import { openSqlite, type Db } from '../../server/db/open-database';
import { freePort } from '../e2e/support';

let dataDir: string;
let port: number;
let api: ApiProcess | undefined;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'tierdesk-shutdown-'));
  port = await freePort();
});
afterAll(async () => {
  await api?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function withDb<T>(read: (db: Db) => Promise<T>): Promise<T> {
  const db = await openSqlite({ dataDir });
  try {
    return await read(db);
  } finally {
    await db.destroy();
  }
}

/** Tickets whose next escalation step still has to be planned. */
const staleTickets = async (db: Db) =>
  Number((await db.selectFrom('tickets').select((eb) => eb.fn.countAll().as('n')).where('next_action_stale', '=', 1).executeTakeFirstOrThrow()).n);

/** Runs the API process until it exits by itself; its stderr and exit code. */
function runUntilExit(env: Record<string, string>): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: path.resolve(import.meta.dirname, '../..'),
    env: { ...process.env, TIERDESK_PORT: String(port), TIERDESK_DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal, stderr })));
}

describe('stopping the API process', () => {
  test('SIGTERM in the middle of the first escalation pass exits cleanly; the next start plans the rest and fires nothing twice', { timeout: 180_000 }, async () => {
    // The process signals itself once the pass has committed its first batch of 200 tickets, as an operator's stop would land.
    const first = await runUntilExit({ TIERDESK_SEED_TICKETS: '1000', TIERDESK_FAULT: 'escalation-batch:1:SIGTERM' });
    expect(first).toMatchObject({ code: 0, signal: null });
    expect(first.stderr).not.toMatch(/failed|error/i);
    const left = await withDb(staleTickets);
    expect(left).toBeGreaterThan(0);
    expect(left).toBeLessThan(1000);

    let stderr = '';
    api = await startApiProcess({ port, dataDir, waitForEscalations: true, onStderr: (text) => (stderr += text), readyTimeoutMs: 120_000 });
    await api.stop('SIGTERM');
    expect(api.child.exitCode).toBe(0);
    expect(stderr).not.toMatch(/failed|error/i);

    await withDb(async (db) => {
      expect(await staleTickets(db)).toBe(0);
      const fired = await db.selectFrom('ticket_events').select('id').where('type', '=', 'action_fired').execute();
      expect(fired.length).toBeGreaterThan(0);
      expect(new Set(fired.map((r) => r.id)).size).toBe(fired.length);
      expect((await verifyAuditChain(db)).ok).toBe(true);
    });
  });
});
