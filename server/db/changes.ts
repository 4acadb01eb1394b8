import { sql } from 'kysely';
import type { Db } from './open-database';
import type { ChangeKind } from './schema';

/**
 * Next value of a named counter. The UPDATE takes a row lock held until the
 * transaction commits, so writers that take a rev commit in rev order and a
 * pull can never read rev N+1 before N is visible.
 */
export async function nextCounter(db: Db, name: 'rev' | 'ticket_number' | 'audit_seq', count = 1): Promise<number> {
  const row = await sql<{ value: number | string }>`update counters set value = value + ${count} where name = ${name} returning value`
    .execute(db)
    .then((r) => r.rows[0]);
  if (!row) throw new Error(`counter ${name} is missing`);
  return Number(row.value) - count + 1;
}

export type ChangeRef = { kind: ChangeKind; entityId: string; ticketId?: string | null; clientId?: string | null };

/** Stamps changed entities with fresh revs (one per entity) in the caller's transaction. */
export async function recordChanges(trx: Db, changes: readonly ChangeRef[]): Promise<number> {
  // One row per entity: a second change to the same entity in this batch
  // supersedes the first (and a single upsert may not touch a row twice).
  const latest = [...new Map(changes.map((c) => [`${c.kind}\u0000${c.entityId}`, c])).values()];
  if (!latest.length) return 0;
  const first = await nextCounter(trx, 'rev', latest.length);
  const rows = latest.map((c, i) => ({
    rev: first + i,
    kind: c.kind,
    entity_id: c.entityId,
    ticket_id: c.ticketId ?? null,
    client_id: c.clientId ?? null,
  }));
  for (let i = 0; i < rows.length; i += 500) {
    await trx
      .insertInto('change_log')
      .values(rows.slice(i, i + 500))
      .onConflict((oc) => oc.columns(['kind', 'entity_id']).doUpdateSet((eb) => ({ rev: eb.ref('excluded.rev') })))
      .execute();
  }
  return first + latest.length - 1;
}
