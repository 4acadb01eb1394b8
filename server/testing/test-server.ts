import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { defaultPolicy } from '../../shared/policy/default-policy';
import { buildApp } from '../app';
import { openPostgres, openSqlite, type Db } from '../db/open-database';
import type { DamagedSink } from '../repo/stored-record';
import { seedDemo } from '../seed/seed';
import { createPgTestDatabase, testDialect } from './pg-test-db';

export type TestServer = {
  url: string;
  db: Db;
  app: FastifyInstance;
  dataDir: string;
  /** The PostgreSQL database's URL in the server-pg run (else the SQLite file is in dataDir). */
  databaseUrl: string | undefined;
  clock: { now: number };
  login(email?: string, password?: string): Promise<string>;
  close(): Promise<void>;
};

export const TEST_NOW = Date.UTC(2026, 10, 24, 15, 0);
const TEST_PASSWORD_COST = { N: 1024 };

/**
 * A real server on an ephemeral loopback port over a real database: a SQLite
 * file in a temp dir, or a fresh PostgreSQL database in the server-pg run.
 */
export async function startTestServer(options: { tickets?: number; seed?: number; damaged?: DamagedSink } = {}): Promise<TestServer> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'tierdesk-test-'));
  const pgDb = testDialect() === 'postgres' ? await createPgTestDatabase() : undefined;
  const db = pgDb ? await openPostgres(pgDb.url) : await openSqlite({ dataDir });
  const clock = { now: TEST_NOW };
  await seedDemo(db, {
    tickets: options.tickets ?? 50,
    seed: options.seed ?? 7,
    nowMs: TEST_NOW,
    policy: defaultPolicy,
    passwordCost: TEST_PASSWORD_COST,
  });
  const app = await buildApp({
    db,
    config: { corsOrigins: ['http://127.0.0.1:5317'], tokenTtlMs: 60 * 60 * 1000 },
    now: () => clock.now,
    passwordCost: TEST_PASSWORD_COST,
    ...(options.damaged ? { damaged: options.damaged } : {}),
  });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    url,
    db,
    app,
    dataDir,
    databaseUrl: pgDb?.url,
    clock,
    async login(email = 'l1.agent@demo.test', password = 'demo') {
      const res = await fetch(`${url}/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password }),
      });
      if (!res.ok) throw new Error(`login failed: ${res.status} ${await res.text()}`);
      return ((await res.json()) as { token: string }).token;
    },
    async close() {
      await app.close();
      await db.destroy();
      await pgDb?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
