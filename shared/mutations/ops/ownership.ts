import { canOwnTicket, isSupervisor } from '../../auth/access';
import { refuse, type ApplyContext, type ApplyOutcome, type TicketAggregate } from '../context';
import type { ArgsOf } from '../mutations';
import { actorOf, existing, firstRefusal, mustBeOpen, mustWorkInTier, mustWorkOn, openStatus, updated } from './common';

/**
 * Explicit ownership: queue membership is not ownership. Someone of the
 * ticket's tier (or a supervisor) takes an unowned ticket; a ticket someone
 * else already owns is not taken over silently.
 */
export function acceptTicket(agg0: TicketAggregate | null, _args: ArgsOf<'acceptTicket'>, ctx: ApplyContext): ApplyOutcome {
  const agg = existing(agg0);
  if (!('ticket' in agg)) return agg;
  const { ticket } = agg;
  const denied = firstRefusal(mustWorkOn(ticket, ctx), mustBeOpen(ticket));
  if (denied) return denied;
  if (ticket.assignee === ctx.actor.id) return refuse('invalid_state', `you already own ${ticket.number}`);
  if (ticket.assignee !== null) {
    const owner = ctx.agentName?.(ticket.assignee) ?? 'someone else';
    return refuse('conflict', `${ticket.number} was already accepted by ${owner}`);
  }
  const outsideTier = mustWorkInTier(ticket, ctx);
  if (outsideTier) return outsideTier;
  const events = [{ type: 'accepted' as const, ...actorOf(ctx), tier: ticket.tier }];
  return updated(agg, { assignee: ctx.actor.id, status: 'assigned' }, events, ctx, { action: 'ticket.accepted' });
}

/**
 * Dispatch: a lead gives a ticket to someone (an agent off sick, a queue to
 * balance), or back to its group's queue; an owner may release their own
 * ticket to the queue. Always with a reason, kept on the timeline. A ticket
 * waiting for its tier's acceptance may be dispatched by a lead to someone of
 * that tier: that is the tier taking it (the accept-within clock stops), so
 * it is recorded as an acceptance on that agent's behalf. Nobody is handed a
 * ticket they could not work on.
 */
export function assignTicket(agg0: TicketAggregate | null, args: ArgsOf<'assignTicket'>, ctx: ApplyContext): ApplyOutcome {
  const agg = existing(agg0);
  if (!('ticket' in agg)) return agg;
  const { ticket } = agg;
  const denied = firstRefusal(mustWorkOn(ticket, ctx), mustBeOpen(ticket));
  if (denied) return denied;
  const releasing = args.assignee === null && ticket.assignee === ctx.actor.id;
  if (!isSupervisor(ctx.actor) && !releasing) {
    return refuse(
      'forbidden',
      ticket.assignee === ctx.actor.id
        ? 'you can release your own ticket to the queue; only a lead or manager gives it to someone else'
        : 'only a lead or manager gives a ticket to someone; accept it yourself if it is unowned',
      'assignee',
    );
  }
  if (args.assignee === ticket.assignee) {
    return refuse('invalid_state', args.assignee === null ? `${ticket.number} is already in the queue, with no owner` : `${ticket.number} is already theirs`, 'assignee');
  }
  if (args.assignee !== null) {
    const target = ctx.agent?.(args.assignee);
    if (!target) return refuse('invalid', `no agent "${args.assignee}" in the directory`, 'assignee');
    if (!canOwnTicket(target, ticket)) {
      return refuse('invalid', `${target.name} does not work in ${ticket.tier} for ${ticket.group}; escalate the ticket to move it to another tier`, 'assignee');
    }
  }
  // Clocks are untouched (a pause stays), except that a dispatch is the tier accepting it; the status follows the owner as everywhere (openStatus).
  const status = openStatus({ assignee: args.assignee, status: 'assigned' }, ticket.status === 'on_hold');
  const who = actorOf(ctx);
  const dispatched = ticket.status === 'pending_acceptance' && args.assignee !== null ? [{ type: 'accepted' as const, ...who, tier: ticket.tier, onBehalfOf: args.assignee }] : [];
  const events = [...dispatched, { type: 'owner_changed' as const, ...who, from: ticket.assignee, to: args.assignee, reason: args.reason }];
  return updated(agg, { assignee: args.assignee, status }, events, ctx, { action: args.assignee === null ? 'ticket.released' : 'ticket.assigned', reason: args.reason });
}
