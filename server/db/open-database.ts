import { mkdirSync } from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { migrationProvider } from './migrations';
import type { Database } from './schema';

export type Db = Kysely<Database>;

export type OpenDatabaseOptions = {
  /** Folder for the SQLite file (created if missing). */
  dataDir: string;
  /** Optional file name inside dataDir. */
  fileName?: string;
};

export const SQLITE_FILE = 'tierdesk.sqlite';

/** Opens (and migrates) the SQLite database in `dataDir`. */
export async function openSqlite(options: OpenDatabaseOptions): Promise<Db> {
  mkdirSync(options.dataDir, { recursive: true });
  const file = path.join(options.dataDir, options.fileName ?? SQLITE_FILE);
  const sqlite = new BetterSqlite3(file);
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

export async function migrate(db: Db): Promise<void> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`database migration ${failed?.migrationName ?? ''} failed: ${String(error)}`);
  }
}
