import { Dexie, type Table } from 'dexie';
import fc from 'fast-check';
import { afterEach, describe, expect, test } from 'vitest';
import { bucketOf, bucketTables, type BucketEngine } from './bucket-store';

/**
 * A bucketed table must answer every read and write as IndexedDB itself
 * does. These tests run the same operations on a plain Dexie table and on
 * a bucketed one with the same indexes (both on fake-indexeddb, which
 * implements IndexedDB's key order and index rules) and compare.
 */
const SCHEMA = 'id, &number, [open+nextDueAt], [open+group+nextDueAt], [open+assignee+nextDueAt], updatedAt, [group+riskAt], *keys';

type Rec = { id: string; number?: string | undefined; open: number; group: string; assignee?: string | null | undefined; nextDueAt: number; updatedAt?: unknown; riskAt: number; keys?: unknown };
type Log = { ticketId: string; events: number[] };

class Plain extends Dexie {
  tickets!: Table<Rec, string>;
  logs!: Table<Log, string>;
  constructor(name: string) {
    super(name);
    this.version(1).stores({ tickets: SCHEMA, logs: 'ticketId' });
  }
}

class Bucketed extends Dexie {
  tickets!: Table<Rec, string>;
  logs!: Table<Log, string>;
  readonly engine: BucketEngine;
  constructor(name: string) {
    super(name);
    this.version(1).stores({ tickets: SCHEMA, logs: 'ticketId', ticketBuckets: '', ticketHeads: '', logBuckets: '' });
    this.engine = bucketTables(this, [
      { table: 'tickets', records: 'ticketBuckets', heads: 'ticketHeads' },
      { table: 'logs', records: 'logBuckets', heads: null },
    ]);
  }
}

const opened: Dexie[] = [];
async function deleteAll(): Promise<void> {
  const dbs = opened.splice(0);
  for (const db of dbs) db.close();
  for (const db of dbs) await Dexie.delete(db.name);
}
afterEach(deleteAll);

function pair(): { plain: Plain; bucketed: Bucketed; name: string } {
  const name = `buckets-${Math.random()}`;
  const plain = new Plain(`${name}-plain`);
  const bucketed = new Bucketed(name);
  opened.push(plain, bucketed);
  return { plain, bucketed, name };
}

// Ids that share buckets ("abc…"), sort around bucket edges, and are shorter than a bucket key.
const id = fc.constantFrom('', 'a', 'ab', 'abc', 'pabc', 'qabc', 'abc1', 'abc2', 'abd', 'abz9', 'b', 'b0', 'zz', 'abc\uffff', 'ABC');
const rec: fc.Arbitrary<Rec> = fc.record(
  {
    id,
    number: fc.constantFrom('INC-1', 'INC-2', 'INC-3', 'INC-4', 'INC-5', 'INC-6', 'INC-7', 'INC-8'),
    open: fc.constantFrom(0, 1),
    group: fc.constantFrom('g1', 'g2', 'g3'),
    assignee: fc.constantFrom('a1', 'a2', null, undefined),
    nextDueAt: fc.constantFrom(-Infinity, 0, 5, 5, 10, 1e15, Infinity),
    updatedAt: fc.constantFrom(1, 2, 3, 'x', null, new Date(5)),
    riskAt: fc.constantFrom(0, 3, 7, 9),
    keys: fc.oneof(fc.array(fc.constantFrom('w:vpn', 'w:vpns', 'w:mail', '#done', '#p1', 3, null, ['a']), { maxLength: 5 }), fc.constantFrom('w:vpn', 7, undefined)),
  },
  { requiredKeys: ['id', 'open', 'group', 'nextDueAt', 'riskAt'] },
);
const log: fc.Arbitrary<Log> = fc.record({ ticketId: id, events: fc.array(fc.nat(9), { maxLength: 3 }) });

