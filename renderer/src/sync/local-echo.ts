import type { TicketRecord } from '../db/ticket-record';

/**
 * This window's own writes, shown before IndexedDB has them. A local action
 * computes the ticket's new view in memory, then commits it with strict
 * durability; that commit, plus the live query that notices it, costs more
 * than a frame. So the new record is "echoed" to the visible rows at once,
 * and the rows go back to reading IndexedDB as soon as a read that started
 * after the commit has arrived. A write that fails is un-echoed at once, so
 * nothing is shown that was not kept.
 */
type Echo = { record: TicketRecord; committedAt: number | null };

const echoes = new Map<string, Echo>();
const listeners = new Set<() => void>();
let version = 0;

function changed(): void {
  version++;
  for (const listener of listeners) listener();
}

/** Shows `record` in its rows now (called while its write is still committing). */
export function publishEcho(record: TicketRecord): void {
  echoes.set(record.id, { record, committedAt: null });
  changed();
}

/** The write is durable: reads started from now on see it, so the echo only bridges reads already under way. */
export function commitEcho(record: TicketRecord, atMs: number): void {
  const echo = echoes.get(record.id);
  if (echo?.record === record) echo.committedAt = atMs;
  // Kept a little longer for reads that began before the commit; then it is not needed by anyone.
  setTimeout(() => {
    if (echoes.get(record.id)?.record === record) {
      echoes.delete(record.id);
      changed();
    }
  }, 2000);
}

/** The write failed: show what IndexedDB has. */
export function dropEcho(record: TicketRecord): void {
  if (echoes.get(record.id)?.record !== record) return;
  echoes.delete(record.id);
  changed();
}

/** The record to show for `id` given a read of IndexedDB that started at `readStartedAt` (performance.now()). */
export function echoed(id: string, fromDb: TicketRecord | undefined, readStartedAt: number): TicketRecord | undefined {
  const echo = echoes.get(id);
  if (!echo || (echo.committedAt !== null && readStartedAt >= echo.committedAt) || (fromDb && sameWrite(fromDb, echo.record))) return fromDb;
  return echo.record;
}

/** The read already has this write (a local write bumps the version or the update time, and the pending count). */
function sameWrite(a: TicketRecord, b: TicketRecord): boolean {
  return a.version === b.version && a.updatedAt === b.updatedAt && a.pending === b.pending;
}

export function subscribeEchoes(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export const echoVersion = (): number => version;
