import { PostgresAdapter, sql } from 'kysely';
import { parseTicket } from '../../shared/model/ticket';
import type { TicketAggregate } from '../../shared/mutations/context';
import type { Db } from '../db/open-database';
import { eventsOfTicket } from '../repo/events';

/**
 * A ticket and its whole log, read inside the caller's transaction. On
 * PostgreSQL the ticket row is locked until commit so two mutations on one
 * ticket apply one after the other; SQLite serialises writers anyway.
 */
export async function loadAggregate(trx: Db, ticketId: string): Promise<TicketAggregate | null> {
  const isPostgres = trx.getExecutor().adapter instanceof PostgresAdapter;
  const row = isPostgres
    ? await sql<{ data: string }>`select data from tickets where id = ${ticketId} for update`.execute(trx).then((r) => r.rows[0])
    : await trx.selectFrom('tickets').select('data').where('id', '=', ticketId).executeTakeFirst();
  if (!row) return null;
  return { ticket: parseTicket(JSON.parse(row.data)), events: await eventsOfTicket(trx, ticketId) };
}
