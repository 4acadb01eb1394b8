import { parseTicket, type Ticket } from '../../shared/model/ticket';
import { recordChanges } from '../db/changes';
import type { Db } from '../db/open-database';
import { failOnDamaged, readStored, readStoredOr, type DamagedSink } from './stored-record';

export function ticketRow(ticket: Ticket) {
  return {
    id: ticket.id,
    number: ticket.number,
    group_id: ticket.group,
    assignee_id: ticket.assignee,
    status: ticket.status,
    updated_at: ticket.updatedAt,
    version: ticket.version,
    data: JSON.stringify(ticket),
    // The escalation runner works out the next due step again for every written ticket.
    next_action_stale: 1,
  };
}

/** Inserts or replaces tickets and stamps each with a new rev, in the caller's transaction. */
export async function putTickets(trx: Db, tickets: readonly Ticket[]): Promise<void> {
  for (let i = 0; i < tickets.length; i += 500) {
    const rows = tickets.slice(i, i + 500).map(ticketRow);
    await trx
      .insertInto('tickets')
      .values(rows)
      .onConflict((oc) =>
        oc.column('id').doUpdateSet((eb) => ({
          number: eb.ref('excluded.number'),
          group_id: eb.ref('excluded.group_id'),
          assignee_id: eb.ref('excluded.assignee_id'),
          status: eb.ref('excluded.status'),
          updated_at: eb.ref('excluded.updated_at'),
          version: eb.ref('excluded.version'),
          data: eb.ref('excluded.data'),
          next_action_stale: eb.ref('excluded.next_action_stale'),
        })),
      )
      .execute();
  }
  await recordChanges(
    trx,
    tickets.map((t) => ({ kind: 'ticket', entityId: t.id, ticketId: t.id })),
  );
}

export async function putTicket(db: Db, ticket: Ticket): Promise<void> {
  await db.transaction().execute((trx) => putTickets(trx, [ticket]));
}

/** A stored ticket row's data, checked (a damaged row throws DamagedRecordError naming the field). */
export const readTicketRow = (row: { id: string; data: string }): Ticket => readStored('tickets', row.id, row.id, row.data, parseTicket);

export async function getTicket(db: Db, id: string): Promise<Ticket | undefined> {
  const row = await db.selectFrom('tickets').select(['id', 'data']).where('id', '=', id).executeTakeFirst();
  return row ? readTicketRow(row) : undefined;
}

/** Tickets by id; a damaged row goes to `damaged` (throws by default) and is left out. */
export async function getTickets(db: Db, ids: readonly string[], damaged: DamagedSink = failOnDamaged): Promise<Map<string, Ticket>> {
  const out = new Map<string, Ticket>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db.selectFrom('tickets').select(['id', 'data']).where('id', 'in', ids.slice(i, i + 500)).execute();
    for (const row of rows) {
      const ticket = readStoredOr(damaged, 'tickets', row.id, row.id, row.data, parseTicket);
      if (ticket) out.set(row.id, ticket);
    }
  }
  return out;
}
