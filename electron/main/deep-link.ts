import type { OpenTicketEvent } from '../../shared/ipc/contract';

/**
 * Deep links: tierdesk://ticket/INC-000123 opens that ticket. Links come
 * from anywhere (a chat message, a web page, another program's argv), so
 * the parser accepts exactly one shape and nothing near it.
 */
export const DEEP_LINK_SCHEME = 'tierdesk';

const PREFIX = `${DEEP_LINK_SCHEME}://`;
const REST_RE = /^ticket\/(INC-[0-9]{6,12})\/?$/;
const MAX_LINK_LENGTH = 64;

export function parseDeepLink(url: string): OpenTicketEvent | null {
  if (typeof url !== 'string' || url.length > MAX_LINK_LENGTH) return null;
  // Only the scheme may vary in case (some launchers upper-case it); host and number are exact.
  if (url.slice(0, PREFIX.length).toLowerCase() !== PREFIX) return null;
  const match = REST_RE.exec(url.slice(PREFIX.length));
  return match ? { ticketNumber: match[1]! } : null;
}

/** The first deep link in a command line (first launch, or a second instance's argv on Windows/Linux). */
export function findDeepLink(argv: readonly string[]): OpenTicketEvent | null {
  for (const arg of argv) {
    if (typeof arg === 'string' && arg.toLowerCase().startsWith(`${DEEP_LINK_SCHEME}:`)) return parseDeepLink(arg);
  }
  return null;
}
