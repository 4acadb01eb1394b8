import { cmp, type DBCoreKeyRange } from 'dexie';

/**
 * IndexedDB's key order and key ranges, for the indexes bucketed tables keep
 * in memory (memory-index.ts): numbers < dates < strings < binary < arrays,
 * arrays element by element. Dexie's `cmp` implements that order.
 */
export const compareKeys = cmp as (a: unknown, b: unknown) => number;

/** DBCoreRangeType (a const enum in Dexie's types, which isolated modules cannot read). */
export const RANGE_EQUAL = 1;
export const RANGE_ANY = 3;
export const RANGE_NEVER = 4;

/** A value IndexedDB accepts as a key: a record whose key path yields anything else is not in that index. */
export function isValidKey(key: unknown): boolean {
  switch (typeof key) {
    case 'number':
      return !Number.isNaN(key);
    case 'string':
      return true;
    case 'object':
      if (key === null) return false;
      if (key instanceof Date) return !Number.isNaN(key.getTime());
      if (Array.isArray(key)) return key.every(isValidKey);
      return key instanceof ArrayBuffer || ArrayBuffer.isView(key);
    default:
      return false;
  }
}

/** Whether `key` is inside `range` (IDBKeyRange.includes). */
export function inRange(key: unknown, range: DBCoreKeyRange): boolean {
  const compare = (bound: unknown) => compareKeys(key, bound);
  return aboveLower(compare, range) && belowUpper(compare, range);
}

/** Is a key at or past the range's lower bound? `compare(bound)` compares the key with a bound. */
export function aboveLower(compare: (bound: unknown) => number, range: DBCoreKeyRange): boolean {
  if (range.type === RANGE_NEVER) return false;
  if (range.type === RANGE_ANY || range.lower === undefined) return true;
  const c = compare(range.lower);
  return c > 0 || (c === 0 && (range.type === RANGE_EQUAL || !range.lowerOpen));
}

/** Is a key at or before the range's upper bound (its only key for an equality range)? */
export function belowUpper(compare: (bound: unknown) => number, range: DBCoreKeyRange): boolean {
  if (range.type === RANGE_NEVER) return false;
  if (range.type === RANGE_ANY) return true;
  const upper = range.type === RANGE_EQUAL ? range.lower : range.upper;
  if (upper === undefined) return true;
  const c = compare(upper);
  return c < 0 || (c === 0 && (range.type === RANGE_EQUAL || !range.upperOpen));
}

/**
 * A map key for an IndexedDB key: equal keys give equal map keys and
 * different keys different ones (strings and numbers stand for themselves,
 * which a Map keeps apart; other keys are spelled out with their type).
 */
export function mapKeyOf(key: unknown): string | number {
  if (typeof key === 'number') return key;
  if (typeof key === 'string') return key;
  return `\u0000${spell(key)}`;
}

function spell(key: unknown): string {
  if (typeof key === 'number') return `n${key}`;
  // Length-prefixed, so no string can end one element early.
  if (typeof key === 'string') return `s${key.length}:${key}`;
  if (key instanceof Date) return `d${key.getTime()}`;
  if (Array.isArray(key)) return `a${key.length}[${key.map(spell).join('')}]`;
  const bytes = key instanceof ArrayBuffer ? new Uint8Array(key) : new Uint8Array((key as ArrayBufferView).buffer, (key as ArrayBufferView).byteOffset, (key as ArrayBufferView).byteLength);
  return `b${bytes.length}:${Array.from(bytes).join('.')}`;
}

/** First position in `sorted` (length n) whose element is not before `target` (`before(i)` says element i is). */
export function lowerBound(n: number, before: (i: number) => boolean): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** String keys in IndexedDB's order (UTF-16 code units, as JavaScript compares strings). */
export const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
