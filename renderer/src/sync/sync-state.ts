import type { SyncStateRow, TierdeskDb } from '../db/db';

export type PullState = Extract<SyncStateRow, { key: 'pull' }>;
export type ClientState = Extract<SyncStateRow, { key: 'client' }>;
export type PolicyState = Extract<SyncStateRow, { key: 'policy' }>;

export const INITIAL_PULL_STATE: PullState = { key: 'pull', cursor: '0', lastSyncedAt: null, serverOffsetMs: 0 };

export async function readPullState(db: TierdeskDb): Promise<PullState> {
  const row = await db.syncState.get('pull');
  return row?.key === 'pull' ? row : INITIAL_PULL_STATE;
}

function newClientId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** This database's client identity, created on first use (inside the caller's transaction if any). */
export async function readClientState(db: TierdeskDb): Promise<ClientState> {
  const row = await db.syncState.get('client');
  if (row?.key === 'client') return row;
  const created: ClientState = { key: 'client', clientId: newClientId(), nextMutationId: 1, lastMutationId: 0 };
  await db.syncState.put(created);
  return created;
}

export async function readPolicyState(db: TierdeskDb): Promise<PolicyState | undefined> {
  const row = await db.syncState.get('policy');
  return row?.key === 'policy' ? row : undefined;
}
