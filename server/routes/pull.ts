import type { FastifyInstance } from 'fastify';
import { parseWith } from '../../shared/errors';
import { PullQuerySchema, type PullResponse } from '../../shared/sync/pull';
import type { Db } from '../db/open-database';
import { requireAgent } from '../http/auth-hook';
import { ticketsChangedAfter } from '../repo/tickets';

export function pullRoutes(app: FastifyInstance, db: Db, now: () => number): void {
  app.get('/v1/pull', async (request): Promise<PullResponse> => {
    requireAgent(request);
    const query = parseWith(PullQuerySchema, request.query, 'pull query');
    const page = await ticketsChangedAfter(db, Number(query.cursor), query.limit);
    return {
      version: 1,
      cursor: String(page.lastRev),
      hasMore: page.hasMore,
      serverTime: now(),
      changes: page.tickets.map((value) => ({ kind: 'ticket', value })),
    };
  });
}
