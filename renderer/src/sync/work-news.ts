import { z } from 'zod';
import { zodFieldErrors } from '../../../shared/errors';
import { isReturn } from '../../../shared/escalation/tier-rules';
import type { Agent } from '../../../shared/model/agent';
import { isOpenStatus } from '../../../shared/model/levels';
import type { Ticket } from '../../../shared/model/ticket';
import type { PullResponse } from '../../../shared/sync/pull';
import type { TierdeskDb } from '../db/db';

/**
 * Work that came to the agent: a lead gave them a ticket (`given`, from its
 * owner_changed entry), or someone moved a ticket to their tier, up
 * (`escalated`) or back down (`returned`), from its functional escalation;
 * whether it waits in one of their groups is up to the ticket as stored;
 * or someone else wrote a note on a ticket (`noted`), reopened it
 * (`reopened`) or resolved it (`resolved`), news if it is theirs or one they
 * watch; or a lead decided on the tier skip the agent asked for
 * (`skip_approved`, `skip_declined`).
 * Who, when and why (for a move, what the next tier needs; for a note, its start).
 */
const WorkNewsSchema = z.object({
  kind: z.enum(['given', 'escalated', 'returned', 'noted', 'reopened', 'resolved', 'skip_approved', 'skip_declined']),
  ticketId: z.string(),
  by: z.string(),
  /** Moved by the escalation matrix, not a person. */
  automatic: z.literal(true).optional(),
  /** `resolved`: the agent handed this ticket on to another tier (the knowledge loop: they learn how it was fixed). */
  handedOver: z.literal(true).optional(),
  reason: z.string(),
  at: z.number(),
});
export type WorkNews = z.infer<typeof WorkNewsSchema>;

/** Kept until opened or dismissed, across restarts: the newest few, one per ticket and kind. */
export const KEEP_WORK_NEWS = 10;

/** Older events are history (a resumed bootstrap brings them too), not news. */
const NEWS_WINDOW_MS = 24 * 3_600_000;

export function newsOf(agent: Agent, page: PullResponse): WorkNews[] {
  return page.changes.flatMap((c): WorkNews[] => {
    if (c.kind !== 'event') return [];
    const { ticketId, event } = c.value;
    if (event.by === agent.id || event.at < page.serverTime - NEWS_WINDOW_MS) return [];
    if (event.type === 'owner_changed' && event.to === agent.id) return [{ kind: 'given', ticketId, by: event.by, reason: event.reason, at: event.at }];
    if (event.type === 'escalated' && event.kind === 'functional' && agent.tier !== null && event.toTier === agent.tier) {
      const kind = isReturn(event.fromTier, event.toTier) ? 'returned' : 'escalated';
      return [{ kind, ticketId, by: event.by, ...(event.role === 'system' ? { automatic: true as const } : {}), reason: event.reason, at: event.at }];
    }
    if (event.type === 'note_added') return [{ kind: 'noted', ticketId, by: event.by, reason: excerpt(event.body), at: event.at }];
    if (event.type === 'reopened') return [{ kind: 'reopened', ticketId, by: event.by, reason: event.reason, at: event.at }];
    if (event.type === 'resolution_recorded') return [{ kind: 'resolved', ticketId, by: event.by, reason: excerpt(event.resolution), at: event.at }];
    if (event.type === 'skip_decided' && event.requestedBy === agent.id && event.decision !== 'withdrawn') {
      return [{ kind: event.decision === 'approved' ? 'skip_approved' : 'skip_declined', ticketId, by: event.by, reason: event.reason ?? '', at: event.at }];
    }
    return [];
  });
}

/** Tickets the agent watches (features/alerts/watch-list.ts), passed in: none unless told. */
export const NOTHING_WATCHED: ReadonlySet<string> = new Set();

/**
 * Whether what came is still the agent's to act on: a ticket given to them
 * is theirs and open; one noted or reopened by someone else is theirs or one
 * they watch, and open (one resolved by someone else: theirs or watched, and
 * still resolved); one moved to
 * their tier still waits for acceptance in one of their groups (nobody took
 * it meanwhile); a decision on their skip request, while the ticket is open.
 */
export function stillForMe(h: WorkNews, ticket: Ticket, me: Agent, watched: ReadonlySet<string> = NOTHING_WATCHED): boolean {
  // Resolved by someone else: news while it stays resolved (reopened or closed since, the timeline tells).
  if (h.kind === 'resolved') return ticket.status === 'resolved' && (ticket.assignee === me.id || watched.has(ticket.id) || h.handedOver === true);
  if (!isOpenStatus(ticket.status)) return false;
  switch (h.kind) {
    case 'given':
      return ticket.assignee === me.id;
    case 'noted':
    case 'reopened':
      return ticket.assignee === me.id || watched.has(ticket.id);
    case 'escalated':
    case 'returned':
      return ticket.status === 'pending_acceptance' && ticket.tier === me.tier && me.groups.includes(ticket.group);
    case 'skip_approved':
    case 'skip_declined':
      return true;
  }
}

