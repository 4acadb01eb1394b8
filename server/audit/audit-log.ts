import { createHash } from 'node:crypto';
import { nextCounter, recordChanges } from '../db/changes';
import type { Db } from '../db/open-database';
import type { AuditLogTable } from '../db/schema';
import { readStored } from '../repo/stored-record';
import { canonicalJson } from './canonical-json';

export const GENESIS_HASH = '0'.repeat(64);

export type AuditEntry = {
  at: number;
  actorId: string | null;
  /** e.g. "mutation.escalateFunctional", "mutation.refused", "policy.updated" */
  action: string;
  entityType: 'ticket' | 'kb' | 'policy' | 'agent' | 'notification' | 'client';
  entityId: string;
  /** before / after / reason and whatever else explains the change. */
  data: Record<string, unknown>;
};

export function hashEntry(prevHash: string, row: Omit<AuditLogTable, 'hash' | 'prev_hash'>): string {
  const body = canonicalJson({
    seq: Number(row.seq),
    at: Number(row.at),
    actor: row.actor_id,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    data: JSON.parse(row.data) as unknown,
  });
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}

/**
 * Appends entries to the hash-chained audit log in the caller's transaction.
 * The audit_seq counter update locks the chain's tail until commit, so
 * concurrent writers append one after another and never fork the chain.
 */
export async function appendAudit(trx: Db, entries: readonly AuditEntry[]): Promise<AuditLogTable[]> {
  if (!entries.length) return [];
  const first = await nextCounter(trx, 'audit_seq', entries.length);
  const tail = await trx.selectFrom('audit_log').select('hash').where('seq', '=', first - 1).executeTakeFirst();
  let prev = tail?.hash ?? GENESIS_HASH;
  const rows: AuditLogTable[] = entries.map((entry, i) => {
    const base = {
      seq: first + i,
      at: entry.at,
      actor_id: entry.actorId,
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId,
      data: canonicalJson(entry.data),
    };
    const hash = hashEntry(prev, base);
    const row = { ...base, prev_hash: prev, hash };
    prev = hash;
    return row;
  });
  await trx.insertInto('audit_log').values(rows).execute();
  // Entries about tickets sync to the clients that can see the ticket (summaries, see AuditEntrySchema).
  await recordChanges(
    trx,
    rows.filter((r) => r.entity_type === 'ticket' && r.entity_id).map((r) => ({ kind: 'audit' as const, entityId: String(r.seq), ticketId: r.entity_id })),
  );
  return rows;
}

/** The client-facing summary of an audit row. */
export function auditSummary(row: AuditLogTable) {
  const data = readStored('audit_log', String(row.seq), row.entity_id, row.data, (json) => json as { reason?: unknown } | null);
  return {
    seq: Number(row.seq),
    at: Number(row.at),
    actorId: row.actor_id,
    action: row.action,
    ticketId: row.entity_id,
    reason: typeof data?.reason === 'string' ? data.reason : null,
    hash: row.hash,
  };
}

export type ChainReport =
  | { ok: true; entries: number; head: string }
  | { ok: false; entries: number; brokenAt: number; reason: string };

/** Walks the chain in order (in pages) and names the first link that does not hold. */
export async function verifyAuditChain(db: Db, pageSize = 5000): Promise<ChainReport> {
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  let count = 0;
  for (;;) {
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>=', expectedSeq)
      .orderBy('seq')
      .limit(pageSize)
      .execute();
    if (!rows.length) return { ok: true, entries: count, head: prev };
    for (const row of rows) {
      const seq = Number(row.seq);
      if (seq !== expectedSeq) return { ok: false, entries: count, brokenAt: expectedSeq, reason: `entry ${expectedSeq} is missing` };
      if (row.prev_hash !== prev) return { ok: false, entries: count, brokenAt: seq, reason: 'prev_hash does not match the previous entry' };
      if (hashEntry(prev, row) !== row.hash) return { ok: false, entries: count, brokenAt: seq, reason: 'content does not match its hash' };
      prev = row.hash;
      expectedSeq = seq + 1;
      count++;
    }
  }
}
