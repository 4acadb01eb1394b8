import 'fake-indexeddb/auto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { TierdeskDb } from '../../renderer/src/db/db';
import { countLogEntries } from '../../renderer/src/db/ticket-log';
import { ApiClient, OfflineError } from '../../renderer/src/sync/api-client';
import { PULL_PAGE_SIZE, pullAll } from '../../renderer/src/sync/puller';
import { readPullState as readSyncState } from '../../renderer/src/sync/sync-state';
import type { Agent } from '../../shared/model/agent';
import { startApiProcess, type ApiProcess } from '../../scripts/lib/api-process';
import { freePort } from '../e2e/support';

const TICKETS = 1500; // with their logs, several pages
let api: ApiProcess;
let dataDir: string;
let token: string;
let agent: Agent;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'tierdesk-pull-'));
  api = await startApiProcess({ port: await freePort(), dataDir, env: { TIERDESK_SEED_TICKETS: String(TICKETS) } });
  const login = await new ApiClient(api.url).login('l1.agent@demo.test', 'demo');
  token = login.body.token;
  agent = login.body.agent;
});
afterAll(async () => {
  await api?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('pull from the real server into IndexedDB', () => {
  test('bootstraps every ticket in pages and records the cursor and server offset', async () => {
    const db = new TierdeskDb(`pull-${Math.random()}`);
    const progress = await pullAll(new ApiClient(api.url, token), db, agent);
    expect(progress.pages).toBeGreaterThan(2);
    expect(await db.tickets.count()).toBe(TICKETS);
    expect(await countLogEntries(db)).toBeGreaterThan(TICKETS);
    expect(await db.agents.count()).toBeGreaterThan(3);
    expect(await db.kb.count()).toBeGreaterThan(10);
    const state = await readSyncState(db);
    expect(Number(state.cursor)).toBeGreaterThanOrEqual(TICKETS);
    expect(Math.abs(state.serverOffsetMs)).toBeLessThan(2000);
    const open = await db.tickets.where('[open+nextDueAt]').between([1, -Infinity], [1, Infinity]).count();
    expect(open).toBeGreaterThan(TICKETS / 2);
    expect(open).toBeLessThan(TICKETS);
  });

  test('a failure between pages keeps the pages already written and resumes after them', async () => {
    const db = new TierdeskDb(`pull-${Math.random()}`);
    let calls = 0;
    const flaky: typeof fetch = (input, init) => {
      calls += 1;
      return calls === 2 ? Promise.reject(new TypeError('network down')) : fetch(input, init);
    };
    await expect(pullAll(new ApiClient(api.url, token, flaky), db, agent)).rejects.toBeInstanceOf(OfflineError);
    const afterFirstPage = (await db.tickets.count()) + (await countLogEntries(db)) + (await db.kb.count()) + (await db.agents.count()) + (await db.groups.count());
    // One whole page (PULL_PAGE_SIZE changes, the policy row aside) and nothing of the failed one.
    expect(afterFirstPage).toBeGreaterThanOrEqual(PULL_PAGE_SIZE - 1);
    expect(afterFirstPage).toBeLessThanOrEqual(PULL_PAGE_SIZE);
    const cursorAfterFirstPage = (await readSyncState(db)).cursor;

    await pullAll(new ApiClient(api.url, token), db, agent);
    expect(await db.tickets.count()).toBe(TICKETS);
    const fresh = new TierdeskDb(`pull-${Math.random()}`);
    await pullAll(new ApiClient(api.url, token), fresh, agent);
    expect(await countLogEntries(db)).toBe(await countLogEntries(fresh));
    expect(Number((await readSyncState(db)).cursor)).toBeGreaterThan(Number(cursorAfterFirstPage));
  });

  test('a change this version cannot read is skipped and counted, never silently; fields it does not know are ignored', async () => {
    const db = new TierdeskDb(`pull-${Math.random()}`);
    let unreadable: string | null = null;
    let extended: string | null = null;
    // As if a newer server sent a ticket with a field this version does not know, and one whose priority it cannot read.
    const newerServer: typeof fetch = async (input, init) => {
      const res = await fetch(input, init);
      if (unreadable || !String(input).includes('/v1/pull')) return res;
      const page = (await res.json()) as { changes: Array<{ kind: string; value: Record<string, unknown> }> };
      const [first, second] = page.changes.filter((c) => c.kind === 'ticket');
      first!.value.slaTier = 'gold';
      extended = String(first!.value.id);
      second!.value.priority = 'P9';
      unreadable = String(second!.value.id);
      return new Response(JSON.stringify(page), { status: res.status, headers: res.headers });
    };
    const progress = await pullAll(new ApiClient(api.url, token, newerServer), db, agent);
    expect(progress.unreadable).toBe(1);
    expect(await db.tickets.get(unreadable!)).toBeUndefined();
    expect(await db.tickets.get(extended!)).not.toHaveProperty('slaTier');
    expect(await db.tickets.get(extended!)).toMatchObject({ id: extended });
    expect(await db.tickets.count()).toBe(TICKETS - 1);
  });
});
