import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Agent } from '../../shared/model/agent';
import type { Role } from '../../shared/model/levels';
import { agentForToken } from '../auth/sessions';
import type { Db } from '../db/open-database';
import { HttpError, unauthorized } from './errors';

declare module 'fastify' {
  interface FastifyRequest {
    agent: Agent | undefined;
  }
  interface FastifyContextConfig {
    /** Route answers without a token (health, login). */
    public?: boolean;
  }
}

export function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  const match = header ? /^Bearer ([A-Za-z0-9_-]{20,200})$/.exec(header) : null;
  return match?.[1];
}

/** Every route answers 401 without a live token unless its config says `public: true`. */
export function installAuth(app: FastifyInstance, db: Db, now: () => number): void {
  app.decorateRequest('agent', undefined);
  app.addHook('onRequest', async (request) => {
    if (request.method === 'OPTIONS' || request.routeOptions.config.public) return;
    const token = bearerToken(request);
    if (!token) throw unauthorized();
    const agent = await agentForToken(db, token, now());
    if (!agent) throw unauthorized('the token is unknown, expired or revoked; log in again');
    request.agent = agent;
  });
}

export function requireAgent(request: FastifyRequest): Agent {
  if (!request.agent) throw unauthorized();
  return request.agent;
}

/** The caller, if their role is one of `roles`; 403 otherwise. */
export function requireRole(request: FastifyRequest, roles: readonly Role[]): Agent {
  const agent = requireAgent(request);
  if (!roles.includes(agent.role)) {
    throw new HttpError(403, 'forbidden', `this needs one of the roles ${roles.join(', ')}; you are ${agent.role}`);
  }
  return agent;
}
