import { useLiveQuery } from 'dexie-react-hooks';
import { useDb } from '../../app/db-context';

/** In a dialog editing a refused action: why the server refused it, so the agent fixes the right thing. */
export function RefusedNotice({ refusedId, then }: { refusedId: number | undefined; then?: string }) {
  const db = useDb();
  const row = useLiveQuery(async () => (refusedId === undefined ? undefined : db.needsAttention.get(refusedId)), [db, refusedId]);
  if (!row) return null;
  return (
    <p className="form-note" role="status">
      Refused by the server: {row.reason}
      {row.field ? ` (field: ${row.field})` : ''}. {then ?? 'Change what it says and send again; your text is kept until then.'}
    </p>
  );
}
