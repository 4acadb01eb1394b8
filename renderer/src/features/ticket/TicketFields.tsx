import type { Agent, Group } from '../../../../shared/model/agent';
import { getActivePolicy } from '../../app/policy';
import type { TicketRecord } from '../../db/ticket-record';
import { agentName } from '../../db/use-directory';
import { formatDateTime } from '../../time/format';
import { STATUS_LABEL } from '../queue/status-label';

/** Fields, requester and service, as a description list. */
export function TicketFields({ ticket, agents, groups, meId }: { ticket: TicketRecord; agents: ReadonlyMap<string, Agent>; groups: readonly Group[]; meId: string }) {
  const category = getActivePolicy().policy.categories.find((c) => c.id === ticket.category)?.name ?? ticket.category;
  const response = getActivePolicy().policy.responseDefinition[ticket.channel];
  return (
    <dl className="ticket-fields">
      <dt>Requester</dt>
      <dd>
        {ticket.requester.name} {ticket.requester.vip && <span className="badge badge--vip">VIP</span>}
        <br />
        <a href={`mailto:${ticket.requester.email}`}>{ticket.requester.email}</a>
      </dd>
      <dt>Service</dt>
      <dd>{ticket.service}</dd>
      <dt>Category</dt>
      <dd>{category}</dd>
      <dt>Impact × urgency</dt>
      <dd>
        {ticket.impact} × {ticket.urgency} → {ticket.priority}, severity {ticket.severity}
      </dd>
      <dt>Status</dt>
      <dd>{STATUS_LABEL[ticket.status]}</dd>
      <dt>Tier · group</dt>
      <dd>
        {ticket.tier} · {groups.find((g) => g.id === ticket.group)?.name ?? ticket.group}
      </dd>
      <dt>Owner</dt>
      <dd>{agentName(agents, ticket.assignee, meId)}</dd>
      <dt>Channel</dt>
      <dd>
        {ticket.channel}
        {response && <span className="subtitle"> (first response: {response.map((r) => r.replace(/_/g, ' ')).join(', ')})</span>}
      </dd>
      <dt>Opened</dt>
      <dd>{formatDateTime(ticket.createdAt)}</dd>
      <dt>Updated</dt>
      <dd>{formatDateTime(ticket.updatedAt)}</dd>
      {ticket.resolution && (
        <>
          <dt>Resolution</dt>
          <dd>{ticket.resolution.text}</dd>
        </>
      )}
    </dl>
  );
}
