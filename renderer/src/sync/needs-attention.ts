import type { Agent } from '../../../shared/model/agent';
import type { ArgsInput, MutationName } from '../../../shared/mutations/mutations';
import type { NeedsAttentionRow, TierdeskDb } from '../db/db';
import { mutate, type MutateResult } from './mutate';

/**
 * Sends a refused action again, as a new mutation, with the agent's edits if
 * any. The refused row goes only after the new one is safely queued: a crash
 * in between leaves both (the agent may see it twice, never zero times).
 */
export async function retryRefused(db: TierdeskDb, actor: Agent, id: number, editedArgs?: unknown): Promise<MutateResult> {
  const row = await db.needsAttention.get(id);
  if (!row) throw new Error('this refused action is no longer there');
  const result = await mutate(db, actor, row.name as MutationName, (editedArgs ?? row.args) as ArgsInput<MutationName>);
  await db.needsAttention.delete(id);
  return result;
}

/** Actions of this agent the server has not taken yet: queued, or refused and waiting for the agent. */
export async function unsyncedCount(db: TierdeskDb): Promise<number> {
  const [queued, refused] = await Promise.all([db.outbox.count(), db.needsAttention.count()]);
  return queued + refused;
}

/** The agent chose to drop it (the UI asks first); nothing else is touched. */
export async function discardRefused(db: TierdeskDb, id: number): Promise<void> {
  await db.needsAttention.delete(id);
}

export type OutboxExport = {
  format: 'tierdesk-outbox';
  version: 1;
  exportedAt: string;
  clientId: string | null;
  pending: unknown[];
  needsAttention: NeedsAttentionRow[];
};

/** Everything not yet on the server, as JSON the agent can save (and support can replay). */
export async function exportOutbox(db: TierdeskDb, now = new Date()): Promise<string> {
  const client = await db.syncState.get('client');
  const data: OutboxExport = {
    format: 'tierdesk-outbox',
    version: 1,
    exportedAt: now.toISOString(),
    clientId: client?.key === 'client' ? client.clientId : null,
    pending: await db.outbox.orderBy('id').toArray(),
    needsAttention: await db.needsAttention.orderBy('id').toArray(),
  };
  return JSON.stringify(data, null, 2);
}
