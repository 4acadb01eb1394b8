import cors from '@fastify/cors';
import Fastify, { type FastifyInstance } from 'fastify';
import type { ServerConfig } from './config';
import type { Db } from './db/open-database';
import { installAuth } from './http/auth-hook';
import { installErrorHandling } from './http/errors';
import { authRoutes } from './routes/auth';
import { healthRoutes } from './routes/health';
import { eventRoutes } from './routes/events';
import { pullRoutes } from './routes/pull';
import { pushRoutes } from './routes/push';
import { ticketRoutes } from './routes/tickets';
import { adminRoutes } from './routes/admin';
import type { EscalationRunner } from './escalation/escalation-runner';
import type { NotificationDispatcher } from './notify/outbox';
import { logDamaged, type DamagedSink } from './repo/stored-record';
import { PokeBus } from './sync/poke-bus';

export type AppDeps = {
  db: Db;
  config: Pick<ServerConfig, 'corsOrigins' | 'tokenTtlMs'>;
  /** Server clock; injected so tests control time. */
  now?: () => number;
  /** scrypt cost of stored passwords (tests lower it). */
  passwordCost?: { N: number };
  logger?: boolean;
  /** Shared with whatever commits changes (push), which pokes after each commit. */
  pokes?: PokeBus;
  heartbeatMs?: number;
  /** Sends requester notifications after commits (none in tests that do not care). */
  notifications?: NotificationDispatcher;
  /** Carries out the escalation matrix; told after every commit that may move a ticket's next step. */
  escalations?: EscalationRunner;
  /** Told of every damaged stored row a request meets (default: the server log; see stored-record.ts). */
  damaged?: DamagedSink;
};

export const BODY_LIMIT_BYTES = 1024 * 1024;

/** Builds the ticket API without listening: tests inject or listen on an ephemeral port. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const now = deps.now ?? Date.now;
  const app = Fastify({ logger: deps.logger ?? false, bodyLimit: BODY_LIMIT_BYTES });
  installErrorHandling(app);
  // JSON only: anything else (text/plain included) is answered 415.
  app.removeContentTypeParser('text/plain');
  await app.register(cors, {
    origin: deps.config.corsOrigins,
    methods: ['GET', 'POST', 'PUT'],
    allowedHeaders: ['Authorization', 'Content-Type'],
    maxAge: 600,
  });
  installAuth(app, deps.db, now);
  healthRoutes(app, now, deps.escalations);
  authRoutes(app, deps.db, now, deps.config.tokenTtlMs, deps.passwordCost);
  const pokes = deps.pokes ?? new PokeBus();
  const replan = () => void deps.escalations?.kick().catch((error: unknown) => app.log.error({ err: error }, 'escalation run failed'));
  const damaged = deps.damaged ?? logDamaged;
  pullRoutes(app, deps.db, now, damaged);
  pushRoutes(app, {
    db: deps.db,
    now,
    afterCommit: ({ notifications }) => {
      pokes.poke(0);
      if (notifications) void deps.notifications?.kick().catch((error: unknown) => app.log.error({ err: error }, 'notification dispatch failed'));
      replan();
    },
    damaged,
  });
  eventRoutes(app, pokes, deps.heartbeatMs);
  ticketRoutes(app, deps.db, damaged);
  adminRoutes(app, deps.db, now, replan);
  return app;
}
