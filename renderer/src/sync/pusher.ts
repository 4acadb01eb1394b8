import { PUSH_MAX_MUTATIONS } from '../../../shared/sync/push';
import type { TierdeskDb } from '../db/db';
import { setServerOffset } from '../time/ticker';
import { measureOffset, type ApiClient } from './api-client';
import { readClientState } from './sync-state';

/**
 * Sends the oldest outbox rows, in id order. The rows stay in the outbox:
 * only a pull that shows the server applied or refused them removes them, so
 * a lost response, a crash or a server restart at any point resends the same
 * ids, which the server ignores as duplicates.
 */
export async function pushOutbox(api: ApiClient, db: TierdeskDb): Promise<{ sent: number; lastMutationId: number }> {
  const rows = await db.outbox.orderBy('id').limit(PUSH_MAX_MUTATIONS).toArray();
  if (!rows.length) return { sent: 0, lastMutationId: 0 };
  const { clientId } = await db.transaction('rw', db.syncState, () => readClientState(db));
  const { body, sentAt, receivedAt } = await api.push({
    version: 1,
    clientId,
    mutations: rows.map((r) => ({ id: r.id, name: r.name, args: r.args, clientTime: r.clientTime })),
  });
  setServerOffset(measureOffset(body.serverTime, sentAt, receivedAt));
  return { sent: rows.length, lastMutationId: body.lastMutationId };
}
