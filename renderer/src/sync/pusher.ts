import { PUSH_MAX_BYTES, PUSH_MAX_MUTATIONS, type PushRequest } from '../../../shared/sync/push';
import type { OutboxRow, TierdeskDb } from '../db/db';
import { setServerOffset } from '../time/ticker';
import { measureOffset, type ApiClient } from './api-client';
import { readClientState } from './sync-state';

type WireMutation = PushRequest['mutations'][number];

const toWire = (r: OutboxRow): WireMutation => ({ id: r.id, name: r.name, args: r.args, clientTime: r.clientTime }) as WireMutation;

/**
 * The next request's mutations: outbox rows in id order, at most
 * PUSH_MAX_MUTATIONS and PUSH_MAX_BYTES of JSON (a backlog of long notes
 * typed offline would otherwise exceed the server's body limit and be
 * refused with 413 on every try). The first row always goes: the schema
 * keeps one mutation far below the limit.
 */
export function nextBatch(rows: readonly OutboxRow[]): WireMutation[] {
  const encoder = new TextEncoder();
  const batch: WireMutation[] = [];
  let bytes = 0;
  for (const row of rows.slice(0, PUSH_MAX_MUTATIONS)) {
    const wire = toWire(row);
    bytes += encoder.encode(JSON.stringify(wire)).length + 1;
    if (batch.length && bytes > PUSH_MAX_BYTES) break;
    batch.push(wire);
  }
  return batch;
}

/**
 * Sends every outbox row, oldest first, in as many requests as it takes,
 * then returns (the caller pulls once: one confirming pull for the whole
 * backlog). The rows stay in the outbox: only a pull that shows the server
 * applied or refused them removes them, so a lost response, a crash or a
 * server restart at any point resends the same ids, which the server
 * ignores as duplicates.
 */
export async function pushOutbox(api: ApiClient, db: TierdeskDb): Promise<{ sent: number; lastMutationId: number }> {
  let sent = 0;
  let lastMutationId = 0;
  let after = 0;
  let clientId: string | undefined;
  for (;;) {
    const batch = nextBatch(await db.outbox.where('id').above(after).limit(PUSH_MAX_MUTATIONS).toArray());
    if (!batch.length) return { sent, lastMutationId };
    clientId ??= (await db.transaction('rw', db.syncState, () => readClientState(db))).clientId;
    const { body, sentAt, receivedAt } = await api.push({ version: 1, clientId, mutations: batch });
    setServerOffset(measureOffset(body.serverTime, sentAt, receivedAt));
    sent += batch.length;
    lastMutationId = body.lastMutationId;
    after = batch[batch.length - 1]!.id;
  }
}
