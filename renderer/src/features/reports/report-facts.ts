import { ticketFacts, tierCosts, type TicketFacts } from '../../../../shared/metrics/desk-metrics';
import type { Policy } from '../../../../shared/policy/schema';
import type { TimelineEvent } from '../../../../shared/model/stored-event';
import type { TierdeskDb } from '../../db/db';
import { fromRecord } from '../../db/ticket-record';

/** Only these log entries change a ticket's facts; the rest of the log is not kept in memory. */
const COUNTED = new Set<TimelineEvent['type']>(['accepted', 'escalated', 'reopened', 'resolved']);

/** Hour of day in the agent's own zone: "tickets by the hour they came in" is about the desk's day. */
const localHour = (ms: number): number => new Date(ms).getHours();

/**
 * The facts of every local ticket (the desk as this agent can see it), read
 * from IndexedDB: one pass over the tickets, one over the log. Works offline.
 */
export async function readReportFacts(db: TierdeskDb, nowMs: number, policy: Policy): Promise<TicketFacts[]> {
  const costs = tierCosts(policy);
  const counted = new Map<string, TimelineEvent[]>();
  await db.logs.each((log) => {
    const kept = log.events.filter((row) => COUNTED.has(row.event.type)).map((row) => row.event);
    if (kept.length) counted.set(log.ticketId, kept);
  });
  const out: TicketFacts[] = [];
  await db.tickets.each((record) => {
    out.push(ticketFacts(fromRecord(record), counted.get(record.id) ?? [], nowMs, localHour, costs));
  });
  return out;
}
