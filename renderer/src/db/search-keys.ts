import type { Ticket } from '../../../shared/model/ticket';

/**
 * Keys of the multi-entry `*keys` index on tickets: search words and filter
 * facets in one index, so a filter or a search word is one index lookup
 * (never a scan of the tickets). Words are bare (letters and digits only);
 * facets carry a prefix with a colon, which a word can never contain, so the
 * two cannot collide:
 *
 *   c:<category>  s:<severity>  p:<priority>  vip      (open tickets)
 *   pa:<tier>     pending acceptance in a tier          (open tickets)
 *   paused        a clock is paused                     (open tickets)
 *   r:<word>      a word of the requester's name or email
 *   done          resolved or closed
 *
 * Closed tickets keep their words (to be found by number or text) but not
 * the facets: every view is of open tickets, and fewer index entries keep
 * the sync's writes cheap.
 */
export const FACET = {
  category: (id: string) => `c:${id}`,
  severity: (s: string) => `s:${s}`,
  priority: (p: string) => `p:${p}`,
  vip: 'vip',
  pendingIn: (tier: string) => `pa:${tier}`,
  paused: 'paused',
  requester: (word: string) => `r:${word}`,
  done: 'done',
} as const;

const MIN_WORD = 2;

/** Lowercase, accents removed: the same folding for indexed text and typed queries. */
export function fold(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

/** The words of a text as indexed: folded, split on anything but letters and digits, 2+ characters. */
export function wordsOf(text: string): string[] {
  return fold(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= MIN_WORD);
}

/** INC-000123 is found as "inc-000123", "000123" and "123"; NEW-… numbers as typed. */
function numberWords(number: string): string[] {
  const lower = number.toLowerCase();
  const digits = /^inc-(\d+)$/.exec(lower)?.[1];
  if (!digits) return [lower];
  return [lower, digits, String(Number(digits))];
}

function requesterWords(requester: Ticket['requester']): string[] {
  const email = fold(requester.email);
  return [...wordsOf(requester.name), ...wordsOf(email.split('@')[0] ?? ''), email];
}

export function searchKeysOf(ticket: Ticket, open: boolean): string[] {
  const keys = new Set<string>([
    ...numberWords(ticket.number),
    ...wordsOf(ticket.title),
    ...wordsOf(ticket.service),
    ...wordsOf(ticket.category),
  ]);
  for (const word of requesterWords(ticket.requester)) {
    keys.add(word);
    keys.add(FACET.requester(word));
  }
  if (!open) {
    keys.add(FACET.done);
    return [...keys];
  }
  keys.add(FACET.category(ticket.category));
  keys.add(FACET.severity(ticket.severity));
  keys.add(FACET.priority(ticket.priority));
  if (ticket.requester.vip) keys.add(FACET.vip);
  if (ticket.status === 'pending_acceptance') keys.add(FACET.pendingIn(ticket.tier));
  const { response, resolution, acceptance } = ticket.sla;
  if (response.state === 'paused' || resolution.state === 'paused' || acceptance?.state === 'paused') keys.add(FACET.paused);
  return [...keys];
}

/**
 * A typed query as index prefixes: each word must match the start of some
 * indexed key. "INC-000123" and "inc-123" look up the number; an email is
 * kept whole. Words under two characters are dropped (they would match
 * half the desk).
 */
export function queryWords(query: string): string[] {
  const out = new Set<string>();
  for (const raw of fold(query).trim().split(/\s+/)) {
    if (!raw) continue;
    const number = /^inc-?0*(\d+)$/.exec(raw);
    if (number) out.add(number[1]!);
    else if (raw.includes('@')) out.add(raw);
    else for (const w of wordsOf(raw)) out.add(w);
  }
  return [...out];
}
