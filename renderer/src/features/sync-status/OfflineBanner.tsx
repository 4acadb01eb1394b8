import { useAppStore } from '../../app/store';
import { useDb } from '../../app/db-context';
import { formatSpan } from '../../time/format';
import { useNow } from '../../time/ticker';
import { ExportOutboxButton } from './ExportOutboxButton';
import { useOutboxSummary } from './use-outbox-summary';

/**
 * While the server cannot be reached: that the agent is offline, that their
 * work is kept here, how much waits and for how long. Also shown online
 * when work has waited long (a stuck outbox should not hide).
 */
export function OfflineBanner() {
  const db = useDb();
  const status = useAppStore((s) => s.syncStatus);
  const summary = useOutboxSummary(db);
  const now = useNow();
  const offline = status.kind === 'offline';
  if (!offline || !summary) return null;
  const waiting =
    summary.count === 0
      ? 'Nothing is waiting to sync.'
      : `${summary.count} change${summary.count > 1 ? 's' : ''} waiting to sync${summary.oldestQueuedAt !== null ? `, the oldest for ${formatSpan(Math.max(0, now - summary.oldestQueuedAt))}` : ''}.`;
  return (
    <div className="offline-banner" role="region" aria-label="Offline">
      <strong>You are offline.</strong> Everything you do is saved on this computer and sent when the connection is back. {waiting}{' '}
      <span className="subtitle">Offline since {formatSpan(Math.max(0, now - status.since))}.</span> <ExportOutboxButton />
    </div>
  );
}
