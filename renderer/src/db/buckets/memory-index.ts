import type { DBCoreKeyRange } from 'dexie';
import { aboveLower, belowUpper, compareKeys, isValidKey, lowerBound, mapKeyOf, RANGE_ANY, RANGE_EQUAL, RANGE_NEVER } from './key-order';

/**
 * One index of a bucketed table, in memory: entries (key, primary key) in
 * IndexedDB's order, key first, then primary key.
 *
 * Entries are grouped in partitions: for a compound index the entries that
 * share every key component but the last (a queue's [open, group]), for a
 * simple one the entries of one key. A partition keeps its entries sorted
 * (last component, then id) in two parallel arrays, so a write costs a
 * binary search and a splice in one small array, and "the open tickets of
 * group g by due time" is one lookup. Partitions are found through one map
 * per key component (no key is spelled out as a string), and put in key
 * order only when a scan crosses them (a word prefix, a whole index).
 */
type Partition = {
  /** Simple index: the key. Compound: every component but the last. */
  key: unknown;
  /** Compound only: each entry's last key component, parallel to `ids`. */
  lasts: unknown[];
  ids: string[];
  /** Entries are filled in any order and sorted when a scan first needs them (a count does not). */
  sorted: boolean;
};

/** Reads a row's value of the table's property at a position. */
export type ValueOf = (prop: number) => unknown;

/** Which properties of a row make an entry's key (positions in the row). */
export type IndexShape = { props: readonly number[]; compound: boolean; multiEntry: boolean };

/** What a scan gives per entry: the primary key, and the index key when asked for. */
export type Scanned = { ids: string[]; keys: unknown[] | null };

export type ScanOptions = { reverse: boolean; unique: boolean; limit: number; wantKeys: boolean };

type Trie = Map<string | number, Trie | Partition>;

/** Key order with the common cases first: numbers and strings compare directly. */
function compareFast(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  return compareKeys(a, b);
}

/** A range that holds one key: an equality, or closed bounds that are the same key (`between(k, k, true, true)`). */
const oneKey = (range: DBCoreKeyRange): boolean =>
  range.type === RANGE_EQUAL || (range.type !== RANGE_ANY && range.type !== RANGE_NEVER && !range.lowerOpen && !range.upperOpen && range.lower !== undefined && compareKeys(range.lower, range.upper) === 0);

const validComponent = (value: unknown) => typeof value === 'string' || (typeof value === 'number' && !Number.isNaN(value)) || isValidKey(value);

/**
 * Calls `add(last)` for each entry a row has in an index of this shape,
 * with `prefix` holding the entry's partition components: one entry for a
 * compound or simple index (none when the key path gives no valid key), one
 * per distinct valid key of a multi-entry index.
 */
function forEachKeyOf(shape: IndexShape, get: ValueOf, prefix: unknown[], add: (last: unknown) => void): void {
  const { props } = shape;
  prefix.length = 0;
  if (shape.compound) {
    for (let i = 0; i < props.length - 1; i++) {
      const value = get(props[i]!);
      if (!validComponent(value)) return;
      prefix.push(value);
    }
    const last = get(props[props.length - 1]!);
    if (validComponent(last)) add(last);
    return;
  }
  const value = get(props[0]!);
  if (!(shape.multiEntry && Array.isArray(value))) {
    if (validComponent(value)) {
      prefix.push(value);
      add(undefined);
    }
    return;
  }
  for (let i = 0; i < value.length; i++) {
    const key: unknown = value[i];
    if (!validComponent(key)) continue;
    // A key listed twice is one entry (lists are short: a scan beats a set).
    let again = false;
    for (let j = 0; j < i && !again; j++) again = value[j] === key || (typeof key === 'object' && compareKeys(value[j], key) === 0);
    if (again) continue;
    prefix[0] = key;
    prefix.length = 1;
    add(undefined);
  }
}


