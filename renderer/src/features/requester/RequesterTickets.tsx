import { useEffect, useRef, type ReactNode } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Group } from '../../../../shared/model/agent';
import { useDb } from '../../app/db-context';
import { useAppStore } from '../../app/store';
import type { TicketRecord } from '../../db/ticket-record';
import { formatDateTime } from '../../time/format';
import { useDebounced } from '../../time/use-debounced';
import { STATUS_LABEL } from '../queue/status-label';
import { knownRequester, resolvedAt, useRequesterOpenTickets, useRequesterResolvedTickets, type KnownRequester as Known, type RequesterTickets as Found } from './requester-tickets';

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

/** A list of the requester's tickets under the open one, each opening with a click; nothing when there are none. */
function RequesterSection({ id, heading, found, line }: { id: string; heading: string; found: Found | undefined; line(t: TicketRecord): ReactNode }) {
  const openDetail = useAppStore((s) => s.openDetail);
  if (!found?.count) return null;
  return (
    <section className="panel requester-tickets" aria-labelledby={id}>
      <h2 id={id}>
        {heading} ({found.count})
      </h2>
      <ul className="requester-list">
        {found.tickets.map((t) => (
          <li key={t.id}>
            <button type="button" className="link" onClick={() => openDetail(t.id)}>
              {line(t)}
            </button>
          </li>
        ))}
        {more(found)}
      </ul>
    </section>
  );
}

/**
 * The requester's other open tickets, under the open ticket: the caller who
 * rings about "the same VPN problem" is seen at once.
 */
export function RequesterTickets({ ticket, groups }: { ticket: TicketRecord; groups: readonly Group[] }) {
  const found = useRequesterOpenTickets(useDb(), ticket.requester.email, ticket.id);
  return <RequesterSection id="requester-tickets-heading" heading={`Other open tickets from ${ticket.requester.name}`} found={found} line={(t) => <TicketLine ticket={t} groups={groups} />} />;
}

/** How a resolved ticket was fixed, on one line (the whole of it on hover). */
function ResolvedLine({ ticket }: { ticket: TicketRecord }) {
  const how = ticket.resolution?.text.replace(/\s+/g, ' ').trim() || 'closed without a resolution note';
  return (
    <>
      <span className="requester-ticket-number">{ticket.number}</span> {ticket.title}{' '}
      <span className="subtitle">
        · {STATUS_LABEL[ticket.status].toLowerCase()} {formatDateTime(resolvedAt(ticket))}
      </span>
      <span className="requester-resolution subtitle" title={how}>
        {how}
      </span>
    </>
  );
}

/**
 * The requester's resolved tickets, under the open ticket, each with how it
 * was fixed: "the same VPN fault as last month" is solved the same way, or
 * the repeat is worth a problem record.
 */
export function RequesterHistory({ ticket }: { ticket: TicketRecord }) {
  const found = useRequesterResolvedTickets(useDb(), ticket.requester.email, ticket.id);
  return <RequesterSection id="requester-history-heading" heading={`Resolved before for ${ticket.requester.name}`} found={found} line={(t) => <ResolvedLine ticket={t} />} />;
}

/**
 * In the New ticket dialog, once an email is typed: this requester's open
 * tickets, so a second call about the same fault becomes a note on the
 * first ticket rather than a duplicate. Shown, never enforced.
 */
export function RequesterDuplicates({ email, groups, onOpen }: { email: string; groups: readonly Group[]; onOpen(ticketId: string): void }) {
  const db = useDb();
  const found = useRequesterOpenTickets(db, useDebounced(email, 250));
  if (!found?.count) return null;
  return (
    <div className="requester-duplicates" role="status">
      <p>
        <strong>
          {found.count === 1 ? 'This requester already has an open ticket' : `This requester already has ${found.count} open tickets`}
        </strong>
        . If the call is about one of them, open it and add a note there instead of a new ticket (what is typed here stays as a draft).
      </p>
      <ul className="requester-list">
        {found.tickets.map((t) => (
          <li key={t.id}>
            <button type="button" className="link" onClick={() => onOpen(t.id)}>
              <TicketLine ticket={t} groups={groups} />
            </button>
          </li>
        ))}
        {more(found)}
      </ul>
    </div>
  );
}

/**
 * In the New ticket dialog, once a known email is typed: who the requester
 * is, as their latest ticket here has them. An empty name is filled in (and
 * VIP ticked when they are one) once per address; a name already typed is
 * never overwritten, but one click takes the known details.
 */
export function KnownRequesterHint({ email, name, vip, onUse }: { email: string; name: string; vip: boolean; onUse(known: Known, filled: 'empty' | 'all'): void }) {
  const db = useDb();
  const settled = useDebounced(email, 250);
  const known = useLiveQuery(() => knownRequester(db, settled), [db, settled]);
  const filledFor = useRef<string | null>(null);
  useEffect(() => {
    if (!known || filledFor.current === known.email) return;
    filledFor.current = known.email;
    if (name.trim() === '') onUse(known, 'empty');
  }, [known, name, onUse]);
  if (!known) return null;
  const same = name.trim() === known.name && vip === known.vip;
  return (
    <p className="known-requester" role="status">
      Known requester: {known.name}
      {known.vip ? ' (VIP)' : ''}, as on {known.number}.{' '}
      {!same && (
        <button type="button" className="link" onClick={() => onUse(known, 'all')}>
          Use these details
        </button>
      )}
    </p>
  );
}
