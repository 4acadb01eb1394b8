import { isOpenStatus } from '../../../shared/model/levels';
import type { Ticket } from '../../../shared/model/ticket';
import { queueDueAt } from '../../../shared/sla/ticket-sla';
import { getActivePolicy } from '../app/policy';
import { riskInstants } from './risk-instants';
import { searchKeysOf } from './search-keys';

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
  /** Search words and filter facets (multi-entry index; see search-keys.ts). */
  keys: string[];
  /** Instant a clock reaches the at-risk threshold or breaches (NO_DUE when none, or closed); see risk-instants.ts. */
  riskAt: number;
  /** Instant a clock breached or will breach if nothing happens (NO_DUE when none, or closed). */
  breachAt: number;
};

/** The index fields of a record, recomputed whenever the ticket changes (and by the schema upgrade). */
export function derivedFields(ticket: Ticket): Pick<TicketRecord, 'open' | 'nextDueAt' | 'keys' | 'riskAt' | 'breachAt'> {
  const open = isOpenStatus(ticket.status);
  return {
    open: open ? 1 : 0,
    nextDueAt: queueDueAt(ticket.sla),
    keys: searchKeysOf(ticket, open),
    ...riskInstants(ticket.sla, open, getActivePolicy().calendars),
  };
}

export function toRecord(ticket: Ticket, origin: TicketRecord['origin'] = 'server', pending = 0): TicketRecord {
  return { ...ticket, ...derivedFields(ticket), origin, pending };
}

/** The ticket without local bookkeeping (what apply and the server see). */
export function fromRecord(record: TicketRecord): Ticket {
  const {
    open: _open,
    nextDueAt: _due,
    origin: _origin,
    pending: _pending,
    keys: _keys,
    riskAt: _risk,
    breachAt: _breach,
    ...ticket
  } = record;
  return ticket;
}
