import { refuse, type ApplyContext, type ApplyOutcome, type TicketAggregate } from '../context';
import type { ArgsOf } from '../mutations';
import { actorOf, existing, firstRefusal, mustBeOpen, mustWorkInTier, mustWorkOn, updated } from './common';

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
