import type { StoredEvent } from '../../model/stored-event';
import type { Ticket } from '../../model/ticket';
import type { Policy } from '../../policy/schema';
import { stampEvents, type TicketAggregate } from '../context';
import { withClocks } from '../recompute';

/** The actor of automatic closes in the log and the audit chain. */
export const AUTO_CLOSE_ACTOR = 'tierdesk-auto-close';

/** When a resolved ticket closes by itself (policy.closeResolvedAfter after it was resolved), or null when it is not resolved. */
export function autoCloseAt(ticket: Pick<Ticket, 'status' | 'resolution' | 'updatedAt'>, policy: Policy): number | null {
  if (ticket.status !== 'resolved') return null;
  return (ticket.resolution?.at ?? ticket.updatedAt) + policy.closeResolvedAfter;
}

/**
 * Closes a resolved ticket whose time has come, or returns null when it is
 * not due (not resolved, reopened meanwhile, or not yet). The system's
 * `closed` event is stamped like a mutation's, so the log stays one
 * sequence; after it the ticket is final (a reopen is refused).
 */
export function autoClose(agg: TicketAggregate, policy: Policy, nowMs: number, eventIdPrefix: string): { ticket: Ticket; events: StoredEvent[] } | null {
  const at = autoCloseAt(agg.ticket, policy);
  if (at === null || at > nowMs) return null;
  const events = stampEvents(agg, agg.ticket.id, [{ type: 'closed', at: nowMs, by: AUTO_CLOSE_ACTOR, role: 'system' }], eventIdPrefix);
  const closed: Ticket = { ...agg.ticket, status: 'closed', version: agg.ticket.version + 1, updatedAt: nowMs };
  return { ticket: withClocks(closed, [...agg.events, ...events], policy, nowMs), events };
}
