import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { parseWith } from '../../shared/errors';
import { verifyAuditChain } from '../audit/audit-log';
import type { Db } from '../db/open-database';
import { requireAgent, requireRole } from '../http/auth-hook';
import { HttpError } from '../http/errors';
import { loadActivePolicy, storePolicy } from '../policy/active-policy';

const AuditQuerySchema = z
  .object({
    after: z.coerce.number().int().min(0).default(0),
    limit: z.coerce.number().int().min(1).max(1000).default(200),
  })
  .strict();

/** Policy, audit and session administration: each route names the roles it serves. */
/** `policyChanged` runs after a new policy is stored (the escalation runner re-plans every open ticket). */
export function adminRoutes(app: FastifyInstance, db: Db, now: () => number, policyChanged: () => void = () => {}): void {
  app.get('/v1/policy', async (request) => {
    requireAgent(request);
    const { version, document } = await loadActivePolicy(db);
    return { version, document };
  });

  app.put('/v1/policy', async (request) => {
    const agent = requireRole(request, ['manager', 'admin']);
    // Validated whole before anything is written: a bad policy never half-applies.
    const version = await db.transaction().execute((trx) => storePolicy(trx, request.body, agent.id, now()));
    policyChanged();
    return { version };
  });

  app.get('/v1/audit', async (request) => {
    requireRole(request, ['lead', 'manager', 'admin']);
    const { after, limit } = parseWith(AuditQuerySchema, request.query, 'audit query');
    const rows = await db.selectFrom('audit_log').selectAll().where('seq', '>', after).orderBy('seq').limit(limit).execute();
    return {
      entries: rows.map((r) => ({
        seq: Number(r.seq),
        at: Number(r.at),
        actorId: r.actor_id,
        action: r.action,
        entityType: r.entity_type,
        entityId: r.entity_id,
        data: JSON.parse(r.data) as unknown,
        hash: r.hash,
      })),
    };
  });

  app.get('/v1/audit/verify', async (request) => {
    requireRole(request, ['manager', 'admin']);
    return verifyAuditChain(db);
  });

  app.post('/v1/agents/:id/revoke-sessions', async (request) => {
    const admin = requireRole(request, ['admin']);
    const { id } = parseWith(z.object({ id: z.string().min(1).max(64) }).strict(), request.params, 'agent');
    const found = await db.selectFrom('agents').select('id').where('id', '=', id).executeTakeFirst();
    if (!found) throw new HttpError(404, 'not_found', 'no such agent');
    const result = await db.updateTable('sessions').set({ revoked_at: now() }).where('agent_id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();
    return { revoked: Number(result.numUpdatedRows), by: admin.id };
  });
}
