/**
 * Security decisions as small pure predicates, each tested against a table of
 * hostile inputs (electron/main/security.test.ts).
 */
import { isSafeExternalUrl } from '../../shared/web/external-url';

export const APP_SCHEME = 'app';
export const APP_HOST = 'tierdesk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

function parse(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/** The only pages the window may show: our own bundle under app://tierdesk/. */
export function isAppUrl(url: string): boolean {
  const parsed = parse(url);
  return !!parsed && parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && !parsed.username && !parsed.password;
}

/** In-window navigation is allowed only within the app bundle (e.g. a hash route), never away from it. */
export function isAllowedNavigation(url: string): boolean {
  return isAppUrl(url);
}

/** URLs we hand to the OS browser: https only, no credentials, a real host name (shared with the web build). */
export { isSafeExternalUrl };

/** An IPC sender is trusted only when its frame shows our app bundle. */
export function isTrustedSenderUrl(url: string | undefined): boolean {
  return typeof url === 'string' && isAppUrl(url);
}

/** CSP for every app:// response (the index.html meta tag says the same). */
export function contentSecurityPolicy(apiOrigins: readonly string[]): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self' ${apiOrigins.join(' ')}`.trim(),
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
