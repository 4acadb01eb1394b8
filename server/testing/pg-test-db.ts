import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * A throwaway PostgreSQL database for one test server: created from the
 * admin URL in TIERDESK_TEST_PG_URL, dropped at the end.
 */
export async function createPgTestDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const adminUrl = process.env.TIERDESK_TEST_PG_URL;
  if (!adminUrl) throw new Error('TIERDESK_TEST_PG_URL is not set (postgres://user:pass@127.0.0.1:5432/postgres)');
  const name = `tierdesk_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

/** "postgres" when this run targets PostgreSQL (the server-pg vitest project), else "sqlite". */
export function testDialect(): 'sqlite' | 'postgres' {
  return process.env.TIERDESK_TEST_DIALECT === 'postgres' ? 'postgres' : 'sqlite';
}
