import { canReadTicket } from '../../shared/auth/access';
import type { Agent } from '../../shared/model/agent';
import { parseKbArticle } from '../../shared/model/kb-article';
import type { Change, PullResponse } from '../../shared/sync/pull';
import type { Db } from '../db/open-database';
import type { ChangeLogTable } from '../db/schema';
import { getTickets } from '../repo/tickets';

type PullInput = { agent: Agent; cursor: number; limit: number; clientId: string | undefined; nowMs: number };

async function lastMutationIdOf(db: Db, agent: Agent, clientId: string | undefined): Promise<number> {
  if (!clientId) return 0;
  const row = await db
    .selectFrom('clients')
    .select('last_mutation_id')
    .where('client_id', '=', clientId)
    .where('agent_id', '=', agent.id)
    .executeTakeFirst();
  return row ? Number(row.last_mutation_id) : 0;
}

async function materialise(db: Db, agent: Agent, rows: readonly ChangeLogTable[]): Promise<Change[]> {
  const ids = (kind: ChangeLogTable['kind']) => rows.filter((r) => r.kind === kind).map((r) => r.entity_id);
  const tickets = await getTickets(db, ids('ticket'));
  const kbIds = ids('kb');
  const kb = new Map(
    kbIds.length
      ? (await db.selectFrom('kb_articles').select(['id', 'data']).where('id', 'in', kbIds).execute()).map((r) => [r.id, r.data])
      : [],
  );
  const policyIds = ids('policy');
  const policies = new Map(
    policyIds.length
      ? (await db.selectFrom('policies').selectAll().where('id', 'in', policyIds).execute()).map((r) => [r.id, r])
      : [],
  );
  const refusedKeys = rows.filter((r) => r.kind === 'refused');
  const refused = new Map<string, Change>();
  for (const r of refusedKeys) {
    const [clientId, mutationId] = r.entity_id.split(':');
    const row = await db
      .selectFrom('refused_mutations')
      .selectAll()
      .where('client_id', '=', clientId!)
      .where('mutation_id', '=', Number(mutationId))
      .executeTakeFirst();
    if (row) {
      refused.set(r.entity_id, {
        kind: 'refused',
        value: { mutationId: Number(row.mutation_id), name: row.name, code: row.code, field: row.field, reason: row.reason, at: Number(row.at) },
      });
    }
  }

  const changes: Change[] = [];
  for (const row of rows) {
    switch (row.kind) {
      case 'ticket': {
        const ticket = tickets.get(row.entity_id);
        if (!ticket) break;
        changes.push(canReadTicket(agent, ticket) ? { kind: 'ticket', value: ticket } : { kind: 'ticket_gone', id: ticket.id });
        break;
      }
      case 'kb': {
        const data = kb.get(row.entity_id);
        if (data) changes.push({ kind: 'kb', value: parseKbArticle(JSON.parse(data)) });
        break;
      }
      case 'policy': {
        const policy = policies.get(row.entity_id);
        if (policy) changes.push({ kind: 'policy', version: policy.version, value: JSON.parse(policy.data) as unknown });
        break;
      }
      case 'refused': {
        const change = refused.get(row.entity_id);
        if (change) changes.push(change);
        break;
      }
      case 'event':
        break;
    }
  }
  return changes;
}

/**
 * One page of changes after `cursor`, in rev order. Reads at most limit+1
 * change-log rows through the rev index, so a delta is cheap and a 100k
 * bootstrap is paged without holding everything in memory.
 */
export async function pullPage(db: Db, input: PullInput): Promise<PullResponse> {
  // Read the mutation watermark before the changes: a mutation committed in
  // between shows up in a later pull, never as applied-but-missing.
  const lastMutationId = await lastMutationIdOf(db, input.agent, input.clientId);
  const rows = await db
    .selectFrom('change_log')
    .selectAll()
    .where('rev', '>', input.cursor)
    .where((eb) => (input.clientId ? eb.or([eb('client_id', 'is', null), eb('client_id', '=', input.clientId)]) : eb('client_id', 'is', null)))
    .orderBy('rev')
    .limit(input.limit + 1)
    .execute();
  const page = rows.slice(0, input.limit).map((r) => ({ ...r, rev: Number(r.rev) }));
  return {
    version: 1,
    cursor: String(page.length ? page[page.length - 1]!.rev : input.cursor),
    hasMore: rows.length > input.limit,
    lastMutationId,
    serverTime: input.nowMs,
    changes: await materialise(db, input.agent, page),
  };
}