export class MemoryIndex {
  private readonly root: Trie = new Map();
  /** The partitions in key order, once a scan needed it (then kept in order as partitions come and go). */
  private ordered: Partition[] | null = null;
  /** Number of key components (1 for a simple index). */
  private readonly width: number;

  constructor(private readonly shape: IndexShape) {
    this.width = shape.compound ? shape.props.length : 1;
  }

  private get compound(): boolean {
    return this.shape.compound;
  }

  /**
   * Builds the index over every record at once, from the table's columns
   * (`ids[slot]`, `cols[prop][slot]`; free slots have no id). Written out
   * for speed (a start builds several indexes over 100k records): no key is
   * made, components are looked up level by level. Partitions are sorted
   * when first scanned.
   */
  static build(shape: IndexShape, ids: ReadonlyArray<string | undefined>, cols: ReadonlyArray<readonly unknown[]>): MemoryIndex {
    const index = new MemoryIndex(shape);
    const n = ids.length;
    const { props } = shape;
    if (!shape.compound && !shape.multiEntry) {
      const col = cols[props[0]!]!;
      for (let slot = 0; slot < n; slot++) {
        const id = ids[slot];
        const value = col[slot];
        if (id === undefined || !validComponent(value)) continue;
        index.leaf(index.root, value, value).ids.push(id);
      }
      return index;
    }
    if (shape.multiEntry && !shape.compound) {
      const col = cols[props[0]!]!;
      for (let slot = 0; slot < n; slot++) {
        const id = ids[slot];
        if (id === undefined) continue;
        const value = col[slot];
        if (Array.isArray(value)) {
          outer: for (let i = 0; i < value.length; i++) {
            const key: unknown = value[i];
            if (!validComponent(key)) continue;
            for (let j = 0; j < i; j++) if (value[j] === key || (typeof key === 'object' && compareKeys(value[j], key) === 0)) continue outer;
            index.leaf(index.root, key, key).ids.push(id);
          }
        } else if (validComponent(value)) {
          index.leaf(index.root, value, value).ids.push(id);
        }
      }
      return index;
    }
    const prefixCols = props.slice(0, -1).map((p) => cols[p]!);
    const lastCol = cols[props[props.length - 1]!]!;
    const depth = prefixCols.length;
    slots: for (let slot = 0; slot < n; slot++) {
      const id = ids[slot];
      if (id === undefined) continue;
      const last = lastCol[slot];
      if (!validComponent(last)) continue;
      let level: Trie = index.root;
      for (let k = 0; k < depth - 1; k++) {
        const value = prefixCols[k]![slot];
        if (!validComponent(value)) continue slots;
        const mapKey = typeof value === 'string' || typeof value === 'number' ? value : mapKeyOf(value);
        let next = level.get(mapKey) as Trie | undefined;
        if (!next) level.set(mapKey, (next = new Map()));
        level = next;
      }
      const value = prefixCols[depth - 1]![slot];
      if (!validComponent(value)) continue;
      const part = index.leaf(level, value, null, slot, prefixCols);
      part.ids.push(id);
      part.lasts.push(last);
    }
    return index;
  }

  /**
   * The partition under `level` for its last component `value` (made when
   * missing): for a simple index its key is `key`; for a compound one it
   * is the components of this slot (`prefixCols`).
   */
  private leaf(level: Trie, value: unknown, key: unknown, slot = 0, prefixCols: ReadonlyArray<readonly unknown[]> = []): Partition {
    const mapKey = typeof value === 'string' || typeof value === 'number' ? value : mapKeyOf(value);
    let part = level.get(mapKey) as Partition | undefined;
    if (!part) {
      part = { key: this.compound ? prefixCols.map((col) => col[slot]) : key, lasts: [], ids: [], sorted: false };
      level.set(mapKey, part);
    }
    return part;
  }

  /** The keys a row has in an index of this shape (for a unique index's check). */
  static keysOf(shape: IndexShape, get: ValueOf): unknown[] {
    if (!shape.compound && !shape.multiEntry) {
      const value = get(shape.props[0]!);
      return validComponent(value) ? [value] : [];
    }
    const keys: unknown[] = [];
    const prefix: unknown[] = [];
    forEachKeyOf(shape, get, prefix, (last) => keys.push(shape.compound ? [...prefix, last] : prefix[0]));
    return keys;
  }

