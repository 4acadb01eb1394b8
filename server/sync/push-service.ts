import { canReadTicket } from '../../shared/auth/access';
import { skipApprovalNotices } from '../../shared/escalation/skip-approval-notices';
import type { Agent } from '../../shared/model/agent';
import { formatTicketNumber } from '../../shared/model/ticket';
import { applyMutation } from '../../shared/mutations/apply';
import { refuse, type ApplyOutcome } from '../../shared/mutations/context';
import { ticketIdOf } from '../../shared/mutations/mutations';
import { toMutation, type PushMutation, type PushRequest, type PushResponse, type PushResult } from '../../shared/sync/push';
import { appendAudit } from '../audit/audit-log';
import { nextCounter, recordChanges } from '../db/changes';
import type { Db } from '../db/open-database';
import { HttpError } from '../http/errors';
import { enqueueNotifications } from '../notify/outbox';
import { loadActivePolicy } from '../policy/active-policy';
import { loadDirectory, type Directory } from '../repo/directory';
import { appendEvents } from '../repo/events';
import { getKbArticles, putKbArticles } from '../repo/kb';
import { DamagedRecordError, type DamagedSink } from '../repo/stored-record';
import { putTickets } from '../repo/tickets';
import { loadAggregate } from './load-aggregate';
import { effectiveTime } from './effective-time';
import { faultPoint } from './fault-point';

export type PushDeps = {
  db: Db;
  now: () => number;
  /** Called after each commit that changed something (pokes live streams). */
  afterCommit(effect: { changed: boolean; notifications: number }): void;
  /** Told of a damaged stored row a mutation met (the mutation is refused; default: the server log). */
  damaged: DamagedSink;
};

/** The client's next expected id is not this one: earlier mutations never arrived. */
export class MutationGapError extends HttpError {
  constructor(readonly expected: number, got: number) {
    super(409, 'mutation_gap', `expected mutation ${expected} next, got ${got}; push the missing mutations first`, 'mutations[0].id');
  }
}

/** The KB articles a mutation names (links, drafts that must not collide). */
async function kbLookup(db: Db, mutation: PushMutation) {
  const args = mutation.args as { kbArticleId?: string; articleId?: string; kbDraft?: { articleId: string } };
  const ids = [args.kbArticleId, args.articleId, args.kbDraft?.articleId].filter((x): x is string => !!x);
  return getKbArticles(db, ids);
}

/**
 * Applies one mutation in one transaction together with the client's
 * lastMutationId: after a crash either both are stored or neither. A refused
 * mutation is recorded with its reason and still advances the id, so the
 * client's queue never jams behind it.
 */
