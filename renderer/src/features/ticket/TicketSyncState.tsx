import { useLiveQuery } from 'dexie-react-hooks';
import { useDb } from '../../app/db-context';
import { useAppStore } from '../../app/store';
import type { TicketRecord } from '../../db/ticket-record';
import { formatSpan } from '../../time/format';
import { useNow } from '../../time/ticker';
import { mutationLabel } from '../needs-attention/describe-mutation';

/** Whether what the agent sees here is on the server yet: pending actions with their age, refused ones with a way to them. */
export function TicketSyncState({ ticket }: { ticket: TicketRecord }) {
  const db = useDb();
  const now = useNow();
  const setView = useAppStore((s) => s.setView);
  const pending = useLiveQuery(() => db.outbox.where('ticketId').equals(ticket.id).sortBy('id'), [db, ticket.id]);
  const refused = useLiveQuery(() => db.needsAttention.where('ticketId').equals(ticket.id).count(), [db, ticket.id]);
  return (
    <div className="ticket-sync" role="status" data-sync={pending?.length ? 'pending' : 'synced'}>
      {ticket.origin === 'local' && <span className="badge badge--pending">Created offline, not on the server yet</span>}
      {pending && pending.length > 0 ? (
        <span>
          Waiting to sync: {pending.map((p) => `${mutationLabel(p.name)} (${formatSpan(Math.max(0, now - p.queuedAt))} ago)`).join(', ')}
        </span>
      ) : (
        <span>All changes synced</span>
      )}
      {refused ? (
        <button type="button" className="link" onClick={() => setView('attention')}>
          {refused} refused action{refused > 1 ? 's' : ''} need{refused > 1 ? '' : 's'} attention
        </button>
      ) : null}
    </div>
  );
}
