import { Dexie } from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useSyncExternalStore } from 'react';
import type { Agent, Group } from '../../../../shared/model/agent';
import type { Tier } from '../../../../shared/model/levels';
import { firstListShown } from '../../app/after-first-list';
import type { TierdeskDb } from '../../db/db';
import type { TicketRecord } from '../../db/ticket-record';
import { useDebounced } from '../../time/use-debounced';
import { useMinute } from '../../time/use-minute';
import { useForecastRisk } from './forecast/forecast-store';
import { hasFilters, type QueueFilters } from './query/filter-ids';
import { listEpoch, subscribeListEpoch } from './query/key-cache';
import { runTicketQuery, type QueueSort } from './query/ticket-query';
import type { ViewKey } from './views';

/** Rows read straight from the view's index while the full id list loads: the first paint does not wait for 100k ids. */
export const HEAD_ROWS = 40;
const SEARCH_DEBOUNCE_MS = 150;
const TIMED_VIEWS: ReadonlySet<ViewKey> = new Set(['risk', 'breached']);

export type TicketList = {
  /** Every id of the view in order; undefined while loading. */
  ids: string[] | undefined;
  /** The first rows, for the first paint (unfiltered index-ordered views only). */
  head: TicketRecord[] | undefined;
  /** `ids` answer the previous filters of this view; the new answer is loading (or typing has not paused yet). */
  stale: boolean;
};

function headQuery(db: TierdeskDb, view: ViewKey, agentId: string) {
  const range = (index: string, value: string) => db.tickets.where(index).between([1, value, Dexie.minKey], [1, value, Dexie.maxKey]);
  if (view === 'mine') return range('[open+assignee+nextDueAt]', agentId);
  if (view === 'all') return db.tickets.where('[open+nextDueAt]').between([1, Dexie.minKey], [1, Dexie.maxKey]);
  if (view.startsWith('group:')) return range('[open+group+nextDueAt]', view.slice('group:'.length));
  if (view.startsWith('tier:')) return range('[open+tier+nextDueAt]', view.slice('tier:'.length) as Tier);
  return null;
}

/**
 * The queue's tickets for a view, order and filters, live: re-read when the
 * tickets change, when typing in the search pauses, and each minute for
 * the views that depend on the time.
 */
export function useTicketList(db: TierdeskDb, agent: Agent, groups: readonly Group[], view: ViewKey, sort: QueueSort, filters: QueueFilters): TicketList {
  const settled = useDebounced(filters, filters.text === '' && filters.requester === '' ? 0 : SEARCH_DEBOUNCE_MS);
  const minute = useMinute();
  // Only the time-dependent views re-run each minute.
  const tick = TIMED_VIEWS.has(view) ? minute : 0;
  const forecastRisk = useForecastRisk();
  const riskIds = view === 'risk' ? forecastRisk : EMPTY;
  const key = JSON.stringify([view, sort, settled]);

  const simple = sort === 'due' && !hasFilters(settled);
  // Results carry the query they answer: a live query keeps its previous result
  // while the next one loads, and the last view's rows must never show under
  // the new view's heading.
  const headKey = simple ? `${view}:${agent.id}` : null;
  const head = useLiveQuery(
    async () => (headKey ? { key: headKey, rows: (await headQuery(db, view, agent.id)?.limit(HEAD_ROWS).toArray()) ?? null } : null),
    [db, view, agent.id, headKey],
  );
  const headRows = head && head.key === headKey ? head.rows : undefined;
  // The first rows of any list are on screen: work waiting for that may start (after-first-list.ts).
  useEffect(() => {
    if (head !== undefined) firstListShown();
  }, [head]);
  // The full id list (up to every open ticket) is read after the first rows:
  // IndexedDB serves requests in order, and the head must not wait behind it.
  const headReady = head !== undefined;
  // A cached id list a write dropped (a ticket left or joined it anywhere in the list).
  const lists = useSyncExternalStore(subscribeListEpoch, listEpoch);
  const result = useLiveQuery(
    async () =>
      headReady
        ? { key, view, ids: await runTicketQuery(db, { view, sort, filters: settled }, { agent, groups, nowMs: minute, forecastRisk: riskIds }) }
        : undefined,
    // `key` stands for view, sort and the settled filters; `tick` for the minute where it matters.
    [db, agent, groups, key, tick, riskIds, headReady, lists],
  );
  // Within one view, the previous filter's rows stay (marked stale) while the new ones load: no flash of "Loading…" per keystroke.
  const ids = result?.view === view ? result.ids : undefined;
  return { ids, head: headRows ?? undefined, stale: ids !== undefined && (result?.key !== key || settled !== filters) };
}

const EMPTY: ReadonlySet<string> = new Set();
