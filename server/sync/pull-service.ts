import { canReadTicket } from '../../shared/auth/access';
import type { Agent } from '../../shared/model/agent';
import type { Change, PullResponse } from '../../shared/sync/pull';
import { auditSummary } from '../audit/audit-log';
import type { Db } from '../db/open-database';
import type { ChangeLogTable, RefusedMutationsTable } from '../db/schema';
import { loadDirectory } from '../repo/directory';
import { eventsByIds } from '../repo/events';
import { getKbArticles } from '../repo/kb';
import { logDamaged, skipDamaged, type DamagedSink } from '../repo/stored-record';
import { getTickets } from '../repo/tickets';

type PullInput = {
  agent: Agent;
  cursor: number;
  limit: number;
  clientId: string | undefined;
  nowMs: number;
  /** Where damaged rows are reported; the page skips them (default: the server log). */
  damaged?: DamagedSink;
};

/** The last mutation id the server applied (or refused) for this agent's client; 0 for a client it has not heard from. */
export async function lastMutationIdOf(db: Db, agent: Agent, clientId: string | undefined): Promise<number> {
  if (!clientId) return 0;
  const row = await db
    .selectFrom('clients')
    .select('last_mutation_id')
    .where('client_id', '=', clientId)
    .where('agent_id', '=', agent.id)
    .executeTakeFirst();
  return row ? Number(row.last_mutation_id) : 0;
}

async function refusedChanges(db: Db, rows: readonly ChangeLogTable[]): Promise<Map<string, Change>> {
  const out = new Map<string, Change>();
  for (const r of rows) {
    const [clientId, mutationId] = r.entity_id.split(':');
    const row = await db
      .selectFrom('refused_mutations')
      .selectAll()
      .where('client_id', '=', clientId!)
      .where('mutation_id', '=', Number(mutationId))
      .executeTakeFirst();
    if (row) out.set(r.entity_id, { kind: 'refused', value: refusedValue(row) });
  }
  return out;
}

/** A stored refused mutation as a wire change's value. */
export function refusedValue(row: RefusedMutationsTable): Extract<Change, { kind: 'refused' }>['value'] {
  return { mutationId: Number(row.mutation_id), name: row.name, code: row.code, field: row.field, reason: row.reason, at: Number(row.at) };
}

/**
 * Turns change-log rows into wire changes, checking each ticket (and each
 * event's ticket) against the caller. A damaged stored row is reported to
 * `damaged` and left out (and so is what hangs off a damaged ticket): one bad
 * row must not stop every client's sync at this page.
 */
async function materialise(db: Db, agent: Agent, rows: readonly ChangeLogTable[], damaged: DamagedSink): Promise<Change[]> {
  const of = (kind: ChangeLogTable['kind']) => rows.filter((r) => r.kind === kind);
  const events = await eventsByIds(db, of('event').map((r) => r.entity_id), damaged);
  const ticketIds = new Set([...of('ticket').map((r) => r.entity_id), ...[...events.values()].map((e) => e.ticketId), ...of('audit').map((r) => r.ticket_id ?? '')]);
  const tickets = await getTickets(db, [...ticketIds].filter(Boolean), damaged);
  const kb = await getKbArticles(db, of('kb').map((r) => r.entity_id), damaged);
  const directory = of('agent').length || of('group').length ? await loadDirectory(db) : undefined;
  const policy = of('policy').length ? await db.selectFrom('policies').selectAll().where('id', '=', 'active').executeTakeFirst() : undefined;
  const refused = await refusedChanges(db, of('refused'));
  const auditSeqs = of('audit').map((r) => Number(r.entity_id));
  const audit = new Map(
    auditSeqs.length
      ? (await db.selectFrom('audit_log').selectAll().where('seq', 'in', auditSeqs).execute()).flatMap((r) => {
          const summary = skipDamaged(damaged, () => auditSummary(r));
          return summary ? [[String(r.seq), summary] as const] : [];
        })
      : [],
  );

  const readable = (ticketId: string) => {
    const ticket = tickets.get(ticketId);
    return !!ticket && canReadTicket(agent, ticket);
  };

  const changes: Change[] = [];
  for (const row of rows) {
    switch (row.kind) {
      case 'ticket': {
        const ticket = tickets.get(row.entity_id);
        if (ticket) changes.push(readable(ticket.id) ? { kind: 'ticket', value: ticket } : { kind: 'ticket_gone', id: ticket.id });
        break;
      }
      case 'event': {
        const event = events.get(row.entity_id);
        if (event && readable(event.ticketId)) changes.push({ kind: 'event', value: event });
        break;
      }
      case 'kb': {
        const article = kb.get(row.entity_id);
        if (article) changes.push({ kind: 'kb', value: article });
        break;
      }
      case 'agent': {
        const value = directory?.agents.get(row.entity_id);
        if (value) changes.push({ kind: 'agent', value });
        break;
      }
      case 'group': {
        const value = directory?.groups.find((g) => g.id === row.entity_id);
        if (value) changes.push({ kind: 'group', value });
        break;
      }
      case 'policy':
        if (policy) changes.push({ kind: 'policy', version: policy.version, value: JSON.parse(policy.data) as unknown });
        break;
      case 'audit': {
        const entry = audit.get(row.entity_id);
        if (entry && readable(entry.ticketId)) changes.push({ kind: 'audit', value: entry });
        break;
      }
      case 'refused': {
        const change = refused.get(row.entity_id);
        if (change) changes.push(change);
        break;
      }
    }
  }
  return changes;
}

async function countAfter(db: Db, rev: number, clientId: string | undefined): Promise<number> {
  const row = await db
    .selectFrom('change_log')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('rev', '>', rev)
    .where((eb) => (clientId ? eb.or([eb('client_id', 'is', null), eb('client_id', '=', clientId)]) : eb('client_id', 'is', null)))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * One page of changes after `cursor`, in rev order. Reads at most limit+1
 * change-log rows through the rev index, so a delta is cheap and a 100k
 * bootstrap is paged without holding everything in memory.
 */
export async function pullPage(db: Db, input: PullInput): Promise<PullResponse> {
  // Read the mutation watermark before the changes: a mutation committed in
  // between is then still pending on the client, whose rebase skips records
  // it already has (ids are deterministic), instead of vanishing for a page.
  const lastMutationId = await lastMutationIdOf(db, input.agent, input.clientId);
  const rows = await db
    .selectFrom('change_log')
    .selectAll()
    .where('rev', '>', input.cursor)
    .where((eb) =>
      input.clientId ? eb.or([eb('client_id', 'is', null), eb('client_id', '=', input.clientId)]) : eb('client_id', 'is', null),
    )
    .orderBy('rev')
    .limit(input.limit + 1)
    .execute();
  const page = rows.slice(0, input.limit).map((r) => ({ ...r, rev: Number(r.rev) }));
  const cursor = page.length ? page[page.length - 1]!.rev : input.cursor;
  const hasMore = rows.length > input.limit;
  return {
    version: 1,
    cursor: String(cursor),
    hasMore,
    lastMutationId,
    serverTime: input.nowMs,
    changes: await materialise(db, input.agent, page, input.damaged ?? logDamaged),
    // Counted once per bootstrap (first page only): counting on every page would cost more than the pages.
    ...(input.cursor === 0 && hasMore ? { remaining: await countAfter(db, cursor, input.clientId) } : {}),
  };
}
