import { useLiveQuery } from 'dexie-react-hooks';
import type { TierdeskDb } from '../../db/db';
import { fold } from '../../db/search-keys';
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
