import type { Agent } from '../../../shared/model/agent';
import type { KbArticle } from '../../../shared/model/kb-article';
import type { StoredEvent } from '../../../shared/model/stored-event';
import { applyMutation } from '../../../shared/mutations/apply';
import type { ApplyContext, ApplyOutcome, TicketAggregate } from '../../../shared/mutations/context';
import { MutationArgs, type Mutation } from '../../../shared/mutations/mutations';
import { getActivePolicy } from '../app/policy';
import type { EventRow, LogRow, OutboxRow, TierdeskDb } from '../db/db';
import { readLog, writeLog } from '../db/ticket-log';
import { fromRecord, toRecord, type TicketRecord } from '../db/ticket-record';

/** NEW-XXXXXXXX, stable for a ticket id: what an offline-created ticket is called until the server numbers it. */
export function provisionalNumber(ticketId: string): string {
  const letters = ticketId.replace(/[^0-9a-z]/gi, '').toUpperCase().padEnd(8, '0');
  return `NEW-${letters.slice(-8)}`;
}

export function toMutation(row: Pick<OutboxRow, 'name' | 'args'>): Mutation {
  return { name: row.name, args: MutationArgs[row.name].parse(row.args) } as Mutation;
}

/** Everything applyMutation may ask about, read up front (apply itself is synchronous and pure). */
export async function applyContextFor(
  db: TierdeskDb,
  actor: Agent,
  prefix: string,
  nowMs: number,
  ticketId: string,
  kbIds: readonly string[],
): Promise<ApplyContext> {
  const [groups, agents, kb] = await Promise.all([db.groups.toArray(), db.agents.toArray(), db.kb.bulkGet([...kbIds])]);
  const articles = new Map(kb.filter((a): a is KbArticle => !!a).map((a) => [a.id, a]));
  return {
    actor,
    nowMs,
    policy: getActivePolicy().policy,
    groups,
    eventIdPrefix: prefix,
    numberForNewTicket: () => provisionalNumber(ticketId),
    kbArticle: (id) => articles.get(id),
    agentName: (id) => agents.find((a) => a.id === id)?.name,
    agent: (id) => agents.find((a) => a.id === id),
  };
}

export function kbIdsOf(args: unknown): string[] {
  const a = args as { kbArticleId?: string; articleId?: string; kbDraft?: { articleId?: string } };
  return [a.kbArticleId, a.articleId, a.kbDraft?.articleId].filter((x): x is string => typeof x === 'string');
}

const stripPending = ({ pending: _pending, ...event }: EventRow): StoredEvent => event;

/** The ticket as shown (server state + my pending changes) with its whole log, and the stored record and log it came from. */
export async function readView(db: TierdeskDb, ticketId: string): Promise<{ record: TicketRecord; log: EventRow[]; agg: TicketAggregate } | null> {
  // Both reads at once: one round trip to IndexedDB instead of two.
  const [record, log] = await Promise.all([db.tickets.get(ticketId), readLog(db, ticketId)]);
  return record ? { record, log, agg: { ticket: fromRecord(record), events: log.map(stripPending) } } : null;
}

/**
 * Recomputes one ticket's view from the server's state plus my pending
 * mutations for it, re-applied in order (the rebase). A pending mutation the
 * rules now refuse simply has no effect here: only the server's verdict,
 * arriving by pull, moves it to Needs attention.
 */
export async function rebaseTicket(db: TierdeskDb, ticketId: string, actor: Agent, clientId: string): Promise<void> {
  const pending = await db.outbox.where('ticketId').equals(ticketId).sortBy('id');
  if (!pending.length) return settleTickets(db, [ticketId]);
  const serverCopy = await db.serverTickets.get(ticketId);
  const view = await db.tickets.get(ticketId);
  const allEvents = await readLog(db, ticketId);
  const serverEvents = allEvents.filter((e) => e.pending === 0);

  const baseTicket = serverCopy ?? (view?.origin === 'server' && !view.pending ? fromRecord(view) : null);
  let agg: TicketAggregate | null = baseTicket ? { ticket: baseTicket, events: serverEvents.map(stripPending) } : null;
  const known = new Set(serverEvents.map((e) => e.id));
  const optimistic: EventRow[] = [];
  for (const row of pending) {
    const ctx = await applyContextFor(db, actor, `${clientId}:${row.id}`, row.clientTime, ticketId, kbIdsOf(row.args));
    const outcome: ApplyOutcome = applyMutation(agg, toMutation(row), ctx);
    if (!outcome.ok || !outcome.ticket) continue;
    const fresh = outcome.events.filter((e) => !known.has(e.id));
    optimistic.push(...fresh.map((e) => ({ ...e, pending: 1 as const })));
    agg = { ticket: outcome.ticket, events: [...(agg?.events ?? []), ...outcome.events] };
    if (outcome.kbArticles.length) await db.kb.bulkPut(outcome.kbArticles);
  }
  if (!serverCopy && baseTicket) await db.serverTickets.put(baseTicket);
  if (agg) await db.tickets.put(toRecord(agg.ticket, serverCopy || baseTicket ? 'server' : 'local', pending.length));
  else if (view?.origin === 'local') await db.tickets.delete(ticketId);
  if (optimistic.length || serverEvents.length !== allEvents.length) await writeLog(db, ticketId, [...serverEvents, ...optimistic]);
}

/**
 * Tickets with no pending mutation left (all confirmed or refused): each
 * shows the server's state again and loses its optimistic log entries. In
 * bulk, one read and one write per table, because a confirming pull after a
 * long offline stretch settles hundreds of tickets at once.
 */
export async function settleTickets(db: TierdeskDb, ticketIds: readonly string[]): Promise<void> {
  if (!ticketIds.length) return;
  const ids = [...ticketIds];
  const [copies, views, logs] = await Promise.all([db.serverTickets.bulkGet(ids), db.tickets.bulkGet(ids), db.logs.bulkGet(ids)]);
  const shown: TicketRecord[] = [];
  const gone: string[] = [];
  const logsKept: LogRow[] = [];
  const logsGone: string[] = [];
  ids.forEach((ticketId, i) => {
    const [serverCopy, view, log] = [copies[i], views[i], logs[i]];
    if (log?.events.some((e) => e.pending === 1)) {
      const kept = log.events.filter((e) => e.pending === 0);
      if (kept.length) logsKept.push({ ticketId, events: kept });
      else logsGone.push(ticketId);
    }
    if (serverCopy) shown.push(toRecord(serverCopy));
    // Created here and refused by the server: it never existed there.
    else if (view?.origin === 'local') gone.push(ticketId);
    else if (view?.pending) shown.push({ ...view, pending: 0 });
  });
  await Promise.all([
    shown.length && db.tickets.bulkPut(shown),
    gone.length && db.tickets.bulkDelete(gone),
    db.serverTickets.bulkDelete(ids.filter((_, i) => copies[i])),
    logsKept.length && db.logs.bulkPut(logsKept),
    logsGone.length && db.logs.bulkDelete(logsGone),
  ]);
}
