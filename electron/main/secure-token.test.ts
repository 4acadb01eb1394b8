import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createTokenStore, tokenStorageUnavailable, type SafeStorageLike } from './secure-token';

let dir: string;
let file: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'tierdesk-token-'));
  file = path.join(dir, 'token.json');
});
afterEach(() => rm(dir, { recursive: true, force: true }));

/** A reversible stand-in for the OS keychain: the "ciphertext" never contains the token's text. */
function fakeSafeStorage(backend = 'gnome_libsecret', available = true): SafeStorageLike {
  const flip = (b: Buffer) => Buffer.from(b.map((x) => x ^ 0x5a));
  return {
    isEncryptionAvailable: () => available,
    getSelectedStorageBackend: () => backend,
    encryptString: (plain) => flip(Buffer.from(plain, 'utf8')),
    decryptString: (cipher) => flip(cipher).toString('utf8'),
  };
}

describe('tokenStorageUnavailable', () => {
  test.each([
    ['linux', 'basic_text', true, 'basic_text'],
    ['linux', 'gnome_libsecret', true, null],
    ['linux', 'kwallet6', true, null],
    ['linux', 'unknown', false, 'encryption_unavailable'],
    ['darwin', 'basic_text', true, null],
    ['win32', 'basic_text', false, 'encryption_unavailable'],
  ] as const)('on %s with %s (available: %s) answers %s', (platform, backend, available, expected) => {
    expect(tokenStorageUnavailable(fakeSafeStorage(backend, available), platform)).toBe(expected);
  });
});

describe('createTokenStore', () => {
  test('stores only ciphertext and gives the token back until it expires', async () => {
    const store = createTokenStore(fakeSafeStorage(), 'linux', file);
    expect(await store.set({ token: 'secret-token-abc', expiresAt: 1000 })).toEqual({ status: 'stored' });
    expect(await readFile(file, 'utf8')).not.toContain('secret-token-abc');
    expect(await store.get(999)).toEqual({ status: 'found', token: 'secret-token-abc', expiresAt: 1000 });
    expect(await store.get(1000)).toEqual({ status: 'none' });
  });

  test('with basic_text stores nothing, removes an older copy and says why', async () => {
    const good = createTokenStore(fakeSafeStorage(), 'linux', file);
    await good.set({ token: 'older', expiresAt: 1000 });
    const basic = createTokenStore(fakeSafeStorage('basic_text'), 'linux', file);
    expect(await basic.set({ token: 'secret', expiresAt: 1000 })).toEqual({ status: 'unavailable', reason: 'basic_text' });
    await expect(readFile(file)).rejects.toThrow(/ENOENT/);
    expect(await basic.get(0)).toEqual({ status: 'unavailable', reason: 'basic_text' });
  });

  test('prefers the async safeStorage API when the running Electron has it', async () => {
    const calls: string[] = [];
    const sync = fakeSafeStorage();
    const store = createTokenStore(
      {
        ...sync,
        encryptStringAsync: async (p) => (calls.push('encrypt'), sync.encryptString(p)),
        decryptStringAsync: async (c) => (calls.push('decrypt'), { result: sync.decryptString(c) }),
      },
      'darwin',
      file,
    );
    await store.set({ token: 't', expiresAt: 10 });
    expect(await store.get(0)).toMatchObject({ status: 'found', token: 't' });
    expect(calls).toEqual(['encrypt', 'decrypt']);
  });

  test('a token the OS can no longer decrypt is dropped: sign in again', async () => {
    await createTokenStore(fakeSafeStorage(), 'win32', file).set({ token: 't', expiresAt: 10 });
    const broken = { ...fakeSafeStorage(), decryptString: () => { throw new Error('key changed'); } };
    expect(await createTokenStore(broken, 'win32', file).get(0)).toEqual({ status: 'none' });
    await expect(readFile(file)).rejects.toThrow(/ENOENT/);
  });

  test('a tampered file reads as no token', async () => {
    await writeFile(file, '{"version":1,"cipher":"not base64!","expiresAt":10}');
    expect(await createTokenStore(fakeSafeStorage(), 'linux', file).get(0)).toEqual({ status: 'none' });
  });

  test('clear removes the stored token', async () => {
    const store = createTokenStore(fakeSafeStorage(), 'linux', file);
    await store.set({ token: 't', expiresAt: 10 });
    await store.clear();
    expect(await store.get(0)).toEqual({ status: 'none' });
  });
});
