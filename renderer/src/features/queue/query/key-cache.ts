import { Dexie, RangeSet, rangesOverlap, type IndexableType, type ObservabilitySet } from 'dexie';
import type { TierdeskDb } from '../../../db/db';

/**
 * Ordered id lists read from ticket indexes, kept until a write touches
 * the index range they were read from. A 75k-id list costs ~150 ms to read
 * from IndexedDB in Chromium; switching filters or views reuses it instead
 * (the switch then costs the lookups of what changed), and editing a
 * ticket's title does not re-read "My work" (its index key did not move).
 * Dexie reports every write (here or in another tab) with the index keys it
 * changed; a delete of rows it could not see, or a bulk write, drops all.
 *
 * Queries run inside Dexie live queries; the ids are read without Dexie
 * (readIds), so `observe` makes a one-row read of the same range to tell the
 * live query what it depends on (a live query observes the whole range a
 * query names, whatever its limit).
 */
/** The index and key range a list was read from: what a write must touch to change it. */
export type IndexRange = { index: string; lower: IndexableType; upper: IndexableType };
type Entry = { ids: Promise<string[]>; range: IndexRange };
const caches = new Map<string, Map<string, Entry>>();

function touches(parts: ObservabilitySet, dbName: string, range: IndexRange): boolean {
  const prefix = `idb://${dbName}/tickets/`;
  const changed = parts[prefix + range.index];
  if (changed && rangesOverlap(changed, new RangeSet(range.lower, range.upper))) return true;
  // Rows replaced or deleted without Dexie knowing their old index keys (it reports
  // only the new ones then): any list may have held them. A ticket leaving a list
  // (accepted, so no longer "pending in my group") is only seen this way.
  return parts[`${prefix}:dels`] !== undefined;
}

/** Lists read again in the background after a write drops them (the base order every set view is sorted by). */
const keepWarm = new Map<string, { db: TierdeskDb; range: IndexRange; timer?: ReturnType<typeof setTimeout> }>();
const REWARM_MS = 500;

/**
 * Bumped whenever a write drops a cached list. A live query re-runs on what
 * it read through Dexie, and `observe` reads one row: a ticket leaving a list
 * from further down changes nothing Dexie saw. Queries that use these lists
 * depend on the epoch too (useTicketList), so they re-run when one changed.
 */
let epoch = 0;
const epochListeners = new Set<() => void>();
export const listEpoch = (): number => epoch;
export function subscribeListEpoch(listener: () => void): () => void {
  epochListeners.add(listener);
  return () => epochListeners.delete(listener);
}

Dexie.on('storagemutated', (parts) => {
  let dropped = false;
  for (const [dbName, cache] of caches) {
    for (const [key, entry] of cache) {
      if (!touches(parts, dbName, entry.range)) continue;
      cache.delete(key);
      dropped = true;
      const warm = keepWarm.get(`${dbName}\n${key}`);
      if (warm) {
        // Debounced: a burst of writes (a sync page) re-reads once, after it.
        clearTimeout(warm.timer);
        warm.timer = setTimeout(() => void cachedIds(warm.db, key, warm.range).then(rankOf, () => undefined), REWARM_MS);
      }
    }
  }
  if (dropped) {
    epoch++;
    for (const listener of epochListeners) listener();
  }
});

/** Keeps a list cached: read now, and again shortly after each write that drops it. */
export function keepListWarm(db: TierdeskDb, key: string, range: IndexRange): void {
  keepWarm.set(`${db.name}\n${key}`, { db, range });
  // The rank map too: building it for 75k ids is the other half of a first visit.
  void cachedIds(db, key, range).then(rankOf, () => undefined);
}

function cacheOf(db: TierdeskDb): Map<string, Entry> {
  let cache = caches.get(db.name);
  if (!cache) caches.set(db.name, (cache = new Map()));
  return cache;
}

export const indexRange = (index: string, lower: IndexableType, upper: IndexableType): IndexRange => ({ index, lower, upper });
/** Every key of an index. */
export const wholeIndex = (index: string): IndexRange => indexRange(index, Dexie.minKey, Dexie.maxKey);
/** The keys of a multi-entry index starting with `prefix`. */
export const prefixRange = (index: string, prefix: string): IndexRange => indexRange(index, prefix, `${prefix}\uffff`);

/**
 * The ids straight from the tickets' in-memory index (db/buckets), outside
 * Dexie: inside a live query Dexie would also record every returned key as
 * observed (a tree insert per key, ~50 ms of main thread for 75k ids).
 * Which writes matter is decided here instead (see `touches`), and
 * `observe` tells the live query.
 */
function readIds(db: TierdeskDb, range: IndexRange, reverse: boolean): Promise<string[]> {
  // Opens the database if need be, never one someone closed (a test's, or one being deleted): the caller's live query sees that error.
  return db.buckets.indexIds('tickets', range.index, range.lower, range.upper, reverse);
}

/** A one-row read of the range, so the running live query re-runs when a write touches it. */
function observe(db: TierdeskDb, range: IndexRange): Promise<unknown> {
  return db.tickets.where(range.index).between(range.lower, range.upper, true, true).limit(1).primaryKeys();
}

/** The primary keys of an index range in index order (reversed on request), from the cache while no write touched the range. */
export async function cachedIds(db: TierdeskDb, key: string, range: IndexRange, reverse = false): Promise<string[]> {
  // Invalidation runs in the same event dispatch as the write that triggers a
  // live query's re-run; a microtask later it has certainly run.
  await Promise.resolve();
  const cache = cacheOf(db);
  let entry = cache.get(key);
  if (!entry) {
    entry = { ids: readIds(db, range, reverse), range };
    cache.set(key, entry);
    const failed = entry;
    entry.ids.catch(() => cache.get(key) === failed && cache.delete(key));
  }
  const [ids] = await Promise.all([entry.ids, observe(db, range)]);
  return ids;
}

/** Drops the lists whose key starts with `prefix` except `keep` (per-minute lists of earlier minutes). */
export function evictOlder(db: TierdeskDb, prefix: string, keep: string): void {
  const cache = cacheOf(db);
  for (const key of cache.keys()) if (key.startsWith(prefix) && key !== keep) cache.delete(key);
}

/** Position of each id in an ordered list (cached with it): sorts any subset in that order without reading records. */
const ranks = new WeakMap<string[], Map<string, number>>();
export function rankOf(ids: string[]): Map<string, number> {
  let rank = ranks.get(ids);
  if (!rank) {
    rank = new Map();
    for (let i = 0; i < ids.length; i++) rank.set(ids[i]!, i);
    ranks.set(ids, rank);
  }
  return rank;
}

/** For tests. */
export function clearKeyCache(): void {
  caches.clear();
}
