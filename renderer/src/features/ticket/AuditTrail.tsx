import { useLiveQuery } from 'dexie-react-hooks';
import type { Agent } from '../../../../shared/model/agent';
import type { TierdeskDb } from '../../db/db';
import { formatDateTime } from '../../time/format';

const ACTION_TEXT: Record<string, string> = {
  'ticket.created': 'created the ticket',
  'ticket.accepted': 'accepted ownership',
  'ticket.note_added': 'added a note',
  'ticket.fields_updated': 'changed fields',
  'ticket.escalated_functional': 'escalated to another tier',
  'ticket.returned_to_tier': 'sent the ticket back to a lower tier',
  'ticket.escalated_hierarchical': 'escalated to management',
  'ticket.clock_paused': 'paused a clock',
  'ticket.clock_resumed': 'resumed a clock',
  'ticket.resolved': 'resolved the ticket',
  'ticket.reopened': 'reopened the ticket',
  'ticket.closed': 'closed the ticket (resolved and not reopened in time)',
  'escalation.fired': 'carried out escalation steps',
  'ticket.kb_marked': 'marked a knowledge article',
  'mutation.refused': 'tried an action the server refused',
};

/**
 * The server's audit trail for this ticket: every applied or refused action,
 * who and why, with its place in the hash chain (the full before/after
 * records stay on the server for leads and auditors).
 */
export function AuditTrail({ db, ticketId, agents }: { db: TierdeskDb; ticketId: string; agents: ReadonlyMap<string, Agent> }) {
  const entries = useLiveQuery(
    () => db.audit.where('[ticketId+seq]').between([ticketId, -Infinity], [ticketId, Infinity]).reverse().toArray(),
    [db, ticketId],
  );
  if (!entries?.length) return null;
  return (
    <details className="panel audit-trail">
      <summary>Audit trail ({entries.length})</summary>
      <ol>
        {entries.map((e) => (
          <li key={e.seq} data-audit={e.action}>
            <time dateTime={new Date(e.at).toISOString()}>{formatDateTime(e.at)}</time>{' '}
            {(e.actorId && agents.get(e.actorId)?.name) ?? e.actorId ?? 'Tierdesk'} {ACTION_TEXT[e.action] ?? e.action}
            {e.reason ? `: ${e.reason}` : ''} <code title={`audit entry ${e.seq}, hash ${e.hash}`}>#{e.seq} {e.hash.slice(0, 8)}</code>
          </li>
        ))}
      </ol>
    </details>
  );
}
