import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { PullResponse } from '../../../shared/sync/pull';
import { TierdeskDb } from '../db/db';
import { appendToLogs, readLog } from '../db/ticket-log';
import { fromRecord } from '../db/ticket-record';
import { makeTicket } from '../test/tickets';
import { L1, LEAD } from '../test/workspace-harness';
import { ApiClient } from './api-client';
import { pullAll } from './puller';
import { readPullState } from './sync-state';
import { readWorkNews } from './work-news';

const NOW = Date.UTC(2026, 10, 24, 15);
const HOUR = 3_600_000;
let db: TierdeskDb;

beforeEach(async () => {
  db = new TierdeskDb(`puller-${Math.random()}`);
  // Synced before: this pull is a delta, not a bootstrap.
  await db.syncState.put({ key: 'pull', cursor: '100', lastSyncedAt: NOW - HOUR, serverOffsetMs: 0 });
  // As stored: t-1…t-4 and t-9 are L1's; t-5 waits for L1 in the service desk, t-6 for L2 in network operations; t-10 is someone else's.
  const created = NOW - 2 * HOUR;
  await db.tickets.bulkPut([
    ...[1, 2, 3, 4, 9].map((n) => makeTicket(n, { createdAt: created, assignee: L1.id })),
    makeTicket(5, { createdAt: created, assignee: null, status: 'pending_acceptance' }),
    makeTicket(6, { createdAt: created, assignee: null, status: 'pending_acceptance', tier: 'L2', group: 'network-ops' }),
    makeTicket(10, { createdAt: created, assignee: 'agent-l1b' }),
  ]);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const workNews = (id: string, ticketId: string, at: number, to: string | null = L1.id) => ({
  kind: 'event' as const,
  value: { id, ticketId, seq: 5, event: { type: 'owner_changed' as const, at, by: LEAD.id, role: 'lead' as const, from: null, to, reason: `reason ${id}` } },
});

const page = (cursor: string, hasMore: boolean, changes: PullResponse['changes']): PullResponse => ({ version: 1, cursor, hasMore, lastMutationId: 0, serverTime: NOW, changes });
const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });

/** An API that answers first work with nothing and pull pages in turn (a rejection is the network failing); `asked` lists the paths. */
function serverWithPages(pages: Array<PullResponse | Error>, asked: string[]): ApiClient {
  const queue = [...pages];
  return new ApiClient('http://tierdesk.test', 'token', async (input) => {
    const url = new URL(String(input));
    asked.push(url.pathname);
    if (url.pathname === '/v1/pull/first-work') return json(page('0', false, []));
    // A server from before snapshots: the bootstrap pages through its change log.
    if (url.pathname === '/v1/pull/snapshot') return new Response(JSON.stringify({ error: 'not_found', message: 'Route GET:/v1/pull/snapshot not found' }), { status: 404 });
    const next = queue.shift();
    if (!next || next instanceof Error) throw new TypeError('network down');
    return json(next);
  });
}

const moved = (id: string, ticketId: string, fromTier: 'L1' | 'L2' | 'L3', toTier: 'L1' | 'L2' | 'L3', by = 'agent-l2', role: 'l2_agent' | 'system' = 'l2_agent') => ({
  kind: 'event' as const,
  value: { id, ticketId, seq: 6, event: { type: 'escalated' as const, kind: 'functional' as const, at: NOW - HOUR, by, role, trigger: 'needs-expertise', fromTier, toTier, reason: `needs ${id}` } },
});

/** An API that answers one pull page. */
function serverWith(changes: PullResponse['changes']): ApiClient {
  const page: PullResponse = { version: 1, cursor: '101', hasMore: false, lastMutationId: 0, serverTime: NOW, changes };
  return new ApiClient('http://tierdesk.test', 'token', async () => new Response(JSON.stringify(page), { status: 200, headers: { 'content-type': 'application/json' } }));
}

