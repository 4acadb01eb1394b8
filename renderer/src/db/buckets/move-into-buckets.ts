import type { Transaction } from 'dexie';
import { bucketOf } from './bucket-store';

/** Buckets written per step: a big desk is never in memory whole (~3k records a step at 100k). */
const STEP_BUCKETS = 512;

/**
 * Moves a table's records, stored one per record by an older version, into
 * its bucket store, and empties the old store. The keys are read first and
 * put in bucket order (buckets go by the ends of keys), then the records
 * are read a few hundred buckets at a time, so each bucket is written once:
 * the upgrade transaction holds each record once, not every bucket
 * rewritten as it fills. The heads are worked out from the buckets at the
 * next start (bucket-store.ts). `update` may change each record on the way.
 */
export async function moveIntoBuckets(tx: Transaction, from: string, to: string, update: (record: object) => object = (record) => record): Promise<void> {
  const source = tx.table<object, string>(from);
  const target = tx.table<unknown[], string>(to);
  const keys = (await source.toCollection().primaryKeys()).map(String);
  const byBucket = new Map<string, string[]>();
  for (const key of keys) {
    const bucket = bucketOf(key);
    const list = byBucket.get(bucket);
    if (list) list.push(key);
    else byBucket.set(bucket, [key]);
  }
  const names = [...byBucket.keys()].sort();
  for (let i = 0; i < names.length; i += STEP_BUCKETS) {
    const step = names.slice(i, i + STEP_BUCKETS);
    const stepKeys = step.flatMap((name) => byBucket.get(name)!.sort());
    const records = await source.bulkGet(stepKeys);
    const at = new Map(stepKeys.map((key, k) => [key, update(records[k]!)]));
    await target.bulkPut(
      step.map((name) => byBucket.get(name)!.map((key) => at.get(key))),
      step,
    );
  }
  await source.clear();
}
