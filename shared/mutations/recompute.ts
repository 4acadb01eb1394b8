import { clockEvents, type StoredEvent } from '../model/stored-event';
import type { Ticket } from '../model/ticket';
import type { Policy } from '../policy/schema';
import { computeClocks } from '../sla/compute-clocks';
import type { TicketClocks } from '../sla/ticket-clocks';

/** The ticket's clocks from its whole log, as of `nowMs`. */
export function clocksOf(events: readonly StoredEvent[], policy: Policy, nowMs: number): TicketClocks {
  return computeClocks(clockEvents(events), policy, nowMs);
}

/** Stores the clocks computed from the log on the ticket record (for sorting by due time and cheap countdowns). */
export function withClocks(ticket: Ticket, events: readonly StoredEvent[], policy: Policy, nowMs: number): Ticket {
  const clocks = clocksOf(events, policy, nowMs);
  if (!clocks.sla) return ticket;
  return { ...ticket, sla: { ...clocks.sla, acceptance: clocks.acceptance?.state === 'stopped' ? null : (clocks.acceptance?.snapshot ?? null) } };
}
