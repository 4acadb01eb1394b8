import type { ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import { requireAgent } from '../http/auth-hook';
import type { PokeBus } from '../sync/poke-bus';

export const HEARTBEAT_MS = 15_000;

/**
 * GET /v1/events — server-sent events. A "poke" only says "pull now"; the
 * data always comes through /v1/pull. A comment line every HEARTBEAT_MS
 * keeps proxies from closing an idle stream; `retry:` tells the browser how
 * soon to reconnect, and clients pull on every (re)connect, so a poke lost
 * while disconnected costs nothing.
 */
export function eventRoutes(app: FastifyInstance, bus: PokeBus, heartbeatMs = HEARTBEAT_MS): void {
  const open = new Set<ServerResponse>();
  // Streams never end on their own; end them when the server shuts down, or
  // close() would wait for them forever. Clients reconnect to the next server.
  app.addHook('preClose', (done) => {
    for (const raw of open) raw.end();
    done();
  });
  app.get('/v1/events', async (request, reply) => {
    requireAgent(request);
    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, {
      ...(reply.getHeaders() as Record<string, string>),
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    raw.write('retry: 3000\n\n');
    raw.write('event: hello\ndata: {}\n\n');
    const unsubscribe = bus.subscribe((rev) => raw.write(`event: poke\ndata: ${JSON.stringify({ rev })}\n\n`));
    const heartbeat = setInterval(() => raw.write(': heartbeat\n\n'), heartbeatMs);
    open.add(raw);
    const close = () => {
      clearInterval(heartbeat);
      unsubscribe();
      open.delete(raw);
    };
    request.raw.once('close', close);
    raw.once('close', close);
  });
}
