import type { FastifyInstance } from 'fastify';
import { parseWith } from '../../shared/errors';
import { PullQuerySchema, type PullResponse } from '../../shared/sync/pull';
import type { Db } from '../db/open-database';
import { requireAgent } from '../http/auth-hook';
import type { DamagedSink } from '../repo/stored-record';
import { pullPage } from '../sync/pull-service';

export function pullRoutes(app: FastifyInstance, db: Db, now: () => number, damaged: DamagedSink): void {
  app.get('/v1/pull', async (request): Promise<PullResponse> => {
    const agent = requireAgent(request);
    const query = parseWith(PullQuerySchema, request.query, 'pull query');
    return pullPage(db, { agent, cursor: Number(query.cursor), limit: query.limit, clientId: query.clientId, nowMs: now(), damaged });
  });
}
