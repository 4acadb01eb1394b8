import type { Group } from '../../../../shared/model/agent';
import { useDb } from '../../app/db-context';
import { useAppStore } from '../../app/store';
import type { TicketRecord } from '../../db/ticket-record';
import { formatDateTime } from '../../time/format';
import { useDebounced } from '../../time/use-debounced';
import { STATUS_LABEL } from '../queue/status-label';
import { resolvedAt, useRequesterOpenTickets, useRequesterResolvedTickets, type RequesterTickets as Found } from './requester-tickets';

function TicketLine({ ticket, groups }: { ticket: TicketRecord; groups: readonly Group[] }) {
  const group = groups.find((g) => g.id === ticket.group)?.name ?? ticket.group;
  return (
    <>
      <span className="requester-ticket-number">{ticket.number}</span> {ticket.title}{' '}
      <span className="subtitle">
        · {ticket.priority} · {ticket.tier} {group} · {STATUS_LABEL[ticket.status]} · opened {formatDateTime(ticket.createdAt)}
      </span>
    </>
  );
}

const more = (found: Found) => (found.count > found.tickets.length ? <li className="subtitle">and {found.count - found.tickets.length} more</li> : null);

/**
 * The requester's other open tickets, under the open ticket: the caller who
 * rings about "the same VPN problem" is seen at once, and each one opens
 * with a click. Nothing is shown when there are none.
 */
export function RequesterTickets({ ticket, groups }: { ticket: TicketRecord; groups: readonly Group[] }) {
  const db = useDb();
  const openDetail = useAppStore((s) => s.openDetail);
  const found = useRequesterOpenTickets(db, ticket.requester.email, ticket.id);
  if (!found?.count) return null;
  return (
    <section className="panel requester-tickets" aria-labelledby="requester-tickets-heading">
      <h2 id="requester-tickets-heading">
        Other open tickets from {ticket.requester.name} ({found.count})
      </h2>
      <ul className="requester-list">
        {found.tickets.map((t) => (
          <li key={t.id}>
            <button type="button" className="link" onClick={() => openDetail(t.id)}>
              <TicketLine ticket={t} groups={groups} />
            </button>
          </li>
        ))}
        {more(found)}
      </ul>
    </section>
  );
}

/**
 * The requester's resolved tickets, under the open ticket, each with how it
 * was fixed: "the same VPN fault as last month" is solved the same way, or
 * the repeat is worth a problem record. Nothing is shown when there are none.
 */
export function RequesterHistory({ ticket }: { ticket: TicketRecord }) {
  const db = useDb();
  const openDetail = useAppStore((s) => s.openDetail);
  const found = useRequesterResolvedTickets(db, ticket.requester.email, ticket.id);
  if (!found?.count) return null;
  return (
    <section className="panel requester-tickets" aria-labelledby="requester-history-heading">
      <h2 id="requester-history-heading">
        Resolved before for {ticket.requester.name} ({found.count})
      </h2>
      <ul className="requester-list">
        {found.tickets.map((t) => {
          const how = t.resolution?.text.replace(/\s+/g, ' ').trim() || 'closed without a resolution note';
          return (
            <li key={t.id}>
              <button type="button" className="link" onClick={() => openDetail(t.id)}>
                <span className="requester-ticket-number">{t.number}</span> {t.title}{' '}
                <span className="subtitle">
                  · {STATUS_LABEL[t.status].toLowerCase()} {formatDateTime(resolvedAt(t))}
                </span>
                <span className="requester-resolution subtitle" title={how}>
                  {how}
                </span>
              </button>
            </li>
          );
        })}
        {more(found)}
      </ul>
    </section>
  );
}

/**
 * In the New ticket dialog, once an email is typed: this requester's open
 * tickets, so a second call about the same fault becomes a note on the
 * first ticket rather than a duplicate. Shown, never enforced.
 */
export function RequesterDuplicates({ email, groups }: { email: string; groups: readonly Group[] }) {
  const db = useDb();
  const found = useRequesterOpenTickets(db, useDebounced(email, 250));
  if (!found?.count) return null;
  return (
    <div className="requester-duplicates" role="status">
      <p>
        <strong>
          {found.count === 1 ? 'This requester already has an open ticket' : `This requester already has ${found.count} open tickets`}
        </strong>
        . If the call is about one of them, add a note there instead of a new ticket.
      </p>
      <ul className="requester-list">
        {found.tickets.map((t) => (
          <li key={t.id}>
            <TicketLine ticket={t} groups={groups} />
          </li>
        ))}
        {more(found)}
      </ul>
    </div>
  );
}
