import { isOpenStatus } from '../../../shared/model/levels';
import type { Ticket } from '../../../shared/model/ticket';
import { nextDueAt } from '../../../shared/sla/ticket-sla';

/**
 * A ticket as stored locally: the server's ticket plus derived index keys.
 * IndexedDB cannot index booleans or null, so `open` is 0/1 and tickets
 * without an owner simply stay out of the assignee index.
 */
export type TicketRecord = Ticket & {
  open: 0 | 1;
  /** Earliest due time of a running clock (NO_DUE when none): the queue's sort key. */
  nextDueAt: number;
};

export function toRecord(ticket: Ticket): TicketRecord {
  return { ...ticket, open: isOpenStatus(ticket.status) ? 1 : 0, nextDueAt: nextDueAt(ticket.sla) };
}
