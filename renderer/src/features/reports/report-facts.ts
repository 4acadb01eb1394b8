import { ticketFacts, tierCosts, type TicketFacts } from '../../../../shared/metrics/desk-metrics';
import type { Policy } from '../../../../shared/policy/schema';
import type { TimelineEvent } from '../../../../shared/model/stored-event';
import type { LogRow, TierdeskDb } from '../../db/db';
import { fromRecord, type TicketRecord } from '../../db/ticket-record';

/** Only these log entries change a ticket's facts; the rest of the log is not kept in memory. */
const COUNTED = new Set<TimelineEvent['type']>(['accepted', 'escalated', 'reopened', 'resolved']);

/** Hour of day in the agent's own zone: "tickets by the hour they came in" is about the desk's day. */
const localHour = (ms: number): number => new Date(ms).getHours();

/** Buckets read per step (tickets with their logs, ~400 tickets at 100k): each step one short task. */
const BATCH_BUCKETS = 64;

/**
 * The facts of every local ticket (the desk as this agent can see it), read
 * bucket by bucket with their logs (both stores are bucketed by ticket id:
 * db/buckets), so a 100k desk is neither walked one record at a time nor
 * held in memory whole. Works offline. `onProgress` hears how many tickets
 * are read after each batch.
 */
export async function readReportFacts(db: TierdeskDb, nowMs: number, policy: Policy, onProgress?: (ticketsRead: number) => void): Promise<TicketFacts[]> {
  const costs = tierCosts(policy);
  const out: TicketFacts[] = [];
  for await (const read of db.buckets.batches(['tickets', 'logs'], BATCH_BUCKETS)) {
    const counted = new Map<string, TimelineEvent[]>();
    for (const log of read.get('logs') as LogRow[]) {
      const kept = log.events.filter((row) => COUNTED.has(row.event.type)).map((row) => row.event);
      if (kept.length) counted.set(log.ticketId, kept);
    }
    for (const record of read.get('tickets') as TicketRecord[]) out.push(ticketFacts(fromRecord(record), counted.get(record.id) ?? [], nowMs, localHour, costs));
    onProgress?.(out.length);
  }
  return out;
}
