import { useLiveQuery } from 'dexie-react-hooks';
import { useDb } from '../../app/db-context';
import { useAppStore } from '../../app/store';

/**
 * The last few actions of this session with their state: waiting to sync
 * (still in the outbox), synced (the server applied it), or refused (moved
 * to Needs attention with its text).
 */
export function RecentActions() {
  const db = useDb();
  const recent = useAppStore((s) => s.recent);
  const dismiss = useAppStore((s) => s.dismissRecent);
  const setView = useAppStore((s) => s.setView);
  const state = useLiveQuery(async () => {
    const ids = recent.map((r) => r.mutationId);
    const [pending, refused] = await Promise.all([db.outbox.bulkGet(ids), db.needsAttention.bulkGet(ids)]);
    return new Map(ids.map((id, i) => [id, refused[i] ? 'refused' : pending[i] ? 'pending' : 'synced'] as const));
  }, [db, recent]);
  if (!recent.length) return null;
  return (
    <ul className="recent-actions" aria-label="Your recent actions" aria-live="polite">
      {recent.map((r) => {
        const s = state?.get(r.mutationId) ?? 'pending';
        return (
          <li key={r.mutationId} className={`recent recent--${s}`} data-action-state={s}>
            <span>{r.label}</span>{' '}
            <span className="recent-state">{s === 'pending' ? 'waiting to sync' : s === 'synced' ? 'synced' : 'refused'}</span>
            {s === 'refused' && (
              <button type="button" className="link" onClick={() => setView('attention')}>
                Open Needs attention
              </button>
            )}
            <button type="button" className="icon" aria-label={`Dismiss: ${r.label}`} onClick={() => dismiss(r.mutationId)}>
              ×
            </button>
          </li>
        );
      })}
    </ul>
  );
}
