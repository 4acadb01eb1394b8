import type { FastifyInstance } from 'fastify';

/**
 * Public liveness, plus whether the escalation runner has finished its
 * first pass over the desk ("planning" right after a start on a large
 * database, "running" after; absent when this process runs none).
 */
export function healthRoutes(app: FastifyInstance, now: () => number, escalations?: { readonly state: 'planning' | 'running' }): void {
  app.get('/v1/health', { config: { public: true } }, async () => ({ ok: true, serverTime: now(), ...(escalations ? { escalations: escalations.state } : {}) }));
}
