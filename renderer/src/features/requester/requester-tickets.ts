import { useLiveQuery } from 'dexie-react-hooks';
import type { TierdeskDb } from '../../db/db';
import { FACET, fold } from '../../db/search-keys';
import { resolvedSearchFacts } from '../queue/query/resolved-search';
import { withKey } from '../queue/query/view-ids';
import type { TicketRecord } from '../../db/ticket-record';

/** How many of a requester's open tickets are listed (the count says how many there are in all). */
export const REQUESTER_LIST_MAX = 8;

export type RequesterTickets = { count: number; tickets: TicketRecord[] };

/**
 * A requester's open tickets, newest first, from the `*keys` index (an open
 * ticket carries its requester's whole email as a key, search-keys.ts), so
 * this is one index lookup, never a scan. `exceptId`: the ticket on screen.
 */
export async function requesterOpenTickets(db: TierdeskDb, email: string, exceptId: string | null = null): Promise<RequesterTickets> {
  const key = fold(email.trim());
  if (!key.includes('@')) return { count: 0, tickets: [] };
  const found = (await db.tickets.where('keys').equals(key).toArray()).filter((t) => t.id !== exceptId && t.open === 1 && fold(t.requester.email) === key);
  found.sort((a, b) => b.createdAt - a.createdAt);
  return { count: found.length, tickets: found.slice(0, REQUESTER_LIST_MAX) };
}

/** Live: follows new tickets from the requester and tickets closing, here or synced. */
export function useRequesterOpenTickets(db: TierdeskDb, email: string, exceptId: string | null = null): RequesterTickets | undefined {
  return useLiveQuery(() => requesterOpenTickets(db, email, exceptId), [db, email, exceptId]);
}

/** How many of a requester's resolved tickets are listed (the count says how many there are in all). */
export const REQUESTER_HISTORY_MAX = 5;

/** When a ticket was resolved (its resolution's time; the last update for one closed without a resolution). */
export const resolvedAt = (t: TicketRecord): number => t.resolution?.at ?? t.updatedAt;

/**
 * A requester's resolved and closed tickets, most recently resolved first:
 * how their earlier calls were fixed. A resolved ticket carries no requester
 * key in the index, so this matches the resolved tickets' search facts
 * (read once per session, then kept in memory: resolved-search.ts).
 */
export async function requesterResolvedTickets(db: TierdeskDb, email: string, exceptId: string | null = null): Promise<RequesterTickets> {
  const key = fold(email.trim());
  if (!key.includes('@')) return { count: 0, tickets: [] };
  const ids = await withKey(db, FACET.done);
  const facts = await resolvedSearchFacts(db, ids);
  const theirs = ids.filter((id, i) => id !== exceptId && facts[i]?.requester.includes(key) === true);
  const found = (await db.tickets.bulkGet(theirs)).filter((t): t is TicketRecord => t !== undefined && t.open === 0 && fold(t.requester.email) === key);
  found.sort((a, b) => resolvedAt(b) - resolvedAt(a));
  return { count: found.length, tickets: found.slice(0, REQUESTER_HISTORY_MAX) };
}

/** Live: follows the requester's tickets being resolved, reopened or closed, here or synced. */
export function useRequesterResolvedTickets(db: TierdeskDb, email: string, exceptId: string | null = null): RequesterTickets | undefined {
  return useLiveQuery(() => requesterResolvedTickets(db, email, exceptId), [db, email, exceptId]);
}

/** Who a requester is, as their most recent ticket here has them. */
export type KnownRequester = { email: string; name: string; vip: boolean; number: string };

/**
 * The requester with this email as their most recently updated ticket
 * names them (open or resolved), or null when no ticket here has the
 * address: the New ticket dialog fills in the name and the VIP flag from it.
 */
export async function knownRequester(db: TierdeskDb, email: string): Promise<KnownRequester | null> {
  const [open, resolved] = await Promise.all([requesterOpenTickets(db, email), requesterResolvedTickets(db, email)]);
  const newest = [...open.tickets, ...resolved.tickets].sort((a, b) => b.updatedAt - a.updatedAt)[0];
  return newest ? { email: fold(email.trim()), name: newest.requester.name, vip: newest.requester.vip, number: newest.number } : null;
}
