import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { PullResponse } from '../../../shared/sync/pull';
import { TierdeskDb } from '../db/db';
import { L1, LEAD } from '../test/workspace-harness';
import { ApiClient } from './api-client';
import { pullAll } from './puller';

const NOW = Date.UTC(2026, 10, 24, 15);
const HOUR = 3_600_000;
let db: TierdeskDb;

beforeEach(async () => {
  db = new TierdeskDb(`puller-${Math.random()}`);
  // Synced before: this pull is a delta, not a bootstrap.
  await db.syncState.put({ key: 'pull', cursor: '100', lastSyncedAt: NOW - HOUR, serverOffsetMs: 0 });
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const handedOver = (id: string, ticketId: string, at: number, to: string | null = L1.id) => ({
  kind: 'event' as const,
  value: { id, ticketId, seq: 5, event: { type: 'owner_changed' as const, at, by: LEAD.id, role: 'lead' as const, from: null, to, reason: `reason ${id}` } },
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
        handedOver('fresh', 't-1', NOW - 2 * HOUR),
        handedOver('old', 't-2', NOW - 30 * HOUR),
        handedOver('someone-else', 't-3', NOW - HOUR, 'agent-l1b'),
        handedOver('to-queue', 't-4', NOW - HOUR, null),
      ]),
      db,
      L1,
    );
    expect(progress.handedToMe).toEqual([{ ticketId: 't-1', by: LEAD.id, reason: 'reason fresh', at: NOW - 2 * HOUR }]);
    expect(progress.firstWork).toBeUndefined();
  });
});
