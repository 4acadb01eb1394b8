import path from 'node:path';
import { defaultPolicy } from '../shared/policy/default-policy';
import { buildApp } from './app';
import { loadConfig } from './config';
import { openDatabase } from './db/open-database';
import { EscalationRunner } from './escalation/escalation-runner';
import { PgAdvisoryLease } from './escalation/runner-lease';
import { NotificationDispatcher } from './notify/outbox';
import { PgPokeRelay } from './sync/pg-poke-relay';
import { PokeBus } from './sync/poke-bus';
import { fileTransport, smtpTransport } from './notify/transport';
import { isEmpty, seedDemo } from './seed/seed';

export const FIRST_RUN_TICKETS = Number(process.env.TIERDESK_SEED_TICKETS ?? 2000);
/** Queued requester messages are retried this often (after a relay outage, say). */
const NOTIFY_RETRY_MS = 60_000;

const config = loadConfig();
const db = await openDatabase(config);
if (config.seedOnFirstRun && (await isEmpty(db))) {
  const { tickets } = await seedDemo(db, { tickets: FIRST_RUN_TICKETS, seed: 42, nowMs: Date.now(), policy: defaultPolicy });
  console.log(`first run: seeded ${tickets} demo tickets (accounts in README.md, password "demo")`);
}
const transport = config.smtpUrl
  ? smtpTransport(config.smtpUrl, config.mailFrom)
  : fileTransport(path.join(config.dataDir, 'requester-mail.jsonl'));
const notifications = new NotificationDispatcher(db, transport);
const pokes = new PokeBus();
const logError = (message: string, error: unknown) => console.error(message, error);
const escalations = new EscalationRunner({
  db,
  now: Date.now,
  afterCommit: ({ notifications: queued }) => {
    pokes.poke(0);
    if (queued) drain();
  },
  onError: (error) => console.error('escalation run failed', error),
  // On PostgreSQL several API processes may serve one desk: one of them runs the matrix (runner-lease.ts).
  ...(config.databaseUrl ? { lease: new PgAdvisoryLease(config.databaseUrl, logError) } : {}),
  leaseRetryMs: config.runnerLeaseRetryMs,
});
// Their pokes reach each other's clients, and a commit in another process wakes the runner here (if it holds the lease).
const relay = config.databaseUrl
  ? new PgPokeRelay(config.databaseUrl, pokes, logError, () => void escalations.kick().catch((error: unknown) => console.error('escalation run failed', error)))
  : undefined;
await relay?.start().catch((error: unknown) => console.error('poke relay could not listen on PostgreSQL; retrying', error));
const app = await buildApp({ db, config, notifications, escalations, pokes, logger: process.env.TIERDESK_LOG === '1' });
const address = await app.listen({ host: config.host, port: config.port });
const storage = config.databaseUrl ? 'PostgreSQL' : `SQLite in ${config.dataDir}`;
console.log(`tierdesk api listening on ${address} (${storage}; requester mail via ${transport.name})`);

// Messages queued before a restart or during a relay outage go out now and then on a timer.
function drain(): void {
  void notifications.kick().catch((error: unknown) => console.error('notification dispatch failed', error));
}
drain();
// Steps that came due while the server was down fire now (latest per clock announced), then one timer per next step.
void escalations.kick().catch((error: unknown) => console.error('escalation run failed', error));
const retry = setInterval(drain, NOTIFY_RETRY_MS);

// Shutdown: stop taking requests (in-flight pushes finish) while an escalation pass and a message being sent
// finish their current step, then close the database. Whatever was not reached is picked up at the next start
// (a push committed meanwhile leaves its ticket marked for planning).
async function shutdown(): Promise<void> {
  clearInterval(retry);
  await Promise.all([app.close(), escalations.stop(), notifications.stop(), relay?.close()]);
  await db.destroy();
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    shutdown().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('shutdown failed', error);
        process.exit(1);
      },
    );
  });
}
