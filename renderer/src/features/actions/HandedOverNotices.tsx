import { useLiveQuery } from 'dexie-react-hooks';
import { useDb } from '../../app/db-context';
import { useAppStore } from '../../app/store';
import { agentName, useAgents } from '../../db/use-directory';

/**
 * "Jordan Blake gave you INC-000086": tickets someone else gave this agent,
 * as the sync brings them (a lead rebalancing the queue, a colleague off
 * sick), with the reason. Open goes to the ticket; each stays until opened
 * or dismissed. The ticket is in My work either way.
 */
export function HandedOverNotices() {
  const db = useDb();
  const list = useAppStore((s) => s.handedOver);
  const dismiss = useAppStore((s) => s.dismissHandedOver);
  const openDetail = useAppStore((s) => s.openDetail);
  const agents = useAgents(db);
  const tickets = useLiveQuery(async () => new Map((await db.tickets.bulkGet(list.map((h) => h.ticketId))).flatMap((t) => (t ? [[t.id, t] as const] : []))), [db, list]);
  if (!list.length) return null;
  return (
    <ul className="handed-over" aria-label="Tickets given to you" aria-live="polite">
      {list.map((h) => {
        const ticket = tickets?.get(h.ticketId);
        const label = ticket ? `${ticket.number}: ${ticket.title}` : 'a ticket';
        return (
          <li key={h.ticketId} className="recent">
            <span>
              {agentName(agents, h.by)} gave you {label} — {h.reason}
            </span>{' '}
            {ticket && (
              <button
                type="button"
                className="link"
                onClick={() => {
                  openDetail(h.ticketId);
                  dismiss(h.ticketId);
                }}
              >
                Open {ticket.number}
              </button>
            )}
            <button type="button" className="icon" aria-label={`Dismiss: ${label}`} onClick={() => dismiss(h.ticketId)}>
              ×
            </button>
          </li>
        );
      })}
    </ul>
  );
}
