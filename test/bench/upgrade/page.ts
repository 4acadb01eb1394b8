import { Dexie } from 'dexie';
import { TierdeskDb } from '../../../renderer/src/db/db';
import { toRecord } from '../../../renderer/src/db/ticket-record';
import { shippedSchema } from '../../../renderer/src/test/shipped-schema';
import { generateTickets } from '../workspace/generate-tickets';

const ENTRIES_PER_LOG = 8;

const bench = {
  /** Writes `count` tickets, each with a log, as version 6 stored them; then opens the database with this version and again. */
  async run(count: number) {
    const name = `upgrade-${Math.random()}`;
    // The database as the last version before buckets left it (schema version 6).
    const old = shippedSchema(name, 6);
    const now = Date.now();
    const seedStart = performance.now();
    for (let from = 0; from < count; from += 5000) {
      const tickets = generateTickets(Math.min(5000, count - from), now, from + 1, from).map((t) => toRecord(t));
      await old.table('tickets').bulkPut(tickets);
      await old.table('logs').bulkPut(
        tickets.map((t) => ({
          ticketId: t.id,
          events: Array.from({ length: ENTRIES_PER_LOG }, (_, k) => ({
            id: `e-${t.id}-${k}`,
            ticketId: t.id,
            seq: k + 1,
            pending: 0,
            event: { type: 'note_added', at: now, by: 'agent-l1', role: 'l1_agent', noteId: `n-${k}`, body: 'Called the requester and collected the error details for the next tier.', visibility: 'internal', contact: null },
          })),
        })),
      );
    }
    const seedMs = performance.now() - seedStart;
    old.close();

    const upgradeStart = performance.now();
    const db = new TierdeskDb(name);
    await db.open();
    const upgradeMs = performance.now() - upgradeStart;
    const stored = { tickets: await db.tickets.count(), logs: await db.logs.count() };
    // The heads worked out at this first start are written a moment later in the app; here at once.
    await db.buckets.flushNow();
    db.close();

    const nextStart = performance.now();
    const again = new TierdeskDb(name);
    const open = await again.tickets.where('[open+nextDueAt]').between([1, -Infinity], [1, Infinity]).count();
    const nextMs = performance.now() - nextStart;
    again.close();
    await Dexie.delete(name);
    return { seedMs, upgradeMs, nextMs, stored, open };
  },
};

declare global {
  interface Window {
    upgradeBench: typeof bench;
  }
}
window.upgradeBench = bench;
