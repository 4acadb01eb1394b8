import defaultPolicyDocument from '../../shared/policy/default-policy.json';
import { parsePolicy, type Policy } from '../../shared/policy/schema';
import { appendAudit } from '../audit/audit-log';
import { recordChanges } from '../db/changes';
import type { Db } from '../db/open-database';

export type ActivePolicy = { policy: Policy; version: number; document: unknown };

const ACTIVE = 'active';

/** The policy in force: the stored one, or the shipped default before any is stored. */
export async function loadActivePolicy(db: Db): Promise<ActivePolicy> {
  const row = await db.selectFrom('policies').selectAll().where('id', '=', ACTIVE).executeTakeFirst();
  if (!row) return { policy: parsePolicy(defaultPolicyDocument), version: 0, document: defaultPolicyDocument };
  const document = JSON.parse(row.data) as unknown;
  return { policy: parsePolicy(document), version: row.version, document };
}

/**
 * Validates and stores a new policy document (refused whole if any field is
 * wrong, so the stored policy is never half-written), audits it and makes it
 * sync to every client.
 */
export async function storePolicy(trx: Db, document: unknown, by: string | null, nowMs: number): Promise<number> {
  parsePolicy(document);
  const current = await trx.selectFrom('policies').select(['version', 'data']).where('id', '=', ACTIVE).executeTakeFirst();
  const version = (current?.version ?? 0) + 1;
  const row = { id: ACTIVE, version, updated_at: nowMs, updated_by: by, data: JSON.stringify(document) };
  await trx
    .insertInto('policies')
    .values(row)
    .onConflict((oc) => oc.column('id').doUpdateSet({ version, updated_at: nowMs, updated_by: by, data: row.data }))
    .execute();
  await recordChanges(trx, [{ kind: 'policy', entityId: ACTIVE }]);
  await appendAudit(trx, [
    {
      at: nowMs,
      actorId: by,
      action: 'policy.updated',
      entityType: 'policy',
      entityId: ACTIVE,
      data: { version, before: current ? (JSON.parse(current.data) as unknown) : null, after: document },
    },
  ]);
  return version;
}
