import type { FastifyInstance } from 'fastify';

export function healthRoutes(app: FastifyInstance, now: () => number): void {
  app.get('/v1/health', { config: { public: true } }, async () => ({ ok: true, serverTime: now() }));
}
