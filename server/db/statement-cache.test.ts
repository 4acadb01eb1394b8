import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import { withStatementCache } from './open-database';

describe('the SQLite statement cache', () => {
  test('prepares a query once, but never hands out a statement that is still iterating', () => {
    const sqlite = new BetterSqlite3(':memory:');
    let prepared = 0;
    const counting = new Proxy(sqlite, {
      get(target, key) {
        if (key === 'prepare') return (sql: string) => (prepared++, target.prepare(sql));
        const value = Reflect.get(target, key) as unknown;
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const db = withStatementCache(counting);
    db.prepare('create table t (n integer)').run([]);
    for (let n = 0; n < 5; n++) db.prepare('insert into t (n) values (?)').run([n]);
    expect(prepared).toBe(2);

    const select = 'select n from t order by n';
    const rows = db.prepare(select).iterate([]);
    expect(rows.next().value).toEqual({ n: 0 });
    // A second reader of the same SQL while the first is mid-iteration gets its own statement.
    expect(db.prepare(select).all([])).toHaveLength(5);
    expect([...rows]).toHaveLength(4);
    expect(prepared).toBe(4);
    expect(db.prepare(select).all([])).toHaveLength(5);
    expect(prepared).toBe(4);
    db.close();
  });

  test('keeps at most 256 statements, dropping the least recently used', () => {
    const sqlite = new BetterSqlite3(':memory:');
    let prepared = 0;
    const counting = { close: () => sqlite.close(), prepare: (sql: string) => (prepared++, sqlite.prepare(sql)) } as unknown as BetterSqlite3.Database;
    const db = withStatementCache(counting);
    const query = (i: number) => db.prepare(`select ${i} as n`).all([]);
    query(0);
    for (let i = 1; i <= 256; i++) query(i);
    expect(prepared).toBe(257);
    query(256);
    expect(prepared).toBe(257);
    query(0);
    expect(prepared).toBe(258);
    db.close();
  });
});