type Step =
  | { op: 'put'; recs: Rec[] }
  | { op: 'add'; recs: Rec[] }
  | { op: 'delete'; ids: string[] }
  | { op: 'deleteRange'; from: string; to: string }
  | { op: 'clear' }
  | { op: 'aborted'; recs: Rec[]; ids: string[] }
  | { op: 'logs'; logs: Log[]; drop: string[] };
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ op: fc.constant('put' as const), recs: fc.array(rec, { minLength: 1, maxLength: 6 }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('add' as const), recs: fc.array(rec, { minLength: 1, maxLength: 3 }) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('delete' as const), ids: fc.array(id, { maxLength: 4 }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('deleteRange' as const), from: id, to: id }) },
  { weight: 1, arbitrary: fc.constant({ op: 'clear' as const }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('aborted' as const), recs: fc.array(rec, { maxLength: 4 }), ids: fc.array(id, { maxLength: 2 }) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('logs' as const), logs: fc.array(log, { maxLength: 4 }), drop: fc.array(id, { maxLength: 2 }) }) },
);

/** Runs a step; returns how it ended (a refusal by a unique index is part of the behaviour compared). */
async function run(db: Plain | Bucketed, s: Step): Promise<string> {
  try {
    switch (s.op) {
      case 'put':
        await db.tickets.bulkPut(s.recs);
        break;
      case 'add':
        await db.transaction('rw', db.tickets, async () => {
          for (const r of s.recs) await db.tickets.add(r).catch((e: Error) => Promise.reject(new Error(`add ${r.id}: ${e.name}`)));
        });
        break;
      case 'delete':
        await db.tickets.bulkDelete(s.ids);
        break;
      case 'deleteRange':
        await db.tickets.where(':id').between(s.from, s.to, true, false).delete();
        break;
      case 'clear':
        await db.tickets.clear();
        break;
      case 'aborted':
        await db.transaction('rw', db.tickets, async () => {
          await db.tickets.bulkPut(s.recs);
          await db.tickets.bulkDelete(s.ids);
          throw new Error('changed my mind');
        });
        break;
      case 'logs':
        await db.transaction('rw', db.logs, async () => {
          await db.logs.bulkPut(s.logs);
          await db.logs.bulkDelete(s.drop);
        });
        break;
    }
    return 'ok';
  } catch (error) {
    const e = error as Error & { failures?: Error[] };
    return `${e.name}: ${e.message.replace(/\s+/g, ' ').slice(0, 60)} ${(e.failures ?? []).map((f) => f.name).join(',')}`;
  }
}

/** A new connection (a restart) reads the indexes back from the heads alone and answers as the plain table does; then both go. */
async function answersAfterRestart(name: string, plain: Plain): Promise<void> {
  const again = new Bucketed(name);
  opened.push(again);
  expect(await answers(again)).toEqual(await answers(plain));
  await deleteAll();
}

