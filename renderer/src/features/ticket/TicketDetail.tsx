import type { Agent, Group } from '../../../../shared/model/agent';
import { useDb } from '../../app/db-context';
import { useAppStore } from '../../app/store';
import { useAgents } from '../../db/use-directory';
import { KnowledgePanel } from '../knowledge/KnowledgePanel';
import { RequesterHistory, RequesterTickets } from '../requester/RequesterTickets';
import { useKb } from '../knowledge/use-kb';
import { ActionBar } from './ActionBar';
import { SkipRequestPanel } from './SkipRequestPanel';
import { AuditTrail } from './AuditTrail';
import { HandoffPanel } from './HandoffPanel';
import { TicketFields } from './TicketFields';
import { TicketSyncState } from './TicketSyncState';
import { Timeline } from './Timeline';
import { TicketClocks } from './TicketClocks';
import { useTicket, useTicketEvents } from './use-ticket';

const NO_KB = new Map();

/** The open ticket: what it is, where its clocks stand and why, what to try (knowledge), what happened (timeline), and the actions. */
export function TicketDetail({ ticketId, agent, groups }: { ticketId: string; agent: Agent; groups: readonly Group[] }) {
  const db = useDb();
  const ticket = useTicket(db, ticketId);
  const events = useTicketEvents(db, ticketId);
  const agents = useAgents(db);
  const kb = useKb(db);
  const close = useAppStore((s) => s.closeDetail);

  if (ticket === undefined) return <aside className="detail" aria-label="Ticket" aria-busy="true" />;
  if (ticket === null) {
    return (
      <aside className="detail" aria-label="Ticket">
        <p className="empty">This ticket is not on this computer (any more). Pick another from the list.</p>
        <button type="button" onClick={close}>
          Close
        </button>
      </aside>
    );
  }
  return (
    <aside className="detail" aria-labelledby="detail-heading" data-detail={ticket.number} tabIndex={-1}>
      <header className="detail-head">
        <div>
          <p className="detail-number">
            {ticket.requester.vip && (
              <span className="vip" aria-label="VIP requester" title="VIP requester">
                ★
              </span>
            )}
            {ticket.number} <span className={`badge badge--${ticket.priority}`}>{ticket.priority}</span>
            <span className="badge badge--severity">{ticket.severity}</span>
          </p>
          <h2 id="detail-heading">{ticket.title}</h2>
        </div>
        <button type="button" className="icon" aria-label="Close the ticket (Esc)" onClick={close}>
          ×
        </button>
      </header>
      <TicketSyncState ticket={ticket} />
      <ActionBar ticket={ticket} agent={agent} />
      <SkipRequestPanel ticket={ticket} agent={agent} agents={agents} kb={kb?.articles ?? NO_KB} />
      <TicketClocks ticket={ticket} events={events} />
      {events && <HandoffPanel ticket={ticket} events={events} agents={agents} kb={kb?.articles ?? NO_KB} />}
      {ticket.description && <p className="description">{ticket.description}</p>}
      <TicketFields ticket={ticket} agents={agents} groups={groups} meId={agent.id} />
      <RequesterTickets ticket={ticket} groups={groups} />
      <RequesterHistory ticket={ticket} />
      {events && <KnowledgePanel ticket={ticket} events={events} />}
      {events && <Timeline events={events} agents={agents} kb={kb?.articles ?? NO_KB} />}
      <AuditTrail db={db} ticketId={ticket.id} agents={agents} />
    </aside>
  );
}
