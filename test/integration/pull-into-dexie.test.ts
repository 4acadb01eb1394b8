import 'fake-indexeddb/auto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { TierdeskDb } from '../../renderer/src/db/db';
import { countLogEntries } from '../../renderer/src/db/ticket-log';
import type { TicketRecord } from '../../renderer/src/db/ticket-record';
import { ApiClient, OfflineError } from '../../renderer/src/sync/api-client';
import { PULL_PAGE_SIZE, pullAll, SNAPSHOT_PAGE_SIZE } from '../../renderer/src/sync/puller';
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

/** As a server from before `route` answers it: 404 in the API's error shape. */
function without(route: '/v1/pull/first-work' | '/v1/pull/snapshot', inner: typeof fetch = fetch): typeof fetch {
  return (input, init) =>
    String(input).includes(route)
      ? Promise.resolve(new Response(JSON.stringify({ error: 'not_found', message: `Route GET:${route} not found` }), { status: 404, headers: { 'content-type': 'application/json' } }))
      : inner(input, init);
}
const withoutFirstWork = (inner: typeof fetch = fetch) => without('/v1/pull/first-work', inner);
/** A server from before snapshots (and first work): a bootstrap pages its change log from the start. */
const changeLogOnly = (inner: typeof fetch = fetch) => without('/v1/pull/first-work', without('/v1/pull/snapshot', inner));

/** What a database holds, to compare two bootstraps: tickets with their versions, log entries, and the rest of the desk. */
async function deskOf(db: TierdeskDb) {
  return {
    tickets: (await db.tickets.toArray()).map((t) => `${t.id}:${t.version}:${t.keys.length}:${t.nextDueAt}`).sort(),
    logs: (await db.logs.toArray()).map((l) => `${l.ticketId}:${l.events.map((e) => e.id).join(',')}`).sort(),
    kb: (await db.kb.toArray()).map((a) => a.id).sort(),
    agents: await db.agents.count(),
    groups: await db.groups.count(),
    policy: (await db.syncState.get('policy')) !== undefined,
  };
}