  addRow(id: string, get: ValueOf): void {
    const prefix: unknown[] = [];
    this.forEachKey(get, prefix, (last) => {
      const part = this.partitionOf(prefix, true)!;
      if (!part.ids.length && this.ordered) this.ordered.splice(this.partitionPosition(part.key), 0, part);
      if (!part.sorted) {
        part.ids.push(id);
        if (this.compound) part.lasts.push(last);
        return;
      }
      const at = this.entryPosition(part, last, id);
      if (part.ids[at] === id && (!this.compound || compareFast(part.lasts[at], last) === 0)) return;
      part.ids.splice(at, 0, id);
      if (this.compound) part.lasts.splice(at, 0, last);
    });
  }

  removeRow(id: string, get: ValueOf): void {
    const prefix: unknown[] = [];
    this.forEachKey(get, prefix, (last) => {
      const part = this.partitionOf(prefix, false);
      if (!part) return;
      // An id is in a partition once (one key per row, or distinct keys of a list): a native search finds it unsorted.
      const at = part.sorted ? this.entryPosition(part, last, id) : part.ids.indexOf(id);
      if (at < 0 || part.ids[at] !== id) return;
      part.ids.splice(at, 1);
      if (this.compound) part.lasts.splice(at, 1);
      if (part.ids.length) return;
      this.forget(prefix);
      if (this.ordered) this.ordered.splice(this.partitionPosition(part.key), 1);
    });
  }

  /** Primary keys holding exactly `key` (a unique index's owner). */
  idsWithKey(key: unknown): readonly string[] {
    if (!this.compound) return this.partitionOf([key], false)?.ids ?? [];
    const parts = key as unknown[];
    const part = this.partitionOf(parts.slice(0, -1), false);
    const last = parts[parts.length - 1];
    return part ? part.ids.filter((_, i) => compareFast(part.lasts[i], last) === 0) : [];
  }

  count(range: DBCoreKeyRange): number {
    const single = this.singlePartition(range);
    // One partition not yet sorted (a queue's count at start-up): counted as it is, not sorted for it.
    if (single && !single.sorted && this.compound) {
      let n = 0;
      for (let i = 0; i < single.ids.length; i++) if (this.inside(single, i, range)) n++;
      return n;
    }
    if (single === null) return 0;
    let n = 0;
    this.visit(range, false, (_part, from, to) => {
      n += to - from;
      return true;
    });
    return n;
  }

  private inside(part: Partition, i: number, range: DBCoreKeyRange): boolean {
    const compare = (bound: unknown) => this.compareEntry(part, i, bound);
    return aboveLower(compare, range) && belowUpper(compare, range);
  }

  scan(range: DBCoreKeyRange, options: ScanOptions): Scanned {
    const ids: string[] = [];
    const keys: unknown[] | null = options.wantKeys ? [] : null;
    if (options.limit <= 0) return { ids, keys };
    const emit = (part: Partition, i: number): boolean => {
      ids.push(part.ids[i]!);
      keys?.push(this.keyOf(part, i));
      return ids.length < options.limit;
    };
    this.visit(range, options.reverse, (part, from, to) => {
      if (!this.compound && options.unique) return emit(part, from); // one key per simple partition; its lowest id
      if (!options.reverse) {
        for (let i = from; i < to; i++) {
          // A run of equal keys starts inside the range (the range is on keys): its first entry has the lowest id.
          if (options.unique && i > from && compareFast(part.lasts[i - 1], part.lasts[i]) === 0) continue;
          if (!emit(part, i)) return false;
        }
        return true;
      }
      for (let i = to - 1; i >= from; i--) {
        if (options.unique) while (i > from && compareFast(part.lasts[i - 1], part.lasts[i]) === 0) i--;
        if (!emit(part, i)) return false;
      }
      return true;
    });
    return { ids, keys };
  }

