import { memo } from 'react';
import type { TicketRecord } from '../../db/ticket-record';
import { WatchToggle } from '../alerts/WatchToggle';
import { Countdown } from './Countdown';

const STATUS_LABEL: Record<TicketRecord['status'], string> = {
  new: 'New',
  assigned: 'Assigned',
  in_progress: 'In progress',
  pending_acceptance: 'Pending acceptance',
  on_hold: 'On hold',
  resolved: 'Resolved',
  closed: 'Closed',
};

type Props = { ticket: TicketRecord; meId: string; rowIndex: number; highlighted?: boolean };

/** One queue row; only its countdowns re-render on each tick. */
export const TicketRow = memo(function TicketRow({ ticket, meId, rowIndex, highlighted = false }: Props) {
  const owner = ticket.assignee === null ? 'Unowned' : ticket.assignee === meId ? 'You' : ticket.assignee;
  return (
    <div
      role="row"
      aria-rowindex={rowIndex}
      aria-current={highlighted ? 'true' : undefined}
      className={highlighted ? 'queue-row queue-row--highlight' : 'queue-row'}
      data-ticket={ticket.number}
    >
      <span role="cell" className="cell cell--number">
        {ticket.requester.vip && (
          <span className="vip" title="VIP requester" aria-label="VIP requester">
            ★
          </span>
        )}
        {ticket.number}
        <WatchToggle ticketId={ticket.id} ticketNumber={ticket.number} />
      </span>
      <span role="cell" className="cell cell--title">
        <span className="title">{ticket.title}</span>
        <span className="subtitle">
          {ticket.requester.name} · {ticket.service}
        </span>
      </span>
      <span role="cell" className="cell cell--priority">
        <span className={`badge badge--${ticket.priority}`}>{ticket.priority}</span>
        <span className="badge badge--severity">{ticket.severity}</span>
      </span>
      <span role="cell" className="cell cell--tier">
        {ticket.tier} · {ticket.group}
      </span>
      <span role="cell" className="cell cell--owner">
        {owner}
        <span className="subtitle">{STATUS_LABEL[ticket.status]}</span>
      </span>
      <span role="cell" className="cell cell--clock">
        <Countdown kind="response" clock={ticket.sla.response} />
      </span>
      <span role="cell" className="cell cell--clock">
        <Countdown kind="resolution" clock={ticket.sla.resolution} />
      </span>
    </div>
  );
});
