import type { Agent, Group } from '../../../shared/model/agent';
import type { AuditEntry } from '../../../shared/model/audit-entry';
import type { KbArticle } from '../../../shared/model/kb-article';
import type { Ticket } from '../../../shared/model/ticket';
import type { Change, PullResponse, SnapshotChange } from '../../../shared/sync/pull';
import { adoptPolicyDocument } from '../app/policy';
import type { EventRow, TierdeskDb } from '../db/db';
import { appendToLogs, type StoredLog } from '../db/ticket-log';
import { toRecord, type TicketRecord } from '../db/ticket-record';
import { ApiRequestError, measureOffset, type ApiClient, type Exchange, type SnapshotRead } from './api-client';
import { rebaseTicket, settleTickets } from './local-apply';
import { readClientState, readPullState, type PullState } from './sync-state';
import { keepWorkNews, newsForMe, newsOf, NOTHING_WATCHED, type WorkNews } from './work-news';

export const PULL_PAGE_SIZE = 2000;
/** Tickets per snapshot page (with their logs: a few megabytes). */
export const SNAPSHOT_PAGE_SIZE = 1000;

/**
 * `total` is known on a bootstrap (the server counts what follows the first page). `unreadable`: changes
 * this version could not read (a newer server's data, a damaged record), skipped; they do not come again.
 */
export type PullProgress = {
  pages: number;
  changes: number;
  hasMore: boolean;
  refused: number;
  unreadable: number;
  total?: number;
  /** On a bootstrap: the agent's own most urgent tickets are stored (how many), ahead of the rest of the desk. */
  firstWork?: number;
  /** On a bootstrap, while the desk comes as a snapshot: tickets stored, of how many (known from its first page). */
  snapshot?: { tickets: number; total?: number };
  /** Work that came to this agent since the last pull, as work-news.ts reads it (never on a bootstrap: that is history). */
  news: WorkNews[];
};

/**
 * Writes one page: server data, then confirmations (outbox rows the server
 * has applied are deleted, refused ones move to Needs attention with all
 * their input), then a rebase of every ticket with pending changes, then the
 * page's news that is the agent's (read against the tickets as stored now).
 * All in one transaction with the cursor, so a crash resumes after the last
 * whole page, and news is kept exactly when its page is.
 */
async function writePage(
  db: TierdeskDb,
  page: Omit<PullResponse, 'changes'> & { changes: ReadonlyArray<Change | SnapshotChange> },
  next: PullState,
  actor: Agent,
  news: readonly WorkNews[] = [],
  watched: ReadonlySet<string> = NOTHING_WATCHED,
): Promise<{ refused: number; news: WorkNews[] }> {
  return db.transaction(
    'rw',
    [db.tickets, db.serverTickets, db.logs, db.kb, db.agents, db.groups, db.audit, db.outbox, db.needsAttention, db.syncState],
    async () => {
      const client = await readClientState(db);
      const pendingIds = new Set((await db.outbox.toArray()).map((r) => r.ticketId));
      const touched = new Set<string>();
      const refused = await writeChanges(db, page.changes, pendingIds, touched);
      const confirmed = await db.outbox.where('id').belowOrEqual(page.lastMutationId).toArray();
      await db.outbox.bulkDelete(confirmed.map((r) => r.id));
      for (const row of confirmed) touched.add(row.ticketId);
      await db.syncState.put({ ...client, lastMutationId: Math.max(client.lastMutationId, page.lastMutationId) });
      // Only tickets with pending work can differ from the server; of those, only
      // the ones whose base or pending set changed in this page need a rebase,
      // and the ones with nothing pending any more just settle (in bulk).
      const stillPending = new Set((await db.outbox.toArray()).map((r) => r.ticketId));
      const settled: string[] = [];
      for (const ticketId of pendingIds) {
        if (!ticketId || !touched.has(ticketId)) continue;
        if (stillPending.has(ticketId)) await rebaseTicket(db, ticketId, actor, client.clientId);
        else settled.push(ticketId);
      }
      await settleTickets(db, settled);
      const mine = await newsForMe(db, actor, news, watched, storedAsPaged(page.changes, pendingIds));
      await keepWorkNews(db, mine);
      await db.syncState.put(next);
      return { refused, news: mine };
    },
  );
}

/** Tickets as this page stores them, for those with no pending change of mine (their view is the server's copy): no read needed for them. */
function storedAsPaged(changes: ReadonlyArray<Change | SnapshotChange>, pendingIds: ReadonlySet<string>): Map<string, Ticket> {
  const stored = new Map<string, Ticket>();
  for (const change of changes) {
    if (change.kind === 'ticket' && !pendingIds.has(change.value.id)) stored.set(change.value.id, change.value);
    else if (change.kind === 'ticket_gone') stored.delete(change.id);
  }
  return stored;
}

