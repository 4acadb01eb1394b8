import { createHash, randomBytes } from 'node:crypto';
import { parseAgent, type Agent } from '../../shared/model/agent';
import type { Db } from '../db/open-database';
import { agentFromRow } from '../repo/agents';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Issues a bearer token; only its hash is stored, so a database leak reveals no usable token. */
export async function createSession(
  db: Db,
  agentId: string,
  nowMs: number,
  ttlMs: number,
): Promise<{ token: string; expiresAt: number }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = nowMs + ttlMs;
  await db
    .insertInto('sessions')
    .values({ token_hash: hashToken(token), agent_id: agentId, created_at: nowMs, expires_at: expiresAt, revoked_at: null })
    .execute();
  return { token, expiresAt };
}

/** The agent behind a live (unexpired, unrevoked) token, or undefined. */
export async function agentForToken(db: Db, token: string, nowMs: number): Promise<Agent | undefined> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('agents', 'agents.id', 'sessions.agent_id')
    .selectAll('agents')
    .select(['sessions.expires_at', 'sessions.revoked_at'])
    .where('sessions.token_hash', '=', hashToken(token))
    .executeTakeFirst();
  if (!row || row.revoked_at !== null || Number(row.expires_at) <= nowMs) return undefined;
  return parseAgent(agentFromRow(row));
}

export async function revokeSession(db: Db, token: string, nowMs: number): Promise<void> {
  await db.updateTable('sessions').set({ revoked_at: nowMs }).where('token_hash', '=', hashToken(token)).execute();
}
