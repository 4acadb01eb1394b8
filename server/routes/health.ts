import type { FastifyInstance } from 'fastify';

/**
 * Public liveness, plus whether the escalation runner has finished its
 * first pass over the desk ("planning" right after a start on a large
 * database, "running" after, "standby" while another API process on the
 * same PostgreSQL desk runs it; absent when this process runs none).
 */
export function healthRoutes(app: FastifyInstance, now: () => number, escalations?: { readonly state: 'planning' | 'running' | 'standby' }): void {
  app.get('/v1/health', { config: { public: true } }, async () => ({ ok: true, serverTime: now(), ...(escalations ? { escalations: escalations.state } : {}) }));
}