  private forEachKey(get: ValueOf, prefix: unknown[], add: (last: unknown) => void): void {
    forEachKeyOf(this.shape, get, prefix, add);
  }

  /** The partition of a prefix (the key of a simple index), made when asked to. */
  private partitionOf(prefix: readonly unknown[], create: boolean): Partition | undefined {
    let level: Trie = this.root;
    for (let i = 0; i < prefix.length; i++) {
      const mapKey = mapKeyOf(prefix[i]);
      let next = level.get(mapKey);
      if (!next) {
        if (!create) return undefined;
        next = i === prefix.length - 1 ? { key: this.compound ? prefix.slice() : prefix[0], lasts: [], ids: [], sorted: false } : new Map();
        level.set(mapKey, next);
      }
      if (i === prefix.length - 1) return next as Partition;
      level = next as Trie;
    }
    return undefined;
  }

  /** Removes an emptied partition from the trie. */
  private forget(prefix: readonly unknown[]): void {
    const path: Trie[] = [this.root];
    for (let i = 0; i < prefix.length - 1; i++) path.push(path[i]!.get(mapKeyOf(prefix[i])) as Trie);
    for (let i = prefix.length - 1; i >= 0; i--) {
      path[i]!.delete(mapKeyOf(prefix[i]));
      if (path[i]!.size || i === 0) return;
    }
  }

  private sortPartition(part: Partition): void {
    if (part.sorted) return;
    part.sorted = true;
    if (!this.compound) {
      part.ids.sort();
      part.ids = part.ids.filter((id, i) => i === 0 || id !== part.ids[i - 1]);
      return;
    }
    const { lasts, ids } = part;
    const order = Array.from(ids, (_, i) => i);
    order.sort((a, b) => compareFast(lasts[a], lasts[b]) || (ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : 0));
    part.lasts = order.map((i) => lasts[i]);
    part.ids = order.map((i) => ids[i]!);
  }

  /** The full key of entry i. */
  private keyOf(part: Partition, i: number): unknown {
    return this.compound ? [...(part.key as unknown[]), part.lasts[i]] : part.key;
  }

  /** Where (last, id) goes in a partition: entries are ordered by last component, then id. */
  private entryPosition(part: Partition, last: unknown, id: string): number {
    return lowerBound(part.ids.length, (i) => {
      if (this.compound) {
        const c = compareFast(part.lasts[i], last);
        if (c !== 0) return c < 0;
      }
      return part.ids[i]! < id;
    });
  }

  private allPartitions(): Partition[] {
    const out: Partition[] = [];
    const walk = (level: Trie, depth: number) => {
      for (const next of level.values()) {
        if (depth === this.width - (this.compound ? 2 : 1)) out.push(next as Partition);
        else walk(next as Trie, depth + 1);
      }
    };
    walk(this.root, 0);
    return out;
  }

  /**
   * The partitions a range may cross, in key order. A bounded range over a
   * simple index, before the whole order is kept, takes the partitions whose
   * key is inside it and sorts those: a search word's prefix in a multi-entry
   * index of 100k+ words is a pass over them, not a sort of all (~90 ms).
   */
  private partitionsFor(range: DBCoreKeyRange): Partition[] {
    if (this.ordered || this.compound || range.type === RANGE_ANY) return this.sortedPartitions();
    const found: Partition[] = [];
    const { lower, upper, lowerOpen, upperOpen } = range;
    if (range.type !== RANGE_EQUAL && typeof lower === 'string' && typeof upper === 'string') {
      // String bounds (a word's prefix): a key of another type is outside them (numbers and dates sort below
      // strings, binary and arrays above). A simple index keeps its partitions at the trie's first level.
      for (const next of this.root.values()) {
        const key = (next as Partition).key;
        if (typeof key === 'string' && (key > lower || (key === lower && !lowerOpen)) && (key < upper || (key === upper && !upperOpen))) found.push(next as Partition);
      }
    } else {
      const inside = (part: Partition) => aboveLower((bound) => compareFast(part.key, bound), range) && belowUpper((bound) => compareFast(part.key, bound), range);
      for (const part of this.allPartitions()) if (inside(part)) found.push(part);
    }
    return found.sort((a, b) => compareFast(a.key, b.key));
  }

