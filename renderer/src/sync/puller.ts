import type { Agent } from '../../../shared/model/agent';
import type { Change, PullResponse } from '../../../shared/sync/pull';
import { adoptPolicyDocument } from '../app/policy';
import type { TierdeskDb } from '../db/db';
import { toRecord } from '../db/ticket-record';
import { measureOffset, type ApiClient } from './api-client';
import { rebaseTicket } from './local-apply';
import { readClientState, readPullState, type PullState } from './sync-state';

export const PULL_PAGE_SIZE = 1000;

export type PullProgress = { pages: number; changes: number; hasMore: boolean; refused: number };

/**
 * Writes one page: server data, then confirmations (outbox rows the server
 * has applied are deleted, refused ones move to Needs attention with all
 * their input), then a rebase of every ticket with pending changes. All in
 * one transaction with the cursor, so a crash resumes after the last whole page.
 */
async function writePage(db: TierdeskDb, page: PullResponse, next: PullState, actor: Agent): Promise<number> {
  return db.transaction(
    'rw',
    [db.tickets, db.serverTickets, db.events, db.kb, db.agents, db.groups, db.outbox, db.needsAttention, db.syncState],
    async () => {
      const client = await readClientState(db);
      const pendingIds = new Set((await db.outbox.toArray()).map((r) => r.ticketId));
      const touched = new Set<string>();
      let refused = 0;
      for (const change of page.changes) {
        refused += await writeChange(db, change, pendingIds, touched);
      }
      const confirmed = await db.outbox.where('id').belowOrEqual(page.lastMutationId).toArray();
      await db.outbox.bulkDelete(confirmed.map((r) => r.id));
      for (const row of confirmed) touched.add(row.ticketId);
      await db.syncState.put({ ...client, lastMutationId: Math.max(client.lastMutationId, page.lastMutationId) });
      for (const ticketId of new Set([...pendingIds, ...touched])) {
        if (ticketId) await rebaseTicket(db, ticketId, actor, client.clientId);
      }
      await db.syncState.put(next);
      return refused;
    },
  );
}

async function writeChange(db: TierdeskDb, change: Change, pendingIds: ReadonlySet<string>, touched: Set<string>): Promise<number> {
  switch (change.kind) {
    case 'ticket':
      if (pendingIds.has(change.value.id)) await db.serverTickets.put(change.value);
      else await db.tickets.put(toRecord(change.value));
      touched.add(change.value.id);
      return 0;
    case 'ticket_gone':
      await db.tickets.delete(change.id);
      await db.serverTickets.delete(change.id);
      await db.events.where('ticketId').equals(change.id).delete();
      return 0;
    case 'event':
      await db.events.put({ ...change.value, pending: 0 });
      touched.add(change.value.ticketId);
      return 0;
    case 'kb':
      await db.kb.put(change.value);
      return 0;
    case 'agent':
      await db.agents.put(change.value);
      return 0;
    case 'group':
      await db.groups.put(change.value);
      return 0;
    case 'policy':
      if (adoptPolicyDocument(change.value, change.version).ok) {
        await db.syncState.put({ key: 'policy', version: change.version, document: change.value });
      }
      return 0;
    case 'refused': {
      const row = await db.outbox.get(change.value.mutationId);
      if (!row) return 0;
      await db.needsAttention.put({ ...row, code: change.value.code, field: change.value.field, reason: change.value.reason, refusedAt: change.value.at });
      await db.outbox.delete(row.id);
      touched.add(row.ticketId);
      return 1;
    }
  }
}

/** Pulls every page changed after the stored cursor. */
export async function pullAll(
  api: ApiClient,
  db: TierdeskDb,
  actor: Agent,
  onProgress?: (progress: PullProgress) => void,
): Promise<PullProgress> {
  const progress: PullProgress = { pages: 0, changes: 0, hasMore: true, refused: 0 };
  const { clientId } = await db.transaction('rw', db.syncState, () => readClientState(db));
  let state = await readPullState(db);
  while (progress.hasMore) {
    const { body, sentAt, receivedAt } = await api.pull(state.cursor, PULL_PAGE_SIZE, clientId);
    const next: PullState = {
      key: 'pull',
      cursor: body.cursor,
      lastSyncedAt: receivedAt,
      serverOffsetMs: measureOffset(body.serverTime, sentAt, receivedAt),
    };
    progress.refused += await writePage(db, body, next, actor);
    state = next;
    progress.pages += 1;
    progress.changes += body.changes.length;
    progress.hasMore = body.hasMore;
    onProgress?.({ ...progress });
  }
  return progress;
}
