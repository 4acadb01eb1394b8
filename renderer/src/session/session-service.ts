import type { Agent } from '../../../shared/model/agent';
import type { TierdeskDb } from '../db/db';
import { ApiClient, measureOffset } from '../sync/api-client';
import { readPullState } from '../sync/sync-state';
import { setServerOffset } from '../time/ticker';
import { openToken, sealToken } from './token-vault';

export type RestoredSession = { agent: Agent; apiBaseUrl: string; token: string | null };

/**
 * The last signed-in agent and, if still valid, their token. The agent is
 * restored even without a token so the local queue stays usable offline.
 */
export async function restoreSession(db: TierdeskDb, nowMs: number): Promise<RestoredSession | null> {
  const row = await db.session.get('session');
  if (!row) return null;
  setServerOffset((await readPullState(db)).serverOffsetMs);
  const live = row.tokenExpiresAt !== null && row.tokenExpiresAt > nowMs;
  const token =
    live && row.tokenCipher && row.tokenIv && row.tokenKey
      ? await openToken({ cipher: row.tokenCipher, iv: row.tokenIv, key: row.tokenKey })
      : null;
  return { agent: row.agent, apiBaseUrl: row.apiBaseUrl, token };
}

export async function signIn(
  db: TierdeskDb,
  apiBaseUrl: string,
  email: string,
  password: string,
): Promise<RestoredSession> {
  const api = new ApiClient(apiBaseUrl);
  const { body, sentAt, receivedAt } = await api.login(email, password);
  setServerOffset(measureOffset(body.serverTime, sentAt, receivedAt));
  const sealed = await sealToken(body.token);
  await db.session.put({
    key: 'session',
    agent: body.agent,
    apiBaseUrl,
    tokenCipher: sealed.cipher,
    tokenIv: sealed.iv,
    tokenKey: sealed.key,
    tokenExpiresAt: body.expiresAt,
  });
  return { agent: body.agent, apiBaseUrl, token: body.token };
}

export async function signOut(db: TierdeskDb): Promise<void> {
  await db.session.delete('session');
}
