import { useEffect } from 'react';
import type { Agent, Group } from '../../../../shared/model/agent';
import { useAppStore } from '../../app/store';
import { useDb } from '../../app/db-context';
import { useAgents } from '../../db/use-directory';
import { NeedsAttentionView } from '../needs-attention/NeedsAttentionView';
import { FilterBar } from './FilterBar';
import { QueueList } from './QueueList';
import { hasFilters } from './query/filter-ids';
import { sortOf } from './queue-slice';
import type { ViewCounts } from './query/view-counts';
import { useTicketList } from './use-ticket-list';
import { setVisibleList } from './visible-list';
import { emptyText, viewLabel } from './views';

/** The selected view: heading with its count, sort and filters, and the list (or what to do when it is empty). */
export function QueueView({ agent, groups, counts }: { agent: Agent; groups: readonly Group[]; counts?: ViewCounts }) {
  const db = useDb();
  const view = useAppStore((s) => s.view);
  const sort = useAppStore(sortOf);
  const filters = useAppStore((s) => s.filters);
  const selectedId = useAppStore((s) => s.selectedId);
  const openDetail = useAppStore((s) => s.openDetail);
  const agents = useAgents(db);
  const { ids, head, stale } = useTicketList(db, agent, groups, view, sort, filters);
  const label = viewLabel(view, groups);
  const shownIds = ids ?? head?.map((t) => t.id);
  useEffect(() => setVisibleList(shownIds ?? []), [shownIds]);

  if (view === 'attention') return <NeedsAttentionView />;

  const shown = ids ?? head;
  return (
    <section className="queue" aria-labelledby="queue-heading">
      <div className="queue-toolbar">
        <h1 id="queue-heading" className="queue-heading">
          {label}
          <span className="count" aria-busy={stale || ids === undefined}>
            {' '}
            ({ids && !stale ? ids.length.toLocaleString() : !hasFilters(filters) && counts?.[view] !== undefined ? counts[view].toLocaleString() : '…'})
          </span>
        </h1>
        <FilterBar />
      </div>
      {shown === undefined ? (
        <p className="empty loading" role="status">
          Loading the local queue…
        </p>
      ) : shown.length === 0 && ids !== undefined ? (
        <p className="empty" role="status">
          {emptyText(view, hasFilters(filters))}
        </p>
      ) : (
        // Keyed by view: a new view starts at its top, not at the old scroll offset.
        <QueueList
          key={view}
          ids={ids}
          head={head}
          meId={agent.id}
          label={label}
          agents={agents}
          groups={groups}
          selectedId={selectedId}
          acceptanceColumn={view === 'pending'}
          onOpen={openDetail}
        />
      )}
    </section>
  );
}
