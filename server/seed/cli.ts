import { parseArgs } from 'node:util';
import { defaultPolicy } from '../../shared/policy/default-policy';
import { loadConfig } from '../config';
import { openDatabase } from '../db/open-database';
import { seedDemo } from './seed';

// npm run seed -- --tickets 5000 [--seed 42] [--now 2026-11-24T15:00:00Z]
const { values } = parseArgs({
  options: {
    tickets: { type: 'string', default: '2000' },
    seed: { type: 'string', default: '42' },
    now: { type: 'string' },
  },
});

const tickets = Number(values.tickets);
const seed = Number(values.seed);
const nowMs = values.now ? Date.parse(values.now) : Date.now();
if (!Number.isInteger(tickets) || tickets < 0) throw new Error(`--tickets: "${values.tickets}" is not a whole number`);
if (!Number.isInteger(seed)) throw new Error(`--seed: "${values.seed}" is not a whole number`);
if (!Number.isFinite(nowMs)) throw new Error(`--now: "${values.now}" is not an ISO date-time`);

const config = loadConfig();
const db = await openDatabase(config);
const started = performance.now();
const result = await seedDemo(db, { tickets, seed, nowMs, policy: defaultPolicy });
await db.destroy();
console.log(`seeded ${result.tickets} tickets into ${config.dataDir} in ${Math.round(performance.now() - started)} ms`);
