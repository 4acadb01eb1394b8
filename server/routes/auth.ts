import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { LoginRequestSchema, type LoginResponse } from '../../shared/api/auth';
import { parseWith } from '../../shared/errors';
import { parseAgent } from '../../shared/model/agent';
import { hashPassword, verifyPassword } from '../auth/password';
import { loginBlockedUntil, recordLoginFailure } from '../auth/login-throttle';
import { createSession, revokeSession } from '../auth/sessions';
import type { Db } from '../db/open-database';
import { bearerToken } from '../http/auth-hook';
import { HttpError } from '../http/errors';
import { agentFromRow, findAgentByEmail } from '../repo/agents';

export function authRoutes(
  app: FastifyInstance,
  db: Db,
  now: () => number,
  tokenTtlMs: number,
  passwordCost: { N: number } | undefined,
): void {
  // Verified against when the email is unknown, with the same cost as real
  // hashes, so an unknown account takes as long as a wrong password.
  let dummyHash: Promise<string> | undefined;
  const dummy = () => (dummyHash ??= hashPassword(randomBytes(16).toString('hex'), passwordCost));

  app.post('/v1/auth/login', { config: { public: true } }, async (request, reply): Promise<LoginResponse> => {
    const { email, password } = parseWith(LoginRequestSchema, request.body, 'login');
    const keys = { account: email, ip: request.ip };
    const blockedUntil = await loginBlockedUntil(db, keys, now());
    if (blockedUntil !== null) {
      const minutes = Math.max(1, Math.ceil((blockedUntil - now()) / 60_000));
      void reply.header('retry-after', String(Math.ceil((blockedUntil - now()) / 1000)));
      throw new HttpError(429, 'rate_limited', `too many failed sign-ins; try again in ${minutes} min`);
    }
    const row = await findAgentByEmail(db, email);
    const ok = await verifyPassword(password, row?.password_hash ?? (await dummy()));
    if (!row || !ok) {
      await recordLoginFailure(db, keys, now());
      throw new HttpError(401, 'invalid_credentials', 'email or password is wrong');
    }
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
