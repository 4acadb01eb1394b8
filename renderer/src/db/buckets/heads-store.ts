import { countdown, onRequest, type Step } from './dexie-zone';
import { rowOf, type EncodedColumn, type Row } from './heads';
import { bucketRecords } from './idb';

/**
 * The heads store of a bucketed table (heads.ts): per head group its ids
 * (under the property '') and one record per indexed property, keyed
 * [property, group]; and the groups whose heads lag behind their records
 * ("dirty"). A write of a few records (a note, a delta pull) marks their
 * groups dirty instead of writing ~1,500 rows of heads each; the engine
 * writes them later (bucket-store.ts: flush), and a start works a dirty
 * group out from its records. A bulk write (a snapshot page) writes its
 * groups' heads at once.
 */
const IDS = '';
const DIRTY: [string, string] = ['\u0000dirty', ''];

export const headsKey = (prop: string, group: string): [string, string] => [prop, group];
/** Every group's record of one property. */
const propRange = (prop: string) => IDBKeyRange.bound([prop, ''], [prop, []]);

/** What a start reads: each clean group's stored ids, and the rows of the others (dirty, or without heads) from their records. */
export type HeadsRead = { ids: Array<[string, EncodedColumn]>; fromRecords: Map<string, Array<[string, Row]>> };

/**
 * A bucket's records for the start-up read; a damaged bucket is left out
 * (said in the console) so the rest of the desk opens. It stays as stored:
 * reading or writing it later fails with the same error (idb.ts).
 */
function readable(value: unknown, store: string, bucket: string): object[] {
  try {
    return bucketRecords(value, store, bucket);
  } catch (error) {
    console.warn(`${(error as Error).message}; its records are left out`);
    return [];
  }
}

/**
 * Reads the heads of a table in `trans` (over its heads and records
 * stores): the ids of clean groups, and the records of groups whose heads
 * are dirty or missing, as rows.
 */
export const readHeads =
  (
    trans: IDBTransaction,
    stores: { heads: string; records: string },
    props: readonly string[],
    groupOfBucket: (bucket: string) => string,
    primaryKeyOf: (record: object) => string,
  ): Step<HeadsRead> =>
  (ok, fail) => {
    const heads = trans.objectStore(stores.heads);
    const records = trans.objectStore(stores.records);
    let stored: Map<string, EncodedColumn> | null = null;
    let dirty: string[] | null = null;
    let buckets: string[] | null = null;
    const all = () => {
      if (!stored || !dirty || !buckets) return;
      const stale = new Set(dirty);
      const ids = [...stored].filter(([group]) => !stale.has(group));
      const clean = new Set(ids.map(([group]) => group));
      const wanted = buckets.filter((b) => !clean.has(groupOfBucket(b)));
      const fromRecords = new Map<string, Array<[string, Row]>>();
      for (const group of stale) fromRecords.set(group, []);
      const one = countdown(wanted.length, () => ok({ ids, fromRecords }));
      for (const bucket of wanted) {
        onRequest(
          records.get(bucket) as IDBRequest<unknown>,
          (value) => {
            const read = readable(value, stores.records, bucket);
            const group = groupOfBucket(bucket);
            const rows = fromRecords.get(group) ?? [];
            for (const record of read) rows.push([primaryKeyOf(record), rowOf(record, props)]);
            fromRecords.set(group, rows);
            one();
          },
          fail,
        );
      }
    };
    readColumn(heads, IDS)((s) => ((stored = s), all()), fail);
    onRequest(heads.get(DIRTY) as IDBRequest<string[] | undefined>, (d = []) => ((dirty = d), all()), fail);
    onRequest(records.getAllKeys() as IDBRequest<string[]>, (b) => ((buckets = b), all()), fail);
  };

/** Every stored group's record of one property (group → column), in `heads`' transaction: two requests, not one per group. */
export const readColumn =
  (heads: IDBObjectStore, prop: string): Step<Map<string, EncodedColumn>> =>
  (ok, fail) => {
    let values: EncodedColumn[] | null = null;
    let keys: Array<[string, string]> | null = null;
    const both = () => values && keys && ok(new Map(keys.map(([, group], i) => [group, values![i]!])));
    onRequest(heads.getAll(propRange(prop)) as IDBRequest<EncodedColumn[]>, (v) => ((values = v), both()), fail);
    onRequest(heads.getAllKeys(propRange(prop)) as unknown as IDBRequest<Array<[string, string]>>, (k) => ((keys = k), both()), fail);
  };

/** Writes one group's heads: its ids and each column. */
export function putGroupHeads(store: IDBObjectStore, props: readonly string[], group: string, heads: { ids: EncodedColumn; cols: EncodedColumn[] }): IDBRequest[] {
  return [store.put(heads.ids, headsKey(IDS, group)), ...props.map((prop, p) => store.put(heads.cols[p], headsKey(prop, group)))];
}

/** Deletes one group's heads. */
export function deleteGroupHeads(store: IDBObjectStore, props: readonly string[], group: string): IDBRequest[] {
  return [IDS, ...props].map((prop) => store.delete(headsKey(prop, group)));
}

/** Adds groups to (`add`) or takes them from the dirty list, in `store`'s transaction; `ok` once written. */
export const changeDirty =
  (store: IDBObjectStore, add: readonly string[], remove: readonly string[] = []): Step<void> =>
  (ok, fail) =>
    onRequest(
      store.get(DIRTY) as IDBRequest<string[] | undefined>,
      (dirty = []) => {
        const next = new Set(dirty);
        for (const group of add) next.add(group);
        for (const group of remove) next.delete(group);
        if (next.size === dirty.length && add.every((g) => dirty.includes(g))) return ok();
        const write = (next.size ? store.put([...next], DIRTY) : store.delete(DIRTY)) as IDBRequest<unknown>;
        onRequest(write, () => ok(), fail);
      },
      fail,
    );