describe('pullAll: tickets given to me', () => {
  test('reports hand-overs to me from the last day, not older ones, not to others, not by me', async () => {
    const progress = await pullAll(
      serverWith([
        workNews('fresh', 't-1', NOW - 2 * HOUR),
        workNews('old', 't-2', NOW - 30 * HOUR),
        workNews('someone-else', 't-3', NOW - HOUR, 'agent-l1b'),
        workNews('to-queue', 't-4', NOW - HOUR, null),
      ]),
      db,
      L1,
    );
    expect(progress.news).toEqual([{ kind: 'given', ticketId: 't-1', by: LEAD.id, reason: 'reason fresh', at: NOW - 2 * HOUR }]);
    expect(progress.firstWork).toBeUndefined();
    // Kept with the page, for the notices (until opened or dismissed, across restarts).
    expect(await readWorkNews(db)).toEqual(progress.news);
  });

  test('judges news on a ticket the same page brings by the page; a ticket gone later in a page is not stored, nor news', async () => {
    const ticket = { kind: 'ticket' as const, value: fromRecord(makeTicket(20, { createdAt: NOW - HOUR, assignee: L1.id })) };
    const progress = await pullAll(serverWith([ticket, workNews('new', 't-20', NOW - HOUR)]), db, L1);
    expect(progress.news.map((h) => h.ticketId)).toEqual(['t-20']);
    const gone = await pullAll(serverWith([ticket, workNews('gone', 't-20', NOW - HOUR), { kind: 'ticket_gone', id: 't-20' }]), db, L1);
    expect(gone.news).toEqual([]);
    expect(await db.tickets.get('t-20')).toBeUndefined();
    expect(await readLog(db, 't-20')).toEqual([]);
  });

  test('reports tickets moved to my tier, up or back down, by someone else or by the escalation matrix', async () => {
    const progress = await pullAll(
      serverWith([
        moved('back', 't-5', 'L2', 'L1'),
        moved('matrix', 't-6', 'L1', 'L2', 'tierdesk-escalations', 'system'),
        moved('to-l3', 't-7', 'L2', 'L3'),
        moved('by-me', 't-8', 'L2', 'L1', L1.id),
      ]),
      db,
      L1,
    );
    expect(progress.news).toEqual([{ kind: 'returned', ticketId: 't-5', by: 'agent-l2', reason: 'needs back', at: NOW - HOUR }]);
    expect(progress.news.some((h) => h.kind !== 'returned')).toBe(false);
    const l2 = await pullAll(serverWith([moved('matrix', 't-6', 'L1', 'L2', 'tierdesk-escalations', 'system')]), db, { ...L1, id: 'agent-l2', tier: 'L2', groups: ['network-ops'] });
    expect(l2.news).toEqual([{ kind: 'escalated', ticketId: 't-6', by: 'tierdesk-escalations', automatic: true, reason: 'needs matrix', at: NOW - HOUR }]);
  });
});

describe('pullAll: notes by others', () => {
  test('reports notes written by someone else on my tickets (one line, at most 200 characters), not my own, not on tickets of others', async () => {
    const note = (id: string, by: string, body: string, ticketId = 't-9') => ({
      kind: 'event' as const,
      value: { id, ticketId, seq: 7, event: { type: 'note_added' as const, at: NOW - HOUR, by, role: 'lead' as const, noteId: id, body, visibility: 'internal' as const, contact: null } },
    });
    const progress = await pullAll(serverWith([note('n1', LEAD.id, 'Call the requester\n\nbefore noon'), note('n2', L1.id, 'my own note'), note('n3', LEAD.id, 'x'.repeat(500)), note('n4', LEAD.id, 'on Dana’s ticket', 't-10')]), db, L1);
    expect(progress.news.map((h) => [h.kind, h.by, h.reason.length <= 200 ? h.reason.slice(0, 30) : 'too long'])).toEqual([
      ['noted', LEAD.id, 'Call the requester before noon'],
      ['noted', LEAD.id, 'x'.repeat(30)],
    ]);
    expect(progress.news[1]!.reason).toHaveLength(200);
    expect(progress.news[1]!.reason.endsWith('…')).toBe(true);
  });

  test('reports notes by others on a ticket I watch, though not mine; never my own', async () => {
    const note = (id: string, by: string) => ({
      kind: 'event' as const,
      value: { id, ticketId: 't-10', seq: 7, event: { type: 'note_added' as const, at: NOW - HOUR, by, role: 'lead' as const, noteId: id, body: `note ${id}`, visibility: 'internal' as const, contact: null } },
    });
    const reopened = { kind: 'event' as const, value: { id: 'w3', ticketId: 't-10', seq: 8, event: { type: 'reopened' as const, at: NOW - HOUR, by: LEAD.id, role: 'lead' as const, reason: 'Broke again' } } };
    const progress = await pullAll(serverWith([note('w1', LEAD.id), note('w2', L1.id), reopened]), db, L1, undefined, new Set(['t-10']));
    expect(progress.news.map((h) => [h.kind, h.ticketId, h.reason])).toEqual([
      ['noted', 't-10', 'note w1'],
      ['reopened', 't-10', 'Broke again'],
    ]);
  });
});

