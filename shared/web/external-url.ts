/**
 * Links the app may hand to the OS browser (a KB article in a ticket):
 * https only, no credentials, a real host name, no whitespace tricks. One
 * predicate for the desktop shell and the web build; its hostile-input
 * table is in electron/main/security.test.ts.
 */

/** The WHATWG URL parser, present in every runtime shared/ runs in (shared/ compiles without DOM or Node types). */
type ParsedUrl = { protocol: string; username: string; password: string; hostname: string };
const UrlParser = (globalThis as unknown as { URL: new (input: string) => ParsedUrl }).URL;

export function isSafeExternalUrl(url: string): boolean {
  if (typeof url !== 'string') return false;
  // The URL parser forgives stray whitespace and control characters; we do not.
  if (url !== url.trim() || [...url].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)) return false;
  let parsed: ParsedUrl;
  try {
    parsed = new UrlParser(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:') return false;
  if (parsed.username || parsed.password) return false;
  if (!parsed.hostname || parsed.hostname === 'localhost' || !parsed.hostname.includes('.')) return false;
  return url.length <= 2048;
}
