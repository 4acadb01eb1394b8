import { unlink } from 'node:fs/promises';
import { z } from 'zod';
import type { StoredTokenAnswer, TokenStoreAnswer, TokenStoreRequest, TokenUnavailableReason } from '../../shared/ipc/secure-token';
import { EpochMsSchema } from '../../shared/time/duration';
import { readJsonFile, writeJsonFileAtomic } from './json-file';

/**
 * The API token at rest, encrypted by the OS through Electron's safeStorage
 * (Keychain on macOS, DPAPI on Windows, libsecret/kwallet on Linux). Only
 * ciphertext reaches the disk. With Linux's `basic_text` backend the key is
 * a constant baked into Chromium, which is plain text in disguise: then
 * nothing is stored and the renderer explains why the agent signs in again.
 *
 * The async safeStorage API is used when the running Electron has it
 * (encryptStringAsync / decryptStringAsync); Electron 40 has only the
 * synchronous calls, which this falls back to.
 */
export type SafeStorageLike = {
  isEncryptionAvailable(): boolean;
  getSelectedStorageBackend?(): string;
  encryptString(plain: string): Buffer;
  decryptString(cipher: Buffer): string;
  encryptStringAsync?(plain: string): Promise<Buffer>;
  decryptStringAsync?(cipher: Buffer): Promise<string | { result: string }>;
};

const TokenFileSchema = z.object({ version: z.literal(1), cipher: z.base64().min(1), expiresAt: EpochMsSchema }).strict();

/** Why the token cannot be kept on this machine, or null when it can. */
export function tokenStorageUnavailable(safeStorage: SafeStorageLike, platform: NodeJS.Platform): TokenUnavailableReason | null {
  if (platform === 'linux' && safeStorage.getSelectedStorageBackend?.() === 'basic_text') return 'basic_text';
  if (!safeStorage.isEncryptionAvailable()) return 'encryption_unavailable';
  return null;
}

async function encrypt(safeStorage: SafeStorageLike, plain: string): Promise<Buffer> {
  return safeStorage.encryptStringAsync ? safeStorage.encryptStringAsync(plain) : safeStorage.encryptString(plain);
}

async function decrypt(safeStorage: SafeStorageLike, cipher: Buffer): Promise<string> {
  if (!safeStorage.decryptStringAsync) return safeStorage.decryptString(cipher);
  const out = await safeStorage.decryptStringAsync(cipher);
  return typeof out === 'string' ? out : out.result;
}

export type TokenStore = {
  get(now: number): Promise<StoredTokenAnswer>;
  set(request: TokenStoreRequest): Promise<TokenStoreAnswer>;
  clear(): Promise<void>;
};

export function createTokenStore(safeStorage: SafeStorageLike, platform: NodeJS.Platform, file: string): TokenStore {
  const remove = () => unlink(file).catch(() => undefined);
  return {
    async get(now) {
      const reason = tokenStorageUnavailable(safeStorage, platform);
      if (reason) return { status: 'unavailable', reason };
      const read = await readJsonFile(file, TokenFileSchema);
      if (!read.value || read.value.expiresAt <= now) return { status: 'none' };
      try {
        const token = await decrypt(safeStorage, Buffer.from(read.value.cipher, 'base64'));
        return token ? { status: 'found', token, expiresAt: read.value.expiresAt } : { status: 'none' };
      } catch {
        // The OS key changed (new keyring, profile copied to another machine): sign in again.
        await remove();
        return { status: 'none' };
      }
    },
    async set({ token, expiresAt }) {
      const reason = tokenStorageUnavailable(safeStorage, platform);
      if (reason) {
        await remove();
        return { status: 'unavailable', reason };
      }
      const cipher = (await encrypt(safeStorage, token)).toString('base64');
      await writeJsonFileAtomic(file, { version: 1, cipher, expiresAt });
      return { status: 'stored' };
    },
    clear: remove,
  };
}
