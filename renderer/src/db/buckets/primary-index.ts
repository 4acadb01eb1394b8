import type { DBCoreKeyRange } from 'dexie';
import { aboveLower, belowUpper, byCodeUnits, compareKeys, lowerBound, RANGE_ANY } from './key-order';

/** A bucketed table's primary keys (strings) in key order, for ranges and counts over them. */
export class PrimaryIndex {
  private readonly ids: string[];

  constructor(ids: Iterable<string>) {
    this.ids = [...ids].sort(byCodeUnits);
  }

  add(id: string): void {
    const at = lowerBound(this.ids.length, (i) => this.ids[i]! < id);
    if (this.ids[at] !== id) this.ids.splice(at, 0, id);
  }

  remove(id: string): void {
    const at = lowerBound(this.ids.length, (i) => this.ids[i]! < id);
    if (this.ids[at] === id) this.ids.splice(at, 1);
  }

  /** The primary keys inside `range` (positions [from, to)). */
  private bounds(range: DBCoreKeyRange): [number, number] {
    const n = this.ids.length;
    if (range.type === RANGE_ANY) return [0, n];
    const above = (i: number) => aboveLower((bound) => compareKeys(this.ids[i], bound), range);
    const below = (i: number) => belowUpper((bound) => compareKeys(this.ids[i], bound), range);
    return [lowerBound(n, (i) => !above(i)), lowerBound(n, (i) => below(i))];
  }

  count(range: DBCoreKeyRange): number {
    const [from, to] = this.bounds(range);
    return Math.max(0, to - from);
  }

  scan(range: DBCoreKeyRange, reverse: boolean, limit: number): string[] {
    const [from, to] = this.bounds(range);
    if (from >= to) return [];
    return reverse ? this.ids.slice(Math.max(from, to - limit), to).reverse() : this.ids.slice(from, Math.min(to, from + limit));
  }
}
