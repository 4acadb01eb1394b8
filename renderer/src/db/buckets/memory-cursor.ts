import type { DBCoreCursor, DBCoreTransaction } from 'dexie';
import { inZone } from './dexie-zone';
import { compareKeys } from './key-order';

/** Reads one entry's value, calling back from inside an IndexedDB event (or at once). */
type ReadValue = (id: string, then: (value: unknown) => void, fail: (error: Error) => void) => void;

/**
 * A cursor over entries worked out in memory (keys and primary keys, in
 * order), with the contract of Dexie's cursor over IndexedDB: `start`
 * calls back at the current entry and again after each `continue` /
 * `advance`, and resolves when `stop` is called or the entries run out.
 * Values are read as the cursor reaches an entry, in the cursor's
 * transaction; callbacks run in the zone the cursor was opened in
 * (dexie-zone.ts). State lives in this closure, not on the object: Dexie's
 * middlewares wrap cursors with Object.create and call the methods on the
 * wrapper.
 *
 * Calls `ok` with the cursor on its first entry, or null when there is none.
 */
export function memoryCursor(
  trans: DBCoreTransaction,
  ids: readonly string[],
  keys: readonly unknown[],
  reverse: boolean,
  read: ReadValue | null,
  zone: unknown,
  ok: (cursor: DBCoreCursor | null) => void,
  fail: (error: Error) => void,
): void {
  let position = 0;
  let value: unknown;
  let done = false;
  let onNext: (() => void) | null = null;
  let resolveRun: ((value: unknown) => void) | null = null;
  let rejectRun: ((error: Error) => void) | null = null;

  const asError = (error: unknown) => (error instanceof Error ? error : new Error(String(error)));

  /** Moves to an entry and reads its value; `then(false)` past the last one. */
  function moveTo(to: number, then: (found: boolean) => void, failMove: (error: Error) => void): void {
    position = to;
    if (to >= ids.length) {
      done = true;
      return then(false);
    }
    if (!read) return then(true);
    read(
      ids[to]!,
      (v) => {
        value = v;
        then(true);
      },
      failMove,
    );
  }

  function stop(result?: unknown): void {
    const resolve = resolveRun;
    onNext = resolveRun = rejectRun = null;
    resolve?.(result);
  }

  function failRun(error: Error): void {
    const reject = rejectRun;
    onNext = resolveRun = rejectRun = null;
    reject?.(error);
  }

  /** The callback at the current entry, or the end of the run. */
  function call(): void {
    if (!onNext) return;
    if (done) return stop();
    try {
      onNext();
    } catch (error) {
      failRun(asError(error));
    }
  }

  function go(to: number): void {
    // The next entry always comes a microtask later at the earliest, as from IndexedDB: a walk never recurses.
    void Promise.resolve().then(() =>
      moveTo(
        to,
        () => inZone(zone, call),
        (error) => inZone(zone, () => failRun(error)),
      ),
    );
  }

  const cursor: DBCoreCursor = {
    trans,
    get key() {
      return keys[position];
    },
    get primaryKey() {
      return ids[position];
    },
    get value() {
      return value;
    },
    get done() {
      return done;
    },
    start(callback) {
      return new Promise((resolve, reject) => {
        onNext = callback;
        resolveRun = resolve;
        rejectRun = reject;
        call();
      });
    },
    continue(key?: unknown) {
      let next = position + 1;
      // Forward: to the first entry at or past `key`; reverse: at or before it.
      if (key !== undefined) while (next < ids.length && (reverse ? compareKeys(keys[next], key) > 0 : compareKeys(keys[next], key) < 0)) next++;
      go(next);
    },
    continuePrimaryKey(key: unknown, primaryKey: unknown) {
      const past = (i: number) => {
        const c = compareKeys(keys[i], key);
        const p = compareKeys(ids[i], primaryKey);
        return reverse ? c < 0 || (c === 0 && p <= 0) : c > 0 || (c === 0 && p >= 0);
      };
      let next = position + 1;
      while (next < ids.length && !past(next)) next++;
      go(next);
    },
    advance(count: number) {
      go(position + count);
    },
    stop,
    fail: failRun,
    next() {
      let gotOne = 1;
      return cursor.start(() => (gotOne-- ? cursor.continue() : cursor.stop())).then(() => cursor);
    },
  };
  moveTo(0, (found) => ok(found ? cursor : null), fail);
}
