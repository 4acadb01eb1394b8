import type { Change } from '../../../shared/sync/pull';
import type { SyncStateRow, TierdeskDb } from '../db/db';
import { toRecord, type TicketRecord } from '../db/ticket-record';
import { measureOffset, type ApiClient } from './api-client';

export const PULL_PAGE_SIZE = 1000;

export type PullProgress = { pages: number; changes: number; hasMore: boolean };

export async function readSyncState(db: TierdeskDb): Promise<SyncStateRow> {
  return (await db.syncState.get('pull')) ?? { key: 'pull', cursor: '0', lastSyncedAt: null, serverOffsetMs: 0 };
}

function records(changes: readonly Change[]): TicketRecord[] {
  return changes.filter((c) => c.kind === 'ticket').map((c) => toRecord(c.value));
}

/**
 * Pulls every page changed after the stored cursor. Each page and the cursor
 * that follows it are written in one transaction, so a crash between pages
 * resumes from the last page written, never skips one.
 */
export async function pullAll(
  api: ApiClient,
  db: TierdeskDb,
  onProgress?: (progress: PullProgress) => void,
): Promise<PullProgress> {
  const progress: PullProgress = { pages: 0, changes: 0, hasMore: true };
  let state = await readSyncState(db);
  while (progress.hasMore) {
    const { body, sentAt, receivedAt } = await api.pull(state.cursor, PULL_PAGE_SIZE);
    const next: SyncStateRow = {
      key: 'pull',
      cursor: body.cursor,
      lastSyncedAt: receivedAt,
      serverOffsetMs: measureOffset(body.serverTime, sentAt, receivedAt),
    };
    await db.transaction('rw', db.tickets, db.syncState, async () => {
      const rows = records(body.changes);
      if (rows.length) await db.tickets.bulkPut(rows);
      await db.syncState.put(next);
    });
    state = next;
    progress.pages += 1;
    progress.changes += body.changes.length;
    progress.hasMore = body.hasMore;
    onProgress?.({ ...progress });
  }
  return progress;
}
