import type { Priority, Severity } from '../../../../../shared/model/levels';
import type { TierdeskDb } from '../../../db/db';
import { FACET, queryWords } from '../../../db/search-keys';
import { cachedIds, prefixRange } from './key-cache';
import { resolvedSearchFacts, type SearchFacts } from './resolved-search';
import { withKey } from './view-ids';

export type QueueFilters = {
  category: string | null;
  severity: Severity | null;
  priority: Priority | null;
  vip: boolean;
  /** Words of the requester's name or email. */
  requester: string;
  /** Free text: number, title, service, requester. */
  text: string;
};

export const NO_FILTERS: QueueFilters = { category: null, severity: null, priority: null, vip: false, requester: '', text: '' };

export function hasFilters(f: QueueFilters): boolean {
  return f.category !== null || f.severity !== null || f.priority !== null || f.vip || f.requester.trim() !== '' || f.text.trim() !== '';
}

/** Tickets with an indexed word starting with `prefix` (one range on the `*keys` index). */
function withPrefix(db: TierdeskDb, prefix: string): Promise<string[]> {
  return cachedIds(db, `prefix:${prefix}`, prefixRange('keys', prefix));
}

/**
 * Tickets whose requester has a name word (or email) starting with `word`:
 * one range over the requester facet (the same words also stand plain in
 * the index, for the free-text search, where a title's words are too).
 */
function requesterIds(db: TierdeskDb, word: string): Promise<string[]> {
  return withPrefix(db, FACET.requester(word));
}

/**
 * One id set per active filter, smallest first (so intersecting stops
 * early). Every set is an index lookup; a word of the search or of the
 * requester is a prefix range, so "vp" already finds VPN tickets while the
 * agent types.
 */
export async function filterSets(db: TierdeskDb, filters: QueueFilters): Promise<Set<string>[]> {
  const lookups: Promise<string[]>[] = [];
  if (filters.category) lookups.push(withKey(db, FACET.category(filters.category)));
  if (filters.severity) lookups.push(withKey(db, FACET.severity(filters.severity)));
  if (filters.priority) lookups.push(withKey(db, FACET.priority(filters.priority)));
  if (filters.vip) lookups.push(withKey(db, FACET.vip));
  for (const word of queryWords(filters.requester)) lookups.push(requesterIds(db, word));
  for (const word of queryWords(filters.text)) lookups.push(withPrefix(db, word));
  const lists = await Promise.all(lookups);
  return lists.map((ids) => new Set(ids)).sort((a, b) => a.size - b.size);
}

/**
 * The filters decided from a ticket's search facts, with the index's meaning:
 * the same facets, and each typed word the start of one of the words an open
 * ticket is indexed under (number, title, service, requester).
 */
export function matchesFilters(facts: SearchFacts, filters: QueueFilters): boolean {
  return matcherOf(filters)(facts);
}

/** matchesFilters for many tickets: the typed words are read once, not once per ticket. */
function matcherOf(filters: QueueFilters): (facts: SearchFacts) => boolean {
  const requester = queryWords(filters.requester);
  const text = queryWords(filters.text);
  const startsSome = (words: readonly string[]) => (q: string) => words.some((w) => w.startsWith(q));
  return (facts) => {
    if (filters.category !== null && facts.category !== filters.category) return false;
    if (filters.severity !== null && facts.severity !== filters.severity) return false;
    if (filters.priority !== null && facts.priority !== filters.priority) return false;
    if (filters.vip && !facts.vip) return false;
    return requester.every(startsSome(facts.requester)) && text.every(startsSome(facts.words));
  };
}

/** Of `ids` (resolved tickets, kept in their order), those that match the filters, decided from their search facts (resolved-search.ts). */
export async function scanMatching(db: TierdeskDb, ids: readonly string[], filters: QueueFilters): Promise<string[]> {
  const facts = await resolvedSearchFacts(db, ids);
  const matches = matcherOf(filters);
  return ids.filter((_, i) => facts[i] !== undefined && matches(facts[i]));
}