describe('pullAll: resolutions', () => {
  test('a ticket I handed on to another tier, resolved there, is news with how it was fixed; one I never handed over is not', async () => {
    const created = NOW - 2 * HOUR;
    await db.tickets.bulkPut([
      makeTicket(11, { createdAt: created, assignee: 'agent-l2', tier: 'L2', status: 'resolved' }),
      makeTicket(12, { createdAt: created, assignee: 'agent-l2', tier: 'L2', status: 'resolved' }),
    ]);
    const handoff = (ticketId: string, by: string) => ({
      id: `${ticketId}:h`,
      ticketId,
      seq: 3,
      pending: 0 as const,
      event: { type: 'handoff_note' as const, at: created, by, role: 'l1_agent' as const, fromTier: 'L1' as const, toTier: 'L2' as const, note: {}, skipReason: null },
    });
    await appendToLogs(db, [handoff('t-11', L1.id), handoff('t-12', 'agent-l1b')]);
    const resolution = (id: string, ticketId: string) => ({
      kind: 'event' as const,
      value: { id, ticketId, seq: 9, event: { type: 'resolution_recorded' as const, at: NOW - HOUR, by: 'agent-l2', role: 'l2_agent' as const, resolution: `Fixed ${ticketId}`, kbArticleId: null } },
    });
    const progress = await pullAll(serverWith([resolution('x1', 't-11'), resolution('x2', 't-12')]), db, L1);
    expect(progress.news).toEqual([{ kind: 'resolved', ticketId: 't-11', by: 'agent-l2', reason: 'Fixed t-11', at: NOW - HOUR, handedOver: true }]);
  });
});

describe('pullAll: reopened tickets and skip decisions', () => {
  const event = (id: string, ticketId: string, event: Record<string, unknown>) => ({ kind: 'event' as const, value: { id, ticketId, seq: 8, event: { at: NOW - HOUR, by: LEAD.id, role: 'lead', ...event } } }) as PullResponse['changes'][number];
  test('reports my tickets reopened by someone else, and decisions on skips I asked for (not withdrawals, not skips others asked for)', async () => {
    const progress = await pullAll(
      serverWith([
        event('r1', 't-1', { type: 'reopened', reason: 'The VPN drops again' }),
        event('r2', 't-10', { type: 'reopened', reason: 'Not mine' }),
        event('s1', 't-2', { type: 'skip_decided', decision: 'declined', toTier: 'L3', requestedBy: L1.id, reason: 'L2 can patch it' }),
        event('s2', 't-3', { type: 'skip_decided', decision: 'approved', toTier: 'L3', requestedBy: L1.id, reason: null }),
        event('s3', 't-4', { type: 'skip_decided', decision: 'withdrawn', toTier: 'L3', requestedBy: L1.id, reason: null, by: 'agent-l1b' }),
        event('s4', 't-10', { type: 'skip_decided', decision: 'approved', toTier: 'L3', requestedBy: 'agent-l1b', reason: null }),
      ]),
      db,
      L1,
    );
    expect(progress.news.map((h) => [h.kind, h.ticketId, h.reason])).toEqual([
      ['reopened', 't-1', 'The VPN drops again'],
      ['skip_declined', 't-2', 'L2 can patch it'],
      ['skip_approved', 't-3', ''],
    ]);
  });
});

describe('pullAll: a bootstrap cut short and resumed', () => {
  test('asks for first work again, reports no hand-overs as news, and is an ordinary delta once it has caught up', async () => {
    await db.syncState.clear();
    await db.tickets.clear();
    await db.tickets.bulkPut([makeTicket(1, { createdAt: NOW - 2 * HOUR, assignee: L1.id }), makeTicket(2, { createdAt: NOW - 2 * HOUR, assignee: L1.id })]);
    const asked: string[] = [];
    // The first download stops after one page (offline), with more to come.
    await expect(pullAll(serverWithPages([page('50', true, []), new Error('offline')], asked), db, L1)).rejects.toThrow();
    expect(asked).toEqual(['/v1/pull/first-work', '/v1/pull/snapshot', '/v1/pull', '/v1/pull']);
    expect(await readPullState(db)).toMatchObject({ cursor: '50', bootstrapping: true });

    asked.length = 0;
    const resumed = await pullAll(serverWithPages([page('101', false, [workNews('fresh', 't-1', NOW - HOUR)])], asked), db, L1);
    expect(asked).toEqual(['/v1/pull/first-work', '/v1/pull']);
    expect(resumed.firstWork).toBe(0);
    // Brought by the download, not given while the agent watched: history, not news.
    expect(resumed.news).toEqual([]);
    expect(await readWorkNews(db)).toEqual([]);
    const caughtUp = await readPullState(db);
    expect(caughtUp.cursor).toBe('101');
    expect(caughtUp).not.toHaveProperty('bootstrapping');

    asked.length = 0;
    const delta = await pullAll(serverWithPages([page('102', false, [workNews('later', 't-2', NOW - HOUR)])], asked), db, L1);
    expect(asked).toEqual(['/v1/pull']);
    expect(delta.news.map((h) => h.ticketId)).toEqual(['t-2']);
    expect((await readWorkNews(db)).map((h) => h.ticketId)).toEqual(['t-2']);
  });
});

