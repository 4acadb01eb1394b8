import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Net, Protocol } from 'electron';
import { bundleSegments } from '../../shared/web/bundle-path';
import { APP_HOST, APP_SCHEME, contentSecurityPolicy } from './security';

/** Must run before app `ready`: app:// behaves like https (standard, secure origin, fetch). */
export const APP_SCHEME_PRIVILEGES = [
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
];

/** Serves the renderer bundle from `rendererDir` over app://tierdesk/, with a strict CSP on every response. */
export function serveAppProtocol(protocol: Protocol, net: Net, rendererDir: string, apiOrigins: readonly string[]): void {
  const csp = contentSecurityPolicy(apiOrigins);
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const segments = url.host === APP_HOST ? bundleSegments(url.pathname) : undefined;
    if (!segments) return new Response('not found', { status: 404 });
    const file = path.join(rendererDir, ...segments);
    const res = await net.fetch(pathToFileURL(file).toString());
    if (!res.ok) return new Response('not found', { status: 404 });
    const headers = new Headers(res.headers);
    headers.set('Content-Security-Policy', csp);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(res.body, { status: 200, headers });
  });
}
