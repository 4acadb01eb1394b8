import { mkdirSync } from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, type SqliteDatabase } from 'kysely';
import pg from 'pg';
import { migrationProvider } from './migrations';
import type { Database } from './schema';

export type Db = Kysely<Database>;
export type Dialect = 'sqlite' | 'postgres';

export const SQLITE_FILE = 'tierdesk.sqlite';

// PostgreSQL returns bigint (int8) as strings to avoid precision loss; our
// bigints are epoch milliseconds and sequence numbers, well inside 2^53.
pg.types.setTypeParser(20, (value) => Number(value));

/** Opens (and migrates) the SQLite file in `dataDir`. */
export async function openSqlite(options: { dataDir: string; fileName?: string }): Promise<Db> {
  mkdirSync(options.dataDir, { recursive: true });
  const sqlite = new BetterSqlite3(path.join(options.dataDir, options.fileName ?? SQLITE_FILE));
  // WAL lets readers (pull) run beside a writer; FULL sync makes a commit
  // durable before we answer, which the push contract relies on.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  await migrate(db);
  return db;
}

const STATEMENT_CACHE = 256;

/**
 * Kysely prepares every query again; a push runs about fifteen statements per
 * mutation, and preparing them was an eighth of its time. Statements are kept
 * per SQL text (least recently used dropped), and one still iterating a
 * result (a streamed query) is not handed out twice.
 */
export function withStatementCache(sqlite: BetterSqlite3.Database): SqliteDatabase {
  const cache = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql) {
      const cached = cache.get(sql);
      if (cached && !cached.busy) {
        cache.delete(sql);
        cache.set(sql, cached);
        return cached;
      }
      const statement = sqlite.prepare(sql);
      if (!cached) {
        cache.set(sql, statement);
        if (cache.size > STATEMENT_CACHE) cache.delete(cache.keys().next().value!);
      }
      return statement;
    },
  };
}

/** Opens (and migrates) a PostgreSQL database from a postgres:// URL. */
export async function openPostgres(databaseUrl: string): Promise<Db> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  await migrate(db);
  return db;
}

/** SQLite under dataDir by default; PostgreSQL when a DATABASE_URL is given. */
export function openDatabase(config: { dataDir: string; databaseUrl: string | undefined }): Promise<Db> {
  return config.databaseUrl ? openPostgres(config.databaseUrl) : openSqlite({ dataDir: config.dataDir });
}

export async function migrate(db: Db): Promise<void> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`database migration ${failed?.migrationName ?? ''} failed: ${String(error)}`);
  }
}
