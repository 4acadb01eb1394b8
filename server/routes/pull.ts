import type { FastifyInstance } from 'fastify';
import { parseWith } from '../../shared/errors';
import { FirstWorkQuerySchema, PullQuerySchema, SnapshotQuerySchema, type PullResponse } from '../../shared/sync/pull';
import type { Db } from '../db/open-database';
import { requireAgent } from '../http/auth-hook';
import type { DamagedSink } from '../repo/stored-record';
import { firstWork } from '../sync/first-work';
import { pullPage } from '../sync/pull-service';
import { snapshotPage } from '../sync/snapshot';

export function pullRoutes(app: FastifyInstance, db: Db, now: () => number, damaged: DamagedSink): void {
  app.get('/v1/pull', async (request): Promise<PullResponse> => {
    const agent = requireAgent(request);
    const query = parseWith(PullQuerySchema, request.query, 'pull query');
    return pullPage(db, { agent, cursor: Number(query.cursor), limit: query.limit, clientId: query.clientId, nowMs: now(), damaged });
  });

  // A new computer's bootstrap: the desk as it is now, by ticket id (JSON built from the stored rows, sent as it is).
  app.get('/v1/pull/snapshot', async (request, reply) => {
    const agent = requireAgent(request);
    const query = parseWith(SnapshotQuerySchema, request.query, 'snapshot query');
    const body = await snapshotPage(db, {
      agent,
      after: query.after,
      since: query.cursor === undefined ? null : Number(query.cursor),
      limit: query.limit,
      clientId: query.clientId,
      nowMs: now(),
      damaged,
    });
    return reply.type('application/json; charset=utf-8').send(body);
  });

  // A new computer's bootstrap asks for this first: the agent's most urgent work, before the whole desk.
  app.get('/v1/pull/first-work', async (request): Promise<PullResponse> => {
    const agent = requireAgent(request);
    parseWith(FirstWorkQuerySchema, request.query, 'first-work query');
    return firstWork(db, { agent, nowMs: now(), damaged });
  });
}
