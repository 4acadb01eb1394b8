import { parseStoredEvent, type StoredEvent } from '../../shared/model/stored-event';
import { recordChanges } from '../db/changes';
import type { Db } from '../db/open-database';

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

/** The logs of several tickets, each in seq order (tickets without entries are absent). */
export async function eventsOfTickets(db: Db, ticketIds: readonly string[]): Promise<Map<string, StoredEvent[]>> {
  const out = new Map<string, StoredEvent[]>();
  if (!ticketIds.length) return out;
  const rows = await db.selectFrom('ticket_events').select(['ticket_id', 'data']).where('ticket_id', 'in', ticketIds).orderBy('ticket_id').orderBy('seq').execute();
  for (const row of rows) {
    const list = out.get(row.ticket_id) ?? [];
    list.push(parseStoredEvent(JSON.parse(row.data)));
    out.set(row.ticket_id, list);
  }
  return out;
}

export async function eventsByIds(db: Db, ids: readonly string[]): Promise<Map<string, StoredEvent>> {
  const out = new Map<string, StoredEvent>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db.selectFrom('ticket_events').select(['id', 'data']).where('id', 'in', ids.slice(i, i + 500)).execute();
    for (const row of rows) out.set(row.id, parseStoredEvent(JSON.parse(row.data)));
  }
  return out;
}