  private sortedPartitions(): Partition[] {
    this.ordered ??= this.allPartitions().sort((a, b) => compareFast(a.key, b.key));
    return this.ordered;
  }

  private partitionPosition(partKey: unknown): number {
    const ordered = this.ordered!;
    return lowerBound(ordered.length, (i) => compareFast(ordered[i]!.key, partKey) < 0);
  }

  /** Entry i's full key compared with a range bound, without building the key. */
  private compareEntry(part: Partition, i: number, bound: unknown): number {
    if (!this.compound) return compareFast(part.key, bound);
    // Entries are arrays: above any number, date, string or binary bound.
    if (!Array.isArray(bound)) return 1;
    const prefix = part.key as unknown[];
    for (let k = 0; k < this.width; k++) {
      if (k >= bound.length) return 1;
      const c = compareFast(k < this.width - 1 ? prefix[k] : part.lasts[i], bound[k]);
      if (c !== 0) return c;
    }
    return this.width === bound.length ? 0 : -1;
  }

  /**
   * Calls `visit(partition, from, to)` for the entries [from, to) of each
   * partition inside `range`, in key order (reversed on request), until it
   * returns false.
   */
  private visit(range: DBCoreKeyRange, reverse: boolean, visit: (part: Partition, from: number, to: number) => boolean): void {
    if (range.type === RANGE_NEVER) return;
    const single = this.singlePartition(range);
    const partitions = single !== undefined ? (single ? [single] : []) : this.partitionsFor(range);
    // A compound partition's bounds are its first and last entries, so it is sorted before the search; a simple one is
    // one key (the order of its ids does not place it), sorted only when the scan reaches it: a multi-entry index of
    // many words sorts the few a prefix names, not all of them.
    if (this.compound) for (const part of partitions) this.sortPartition(part);
    const above = (part: Partition, i: number) => aboveLower((bound) => this.compareEntry(part, i, bound), range);
    const below = (part: Partition, i: number) => belowUpper((bound) => this.compareEntry(part, i, bound), range);
    // Partitions wholly below the range (their last entry is) and wholly above it (their first entry is) are skipped.
    const first = lowerBound(partitions.length, (p) => !above(partitions[p]!, partitions[p]!.ids.length - 1));
    const end = lowerBound(partitions.length, (p) => below(partitions[p]!, 0));
    const entries = (part: Partition): [number, number] => {
      const n = part.ids.length;
      if (range.type === RANGE_ANY) return [0, n];
      return [lowerBound(n, (i) => !above(part, i)), lowerBound(n, (i) => below(part, i))];
    };
    for (let k = 0; k < end - first; k++) {
      const part = partitions[reverse ? end - 1 - k : first + k]!;
      this.sortPartition(part);
      const [from, to] = entries(part);
      if (from < to && !visit(part, from, to)) return;
    }
  }

  /**
   * The one partition a range can touch, when its bounds share every
   * component but the last (or it names one simple key); null when that
   * partition is empty; undefined when the range may cross partitions.
   */
  private singlePartition(range: DBCoreKeyRange): Partition | null | undefined {
    if (!this.compound) return oneKey(range) ? (this.partitionOf([range.lower], false) ?? null) : undefined;
    const { lower } = range;
    const upper = range.type === RANGE_EQUAL ? lower : range.upper;
    if (range.type === RANGE_ANY || !Array.isArray(lower) || !Array.isArray(upper)) return undefined;
    if (lower.length !== this.width || upper.length !== this.width) return undefined;
    const prefix = lower.slice(0, -1);
    if (compareKeys(prefix, upper.slice(0, -1)) !== 0) return undefined;
    return this.partitionOf(prefix, false) ?? null;
  }
}
