import { Dexie, RangeSet, type DBCore, type DBCoreKeyRange, type DBCoreTable, type DBCoreTransaction, type Middleware, type ObservabilitySet } from 'dexie';
import { readHeads } from './heads-store';
import { onRequest, type Step } from './dexie-zone';
import { checkBuckets, idbRequest } from './idb';
import { BucketCache } from './bucket-cache';
import type { MemoryIndex } from './memory-index';
import { MemoryTable } from './memory-table';
import { bucketedTable } from './bucketed-table';

/**
 * Tables stored in buckets: IndexedDB pays per record written (~50 µs in
 * Chromium, more with every index), so a 100k-ticket desk written one
 * record per ticket took a minute to download. A bucketed table keeps its
 * records in one value per bucket (by the ends of their ids: bucketOf, ~6
 * per bucket at 100k), and its secondary indexes in
 * memory, built from each bucket's index fields (its heads) read at start,
 * and buckets read lately kept decoded (bucket-cache.ts).
 *
 * To the rest of the app it is the same Dexie table: this middleware sits
 * at the bottom of Dexie's stack and answers the table's reads and writes
 * (bucketed-table.ts), so live queries, transactions and the outbox's
 * atomicity work as before. The table's own object store stays empty; its
 * declared indexes keep Dexie's query API and say what to keep in memory.
 *
 * Isolation is IndexedDB's: a bucket is read and written in the caller's
 * transaction; memory changes only inside a running read-write
 * transaction (which IndexedDB runs alone over these stores) and is put
 * back if it aborts; a read first waits for its transaction to run.
 */
export type BucketedTable = {
  /** The Dexie table. */
  table: string;
  /** Object store of its records: one array per bucket, in primary key order (out-of-line key: the bucket). */
  records: string;
  /** Object store of the records' index fields, in head groups (heads.ts), kept in memory; null for a table with no secondary index. */
  heads: string | null;
  /** A stored record as the app reads it (a new object each time); without it, a copy. */
  decode?: (stored: never) => object;
};

/** Dirty head groups are written this long after the last write that dirtied one, this many per transaction. */
const FLUSH_MS = 1000;
const FLUSH_GROUPS = 8;
/** Records kept decoded per table (~60 MB of tickets at most). */
const CACHE_RECORDS = 40_000;
/** DBCoreRangeType.Range. */
const RANGE_BETWEEN = 2;

/**
 * The bucket of a primary key (a string): its last three characters and a
 * quarter of the one before (2 bits of its code), so 16,384 buckets for
 * hex ids: ~6 records each at 100k tickets. Ids are random (UUIDs) or
 * counters, whose ends vary most; a prefix would put every id of a
 * time-ordered kind (UUIDv7) or of one series in one bucket. A bucket is
 * read and written whole: fewer, bigger buckets make a bootstrap cheaper
 * (per record written) and every later write dearer (a note on one ticket
 * rewrites its bucket); at ~24 records each (three characters), a delta
 * pull of 50 notes took ~40 ms more. The server's snapshot pages come by
 * the last three characters, then the id (server/sync/snapshot.ts), so a
 * bootstrap writes each bucket once but where a page ends.
 */
export const bucketOf = (id: string): string => `${id.slice(-3)}${(id.charCodeAt(id.length - 4) || 0) & 3}`;

/** Hex digit value of a character (others: its code), for head groups. */
function digit(c: string): number {
  const code = c.charCodeAt(0);
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 97 && code <= 102) return code - 87;
  if (code >= 65 && code <= 70) return code - 55;
  return Number.isNaN(code) ? 0 : code;
}

/**
 * The head group of a bucket (heads.ts): its first character and a quarter
 * of the second, 64 groups of consecutive buckets for hex ids, so a
 * snapshot page (consecutive buckets) rewrites one or two groups.
 */
export const headGroupOfBucket = (bucket: string): string => `${bucket.charAt(0)}${digit(bucket.charAt(1)) >> 2}`;
export const headGroupOf = (id: string): string => headGroupOfBucket(bucketOf(id));

/** What one transaction has done to bucketed tables so far. */
export type TxState = {
  /** Whether the transaction is known to run (after every earlier one over these stores), and who waits for that. */
  running: 'no' | 'asking' | 'yes';
  whenRunning: Array<() => void>;
  /** Buckets being read and rewritten ("table\0bucket"), with the rewrites queued behind each. */
  rewriting: Map<string, Array<() => void>>;
  /** Rewrites whose changes are not in memory yet, and reads waiting for them. */
  pending: number;
  whenSettled: Array<() => void>;
  /** Memory this transaction changed: forgotten if it aborts (read again from the stores). */
  changed: Set<MemoryTable>;
  /** Buckets written, per table, for other connections to read again once this commits. */
  written: Map<string, Set<string>>;
  /** Head groups marked dirty, per table, to write once this commits (heads-store.ts). */
  dirtied: Map<string, Set<string>>;
};

