import { sql } from 'kysely';
import type { Ticket } from '../../shared/model/ticket';
import type { Policy } from '../../shared/policy/schema';
import { calendarLookup } from '../../shared/sla/calendars';
import { hashPassword } from '../auth/password';
import type { Db } from '../db/open-database';
import { insertAgent } from '../repo/agents';
import { putTickets } from '../repo/tickets';
import { DEMO_AGENTS, DEMO_GROUPS, DEMO_PASSWORD } from './catalog';
import { generateTickets } from './generate';
import { Random } from './random';

export type SeedOptions = {
  tickets: number;
  seed: number;
  nowMs: number;
  policy: Policy;
  /** scrypt cost for demo passwords; tests lower it to stay fast. */
  passwordCost?: { N: number };
};

const BATCH = 500;

/** Writes tickets in batches, each batch with its change revs and the number counter in one transaction. */
export async function insertTickets(db: Db, tickets: Iterable<Ticket>): Promise<number> {
  let written = 0;
  let batch: Ticket[] = [];
  const flush = async () => {
    if (!batch.length) return;
    const rows = batch;
    batch = [];
    await db.transaction().execute(async (trx) => {
      await putTickets(trx, rows);
      const lastNumber = Math.max(...rows.map((t) => Number(t.number.slice(4))));
      await sql`update counters set value = ${lastNumber} where name = 'ticket_number' and value < ${lastNumber}`.execute(trx);
    });
    written += rows.length;
  };
  for (const ticket of tickets) {
    batch.push(ticket);
    if (batch.length >= BATCH) await flush();
  }
  await flush();
  return written;
}

/** Demo groups and accounts (password "demo"); existing rows are left alone. */
export async function seedOrganisation(db: Db, nowMs: number, passwordCost?: { N: number }): Promise<void> {
  for (const group of DEMO_GROUPS) {
    await db
      .insertInto('groups')
      .values({ id: group.id, name: group.name, tier: group.tier, categories: JSON.stringify(group.categories) })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
  }
  const existing = new Set((await db.selectFrom('agents').select('id').execute()).map((r) => r.id));
  for (const agent of DEMO_AGENTS) {
    if (existing.has(agent.id)) continue;
    await insertAgent(db, agent, await hashPassword(DEMO_PASSWORD, passwordCost), nowMs);
  }
}

/** Seeds demo data deterministically: the same seed and `nowMs` give the same tickets. */
export async function seedDemo(db: Db, options: SeedOptions): Promise<{ tickets: number }> {
  await seedOrganisation(db, options.nowMs, options.passwordCost);
  const counter = await db.selectFrom('counters').select('value').where('name', '=', 'ticket_number').executeTakeFirstOrThrow();
  const tickets = generateTickets({
    count: options.tickets,
    nowMs: options.nowMs,
    policy: options.policy,
    calendars: calendarLookup(options.policy),
    random: new Random(options.seed),
    firstNumber: Number(counter.value) + 1,
  });
  return { tickets: await insertTickets(db, tickets) };
}

export async function isEmpty(db: Db): Promise<boolean> {
  const row = await db.selectFrom('agents').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n) === 0;
}
