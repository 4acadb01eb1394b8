import type { DBCoreIndex, DBCoreTableSchema } from 'dexie';
import { decodeColumn, encodeColumn, type EncodedColumn, type Row } from './heads';
import { mapKeyOf } from './key-order';
import { MemoryIndex, type IndexShape } from './memory-index';
import { PrimaryIndex } from './primary-index';

type IndexSpec = IndexShape & { name: string; unique: boolean };

/** The properties a table's secondary indexes read, in a fixed order: what a row holds. */
export function indexedProps(indexes: readonly DBCoreIndex[]): string[] {
  const props: string[] = [];
  for (const index of indexes) {
    for (const path of Array.isArray(index.keyPath) ? index.keyPath : [index.keyPath]) {
      if (typeof path === 'string' && !props.includes(path)) props.push(path);
    }
  }
  return props;
}

/** A value of a column not read yet (heads.ts: columns are read when first needed). */
export const NOT_LOADED: unique symbol = Symbol('not loaded');

/** A column of one head group, to read: the property's position and the group. */
export type ColumnPart = { prop: number; group: string };

/**
 * A bucketed table's index fields in memory, by column: each record has a
 * slot, each indexed property an array of values by slot. A start reads
 * only the ids of each head group (heads.ts); a column is read when an
 * index needs it (every group at once) or a write rewrites a group (that
 * group's), so the first screen waits for what it shows. Secondary indexes
 * are built from the columns on first use and kept in step with every
 * write after.
 *
 * Columns are stored positionally: a group's column lists its values in
 * the order of the group's ids as stored. A group keeps that order in
 * memory (`stored`) until a write rewrites it, and a write reads every
 * column of its group first, so a column read later always lines up.
 */
export class MemoryTable {
  readonly props: string[];
  private readonly specs = new Map<string, IndexSpec>();
  private ids: Array<string | undefined> = [];
  private slots: Map<string, number> | null = null;
  private free: number[] = [];
  private count = 0;
  private cols: unknown[][];
  /** Per group, its slots in the order of its stored ids (while its stored columns line up with them): a run of slots after a start, a list after a write. */
  private stored = new Map<string, number[] | { start: number; count: number }>();
  /** Per property, the groups whose column is in memory; `complete`: every group's. */
  private loaded: Array<Set<string>>;
  private complete: boolean[];
  /** Per group, ids added since it was last stored. */
  private added = new Map<string, Set<string>>();
  private readonly built = new Map<string, MemoryIndex>();
  private primary: PrimaryIndex | null = null;
  /** Unique checks answered without an index so far: past a few, the index is built (a sync page checks many). */
  private uniqueLooks = 0;

  constructor(
    schema: DBCoreTableSchema,
    private readonly groupOf: (id: string) => string,
  ) {
    this.props = indexedProps(schema.indexes);
    this.cols = this.props.map(() => []);
    this.loaded = this.props.map(() => new Set());
    this.complete = this.props.map(() => false);
    for (const index of schema.indexes) {
      const paths = (Array.isArray(index.keyPath) ? index.keyPath : [index.keyPath]) as string[];
      this.specs.set(index.name!, {
        name: index.name!,
        props: paths.map((p) => this.props.indexOf(p)),
        compound: !!index.compound,
        multiEntry: !!index.multiEntry,
        unique: !!index.unique,
      });
    }
  }

  /** False until the ids are read (at start), and again after a write transaction aborted: read again before use. */
  valid = false;

  get size(): number {
    return this.count;
  }

  /** Forgets everything (an aborted write left memory ahead of the stores): the next request reads the ids again. */
  invalidate(): void {
    this.valid = false;
    this.built.clear();
    this.primary = null;
  }

  private get slotOf(): Map<string, number> {
    if (!this.slots) {
      this.slots = new Map();
      this.ids.forEach((id, slot) => id !== undefined && this.slots!.set(id, slot));
    }
    return this.slots;
  }

  /** Every id held. */
  allIds(): string[] {
    return this.ids.filter((id): id is string => id !== undefined);
  }

  /** One record's row (NOT_LOADED for a column not read yet), or undefined. */
  get(id: string): Row | undefined {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return undefined;
    return this.cols.map((col) => col[slot]);
  }

