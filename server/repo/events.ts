import { parseStoredEvent, type StoredEvent } from '../../shared/model/stored-event';
import { recordChanges } from '../db/changes';
import type { Db } from '../db/open-database';
import { failOnDamaged, readStoredOr, type DamagedSink } from './stored-record';

/** Appends entries to tickets' logs (immutable rows) and stamps each as a change, in the caller's transaction. */
export async function appendEvents(trx: Db, events: readonly StoredEvent[]): Promise<void> {
  if (!events.length) return;
  for (let i = 0; i < events.length; i += 500) {
    await trx
      .insertInto('ticket_events')
      .values(
        events.slice(i, i + 500).map((e) => ({
          id: e.id,
          ticket_id: e.ticketId,
          seq: e.seq,
          at: e.event.at,
          type: e.event.type,
          data: JSON.stringify(e),
        })),
      )
      .execute();
  }
  await recordChanges(
    trx,
    events.map((e) => ({ kind: 'event', entityId: e.id, ticketId: e.ticketId })),
  );
}

export async function eventsOfTicket(db: Db, ticketId: string): Promise<StoredEvent[]> {
  return (await eventsOfTickets(db, [ticketId])).get(ticketId) ?? [];
}

/**
 * The logs of several tickets, each in seq order (tickets without entries
 * are absent). A log with a damaged entry is incomplete, and clocks folded
 * from it would be wrong: its ticket goes to `damaged` (throws by default)
 * and is left out whole.
 */
export async function eventsOfTickets(db: Db, ticketIds: readonly string[], damaged: DamagedSink = failOnDamaged): Promise<Map<string, StoredEvent[]>> {
  const out = new Map<string, StoredEvent[]>();
  if (!ticketIds.length) return out;
  const rows = await db.selectFrom('ticket_events').select(['id', 'ticket_id', 'data']).where('ticket_id', 'in', ticketIds).orderBy('ticket_id').orderBy('seq').execute();
  const broken = new Set<string>();
  for (const row of rows) {
    if (broken.has(row.ticket_id)) continue;
    const event = readStoredOr(damaged, 'ticket_events', row.id, row.ticket_id, row.data, parseStoredEvent);
    if (!event) {
      broken.add(row.ticket_id);
      out.delete(row.ticket_id);
      continue;
    }
    const list = out.get(row.ticket_id) ?? [];
    list.push(event);
    out.set(row.ticket_id, list);
  }
  return out;
}

/** Log entries by id; a damaged row goes to `damaged` (throws by default) and is left out. */
export async function eventsByIds(db: Db, ids: readonly string[], damaged: DamagedSink = failOnDamaged): Promise<Map<string, StoredEvent>> {
  const out = new Map<string, StoredEvent>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db.selectFrom('ticket_events').select(['id', 'ticket_id', 'data']).where('id', 'in', ids.slice(i, i + 500)).execute();
    for (const row of rows) {
      const event = readStoredOr(damaged, 'ticket_events', row.id, row.ticket_id, row.data, parseStoredEvent);
      if (event) out.set(row.id, event);
    }
  }
  return out;
}
