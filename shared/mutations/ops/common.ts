import { canWorkOnTicket, isSupervisor } from '../../auth/access';
import type { KbArticle } from '../../model/kb-article';
import { isOpenStatus } from '../../model/levels';
import type { TimelineEvent } from '../../model/stored-event';
import type { Ticket } from '../../model/ticket';
import {
  refuse,
  stampEvents,
  type Applied,
  type ApplyContext,
  type Refusal,
  type RequesterNotification,
  type TicketAggregate,
} from '../context';
import { withClocks } from '../recompute';

export const actorOf = (ctx: ApplyContext) => ({ at: ctx.nowMs, by: ctx.actor.id, role: ctx.actor.role });

/** The aggregate, or a refusal when the ticket is unknown (e.g. another agent's ticket the caller cannot see). */
export function existing(agg: TicketAggregate | null): TicketAggregate | Refusal {
  return agg ?? refuse('not_found', 'the ticket does not exist (or you cannot see it)', 'ticketId');
}

export function mustBeOpen(ticket: Ticket): Refusal | null {
  return isOpenStatus(ticket.status) ? null : refuse('invalid_state', `${ticket.number} is ${ticket.status}; reopen it first`);
}

/** Works in the tier the ticket is in (or supervises): who may accept it, or send it back while it waits. */
export function mustWorkInTier(ticket: Ticket, ctx: ApplyContext): Refusal | null {
  if (ctx.actor.tier === ticket.tier || isSupervisor(ctx.actor)) return null;
  return refuse('forbidden', `${ticket.number} waits in ${ticket.tier}; you work in ${ctx.actor.tier ?? 'no tier'}`);
}

/** A closed ticket is final: nothing more is written to it (notes and article marks included). */
export function mustNotBeClosed(ticket: Ticket): Refusal | null {
  return ticket.status === 'closed' ? refuse('invalid_state', `${ticket.number} is closed, and a closed ticket is final; open a new ticket that refers to ${ticket.number}`) : null;
}

/** Acts only in their groups (or on their own ticket); leads, managers and admins act anywhere. */
export function mustWorkOn(ticket: Ticket, ctx: ApplyContext): Refusal | null {
  return canWorkOnTicket(ctx.actor, ticket)
    ? null
    : refuse('forbidden', `${ticket.number} belongs to ${ticket.group}; you can act only on tickets of your groups`);
}

/** The owner, or a supervisor: who may move the ticket on (escalate, resolve). */
export function mustOwn(ticket: Ticket, ctx: ApplyContext): Refusal | null {
  if (ticket.assignee === ctx.actor.id || isSupervisor(ctx.actor)) return null;
  return refuse(
    'forbidden',
    ticket.assignee === null ? `${ticket.number} has no owner yet; accept it first` : `${ticket.number} is owned by someone else`,
  );
}

export function firstRefusal(...checks: Array<Refusal | null>): Refusal | null {
  return checks.find((c) => c !== null) ?? null;
}

type UpdateOptions = {
  action: string;
  reason?: string | null;
  kbArticles?: KbArticle[];
  notifications?: RequesterNotification[];
};

/** The common ending of a ticket mutation: log the events, bump the version, recompute the clocks. */
export function updated(
  agg: TicketAggregate,
  changes: Partial<Ticket>,
  newEvents: readonly TimelineEvent[],
  ctx: ApplyContext,
  options: UpdateOptions,
): Applied {
  const events = stampEvents(agg, agg.ticket.id, newEvents, ctx.eventIdPrefix);
  const next: Ticket = { ...agg.ticket, ...changes, version: agg.ticket.version + 1, updatedAt: ctx.nowMs };
  const ticket = withClocks(next, [...agg.events, ...events], ctx.policy, ctx.nowMs);
  return {
    ok: true,
    ticket,
    events,
    kbArticles: options.kbArticles ?? [],
    notifications: options.notifications ?? [],
    audit: { action: options.action, entityType: 'ticket', entityId: ticket.id, before: agg.ticket, after: ticket, reason: options.reason ?? null },
  };
}

/** Status of an open ticket after a change, from who owns it and what is paused. */
export function openStatus(ticket: Pick<Ticket, 'assignee' | 'status'>, paused: boolean): Ticket['status'] {
  if (ticket.status === 'pending_acceptance') return 'pending_acceptance';
  if (ticket.assignee === null) return 'new';
  if (paused) return 'on_hold';
  return ticket.status === 'assigned' ? 'assigned' : 'in_progress';
}