/** Pulls the changes since each database's cursor until both stand at one change-log position. */
async function atOnePosition(a: TierdeskDb, b: TierdeskDb): Promise<void> {
  for (let round = 0; round < 5; round += 1) {
    await pullAll(new ApiClient(api.url, token), a, agent);
    await pullAll(new ApiClient(api.url, token), b, agent);
    if ((await readSyncState(a)).cursor === (await readSyncState(b)).cursor) return;
  }
  throw new Error('the two databases never stood at one change-log position');
}

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

  test('a bootstrap from a snapshot ends with the same desk as one through the change log, and resumes from the pull cursor it began at', async () => {
    const db = new TierdeskDb(`pull-${Math.random()}`);
    const progress = await pullAll(new ApiClient(api.url, token, withoutFirstWork()), db, agent);
    // A snapshot page per thousand tickets, then the changes since it began (none here).
    expect(progress.snapshot).toEqual({ tickets: TICKETS, total: TICKETS });
    const old = new TierdeskDb(`pull-${Math.random()}`);
    const oldProgress = await pullAll(new ApiClient(api.url, token, changeLogOnly()), old, agent);
    expect(oldProgress.snapshot).toBeUndefined();
    // The server's escalation runner works on the real clock and may log a step between the two bootstraps: both pull
    // the changes since theirs until they stand at one change-log position, and are compared there.
    await atOnePosition(db, old);
    expect(await deskOf(db)).toEqual(await deskOf(old));
    const [state, oldState] = [await readSyncState(db), await readSyncState(old)];
    expect(state.cursor).toBe(oldState.cursor);
    expect(state).not.toHaveProperty('snapshot');
    expect(state).not.toHaveProperty('bootstrapping');
  });

  test('a failure between snapshot pages keeps the pages already written and resumes after them', async () => {
    const db = new TierdeskDb(`pull-${Math.random()}`);
    let snapshots = 0;
    const flaky: typeof fetch = (input, init) => {
      if (String(input).includes('/v1/pull/snapshot') && ++snapshots === 2) return Promise.reject(new TypeError('network down'));
      return fetch(input, init);
    };
    await expect(pullAll(new ApiClient(api.url, token, withoutFirstWork(flaky)), db, agent)).rejects.toBeInstanceOf(OfflineError);
    // One whole page (a thousand tickets, each with its log) and nothing of the failed one.
    expect(await db.tickets.count()).toBe(SNAPSHOT_PAGE_SIZE);
    // Pages go by the ends of ids, then ids (the order of the client's buckets): the page ended at the last of those.
    const bucketOrder = (a: string, b: string) => (a.slice(-3) < b.slice(-3) ? -1 : a.slice(-3) > b.slice(-3) ? 1 : a < b ? -1 : 1);
    const ids = ((await db.tickets.toCollection().primaryKeys()) as string[]).sort(bucketOrder);
    const stopped = await readSyncState(db);
    expect(stopped).toMatchObject({ cursor: '0', bootstrapping: true, snapshot: { after: ids.at(-1) } });

    // Resumed: first work again, then the snapshot after the last ticket written, from the same change-log position.
    const asked: string[] = [];
    const watching: typeof fetch = (input, init) => {
      asked.push(String(input));
      return fetch(input, init);
    };
    const resumed = await pullAll(new ApiClient(api.url, token, watching), db, agent);
    expect(resumed.firstWork).toBeGreaterThan(10);
    expect(asked.find((u) => u.includes('/v1/pull/snapshot'))).toContain(`after=${encodeURIComponent(ids.at(-1)!)}`);
    expect(asked.find((u) => u.includes('/v1/pull/snapshot'))).toContain(`cursor=${stopped.snapshot!.cursor}`);
    const fresh = new TierdeskDb(`pull-${Math.random()}`);
    await pullAll(new ApiClient(api.url, token), fresh, agent);
    await atOnePosition(db, fresh);
    expect(await deskOf(db)).toEqual(await deskOf(fresh));
  });

  test('from a server without snapshots, a failure between change-log pages keeps the pages already written and resumes after them', async () => {
    const db = new TierdeskDb(`pull-${Math.random()}`);
    let calls = 0;
    const flaky: typeof fetch = (input, init) => {
      calls += 1;
      return calls === 2 ? Promise.reject(new TypeError('network down')) : fetch(input, init);
    };
    await expect(pullAll(new ApiClient(api.url, token, changeLogOnly(flaky)), db, agent)).rejects.toBeInstanceOf(OfflineError);
    const afterFirstPage = (await db.tickets.count()) + (await countLogEntries(db)) + (await db.kb.count()) + (await db.agents.count()) + (await db.groups.count());
    // One whole page (PULL_PAGE_SIZE changes, the policy row aside) and nothing of the failed one.
    expect(afterFirstPage).toBeGreaterThanOrEqual(PULL_PAGE_SIZE - 1);
    expect(afterFirstPage).toBeLessThanOrEqual(PULL_PAGE_SIZE);
    const cursorAfterFirstPage = (await readSyncState(db)).cursor;

    // Resumed, it is still a bootstrap through the change log (its cursor has moved): the agent's most urgent work comes first again.
    const resumed = await pullAll(new ApiClient(api.url, token), db, agent);
    expect(resumed.firstWork).toBeGreaterThan(10);
    expect(resumed.snapshot).toBeUndefined();
    expect(await db.tickets.count()).toBe(TICKETS);
    const fresh = new TierdeskDb(`pull-${Math.random()}`);
    await pullAll(new ApiClient(api.url, token), fresh, agent);
    await atOnePosition(db, fresh);
    expect(await deskOf(db)).toEqual(await deskOf(fresh));
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
    const progress = await pullAll(new ApiClient(api.url, token, withoutFirstWork(newerServer)), db, agent);
    expect(progress.unreadable).toBe(1);
    expect(await db.tickets.get(unreadable!)).toBeUndefined();
    expect(await db.tickets.get(extended!)).not.toHaveProperty('slaTier');
    expect(await db.tickets.get(extended!)).toMatchObject({ id: extended });
    expect(await db.tickets.count()).toBe(TICKETS - 1);
  });

  test("a bootstrap stores the agent's most urgent work before any page, and ends with the same desk as without it", async () => {
    const db = new TierdeskDb(`pull-${Math.random()}`);
    // The first bootstrap page waits until the test has looked at what is stored before it.
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let held = false;
    const gated: typeof fetch = async (input, init) => {
      if (!held && /\/v1\/pull(\/snapshot)?\?/.test(String(input))) {
        held = true;
        await gate;
      }
      return fetch(input, init);
    };
    let firstWork: number | undefined;
    let storedThen: TicketRecord[] = [];
    const done = pullAll(new ApiClient(api.url, token, gated), db, agent, (p) => {
      if (p.firstWork !== undefined && firstWork === undefined) {
        firstWork = p.firstWork;
        expect(p.pages).toBe(0);
        void db.tickets.toArray().then((rows) => {
          storedThen = rows;
          release();
        });
      }
    });
    const progress = await done;
    expect(firstWork).toBeGreaterThan(10);
    expect(storedThen).toHaveLength(firstWork!);
    expect(storedThen.every((t) => t.open === 1 && (t.assignee === agent.id || agent.groups.includes(t.group)))).toBe(true);
    // It moved no cursor and did not count as synced: the bootstrap after it brought everything.
    expect(progress.pages).toBeGreaterThan(2);
    expect(await db.tickets.count()).toBe(TICKETS);

    const plain = new TierdeskDb(`pull-${Math.random()}`);
    const plainProgress = await pullAll(new ApiClient(api.url, token, withoutFirstWork()), plain, agent);
    expect(plainProgress.firstWork).toBeUndefined();
    await atOnePosition(db, plain);
    expect(await deskOf(db)).toEqual(await deskOf(plain));
  });
});
