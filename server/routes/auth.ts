import type { FastifyInstance } from 'fastify';
import { LoginRequestSchema, type LoginResponse } from '../../shared/api/auth';
import { parseWith } from '../../shared/errors';
import { parseAgent } from '../../shared/model/agent';
import { verifyPassword } from '../auth/password';
import { createSession, revokeSession } from '../auth/sessions';
import type { Db } from '../db/open-database';
import { bearerToken } from '../http/auth-hook';
import { HttpError } from '../http/errors';
import { agentFromRow, findAgentByEmail } from '../repo/agents';

// Verified against when the email is unknown, so both paths take as long.
const DUMMY_HASH = 'scrypt$131072$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

export function authRoutes(app: FastifyInstance, db: Db, now: () => number, tokenTtlMs: number): void {
  app.post('/v1/auth/login', { config: { public: true } }, async (request): Promise<LoginResponse> => {
    const { email, password } = parseWith(LoginRequestSchema, request.body, 'login');
    const row = await findAgentByEmail(db, email);
    const ok = await verifyPassword(password, row?.password_hash ?? DUMMY_HASH);
    if (!row || !ok) throw new HttpError(401, 'invalid_credentials', 'email or password is wrong');
    const agent = parseAgent(agentFromRow(row));
    const { token, expiresAt } = await createSession(db, agent.id, now(), tokenTtlMs);
    return { token, expiresAt, agent, serverTime: now() };
  });

  app.post('/v1/auth/logout', async (request, reply) => {
    const token = bearerToken(request);
    if (token) await revokeSession(db, token, now());
    return reply.status(204).send();
  });
}
