import { Dexie } from 'dexie';

/**
 * The index fields of a bucketed table's records ("heads"), stored apart
 * from the records in a few big values (head groups, ~1,500 records each at
 * 100k), so a start reads 64 values instead of 100k records and builds the
 * in-memory indexes from them. Each group is columnar and compact: IndexedDB
 * pays per value decoded, so numbers go as one Float64Array, repeated values
 * (group, tier, owner) as codes into a small dictionary, and many distinct
 * strings (ids, ticket numbers, search words) as one joined string, split
 * when read.
 */
export type EncodedColumn =
  | { kind: 'f64'; data: Float64Array }
  | { kind: 'dict'; dict: unknown[]; codes: Uint16Array }
  /** Strings joined by "\n". */
  | { kind: 'text'; data: string }
  /** Lists of strings: items joined by \u0001, lists by \u0002. */
  | { kind: 'words'; data: string }
  | { kind: 'any'; data: unknown[] };

/** A record's index fields, in the table's property order. */
export type Row = unknown[];

export function rowOf(record: object, props: readonly string[]): Row {
  return props.map((prop) => Dexie.getByKeyPath(record, prop));
}

const LINE = '\n';
const ITEM = '\u0001';
const LIST = '\u0002';

const plainString = (v: unknown, ...banned: string[]): v is string => typeof v === 'string' && !banned.some((b) => v.includes(b));
const primitive = (v: unknown) => v === null || v === undefined || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

export function encodeColumn(values: readonly unknown[]): EncodedColumn {
  if (values.every((v) => typeof v === 'number')) return { kind: 'f64', data: Float64Array.from(values as number[]) };
  if (values.every(primitive)) {
    const dict: unknown[] = [];
    const codeOf = new Map<unknown, number>();
    const codes = new Uint16Array(values.length);
    let fits = true;
    values.forEach((v, i) => {
      let code = codeOf.get(v);
      if (code === undefined) {
        code = dict.length;
        dict.push(v);
        codeOf.set(v, code);
      }
      codes[i] = code;
      if (code > 0xffff) fits = false;
    });
    // Many distinct strings: one joined string decodes faster than a dictionary of them.
    if (dict.length * 4 > values.length && values.every((v) => plainString(v, LINE))) return { kind: 'text', data: (values as string[]).join(LINE) };
    if (fits) return { kind: 'dict', dict, codes };
  }
  if (values.every((v) => Array.isArray(v) && v.every((item) => plainString(item, ITEM, LIST)))) {
    return { kind: 'words', data: (values as string[][]).map((list) => list.join(ITEM)).join(LIST) };
  }
  return { kind: 'any', data: [...values] };
}

/** The values of an encoded column (`count` of them). */
export function decodeColumn(column: EncodedColumn, count: number): unknown[] {
  switch (column.kind) {
    case 'f64':
      return Array.from(column.data);
    case 'dict':
      return Array.from(column.codes, (code) => column.dict[code]);
    case 'text':
      return count ? column.data.split(LINE) : [];
    case 'words':
      return count ? column.data.split(LIST).map((list) => (list ? list.split(ITEM) : [])) : [];
    case 'any':
      return column.data;
  }
}
