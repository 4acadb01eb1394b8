import { useAppStore } from '../../app/store';

/**
 * The first sync of a big desk takes a while (100k tickets): a progress bar
 * with what has arrived so far, until the first sync completes. The server
 * counts what a bootstrap brings on its first page (tickets of a snapshot,
 * or changes of its change log); until then the bar is indeterminate. The
 * agent's own most urgent tickets come first (a first-work answer ahead of
 * the pages), and the bar says when they are in.
 */
export function FirstSyncProgress() {
  const status = useAppStore((s) => s.syncStatus);
  const lastSyncedAt = useAppStore((s) => s.lastSyncedAt);
  if (lastSyncedAt !== null || status.kind !== 'syncing') return null;
  // A server with snapshots sends the desk ticket by ticket (then the changes since, which are few); an older one, its change log.
  const done = status.snapshot
    ? { count: status.snapshot.tickets, total: status.snapshot.total, unit: 'tickets' }
    : { count: status.changes, total: status.total, unit: 'changes' };
  return (
    <div className="first-sync" role="status">
      <label htmlFor="first-sync-bar">
        {status.firstWork !== undefined
          ? `First sync: your most urgent tickets are here (${status.firstWork.toLocaleString()}); downloading the rest of the desk…`
          : "First sync: downloading the desk's tickets to this computer…"}{' '}
        {done.total ? `${done.count.toLocaleString()} of ${done.total.toLocaleString()} ${done.unit}` : done.count ? `${done.count.toLocaleString()} ${done.unit} so far` : ''}
      </label>
      {done.total ? (
        <progress id="first-sync-bar" aria-label="First sync progress" max={done.total} value={done.count} />
      ) : (
        <progress id="first-sync-bar" aria-label="First sync progress" />
      )}
    </div>
  );
}
