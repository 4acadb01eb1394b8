import defaultPolicyDocument from '../../shared/policy/default-policy.json';
import { parsePolicy, type Policy } from '../../shared/policy/schema';
import { appendAudit } from '../audit/audit-log';
import { recordChanges } from '../db/changes';
import type { Db } from '../db/open-database';

export type ActivePolicy = { policy: Policy; version: number; document: unknown };

const ACTIVE = 'active';

// Parsed policies by their stored text: every mutation needs the policy, and
// parsing it (plus the calendars built from it) costs far more than the read.
const parsed = new Map<string, { policy: Policy; document: unknown }>();
const DEFAULT_TEXT = JSON.stringify(defaultPolicyDocument);

function parseStored(text: string): { policy: Policy; document: unknown } {
  let hit = parsed.get(text);
  if (!hit) {
    const document = JSON.parse(text) as unknown;
    hit = { policy: parsePolicy(document), document };
    if (parsed.size >= 8) parsed.delete(parsed.keys().next().value!);
    parsed.set(text, hit);
  }
  return hit;
}

/** The policy in force: the stored one, or the shipped default before any is stored. */
export async function loadActivePolicy(db: Db): Promise<ActivePolicy> {
  const row = await db.selectFrom('policies').select(['version', 'data']).where('id', '=', ACTIVE).executeTakeFirst();
  return { ...parseStored(row?.data ?? DEFAULT_TEXT), version: row?.version ?? 0 };
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
