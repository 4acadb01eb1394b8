import type {
  DBCoreCountRequest,
  DBCoreCursor,
  DBCoreGetManyRequest,
  DBCoreGetRequest,
  DBCoreKeyRange,
  DBCoreMutateRequest,
  DBCoreMutateResponse,
  DBCoreOpenCursorRequest,
  DBCoreQueryRequest,
  DBCoreQueryResponse,
  DBCoreTable,
  DBCoreTransaction,
} from 'dexie';
import { copyOf } from './bucket-cache';
import { bucketOf, headGroupOfBucket, type BucketEngine, type BucketedTable, type TxState } from './bucket-store';
import { changeDirty, deleteGroupHeads, headsKey, putGroupHeads, readColumn, readHeads } from './heads-store';
import { answer, countdown, currentZone, onRequest, type Step } from './dexie-zone';
import { rowOf, type EncodedColumn, type Row } from './heads';
import { bucketRecords, checkBuckets, constraintError, dataError } from './idb';
import { byCodeUnits, inRange, isValidKey, RANGE_ANY, RANGE_NEVER } from './key-order';
import { memoryCursor } from './memory-cursor';
import type { MemoryIndex } from './memory-index';
import { NOT_LOADED, type ColumnPart, type MemoryTable } from './memory-table';

type Op = { kind: 'add' | 'put' | 'delete'; id: string; value?: object; error?: Error };
type Found = { ids: string[]; keys: unknown[] | null; records?: object[] };

/** Rows a mutation writes into one head group at least for its heads to be written with it (else the group is marked dirty). */
const BULK_ROWS = 100;

/** Entries whose values a cursor reads at once. */
const CURSOR_BATCH = 200;

const isUpgrade = (trans: DBCoreTransaction) => (trans as unknown as IDBTransaction).mode === 'versionchange';

/** Adds `items` to the set kept under `key` (made when there is none yet). */
function addTo(sets: Map<string, Set<string>>, key: string, items: Iterable<string>): void {
  let set = sets.get(key);
  if (!set) sets.set(key, (set = new Set()));
  for (const item of items) set.add(item);
}

/** Two rows with the same values where the first is read (arrays of search words compared item by item). */
function sameRow(a: Row | undefined, b: Row | undefined): boolean {
  if (!a || !b) return a === b;
  return a.every((value, i) => {
    const other = b[i];
    if (value === other || value === NOT_LOADED) return true;
    if (Array.isArray(value) && Array.isArray(other)) return value.length === other.length && value.every((item, k) => item === other[k]);
    return Number.isNaN(value) && Number.isNaN(other);
  });
}

/**
 * One bucketed table as a DBCoreTable (see bucket-store.ts). Written in
 * continuations, each step run from the IndexedDB event before it and the
 * answer given from the last one (dexie-zone.ts says why). Whatever memory
 * lacks (the ids after an aborted write, a column not read yet) is read in
 * the caller's transaction, so the answer is that transaction's.
 */