/** Removes one ticket's rows from lists collected for bulk writes, in place. */
function dropTicket(ticketId: string, views: TicketRecord[], bases: Ticket[], events: EventRow[], audit: AuditEntry[], logs: StoredLog[]): void {
  const keep = <T,>(list: T[], mine: (row: T) => boolean) => list.splice(0, list.length, ...list.filter((row) => !mine(row)));
  keep(views, (t) => t.id === ticketId);
  keep(bases, (t) => t.id === ticketId);
  keep(events, (e) => e.ticketId === ticketId);
  keep(audit, (a) => a.ticketId === ticketId);
  keep(logs, (l) => l.ticketId === ticketId);
}

/**
 * Writes a page's changes with one bulk call per table (a bootstrap page is
 * a thousand rows; one put each would dominate the time), log entries into
 * one record per ticket (ticket-log.ts). Tickets with my
 * pending changes go to serverTickets, the base their view is rebased on.
 */
async function writeChanges(db: TierdeskDb, changes: ReadonlyArray<Change | SnapshotChange>, pendingIds: ReadonlySet<string>, touched: Set<string>): Promise<number> {
  const views: TicketRecord[] = [];
  const logs: StoredLog[] = [];
  const bases: Ticket[] = [];
  const events: EventRow[] = [];
  const kb: KbArticle[] = [];
  const agents: Agent[] = [];
  const groups: Group[] = [];
  const audit: AuditEntry[] = [];
  let refused = 0;
  for (const change of changes) {
    switch (change.kind) {
      case 'ticket':
        if (pendingIds.has(change.value.id)) bases.push(change.value);
        else views.push(toRecord(change.value));
        touched.add(change.value.id);
        break;
      case 'ticket_gone':
        // Gone after what this page brought of it so far: none of that is written (the bulk writes come after the loop).
        dropTicket(change.id, views, bases, events, audit, logs);
        await db.tickets.delete(change.id);
        await db.serverTickets.delete(change.id);
        await db.logs.delete(change.id);
        await db.audit.where('[ticketId+seq]').between([change.id, -Infinity], [change.id, Infinity]).delete();
        break;
      case 'event':
        events.push({ ...change.value, pending: 0 });
        touched.add(change.value.ticketId);
        break;
      case 'log':
        // A whole log from a snapshot, kept as the text it came in (read when the log is: ticket-log.ts); my pending entries are rebased after.
        logs.push({ ticketId: change.ticketId, events: [], entries: change.entries });
        touched.add(change.ticketId);
        break;
      case 'kb':
        kb.push(change.value);
        break;
      case 'agent':
        agents.push(change.value);
        break;
      case 'group':
        groups.push(change.value);
        break;
      case 'audit':
        audit.push(change.value);
        break;
      case 'policy':
        if (adoptPolicyDocument(change.value, change.version).ok) {
          await db.syncState.put({ key: 'policy', version: change.version, document: change.value });
        }
        break;
      case 'refused': {
        const row = await db.outbox.get(change.value.mutationId);
        if (!row) break;
        await db.needsAttention.put({ ...row, code: change.value.code, field: change.value.field, reason: change.value.reason, refusedAt: change.value.at });
        await db.outbox.delete(row.id);
        touched.add(row.ticketId);
        refused++;
        break;
      }
    }
  }
  await Promise.all([
    views.length && db.tickets.bulkPut(views),
    bases.length && db.serverTickets.bulkPut(bases),
    appendToLogs(db, events),
    logs.length && db.logs.bulkPut(logs),
    kb.length && db.kb.bulkPut(kb),
    agents.length && db.agents.bulkPut(agents),
    groups.length && db.groups.bulkPut(groups),
    audit.length && db.audit.bulkPut(audit),
  ]);
  return refused;
}

/**
 * On a bootstrap, the agent's own most urgent tickets first (their queues
 * are right within a second or two, not after the whole desk): written like
 * a page, but the cursor and the last-synced time stay, so the bootstrap
 * that follows still brings everything, these included (a newer copy wins,
 * log entries merge by id). A server without it, or a failure, just means
 * the bootstrap alone; whatever went wrong, the bootstrap reports it.
 */
async function writeFirstWork(api: ApiClient, db: TierdeskDb, actor: Agent, state: PullState): Promise<number | null> {
  let answer: Awaited<ReturnType<ApiClient['firstWork']>>;
  try {
    answer = await api.firstWork();
  } catch (error) {
    console.warn('first-work answer unavailable; the whole desk comes without it', error);
    return null;
  }
  const { body, sentAt, receivedAt } = answer;
  await writePage(db, body, { ...state, serverOffsetMs: measureOffset(body.serverTime, sentAt, receivedAt) }, actor);
  return body.changes.filter((c) => c.kind === 'ticket').length;
}

/**
 * Pulls every page changed after the stored cursor. The next page is fetched
 * while the current one is being written (the cursor comes with the
 * response), so network and server time overlap the IndexedDB writes.
 * `watched`: tickets the agent watches (notes on them are news too).
 */
