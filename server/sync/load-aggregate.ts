import { PostgresAdapter, sql } from 'kysely';
import type { TicketAggregate } from '../../shared/mutations/context';
import type { Db } from '../db/open-database';
import { eventsOfTicket } from '../repo/events';
import { readTicketRow } from '../repo/tickets';

/**
 * Ticket rows read inside the caller's transaction, in id order. On
 * PostgreSQL they stay locked until commit, so writers of one ticket apply
 * one after the other, and writers of several lock in the same (id) order
 * and cannot deadlock; SQLite serialises writers anyway.
 */
export async function lockTicketRows(trx: Db, ids: readonly string[]): Promise<Array<{ id: string; status: string; data: string }>> {
  if (!ids.length) return [];
  const isPostgres = trx.getExecutor().adapter instanceof PostgresAdapter;
  return isPostgres
    ? (await sql<{ id: string; status: string; data: string }>`select id, status, data from tickets where id in (${sql.join(ids)}) order by id for update`.execute(trx)).rows
    : await trx.selectFrom('tickets').select(['id', 'status', 'data']).where('id', 'in', ids).orderBy('id').execute();
}

/**
 * A ticket and its whole log, read inside the caller's transaction, the
 * ticket row locked (see lockTicketRows). A damaged row or log entry throws
 * DamagedRecordError: a rule applied to half a ticket could not be trusted.
 */
export async function loadAggregate(trx: Db, ticketId: string): Promise<TicketAggregate | null> {
  const [row] = await lockTicketRows(trx, [ticketId]);
  if (!row) return null;
  return { ticket: readTicketRow(row), events: await eventsOfTicket(trx, ticketId) };
}