type Written = { buckets: string[]; groups: string[] };

type Announcement = { db: string; from: string; table: string } & Written;

/** Engines of every open database in this window, by database name: a commit in one is read again by the others. */
const engines = new Map<string, Set<BucketEngine>>();

/**
 * Other windows of the app (a second browser tab) hear of commits through a
 * broadcast channel. Not under jsdom: there every test file is a worker of
 * one process, where a channel would carry one test's writes into another's.
 */
const channel: BroadcastChannel | null =
  typeof BroadcastChannel === 'function' && typeof navigator !== 'undefined' && !navigator.userAgent.includes('jsdom') ? new BroadcastChannel('tierdesk-buckets') : null;
channel?.addEventListener('message', (event: MessageEvent<Announcement>) => {
  for (const engine of engines.get(event.data.db) ?? []) void engine.readAgain(event.data.table, event.data);
});

export class BucketEngine {
  readonly id = Math.random().toString(36).slice(2);
  private readonly specs: Map<string, BucketedTable>;
  readonly memory = new Map<string, MemoryTable>();
  readonly caches = new Map<string, BucketCache>();
  /** Steps of each table's layer (bucketed-table.ts) for reads outside Dexie: an index with its columns read, memory settled. */
  readonly tableSteps = new Map<
    string,
    { index(trans: DBCoreTransaction, name: string): Step<MemoryIndex>; settled(trans: DBCoreTransaction): Step<MemoryTable>; flush(trans: DBCoreTransaction, groups: readonly string[]): Step<void> }
  >();
  private readonly txStates = new WeakMap<DBCoreTransaction, TxState>();

  constructor(
    private readonly db: Dexie,
    tables: readonly BucketedTable[],
  ) {
    this.specs = new Map(tables.map((t) => [t.table, t]));
    for (const t of tables) this.caches.set(t.table, new BucketCache(CACHE_RECORDS));
  }

  spec(table: string): BucketedTable | undefined {
    return this.specs.get(table);
  }

  /** The Dexie middleware: maps the tables' object stores into transactions and answers their requests. */
  middleware(): Middleware<DBCore> {
    return {
      stack: 'dbcore',
      name: 'BucketedTables',
      // Below Dexie's own middlewares (observability, caches): they see an ordinary table.
      level: -10,
      create: (down) => {
        const tables = new Map<string, DBCoreTable>();
        for (const spec of this.specs.values()) {
          // An upgrade from a version before the table existed.
          if (!down.schema.tables.some((t) => t.name === spec.table)) continue;
          const table = down.table(spec.table);
          if (spec.heads) {
            const memory = this.memory.get(spec.table);
            if (!memory || JSON.stringify(memory.props) !== JSON.stringify(new MemoryTable(table.schema, headGroupOf).props)) {
              this.memory.set(spec.table, new MemoryTable(table.schema, headGroupOf));
            }
          }
          tables.set(spec.table, bucketedTable(table, spec, this));
        }
        return {
          ...down,
          transaction: (stores, mode, options) => {
            const mapped = [...new Set(stores.flatMap((s) => this.storesOf(s)))];
            const trans = down.transaction(mapped, mode, options);
            if (mode === 'readwrite' && stores.some((s) => this.specs.has(s))) this.watch(trans as unknown as IDBTransaction);
            return trans;
          },
          table: (name) => tables.get(name) ?? down.table(name),
        };
      },
    };
  }

  /** The object stores behind a table name. */
  private storesOf(table: string): string[] {
    const spec = this.specs.get(table);
    return spec ? [spec.records, ...(spec.heads ? [spec.heads] : [])] : [table];
  }

  stateOf(trans: DBCoreTransaction): TxState {
    let state = this.txStates.get(trans);
    if (!state) this.txStates.set(trans, (state = { running: 'no', whenRunning: [], rewriting: new Map(), pending: 0, whenSettled: [], changed: new Set(), written: new Map(), dirtied: new Map() }));
    return state;
  }

  /** Registered before Dexie's own handlers, so memory is put back before an abort is reported, and final before a commit is. */
  private watch(trans: IDBTransaction): void {
    trans.addEventListener('abort', () => {
      const state = this.txStates.get(trans);
      if (!state) return;
      for (const memory of state.changed) memory.invalidate();
      state.changed.clear();
      for (const [table, buckets] of state.written) for (const bucket of buckets) this.caches.get(table)?.invalidate(bucket);
    });
    trans.addEventListener('complete', () => {
      const state = this.txStates.get(trans);
      for (const [table, groups] of state?.dirtied ?? []) this.scheduleFlush(table, groups);
      if (!state?.written.size) return;
      for (const [table, buckets] of state.written) this.announce(table, { buckets: [...buckets], groups: [...new Set([...buckets].map(headGroupOfBucket))] });
    });
  }

