import { Dexie, type IntervalTree } from 'dexie';
import type { TierdeskDb } from '../../../db/db';
import { requesterWords, searchKeysOf } from '../../../db/search-keys';
import type { TicketRecord } from '../../../db/ticket-record';

/**
 * What the queue filters look at in a resolved ticket: its facets and the
 * words an open ticket is indexed under. Resolved tickets are indexed under
 * #done only (search words for every closed ticket would make each sync write
 * of one dearer, and a desk has far more closed tickets than open), so a
 * search of Recently resolved decides from these, kept in memory for the
 * session: the first search reads every resolved record once, later ones
 * match in memory (`npm run bench`).
 */
export type SearchFacts = Pick<TicketRecord, 'category' | 'severity' | 'priority'> & { vip: boolean; requester: string[]; words: string[] };

/** What a stored record that cannot be read has: it matches no search (the rest of the view still answers). */
const UNREADABLE: SearchFacts = { category: '' as SearchFacts['category'], severity: '' as SearchFacts['severity'], priority: '' as SearchFacts['priority'], vip: false, requester: [], words: [] };

function searchFactsOf(ticket: TicketRecord): SearchFacts {
  try {
    return readFactsOf(ticket);
  } catch (error) {
    console.warn(`resolved ticket ${String(ticket.id)} left out of searches: its stored record cannot be read`, error);
    return UNREADABLE;
  }
}

function readFactsOf(ticket: TicketRecord): SearchFacts {
  return {
    category: ticket.category,
    severity: ticket.severity,
    priority: ticket.priority,
    vip: ticket.requester.vip,
    requester: requesterWords(ticket.requester),
    words: searchKeysOf(ticket, true).filter((k) => !k.startsWith('#')),
  };
}

/** Tickets written while one read was under way (its records of them may be older than the write); `all` after a clear. */
type Written = { ids: Set<string>; all: boolean };
type Cache = { facts: Map<string, SearchFacts>; filled: boolean; reads: Set<Written> };
const caches = new Map<string, Cache>();

function cacheOf(db: TierdeskDb): Cache {
  let cache = caches.get(db.name);
  if (!cache) caches.set(db.name, (cache = { facts: new Map(), filled: false, reads: new Set() }));
  return cache;
}

/** The ranges of a Dexie range tree (the parts Dexie reports are plain trees, not always RangeSet instances with an iterator). */
function forEachRange(tree: IntervalTree | null | undefined, visit: (from: unknown, to: unknown) => void): void {
  if (!tree || !('from' in tree)) return;
  forEachRange(tree.l, visit);
  visit(tree.from, tree.to);
  forEachRange(tree.r, visit);
}

// A written or deleted ticket's facts are read again when next needed. Dexie
// reports every write with its primary keys (a range for a delete by range or
// a clear: then everything is read again).
Dexie.on('storagemutated', (parts) => {
  for (const [dbName, cache] of caches) {
    const changed = parts[`idb://${dbName}/tickets/`];
    if (!changed) continue;
    forEachRange(changed, (from, to) => {
      if (from === to && typeof from === 'string') {
        cache.facts.delete(from);
        for (const read of cache.reads) read.ids.add(from);
      } else {
        cache.facts.clear();
        cache.filled = false;
        for (const read of cache.reads) read.all = true;
      }
    });
  }
});

/**
 * Runs a read of ticket records and keeps their facts, except those of
 * tickets written while it was under way; returns every fact it read (they
 * still answer the query that asked).
 */
async function readFacts(cache: Cache, read: () => Promise<ReadonlyArray<TicketRecord | undefined>>): Promise<{ facts: Map<string, SearchFacts>; whole: boolean }> {
  const written: Written = { ids: new Set(), all: false };
  cache.reads.add(written);
  try {
    const records = await read();
    const facts = new Map<string, SearchFacts>();
    for (const record of records) {
      if (!record) continue;
      facts.set(record.id, searchFactsOf(record));
      if (!written.all && !written.ids.has(record.id)) cache.facts.set(record.id, facts.get(record.id)!);
    }
    return { facts, whole: !written.all };
  } finally {
    cache.reads.delete(written);
  }
}

/** Buckets of tickets read per step when filling (~400 tickets at 100k): each step its own short task. */
const SPAN_BUCKETS = 64;

/**
 * Reads the records of `ids` (resolved tickets) bucket by bucket across the
 * whole store, outside Dexie (a live query would otherwise observe each
 * record, and re-run on any of them), keeping their facts a step at a time;
 * false when a write meanwhile kept some out. Resolved tickets are spread
 * over every bucket: read by id, each bucket would be read many times.
 */
async function fill(db: TierdeskDb, cache: Cache, ids: readonly string[]): Promise<boolean> {
  const wanted = new Set(ids);
  const steps = db.buckets.batches(['tickets'], SPAN_BUCKETS);
  let whole = true;
  for (;;) {
    let done = false;
    const read = await readFacts(cache, async () => {
      const next = await steps.next();
      done = !!next.done;
      return next.done ? [] : (next.value.get('tickets') as TicketRecord[]).filter((r) => wanted.has(r.id));
    });
    whole = read.whole && whole;
    if (done) return whole;
  }
}

/** Read per step for tickets not in memory (written since): one bulkGet each. */
const BATCH = 2000;

/**
 * The search facts of `ids` (resolved tickets), from memory where they are,
 * read otherwise; undefined for an id with no ticket. The first call reads
 * them all, a few buckets of tickets at a time, so no step is a long task
 * (one getAll of 25k records held the page for ~330 ms).
 */
export async function resolvedSearchFacts(db: TierdeskDb, ids: readonly string[]): Promise<Array<SearchFacts | undefined>> {
  // Invalidation runs in the same event dispatch as the write that re-runs a live query; a microtask later it has run.
  await Promise.resolve();
  const cache = cacheOf(db);
  if (!cache.filled && ids.length) cache.filled = await fill(db, cache, ids);
  const missing = ids.filter((id) => !cache.facts.has(id));
  // Facts read now answer this query even when a write in between keeps them out of memory.
  const read = new Map<string, SearchFacts>();
  for (let i = 0; i < missing.length; i += BATCH) {
    const { facts } = await readFacts(cache, () => db.tickets.bulkGet(missing.slice(i, i + BATCH)));
    for (const [id, f] of facts) read.set(id, f);
  }
  return ids.map((id) => cache.facts.get(id) ?? read.get(id));
}

/** For tests. */
export function clearResolvedSearch(): void {
  caches.clear();
}