/** Everything the app asks of these tables, answered by one database. */
async function answers(db: Plain | Bucketed) {
  const t = db.tickets;
  const inf = Dexie.maxKey;
  return {
    // Read outside Dexie, as the queue's id lists are (key-cache.ts).
    outside: db instanceof Bucketed ? await db.engine.indexIds('tickets', 'keys', 'w', 'w\uffff') : await t.where('keys').between('w', 'w\uffff', true, true).primaryKeys(),
    outsideCompound: db instanceof Bucketed ? await db.engine.indexIds('tickets', '[open+group+nextDueAt]', [1, 'g1', Dexie.minKey], [1, 'g1', inf], true) : await t.where('[open+group+nextDueAt]').between([1, 'g1', Dexie.minKey], [1, 'g1', inf], true, true).reverse().primaryKeys(),
    all: await t.toArray(),
    count: await t.count(),
    reverseIds: await t.reverse().primaryKeys(),
    idRange: await t.where(':id').between('ab', 'b', true, true).toArray(),
    idAbove: await t.where(':id').above('abc').limit(3).primaryKeys(),
    firstTwo: await t.limit(2).primaryKeys(),
    number: await t.where('number').equals('INC-3').toArray(),
    numbers: await t.orderBy('number').keys(),
    open: await t.where('[open+nextDueAt]').between([1, Dexie.minKey], [1, inf]).primaryKeys(),
    openCount: await t.where('[open+nextDueAt]').between([1, Dexie.minKey], [1, inf]).count(),
    openValues: await t.where('[open+nextDueAt]').between([1, 0], [1, 10], false, true).toArray(),
    group: await t.where('[open+group+nextDueAt]').between([1, 'g1', Dexie.minKey], [1, 'g1', inf]).primaryKeys(),
    groupReverse: await t.where('[open+group+nextDueAt]').between([1, 'g2', Dexie.minKey], [1, 'g2', inf]).reverse().limit(2).primaryKeys(),
    crossGroups: await t.where('[open+group+nextDueAt]').between([0, 'g1', 5], [1, 'g2', 5]).primaryKeys(),
    shortBounds: await t.where('[open+group+nextDueAt]').between([1], [1, 'g2']).primaryKeys(),
    longBounds: await t.where('[open+group+nextDueAt]').between([1, 'g1', 5, 'x'], [1, 'g2', 10, 'x'], false, false).primaryKeys(),
    longEqual: await t.where('[group+riskAt]').between(['g1', 3, 0], ['g1', 7, 0], true, true).primaryKeys(),
    scalarBounds: await t.where('[open+nextDueAt]').between(0, [1, 5], true, true).primaryKeys(),
    exact: await t.where('[open+group+nextDueAt]').equals([1, 'g1', 5]).primaryKeys(),
    assignee: await t.where('[open+assignee+nextDueAt]').between([1, 'a1', Dexie.minKey], [1, 'a1', inf]).primaryKeys(),
    assigneeCount: await t.where('[open+assignee+nextDueAt]').between([1, 'a2', Dexie.minKey], [1, 'a2', inf]).count(),
    updated: await t.orderBy('updatedAt').reverse().primaryKeys(),
    updatedKeys: await t.orderBy('updatedAt').keys(),
    updatedUnique: await t.orderBy('updatedAt').uniqueKeys(),
    risk: await t.where('[group+riskAt]').between(['g1', Dexie.minKey], ['g1', 7], true, true).primaryKeys(),
    riskAfter: await t.where('[group+riskAt]').between(['g2', 3], ['g2', inf], false, false).primaryKeys(),
    outsideOneKey: db instanceof Bucketed ? await db.engine.indexIds('tickets', 'keys', '#p1', '#p1') : await t.where('keys').between('#p1', '#p1', true, true).primaryKeys(),
    word: await t.where('keys').equals('w:vpn').primaryKeys(),
    wordBetween: await t.where('keys').between('w:vpn', 'w:vpn', true, true).reverse().primaryKeys(),
    wordHalfOpen: await t.where('keys').between('w:vpn', 'w:vpn', true, false).primaryKeys(),
    wordCount: await t.where('keys').equals('#done').count(),
    prefix: await t.where('keys').startsWith('w:vpn').primaryKeys(),
    prefixValues: await t.where('keys').between('w', 'w\uffff').toArray(),
    anyOf: await t.where('keys').anyOf(['#p1', 'w:mail', 3]).primaryKeys(),
    keyList: await t.orderBy('keys').keys(),
    keyCount: await t.where('keys').above('').count(),
    filtered: await t.where('[open+nextDueAt]').between([0, Dexie.minKey], [1, inf]).filter((r) => r.group === 'g2').primaryKeys(),
    offset: await t.orderBy('[open+nextDueAt]').offset(1).limit(3).primaryKeys(),
    each: await (async () => {
      const seen: string[] = [];
      await t.where('number').above('INC-2').each((r) => void seen.push(r.id));
      return seen;
    })(),
    gets: await t.bulkGet(['abc', 'a', 'zz', 'nope']),
    logs: await db.logs.toArray(),
    logRange: await db.logs.where(':id').between('ab', 'abz', true, true).toArray(),
    logCount: await db.logs.count(),
    logGets: await db.logs.bulkGet(['abc', 'b', '']),
  };
}

