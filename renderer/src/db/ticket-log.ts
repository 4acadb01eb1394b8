import { parseIgnoringNewFields } from '../../../shared/errors';
import { StoredEventSchema } from '../../../shared/model/stored-event';
import { copyOf } from './buckets/bucket-cache';
import type { EventRow, LogRow, TierdeskDb } from './db';

/**
 * A ticket's log is stored as one record per ticket (`logs`), not one record
 * per entry: IndexedDB pays per record written, and a desk has ~8 entries per
 * ticket, so a bootstrap of 100k tickets wrote ~800k event records before.
 * Entries keep their ids; the same id again replaces the entry (a server copy
 * replaces my optimistic one), and the list stays in log order.
 */

/**
 * A log as stored: its entries, and (a log that came whole with a
 * snapshot, shared/sync/pull.ts) the JSON text of the server's entries,
 * read only when the log is read (decodeLog). Entries added later go to
 * `events`; the text stays as it came until the log is written whole again.
 */
export type StoredLog = LogRow & { entries?: string };

/**
 * A stored log as the app reads it (the bucketed store calls this on every
 * read of a log): the text's entries, each checked (one this version
 * cannot read is left out, and said in the console), merged with the
 * entries added since. Always new objects: the stored value is not shared.
 */
export function decodeLog(stored: StoredLog): LogRow {
  const events = stored.events.map((e) => copyOf(e));
  if (stored.entries === undefined) return { ticketId: stored.ticketId, events };
  let raw: unknown;
  try {
    raw = JSON.parse(stored.entries);
  } catch (error) {
    console.warn(`log of ${stored.ticketId}: the stored entries are not JSON and were left out`, error);
    return { ticketId: stored.ticketId, events };
  }
  const read: EventRow[] = [];
  let unreadable = 0;
  for (const entry of Array.isArray(raw) ? raw : []) {
    const parsed = parseIgnoringNewFields(StoredEventSchema, entry);
    if (parsed.success && parsed.data.ticketId === stored.ticketId) read.push({ ...parsed.data, pending: 0 });
    else unreadable++;
  }
  if (unreadable) console.warn(`log of ${stored.ticketId}: ${unreadable} entr${unreadable === 1 ? 'y' : 'ies'} this version cannot read left out`);
  return { ticketId: stored.ticketId, events: mergeLog(read, events) };
}

/** Log order: by seq, then id (what the old [ticketId+seq] index gave). */
const byLogOrder = (a: EventRow, b: EventRow) => a.seq - b.seq || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** `incoming` merged into `existing`: same id replaces, result in log order. Pure. */
export function mergeLog(existing: readonly EventRow[], incoming: readonly EventRow[]): EventRow[] {
  if (!incoming.length) return [...existing];
  // A log arriving whole (a download): in order already, nothing to merge with.
  if (!existing.length && incoming.every((e, i) => i === 0 || byLogOrder(incoming[i - 1]!, e) < 0)) return [...incoming];
  const replaced = new Set(incoming.map((e) => e.id));
  const merged = existing.filter((e) => !replaced.has(e.id));
  // The last of duplicate ids within incoming wins, like consecutive puts.
  const latest = new Map(incoming.map((e) => [e.id, e]));
  merged.push(...latest.values());
  return merged.sort(byLogOrder);
}

/** One ticket's log in order, my pending entries included (marked). */
export async function readLog(db: TierdeskDb, ticketId: string): Promise<EventRow[]> {
  return (await db.logs.get(ticketId))?.events ?? [];
}

/**
 * Adds entries to their tickets' logs: one read and one write per ticket
 * touched, whatever the number of entries. Call inside a transaction that
 * includes `logs`.
 */
export async function appendToLogs(db: TierdeskDb, entries: readonly EventRow[]): Promise<void> {
  if (!entries.length) return;
  const byTicket = new Map<string, EventRow[]>();
  for (const entry of entries) {
    let list = byTicket.get(entry.ticketId);
    if (!list) byTicket.set(entry.ticketId, (list = []));
    list.push(entry);
  }
  const ids = [...byTicket.keys()];
  const stored = await db.logs.bulkGet(ids);
  const rows: LogRow[] = ids.map((ticketId, i) => ({ ticketId, events: mergeLog(stored[i]?.events ?? [], byTicket.get(ticketId)!) }));
  await db.logs.bulkPut(rows);
}

/** Replaces one ticket's whole log (a rebase rewrites its pending part); an empty log is removed. */
export async function writeLog(db: TierdeskDb, ticketId: string, events: readonly EventRow[]): Promise<void> {
  if (events.length) await db.logs.put({ ticketId, events: [...events].sort(byLogOrder) });
  else await db.logs.delete(ticketId);
}

/** How many log entries are stored, over all tickets. */
export async function countLogEntries(db: TierdeskDb): Promise<number> {
  let n = 0;
  await db.logs.each((log) => {
    n += log.events.length;
  });
  return n;
}
