import { parseKbArticle } from '../../shared/model/kb-article';
import { parseStoredEvent } from '../../shared/model/stored-event';
import { parseTicket } from '../../shared/model/ticket';
import { recordChanges } from '../db/changes';
import type { Db } from '../db/open-database';
import { readStored, skipDamaged, type DamagedSink, type StoredTable } from './stored-record';
import { readTicketRow } from './tickets';

const PAGE = 1000;

export type CheckReport = { checked: Record<StoredTable, number>; damaged: number };

type Row = { key: string; ticketId: string | null; data: string };

/** Each table's rows in key order, a page at a time (a big desk does not fit in memory at once). */
const readers: Record<StoredTable, (db: Db, after: string) => Promise<Row[]>> = {
  tickets: (db, after) =>
    db.selectFrom('tickets').select(['id as key', 'id as ticketId', 'data']).where('id', '>', after).orderBy('id').limit(PAGE).execute(),
  ticket_events: (db, after) =>
    db.selectFrom('ticket_events').select(['id as key', 'ticket_id as ticketId', 'data']).where('id', '>', after).orderBy('id').limit(PAGE).execute(),
  kb_articles: async (db, after) =>
    (await db.selectFrom('kb_articles').select(['id', 'data']).where('id', '>', after).orderBy('id').limit(PAGE).execute()).map((r) => ({ key: r.id, ticketId: null, data: r.data })),
  audit_log: async (db, after) =>
    (await db.selectFrom('audit_log').select(['seq', 'entity_id', 'data']).where('seq', '>', Number(after || 0)).orderBy('seq').limit(PAGE).execute()).map((r) => ({
      key: String(r.seq),
      ticketId: r.entity_id,
      data: r.data,
    })),
};

const parsers: Record<StoredTable, (input: unknown) => unknown> = {
  tickets: parseTicket,
  ticket_events: parseStoredEvent,
  kb_articles: parseKbArticle,
  // The audit trail's integrity is the hash chain's job (audit:verify); here only that each entry reads.
  audit_log: (input) => input,
};

/**
 * Reads every stored ticket, log entry, KB article and audit entry with the
 * same checks the API applies, and reports each damaged row (table, row,
 * field) to `damaged`. The API skips such rows when it meets them; this
 * finds them all at once, for `npm run db:check`.
 */
export async function checkStoredRecords(db: Db, damaged: DamagedSink): Promise<CheckReport> {
  const report: CheckReport = { checked: { tickets: 0, ticket_events: 0, kb_articles: 0, audit_log: 0 }, damaged: 0 };
  const count: DamagedSink = (error) => {
    report.damaged++;
    damaged(error);
  };
  for (const table of Object.keys(readers) as StoredTable[]) {
    let after = '';
    for (;;) {
      const rows = await readers[table](db, after);
      for (const row of rows) skipDamaged(count, () => readStored(table, row.key, row.ticketId, row.data, parsers[table]));
      report.checked[table] += rows.length;
      if (rows.length < PAGE) break;
      after = rows[rows.length - 1]!.key;
    }
  }
  return report;
}

/**
 * After a damaged ticket or log entry was repaired by hand: stamps it with a
 * new rev so every client pulls it again (pulls skipped it while it was
 * damaged), and marks the ticket for the escalation runner to plan again. A
 * repaired ticket brings its log entries and audit entries along: pulls held
 * those back too while the ticket could not be read. Refuses a row that
 * still does not read.
 */
export async function resyncRepaired(db: Db, table: 'tickets' | 'ticket_events', id: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    if (table === 'ticket_events') {
      const row = await trx.selectFrom('ticket_events').select(['ticket_id', 'data']).where('id', '=', id).executeTakeFirst();
      if (!row) throw new Error(`no ticket_events row ${id}`);
      readStored('ticket_events', id, row.ticket_id, row.data, parseStoredEvent);
      await trx.updateTable('tickets').set({ next_action_stale: 1 }).where('id', '=', row.ticket_id).execute();
      await recordChanges(trx, [{ kind: 'event', entityId: id, ticketId: row.ticket_id }]);
      return;
    }
    const row = await trx.selectFrom('tickets').select(['id', 'data']).where('id', '=', id).executeTakeFirst();
    if (!row) throw new Error(`no tickets row ${id}`);
    readTicketRow(row);
    await trx.updateTable('tickets').set({ next_action_stale: 1 }).where('id', '=', id).execute();
    const events = await trx.selectFrom('ticket_events').select('id').where('ticket_id', '=', id).orderBy('seq').execute();
    const audit = await trx.selectFrom('audit_log').select('seq').where('entity_type', '=', 'ticket').where('entity_id', '=', id).orderBy('seq').execute();
    await recordChanges(trx, [
      { kind: 'ticket', entityId: id, ticketId: id },
      ...events.map((e) => ({ kind: 'event' as const, entityId: e.id, ticketId: id })),
      ...audit.map((a) => ({ kind: 'audit' as const, entityId: String(a.seq), ticketId: id })),
    ]);
  });
}
