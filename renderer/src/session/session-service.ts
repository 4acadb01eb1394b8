import type { TierdeskBridge } from '../../../shared/ipc/contract';
import type { Agent } from '../../../shared/model/agent';
import { getBridge } from '../bridge/bridge';
import type { TierdeskDb } from '../db/db';
import { ApiClient, measureOffset } from '../sync/api-client';
import { readPullState } from '../sync/sync-state';
import { setServerOffset } from '../time/ticker';
import { keepToken, loadDesktopToken, type DesktopTokenReason } from './desktop-token';
import { openToken, sealToken } from './token-vault';
import { claimDatabase } from './claim-database';

/** `tokenNotice`: why the desktop cannot keep the token (shown to the agent), or null. */
export type RestoredSession = { agent: Agent; apiBaseUrl: string; token: string | null; tokenNotice: DesktopTokenReason | null };

/**
 * The last signed-in agent and, if still valid, their token. The agent is
 * restored even without a token so the local queue stays usable offline.
 */
export async function restoreSession(db: TierdeskDb, nowMs: number, bridge: TierdeskBridge = getBridge()): Promise<RestoredSession | null> {
  const row = await db.session.get('session');
  if (!row) return null;
  setServerOffset((await readPullState(db)).serverOffsetMs);
  const live = row.tokenExpiresAt !== null && row.tokenExpiresAt > nowMs;
  if (row.tokenCipher && row.tokenIv && row.tokenKey) {
    const token = live ? await openToken({ cipher: row.tokenCipher, iv: row.tokenIv, key: row.tokenKey }) : null;
    return { agent: row.agent, apiBaseUrl: row.apiBaseUrl, token, tokenNotice: null };
  }
  const desktop = await loadDesktopToken(bridge);
  return { agent: row.agent, apiBaseUrl: row.apiBaseUrl, token: live ? desktop.token : null, tokenNotice: desktop.reason };
}

export async function signIn(
  db: TierdeskDb,
  apiBaseUrl: string,
  email: string,
  password: string,
  bridge: TierdeskBridge = getBridge(),
): Promise<RestoredSession> {
  const api = new ApiClient(apiBaseUrl);
  const { body, sentAt, receivedAt } = await api.login(email, password);
  setServerOffset(measureOffset(body.serverTime, sentAt, receivedAt));
  // Before anything is kept: another agent's desk is cleared here, or their unsynced work refuses this sign-in.
  await claimDatabase(db, body.agent, apiBaseUrl);
  const kept = await keepToken(bridge, body.token, body.expiresAt);
  const sealed = kept.kept === 'browser' ? await sealToken(body.token) : null;
  await db.session.put({
    key: 'session',
    agent: body.agent,
    apiBaseUrl,
    tokenCipher: sealed?.cipher ?? null,
    tokenIv: sealed?.iv ?? null,
    tokenKey: sealed?.key ?? null,
    tokenExpiresAt: kept.kept === 'nowhere' ? null : body.expiresAt,
  });
  return { agent: body.agent, apiBaseUrl, token: body.token, tokenNotice: kept.kept === 'nowhere' ? kept.reason : null };
}

export async function signOut(db: TierdeskDb, bridge: TierdeskBridge = getBridge()): Promise<void> {
  await db.session.delete('session');
  await bridge.clearStoredToken();
}
