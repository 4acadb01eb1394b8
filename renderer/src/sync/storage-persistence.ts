export type PersistenceAnswer = 'persisted' | 'not_persisted' | 'unsupported';

/**
 * Asks the browser not to evict our IndexedDB under storage pressure (the
 * outbox must never expire). The answer is shown in settings: "not
 * persisted" means the browser may clear data when the disk is nearly full.
 */
export async function requestPersistence(storage: StorageManager | undefined = globalThis.navigator?.storage): Promise<PersistenceAnswer> {
  if (!storage?.persist) return 'unsupported';
  try {
    if (await storage.persisted()) return 'persisted';
    return (await storage.persist()) ? 'persisted' : 'not_persisted';
  } catch {
    return 'not_persisted';
  }
}
