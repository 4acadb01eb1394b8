import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { StoredTokenAnswer, TokenStoreAnswer } from '../../../shared/ipc/secure-token';
import type { TierdeskBridge } from '../../../shared/ipc/contract';
import type { Agent } from '../../../shared/model/agent';
import { TierdeskDb } from '../db/db';
import { restoreSession, signIn, signOut } from './session-service';

const agent: Agent = { id: 'agent-l1', email: 'l1.agent@demo.test', name: 'Alex', role: 'l1_agent', tier: 'L1', groups: ['service-desk'] };
const NOW = Date.now();
const TOKEN = 'tok_0123456789abcdefghijklmnop';
let db: TierdeskDb;

/** A bridge whose token store behaves like main's on a given machine. */
function bridgeWith(store: 'keychain' | 'basic_text' | 'browser') {
  let kept: string | null = null;
  const unavailable = store === 'basic_text' ? 'basic_text' : 'not_desktop';
  const bridge = {
    storeToken: vi.fn(async ({ token }: { token: string }): Promise<TokenStoreAnswer> => {
      if (store !== 'keychain') return { status: 'unavailable', reason: unavailable };
      kept = token;
      return { status: 'stored' };
    }),
    getStoredToken: vi.fn(async (): Promise<StoredTokenAnswer> => {
      if (store !== 'keychain') return { status: 'unavailable', reason: unavailable };
      return kept ? { status: 'found', token: kept, expiresAt: NOW + 3_600_000 } : { status: 'none' };
    }),
    clearStoredToken: vi.fn(async () => {
      kept = null;
    }),
  };
  return bridge as typeof bridge & TierdeskBridge;
}

beforeEach(() => {
  db = new TierdeskDb(`session-${Math.random()}`);
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => Response.json({ token: TOKEN, expiresAt: NOW + 3_600_000, agent, serverTime: NOW })),
  );
});
afterEach(async () => {
  vi.unstubAllGlobals();
  db.close();
  await db.delete();
});

describe('session token at rest', () => {
  test('desktop with a keychain: the token goes to the OS store, never into IndexedDB', async () => {
    const bridge = bridgeWith('keychain');
    const session = await signIn(db, 'http://127.0.0.1:4317', agent.email, 'demo', bridge);
    expect(session).toMatchObject({ token: TOKEN, tokenNotice: null });
    expect(bridge.storeToken).toHaveBeenCalledWith({ token: TOKEN, expiresAt: NOW + 3_600_000 });
    const row = await db.session.get('session');
    expect(row).toMatchObject({ tokenCipher: null, tokenKey: null, tokenExpiresAt: NOW + 3_600_000 });
    expect(JSON.stringify(row)).not.toContain(TOKEN);
    expect(await restoreSession(db, NOW, bridge)).toMatchObject({ token: TOKEN, tokenNotice: null });
  });

  test('desktop with only basic_text: nothing is kept, the next start asks to sign in and says why', async () => {
    const bridge = bridgeWith('basic_text');
    const session = await signIn(db, 'http://127.0.0.1:4317', agent.email, 'demo', bridge);
    expect(session).toMatchObject({ token: TOKEN, tokenNotice: 'basic_text' });
    const row = await db.session.get('session');
    expect(row).toMatchObject({ tokenCipher: null, tokenExpiresAt: null });
    expect(await restoreSession(db, NOW, bridge)).toMatchObject({ agent, token: null, tokenNotice: 'basic_text' });
  });

  test('browser: the token is sealed with WebCrypto in the session row, as before', async () => {
    const bridge = bridgeWith('browser');
    await signIn(db, 'http://127.0.0.1:4317', agent.email, 'demo', bridge);
    const row = await db.session.get('session');
    expect(row!.tokenCipher).not.toBeNull();
    expect(await restoreSession(db, NOW, bridge)).toMatchObject({ token: TOKEN, tokenNotice: null });
    expect(bridge.getStoredToken).not.toHaveBeenCalled();
  });

  test('an expired token is not restored; signing out clears the OS copy too', async () => {
    const bridge = bridgeWith('keychain');
    await signIn(db, 'http://127.0.0.1:4317', agent.email, 'demo', bridge);
    expect(await restoreSession(db, NOW + 4_000_000, bridge)).toMatchObject({ token: null });
    await signOut(db, bridge);
    expect(bridge.clearStoredToken).toHaveBeenCalled();
    expect(await restoreSession(db, NOW, bridge)).toBeNull();
  });
});