  /** The ids of one head group: those it had as stored (still held, still its own) and those added since. */
  idsOf(group: string): ReadonlySet<string> {
    const out = new Set<string>();
    const stored = this.stored.get(group);
    if (stored) {
      const count = Array.isArray(stored) ? stored.length : stored.count;
      for (let i = 0; i < count; i++) {
        const id = this.ids[Array.isArray(stored) ? stored[i]! : stored.start + i];
        if (id !== undefined && this.groupOf(id) === group) out.add(id);
      }
    }
    for (const id of this.added.get(group) ?? []) out.add(id);
    return out;
  }

  /** Replaces every row with the ids of the head groups read at start; columns are read when needed, indexes built when used. */
  reset(groups: ReadonlyArray<readonly [string, EncodedColumn]>): void {
    const ids: string[] = [];
    this.stored = new Map();
    for (const [group, encoded] of groups) {
      const start = ids.length;
      for (const id of decodeColumn(encoded, Number.MAX_SAFE_INTEGER) as string[]) ids.push(id);
      this.stored.set(group, { start, count: ids.length - start });
    }
    this.ids = ids;
    this.slots = null;
    this.free = [];
    this.count = ids.length;
    this.cols = this.props.map(() => new Array<unknown>(ids.length).fill(NOT_LOADED));
    this.loaded = this.props.map(() => new Set());
    this.complete = this.props.map(() => false);
    this.added = new Map();
    this.built.clear();
    this.primary = null;
    this.valid = true;
  }

  /** Reads the table as a start does (heads-store.ts): stored ids of clean groups, whole rows of the others. */
  load(read: { ids: ReadonlyArray<readonly [string, EncodedColumn]>; fromRecords: ReadonlyMap<string, ReadonlyArray<readonly [string, Row]>> }): void {
    this.reset(read.ids);
    for (const [group, rows] of read.fromRecords) {
      for (const [id, row] of rows) {
        const slot = this.claim(id);
        row.forEach((value, p) => (this.cols[p]![slot] = value));
      }
      // Every column of the group is in memory; it has no stored order (its heads are written again from memory).
      for (const loaded of this.loaded) loaded.add(group);
    }
  }

  /** The groups held (as stored). */
  storedGroups(): string[] {
    return [...this.stored.keys()];
  }

  private claim(id: string): number {
    const slot = this.free.pop() ?? this.ids.length;
    this.ids[slot] = id;
    this.count++;
    this.slots?.set(id, slot);
    const group = this.groupOf(id);
    let added = this.added.get(group);
    if (!added) this.added.set(group, (added = new Set()));
    added.add(id);
    return slot;
  }

  /** The column parts to read before `props` can be used (in `groups`, or in every group). */
  missing(props: readonly number[], groups?: readonly string[]): ColumnPart[] {
    const out: ColumnPart[] = [];
    for (const prop of props) {
      if (this.complete[prop]) continue;
      for (const group of groups ?? this.stored.keys()) if (this.stored.has(group) && !this.loaded[prop]!.has(group)) out.push({ prop, group });
    }
    return out;
  }

  /** A group's stored column, as read, into the slots that have not been written since (they hold their own values). */
  fill(part: ColumnPart, column: EncodedColumn | undefined, fromRecords?: ReadonlyMap<string, Row>): void {
    const stored = this.stored.get(part.group);
    if (!stored) return;
    const count = Array.isArray(stored) ? stored.length : stored.count;
    const slotAt = Array.isArray(stored) ? (i: number) => stored[i]! : (i: number) => stored.start + i;
    const col = this.cols[part.prop]!;
    const values = column ? decodeColumn(column, count) : null;
    for (let i = 0; i < count; i++) {
      const slot = slotAt(i);
      if (col[slot] !== NOT_LOADED) continue;
      // No stored column (an index added since it was written): from the group's records.
      col[slot] = values ? values[i] : fromRecords?.get(this.ids[slot]!)?.[part.prop];
    }
    this.loaded[part.prop]!.add(part.group);
  }

  /** Notes that every group's part of these columns is read. */
  completed(props: readonly number[]): void {
    for (const prop of props) if (!this.missing([prop]).length) this.complete[prop] = true;
  }

  /** Sets one record's row (undefined: the record is gone), keeping built indexes in step. */
  set(id: string, row: Row | undefined): void {
    const old = this.get(id);
    for (const index of this.built.values()) {
      if (old) index.removeRow(id, (p) => old[p]);
      if (row) index.addRow(id, (p) => row[p]);
    }
    if (row && !old) this.primary?.add(id);
    if (!row && old) this.primary?.remove(id);
    if (row) {
      const slot = this.slotOf.get(id) ?? this.claim(id);
      row.forEach((value, p) => (this.cols[p]![slot] = value));
    } else if (old) {
      const slot = this.slotOf.get(id)!;
      this.slotOf.delete(id);
      this.count--;
      this.ids[slot] = undefined;
      for (const col of this.cols) col[slot] = undefined;
      this.free.push(slot);
      this.added.get(this.groupOf(id))?.delete(id);
    }
  }

