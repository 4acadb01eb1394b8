import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { StoredEvent } from '../../shared/model/stored-event';
import { parseSnapshotPage, type Change, type SnapshotChange, type SnapshotPage } from '../../shared/sync/pull';
import { putTicket } from '../repo/tickets';
import { newTicket, TestClient } from '../testing/push-client';
import { startTestServer, type TestServer } from '../testing/test-server';

let server: TestServer;
let token: string;
beforeAll(async () => {
  server = await startTestServer({ tickets: 120 });
  token = await server.login('lead@demo.test');
  // Audit entries (the seed writes none): a ticket logged through the API.
  const agent = new TestClient(server, await server.login('l1.agent@demo.test'));
  const pushed = await agent.push(agent.entry('createTicket', newTicket('snap-audited')), agent.entry('addWorkNote', { ticketId: 'snap-audited', noteId: 'snap-note', body: 'Called back', visibility: 'internal' }));
  expect(pushed.body.results!.map((r) => r.status)).toEqual(['applied', 'applied']);
});
afterAll(() => server.close());

async function snapshot(query: string, auth: string | null = token): Promise<Response> {
  return fetch(`${server.url}/v1/pull/snapshot${query}`, auth ? { headers: { authorization: `Bearer ${auth}` } } : {});
}

function read(body: unknown): SnapshotPage {
  const { page, invalid } = parseSnapshotPage(body);
  expect(invalid).toEqual([]);
  return page;
}

/** Every page of a snapshot; `between` runs after each page but the last. */
async function snapshotAll(limit: number, auth = token, clientId?: string, between?: (page: SnapshotPage) => Promise<void>): Promise<SnapshotPage[]> {
  const pages: SnapshotPage[] = [];
  let after = '';
  let cursor: string | null = null;
  for (;;) {
    const params = new URLSearchParams({ after, limit: String(limit), ...(cursor ? { cursor } : {}), ...(clientId ? { clientId } : {}) });
    const res = await snapshot(`?${params}`, auth);
    expect(res.status).toBe(200);
    const page = read(await res.json());
    pages.push(page);
    cursor ??= page.cursor;
    after = page.next;
    if (!page.hasMore) return pages;
    await between?.(page);
  }
}

const ofKind = <K extends SnapshotChange['kind']>(changes: readonly SnapshotChange[], kind: K) => changes.filter((c): c is Extract<SnapshotChange, { kind: K }> => c.kind === kind);
/** A snapshot's changes with each log's text read into entries, as a pull page has them. */
const asPulled = (changes: readonly SnapshotChange[]): Change[] =>
  changes.flatMap((c) => (c.kind === 'log' ? (JSON.parse(c.entries) as StoredEvent[]).map((value) => ({ kind: 'event' as const, value })) : [c]));
const ticketIds = (pages: SnapshotPage[]) => pages.flatMap((p) => ofKind(p.changes, 'ticket').map((c) => c.value.id));

/** The desk through the change log, from the start (what a bootstrap read before snapshots). */
async function changeLogDesk(auth = token): Promise<Change[]> {
  const client = new TestClient(server, auth);
  return client.pullAll();
}