/**
 * The news of a page that concerns the agent, read against the tickets as
 * just stored (a note on someone else's ticket is news only if they watch
 * it). `known`: tickets as stored, from the page itself (no read for them).
 */
export async function newsForMe(
  db: TierdeskDb,
  agent: Agent,
  news: readonly WorkNews[],
  watched: ReadonlySet<string> = NOTHING_WATCHED,
  known: ReadonlyMap<string, Ticket> = new Map(),
): Promise<WorkNews[]> {
  if (!news.length) return [];
  const unknown = [...new Set(news.map((h) => h.ticketId).filter((id) => !known.has(id)))];
  const read = unknown.length ? await db.tickets.bulkGet(unknown) : [];
  const tickets = new Map<string, Ticket>(known);
  read.forEach((t, i) => t && tickets.set(unknown[i]!, t));
  return (await markHandedOver(db, agent, news)).filter((h) => {
    const ticket = tickets.get(h.ticketId);
    return ticket !== undefined && stillForMe(h, ticket, agent, watched);
  });
}

/**
 * Resolutions of tickets the agent handed on to another tier, marked so:
 * read from those tickets' logs (a delta page brings a few resolutions, so
 * this reads a few logs, and none when it brings none).
 */
async function markHandedOver(db: TierdeskDb, agent: Agent, news: readonly WorkNews[]): Promise<readonly WorkNews[]> {
  const resolved = [...new Set(news.filter((h) => h.kind === 'resolved').map((h) => h.ticketId))];
  if (!resolved.length) return news;
  const logs = await db.logs.bulkGet(resolved);
  const mine = new Set(resolved.filter((_, i) => logs[i]?.events.some((row) => row.event.type === 'handoff_note' && row.event.by === agent.id)));
  return news.map((h) => (h.kind === 'resolved' && mine.has(h.ticketId) ? { ...h, handedOver: true as const } : h));
}

const EXCERPT = 200;
const excerpt = (text: string) => {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > EXCERPT ? `${line.slice(0, EXCERPT - 1)}…` : line;
};

/** The newest entry of each kind per ticket (three notes on one ticket are one piece of news). */
export function latestPerTicket(list: readonly WorkNews[]): WorkNews[] {
  const byKey = new Map<string, WorkNews>();
  for (const h of [...list].sort((a, b) => b.at - a.at)) {
    const key = `${h.kind}:${h.ticketId}`;
    if (!byKey.has(key)) byKey.set(key, h);
  }
  return [...byKey.values()];
}

/**
 * The news kept for the agent (a syncState row, so it outlives a reload and
 * goes with the database when another agent claims it). An entry a version
 * of the app cannot read (damaged, written by a newer one) is left out, said
 * in the console; the rest is shown.
 */
export async function readWorkNews(db: TierdeskDb): Promise<WorkNews[]> {
  const row = await db.syncState.get('news');
  if (row?.key !== 'news' || !Array.isArray(row.list)) return [];
  return row.list.flatMap((entry: unknown, i) => {
    const read = WorkNewsSchema.safeParse(entry);
    if (!read.success) console.warn(`work news entry ${i} left out: ${zodFieldErrors(read.error).map((f) => `${f.field || 'entry'}: ${f.message}`).join('; ')}`);
    return read.success ? [read.data] : [];
  });
}

/** Adds news to what is kept (newest first; a ticket given again keeps only its latest entry of that kind). Called in the transaction that stored the page. */
export async function keepWorkNews(db: TierdeskDb, list: readonly WorkNews[]): Promise<void> {
  if (!list.length) return;
  await db.transaction('rw', db.syncState, async () => {
    await db.syncState.put({ key: 'news', list: latestPerTicket([...list, ...(await readWorkNews(db))]).slice(0, KEEP_WORK_NEWS) });
  });
}

/** Forgets the news about one ticket (opened or dismissed), or all of it. Writes only when there was some to forget (every ticket opened asks). */
export function dismissWorkNews(db: TierdeskDb, ticketId?: string): Promise<void> {
  return db.transaction('rw', db.syncState, async () => {
    const kept = await readWorkNews(db);
    const list = ticketId === undefined ? [] : kept.filter((h) => h.ticketId !== ticketId);
    if (list.length < kept.length) await db.syncState.put({ key: 'news', list });
  });
}