export function bucketedTable(down: DBCoreTable, spec: BucketedTable, engine: BucketEngine): DBCoreTable {
  const primaryKeyOf = (value: object): unknown => down.schema.primaryKey.extractKey!(value);
  const memoryOf = (): MemoryTable | undefined => engine.memory.get(spec.table);
  const store = (trans: DBCoreTransaction, name = spec.records) => (trans as unknown as IDBTransaction).objectStore(name);

  /** A stored record as handed out: decoded (a log's text read), or a copy (the stored one may be cached and shared). */
  const toCaller = (record: object): object => (spec.decode ? spec.decode(record as never) : copyOf(record));

  /**
   * Runs `then` once the transaction runs, its own rewrites so far are in
   * memory (in a write), and memory holds the table's ids (read again in
   * this transaction after an aborted write).
   */
  function whenSettled(trans: DBCoreTransaction, then: () => void, fail: (error: Error) => void): void {
    const state = engine.stateOf(trans);
    const memory = memoryOf();
    const ready = () => {
      if (!memory || memory.valid) return then();
      readHeads(trans as unknown as IDBTransaction, { heads: spec.heads!, records: spec.records }, memory.props, headGroupOfBucket, (r) => primaryKeyOf(r) as string)((read) => {
        // Another request of this transaction may have read them first.
        if (!memory.valid) memory.load(read);
        then();
      }, fail);
    };
    const settled = () => {
      if (state.pending) state.whenSettled.push(ready);
      else ready();
    };
    if (state.running === 'yes') return settled();
    state.whenRunning.push(settled);
    if (state.running === 'asking') return;
    state.running = 'asking';
    // A request no record matches (bucket keys are strings): its success means the transaction is running.
    onRequest(
      store(trans).count(IDBKeyRange.only([])),
      () => {
        state.running = 'yes';
        for (const waiter of state.whenRunning.splice(0)) waiter();
      },
      fail,
    );
  }

  /**
   * Reads the column parts memory lacks, in this transaction: each part as
   * stored, or (none stored: an index added since) worked out from its
   * group's records. Then checks again (memory may have been read anew
   * meanwhile) until nothing is missing.
   */
  function ensure(trans: DBCoreTransaction, memory: MemoryTable, wanted: () => ColumnPart[], then: () => void, fail: (error: Error) => void): void {
    const parts = wanted();
    if (!parts.length) return then();
    const unstored: ColumnPart[] = [];
    const read = countdown(parts.length, () => {
      if (!unstored.length) return ensure(trans, memory, wanted, then, fail);
      fromRecords(trans, memory, unstored)(() => ensure(trans, memory, wanted, then, fail), fail);
    });
    const heads = store(trans, spec.heads!);
    const groups = memory.storedGroups().length;
    const byProp = new Map<number, ColumnPart[]>();
    for (const part of parts) byProp.set(part.prop, [...(byProp.get(part.prop) ?? []), part]);
    for (const [prop, list] of byProp) {
      const name = memory.props[prop]!;
      if (list.length < groups) {
        for (const part of list) {
          onRequest(
            heads.get(headsKey(name, part.group)) as IDBRequest<EncodedColumn | undefined>,
            (column) => {
              if (column) memory.fill(part, column);
              else unstored.push(part);
              read();
            },
            fail,
          );
        }
        continue;
      }
      // A whole column (an index's first use).
      readColumn(heads, name)((stored) => {
        for (const part of list) {
          const column = stored.get(part.group);
          if (column) memory.fill(part, column);
          else unstored.push(part);
          read();
        }
      }, fail);
    }
  }

  /** Column parts with nothing stored, from their groups' records. */
  const fromRecords =
    (trans: DBCoreTransaction, memory: MemoryTable, parts: readonly ColumnPart[]): Step<void> =>
    (ok, fail) => {
      const groups = new Set(parts.map((p) => p.group));
      onRequest(
        store(trans).getAllKeys() as IDBRequest<string[]>,
        (buckets) => {
          const wanted = buckets.filter((b) => groups.has(headGroupOfBucket(b)));
          readBuckets(trans, wanted)((read) => {
            const rows = new Map<string, Row>();
            for (const records of read.values()) for (const record of records) rows.set(primaryKeyOf(record) as string, rowOf(record, memory.props));
            for (const part of parts) memory.fill(part, undefined, rows);
            ok();
          }, fail);
        },
        fail,
      );
    };

  /** An index of memory, its columns read first. */
  const withIndex =
    (trans: DBCoreTransaction, memory: MemoryTable, name: string): Step<MemoryIndex> =>
    (ok, fail) =>
      whenSettled(
        trans,
        () => {
          const props = memory.indexProps(name);
          ensure(
            trans,
            memory,
            () => memory.missing(props),
            () => {
              memory.completed(props);
              ok(memory.index(name));
            },
            fail,
          );
        },
        fail,
      );

  /**
   * The records of some buckets, from the cache or read in this
   * transaction (shared arrays: copy before handing a record out). Only
   * read-only transactions fill the cache: a write's reads may see its own
   * uncommitted rewrites.
   */
  const readBuckets =
    (trans: DBCoreTransaction, buckets: Iterable<string>): Step<Map<string, readonly object[]>> =>
    (ok, fail) => {
      const cache = engine.caches.get(spec.table)!;
      const fills = (trans as unknown as IDBTransaction).mode === 'readonly';
      const read = new Map<string, readonly object[]>();
      const missing: string[] = [];
      for (const name of new Set(buckets)) {
        const cached = cache.get(name);
        if (cached) read.set(name, cached);
        else missing.push(name);
      }
      const one = countdown(missing.length, () => ok(read));
      for (const name of missing) {
        const generation = cache.generation(name);
        onRequest(
          store(trans).get(name) as IDBRequest<unknown>,
          (value) => {
            const records = bucketRecords(value, spec.records, name);
            read.set(name, records);
            if (fills && records.length) cache.put(name, records, generation);
            one();
          },
          fail,
        );
      }
    };

  const readMany =
    (trans: DBCoreTransaction, ids: readonly unknown[]): Step<unknown[]> =>
    (ok, fail) =>
      readBuckets(
        trans,
        ids.flatMap((id) => (typeof id === 'string' ? [bucketOf(id)] : [])),
      )((buckets) => {
        const found = new Map<string, object>();
        for (const records of buckets.values()) for (const record of records) found.set(primaryKeyOf(record) as string, record);
        ok(ids.map((id) => (typeof id === 'string' && found.has(id) ? toCaller(found.get(id)!) : undefined)));
      }, fail);

  /**
   * Records whose keys fall in a primary key range, in key order: every
   * bucket read (buckets go by the ends of keys, not their order). Only for
   * tables without memory, whose range reads are rare (the app reads logs
   * by ticket).
   */
  const recordsInRange =
    (trans: DBCoreTransaction, range: DBCoreKeyRange): Step<object[]> =>
    (ok, fail) => {
      if (range.type === RANGE_NEVER) return ok([]);
      onRequest(
        store(trans).getAll() as IDBRequest<unknown[]>,
        (all) =>
          checkBuckets(
            store(trans),
            null,
            all,
            (buckets) =>
              ok(
                buckets
                  .flat()
                  .filter((r) => inRange(primaryKeyOf(r), range))
                  .sort((a, b) => byCodeUnits(primaryKeyOf(a) as string, primaryKeyOf(b) as string)),
              ),
            fail,
          ),
        fail,
      );
    };

  /** Primary keys (and index keys) of a query, in order, up to `limit`. */
  const entries =
    (trans: DBCoreTransaction, query: DBCoreQueryRequest['query'], limit: number, reverse: boolean, unique: boolean, wantKeys: boolean): Step<Found> =>
    (ok, fail) => {
      const { index, range } = query;
      const memory = memoryOf();
      if (!memory) {
        if (!index.isPrimaryKey) return fail(new Error(`${spec.table} keeps no secondary index`));
        return recordsInRange(trans, range)((all) => {
          const records = (reverse ? all.reverse() : all).slice(0, limit).map((r) => engine.decoded(spec, r) as object);
          const ids = records.map((r) => primaryKeyOf(r) as string);
          ok({ ids, keys: wantKeys ? ids : null, records });
        }, fail);
      }
      if (!index.isPrimaryKey) return withIndex(trans, memory, index.name!)((found) => ok(found.scan(range, { reverse, unique, limit, wantKeys })), fail);
      whenSettled(
        trans,
        () => {
          const ids = memory.primaryIndex().scan(range, reverse, limit);
          ok({ ids, keys: wantKeys ? ids : null });
        },
        fail,
      );
    };

  /** Marks puts whose unique index key another record holds (IndexedDB's ConstraintError), in request order. */
  function checkUnique(memory: MemoryTable, ops: Op[]): void {
    const conflicts = memory.uniqueConflicts(ops.map((op) => (op.error || !op.value ? null : ([op.id, rowOf(op.value, memory.props)] as const))));
    conflicts.forEach((index, i) => index && (ops[i]!.error = constraintError(`${spec.table}: another record already has this ${index}`)));
  }

  /**
   * Reads a bucket, applies the operations, writes it back and puts its rows
   * in memory; `ok` once the write succeeds. A later rewrite of the same
   * bucket in this transaction starts once this one's write is issued, so
   * it reads it. (The heads are written once per mutation: see `mutate`.)
   */
  function rewrite(trans: DBCoreTransaction, state: TxState, bucket: string, ops: Op[], ok: () => void, fail: (error: Error) => void): void {
    const chainKey = `${spec.table}\u0000${bucket}`;
    const queue = state.rewriting.get(chainKey);
    if (queue) {
      queue.push(() => rewrite(trans, state, bucket, ops, ok, fail));
      return;
    }
    state.rewriting.set(chainKey, []);
    state.pending++;
    const next = () => {
      const waiting = state.rewriting.get(chainKey) ?? [];
      state.rewriting.delete(chainKey);
      for (const run of waiting) run();
      if (--state.pending === 0) for (const waiter of state.whenSettled.splice(0)) waiter();
    };
    onRequest(
      store(trans).get(bucket) as IDBRequest<unknown>,
      (value) => {
        const records = bucketRecords(value, spec.records, bucket);
        const byKey = new Map(records.map((r) => [primaryKeyOf(r) as string, r]));
        for (const op of ops) {
          if (op.kind === 'add' && byKey.has(op.id)) op.error = constraintError(`${spec.table}: ${op.id} exists already`);
          else if (op.kind === 'delete') byKey.delete(op.id);
          else byKey.set(op.id, op.value!);
        }
        const ids = [...byKey.keys()].sort(byCodeUnits);
        const kept = ids.map((id) => byKey.get(id)!);
        engine.caches.get(spec.table)!.invalidate(bucket);
        const request = kept.length ? store(trans).put(kept, bucket) : store(trans).delete(bucket);
        request.onsuccess = () => ok();
        request.onerror = () => abortWith(trans, request.error ?? new Error(`writing ${spec.table} failed`), fail);
        const memory = memoryOf();
        if (memory) {
          // The whole bucket as now written (the rows it held before included), so rows another connection changed are right here too.
          const now = new Map(kept.map((r, i) => [ids[i]!, rowOf(r, memory.props)]));
          const touched = new Set(ops.map((op) => op.id));
          for (const id of new Set([...records.map((r) => primaryKeyOf(r) as string), ...ids])) {
            const row = now.get(id);
            // The bucket's other records are as they were, unless another connection changed them: only rows that differ
            // where memory holds them touch the indexes (a column not read yet is read later from heads written with the records).
            if (touched.has(id) || !sameRow(memory.get(id), row)) memory.set(id, row);
          }
          state.changed.add(memory);
        }
        addTo(state.written, spec.table, [bucket]);
        next();
      },
      (error) => {
        next();
        fail(error);
      },
    );
  }

  /** A failed write must not leave records and heads apart: the transaction goes. */
  function abortWith(trans: DBCoreTransaction, error: Error, fail: (error: Error) => void): void {
    try {
      (trans as unknown as IDBTransaction).abort();
    } catch {
      // Already finished.
    }
    fail(error);
  }

  /** The operations of a mutation, in request order. */
  const opsOf =
    (req: Exclude<DBCoreMutateRequest, { type: 'deleteRange' }> | (DBCoreMutateRequest & { type: 'deleteRange' })): Step<Op[]> =>
    (ok, fail) => {
      const memory = memoryOf();
      if (req.type === 'deleteRange') {
        if (!memory) return recordsInRange(req.trans, req.range)((records) => ok(records.map((r) => ({ kind: 'delete', id: primaryKeyOf(r) as string }))), fail);
        return whenSettled(req.trans, () => ok(memory.primaryIndex().scan(req.range, false, Infinity).map((id) => ({ kind: 'delete', id }))), fail);
      }
      if (req.type === 'delete') {
        return ok(req.keys.map((id) => (typeof id === 'string' ? { kind: 'delete', id } : { kind: 'delete', id: '', error: dataError(`${spec.table}: ${String(id)} is not a stored key`) })));
      }
      const ops: Op[] = req.values.map((value: object) => {
        const id = primaryKeyOf(value);
        if (typeof id === 'string') return { kind: req.type, id, value };
        return { kind: req.type, id: '', error: dataError(`${spec.table}: records need a string ${String(down.schema.primaryKey.keyPath)} (got ${String(id)})`) };
      });
      const unique = memory?.uniqueProps() ?? [];
      if (!memory || !unique.length) return ok(ops);
      whenSettled(
        req.trans,
        () =>
          ensure(
            req.trans,
            memory,
            () => memory.missing(unique),
            () => {
              memory.completed(unique);
              checkUnique(memory, ops);
              ok(ops);
            },
            fail,
          ),
        fail,
      );
    };

  /**
   * Changes the stored dirty list in this transaction, after any earlier
   * change of it in this transaction was issued (a read-modify-write, so
   * two mutations cannot lose each other's groups).
   */
  const dirtyList =
    (trans: DBCoreTransaction, state: TxState, add: readonly string[], remove: readonly string[]): Step<void> =>
    (ok, fail) => {
      const chainKey = `${spec.table}\u0000#dirty`;
      const run = () =>
        changeDirty(store(trans, spec.heads!), add, remove)(() => {
          const next = state.rewriting.get(chainKey)!.shift();
          if (next) next();
          else state.rewriting.delete(chainKey);
          ok();
        }, fail);
      const queue = state.rewriting.get(chainKey);
      if (queue) queue.push(run);
      else {
        state.rewriting.set(chainKey, []);
        run();
      }
    };

  /** Marks head groups dirty (their heads written once this transaction commits: bucket-store.ts, flush). */
  const markDirty =
    (trans: DBCoreTransaction, state: TxState, groups: readonly string[]): Step<void> =>
    (ok, fail) => {
      if (!groups.length) return ok();
      addTo(state.dirtied, spec.table, groups);
      dirtyList(trans, state, groups, [])(ok, fail);
    };

  /** Writes the heads of these groups as memory has them (every column of each read first), and takes them off the dirty list. */
  const writeHeads =
    (trans: DBCoreTransaction, memory: MemoryTable, groups: readonly string[]): Step<void> =>
    (ok, fail) => {
      if (!groups.length) return ok();
      ensure(
        trans,
        memory,
        () => memory.missing(memory.props.map((_, p) => p), groups),
        () => {
          const heads = store(trans, spec.heads!);
          const requests = groups.flatMap((group) => {
            const encoded = memory.encodeGroup(group);
            return encoded ? putGroupHeads(heads, memory.props, group, encoded) : deleteGroupHeads(heads, memory.props, group);
          });
          const state = engine.stateOf(trans);
          for (const group of groups) state.dirtied.get(spec.table)?.delete(group);
          const written = countdown(requests.length + 1, ok);
          for (const request of requests) {
            request.onsuccess = written;
            request.onerror = () => abortWith(trans, request.error ?? new Error(`writing ${spec.table} heads failed`), fail);
          }
          dirtyList(trans, state, [], groups)(written, fail);
        },
        fail,
      );
    };

  /**
   * Empties the table, whatever its stores hold (code clearing every table
   * may have cleared the bucket stores themselves first): both stores
   * cleared, memory emptied.
   */
  const clear =
    (trans: DBCoreTransaction): Step<DBCoreMutateResponse> =>
    (ok, fail) =>
      whenSettled(
        trans,
        () => {
          const state = engine.stateOf(trans);
          const memory = memoryOf();
          const cache = engine.caches.get(spec.table)!;
          // Every bucket goes (listed before the clear): other connections read them again, and no cache keeps one.
          onRequest(
            store(trans).getAllKeys() as IDBRequest<string[]>,
            (buckets) => {
              for (const bucket of buckets) cache.invalidate(bucket);
              addTo(state.written, spec.table, buckets);
            },
            fail,
          );
          const requests = [store(trans).clear(), ...(spec.heads ? [store(trans, spec.heads).clear()] : [])];
          if (memory) {
            memory.reset([]);
            state.changed.add(memory);
          }
          const done = countdown(requests.length, () => ok({ numFailures: 0, failures: {}, results: [], lastResult: undefined }));
          for (const request of requests) onRequest(request, done, fail);
        },
        fail,
      );

  const mutate =
    (req: DBCoreMutateRequest): Step<DBCoreMutateResponse> =>
    (ok, fail) => {
      if (req.type === 'deleteRange' && req.range.type === RANGE_ANY) return clear(req.trans)(ok, fail);
      // Memory first holds the table's ids (after an aborted write it reads them again), so writes land in a memory that is whole.
      if (memoryOf()) whenSettled(req.trans, () => write(req)(ok, fail), fail);
      else write(req)(ok, fail);
    };

  const write =
    (req: DBCoreMutateRequest): Step<DBCoreMutateResponse> =>
    (ok, fail) => {
      opsOf(req)((ops) => {
        const state = engine.stateOf(req.trans);
        const byBucket = new Map<string, Op[]>();
        for (const op of ops) {
          if (op.error) continue;
          const bucket = bucketOf(op.id);
          let list = byBucket.get(bucket);
          if (!list) byBucket.set(bucket, (list = []));
          list.push(op);
        }
        let failed = false;
        const failOnce = (error: Error) => {
          if (!failed) fail(error);
          failed = true;
        };
        const respond = () => {
          if (failed) return;
          const failures: Record<number, Error> = {};
          ops.forEach((op, i) => op.error && (failures[i] = op.error));
          const results = req.type === 'delete' ? req.keys : ops.map((op) => (op.error ? undefined : op.id));
          ok({ numFailures: Object.keys(failures).length, failures, results, lastResult: results[results.length - 1] });
        };
        const done = countdown(byBucket.size, () => {
          const memory = memoryOf();
          if (failed || !memory || !spec.heads) return respond();
          // Head groups of the buckets written, once per mutation: written now for a bulk write (a snapshot page
          // writes ~1,000 rows into one or two groups), else marked dirty and written later (heads-store.ts).
          const rows = new Map<string, number>();
          for (const [bucket, list] of byBucket) rows.set(headGroupOfBucket(bucket), (rows.get(headGroupOfBucket(bucket)) ?? 0) + list.length);
          const bulk = [...rows].filter(([, n]) => n >= BULK_ROWS).map(([group]) => group);
          const few = [...rows].filter(([, n]) => n < BULK_ROWS).map(([group]) => group);
          const both = countdown(2, respond);
          writeHeads(req.trans, memory, bulk)(both, failOnce);
          markDirty(req.trans, state, few)(both, failOnce);
        });
        for (const [bucket, list] of byBucket) rewrite(req.trans, state, bucket, list, done, failOnce);
      }, fail);
    };

  engine.tableSteps.set(spec.table, {
    flush: (trans, groups) => (ok, fail) => {
      const memory = memoryOf();
      if (!memory) return ok();
      whenSettled(trans, () => writeHeads(trans, memory, groups)(ok, fail), fail);
    },
    index: (trans, name) => {
      const memory = memoryOf();
      return memory ? withIndex(trans, memory, name) : (_ok, fail) => fail(new Error(`${spec.table} keeps no indexes in memory`));
    },
    settled: (trans) => (ok, fail) => whenSettled(trans, () => ok(memoryOf()!), fail),
  });

  return {
    ...down,

    mutate(req) {
      return isUpgrade(req.trans) ? down.mutate(req) : answer(mutate(req));
    },

    get(req: DBCoreGetRequest): Promise<unknown> {
      if (isUpgrade(req.trans)) return down.get(req);
      return answer((ok, fail) => {
        if (!isValidKey(req.key)) return fail(dataError(`${spec.table}: ${String(req.key)} is not a valid key`));
        readMany(req.trans, [req.key])(([record]) => ok(record), fail);
      });
    },

    getMany(req: DBCoreGetManyRequest): Promise<unknown[]> {
      return isUpgrade(req.trans) ? down.getMany(req) : answer(readMany(req.trans, req.keys));
    },

    query(req: DBCoreQueryRequest): Promise<DBCoreQueryResponse> {
      if (isUpgrade(req.trans)) return down.query(req);
      return answer((ok, fail) => {
        if (req.limit === 0) return ok({ result: [] });
        const direction = req.direction ?? 'next';
        entries(req.trans, req.query, req.limit ?? Infinity, direction.startsWith('prev'), direction.endsWith('unique'), false)((found) => {
          if (!req.values) return ok({ result: found.ids });
          if (found.records) return ok({ result: found.records });
          readMany(req.trans, found.ids)((records) => ok({ result: records.filter((r) => r !== undefined) }), fail);
        }, fail);
      });
    },

    count(req: DBCoreCountRequest): Promise<number> {
      if (isUpgrade(req.trans)) return down.count(req);
      return answer((ok, fail) => {
        const memory = memoryOf();
        const { index, range } = req.query;
        if (!memory) return recordsInRange(req.trans, range)((records) => ok(records.length), fail);
        if (!index.isPrimaryKey) return withIndex(req.trans, memory, index.name!)((found) => ok(found.count(range)), fail);
        whenSettled(req.trans, () => ok(range.type === RANGE_ANY ? memory.size : memory.primaryIndex().count(range)), fail);
      });
    },

    openCursor(req: DBCoreOpenCursorRequest): Promise<DBCoreCursor | null> {
      if (isUpgrade(req.trans)) return down.openCursor(req);
      const zone = currentZone();
      return answer((ok, fail) => {
        const reverse = !!req.reverse;
        entries(req.trans, req.query, Infinity, reverse, !!req.unique, true)((found) => {
          // Values are read ahead a batch of entries at a time (their buckets once), not one read per step.
          const records = new Map<string, unknown>(found.records ? found.ids.map((id, i) => [id, found.records![i]]) : []);
          const position = new Map<string, number>();
          found.ids.forEach((id, i) => position.has(id) || position.set(id, i));
          const read = req.values
            ? (id: string, then: (value: unknown) => void, failRead: (error: Error) => void) => {
                if (records.has(id)) return then(records.get(id));
                const from = position.get(id)!;
                const batch = found.ids.slice(from, from + CURSOR_BATCH).filter((other) => !records.has(other));
                readMany(req.trans, batch)((values) => {
                  batch.forEach((other, i) => records.set(other, values[i]));
                  then(records.get(id));
                }, failRead);
              }
            : null;
          memoryCursor(req.trans, found.ids, found.keys ?? found.ids, reverse, read, zone, ok, fail);
        }, fail);
      });
    },
  };
}
