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
      try {
        // FORCE ends the database's other sessions; one that cannot be ended yet (an autovacuum
        // worker, on a server where this role may not signal it) is waited for a little.
        for (let attempt = 1; ; attempt++) {
          try {
            await client.query(`drop database if exists ${name} with (force)`);
            return;
          } catch (error) {
            const code = (error as { code?: string }).code;
            if (attempt >= 10 || (code !== '42501' && code !== '55006')) throw error;
            await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
          }
        }
      } finally {
        await client.end();
      }
    },
  };
}

/** "postgres" when this run targets PostgreSQL (the server-pg vitest project), else "sqlite". */
export function testDialect(): 'sqlite' | 'postgres' {
  return process.env.TIERDESK_TEST_DIALECT === 'postgres' ? 'postgres' : 'sqlite';
}