  /**
   * Reads each table's ids into memory (Dexie's "ready", before any other
   * request is let through): columns are read when first needed. Groups
   * whose heads lag behind (a write not flushed before the app closed) are
   * read from their records, and their heads written soon after.
   */
  async load(): Promise<void> {
    const open = engines.get(this.db.name);
    if (open) open.add(this);
    else engines.set(this.db.name, new Set([this]));
    const idb = this.db.backendDB();
    for (const cache of this.caches.values()) cache.clear();
    for (const [table, memory] of this.memory) {
      const spec = this.specs.get(table)!;
      const trans = idb.transaction([spec.heads!, spec.records], 'readonly');
      const read = await new Promise<Parameters<MemoryTable['load']>[0]>((resolve, reject) =>
        readHeads(trans, { heads: spec.heads!, records: spec.records }, memory.props, headGroupOfBucket, (r) => this.primaryKeyOf(table, r))(resolve, reject),
      );
      memory.load(read);
      if (read.fromRecords.size) this.scheduleFlush(table, read.fromRecords.keys(), true);
    }
  }

  private readonly flushes = new Map<string, { groups: Set<string>; timer: ReturnType<typeof setTimeout> | null; stored: boolean }>();

  /**
   * Writes the heads of dirty groups soon (FLUSH_MS after the last write
   * that dirtied one), a few groups per transaction. `unmarked`: groups not
   * in the stored dirty list yet (read from records at start).
   */
  scheduleFlush(table: string, groups: Iterable<string>, unmarked = false): void {
    let flush = this.flushes.get(table);
    if (!flush) this.flushes.set(table, (flush = { groups: new Set(), timer: null, stored: true }));
    for (const group of groups) flush.groups.add(group);
    if (unmarked) flush.stored = false;
    if (flush.timer) clearTimeout(flush.timer);
    flush.timer = setTimeout(() => void this.flush(table), FLUSH_MS);
  }

  /** Writes every dirty group's heads now (tests; a window about to close). */
  async flushNow(): Promise<void> {
    await this.opened();
    // After every write under way has committed (and scheduled what it dirtied).
    for (const spec of this.specs.values()) {
      if (!spec.heads) continue;
      const trans = this.db.backendDB().transaction([spec.heads], 'readonly');
      await idbRequest(trans.objectStore(spec.heads).count(IDBKeyRange.only([])));
    }
    for (const [table, flush] of this.flushes) {
      if (flush.timer) clearTimeout(flush.timer);
      while (flush.groups.size) await this.flush(table);
    }
  }

  /** Writes the heads of up to FLUSH_GROUPS dirty groups in one transaction, then goes on with the rest. */
  private async flush(table: string): Promise<void> {
    const flush = this.flushes.get(table);
    const spec = this.specs.get(table);
    const steps = this.tableSteps.get(table);
    if (!flush || !spec?.heads || !steps || !this.db.isOpen()) return;
    flush.timer = null;
    const groups = [...flush.groups].slice(0, FLUSH_GROUPS);
    for (const group of groups) flush.groups.delete(group);
    const trans = this.db.backendDB().transaction([spec.heads, spec.records], 'readwrite');
    try {
      await new Promise<void>((resolve, reject) => steps.flush(trans as unknown as DBCoreTransaction, groups)(resolve, reject));
      await new Promise<void>((resolve, reject) => {
        trans.oncomplete = () => resolve();
        trans.onabort = trans.onerror = () => reject(trans.error ?? new Error('writing heads failed'));
      });
    } catch (error) {
      // Still dirty in the store: the next start reads those groups from their records.
      console.warn(`could not write index fields of ${table}`, error);
      return;
    }
    if (flush.groups.size && !flush.timer) flush.timer = setTimeout(() => void this.flush(table), 0);
  }

  /** The primary keys of an index range (or of ':id'), in index order, as committed: read outside any Dexie transaction (no live query observes it). */
  async indexIds(table: string, index: string, lower: unknown, upper: unknown, reverse = false): Promise<string[]> {
    await this.opened();
    const spec = this.specs.get(table);
    const steps = this.tableSteps.get(table);
    if (!spec?.heads || !steps) throw new Error(`${table} keeps no indexes in memory`);
    const trans = this.db.backendDB().transaction([spec.records, spec.heads], 'readonly') as unknown as DBCoreTransaction;
    const range: DBCoreKeyRange = { type: RANGE_BETWEEN, lower, upper, lowerOpen: false, upperOpen: false };
    return new Promise<string[]>((resolve, reject) => {
      if (index === ':id') steps.settled(trans)((memory) => resolve(memory.primaryIndex().scan(range, reverse, Infinity)), reject);
      else steps.index(trans, index)((found) => resolve(found.scan(range, { reverse, unique: false, limit: Infinity, wantKeys: false }).ids), reject);
    });
  }

