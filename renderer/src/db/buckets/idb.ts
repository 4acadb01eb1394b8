/** An IndexedDB request as a promise (resolved inside its success event, so the transaction is still active). */
export function idbRequest<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

/**
 * A bucket's value as read from IndexedDB: its records (none when there is no
 * bucket). Anything else is a damaged store, refused with an error naming
 * the store and bucket rather than read as if it were records (a write that
 * reads it aborts, so nothing stored is replaced).
 */
export function bucketRecords(value: unknown, store: string, bucket: IDBValidKey): object[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw dataError(`${store} ${String(bucket)}: the stored bucket is not a list of records`);
  const bad = value.findIndex((record) => !isRecord(record));
  if (bad >= 0) throw dataError(`${store} ${String(bucket)}: record ${bad} of the stored bucket is not a record`);
  return value as object[];
}

const isRecord = (value: unknown): boolean => typeof value === 'object' && value !== null && !Array.isArray(value);
const isBucket = (value: unknown): boolean => value === undefined || (Array.isArray(value) && value.every(isRecord));

/**
 * The buckets of a getAll over `store` (`range`), each checked as
 * bucketRecords checks one; `ok` gets them, `fail` an error naming a damaged
 * one (its key is read only then). Called from the getAll's success event.
 */
export function checkBuckets(store: IDBObjectStore, range: IDBKeyRange | null, values: readonly unknown[], ok: (buckets: object[][]) => void, fail: (error: Error) => void): void {
  if (values.every(isBucket)) {
    ok(values as object[][]);
    return;
  }
  const keys = store.getAllKeys(range);
  keys.onsuccess = () => {
    try {
      values.forEach((value, i) => bucketRecords(value, store.name, keys.result[i] ?? `#${i}`));
    } catch (error) {
      fail(error as Error);
    }
  };
  keys.onerror = () => fail(keys.error ?? new Error(`reading the keys of ${store.name} failed`));
}

/** An error named as IndexedDB names its own (a DOMException where there is one, as in browsers). */
function idbError(name: 'DataError' | 'ConstraintError', message: string): Error {
  return typeof DOMException === 'function' ? new DOMException(message, name) : Object.assign(new Error(message), { name });
}

/** What IndexedDB gives for a key it refuses; here also for a damaged stored bucket. */
export const dataError = (message: string): Error => idbError('DataError', message);

export const constraintError = (message: string): Error => idbError('ConstraintError', message);
