import { sql } from 'kysely';
import type { KbArticle } from '../../shared/model/kb-article';
import type { Policy } from '../../shared/policy/schema';
import { calendarLookup } from '../../shared/sla/calendars';
import { hashPassword } from '../auth/password';
import type { Db } from '../db/open-database';
import { insertAgent } from '../repo/agents';
import { recordChanges } from '../db/changes';
import { storePolicy } from '../policy/active-policy';
import defaultPolicyDocument from '../../shared/policy/default-policy.json';
import type { Agent } from '../../shared/model/agent';
import { putTickets } from '../repo/tickets';
import { appendEvents } from '../repo/events';
import { getKbArticles, putKbArticles } from '../repo/kb';
import { demoKbArticles } from './kb-catalog';
import { DEMO_AGENTS, DEMO_GROUPS, DEMO_PASSWORD } from './catalog';
import { generateTickets, type GeneratedTicket } from './generate';
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

/** Writes generated tickets with their logs and KB drafts in batches, one transaction per batch. */
export async function insertTickets(db: Db, tickets: Iterable<GeneratedTicket>): Promise<number> {
  let written = 0;
  let batch: GeneratedTicket[] = [];
  const flush = async () => {
    if (!batch.length) return;
    const rows = batch;
    batch = [];
    await db.transaction().execute(async (trx) => {
      await putTickets(trx, rows.map((r) => r.ticket));
      await appendEvents(trx, rows.flatMap((r) => r.events));
      await putKbArticles(trx, rows.flatMap((r) => r.kbArticles));
      const lastNumber = Math.max(...rows.map((r) => Number(r.ticket.number.slice(4))));
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

/** Demo groups and accounts (password "demo") and the default policy; existing rows are left alone. */
export async function seedOrganisation(db: Db, nowMs: number, passwordCost?: { N: number }): Promise<void> {
  for (const group of DEMO_GROUPS) {
    await db
      .insertInto('groups')
      .values({ id: group.id, name: group.name, tier: group.tier, categories: JSON.stringify(group.categories) })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
  }
  const existing = new Set((await db.selectFrom('agents').select('id').execute()).map((r) => r.id));
  const added: Agent[] = [];
  for (const agent of DEMO_AGENTS) {
    if (existing.has(agent.id)) continue;
    await insertAgent(db, agent, await hashPassword(DEMO_PASSWORD, passwordCost), nowMs);
    added.push(agent);
  }
  await db.transaction().execute(async (trx) => {
    await recordChanges(trx, [
      ...DEMO_GROUPS.map((g) => ({ kind: 'group' as const, entityId: g.id })),
      ...added.map((a) => ({ kind: 'agent' as const, entityId: a.id })),
    ]);
    const stored = await trx.selectFrom('policies').select('id').executeTakeFirst();
    if (!stored) await storePolicy(trx, defaultPolicyDocument, null, nowMs);
  });
}

/** Seeds demo data deterministically: the same seed and `nowMs` give the same tickets. */
export async function seedDemo(db: Db, options: SeedOptions): Promise<{ tickets: number }> {
  await seedOrganisation(db, options.nowMs, options.passwordCost);
  const kb = await ensureDemoKb(db, options.nowMs);
  const counter = await db.selectFrom('counters').select('value').where('name', '=', 'ticket_number').executeTakeFirstOrThrow();
  const tickets = generateTickets({
    kb,
    count: options.tickets,
    nowMs: options.nowMs,
    policy: options.policy,
    calendars: calendarLookup(options.policy),
    random: new Random(options.seed),
    firstNumber: Number(counter.value) + 1,
  });
  return { tickets: await insertTickets(db, tickets) };
}

/** The demo knowledge base (written once). */
async function ensureDemoKb(db: Db, nowMs: number): Promise<KbArticle[]> {
  const articles = demoKbArticles(nowMs);
  const existing = await getKbArticles(db, articles.map((a) => a.id));
  const missing = articles.filter((a) => !existing.has(a.id));
  if (missing.length) await db.transaction().execute((trx) => putKbArticles(trx, missing));
  return articles;
}

export async function isEmpty(db: Db): Promise<boolean> {
  const row = await db.selectFrom('agents').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n) === 0;
}
