import type { FastifyInstance } from 'fastify';
import { parsePushRequest, type PushResponse } from '../../shared/sync/push';
import { requireAgent } from '../http/auth-hook';
import { pushMutations, type PushDeps } from '../sync/push-service';

export function pushRoutes(app: FastifyInstance, deps: PushDeps): void {
  app.post('/v1/push', async (request): Promise<PushResponse> => {
    const agent = requireAgent(request);
    // The whole batch is checked before anything is written: a malformed
    // mutation is a client bug (400), not a business refusal.
    const body = parsePushRequest(request.body);
    return pushMutations(deps, agent, body);
  });
}