async function applyOne(deps: PushDeps, agent: Agent, clientId: string, m: PushMutation, directory: Directory): Promise<PushResult & { changed: boolean; notifications: number }> {
  return deps.db.transaction().execute(async (trx) => {
    const client = await trx.selectFrom('clients').selectAll().where('client_id', '=', clientId).executeTakeFirst();
    if (client && client.agent_id !== agent.id) throw new HttpError(403, 'forbidden', 'this client id belongs to another agent', 'clientId');
    const last = client ? Number(client.last_mutation_id) : 0;
    if (m.id <= last) return { id: m.id, status: 'duplicate' as const, changed: false, notifications: 0 };
    if (m.id > last + 1) throw new MutationGapError(last + 1, m.id);

    const now = deps.now();
    const mutation = toMutation(m);
    const ticketId = ticketIdOf(mutation);
    const { policy } = await loadActivePolicy(trx);
    let outcome: ApplyOutcome;
    let at = now;
    try {
      const loaded = ticketId ? await loadAggregate(trx, ticketId) : null;
      // A ticket the caller may not see is, for them, a ticket that does not exist.
      const agg = loaded && canReadTicket(agent, loaded.ticket) ? loaded : null;
      const lastEventAt = agg?.events.reduce((max, e) => Math.max(max, e.event.at), 0) ?? null;
      at = effectiveTime(m.clientTime, now, lastEventAt);
      const kb = await kbLookup(trx, m);
      // Numbers are handed out in order of commit; a refused create leaves a gap, as in any desk.
      const number = mutation.name === 'createTicket' ? formatTicketNumber(await nextCounter(trx, 'ticket_number')) : undefined;
      outcome = applyMutation(agg, mutation, {
        actor: agent,
        nowMs: at,
        policy,
        groups: directory.groups,
        eventIdPrefix: `${clientId}:${m.id}`,
        numberForNewTicket: () => {
          if (!number) throw new Error('only createTicket numbers a ticket');
          return number;
        },
        kbArticle: (id) => kb.get(id),
        agentName: (id) => directory.agents.get(id)?.name,
        agent: (id) => directory.agents.get(id),
      });
    } catch (error) {
      // Nothing is written before the reads: the mutation is refused like any
      // other (the agent keeps what they typed) and the queue moves on.
      if (!(error instanceof DamagedRecordError)) throw error;
      deps.damaged(error);
      outcome = refuse('damaged_record', `${error.message}. Your change is kept here; try it again once it is repaired.`, error.field ?? null);
    }

    let result: PushResult & { changed: boolean; notifications: number };
    if (outcome.ok) {
      const ticket = outcome.ticket;
      if (ticket) await putTickets(trx, [ticket]);
      await appendEvents(trx, outcome.events);
      await putKbArticles(trx, outcome.kbArticles);
      // A tier skip asked for reaches the people who can approve it (only the server writes to people).
      const approvers = mutation.name === 'requestTierSkip' && ticket ? skipApprovalNotices(ticket, [...directory.agents.values()], policy, `${clientId}:${m.id}`) : [];
      await enqueueNotifications(trx, [...outcome.notifications, ...approvers].map((n) => ({ ...n, createdAt: now })));
      await appendAudit(trx, [
        {
          at: now,
          actorId: agent.id,
          action: outcome.audit.action,
          entityType: outcome.audit.entityType,
          entityId: outcome.audit.entityId,
          data: { mutation: { clientId, id: m.id, name: m.name, clientTime: m.clientTime, effectiveTime: at }, before: outcome.audit.before, after: ticket ?? outcome.audit.after, reason: outcome.audit.reason },
        },
      ]);
      result = { id: m.id, status: 'applied', changed: true, notifications: outcome.notifications.length + approvers.length };
    } else {
      await trx
        .insertInto('refused_mutations')
        .values({ client_id: clientId, mutation_id: m.id, name: m.name, args: JSON.stringify(m.args), code: outcome.code, field: outcome.field, reason: outcome.message, at: now })
        .execute();
      await recordChanges(trx, [{ kind: 'refused', entityId: `${clientId}:${m.id}`, clientId }]);
      await appendAudit(trx, [
        {
          at: now,
          actorId: agent.id,
          action: 'mutation.refused',
          entityType: mutation.name === 'createKbArticle' ? 'kb' : 'ticket',
          entityId: ticketId ?? ('articleId' in mutation.args ? mutation.args.articleId : ''),
          data: { mutation: { clientId, id: m.id, name: m.name }, code: outcome.code, field: outcome.field, reason: outcome.message },
        },
      ]);
      result = { id: m.id, status: 'refused', code: outcome.code, field: outcome.field, reason: outcome.message, changed: true, notifications: 0 };
    }
    faultPoint('push-before-commit', m.id);
    if (client) {
      await trx.updateTable('clients').set({ last_mutation_id: m.id, updated_at: now }).where('client_id', '=', clientId).execute();
    } else {
      await trx.insertInto('clients').values({ client_id: clientId, agent_id: agent.id, last_mutation_id: m.id, updated_at: now }).execute();
    }
    return result;
  });
}

/** POST /v1/push: applies the batch in order, one transaction per mutation; side effects only after each commit. */
export async function pushMutations(deps: PushDeps, agent: Agent, request: PushRequest): Promise<PushResponse> {
  const directory = await loadDirectory(deps.db);
  const results: PushResult[] = [];
  let lastMutationId = 0;
  for (const m of request.mutations) {
    const { changed, notifications, ...result } = await applyOne(deps, agent, request.clientId, m, directory);
    results.push(result);
    lastMutationId = m.id;
    if (changed) deps.afterCommit({ changed, notifications });
  }
  return { version: 1, lastMutationId, serverTime: deps.now(), results };
}
