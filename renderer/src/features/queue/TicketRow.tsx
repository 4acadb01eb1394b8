import { memo } from 'react';
import type { Agent, Group } from '../../../../shared/model/agent';
import type { TicketRecord } from '../../db/ticket-record';
import { agentName } from '../../db/use-directory';
import { formatDateTime } from '../../time/format';
import { WatchToggle } from '../alerts/WatchToggle';
import { Countdown } from './Countdown';
import { PausedBy } from './PausedBy';
import { STATUS_LABEL } from './status-label';

type Props = {
  ticket: TicketRecord;
  meId: string;
  rowIndex: number;
  selected: boolean;
  agents: ReadonlyMap<string, Agent>;
  groups: ReadonlyMap<string, Group>;
  /** Pending my acceptance: the accept-within clock is what matters, shown in place of the response clock. */
  acceptanceColumn: boolean;
  onOpen(id: string): void;
};

/** One queue row; only its countdowns re-render on each tick. */
export const TicketRow = memo(function TicketRow({ ticket, meId, rowIndex, selected, agents, groups, acceptanceColumn, onOpen }: Props) {
  const paused = ticket.sla.response.state === 'paused' || ticket.sla.resolution.state === 'paused';
  return (
    <div
      role="row"
      aria-rowindex={rowIndex}
      aria-current={selected ? 'true' : undefined}
      className={selected ? 'queue-row queue-row--selected' : 'queue-row'}
      data-ticket={ticket.number}
      onClick={() => onOpen(ticket.id)}
    >
      <span role="cell" className="cell cell--number">
        {ticket.requester.vip && (
          <span className="vip" title="VIP requester" aria-label="VIP requester">
            ★
          </span>
        )}
        <button type="button" className="link" aria-label={`Open ${ticket.number}: ${ticket.title}`} onClick={(e) => (e.stopPropagation(), onOpen(ticket.id))}>
          {ticket.number}
        </button>
        <WatchToggle ticketId={ticket.id} ticketNumber={ticket.number} />
        {ticket.pending > 0 && (
          <span className="pending-dot" title={`${ticket.pending} change(s) waiting to sync`} aria-label={`${ticket.pending} change(s) waiting to sync`}>
            ⟳
          </span>
        )}
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
        {ticket.tier} · {groups.get(ticket.group)?.name ?? ticket.group}
        {ticket.skipRequest && (
          // What a lead triaging Skip approvals needs at a glance: to which tier, asked by whom and when.
          <span className="subtitle skip-asked" title={`${agentName(agents, ticket.skipRequest.by, meId)} asked on ${formatDateTime(ticket.skipRequest.at)}: ${ticket.skipRequest.reason}`}>
            Skip to {ticket.skipRequest.toTier} waits for a lead
          </span>
        )}
      </span>
      <span role="cell" className="cell cell--owner">
        {agentName(agents, ticket.assignee, meId)}
        <span className="subtitle">{paused ? <PausedBy ticketId={ticket.id} agents={agents} /> : STATUS_LABEL[ticket.status]}</span>
      </span>
      <span role="cell" className="cell cell--clock">
        {acceptanceColumn && ticket.sla.acceptance ? (
          <Countdown kind="acceptance" clock={ticket.sla.acceptance} />
        ) : (
          <Countdown kind="response" clock={ticket.sla.response} />
        )}
      </span>
      <span role="cell" className="cell cell--clock">
        <Countdown kind="resolution" clock={ticket.sla.resolution} />
      </span>
    </div>
  );
});
