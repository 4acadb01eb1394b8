import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parsePullResponse, type PullResponse } from '../../shared/sync/pull';
import { queueDueAt } from '../../shared/sla/ticket-sla';
import { putTicket } from '../repo/tickets';
import { DEMO_AGENTS } from '../seed/catalog';
import { firstWork } from '../sync/first-work';
import { startTestServer, type TestServer } from '../testing/test-server';

let server: TestServer;
let token: string;
beforeAll(async () => {
  server = await startTestServer({ tickets: 120 });
  token = await server.login();
});
afterAll(() => server.close());

const ticketsOf = (page: PullResponse) => page.changes.flatMap((c) => (c.kind === 'ticket' ? [c.value] : []));

async function pull(query: string, auth: string | null = token): Promise<Response> {
  return fetch(`${server.url}/v1/pull${query}`, auth ? { headers: { authorization: `Bearer ${auth}` } } : {});
}

async function pullAll(limit: number, from = '0'): Promise<{ pages: PullResponse[]; cursor: string }> {
  const pages: PullResponse[] = [];
  let cursor = from;
  for (;;) {
    const res = await pull(`?cursor=${cursor}&limit=${limit}`);
    expect(res.status).toBe(200);
    const page = parsePullResponse(await res.json());
    pages.push(page);
    cursor = page.cursor;
    if (!page.hasMore) return { pages, cursor };
  }
}

describe('GET /v1/pull', () => {
  test('returns 401 without a token', async () => {
    const res = await pull('', null);
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: 'unauthorized' });
  });

  test('returns 401 with an unknown token', async () => {
    const res = await pull('', 'x'.repeat(43));
    expect(res.status).toBe(401);
  });

  test('returns 401 once the token has expired', async () => {
    const fresh = await server.login();
    server.clock.now += 2 * 60 * 60 * 1000;
    try {
      expect((await pull('', fresh)).status).toBe(401);
    } finally {
      server.clock.now -= 2 * 60 * 60 * 1000;
    }
  });

  test('pages through everything once, in change order, with the server time', async () => {
    const { pages } = await pullAll(50);
    expect(pages.length).toBeGreaterThan(3);
    expect(pages.slice(0, -1).every((p) => p.changes.length === 50)).toBe(true);
    const ids = pages.flatMap((p) => ticketsOf(p).map((t) => t.id));
    expect(ids).toHaveLength(120);
    expect(new Set(ids).size).toBe(120);
    const kinds = new Set(pages.flatMap((p) => p.changes.map((c) => c.kind)));
    expect([...kinds].sort()).toEqual(['agent', 'event', 'group', 'kb', 'policy', 'ticket']);
    const events = pages.flatMap((p) => p.changes.flatMap((c) => (c.kind === 'event' ? [c.value] : [])));
    expect(events.every((e) => ids.includes(e.ticketId))).toBe(true);
    expect(pages.every((p) => p.serverTime === server.clock.now)).toBe(true);
    expect(pages.at(-1)!.hasMore).toBe(false);
    // The first page of a bootstrap says how much follows (for the progress bar); later pages do not count.
    const total = pages.reduce((n, p) => n + p.changes.length, 0);
    expect(pages[0]!.changes.length + pages[0]!.remaining!).toBe(total);
    expect(pages[1]!.remaining).toBeUndefined();
  });

  test('after the last cursor returns only what changed since', async () => {
    const { cursor } = await pullAll(500);
    const empty = parsePullResponse(await (await pull(`?cursor=${cursor}`)).json());
    expect(empty.changes).toEqual([]);
    expect(empty.cursor).toBe(cursor);

    const changed = ticketsOf((await pullAll(500)).pages[0]!)[3]!;
    await putTicket(server.db, { ...changed, title: 'Printer on fire', version: changed.version + 1 });
    const delta = parsePullResponse(await (await pull(`?cursor=${cursor}`)).json());
    expect(ticketsOf(delta).map((t) => t.title)).toEqual(['Printer on fire']);
    expect(delta.changes).toHaveLength(1);
  });

  test('refuses a malformed cursor or limit naming the field', async () => {
    const bad = await pull('?cursor=abc');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ field: 'cursor' });
    const big = await pull('?limit=100000');
    expect(big.status).toBe(400);
    expect(await big.json()).toMatchObject({ field: 'limit' });
    const unknown = await pull('?since=5');
    expect(unknown.status).toBe(400);
  });
});

