import { ticketFacts, tierCosts, type TicketFacts } from '../../../../shared/metrics/desk-metrics';
import type { Policy } from '../../../../shared/policy/schema';
import type { TimelineEvent } from '../../../../shared/model/stored-event';
import type { TierdeskDb } from '../../db/db';
import { fromRecord, type TicketRecord } from '../../db/ticket-record';

/** Only these log entries change a ticket's facts; the rest of the log is not kept in memory. */
const COUNTED = new Set<TimelineEvent['type']>(['accepted', 'escalated', 'reopened', 'resolved']);

/** Hour of day in the agent's own zone: "tickets by the hour they came in" is about the desk's day. */
const localHour = (ms: number): number => new Date(ms).getHours();

/** Tickets read per step: getAll over a key range (a cursor pays per record), each step one short task. */
const BATCH = 500;

/**
 * The facts of every local ticket (the desk as this agent can see it), read
 * from IndexedDB in id order, five hundred tickets and their logs at a time
 * (both tables are keyed by ticket id), so a 100k desk is neither walked one
 * record at a time nor held in memory whole. Works offline. `onProgress`
 * hears how many tickets are read after each batch.
 */
export async function readReportFacts(db: TierdeskDb, nowMs: number, policy: Policy, onProgress?: (ticketsRead: number) => void): Promise<TicketFacts[]> {
  const costs = tierCosts(policy);
  const out: TicketFacts[] = [];
  let after: string | null = null;
  for (;;) {
    const from: string | null = after;
    const records: TicketRecord[] = await (from === null ? db.tickets.limit(BATCH) : db.tickets.where(':id').above(from).limit(BATCH)).toArray();
    if (!records.length) break;
    const last: string = records[records.length - 1]!.id;
    const logs = await (from === null ? db.logs.where(':id').belowOrEqual(last) : db.logs.where(':id').between(from, last, false, true)).toArray();
    const counted = new Map<string, TimelineEvent[]>();
    for (const log of logs) {
      const kept = log.events.filter((row) => COUNTED.has(row.event.type)).map((row) => row.event);
      if (kept.length) counted.set(log.ticketId, kept);
    }
    for (const record of records) out.push(ticketFacts(fromRecord(record), counted.get(record.id) ?? [], nowMs, localHour, costs));
    onProgress?.(out.length);
    if (records.length < BATCH) break;
    after = last;
  }
  return out;
}
