import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startApiProcess, type ApiProcess } from '../../scripts/lib/api-process';
import { freePort } from '../e2e/support';
import type { Agent } from '../../shared/model/agent';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cacheDir = path.join(repo, 'bench-results/cache');

export type BenchServer = { api: ApiProcess; token: string; agent: Agent; login(email: string): Promise<string>; close(): Promise<void> };

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

/** Seeded databases are cached per size, day and the code that shapes them, so a 100k bench does not re-seed every run. */
function seedKey(tickets: number): string {
  const hash = createHash('sha256');
  for (const dir of ['server/seed', 'server/db', 'shared/mutations', 'shared/model', 'shared/policy']) {
    for (const file of filesUnder(path.join(repo, dir)).sort()) if (!file.endsWith('.test.ts')) hash.update(readFileSync(file));
  }
  return `seed-${tickets}-${new Date().toISOString().slice(0, 10)}-${hash.digest('hex').slice(0, 12)}.sqlite`;
}

async function login(url: string, email: string): Promise<{ token: string; agent: Agent }> {
  const res = await fetch(`${url}/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'demo' }),
  });
  return (await res.json()) as { token: string; agent: Agent };
}

/**
 * A real API process seeded with `tickets` demo tickets: on a fresh SQLite
 * file (copied from the seed cache when there is one), or on PostgreSQL when
 * `databaseUrl` is given (seeded on first start).
 */
export async function startBenchServer(tickets: number, corsOrigins: string[] = [], databaseUrl?: string): Promise<BenchServer> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'tierdesk-bench-'));
  const cached = path.join(cacheDir, seedKey(tickets));
  const useCache = !databaseUrl && existsSync(cached);
  if (useCache) copyFileSync(cached, path.join(dataDir, 'tierdesk.sqlite'));
  const env: Record<string, string> = { TIERDESK_SEED_TICKETS: String(tickets), ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) };
  // The escalation runner plans every seeded ticket once after the first start; wait for it, so sync numbers measure sync.
  const api = await startApiProcess({ port: await freePort(), dataDir, corsOrigins, env, waitForEscalations: true, readyTimeoutMs: 15 * 60_000 });
  if (!databaseUrl && !useCache) {
    // Checkpoint the WAL into the main file before caching it.
    await api.stop();
    mkdirSync(cacheDir, { recursive: true });
    copyFileSync(path.join(dataDir, 'tierdesk.sqlite'), cached);
    return startBenchServer(tickets, corsOrigins);
  }
  const { token, agent } = await login(api.url, 'lead@demo.test');
  return {
    api,
    token,
    agent,
    login: async (email) => (await login(api.url, email)).token,
    async close() {
      await api.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
