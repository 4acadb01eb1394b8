import { Dexie } from 'dexie';

/**
 * Dexie carries its transaction through promise chains in a "zone" (PSD).
 * Its IndexedDB layer resolves each request's promise inside the request's
 * success event, in the zone the request was made in; the zone then lives
 * on for a budget of microtasks ("echoes") shared by everything running,
 * which is how an app's own `await`s inside a transaction keep it. So a
 * layer under Dexie must answer the same way: from inside the last
 * IndexedDB event it needed, in the caller's zone, without spending
 * microtasks of its own on the way (a chain of awaits there used up the
 * echoes and the app's transaction was lost two awaits later).
 * bucketed-table.ts is written in callbacks for this reason.
 */
type Zone = unknown;
const dexiePromise = Dexie.Promise as unknown as { PSD: Zone; usePSD<T>(zone: Zone, fn: () => T): T };

export const currentZone = (): Zone => dexiePromise.PSD;

/** Runs `fn` inside `zone` (as Dexie's own `wrap` does). */
export function inZone<T>(zone: Zone, fn: () => T): T {
  return dexiePromise.usePSD(zone, fn);
}

/** A continuation: call `ok` with the result or `fail` with an error, from inside an IndexedDB event. */
export type Step<T> = (ok: (value: T) => void, fail: (error: Error) => void) => void;

/** A promise settled by `step`, in the zone of whoever called this. */
export function answer<T>(step: Step<T>): Promise<T> {
  const zone = currentZone();
  return new Promise<T>((resolve, reject) => {
    try {
      step(
        (value) => inZone(zone, () => resolve(value)),
        (error) => inZone(zone, () => reject(error)),
      );
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}

/**
 * An IndexedDB request in continuation style; a failed read does not abort
 * the transaction (as in Dexie). An error thrown by `ok` (a damaged value it
 * refused) goes to `fail`: thrown from the event, it would abort the
 * transaction and leave the caller's promise unsettled.
 */
export function onRequest<T>(request: IDBRequest<T>, ok: (value: T) => void, fail: (error: Error) => void): void {
  request.onsuccess = () => {
    try {
      ok(request.result);
    } catch (error) {
      fail(error instanceof Error ? error : new Error(String(error)));
    }
  };
  request.onerror = (event) => {
    event.preventDefault();
    event.stopPropagation();
    fail(request.error ?? new Error('IndexedDB request failed'));
  };
}

/** Calls `done` once `count` callbacks have come (at once when none will). */
export function countdown(count: number, done: () => void): () => void {
  let left = count;
  if (left === 0) done();
  return () => --left === 0 && done();
}