  /**
   * Reads every bucket of `tables` (sharing bucket keys: all keyed by the
   * same ids), `batch` buckets per read-only transaction, outside Dexie and
   * without filling the cache: for readers of the whole desk (Reports,
   * search facts of resolved tickets). Each batch's records per table, read
   * as it is asked for.
   */
  async *batches(tables: readonly string[], batch = 256): AsyncGenerator<Map<string, object[]>> {
    await this.opened();
    const specs = tables.map((t) => {
      const spec = this.specs.get(t);
      if (!spec) throw new Error(`${t} is not bucketed`);
      return spec;
    });
    const idb = this.db.backendDB();
    const keys = new Set<string>();
    const listing = idb.transaction(specs.map((s) => s.records), 'readonly');
    for (const spec of specs) for (const key of await idbRequest(listing.objectStore(spec.records).getAllKeys() as IDBRequest<string[]>)) keys.add(key);
    const ordered = [...keys].sort();
    for (let i = 0; i < ordered.length; i += batch) {
      const range = IDBKeyRange.bound(ordered[i]!, ordered[Math.min(i + batch, ordered.length) - 1]!);
      const trans = idb.transaction(specs.map((s) => s.records), 'readonly');
      const read = await Promise.all(
        specs.map(
          (spec) =>
            new Promise<object[][]>((resolve, reject) => {
              const store = trans.objectStore(spec.records);
              onRequest(store.getAll(range), (values) => checkBuckets(store, range, values, resolve, reject), reject);
            }),
        ),
      );
      yield new Map(specs.map((spec, k) => [spec.table, read[k]!.flat().map((r) => this.decoded(spec, r) as object)]));
    }
  }

  /** A stored record as the app reads it (spec.decode; records read straight from IndexedDB are the caller's already). */
  decoded(spec: BucketedTable, stored: unknown): unknown {
    return spec.decode ? spec.decode(stored as never) : stored;
  }

  /** Opens the database for a read outside Dexie (never one someone closed: that stays an error). */
  private async opened(): Promise<void> {
    if (this.db.hasBeenClosed()) throw new Dexie.DatabaseClosedError('the database was closed');
    if (!this.db.isOpen()) await this.db.open();
  }

  /** Forgets this engine when its database closes. */
  close(): void {
    engines.get(this.db.name)?.delete(this);
  }

  private primaryKeyOf(table: string, record: object): string {
    return this.db.core.table(table).schema.primaryKey.extractKey!(record) as string;
  }

  /** Tells the other connections to this database that these buckets (and head groups) changed. */
  private announce(table: string, written: Written): void {
    for (const engine of engines.get(this.db.name) ?? []) if (engine !== this) void engine.readAgain(table, written);
    channel?.postMessage({ db: this.db.name, from: this.id, table, ...written } satisfies Announcement);
  }

  /** Another connection wrote these buckets: forget them and this table's memory (read again when next used), then let this window's live queries run again. */
  async readAgain(table: string, written: Written): Promise<void> {
    if (!this.specs.has(table) || !this.db.isOpen()) return;
    for (const bucket of written.buckets) this.caches.get(table)?.invalidate(bucket);
    this.memory.get(table)?.invalidate();
    Dexie.on('storagemutated').fire(everythingOf(this.db, table));
  }
}

/** The change report Dexie gives for a table rewritten as a whole: every live query on it runs again. */
function everythingOf(db: Dexie, table: string): ObservabilitySet {
  const all = () => new RangeSet(-Infinity, [[[]]]);
  const parts: ObservabilitySet = { [`idb://${db.name}/${table}/`]: all(), [`idb://${db.name}/${table}/:dels`]: all() };
  for (const index of db.table(table).schema.indexes) parts[`idb://${db.name}/${table}/${index.name}`] = all();
  return parts;
}

/** Installs bucketed storage for `tables` on a Dexie database (call in its constructor, before it opens). */
export function bucketTables(db: Dexie, tables: readonly BucketedTable[]): BucketEngine {
  const engine = new BucketEngine(db, tables);
  db.use(engine.middleware());
  db.on('ready', () => engine.load(), true);
  db.on('close', () => engine.close());
  return engine;
}

export type { DBCoreKeyRange };
