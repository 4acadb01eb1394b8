import type { Agent, Group } from '../../../../shared/model/agent';
import { useAppStore } from '../../app/store';
import type { ViewCounts } from './query/view-counts';
import { queueViews, viewLabel, type ViewKey } from './views';

const MAIN: Array<{ view: ViewKey; keys?: string }> = [
  { view: 'mine', keys: 'g m' },
  { view: 'pending', keys: 'g a' },
  { view: 'risk', keys: 'g r' },
  { view: 'breached', keys: 'g b' },
  { view: 'paused', keys: 'g p' },
  { view: 'approvals', keys: 'g s' },
  { view: 'attention', keys: 'g n' },
];

function Item({ view, label, count, keys }: { view: ViewKey; label: string; count: number | null | undefined; keys?: string | undefined }) {
  const current = useAppStore((s) => s.view);
  const setView = useAppStore((s) => s.setView);
  return (
    <li>
      <button
        type="button"
        className="nav-item"
        aria-current={current === view ? 'page' : undefined}
        aria-keyshortcuts={keys}
        onClick={() => setView(view)}
        data-view={view}
      >
        <span className="nav-label">{label}</span>
        {count !== null && (
          <span className={`nav-count${view === 'attention' && count ? ' nav-count--alert' : ''}`} aria-label={count === undefined ? 'counting' : `${count} tickets`}>
            {count === undefined ? '…' : count.toLocaleString()}
          </span>
        )}
      </button>
    </li>
  );
}

/** The views with live counts: my work first, then queues per group and tier. */
export function ViewNav({ agent, groups, counts }: { agent: Agent; groups: readonly Group[]; counts: ViewCounts }) {
  return (
    <nav className="view-nav" aria-label="Views">
      <ul>
        {MAIN.map(({ view, keys }) => (
          <Item key={view} view={view} label={viewLabel(view, groups)} count={counts[view]} keys={keys} />
        ))}
      </ul>
      <h2 className="nav-heading">Queues</h2>
      <ul>
        {queueViews(agent, groups).map((view) => (
          <Item key={view} view={view} label={viewLabel(view, groups)} count={counts[view]} {...(view === `group:${agent.groups[0]}` ? { keys: 'g q' } : {})} />
        ))}
        <Item view="all" label={viewLabel('all')} count={counts.all} />
        <Item view="resolved" label={viewLabel('resolved')} count={null} />
      </ul>
    </nav>
  );
}