describe('GET /v1/pull/snapshot', () => {
  test('returns 401 without a token', async () => {
    expect((await snapshot('', null)).status).toBe(401);
  });

  test("pages through every ticket once, in the order of the client's buckets, each with its whole log, and holds what the change log holds", async () => {
    const pages = await snapshotAll(25);
    expect(pages.length).toBe(5);
    expect(ofKind(pages.flatMap((p) => p.changes), 'audit').length).toBeGreaterThan(1);
    const ids = ticketIds(pages);
    expect(ids).toHaveLength(121);
    // By the end of the id, then the id (the client keeps tickets in buckets by the ends of their ids).
    const order = (a: string, b: string) => (a.slice(-3) < b.slice(-3) ? -1 : a.slice(-3) > b.slice(-3) ? 1 : a < b ? -1 : a > b ? 1 : 0);
    expect([...ids].sort(order)).toEqual(ids);
    expect(pages.slice(0, -1).every((p) => ofKind(p.changes, 'ticket').length === 25 && p.hasMore)).toBe(true);
    // Each page names its last ticket, where the next one starts.
    expect(pages.slice(0, -1).map((p) => p.next)).toEqual(pages.slice(0, -1).map((p) => ofKind(p.changes, 'ticket').at(-1)!.value.id));
    // The first page says how many tickets follow (the progress bar); later pages do not count.
    expect(pages[0]!.remaining).toBe(96);
    expect(pages[1]!.remaining).toBeUndefined();
    // Every page answers from the first page's change-log position, where pulling resumes after the snapshot.
    expect(new Set(pages.map((p) => p.cursor)).size).toBe(1);

    const desk = await changeLogDesk();
    const all = asPulled(pages.flatMap((p) => p.changes));
    const byKind = (changes: readonly Change[]) => {
      const key = (c: Change) => `${c.kind}:${JSON.stringify('value' in c ? c.value : c)}`;
      return changes.map(key).sort();
    };
    // Same tickets, log entries, audit entries, directory, policy and knowledge base as a bootstrap through the change log.
    expect(byKind(all)).toEqual(byKind(desk));
    // A ticket's log comes on the page of its ticket, whole, as the text of its entries in log order.
    for (const page of pages) {
      const here = new Set(ofKind(page.changes, 'ticket').map((c) => c.value.id));
      expect(ofKind(page.changes, 'event')).toEqual([]);
      for (const log of ofKind(page.changes, 'log')) {
        expect(here.has(log.ticketId)).toBe(true);
        const entries = JSON.parse(log.entries) as StoredEvent[];
        expect(entries.every((e) => e.ticketId === log.ticketId)).toBe(true);
        expect(entries.map((e) => e.seq)).toEqual(entries.map((e) => e.seq).sort((a, b) => a - b));
      }
    }
    // Directory, policy and knowledge base once, on the first page.
    for (const kind of ['agent', 'group', 'policy', 'kb'] as const) {
      expect(ofKind(pages[0]!.changes, kind).length).toBeGreaterThan(0);
      expect(pages.slice(1).every((p) => ofKind(p.changes, kind).length === 0)).toBe(true);
    }
  });

  test('with the changes after its cursor, ends at the server state although tickets change between its pages', async () => {
    const lead = new TestClient(server, token);
    let changed = '';
    const pages = await snapshotAll(40, token, undefined, async (page) => {
      // After the first page: a ticket it already brought, and one still to come, are both changed.
      if (changed) return;
      const seen = ofKind(page.changes, 'ticket')[0]!.value;
      const onPage = new Set(ofKind(page.changes, 'ticket').map((c) => c.value.id));
      const rows = await server.db.selectFrom('tickets').select(['id', 'data']).execute();
      const later = JSON.parse(rows.find((r) => !onPage.has(r.id))!.data) as typeof seen;
      await putTicket(server.db, { ...seen, title: 'Changed after its page', version: seen.version + 1 });
      await putTicket(server.db, { ...later, title: 'Changed before its page', version: later.version + 1 });
      changed = `${seen.id} ${later.id}`;
    });
    const [seenId, laterId] = changed.split(' ');
    lead.cursor = pages[0]!.cursor;
    const after = await lead.pullAll();
    const latest = new Map<string, string>();
    for (const c of [...asPulled(pages.flatMap((p) => p.changes)), ...after]) if (c.kind === 'ticket') latest.set(c.value.id, c.value.title);
    expect(latest.get(seenId!)).toBe('Changed after its page');
    expect(latest.get(laterId!)).toBe('Changed before its page');
    const rows = await server.db.selectFrom('tickets').select(['id', 'data']).execute();
    expect(latest).toEqual(new Map(rows.map((r) => [r.id, (JSON.parse(r.data) as { title: string }).title])));
  });

  test("carries the client's refused mutations and its last mutation id", async () => {
    const agent = new TestClient(server, await server.login('l1.agent@demo.test'));
    const pushed = await agent.push(agent.entry('createTicket', newTicket('snap-ok')), agent.entry('acceptTicket', { ticketId: 'no-such-ticket' }));
    expect(pushed.body.results!.map((r) => r.status)).toEqual(['applied', 'refused']);
    const res = await snapshot(`?clientId=${agent.clientId}&limit=2000`, agent.token);
    const page = read(await res.json());
    expect(page.lastMutationId).toBe(2);
    expect(ofKind(page.changes, 'refused').map((c) => c.value.mutationId)).toEqual([2]);
  });

  test("gives a vendor liaison only their groups' tickets and their logs", async () => {
    const pages = await snapshotAll(10, await server.login('vendor.liaison@demo.test'));
    const tickets = pages.flatMap((p) => ofKind(p.changes, 'ticket').map((c) => c.value));
    expect(tickets.length).toBeGreaterThan(0);
    expect(tickets.every((t) => t.group === 'vendor-management')).toBe(true);
    const ids = new Set(tickets.map((t) => t.id));
    expect(pages.flatMap((p) => ofKind(p.changes, 'log')).every((c) => ids.has(c.ticketId))).toBe(true);
  });

  test('refuses a malformed cursor, a limit too large and parameters it does not take, naming the field', async () => {
    for (const [query, field] of [
      ['?cursor=abc', 'cursor'],
      ['?limit=100000', 'limit'],
      ['?since=5', 'since'],
      [`?after=${'x'.repeat(65)}`, 'after'],
    ] as const) {
      const res = await snapshot(query);
      expect(res.status).toBe(400);
      expect(JSON.stringify(await res.json())).toContain(field);
    }
  });
});
