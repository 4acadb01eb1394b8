import { Dexie, type Collection, type InsertType } from 'dexie';
import type { TierdeskDb } from '../../../db/db';
import type { TicketRecord } from '../../../db/ticket-record';

/**
 * Ordered id lists read from ticket indexes, kept until the tickets change.
 * A 75k-id list costs ~150 ms to read from IndexedDB in Chromium; switching
 * filters or views reuses it instead (the switch then costs the lookups of
 * what changed). Any write to the tickets table (here or in another tab)
 * drops the cache of that database.
 *
 * Queries run inside Dexie live queries; a cache hit does no read, so it
 * would not tell the live query which range it depends on. `observe` makes
 * a one-row read of the same range for that (a live query observes the whole
 * range a query names, whatever its limit).
 */
type Entry = { ids: Promise<string[]> };
const caches = new Map<string, Map<string, Entry>>();

Dexie.on('storagemutated', (parts) => {
  for (const [dbName, cache] of caches) {
    if (Object.keys(parts).some((part) => part.startsWith(`idb://${dbName}/tickets/`))) cache.clear();
  }
});

function cacheOf(db: TierdeskDb): Map<string, Entry> {
  let cache = caches.get(db.name);
  if (!cache) caches.set(db.name, (cache = new Map()));
  return cache;
}

export type TicketCollection = Collection<TicketRecord, string, InsertType<TicketRecord, 'id'>>;

/** The primary keys of `query()`, in index order, from the cache when the tickets have not changed since. */
export async function cachedIds(db: TierdeskDb, key: string, query: () => TicketCollection): Promise<string[]> {
  // Invalidation runs in the same event dispatch as the write that triggers a
  // live query's re-run; a microtask later it has certainly run.
  await Promise.resolve();
  const cache = cacheOf(db);
  const hit = cache.get(key);
  if (hit) {
    await query().limit(1).primaryKeys();
    return hit.ids;
  }
  const ids = query().primaryKeys();
  cache.set(key, { ids });
  ids.catch(() => cache.delete(key));
  return ids;
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
