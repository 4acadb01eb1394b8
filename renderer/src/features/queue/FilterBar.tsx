import { PRIORITIES, SEVERITIES, type Priority, type Severity } from '../../../../shared/model/levels';
import { getActivePolicy } from '../../app/policy';
import { useAppStore } from '../../app/store';
import { hasFilters } from './query/filter-ids';
import { sortsFor, type QueueSort } from './query/ticket-query';
import { sortOf } from './queue-slice';

export const SEARCH_INPUT_ID = 'queue-search';

const SORT_LABEL: Record<QueueSort, string> = { due: 'Time to breach', priority: 'Priority', created: 'Newest first', updated: 'Recently updated' };

/** Sort, filters and search for the queue; every control is labelled and reachable by Tab (and / jumps to the search). */
export function FilterBar() {
  const filters = useAppStore((s) => s.filters);
  const view = useAppStore((s) => s.view);
  const sort = useAppStore(sortOf);
  const setFilters = useAppStore((s) => s.setFilters);
  const setSort = useAppStore((s) => s.setSort);
  const clearFilters = useAppStore((s) => s.clearFilters);
  const categories = getActivePolicy().policy.categories;

  return (
    <div className="filters" role="search" aria-label="Filter the queue">
      <input
        id={SEARCH_INPUT_ID}
        type="search"
        className="search"
        placeholder="Search number, title, requester, service  ( / )"
        aria-label="Search tickets"
        value={filters.text}
        onChange={(e) => setFilters({ text: e.target.value })}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            setFilters({ text: '' });
            e.currentTarget.blur();
          }
        }}
      />
      <label>
        Sort
        <select value={sort} onChange={(e) => setSort(e.target.value as QueueSort)}>
          {sortsFor(view).map((s) => (
            <option key={s} value={s}>
              {SORT_LABEL[s]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Category
        <select value={filters.category ?? ''} onChange={(e) => setFilters({ category: e.target.value || null })}>
          <option value="">Any</option>
          {categories.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        Severity
        <select value={filters.severity ?? ''} onChange={(e) => setFilters({ severity: (e.target.value || null) as Severity | null })}>
          <option value="">Any</option>
          {SEVERITIES.map((s) => (
            <option key={s}>{s}</option>
          ))}
        </select>
      </label>
      <label>
        Priority
        <select value={filters.priority ?? ''} onChange={(e) => setFilters({ priority: (e.target.value || null) as Priority | null })}>
          <option value="">Any</option>
          {PRIORITIES.map((p) => (
            <option key={p}>{p}</option>
          ))}
        </select>
      </label>
      <label>
        Requester
        <input type="text" size={12} value={filters.requester} placeholder="name or email" onChange={(e) => setFilters({ requester: e.target.value })} />
      </label>
      <label className="check">
        <input type="checkbox" checked={filters.vip} onChange={(e) => setFilters({ vip: e.target.checked })} /> VIP only
      </label>
      {hasFilters(filters) && (
        <button type="button" onClick={clearFilters}>
          Clear filters
        </button>
      )}
    </div>
  );
}
