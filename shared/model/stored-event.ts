import { z } from 'zod';
import { parseWith } from '../errors';
import { ACTIVITY_EVENT_TYPES, ActivityEventSchema, type ActivityEvent } from './activity-event';
import { TicketEventSchema, type TicketEvent } from './ticket-event';

export type TimelineEvent = TicketEvent | ActivityEvent;

/** One entry of a ticket's append-only log, as stored and synced. */
export const StoredEventSchema = z
  .object({
    /** Stable across client and server: `${clientId}:${mutationId}:${index}` for events a mutation wrote. */
    id: z.string().min(1).max(200),
    ticketId: z.string().min(1).max(64),
    /** Position in the ticket's log, from 1 (server order; optimistic entries take the next free numbers). */
    seq: z.number().int().min(1),
    // One union on `type` (both kinds of entry are unions on it): a lookup, not a try of each in turn.
    event: z.discriminatedUnion('type', [TicketEventSchema, ActivityEventSchema]),
  })
  .strict();
export type StoredEvent = z.infer<typeof StoredEventSchema>;
export const parseStoredEvent = (input: unknown): StoredEvent => parseWith(StoredEventSchema, input, 'ticket event');

export function isClockEvent(event: TimelineEvent): event is TicketEvent {
  return !ACTIVITY_EVENT_TYPES.has(event.type);
}

/** The clock-relevant events of a log, in log order: what computeClocks reads. */
export function clockEvents(events: readonly StoredEvent[]): TicketEvent[] {
  const out: TicketEvent[] = [];
  for (const e of [...events].sort((a, b) => a.seq - b.seq)) if (isClockEvent(e.event)) out.push(e.event);
  return out;
}
