import type { TierdeskDb } from '../../../db/db';
import type { ViewKey } from '../views';
import { filterSets, hasFilters, scanMatching, type QueueFilters } from './filter-ids';
import { cachedIds, rankOf, wholeIndex } from './key-cache';
import { openByDue, viewIds, withKey, type QueryContext } from './view-ids';
import { FACET } from '../../../db/search-keys';
import { PRIORITIES } from '../../../../../shared/model/levels';

export const SORTS = ['due', 'priority', 'created', 'updated'] as const;
export type QueueSort = (typeof SORTS)[number];

export type TicketQuery = { view: ViewKey; sort: QueueSort; filters: QueueFilters };

/** The orders a view offers: resolved tickets have no time to breach and no priority facet in the index. */
export function sortsFor(view: ViewKey): readonly QueueSort[] {
  return view === 'resolved' ? RESOLVED_SORTS : SORTS;
}

const RESOLVED_SORTS: readonly QueueSort[] = ['updated', 'created'];

/** A view's order until the agent picks another: time to breach for open work, most recent first for the resolved. */
export function defaultSort(view: ViewKey): QueueSort {
  return sortsFor(view)[0]!;
}

/** All tickets in `sort` order (ids only), from an index; cached until the tickets change. */
async function orderFor(db: TierdeskDb, sort: QueueSort, view: ViewKey): Promise<string[]> {
  // An order the view does not offer (see sortsFor) falls back to its default.
  if (!sortsFor(view).includes(sort)) return orderFor(db, defaultSort(view), view);
  switch (sort) {
    case 'due':
      return openByDue(db);
    case 'created':
      // Ticket numbers are handed out in creation order; NEW-… (created offline, newest) sort after INC-….
      return cachedIds(db, 'by-number-desc', wholeIndex('number'), true);
    case 'updated':
      return cachedIds(db, 'by-updated-desc', wholeIndex('updatedAt'), true);
    case 'priority': {
      // P1 first, time to breach within a priority: the due order split by the priority facets.
      const [due, ...byPriority] = await Promise.all([openByDue(db), ...PRIORITIES.map((p) => withKey(db, FACET.priority(p)))]);
      const bucket = new Map<string, number>();
      byPriority.forEach((ids, p) => ids.forEach((id) => bucket.set(id, p)));
      const buckets: string[][] = PRIORITIES.map(() => []);
      for (const id of due) buckets[bucket.get(id) ?? PRIORITIES.length - 1]!.push(id);
      return buckets.flat();
    }
  }
}

/**
 * The ids of a view with its filters, in the chosen order. Views and
 * filters are index lookups (see view-ids.ts, filter-ids.ts); combining is
 * set intersection on ids, and ordering a set ranks it against one cached
 * ordered id list, so no ticket record is read here at all. The exception
 * is a search or filter of Recently resolved, decided from the records.
 */
export async function runTicketQuery(db: TierdeskDb, query: TicketQuery, ctx: QueryContext): Promise<string[]> {
  if (query.view === 'attention') return [];
  if (query.view === 'resolved' && hasFilters(query.filters)) {
    // Resolved tickets carry no search words in the index: the view in order, then their records decide.
    const [done, order] = await Promise.all([viewIds(db, 'resolved', ctx), orderFor(db, query.sort, 'resolved')]);
    return scanMatching(db, sortByRank(done.ids, order), query.filters);
  }
  const [view, sets] = await Promise.all([viewIds(db, query.view, ctx), filterSets(db, query.filters)]);
  const inOrder = view.dueOrdered && query.sort === 'due';
  const order = () => (inOrder ? Promise.resolve(view.ids) : orderFor(db, query.sort, query.view));
  const [first, ...rest] = sets;
  if (first && first.size < view.ids.length) {
    // Start from the smaller side: a search for one requester in "All open" walks the requester's few ids.
    const inView = rankOf(view.ids);
    return sortByRank([...first].filter((id) => inView.has(id) && rest.every((s) => s.has(id))), await order());
  }
  const ids = sets.length ? view.ids.filter((id) => sets.every((s) => s.has(id))) : view.ids;
  return inOrder ? ids : sortByRank(ids, await order());
}

/** `ids` in the order of `order`; ids not in it (closed since, or not ranked) are dropped. */
function sortByRank(ids: readonly string[], order: string[]): string[] {
  const rank = rankOf(order);
  const ranked: Array<[number, string]> = [];
  for (const id of ids) {
    const r = rank.get(id);
    if (r !== undefined) ranked.push([r, id]);
  }
  return ranked.sort((a, b) => a[0] - b[0]).map(([, id]) => id);
}
