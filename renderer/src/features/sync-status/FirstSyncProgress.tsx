import { useAppStore } from '../../app/store';

/**
 * The first sync of a big desk takes a while (100k tickets): a progress bar
 * with what has arrived so far, until the first sync completes. The server
 * counts the changes of a bootstrap on its first page; until then the bar is
 * indeterminate. The agent's own most urgent tickets come first (a
 * first-work answer ahead of the pages), and the bar says when they are in.
 */
export function FirstSyncProgress() {
  const status = useAppStore((s) => s.syncStatus);
  const lastSyncedAt = useAppStore((s) => s.lastSyncedAt);
  if (lastSyncedAt !== null || status.kind !== 'syncing') return null;
  return (
    <div className="first-sync" role="status">
      <label htmlFor="first-sync-bar">
        {status.firstWork !== undefined
          ? `First sync: your most urgent tickets are here (${status.firstWork.toLocaleString()}); downloading the rest of the desk…`
          : "First sync: downloading the desk's tickets to this computer…"}{' '}
        {status.total
          ? `${status.changes.toLocaleString()} of ${status.total.toLocaleString()} changes`
          : status.changes
            ? `${status.changes.toLocaleString()} changes so far`
            : ''}
      </label>
      {status.total ? (
        <progress id="first-sync-bar" aria-label="First sync progress" max={status.total} value={status.changes} />
      ) : (
        <progress id="first-sync-bar" aria-label="First sync progress" />
      )}
    </div>
  );
}
