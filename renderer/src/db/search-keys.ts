import type { Ticket } from '../../../shared/model/ticket';

/**
 * Keys of the multi-entry `*keys` index on tickets: search words and filter
 * facets in one index, so a filter or a search word is one index lookup
 * (never a scan of the tickets). Words are lowercase letters and digits
 * (an email keeps its @ and dots); facets start with "#", which no word
 * does, so a typed prefix ("pa", "do") can never match a facet:
 *
 *   #c:<category>  #s:<severity>  #p:<priority>  #vip     (open tickets)
 *   #pa:<group>    waiting for acceptance in the group     (open tickets)
 *   #ps:<group>    a clock is paused, in the group         (open tickets)
 *   #sk:<group>    a tier skip waits for a lead's approval (open tickets)
 *   #done          resolved or closed
 *
 * Every index entry costs time on each sync write (a bootstrap writes 100k
 * tickets; this index roughly doubles the cost of writing one), so the set
 * is kept small: a closed ticket gets only #done (every view and search is
 * of open tickets; a closed one is still found by its number), the category
 * is a facet rather than a word, and the requester filter reuses the words
 * of the name and email.
 */
export const FACET = {
  category: (id: string) => `#c:${id}`,
  severity: (s: string) => `#s:${s}`,
  priority: (p: string) => `#p:${p}`,
  vip: '#vip',
  pendingIn: (group: string) => `#pa:${group}`,
  pausedIn: (group: string) => `#ps:${group}`,
  skipRequestedIn: (group: string) => `#sk:${group}`,
  /** A requester word (name word or whole email), apart from the same word in a title: what the Requester filter looks up. */
  requester: (word: string) => `#r:${word}`,
  done: '#done',
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

/** INC-000123 is found as "123" (a typed number loses its leading zeros the same way); NEW-… as typed. */
function numberWord(number: string): string {
  const digits = /^INC-(\d+)$/.exec(number)?.[1];
  return digits ? String(Number(digits)) : number.toLowerCase();
}

/** The indexed words of a requester: their name's words and the whole email (what the Requester filter matches). */
export function requesterWords(requester: Ticket['requester']): string[] {
  return [...wordsOf(requester.name), fold(requester.email)];
}

export function searchKeysOf(ticket: Ticket, open: boolean): string[] {
  if (!open) return [FACET.done];
  const keys = new Set<string>([
    numberWord(ticket.number),
    ...wordsOf(ticket.title),
    ...wordsOf(ticket.service),
    ...requesterWords(ticket.requester),
  ]);
  keys.add(FACET.category(ticket.category));
  keys.add(FACET.severity(ticket.severity));
  keys.add(FACET.priority(ticket.priority));
  if (ticket.requester.vip) keys.add(FACET.vip);
  if (ticket.status === 'pending_acceptance') keys.add(FACET.pendingIn(ticket.group));
  const { response, resolution, acceptance } = ticket.sla;
  if (response.state === 'paused' || resolution.state === 'paused' || acceptance?.state === 'paused') keys.add(FACET.pausedIn(ticket.group));
  if (ticket.skipRequest) keys.add(FACET.skipRequestedIn(ticket.group));
  for (const word of requesterWords(ticket.requester)) keys.add(FACET.requester(word));
  return [...keys];
}

/**
 * A typed query as index prefixes: each word must match the start of some
 * indexed key. "INC-000123" and "inc-123" look up the number; an email is
 * kept whole. Words under two characters are dropped (they would match
 * half the desk), except digits: "7" finds INC-000007.
 */
export function queryWords(query: string): string[] {
  const out = new Set<string>();
  for (const raw of fold(query).trim().split(/\s+/)) {
    if (!raw) continue;
    const number = /^(?:inc-?)?0*(\d+)$/.exec(raw);
    if (number) out.add(number[1] || '0');
    else if (raw.includes('@')) out.add(raw);
    else for (const w of wordsOf(raw)) out.add(w);
  }
  return [...out];
}
