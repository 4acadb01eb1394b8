import { useAppStore } from '../../app/store';
import { formatClockTime, formatSpan } from '../../time/format';
import { useNow } from '../../time/ticker';
import type { SyncStatus } from './sync-slice';

function describe(status: SyncStatus): { state: string; label: string } {
  switch (status.kind) {
    case 'idle':
      return { state: 'online', label: 'Online' };
    case 'syncing':
      return { state: 'syncing', label: status.changes ? `Syncing… ${status.changes} changes` : 'Syncing…' };
    case 'offline':
      return { state: 'offline', label: 'Offline: showing local data' };
    case 'unauthorized':
      return { state: 'unauthorized', label: 'Session expired: sign in again to sync' };
    case 'error':
      return { state: 'error', label: `Sync error: ${status.message}` };
  }
}

/** Online/offline state and when the queue last matched the server. */
export function SyncIndicator({ onSyncNow, onSignIn }: { onSyncNow: () => void; onSignIn: () => void }) {
  const status = useAppStore((s) => s.syncStatus);
  const lastSyncedAt = useAppStore((s) => s.lastSyncedAt);
  const unreadable = useAppStore((s) => s.unreadableChanges);
  const now = useNow();
  const { state, label } = describe(status);
  return (
    <div className={`sync sync--${state}`} data-sync-state={state}>
      <span role="status" aria-live="polite" className="sync-label">
        <span className="sync-dot" aria-hidden="true" />
        {label}
      </span>
      <span className="sync-last">
        {lastSyncedAt === null
          ? 'Never synced'
          : `Last synced ${formatClockTime(lastSyncedAt)} (${formatSpan(Math.max(0, now - lastSyncedAt))} ago)`}
      </span>
      {unreadable > 0 && (
        <span
          className="sync-unreadable"
          title="This version of Tierdesk could not read them (data from a newer server, or damaged records) and skipped them, so something may be missing here. Update Tierdesk, or tell your administrator."
        >
          ⚠ {unreadable.toLocaleString()} change{unreadable === 1 ? '' : 's'} from the server could not be read
        </span>
      )}
      {status.kind === 'unauthorized' ? (
        <button type="button" onClick={onSignIn}>
          Sign in
        </button>
      ) : (
        <button type="button" onClick={onSyncNow} disabled={status.kind === 'syncing'}>
          Sync now
        </button>
      )}
    </div>
  );
}