describe('bucketed tables', () => {
  test('answer every query as IndexedDB does, through puts, adds, deletes, ranges, clears, aborted transactions and a restart', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 12 }), async (steps) => {
        const { plain, bucketed, name } = pair();
        for (const s of steps) {
          const [a, b] = [await run(plain, s), await run(bucketed, s)];
          expect(b.split(':')[0]).toBe(a.split(':')[0]);
          expect(await answers(bucketed)).toEqual(await answers(plain));
        }
        // A restart reads the indexes back from the heads alone.
        bucketed.close();
        await answersAfterRestart(name, plain);
      }),
      { numRuns: 100 },
    );
  }, 120_000);

  test('two connections to one database (two windows) each see what the other wrote, and heads stay right', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.boolean(), step), { minLength: 1, maxLength: 10 }), async (steps) => {
        const { plain, bucketed: first, name } = pair();
        const second = new Bucketed(name);
        opened.push(second);
        await second.open();
        for (const [onSecond, s] of steps) {
          const [a, b] = [await run(plain, s), await run(onSecond ? second : first, s)];
          expect(b.split(':')[0]).toBe(a.split(':')[0]);
          const expected = await answers(plain);
          expect(await answers(first)).toEqual(expected);
          expect(await answers(second)).toEqual(expected);
        }
        // Dirty head groups each connection left behind are written from what it knows now, not from what it knew when it wrote.
        await first.engine.flushNow();
        await second.engine.flushNow();
        first.close();
        second.close();
        await answersAfterRestart(name, plain);
      }),
      { numRuns: 60 },
    );
  }, 120_000);

  test('a damaged bucket is refused naming its store and bucket; a write to it aborts and leaves it as stored; other buckets still read', async () => {
    const { bucketed, name } = pair();
    await bucketed.logs.bulkPut([
      { ticketId: 'abc', events: [1] },
      { ticketId: 'xyz', events: [2] },
    ]);
    await bucketed.tickets.bulkPut([
      { id: 'abc', open: 1, group: 'g1', nextDueAt: 5, riskAt: 1 },
      { id: 'xyz', open: 1, group: 'g1', nextDueAt: 6, riskAt: 2 },
    ]);
    const bucket = bucketOf('abc');
    await bucketed.table('logBuckets').put('not a list', bucket);
    await bucketed.table('ticketBuckets').put([{ id: 'abc', open: 1 }, 42], bucket);
    bucketed.close();
    // A new connection: nothing of the old one's cache.
    const again = new Bucketed(name);
    opened.push(again);

    const notAList = `logBuckets ${bucket}: the stored bucket is not a list of records`;
    await expect(again.logs.get('abc')).rejects.toThrow(notAList);
    await expect(again.logs.put({ ticketId: 'abc', events: [3] })).rejects.toThrow(notAList);
    await expect(again.engine.batches(['logs']).next()).rejects.toThrow(notAList);
    await expect(again.logs.where(':id').between('a', 'b').toArray()).rejects.toThrow(notAList);
    await expect(again.tickets.get('abc')).rejects.toThrow(`ticketBuckets ${bucket}: record 1 of the stored bucket is not a record`);
    expect(await again.table('logBuckets').get(bucket)).toBe('not a list');
    expect(await again.logs.get('xyz')).toEqual({ ticketId: 'xyz', events: [2] });
    expect(await again.tickets.get('xyz')).toMatchObject({ id: 'xyz', nextDueAt: 6 });
  });

  test('heads written later (dirty groups flushed) read back as the records say, with nothing left dirty', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 10 }), async (steps) => {
        const { plain, bucketed, name } = pair();
        for (const s of steps) {
          await run(plain, s);
          await run(bucketed, s);
        }
        await bucketed.engine.flushNow();
        const dirty = await bucketed.table('ticketHeads').get(['\u0000dirty', '']);
        expect(dirty).toBeUndefined();
        bucketed.close();
        await answersAfterRestart(name, plain);
      }),
      { numRuns: 40 },
    );
  }, 120_000);
});
