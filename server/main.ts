import { defaultPolicy } from '../shared/policy/default-policy';
import { buildApp } from './app';
import { loadConfig } from './config';
import { openDatabase } from './db/open-database';
import { isEmpty, seedDemo } from './seed/seed';

export const FIRST_RUN_TICKETS = Number(process.env.TIERDESK_SEED_TICKETS ?? 2000);

const config = loadConfig();
const db = await openDatabase(config);
if (config.seedOnFirstRun && (await isEmpty(db))) {
  const { tickets } = await seedDemo(db, { tickets: FIRST_RUN_TICKETS, seed: 42, nowMs: Date.now(), policy: defaultPolicy });
  console.log(`first run: seeded ${tickets} demo tickets (accounts in README.md, password "demo")`);
}
const app = await buildApp({ db, config, logger: process.env.TIERDESK_LOG === '1' });
const address = await app.listen({ host: config.host, port: config.port });
console.log(`tierdesk api listening on ${address} (${config.databaseUrl ? "PostgreSQL" : `data: ${config.dataDir}`})`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void app.close().then(() => db.destroy()).then(() => process.exit(0));
  });
}
