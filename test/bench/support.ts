import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startApiProcess, type ApiProcess } from '../../scripts/lib/api-process';
import { freePort } from '../e2e/support';
import type { Agent } from '../../shared/model/agent';

export type BenchServer = { api: ApiProcess; token: string; agent: Agent; close(): Promise<void> };

/** A real API process over a fresh SQLite file seeded with `tickets` demo tickets. */
export async function startBenchServer(tickets: number, corsOrigins: string[] = []): Promise<BenchServer> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'tierdesk-bench-'));
  const api = await startApiProcess({
    port: await freePort(),
    dataDir,
    corsOrigins,
    env: { TIERDESK_SEED_TICKETS: String(tickets) },
  });
  const res = await fetch(`${api.url}/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'lead@demo.test', password: 'demo' }),
  });
  const { token, agent } = (await res.json()) as { token: string; agent: Agent };
  return {
    api,
    token,
    agent,
    async close() {
      await api.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
