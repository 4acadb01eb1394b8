import { Dexie } from 'dexie';

/** A database as an older release left it: the schema of versions 1 … `last`, as they shipped (db.ts), under `name`. */
export function shippedSchema(name: string, last: 2 | 4 | 6): Dexie {
  const old = new Dexie(name);
  old.version(1).stores({ tickets: 'id, &number, [open+nextDueAt], [open+group+nextDueAt], [open+assignee+nextDueAt], updatedAt', syncState: 'key', session: 'key' });
  old.version(2).stores({ serverTickets: 'id', events: 'id, [ticketId+seq]', kb: 'id, category, updatedAt', agents: 'id', groups: 'id', outbox: 'id, ticketId', needsAttention: 'id, ticketId, refusedAt', drafts: 'key, ticketId' });
  if (last === 2) return old;
  old.version(3).stores({
    tickets: 'id, &number, [open+nextDueAt], [open+group+nextDueAt], [open+assignee+nextDueAt], [open+tier+nextDueAt], updatedAt, [group+riskAt], [group+breachAt], *keys',
  });
  old.version(4).stores({ audit: 'seq, [ticketId+seq]' });
  if (last === 4) return old;
  old.version(5).stores({ logs: 'ticketId' });
  old.version(6).stores({ events: null });
  return old;
}