  /**
   * One head group as it is now, to store (undefined when it has no rows
   * left): its ids and each column in their order. Every column of the
   * group must be read first (`missing`); the group's stored order is this
   * order from now on.
   */
  encodeGroup(group: string): { ids: EncodedColumn; cols: EncodedColumn[] } | undefined {
    const ids = [...this.idsOf(group)];
    const slots = ids.map((id) => this.slotOf.get(id)!);
    for (let p = 0; p < this.props.length; p++) this.loaded[p]!.add(group);
    this.added.delete(group);
    if (!ids.length) {
      this.stored.delete(group);
      return undefined;
    }
    this.stored.set(group, slots);
    return { ids: encodeColumn(ids), cols: this.props.map((_, p) => encodeColumn(slots.map((slot) => this.cols[p]![slot]))) };
  }

  /** An index by name, built from the columns the first time it is asked for (its columns must be read: `indexProps`). */
  index(name: string): MemoryIndex {
    let index = this.built.get(name);
    if (index) return index;
    index = MemoryIndex.build(this.spec(name), this.ids, this.cols);
    this.built.set(name, index);
    return index;
  }

  /** The properties an index reads. */
  indexProps(name: string): readonly number[] {
    return this.spec(name).props;
  }

  /** The properties of the unique indexes (a write checks them). */
  uniqueProps(): number[] {
    return [...this.specs.values()].filter((s) => s.unique).flatMap((s) => s.props);
  }

  private spec(name: string): IndexSpec {
    const spec = this.specs.get(name);
    if (!spec) throw new Error(`no index ${name} in this table`);
    return spec;
  }

  primaryIndex(): PrimaryIndex {
    this.primary ??= new PrimaryIndex(this.allIds());
    return this.primary;
  }

  /**
   * The ids holding a key of a unique index: from the index once built,
   * else (a local write or two at start) by a look along the column, not
   * an index of 100k keys built for them.
   */
  private holdersOf(spec: IndexSpec, key: unknown): readonly string[] {
    const built = this.built.get(spec.name);
    if (built || spec.compound || spec.multiEntry || ++this.uniqueLooks > 16) return (built ?? this.index(spec.name)).idsWithKey(key);
    const col = this.cols[spec.props[0]!]!;
    const out: string[] = [];
    const wanted = mapKeyOf(key);
    for (let slot = 0; slot < col.length; slot++) {
      const value = col[slot];
      if (value === key || (value !== NOT_LOADED && value !== undefined && typeof value === 'object' && mapKeyOf(value) === wanted)) {
        const id = this.ids[slot];
        if (id !== undefined) out.push(id);
      }
    }
    return out;
  }

  /**
   * Checks the puts of one request against the unique indexes, in request
   * order (IndexedDB's ConstraintError): the index name for each put whose
   * key another record holds, counting the earlier puts of the request
   * (`rows`: id and row of each put, null for an op that is not a put).
   */
  uniqueConflicts(rows: ReadonlyArray<readonly [string, Row] | null>): Array<string | null> {
    const out: Array<string | null> = rows.map(() => null);
    for (const spec of this.specs.values()) {
      if (!spec.unique) continue;
      // Keys as the earlier puts of this request leave them: who holds each, and what each put id held before.
      const claimed = new Map<string | number, string>();
      const released = new Set<string>();
      rows.forEach((entry, i) => {
        if (!entry || out[i]) return;
        const [id, row] = entry;
        const keys = MemoryIndex.keysOf(spec, (p) => row[p]);
        const conflict = keys.some((key) => {
          const mapKey = mapKeyOf(key);
          const holder = claimed.get(mapKey);
          if (holder !== undefined) return holder !== id;
          return this.holdersOf(spec, key).some((other) => other !== id && !released.has(other));
        });
        if (conflict) {
          out[i] = spec.name;
          return;
        }
        // This put's id gives up its stored keys and takes its new ones.
        released.add(id);
        for (const [key, holder] of claimed) if (holder === id) claimed.delete(key);
        for (const key of keys) claimed.set(mapKeyOf(key), id);
      });
    }
    return out;
  }
}
