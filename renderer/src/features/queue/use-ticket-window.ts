import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useRef, useSyncExternalStore } from 'react';
import type { TierdeskDb } from '../../db/db';
import type { TicketRecord } from '../../db/ticket-record';
import { echoed, echoVersion, subscribeEchoes } from '../../sync/local-echo';

/** Rows are read in blocks, so scrolling a few rows does not re-read what is already on screen. */
const BLOCK = 32;

/**
 * The records of the rows on screen (plus the rest of their blocks), live:
 * a change to one of them re-reads only these few, which is what makes a
 * local write show in its row at once.
 */
export function useTicketWindow(db: TierdeskDb, ids: readonly string[] | undefined, first: number, last: number): ReadonlyMap<string, TicketRecord> {
  const from = Math.max(0, Math.floor(first / BLOCK) * BLOCK);
  const to = Math.ceil((last + 1) / BLOCK) * BLOCK;
  const slice = ids?.slice(from, to) ?? [];
  const sliceKey = slice.join(',');
  const previous = useRef<ReadonlyMap<string, TicketRecord>>(EMPTY);
  const read = useLiveQuery(async () => {
    const startedAt = performance.now();
    const found = await db.tickets.bulkGet(slice);
    // Unchanged rows keep their record object, so only the changed row re-renders (rows are memoised).
    const next = new Map<string, TicketRecord>();
    for (const r of found) {
      if (!r) continue;
      const before = previous.current.get(r.id);
      next.set(r.id, before && sameRecord(before, r) ? before : r);
    }
    previous.current = next;
    return { records: next, startedAt };
    // The slice's content is the dependency (sliceKey), not the array's identity.
  }, [db, sliceKey]);
  // My own writes show in their rows before IndexedDB commits them (local-echo.ts).
  const echoes = useSyncExternalStore(subscribeEchoes, echoVersion);
  return useMemo(() => {
    if (!read) return EMPTY;
    if (echoes === 0) return read.records;
    let merged: Map<string, TicketRecord> | null = null;
    for (const [id, record] of read.records) {
      const shown = echoed(id, record, read.startedAt);
      if (shown !== record && shown) (merged ??= new Map(read.records)).set(id, shown);
    }
    return merged ?? read.records;
  }, [read, echoes]);
}

const EMPTY: ReadonlyMap<string, TicketRecord> = new Map();

/** Every change to a ticket bumps its version or updatedAt (locally too); pending and risk fields change with them. */
function sameRecord(a: TicketRecord, b: TicketRecord): boolean {
  return a.version === b.version && a.updatedAt === b.updatedAt && a.pending === b.pending && a.nextDueAt === b.nextDueAt && a.status === b.status;
}
