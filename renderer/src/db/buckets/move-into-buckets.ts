import { Dexie, type Transaction } from 'dexie';
import { bucketOf } from './bucket-store';

/** Records moved per step: a big desk is never in memory whole. */
const STEP = 5000;

/**
 * Moves a table's records, stored one per record by an older version, into
 * its bucket store, and empties the old store. Reads them in key order a
 * step at a time and adds each step's records to their buckets (buckets go
 * by the ends of keys, so a bucket gets records from many steps). The heads
 * are worked out from the buckets at the next start (bucket-store.ts).
 */
export async function moveIntoBuckets(tx: Transaction, from: string, to: string): Promise<void> {
  const source = tx.table(from);
  const target = tx.table<unknown[], string>(to);
  let after: string | null = null;
  for (;;) {
    const step: object[] = await (after === null ? source.orderBy(':id') : source.where(':id').above(after)).limit(STEP).toArray();
    if (!step.length) break;
    const keys = step.map((record) => String(Dexie.getByKeyPath(record, source.schema.primKey.keyPath as string)));
    const byBucket = new Map<string, unknown[]>();
    step.forEach((record, i) => {
      const bucket = bucketOf(keys[i]!);
      const list = byBucket.get(bucket);
      if (list) list.push(record);
      else byBucket.set(bucket, [record]);
    });
    const names = [...byBucket.keys()];
    const stored = await target.bulkGet(names);
    await target.bulkPut(
      names.map((name, i) => [...(stored[i] ?? []), ...byBucket.get(name)!]),
      names,
    );
    after = keys[keys.length - 1]!;
  }
  await source.clear();
}
