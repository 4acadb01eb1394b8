import { isOpenStatus } from '../../../shared/model/levels';
import type { Ticket } from '../../../shared/model/ticket';
import { nextDueAt } from '../../../shared/sla/ticket-sla';

/**
 * A ticket as stored locally: the ticket plus derived index keys. IndexedDB
 * cannot index booleans or null, so `open` is 0/1 and tickets without an
 * owner simply stay out of the assignee index.
 */
export type TicketRecord = Ticket & {
  open: 0 | 1;
  /** Earliest due time of a running clock (NO_DUE when none): the queue's sort key. */
  nextDueAt: number;
  /** 'local' while the ticket exists only here (created offline, not yet on the server). */
  origin: 'server' | 'local';
  /** Mutations of mine not yet confirmed for this ticket (0 = shows server state). */
  pending: number;
};

export function toRecord(ticket: Ticket, origin: TicketRecord['origin'] = 'server', pending = 0): TicketRecord {
  const acceptanceDue = ticket.sla.acceptance?.state === 'running' ? (ticket.sla.acceptance.dueAt ?? Infinity) : Infinity;
  return {
    ...ticket,
    open: isOpenStatus(ticket.status) ? 1 : 0,
    nextDueAt: Math.min(nextDueAt(ticket.sla), acceptanceDue),
    origin,
    pending,
  };
}

/** The ticket without local bookkeeping (what apply and the server see). */
export function fromRecord(record: TicketRecord): Ticket {
  const { open: _open, nextDueAt: _due, origin: _origin, pending: _pending, ...ticket } = record;
  return ticket;
}