describe('pullAll: a bootstrap from a snapshot', () => {
  const snapshotPage = (cursor: string, next: string, hasMore: boolean, changes: PullResponse['changes'], remaining?: number) => ({
    ...page(cursor, hasMore, changes),
    next,
    ...(remaining !== undefined ? { remaining } : {}),
  });
  const ticket = (n: number) => ({ kind: 'ticket' as const, value: fromRecord(makeTicket(n, { createdAt: NOW - HOUR, assignee: L1.id })) });

  test('writes the desk page by page with where it resumes, then pulls what changed after its first page, reporting history as no news', async () => {
    await db.syncState.clear();
    await db.tickets.clear();
    const asked: string[] = [];
    const states: unknown[] = [];
    const answers: Record<string, unknown[]> = {
      '/v1/pull/snapshot': [snapshotPage('500', 't-31', true, [ticket(31)], 1), snapshotPage('500', 't-32', false, [ticket(32), workNews('old-news', 't-32', NOW - HOUR)])],
      '/v1/pull': [page('502', false, [workNews('since', 't-31', NOW - HOUR)])],
    };
    const api = new ApiClient('http://tierdesk.test', 'token', async (input) => {
      const url = new URL(String(input));
      asked.push(`${url.pathname}?${url.searchParams.get('after') ?? ''}|${url.searchParams.get('cursor') ?? ''}`);
      if (url.pathname === '/v1/pull/first-work') return json(page('0', false, []));
      states.push(await readPullState(db));
      return json(answers[url.pathname]!.shift());
    });
    const progress: Array<{ snapshot?: unknown }> = [];
    const result = await pullAll(api, db, L1, (p) => progress.push({ snapshot: p.snapshot }));
    // The second page asks after the first page's last ticket, from the first page's change-log position; the pull then goes on from there.
    expect(asked).toEqual(['/v1/pull/first-work?|', '/v1/pull/snapshot?|', '/v1/pull/snapshot?t-31|500', '/v1/pull?|500']);
    expect(progress.map((p) => p.snapshot)).toEqual([undefined, { tickets: 1, total: 2 }, { tickets: 2, total: 2 }, { tickets: 2, total: 2 }]);
    expect((await db.tickets.toArray()).map((t) => t.id).sort()).toEqual(['t-31', 't-32']);
    expect(result.news).toEqual([]);
    const done = await readPullState(db);
    expect(done.cursor).toBe('502');
    expect(done).not.toHaveProperty('snapshot');
    expect(done).not.toHaveProperty('bootstrapping');
  });

  test('cut short between pages, resumes after the last page written, from the same change-log position', async () => {
    await db.syncState.clear();
    await db.tickets.clear();
    let fail = true;
    const asked: string[] = [];
    const api = new ApiClient('http://tierdesk.test', 'token', async (input) => {
      const url = new URL(String(input));
      if (url.pathname === '/v1/pull/first-work') return json(page('0', false, []));
      asked.push(`${url.pathname}?${url.searchParams.get('after') ?? ''}|${url.searchParams.get('cursor') ?? ''}`);
      if (url.pathname === '/v1/pull') return json(page('501', false, []));
      if (!url.searchParams.get('after')) return json(snapshotPage('500', 't-31', true, [ticket(31)], 1));
      if (fail) throw new TypeError('network down');
      return json(snapshotPage('500', 't-32', false, [ticket(32)]));
    });
    await expect(pullAll(api, db, L1)).rejects.toThrow();
    expect(await readPullState(db)).toMatchObject({ cursor: '0', bootstrapping: true, snapshot: { cursor: '500', after: 't-31' } });
    fail = false;
    asked.length = 0;
    await pullAll(api, db, L1);
    expect(asked).toEqual(['/v1/pull/snapshot?t-31|500', '/v1/pull?|500']);
    expect((await db.tickets.toArray()).map((t) => t.id).sort()).toEqual(['t-31', 't-32']);
    expect((await readPullState(db)).cursor).toBe('501');
  });
});