describe('GET /v1/pull/first-work', () => {
  const L1_AGENT = DEMO_AGENTS.find((a) => a.email === 'l1.agent@demo.test')!;
  const firstWorkOf = async (auth: string | null = token, query = '') => {
    const res = await fetch(`${server.url}/v1/pull/first-work${query}`, auth ? { headers: { authorization: `Bearer ${auth}` } } : {});
    return { res, body: (await res.json()) as unknown };
  };

  test("answers the agent's own open tickets and their groups' with whole logs, as a pull page that moves no cursor", async () => {
    const { res, body } = await firstWorkOf();
    expect(res.status).toBe(200);
    const page = parsePullResponse(body);
    expect(page).toMatchObject({ cursor: '0', hasMore: false, lastMutationId: 0, serverTime: server.clock.now });
    const me = { agent: L1_AGENT };
    const { pages } = await pullAll(500);
    const desk = pages.flatMap(ticketsOf);
    // 120 tickets: every list fits, so the answer is exactly the agent's open work.
    const expected = desk.filter((t) => t.status !== 'resolved' && t.status !== 'closed' && (t.assignee === me.agent.id || me.agent.groups.includes(t.group)));
    expect(expected.length).toBeGreaterThan(5);
    expect(ticketsOf(page).map((t) => t.id).sort()).toEqual(expected.map((t) => t.id).sort());
    const logOf = (changes: PullResponse['changes'], id: string) => changes.flatMap((c) => (c.kind === 'event' && c.value.ticketId === id ? [c.value.id] : [])).sort();
    const deskChanges = pages.flatMap((p) => p.changes);
    for (const t of expected) expect(logOf(page.changes, t.id)).toEqual(logOf(deskChanges, t.id));
  });

  test('keeps the most urgent of each list (by time to breach) when there are more', async () => {
    const agent = L1_AGENT;
    const page = await firstWork(server.db, { agent, nowMs: server.clock.now, perList: 3 });
    const got = ticketsOf(page);
    const desk = (await pullAll(500)).pages.flatMap(ticketsOf).filter((t) => t.status !== 'resolved' && t.status !== 'closed');
    const top = (keep: (t: (typeof desk)[number]) => boolean) =>
      desk
        .filter(keep)
        .sort((a, b) => queueDueAt(a.sla) - queueDueAt(b.sla) || (a.id < b.id ? -1 : 1))
        .slice(0, 3)
        .map((t) => t.id);
    const expected = new Set([...top((t) => t.assignee === agent.id), ...top((t) => t.status === 'pending_acceptance' && t.group === 'service-desk'), ...top((t) => t.group === 'service-desk')]);
    expect(got.length).toBeLessThanOrEqual(9);
    expect(new Set(got.map((t) => t.id))).toEqual(expected);
  });

  test('refuses parameters it does not take, naming them, and answers 401 without a token', async () => {
    const bad = await firstWorkOf(token, '?limit=5');
    expect(bad.res.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('limit');
    expect((await firstWorkOf(null)).res.status).toBe(401);
  });

  test("gives a vendor liaison only their groups' tickets", async () => {
    const vendor = await server.login('vendor.liaison@demo.test');
    const page = parsePullResponse((await firstWorkOf(vendor)).body);
    expect(ticketsOf(page).every((t) => t.group === 'vendor-management')).toBe(true);
  });
});
