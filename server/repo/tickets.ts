import { sql } from 'kysely';
import { parseTicket, type Ticket } from '../../shared/model/ticket';
import type { Db } from '../db/open-database';

/** Next value of a named counter; call inside the transaction that uses it. */
export async function nextCounter(db: Db, name: 'rev' | 'ticket_number'): Promise<number> {
  const row = await sql<{ value: number | string }>`update counters set value = value + 1 where name = ${name} returning value`
    .execute(db)
    .then((r) => r.rows[0]);
  if (!row) throw new Error(`counter ${name} is missing`);
  return Number(row.value);
}

/** Inserts or replaces a ticket, giving it a new change sequence number (rev). */
export async function putTicket(db: Db, ticket: Ticket): Promise<number> {
  const rev = await nextCounter(db, 'rev');
  const row = {
    id: ticket.id,
    number: ticket.number,
    rev,
    group_id: ticket.group,
    assignee_id: ticket.assignee,
    status: ticket.status,
    updated_at: ticket.updatedAt,
    version: ticket.version,
    data: JSON.stringify(ticket),
  };
  await db
    .insertInto('tickets')
    .values(row)
    .onConflict((oc) => oc.column('id').doUpdateSet(row))
    .execute();
  return rev;
}

export type TicketPage = { tickets: Ticket[]; lastRev: number; hasMore: boolean };

/** Tickets changed after `afterRev`, oldest change first, at most `limit`. */
export async function ticketsChangedAfter(db: Db, afterRev: number, limit: number): Promise<TicketPage> {
  const rows = await db
    .selectFrom('tickets')
    .select(['rev', 'data'])
    .where('rev', '>', afterRev)
    .orderBy('rev')
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit);
  return {
    tickets: page.map((r) => parseTicket(JSON.parse(r.data))),
    lastRev: page.length ? Number(page[page.length - 1]!.rev) : afterRev,
    hasMore: rows.length > limit,
  };
}