export async function pullAll(
  api: ApiClient,
  db: TierdeskDb,
  actor: Agent,
  onProgress?: (progress: PullProgress) => void,
  watched: ReadonlySet<string> = NOTHING_WATCHED,
): Promise<PullProgress> {
  const progress: PullProgress = { pages: 0, changes: 0, hasMore: true, refused: 0, unreadable: 0, news: [] };
  const { clientId } = await db.transaction('rw', db.syncState, () => readClientState(db));
  let start = await readPullState(db);
  // A bootstrap cut short (offline, app closed) and resumed is still one: it asks for first work again and reports no history as news.
  const bootstrap = (start.cursor === '0' && start.lastSyncedAt === null) || start.bootstrapping === true;
  const firstWork = bootstrap ? writeFirstWork(api, db, actor, start) : null;
  // The desk itself comes as a snapshot by ticket id, then the changes made since it began; a server without snapshots pages its change log from the start.
  const snapshot = bootstrap && start.cursor === '0' ? api.snapshot(start.snapshot?.after ?? '', start.snapshot?.cursor ?? null, SNAPSHOT_PAGE_SIZE, clientId) : null;
  let next = snapshot ? null : api.pull(start.cursor, PULL_PAGE_SIZE, clientId);
  // Settled before any page is written: pages never interleave with first work; if it fails, the prefetches are abandoned.
  next?.catch(() => undefined);
  snapshot?.catch(() => undefined);
  if (firstWork) {
    const tickets = await firstWork;
    if (tickets !== null) {
      progress.firstWork = tickets;
      onProgress?.({ ...progress });
    }
  }
  if (snapshot) start = (await pullSnapshot(api, db, actor, start, snapshot, clientId, progress, onProgress)) ?? start;
  next ??= api.pull(start.cursor, PULL_PAGE_SIZE, clientId);
  while (progress.hasMore) {
    const { body, sentAt, receivedAt } = await next;
    if (body.hasMore) {
      next = api.pull(body.cursor, PULL_PAGE_SIZE, clientId);
      // If writing this page fails, the prefetch is abandoned; keep it from surfacing as unhandled.
      next.catch(() => undefined);
    }
    const state: PullState = {
      key: 'pull',
      cursor: body.cursor,
      lastSyncedAt: receivedAt,
      serverOffsetMs: measureOffset(body.serverTime, sentAt, receivedAt),
      ...(bootstrap && body.hasMore ? { bootstrapping: true as const } : {}),
    };
    if (body.remaining !== undefined) progress.total = body.changes.length + body.remaining;
    const written = await writePage(db, body, state, actor, bootstrap ? [] : newsOf(actor, body), watched);
    countPage(progress, body, written);
    progress.news.push(...written.news);
    progress.hasMore = body.hasMore;
    onProgress?.({ ...progress });
  }
  return progress;
}

/** A written page (of the change log or a snapshot) in the progress. */
function countPage(progress: PullProgress, page: { changes: readonly unknown[]; unreadable: number }, written: { refused: number }): void {
  progress.refused += written.refused;
  progress.pages += 1;
  progress.changes += page.changes.length;
  progress.unreadable += page.unreadable;
}

/**
 * The desk as a snapshot, a page of tickets (with their logs) at a time in
 * id order, each page written with where the snapshot resumes, so one cut
 * short goes on after its last page. Returns the pull state to go on from
 * (the change-log position the snapshot began at), or null when the server
 * has no snapshots (an older server: its change log from the start then).
 */
async function pullSnapshot(
  api: ApiClient,
  db: TierdeskDb,
  actor: Agent,
  start: PullState,
  first: Promise<Exchange<SnapshotRead>>,
  clientId: string,
  progress: PullProgress,
  onProgress: ((progress: PullProgress) => void) | undefined,
): Promise<PullState | null> {
  let next = first;
  let since = start.snapshot?.cursor ?? null;
  const tickets = { done: 0, total: undefined as number | undefined };
  for (;;) {
    let exchange: Exchange<SnapshotRead>;
    try {
      exchange = await next;
    } catch (error) {
      if (since === null && error instanceof ApiRequestError && error.status === 404) return null;
      throw error;
    }
    const { body, sentAt, receivedAt } = exchange;
    since ??= body.cursor;
    if (body.hasMore) {
      next = api.snapshot(body.next, since, SNAPSHOT_PAGE_SIZE, clientId);
      next.catch(() => undefined);
    }
    const state: PullState = {
      key: 'pull',
      // Pulling resumes where the snapshot began, once it is whole.
      cursor: body.hasMore ? '0' : since,
      lastSyncedAt: receivedAt,
      serverOffsetMs: measureOffset(body.serverTime, sentAt, receivedAt),
      bootstrapping: true,
      ...(body.hasMore ? { snapshot: { cursor: since, after: body.next } } : {}),
    };
    const pageTickets = body.changes.filter((c) => c.kind === 'ticket').length;
    if (body.remaining !== undefined) tickets.total = pageTickets + body.remaining;
    tickets.done += pageTickets;
    countPage(progress, body, await writePage(db, body, state, actor));
    progress.snapshot = tickets.total !== undefined ? { tickets: tickets.done, total: tickets.total } : { tickets: tickets.done };
    onProgress?.({ ...progress });
    if (!body.hasMore) return state;
  }
}
