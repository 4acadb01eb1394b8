import path from 'node:path';

export type ServerConfig = {
  host: string;
  port: number;
  /** Folder holding the SQLite file and other server state. */
  dataDir: string;
  /** postgres://… to use PostgreSQL instead of the SQLite file. */
  databaseUrl: string | undefined;
  /** Origins allowed to call the API from a browser (the web renderer, the Electron app protocol). */
  corsOrigins: string[];
  /** Lifetime of a login token. */
  tokenTtlMs: number;
  /** Seed demo data when the database is empty (the embedded default). */
  seedOnFirstRun: boolean;
  /** smtp://user:pass@host:port to mail requesters; without it messages go to a file in dataDir. */
  smtpUrl: string | undefined;
  mailFrom: string;
  /** PostgreSQL: how often a standby API process tries to take over the escalation runner. */
  runnerLeaseRetryMs: number;
};

/** A standby process tries to take over the escalation runner this often: steps fall due at most this late after the running process dies. */
export const DEFAULT_RUNNER_LEASE_RETRY_MS = 15_000;
export const DEFAULT_PORT = 4317;
export const DEFAULT_WEB_PORT = 5317;

function parsePort(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`${name}: "${value}" is not a TCP port (0–65535)`);
  }
  return port;
}

function parseMs(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const ms = Number(value);
  if (!Number.isInteger(ms) || ms < 100 || ms > 3_600_000) {
    throw new Error(`${name}: "${value}" is not a number of milliseconds (100–3600000)`);
  }
  return ms;
}

/** Reads the server configuration from environment variables (documented in README.md). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const webPort = parsePort(env.TIERDESK_WEB_PORT, 'TIERDESK_WEB_PORT', DEFAULT_WEB_PORT);
  return {
    host: env.TIERDESK_HOST || '127.0.0.1',
    port: parsePort(env.TIERDESK_PORT, 'TIERDESK_PORT', DEFAULT_PORT),
    dataDir: path.resolve(env.TIERDESK_DATA_DIR || 'data'),
    databaseUrl: env.DATABASE_URL || undefined,
    corsOrigins: (env.TIERDESK_CORS_ORIGINS ?? `http://127.0.0.1:${webPort},http://localhost:${webPort},app://tierdesk`)
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean),
    tokenTtlMs: 12 * 60 * 60 * 1000,
    seedOnFirstRun: env.TIERDESK_SEED !== '0',
    smtpUrl: env.TIERDESK_SMTP_URL || undefined,
    mailFrom: env.TIERDESK_MAIL_FROM || 'Tierdesk <servicedesk@localhost>',
    runnerLeaseRetryMs: parseMs(env.TIERDESK_RUNNER_LEASE_RETRY_MS, 'TIERDESK_RUNNER_LEASE_RETRY_MS', DEFAULT_RUNNER_LEASE_RETRY_MS),
  };
}
