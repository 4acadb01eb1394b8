import { mkdirSync } from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
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
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  await migrate(db);
  return db;
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
